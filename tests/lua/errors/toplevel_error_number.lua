-- An uncaught numeric error.
error(42)
