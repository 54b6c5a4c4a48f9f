-- Error messages built with tostring of various values.
print(pcall(function() error("value: " .. tostring(nil) .. ", " .. tostring(1.5)) end))
