//! The interactive loop (lua.c's `doREPL`): reads a line, tries it as `return <line>` so
//! expressions print their values, otherwise as a statement, asking for more lines while the
//! chunk is incomplete (its syntax error is `... near <eof>`).

use std::io::{BufRead, Write};

use rupa::{Api, Error, Runtime};

use crate::Cli;

/// Runs the REPL on stdin until end of input. Errors are reported without the program name.
pub fn run(rt: &mut Runtime) {
    // lua.c's doREPL sets `progname` to NULL: its reports carry no program name.
    let cli = &Cli {
        progname: String::new(),
    };
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    while let Some(first) = prompt_line(&mut lines, "> ") {
        let first = first
            .strip_prefix('=')
            .map(|rest| format!("return {rest}"))
            .unwrap_or(first);
        // An expression? Then its values are printed.
        let chunk = match rt.load(format!("return {first};").as_bytes(), "=stdin") {
            Ok(f) => Ok(f),
            Err(_) => read_statement(rt, &mut lines, first),
        };
        let f = match chunk {
            Ok(f) => f,
            Err(None) => break,
            Err(Some(e)) => {
                let _ = cli.report(&e);
                continue;
            }
        };
        match rt.call(&f, &[]) {
            Ok(values) if !values.is_empty() => {
                let print = rt.global("print");
                if let Err(e) = rt.call(&print, &values) {
                    let _ = cli.report(&e);
                }
            }
            Ok(_) => {}
            Err(e) => {
                let _ = cli.report(&e);
            }
        }
    }
    println!();
}

/// Reads lines until the chunk compiles or fails for a reason other than ending too early.
/// `Err(None)`: input ended.
fn read_statement(
    rt: &mut Runtime,
    lines: &mut impl Iterator<Item = std::io::Result<String>>,
    first: String,
) -> Result<rupa::Handle, Option<Error>> {
    let mut buffer = first;
    loop {
        match rt.load(buffer.as_bytes(), "=stdin") {
            Ok(f) => return Ok(f),
            Err(Error::Syntax(m)) if m.ends_with("<eof>") => {
                let Some(more) = prompt_line(lines, ">> ") else {
                    return Err(None);
                };
                buffer.push('\n');
                buffer.push_str(&more);
            }
            Err(e) => return Err(Some(e)),
        }
    }
}

fn prompt_line(
    lines: &mut impl Iterator<Item = std::io::Result<String>>,
    prompt: &str,
) -> Option<String> {
    print!("{prompt}");
    let _ = std::io::stdout().flush();
    lines.next().and_then(Result::ok)
}
