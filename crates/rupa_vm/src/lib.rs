//! rupa_vm: the Lua 5.4 language on gc-arena — lexer, parser, compiler to register bytecode,
//! stackless interpreter, values, tables, strings, closures, coroutines, metamethods and errors.
#![forbid(unsafe_code)]

/// Panics for a broken internal invariant: a bug in rupa, never a consequence of any Lua or
/// host input (those are errors). The one way rupa's code gives up; the message says so.
#[macro_export]
macro_rules! vm_bug {
    ($($arg:tt)*) => {
        panic!("rupa internal error (a bug; please report it): {}", format_args!($($arg)*))
    };
}

pub mod arith;
pub mod ast;
pub mod baselib;
pub mod call;
#[cfg(test)]
mod case_data;
pub mod chunkname;
pub mod compiler;
pub mod corolib;
pub mod debug_info;
pub mod error;
pub mod frame;
pub mod function;
pub mod gc;
pub mod hook;
pub mod introspect;
pub mod lexer;
pub mod load;
pub mod lua;
pub mod meta;
pub mod metaops;
pub mod native;
pub mod number;
pub mod opcode;
pub mod parser;
pub mod proto;
pub mod state;
pub mod string;
pub mod table;
pub mod thread;
pub mod userdata;
pub mod value;
pub mod vm;

pub use compiler::{compile, disassemble};
pub use error::RuntimeError;
pub use lexer::skip_shebang;
pub use parser::parse;
pub use state::{Context, State};
pub use string::LuaString;
pub use table::Table;
pub use value::Value;
