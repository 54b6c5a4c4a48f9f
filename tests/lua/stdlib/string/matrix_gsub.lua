-- gsub over a grid of subjects, patterns and replacement strings
local subjects = {"", "abc", "hello world", "a,b,,c", "x=1, y=22", "aaa"}
local patterns = {"", "a", "%a+", "(%a)", "(%a+)=(%d+)", ",", "^a", "a$", ".-", "%s*", "(h)(e)"}
local repls = {"", "<%0>", "%1", "%2%1", "%%", "[%1|%0]", "x"}
for _, s in ipairs(subjects) do
  for _, p in ipairs(patterns) do
    local line = string.format("%q %q:", s, p)
    for _, r in ipairs(repls) do
      local ok, res, n = pcall(string.gsub, s, p, r)
      line = line .. " " .. (ok and (res .. "/" .. n) or ("ERR " .. res))
    end
    print(line)
  end
end
