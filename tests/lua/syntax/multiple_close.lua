-- Only one to-be-closed variable per local statement.
print(load("local a <close>, b <close> = nil, nil"))
print(load("local a <close>, b <const> = nil, 1") ~= nil)
