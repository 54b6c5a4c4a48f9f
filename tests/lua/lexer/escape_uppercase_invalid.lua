-- Escapes are case-sensitive: \X, \U and \Z are invalid.
print(load('return "\\X41"'))
print(load('return "\\U{41}"'))
print(load('return "\\Z"'))
