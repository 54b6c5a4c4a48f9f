-- An uncaught error(nil).
error(nil)
