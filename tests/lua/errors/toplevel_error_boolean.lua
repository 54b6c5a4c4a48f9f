-- An uncaught boolean error.
error(true)
