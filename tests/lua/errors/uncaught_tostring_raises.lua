-- An uncaught error object whose __tostring raises: the new error is what gets reported.
print("before")
error(setmetatable({}, {__tostring = function() error("raised by __tostring") end}))
