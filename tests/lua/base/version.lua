-- _VERSION names the language version.
print(_VERSION)
print(type(_VERSION))
