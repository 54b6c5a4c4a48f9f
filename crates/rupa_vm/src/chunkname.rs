//! Chunk names as they appear in messages (PUC Lua's `luaO_chunkid`): `=name` is used as is,
//! `@file` is a file name, anything else is source text shown as `[string "..."]`.

/// Buffer size PUC Lua uses for chunk ids (LUA_IDSIZE), terminating NUL included.
const ID_SIZE: usize = 60;

/// The short source of a chunk name, e.g. `[string "print(1)"]`, `file.lua`, `stdin`.
pub fn short_source(name: &str) -> String {
    if let Some(rest) = name.strip_prefix('=') {
        // The name plus its '=' and the NUL must fit in ID_SIZE.
        if rest.len() < ID_SIZE {
            rest.to_string()
        } else {
            truncate_bytes(rest, ID_SIZE - 1).to_string()
        }
    } else if let Some(file) = name.strip_prefix('@') {
        if file.len() < ID_SIZE {
            file.to_string()
        } else {
            // Keep the end of a long file name: it is the informative part.
            let keep = ID_SIZE - 4; // after "...", before the NUL
            let mut start = file.len() - keep;
            while !file.is_char_boundary(start) {
                start += 1;
            }
            format!("...{}", &file[start..])
        }
    } else {
        let first_line = name.split('\n').next().unwrap_or("");
        // Room left inside `[string "` + `..."]`.
        let room = ID_SIZE - "[string \"...\"]".len() - 1;
        if first_line.len() < name.len() || first_line.len() >= room {
            format!("[string \"{}...\"]", truncate_bytes(first_line, room))
        } else {
            format!("[string \"{first_line}\"]")
        }
    }
}

fn truncate_bytes(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::short_source;

    #[test]
    fn forms_match_lua() {
        assert_eq!(short_source("=stdin"), "stdin");
        assert_eq!(short_source("@test.lua"), "test.lua");
        assert_eq!(short_source("x = 1"), "[string \"x = 1\"]");
        assert_eq!(short_source("x = 1\ny = 2"), "[string \"x = 1...\"]");
        let long = "a".repeat(100);
        assert_eq!(
            short_source(&long),
            format!("[string \"{}...\"]", "a".repeat(45))
        );
        let a44 = "a".repeat(44);
        assert_eq!(short_source(&a44), format!("[string \"{a44}\"]"));
        assert_eq!(
            short_source(&"a".repeat(45)),
            format!("[string \"{}...\"]", "a".repeat(45))
        );
        let f = format!("@{}", "f".repeat(61));
        assert_eq!(short_source(&f), format!("...{}", "f".repeat(56)));
    }
}
