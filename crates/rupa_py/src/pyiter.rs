//! Python iteration from Lua, natively: the host side of `python.iter`, `python.iterex` and
//! `python.enumerate` (`make_iter`, `iter_next`), which the facade's `Bridge` methods of the
//! same names also describe. One Lua loop step is one `PyIter_Next`, with no Python frame.
//!
//! It must be called with the Lua state parked (`Core::run_python`): advancing an iterator
//! runs arbitrary Python code (a generator), which may call back into the runtime.

use pyo3::prelude::*;
use pyo3::types::{PyIterator, PyTuple};

use smallvec::smallvec;

use crate::host::PyResults;
use crate::pyobject::ProtocolWrapper;
use crate::seqiter::SeqIter;

/// A tuple from the iterator is several Lua values (`iterex`, or `unpack_returned_tuples`).
const UNPACK_TUPLE: u8 = 2;
/// The loop's control value counts up and comes first (`enumerate`).
pub(crate) const ENUMERATOR: u8 = 4;

/// `iter(obj)` as the userdata the loop's `iter_next` is given; `args` holds the mode.
pub(crate) fn make_iter<'py>(
    py: Python<'py>,
    unpack_tuples: bool,
    obj: PyObject,
    args: &[PyObject],
) -> PyResult<PyResults<'py>> {
    let mut mode = match args.first() {
        Some(m) => m.extract::<u8>(py)?,
        None => 0,
    };
    if unpack_tuples {
        mode |= UNPACK_TUPLE;
    }
    let obj = obj.bind(py);
    // A list or tuple is stepped by index, in batches (`seqiter.rs`); not for `enumerate`,
    // whose count is the loop's control value.
    let it = match SeqIter::over(obj) {
        Some(seq) if mode & ENUMERATOR == 0 => Bound::new(py, seq)?.into_any(),
        _ => obj.iter()?.into_any(),
    };
    let wrapped = Bound::new(
        py,
        ProtocolWrapper {
            obj: it.unbind(),
            flags: mode,
        },
    )?;
    Ok(smallvec![wrapped.into_any()])
}

/// One step of a Python iterator for Lua's generic `for`: `nil` when it is exhausted, else
/// (the count for `enumerate`, then) the value, or a tuple's items when unpacking. `None` can
/// not come first (it would end the loop): it goes in as `python.none`. `None` is returned
/// when `it` is not an iterator, for the bridge to raise Python's own error.
pub(crate) fn iter_next<'py>(
    py: Python<'py>,
    it: &PyObject,
    flags: u8,
    args: &[PyObject],
) -> Option<PyResult<PyResults<'py>>> {
    let it = it.bind(py).downcast::<PyIterator>().ok()?.clone();
    Some(step(py, it, flags, args))
}

fn step<'py>(
    py: Python<'py>,
    mut it: Bound<'py, PyIterator>,
    flags: u8,
    args: &[PyObject],
) -> PyResult<PyResults<'py>> {
    let obj = it.next().transpose()?;
    values(py, obj, flags, args)
}

/// What one step gives Lua for `obj`, the iterator's next item (`None`: exhausted).
pub(crate) fn values<'py>(
    py: Python<'py>,
    obj: Option<Bound<'py, PyAny>>,
    flags: u8,
    args: &[PyObject],
) -> PyResult<PyResults<'py>> {
    let Some(obj) = obj else {
        return Ok(smallvec![py.None().into_bound(py)]);
    };
    let mut out = PyResults::new();
    if flags & ENUMERATOR != 0 {
        let count = match args.first().map(|c| c.bind(py)) {
            Some(c) if c.is_truthy()? => c.add(1)?,
            _ => 1i64.into_py(py).into_bound(py),
        };
        out.push(count);
    }
    let start = out.len();
    match obj.downcast::<PyTuple>() {
        Ok(t) if flags & UNPACK_TUPLE != 0 => out.extend(t.iter()),
        _ => out.push(obj),
    }
    if start == 0 && out.first().is_some_and(|v| v.is_none()) {
        out[0] = Bound::new(
            py,
            ProtocolWrapper {
                obj: py.None(),
                flags: 0,
            },
        )?
        .into_any();
    }
    Ok(out)
}
