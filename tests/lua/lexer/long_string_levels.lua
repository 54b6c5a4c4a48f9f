-- Long brackets of several levels, with brackets of other levels inside.
print([[a]], [==[b]]c]=]d]==], [=[x]]y]=])
print([===[]]]==]]===], #[[]], #[==[]==])
print([[
first newline is skipped]])
print([==[
]==] == "")
