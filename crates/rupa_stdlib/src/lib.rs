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
