-- collectgarbage's mode switches record their parameters (zero keeps one) and report the
-- previous mode; setpause/setstepmul return the previous value as 5.4 stores it.
print(collectgarbage("incremental", 100, 200, 10))
print(collectgarbage("setpause"), collectgarbage("setpause", 100))
print(collectgarbage("setstepmul"), collectgarbage("setstepmul", 200))
print(collectgarbage("incremental", 0, 0, 0))
print(collectgarbage("setpause", 300), collectgarbage("setstepmul", 400))
print(collectgarbage("generational", 30, 150), collectgarbage("generational", 0, 0))
print(collectgarbage("incremental"), collectgarbage("setpause", 150), collectgarbage("setpause"))
print(pcall(collectgarbage, "incremental", 1.5))
print(pcall(collectgarbage, "generational", {}, 1))
