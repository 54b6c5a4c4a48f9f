-- The single-character escapes of short strings.
print("a\tb", #"\a\b\f\n\r\t\v", "q\"q", 'q\'q', "back\\slash")
print(#"\\", #"\"", #"\'", "\65\066\0671")
print("\a" == "\7", "\b" == "\8", "\f" == "\12", "\n" == "\10")
print("\r" == "\13", "\t" == "\9", "\v" == "\11")
