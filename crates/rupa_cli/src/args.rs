//! Command-line parsing with lua5.4's rules (`lua.c`'s `collectargs`): options come first,
//! `-e` and `-l` take a value (attached or next), `--` ends options, `-` runs stdin, and the
//! first non-option is the script, everything after it belongs to the script.

/// One `-e CODE` or `-l NAME` action, in command-line order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Execute(String),
    Require(String),
}

/// Where the main chunk comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Script {
    /// No script: REPL when interactive, stdin otherwise (unless `-e`/`-v` were given).
    None,
    /// `-`: standard input.
    Stdin,
    /// A file name.
    File(String),
}

/// The parsed command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub actions: Vec<Action>,
    pub interactive: bool,
    pub version: bool,
    pub ignore_env: bool,
    pub warnings: bool,
    pub script: Script,
    /// Index in `argv` of the script name (`arg[0]`); `argv.len()` when there is none.
    pub script_index: usize,
}

/// A usage error: lua.c prints the message and the usage text, then exits 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError(pub String);

/// Parses `argv` (including `argv[0]`).
pub fn parse(argv: &[String]) -> Result<Options, UsageError> {
    let mut o = Options {
        actions: Vec::new(),
        interactive: false,
        version: false,
        ignore_env: false,
        warnings: false,
        script: Script::None,
        script_index: argv.len(),
    };
    let mut i = 1;
    while i < argv.len() {
        let a = argv[i].as_str();
        if !a.starts_with('-') {
            o.script = Script::File(a.to_string());
            o.script_index = i;
            return Ok(o);
        }
        match a {
            "-" => {
                o.script = Script::Stdin;
                o.script_index = i;
                return Ok(o);
            }
            "--" => {
                if let Some(s) = argv.get(i + 1) {
                    o.script = if s == "-" {
                        Script::Stdin
                    } else {
                        Script::File(s.clone())
                    };
                    o.script_index = i + 1;
                }
                return Ok(o);
            }
            "-i" => {
                o.interactive = true;
                o.version = true;
            }
            "-v" => o.version = true,
            "-E" => o.ignore_env = true,
            "-W" => o.warnings = true,
            _ if a.starts_with("-e") || a.starts_with("-l") => {
                let value = if a.len() > 2 {
                    a[2..].to_string()
                } else {
                    i += 1;
                    match argv.get(i) {
                        Some(v) if !v.starts_with('-') => v.clone(),
                        _ => return Err(UsageError(format!("'{a}' needs argument"))),
                    }
                };
                o.actions.push(if a.starts_with("-e") {
                    Action::Execute(value)
                } else {
                    Action::Require(value)
                });
            }
            _ => return Err(UsageError(format!("unrecognized option '{a}'"))),
        }
        i += 1;
    }
    Ok(o)
}

/// lua.c's usage text, with our program name.
pub fn usage(progname: &str) -> String {
    format!(
        "usage: {progname} [options] [script [args]]\n\
         Available options are:\n  \
         -e stat   execute string 'stat'\n  \
         -i        enter interactive mode after executing 'script'\n  \
         -l mod    require library 'mod' into global 'mod'\n  \
         -l g=mod  require library 'mod' into global 'g'\n  \
         -v        show version information\n  \
         -E        ignore environment variables\n  \
         -W        turn warnings on\n  \
         --        stop handling options\n  \
         -         stop handling options and execute stdin\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn script_and_its_arguments() {
        let o = parse(&argv(&["rupa", "-e", "x=1", "f.lua", "-e", "a"])).expect("valid");
        assert_eq!(o.actions, vec![Action::Execute("x=1".into())]);
        assert_eq!(o.script, Script::File("f.lua".into()));
        assert_eq!(o.script_index, 3);
    }

    #[test]
    fn attached_values_and_stdin() {
        let o = parse(&argv(&["rupa", "-eprint(1)", "-lfoo", "-"])).expect("valid");
        assert_eq!(
            o.actions,
            vec![
                Action::Execute("print(1)".into()),
                Action::Require("foo".into())
            ]
        );
        assert_eq!(o.script, Script::Stdin);
    }

    #[test]
    fn errors() {
        assert_eq!(
            parse(&argv(&["rupa", "-x"])),
            Err(UsageError("unrecognized option '-x'".into()))
        );
        assert_eq!(
            parse(&argv(&["rupa", "-e"])),
            Err(UsageError("'-e' needs argument".into()))
        );
    }

    #[test]
    fn double_dash_ends_options() {
        let o = parse(&argv(&["rupa", "--", "-e"])).expect("valid");
        assert_eq!(o.script, Script::File("-e".into()));
    }
}
