-- Pattern matching over a large generated text: string.find (plain and pattern),
-- string.match with captures, string.gmatch over words and numbers, string.gsub with
-- string, table and function replacements. Prints checksums of every result.
local words = {
  "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
  "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "tau", "upsilon",
}

local seed = 7
local function rand(n)
  seed = (seed * 1103515245 + 12345) & 0x7fffffff
  return seed % n + 1
end

-- about 1.2 MB of text: lines of words, numbers, keys=values and punctuation
local lines = {}
for i = 1, 20000 do
  local parts = {}
  for j = 1, 8 do
    local r = rand(10)
    if r <= 6 then
      parts[#parts + 1] = words[rand(#words)]
    elseif r <= 8 then
      parts[#parts + 1] = tostring(rand(100000))
    else
      parts[#parts + 1] = words[rand(#words)] .. "=" .. rand(999)
    end
  end
  lines[i] = "[" .. i .. "] " .. table.concat(parts, " ") .. ", (end)."
end
local text = table.concat(lines, "\n")

local sum = 0

-- find: plain substrings and simple patterns, walking through the text
for _, needle in ipairs({ "sigma", "omicron=", "(end)" }) do
  local pos, count = 1, 0
  while true do
    local s, e = string.find(text, needle, pos, true)
    if not s then break end
    count = count + 1
    pos = e + 1
  end
  sum = sum + count
end
for _, pat in ipairs({ "%d%d%d%d%d", "%a+=%d+", "%[%d+%]" }) do
  local pos, count = 1, 0
  while true do
    local s, e = string.find(text, pat, pos)
    if not s then break end
    count = count + 1
    sum = sum + (e - s)
    pos = e + 1
  end
  sum = sum + count
end

-- match with captures, line by line
for i = 1, #lines do
  local n, first = string.match(lines[i], "^%[(%d+)%] (%a+)")
  if n then sum = sum + tonumber(n) + #first end
  local k, v = string.match(lines[i], "(%a+)=(%d+)")
  if k then sum = sum + #k + tonumber(v) end
end

-- gmatch over words and over numbers
local wordcount = {}
for w in string.gmatch(text, "%a+") do
  wordcount[w] = (wordcount[w] or 0) + 1
end
for i = 1, #words do sum = sum + (wordcount[words[i]] or 0) * i end
for num in string.gmatch(text, "%d+") do sum = sum + #num end
for k, v in string.gmatch(text, "(%w+)=(%w+)") do sum = sum + #k + #v end

-- gsub: string, table and function replacements, and counting with an anchor-free set
local t1, n1 = string.gsub(text, "%s+", " ")
local t2, n2 = string.gsub(text, "%a+", { alpha = "A", beta = "B", pi = "3.14" })
local t3, n3 = string.gsub(text, "(%a+)=(%d+)", function(k, v) return v .. ":" .. k end)
local t4, n4 = string.gsub(text, "[aeiou]", "%0%0")
sum = sum + #t1 + n1 + #t2 + n2 + #t3 + n3 + #t4 + n4

print(#text, sum)
