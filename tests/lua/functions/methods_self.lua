-- Method call syntax passes the receiver as self.
local obj = {name = "obj"}
function obj:greet(greeting) return greeting .. ", " .. self.name end
function obj.plain(x) return x end
print(obj:greet("hello"), obj.greet(obj, "hi"), obj.greet({name = "other"}, "hey"))
print(obj.plain("p"), obj:plain() == obj)
