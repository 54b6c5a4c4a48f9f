-- An uncaught table error without __tostring.
error({code = 1})
