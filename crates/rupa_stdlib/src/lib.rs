//! rupa_stdlib: the Lua 5.4 standard libraries for rupa, as native functions on `rupa_vm`.
//!
//! Every library is loaded on its own by its `load_<lib>` function. `string` also holds the
//! VM-independent core of the string library (patterns, `format`, `pack`) as pure Rust over
//! byte slices. The `table`, `math` and `utf8` libraries are complete natives (`load_table`,
//! `load_math`, `load_utf8`); `register` installs a library in the globals and in
//! `package.loaded`.
//!
//! Whatever touches the world outside the VM (files, processes, environment, clock, standard
//! streams) goes through the [`host::Host`] the embedder installs with [`host::install`]:
//! [`host::StdHost`] grants what lua5.4 has, [`host::DenyHost`] refuses everything.
#![forbid(unsafe_code)]

pub mod debug;
pub mod host;
pub mod io;
pub mod math;
pub mod os;
pub mod package;
pub mod register;
pub mod string;
pub mod table;
pub mod utf8;
pub mod warn;

pub use debug::load_debug;
pub use io::load_io;
pub use os::load_os;
pub use package::{load_host_base, load_package};
pub use warn::load_warn;

/// Opens every standard library, as `luaL_openlibs` does, with `host` as the outside world:
/// base, coroutine, string, math, utf8, table, os, io, warn, debug, then package (last: it
/// records the others in `package.loaded`). Fails only for memory under a cap.
pub fn open_libs<'gc>(
    ctx: rupa_vm::Context<'gc>,
    host: std::rc::Rc<dyn host::Host>,
) -> Result<(), rupa_vm::RuntimeError<'gc>> {
    rupa_vm::baselib::load_base(ctx)?;
    rupa_vm::corolib::load_coroutine(ctx)?;
    string::load_string(ctx)?;
    math::load_math(ctx)?;
    utf8::load_utf8(ctx)?;
    table::load_table(ctx)?;
    host::install(ctx, host);
    load_os(ctx)?;
    load_io(ctx)?;
    load_warn(ctx)?;
    load_debug(ctx)?;
    load_package(ctx)
}
