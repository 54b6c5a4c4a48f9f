-- '#' of constructors with holes (the border lua5.4 picks).
print(#{1, 2, nil, 4})
print(#{nil, nil, 3})
print(#{1, nil, 3, nil, 5})
print(#{1, 2, 3, nil})
