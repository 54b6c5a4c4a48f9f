-- An upvalue survives after its scope ends and stays shared.
local getter, setter
do
  local secret = "initial"
  getter = function() return secret end
  setter = function(v) secret = v end
end
print(getter())
setter("changed")
print(getter())
