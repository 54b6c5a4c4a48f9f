-- A small class with __index and methods.
local Point = {}
Point.__index = Point
function Point.new(x, y) return setmetatable({x = x, y = y}, Point) end
function Point:len2() return self.x * self.x + self.y * self.y end
function Point:add(o) return Point.new(self.x + o.x, self.y + o.y) end
local p = Point.new(1, 2):add(Point.new(3, 4))
print(p.x, p.y, p:len2())
