-- \u{XXX} encodes code points as UTF-8 (1 to 6 bytes).
print("\u{41}", #"\u{7F}", #"\u{80}", #"\u{7FF}", #"\u{800}")
print(#"\u{FFFF}", #"\u{10000}", #"\u{10FFFF}", #"\u{1FFFFF}")
print(#"\u{200000}", #"\u{3FFFFFF}", #"\u{4000000}", #"\u{7FFFFFFF}")
print("\u{48}\u{49}", "\u{e9}" == "\xC3\xA9", "\u{0000041}")
