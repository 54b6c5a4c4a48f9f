//! rupa: the embedding API of the rupa Lua 5.4 VM, for any host (the CLI, Python, wasm).
//!
//! A [`Runtime`] is one Lua state with its libraries, limits and handles. Scripts run in slices
//! of fuel: a call can be given an instruction budget, stopped from another thread through an
//! [`InterruptHandle`], and held under a memory cap that is enforced when memory is requested.
//! Values the host keeps are [`Handle`]s, which stay valid across garbage collections.
//!
//! Nothing here needs threads, a clock or a file system, so it builds for `wasm32-wasip1`.
#![forbid(unsafe_code)]

mod error;
mod runtime;
mod value;

pub use error::Error;
pub use runtime::{Api, Limits, Nested, Runtime};
pub use rupa_vm::lua::InterruptHandle;
pub use value::{Handle, LuaValue};
