-- resume returns the error; rethrowing it with error() at top level.
local co = coroutine.create(function() error("inner problem") end)
local ok, err = coroutine.resume(co)
error(err, 0)
