-- utf8.codes errors
print(pcall(function() for p, c in utf8.codes("a\xC3") do end end))
print(pcall(function() for p, c in utf8.codes("\u{D800}") do end end))
print(pcall(function() for p, c in utf8.codes("ok\xff") do end end))
print(pcall(utf8.codes))
print(pcall(utf8.codes, {}))
for p, c in utf8.codes("x\xC0\x80") do print(p, c) end
