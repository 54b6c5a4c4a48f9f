local a <const>, b <close> = 1, nil
local t = {f = function(...) return ... end}
;;;
t.f"str" t.f[[long]] t.f{1}
local x = (t).f(1)
local y = - - -1
local z = not not nil
local w = a + #t
return
