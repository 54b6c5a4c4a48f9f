-- an uncaught require failure: the message carries the caller's position
package.path = "/tmp/rupa_pkg_nowhere/?.lua"
package.cpath = "/tmp/rupa_pkg_nowhere/?.so"
local m = require("missing_module")
