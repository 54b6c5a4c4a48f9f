-- load with native functions as the reader: each returns nothing (or raises), which ends
-- or rejects the chunk. Only the first line of an error is printed: lua5.4's standalone
-- message handler appends a traceback to errors raised inside load.
local f, err = load(print)
print(type(f), err)
print(f())
local function first_line(f, msg)
  print(f, (tostring(msg):match("^[^\n]*")))
end
first_line(load(type))
first_line(load(tostring))
