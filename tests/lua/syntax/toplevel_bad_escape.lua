-- A top-level file with an invalid escape.
local s = "tab\ttab\y"
