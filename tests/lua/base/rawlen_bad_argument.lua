-- rawlen at top level with a bad argument.
rawlen(nil)
