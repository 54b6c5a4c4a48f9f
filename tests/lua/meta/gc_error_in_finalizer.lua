-- An error inside a finalizer does not stop the program (it becomes a warning).
do
  setmetatable({}, {__gc = function() error("finalizer error") end})
end
collectgarbage()
print("still running")
