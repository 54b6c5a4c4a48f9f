-- '#' on strings counts bytes.
print(#"", #"abc", #"\0\0", #"\u{10FFFF}", #("x" .. "yz"))
print(pcall(function() return #5 end))
print(pcall(function() local n; return #n end))
