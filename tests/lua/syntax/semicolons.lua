-- Empty statements and semicolons anywhere.
;;; local a = 1; ; ; print(a);
do ; end
print(load(";;") ~= nil)
print(load("local x = 1;;;return x;")())
