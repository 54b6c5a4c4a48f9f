#!/usr/bin/env lua5.4 this line is skipped
-- A "#" first line is skipped by the standalone interpreter (not by load).
print("after shebang")
print(select(2, pcall(function() error("the shebang line still counts") end)))
print(load("#!x\nreturn 1"))
