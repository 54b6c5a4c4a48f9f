-- \ddd reads at most three decimal digits.
print("\0651", #"\0651", "\1234", #"\1234")
print(#"\0", #"\00", #"\000", #"\0000")
print("\255" == "\xff", "\097\098\099")
