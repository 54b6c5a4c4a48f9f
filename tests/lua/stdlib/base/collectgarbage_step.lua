-- collectgarbage("step"): incremental steps finish cycles (running finalizers and clearing weak tables); generational steps report false; a negative step does nothing; steps work while the collector is stopped.
collectgarbage("incremental")
-- a step of 0 wakes the collector and works; repeating it finishes a cycle
local n = 0
repeat n = n + 1 until collectgarbage("step", 0) or n > 100000
print("finished", n <= 100000)
-- big steps finish cycles
print(collectgarbage("step", 1000000))
-- finalizers run at the end of a stepped cycle
local ran = false
setmetatable({}, {__gc = function() ran = true end})
n = 0
repeat n = n + 1 until (collectgarbage("step", 0) and ran) or n > 100000
print("finalized", ran)
-- weak tables are cleared by stepped cycles
local weak = setmetatable({}, {__mode = "v"})
weak[1] = {}
repeat until collectgarbage("step", 64)
print("weak cleared", weak[1] == nil)
print(collectgarbage("step", -5))
collectgarbage("generational")
print(collectgarbage("step"), collectgarbage("step", 100000))
collectgarbage("stop")
collectgarbage("incremental")
print(collectgarbage("step", 1000000), collectgarbage("isrunning"))
