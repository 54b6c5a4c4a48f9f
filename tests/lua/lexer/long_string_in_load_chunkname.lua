-- load chunk names: string chunks are shown as [string "..."], truncated.
print(load("x = = 1", "a very long chunk name that goes on and on and on and on and on and on"))
print(load("x ==", "=plain"))
print(load("x ==", "@file.lua"))
print(load("local x = 1\nx = = 2"))
print(load("x = = 1 -- a long first line that is definitely longer than the limit for sources"))
