-- Long tokens in messages are quoted as read so far.
print(load("x = 123456789012345678901234567890 y"))
print(load("x = 'abc' + + ="))
print(load("x = [[abc]] ]]"))
