-- Limit errors name the token lua5.4's parser is looking at when the limit is hit.
local function locals(n)
  local s = ""
  for i = 1, n do s = s .. "local a" .. i .. " = " .. i .. "\n" end
  return s
end
local function list(item, n)
  local s = item
  for _ = 2, n do s = s .. ", " .. item end
  return s
end
local function show(src) print((select(2, load(src, "=t")))) end
local base = locals(200)
show(base .. "f(" .. list("y", 54) .. ", )")
show(base .. "f(" .. list("y", 55) .. ")")
show(base .. "f(" .. list("y.z", 60) .. ")")
show(base .. "x = {" .. list("y", 60) .. "}")
show(base .. "x = {" .. list("[y] = y.z", 60) .. "}")
show(base .. "return " .. list("y", 60))
show(base .. "y:m(" .. list("y", 60) .. ")")
local nested = "y"
for _ = 1, 60 do nested = "(1 + " .. nested .. ")" end
show(base .. "x = " .. nested)
show(base .. "f(y, y, y, y, {" .. list("y", 60) .. "})")
show(base .. "f(y, y, y, y, {" .. list("[y] = y.z", 60) .. "})")
show(locals(199) .. "for i = 1, 2 do end")
show(locals(196) .. "for k, v in next, {} do end")
show(locals(199) .. "local function f() end local function g() end")
show("function f(" .. list("p", 201) .. ") end")
show("local t = {}\nfunction t:m(" .. list("p", 200) .. ") end")
show(locals(200) .. "local x <const> = 1")
