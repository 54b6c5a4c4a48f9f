-- Runs one script the way support::run_script does (see regen.sh).
local f = assert(loadfile(arg[1]))
local ok, e = pcall(f)
if not ok then print("error: " .. tostring(e)) end
