-- A top-level break.
print(1)
break
