-- debug.getinfo of native functions without upvalues (light C functions in lua5.4): what is
-- "C", no upvalues, and func is the very same function; and of natives that do have
-- upvalues (pairs, coroutine.wrap's function) for contrast.
local function show(f)
  local i = debug.getinfo(f)
  print(i.what, i.source, i.short_src, i.linedefined, i.lastlinedefined, i.currentline,
    i.nups, i.nparams, i.isvararg, i.func == f)
end
show(print)
show(string.format)
show(table.insert)
show(math.floor)
show(coroutine.resume)
show(debug.getinfo)
show(io.write)
show(os.time)
show(utf8.char)
show(getmetatable("").__add)
show(getmetatable("").__unm)
print(debug.getinfo(pairs).nups, debug.getinfo(coroutine.wrap(print)).nups)
print(debug.getinfo(math.random).nups, debug.getinfo(require).nups)
print(debug.getinfo(1, "f").func ~= print)
