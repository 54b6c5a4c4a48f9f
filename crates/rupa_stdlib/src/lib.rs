//! rupa_stdlib: the Lua 5.4 standard libraries for rupa.
//!
//! For now this holds the VM-independent core of the string library (`string`): pattern
//! matching, `string.format`, `string.pack`/`unpack` and the small byte helpers, all as pure
//! Rust over byte slices. The native-function wrappers that feed Lua values into these come
//! with the VM (issue #3).
//!
//! The `table`, `math` and `utf8` libraries are complete natives (`load_table`, `load_math`,
//! `load_utf8`); `register` installs a library in the globals and in `package.loaded`.
#![forbid(unsafe_code)]

pub mod math;
pub mod register;
pub mod string;
pub mod table;
pub mod utf8;
