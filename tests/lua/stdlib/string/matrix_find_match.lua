-- find/match over a grid of patterns and subjects (results and errors, whole native path)
local subjects = {"", "a", "abc", "aaa", "hello world", "  x = 12 ", "(a(b)c)", "A1b2C3", "a.b%c", "\0a\0"}
local patterns = {"a", "^a", "a$", ".", "%a+", "%d+", "(%a)(%d)", "()a()", "[%w_]+", "[^%s]+",
  "%b()", "%f[%a]%a", "a*", "a-", "a?b", "(a*)(.*)", "%s*=%s*", "(%a+)%s*=%s*(%d+)", "%.", "%%",
  "[a-c]+", "(.)%1", "^$", "", "[", "%", "(()", "%1"}
for _, s in ipairs(subjects) do
  for _, p in ipairs(patterns) do
    print(string.format("%q %q", s, p), pcall(string.find, s, p), pcall(string.match, s, p, 2))
  end
end
