-- rawget at top level with a bad argument.
rawget(1, 2)
