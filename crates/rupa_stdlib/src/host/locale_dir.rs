//! Which locales are installed, found the way glibc's `setlocale` finds them without the C
//! library: a name `language[_territory][.codeset][@modifier]` is looked up as a directory of
//! compiled locale files under `$LOCPATH` and `/usr/lib/locale`, trying the normalised codeset
//! (`UTF-8` → `utf8`) and dropping optional parts, as `_nl_find_locale` does. The
//! `locale-archive` file is not read: locales that exist only there are reported missing.

use std::path::Path;

/// Whether `name` names a locale installed on this system.
pub fn installed(name: &[u8], locpath: Option<&[u8]>) -> bool {
    let Ok(name) = std::str::from_utf8(name) else {
        return false;
    };
    let Some(parts) = explode(name) else {
        return false;
    };
    let mut roots: Vec<String> = Vec::new();
    if let Some(lp) = locpath.and_then(|p| std::str::from_utf8(p).ok()) {
        roots.extend(lp.split(':').filter(|r| !r.is_empty()).map(String::from));
    }
    roots.push("/usr/lib/locale".to_string());
    candidates(&parts).iter().any(|dir| {
        roots
            .iter()
            .any(|root| Path::new(root).join(dir).join("LC_CTYPE").is_file())
    })
}

struct Parts<'a> {
    language: &'a str,
    territory: Option<&'a str>,
    codeset: Option<&'a str>,
    modifier: Option<&'a str>,
}

/// Splits a locale name into its parts; `None` when there is no language or a part is a path.
fn explode(name: &str) -> Option<Parts<'_>> {
    if name.contains('/') || name == "." || name == ".." {
        return None;
    }
    let (rest, modifier) = match name.split_once('@') {
        Some((r, m)) => (r, Some(m)),
        None => (name, None),
    };
    let (rest, codeset) = match rest.split_once('.') {
        Some((r, c)) => (r, Some(c)),
        None => (rest, None),
    };
    let (language, territory) = match rest.split_once('_') {
        Some((l, t)) => (l, Some(t)),
        None => (rest, None),
    };
    if language.is_empty() {
        return None;
    }
    Some(Parts {
        language,
        territory: territory.filter(|t| !t.is_empty()),
        codeset: codeset.filter(|c| !c.is_empty()),
        modifier: modifier.filter(|m| !m.is_empty()),
    })
}

/// glibc's normalised codeset: letters lowercased, digits kept, the rest dropped; all digits
/// get an `iso` prefix.
fn normalize_codeset(codeset: &str) -> String {
    let kept: String = codeset
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if !kept.is_empty() && kept.chars().all(|c| c.is_ascii_digit()) {
        format!("iso{kept}")
    } else {
        kept
    }
}

/// Every directory name glibc would try for these parts.
fn candidates(p: &Parts<'_>) -> Vec<String> {
    let mut codesets: Vec<Option<String>> = vec![None];
    if let Some(c) = p.codeset {
        let norm = normalize_codeset(c);
        if !norm.is_empty() {
            codesets.push(Some(norm));
        }
        codesets.push(Some(c.to_string()));
    }
    let mut out = Vec::new();
    for territory in [None, p.territory].iter().flatten().map(Some).chain([None]) {
        for codeset in &codesets {
            for modifier in [p.modifier, None] {
                let mut dir = p.language.to_string();
                if let Some(t) = territory {
                    dir.push('_');
                    dir.push_str(t);
                }
                if let Some(c) = codeset {
                    dir.push('.');
                    dir.push_str(c);
                }
                if let Some(m) = modifier {
                    dir.push('@');
                    dir.push_str(m);
                }
                if !out.contains(&dir) {
                    out.push(dir);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_drop_optional_parts_and_normalise() {
        let p = explode("de_DE.UTF-8@euro").expect("a valid name");
        let c = candidates(&p);
        for want in ["de_DE.utf8@euro", "de_DE.UTF-8", "de.utf8", "de", "de_DE"] {
            assert!(c.iter().any(|d| d == want), "{want} missing from {c:?}");
        }
        assert_eq!(normalize_codeset("8859-1"), "iso88591");
        assert!(explode(".utf8").is_none());
        assert!(explode("C/..").is_none());
    }
}
