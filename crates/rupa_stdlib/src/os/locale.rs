//! `os.setlocale`, as glibc's `setlocale` behaves, without calling the C library: the state
//! keeps one locale name per glibc category, `"C"`/`"POSIX"` are built in, `""` takes the
//! name from the environment (`LC_ALL`, `LC_<CATEGORY>`, `LANG`) through the host, and any
//! other name is accepted when the host says it is installed ([`Host::locale_installed`]).
//! Querying every category gives one name when they agree and glibc's composite
//! `LC_CTYPE=...;LC_NUMERIC=...;...` otherwise; that composite is accepted back.
//!
//! Changing the locale changes nothing else in rupa: lua5.4's behaviour differs by locale only
//! for installed non-C locales (decimal point, character classes), which must then be refused.
//!
//! [`Host::locale_installed`]: crate::host::Host::locale_installed

use rupa_vm::baselib::args::{arg_error, opt_string};
use rupa_vm::native::{NativeAction, NativeStack};
use rupa_vm::{Context, RuntimeError, Table, Value};

use crate::host::with_host;

/// glibc's categories, in the order of its composite names.
const GLIBC: [&str; 12] = [
    "LC_CTYPE",
    "LC_NUMERIC",
    "LC_TIME",
    "LC_COLLATE",
    "LC_MONETARY",
    "LC_MESSAGES",
    "LC_PAPER",
    "LC_NAME",
    "LC_ADDRESS",
    "LC_TELEPHONE",
    "LC_MEASUREMENT",
    "LC_IDENTIFICATION",
];

/// Lua's category names and the glibc category each one is (`None`: all of them).
const CATEGORIES: [(&str, Option<usize>); 6] = [
    ("all", None),
    ("collate", Some(3)),
    ("ctype", Some(0)),
    ("monetary", Some(4)),
    ("numeric", Some(1)),
    ("time", Some(2)),
];

type R<'gc> = Result<NativeAction<'gc>, RuntimeError<'gc>>;

/// `os.setlocale([locale [, category]])`. The native's upvalue is the table of current names
/// (1..=12, glibc's order), starting as "C" everywhere like a C program.
pub fn setlocale<'gc>(
    ctx: Context<'gc>,
    up: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let locale = opt_string(ctx, stack, 0)?;
    let category = match opt_string(ctx, stack, 1)? {
        None => None,
        Some(c) => match CATEGORIES
            .iter()
            .find(|(n, _)| n.as_bytes() == c.as_bytes())
        {
            Some(&(_, cat)) => cat,
            None => {
                return Err(arg_error(
                    1,
                    format!("invalid option '{}'", c.to_str_lossy()),
                ))
            }
        },
    };
    let Some(&Value::Table(state)) = up.first() else {
        return Err(RuntimeError::msg("os.setlocale: lost its state"));
    };
    let mut names = current(ctx, state);
    if let Some(locale) = locale {
        let Some(new) = resolve(ctx, &names, locale.as_bytes(), category) else {
            stack.replace(&[Value::Nil]);
            return Ok(NativeAction::Return);
        };
        names = new;
        for (i, n) in names.iter().enumerate() {
            state.set_int(ctx, i as i64 + 1, Value::String(ctx.new_string(n)?))?;
        }
    }
    let answer = match category {
        Some(c) => names[c].clone(),
        None => query_all(&names),
    };
    stack.replace(&[Value::String(ctx.new_string(&answer)?)]);
    Ok(NativeAction::Return)
}

/// A fresh state table: every category "C".
pub fn new_state<'gc>(ctx: Context<'gc>) -> Result<Table<'gc>, RuntimeError<'gc>> {
    let t = Table::with_capacity(ctx, GLIBC.len(), 0)?;
    // Strings are values: one "C" serves every category.
    let c = Value::String(ctx.new_string(b"C")?);
    for i in 1..=GLIBC.len() {
        t.set_int(ctx, i as i64, c)?;
    }
    Ok(t)
}

fn current<'gc>(ctx: Context<'gc>, state: Table<'gc>) -> Vec<Vec<u8>> {
    (1..=GLIBC.len())
        .map(|i| match state.get_int(ctx, i as i64) {
            Value::String(s) => s.as_bytes().to_vec(),
            _ => b"C".to_vec(),
        })
        .collect()
}

/// What `setlocale(LC_ALL, NULL)` says: the common name, or the composite.
fn query_all(names: &[Vec<u8>]) -> Vec<u8> {
    if names.iter().all(|n| *n == names[0]) {
        return names[0].clone();
    }
    let mut out = Vec::new();
    for (i, (cat, name)) in GLIBC.iter().zip(names).enumerate() {
        if i > 0 {
            out.push(b';');
        }
        out.extend_from_slice(cat.as_bytes());
        out.push(b'=');
        out.extend_from_slice(name);
    }
    out
}

/// The names after setting `locale` for `category` (`None`: all), or `None` when some name is
/// not an installed locale (then nothing changes, as in glibc).
fn resolve(
    ctx: Context<'_>,
    names: &[Vec<u8>],
    locale: &[u8],
    category: Option<usize>,
) -> Option<Vec<Vec<u8>>> {
    let mut new = names.to_vec();
    match category {
        Some(c) => new[c] = checked(ctx, c, locale)?,
        None if locale.contains(&b';') || locale.contains(&b'=') => {
            let mut seen = [false; 12];
            for part in locale.split(|&b| b == b';') {
                let eq = part.iter().position(|&b| b == b'=')?;
                let c = GLIBC.iter().position(|g| g.as_bytes() == &part[..eq])?;
                new[c] = checked(ctx, c, &part[eq + 1..])?;
                seen[c] = true;
            }
            // glibc wants every category named.
            if !seen.iter().all(|&s| s) {
                return None;
            }
        }
        None => {
            for (c, slot) in new.iter_mut().enumerate() {
                *slot = checked(ctx, c, locale)?;
            }
        }
    }
    Some(new)
}

/// The name category `c` gets from `locale` ("" reads the environment), if installed.
fn checked(ctx: Context<'_>, c: usize, locale: &[u8]) -> Option<Vec<u8>> {
    let name = if locale.is_empty() {
        from_environment(ctx, c)
    } else {
        locale.to_vec()
    };
    match name.as_slice() {
        b"C" | b"POSIX" => Some(b"C".to_vec()),
        n if n.is_empty() || n.contains(&b'/') || n.contains(&0) => None,
        n => with_host(ctx, |h| h.host.locale_installed(n))
            .unwrap_or(false)
            .then_some(name),
    }
}

/// POSIX's order: `LC_ALL`, then the category's own variable, then `LANG`, then "C"; empty
/// values count as unset.
fn from_environment(ctx: Context<'_>, c: usize) -> Vec<u8> {
    for var in ["LC_ALL", GLIBC[c], "LANG"] {
        let v = with_host(ctx, |h| h.host.getenv(var.as_bytes()));
        if let Ok(Some(v)) = v {
            if !v.is_empty() {
                return v;
            }
        }
    }
    b"C".to_vec()
}

#[cfg(test)]
mod tests {
    use super::query_all;

    #[test]
    fn mixed_categories_give_glibcs_composite_name() {
        let mut names = vec![b"C".to_vec(); 12];
        assert_eq!(query_all(&names), b"C");
        names[1] = b"C.UTF-8".to_vec();
        // As lua5.4 printed it on this machine after os.setlocale("C.UTF-8", "numeric").
        let want = "LC_CTYPE=C;LC_NUMERIC=C.UTF-8;LC_TIME=C;LC_COLLATE=C;LC_MONETARY=C;\
                    LC_MESSAGES=C;LC_PAPER=C;LC_NAME=C;LC_ADDRESS=C;LC_TELEPHONE=C;\
                    LC_MEASUREMENT=C;LC_IDENTIFICATION=C";
        assert_eq!(String::from_utf8(query_all(&names)).expect("ascii"), want);
    }
}
