-- Method calls: objects sharing a class table through __index, and a subclass chain,
-- exercising `obj:method()` dispatch, self field access and setmetatable.
local Counter = {}
Counter.__index = Counter

function Counter.new(step)
  return setmetatable({ value = 0, step = step }, Counter)
end

function Counter:bump()
  self.value = self.value + self.step
  return self
end

function Counter:get()
  return self.value
end

-- A subclass: its methods are found one __index hop further up.
local Toggle = setmetatable({}, { __index = Counter })
Toggle.__index = Toggle

function Toggle.new(step)
  local t = Counter.new(step)
  t.on = false
  return setmetatable(t, Toggle)
end

function Toggle:flip()
  self.on = not self.on
  if self.on then self:bump() end
  return self.on
end

local objects = {}
for i = 1, 10 do
  if i % 2 == 0 then objects[i] = Counter.new(i) else objects[i] = Toggle.new(i) end
end

local rounds = 700000
local flips = 0
for _ = 1, rounds do
  for i = 1, 10, 2 do
    local o = objects[i]
    if o:flip() then flips = flips + 1 end
    objects[i + 1]:bump():bump()
  end
end

local total = 0
for i = 1, 10 do total = total + objects[i]:get() end
print("flips=" .. flips .. " total=" .. total)
