//! rupa._rupa: the native half of the `rupa` Python package (lupa's API on the rupa VM).
//!
//! The facade (`python/rupa/`) owns lupa's API shape; this crate owns the Lua state, the lock,
//! conversions, Python objects inside Lua and the wrapper base class. See DESIGN.md, "The
//! Python bridge".

// pyo3 0.22's `#[pymethods]` expansion converts `PyErr` into itself in every method returning
// `PyResult`; the lint fires on generated code, not on ours.
#![allow(clippy::useless_conversion)]

mod chunks;
mod convert;
mod core;
mod errors;
mod host;
mod init;
mod iter;
mod lock;
mod object;
mod pyiter;
mod pylib;
mod pyobject;
mod registry;
mod roots;
mod runtime;
mod seqiter;
mod table;
mod unshared;

use pyo3::prelude::*;

/// The `rupa._rupa` module.
#[pymodule]
fn _rupa(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<runtime::Runtime>()?;
    m.add_class::<object::LuaObject>()?;
    m.add_class::<table::LuaTableBase>()?;
    m.add_class::<object::Pending>()?;
    m.add_class::<iter::TableIter>()?;
    m.add_class::<pyobject::ProtocolWrapper>()?;
    m.add_class::<seqiter::SeqIter>()?;
    m.add_function(wrap_pyfunction!(registry::register, m)?)?;
    m.add_function(wrap_pyfunction!(pyobject::wrap_protocol, m)?)?;
    m.add("LUA_MAXINTEGER", i64::MAX)?;
    m.add("LUA_MININTEGER", i64::MIN)?;
    Ok(())
}
