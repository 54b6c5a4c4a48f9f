-- floor/ceil near the integer limits and for tiny values
print(math.floor(-2^63), math.ceil(-2^63), math.floor(2^63 - 1024), math.ceil(2^63 - 1024))
print(math.floor(-2^63 - 2048), math.ceil(2^63))
print(math.floor(0.9999999999999999), math.ceil(1e-300), math.floor(-1e-300), math.ceil(-1e-300))
print(math.floor(-3.5), math.ceil(-3.5), math.floor(3.5), math.ceil(3.5))
print(math.floor(0/0) ~= math.floor(0/0), math.ceil(0/0) ~= math.ceil(0/0))
print(math.floor(math.mininteger), math.ceil(math.maxinteger))
