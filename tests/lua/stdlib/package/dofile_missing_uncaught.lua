-- dofile of a missing file: the message has no position
dofile("/tmp/rupa_pkg_definitely_missing.lua")
