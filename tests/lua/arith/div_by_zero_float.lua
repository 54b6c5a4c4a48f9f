-- '/' always produces floats: infinities and NaN instead of errors.
print(1 / 0, -1 / 0, 0 / 0 ~= 0 / 0)
print(1 / -0.0, -1 / -0.0, 0.0 / 1, -0.0 / 1)
local nan = 0 / 0
print(nan == nan, nan ~= nan, nan < nan, nan > 0, nan <= nan)
