-- a loader returning nothing stores true; one that sets package.loaded itself keeps that
package.preload.nothing = function() end
print(require("nothing"), package.loaded.nothing)
package.preload.self = function(name) package.loaded[name] = "set by module" end
print(require("self"))
package.preload.falsy = function() return false end
print(require("falsy"), package.loaded.falsy)
print(require("falsy"))
