//! The Python classes this extension creates instances of: the exception classes (defined in
//! Python, `rupa/_errors.py`) and the wrapper classes (`rupa/_wrappers.py`), registered once by
//! the facade at import through `_rupa._register`.

use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::PyType;

/// The facade's classes.
pub(crate) struct Classes {
    pub(crate) lua_error: Py<PyType>,
    pub(crate) syntax_error: Py<PyType>,
    pub(crate) memory_error: Py<PyType>,
    pub(crate) table: Py<PyType>,
    pub(crate) function: Py<PyType>,
    pub(crate) thread: Py<PyType>,
    pub(crate) coroutine_function: Py<PyType>,
    pub(crate) object: Py<PyType>,
}

static CLASSES: GILOnceCell<Classes> = GILOnceCell::new();

/// Registers the facade's classes (the first registration wins).
#[pyfunction]
#[pyo3(name = "_register")]
#[allow(clippy::too_many_arguments)]
pub(crate) fn register(
    py: Python<'_>,
    lua_error: Py<PyType>,
    syntax_error: Py<PyType>,
    memory_error: Py<PyType>,
    table: Py<PyType>,
    function: Py<PyType>,
    thread: Py<PyType>,
    coroutine_function: Py<PyType>,
    object: Py<PyType>,
) {
    let _ = CLASSES.set(
        py,
        Classes {
            lua_error,
            syntax_error,
            memory_error,
            table,
            function,
            thread,
            coroutine_function,
            object,
        },
    );
}

/// The registered classes; an import error if the facade has not registered them.
pub(crate) fn classes(py: Python<'_>) -> PyResult<&'static Classes> {
    CLASSES.get(py).ok_or_else(|| {
        pyo3::exceptions::PyImportError::new_err("rupa._rupa used without the rupa package")
    })
}
