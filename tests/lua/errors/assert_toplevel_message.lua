-- An uncaught failed assertion with a message: the caller's position is prefixed.
assert(false, "value must be positive")
