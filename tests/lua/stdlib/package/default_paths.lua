-- package.path and package.cpath as lua5.4 builds them (no LUA_PATH in the environment)
if os.getenv("LUA_PATH") or os.getenv("LUA_PATH_5_4") then
  print("LUA_PATH set")
else
  print(package.path)
end
if os.getenv("LUA_CPATH") or os.getenv("LUA_CPATH_5_4") then
  print("LUA_CPATH set")
else
  print(package.cpath)
end
