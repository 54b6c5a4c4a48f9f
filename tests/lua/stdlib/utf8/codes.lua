-- utf8.codes iterates positions and code points, skipping stray continuation bytes
local function list(s, lax)
  local r = {}
  for p, c in utf8.codes(s, lax) do r[#r + 1] = p .. ":" .. c end
  return table.concat(r, " ")
end
print(list("ab\u{100}c"))
print(list(""))
print(list("\x80abc"))
print(list("a\x80b"))
print(list("\u{D800}x", true))
print(list("\u{7FFFFFFF}", true))
print(list(12))
local f, s, i = utf8.codes("abc")
print(type(f), s, i)
print(f(s, 0))
print(f(s, 1))
print(f(s, 3))
print(f(s, -5))
print(f(s, 2.0))
