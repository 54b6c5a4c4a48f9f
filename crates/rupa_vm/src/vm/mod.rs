//! The interpreter: the bytecode loop (`exec`), the executor that drives threads, natives and
//! errors ([`executor`]) with what it does for a native's call (`native_call`), and the
//! helpers the loop calls out of line: operand names in error messages (`describe`), upvalue
//! cells and closures (`upvalues`), to-be-closed variables (`tbc`), the numeric `for`
//! preparation (`forloop`).

pub(crate) mod coerce;
pub(crate) mod concat;
mod describe;
pub(crate) mod exec;
pub mod executor;
mod forloop;
mod native_call;
pub(crate) mod tbc;
pub(crate) mod upvalues;

pub use executor::{Executor, StepResult};
