-- An uncaught table error with __tostring uses it.
error(setmetatable({}, {__tostring = function() return "custom error object" end}))
