-- debug.debug returns at the end of input.
print("before")
print(debug.debug())
print(select("#", debug.debug()))
print("after")
