-- NaN prints as the platform's printf does (sign included).
print(0 / 0, -(0 / 0))
print(tostring(0 / 0), (0 / 0) .. "")
