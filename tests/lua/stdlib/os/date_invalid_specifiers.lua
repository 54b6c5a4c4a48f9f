-- conversions outside C99's list are rejected with the rest of the format in the message
for _, f in ipairs{"%Ez", "%", "abc%", "%O", "%E", "%Ea", "%Oa", "%s", "%5d", "%-d",
                   "%q", "%k", "%l", "%P", "%+", "%#x", "%E%", "x%Ez abc", "%Y%", "!%i"} do
  print(f, pcall(os.date, f, 0))
end
