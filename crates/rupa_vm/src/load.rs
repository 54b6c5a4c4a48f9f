//! Loading chunks: turning a compiled [`Proto`] into a GC-managed [`FunctionProto`] (constants
//! as Lua values, nested prototypes) and wrapping the main function in a closure whose `_ENV`
//! is the globals table or a given environment.

use std::rc::Rc;

use gc_arena::Gc;
use hashbrown::HashTable;

use crate::error::{RuntimeError, SyntaxError};
use crate::function::{Closure, Function, FunctionKind, FunctionProto, LuaClosure, UpValue};
use crate::proto::{Constant, Proto};
use crate::state::Context;
use crate::string::LuaString;
use crate::value::Value;

/// Converts a compiled prototype (and its children) into its GC form.
pub fn load_proto<'gc>(
    ctx: Context<'gc>,
    proto: &Rc<Proto>,
) -> Result<Gc<'gc, FunctionProto<'gc>>, RuntimeError<'gc>> {
    let source = ctx.new_string(proto.source.as_bytes())?;
    let mut strings = ChunkStrings {
        source,
        table: HashTable::new(),
    };
    load_proto_sharing(ctx, proto, &mut strings)
}

/// The strings of one chunk being loaded, each made once: its source name and its string
/// constants, found by their content hash.
struct ChunkStrings<'gc> {
    source: LuaString<'gc>,
    table: HashTable<LuaString<'gc>>,
}

impl<'gc> ChunkStrings<'gc> {
    fn get(&mut self, ctx: Context<'gc>, s: &[u8]) -> Result<LuaString<'gc>, RuntimeError<'gc>> {
        let hash = crate::string::hash_bytes(s);
        if let Some(&shared) = self.table.find(hash, |k| k.as_bytes() == s) {
            return Ok(shared);
        }
        let string = match meta_name(ctx, s) {
            Some(name) => name,
            None => ctx.new_string(s)?,
        };
        self.table.insert_unique(hash, string, |k| k.hash_value());
        Ok(string)
    }
}

/// [`load_proto`] where equal string constants of the whole chunk share one string object:
/// a field name stored by one function and read by another then matches by pointer, without
/// comparing bytes. Every function of a chunk shares its source name too.
fn load_proto_sharing<'gc>(
    ctx: Context<'gc>,
    proto: &Rc<Proto>,
    strings: &mut ChunkStrings<'gc>,
) -> Result<Gc<'gc, FunctionProto<'gc>>, RuntimeError<'gc>> {
    ctx.reserve(proto.code.len() * 8 + proto.constants.len() * 16 + 128)?;
    let mut constants = Vec::with_capacity(proto.constants.len());
    for c in &proto.constants {
        constants.push(match c {
            Constant::Nil => Value::Nil,
            Constant::Boolean(b) => Value::Boolean(*b),
            Constant::Integer(i) => Value::Integer(*i),
            Constant::Number(n) => Value::Number(*n),
            Constant::String(s) => Value::String(strings.get(ctx, s)?),
        });
    }
    let mut protos = Vec::with_capacity(proto.protos.len());
    for p in &proto.protos {
        protos.push(load_proto_sharing(ctx, p, strings)?);
    }
    let source = if proto.source.as_bytes() == strings.source.as_bytes() {
        strings.source
    } else {
        ctx.new_string(proto.source.as_bytes())?
    };
    Ok(Gc::new(
        ctx.mc,
        FunctionProto {
            proto: proto.clone(),
            source,
            constants: constants.into_boxed_slice(),
            protos: protos.into_boxed_slice(),
            field_hints: (0..crate::function::HINTS_PER_OP * proto.code.len())
                .map(|_| std::cell::Cell::new(0))
                .collect(),
        },
    ))
}

/// The state's own string object for a metamethod name: metatables filled from constants then
/// hold the very key metamethod lookups use, so those lookups compare pointers, not bytes.
fn meta_name<'gc>(ctx: Context<'gc>, s: &[u8]) -> Option<crate::string::LuaString<'gc>> {
    if !s.starts_with(b"__") {
        return None;
    }
    crate::meta::MetaEvent::ALL
        .iter()
        .find(|e| e.name().as_bytes() == s)
        .map(|e| ctx.meta_name(*e))
}

/// A closure of a main-chunk prototype whose first upvalue (`_ENV`) is `env`, or the globals
/// table when `env` is `None`.
pub fn closure_from_proto<'gc>(
    ctx: Context<'gc>,
    proto: &Rc<Proto>,
    env: Option<Value<'gc>>,
) -> Result<Function<'gc>, RuntimeError<'gc>> {
    let fp = load_proto(ctx, proto)?;
    let env = env.unwrap_or(Value::Table(ctx.state.globals));
    let upvalues: Box<[UpValue<'gc>]> = (0..proto.upvalues.len())
        .map(|i| UpValue::closed(ctx.mc, if i == 0 { env } else { Value::Nil }))
        .collect();
    Ok(Function::Closure(Closure(Gc::new(
        ctx.mc,
        FunctionKind::Lua(LuaClosure::new(fp, upvalues)),
    ))))
}

/// A compiler front end: source and chunk name to a prototype. The parser and compiler plug in
/// here; `load_chunk` uses it.
pub type Frontend = fn(&[u8], &str) -> Result<Rc<Proto>, SyntaxError>;

/// Loads a chunk with `frontend`, ready to call. Out-of-memory while building constants is
/// reported as a syntax-style error "not enough memory".
pub fn load_with<'gc>(
    ctx: Context<'gc>,
    frontend: Frontend,
    source: &[u8],
    chunk_name: &str,
    env: Option<Value<'gc>>,
) -> Result<Function<'gc>, SyntaxError> {
    let proto = frontend(source, chunk_name)?;
    closure_from_proto(ctx, &proto, env).map_err(|_| SyntaxError {
        message: "not enough memory".to_string(),
    })
}

fn frontend(source: &[u8], chunk_name: &str) -> Result<Rc<Proto>, SyntaxError> {
    let chunk = crate::parser::parse(source, chunk_name)?;
    crate::compiler::compile(&chunk, chunk_name)
}

/// Parses and compiles `source` and returns the main function, with `_ENV` = `env` or the
/// globals table.
pub fn load_chunk<'gc>(
    ctx: Context<'gc>,
    source: &[u8],
    chunk_name: &str,
    env: Option<Value<'gc>>,
) -> Result<Function<'gc>, SyntaxError> {
    load_with(ctx, frontend, source, chunk_name, env)
}
