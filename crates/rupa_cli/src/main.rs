//! The `rupa` command: runs Lua scripts like `lua5.4` does (same options, same `arg` table,
//! same error output and exit status), on the rupa VM.

#![forbid(unsafe_code)]

mod args;
mod repl;

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

use args::{Action, Script};
use rupa::{Api, Error, Handle, LuaValue, Runtime};

/// What `rupa -v` prints.
pub const VERSION: &str = concat!(
    "rupa ",
    env!("CARGO_PKG_VERSION"),
    " (Lua 5.4 on a VM in safe Rust)"
);

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().collect();
    let progname = argv
        .first()
        .map(String::as_str)
        .unwrap_or("rupa")
        .to_string();
    let opts = match args::parse(&argv) {
        Ok(o) => o,
        Err(e) => {
            eprint!("{progname}: {}\n{}", e.0, args::usage(&progname));
            return ExitCode::FAILURE;
        }
    };
    if opts.version {
        println!("{VERSION}");
    }
    let mut rt = Runtime::new();
    // lua.c puts the collector in generational mode before running anything, and scripts can
    // see it through collectgarbage's answers.
    rt.set_generational_gc(true);
    let cli = Cli { progname };
    let outcome = cli.run(&mut rt, &argv, &opts);
    // Like lua.c, close the state whatever happened: pending finalizers run now.
    rt.close();
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(()) => ExitCode::FAILURE,
    }
}

/// The parts of the command that report errors.
struct Cli {
    /// Prefix of error reports; empty for none (the REPL's, as lua.c clears `progname` there).
    progname: String,
}

impl Cli {
    fn run(&self, rt: &mut Runtime, argv: &[String], opts: &args::Options) -> Result<(), ()> {
        if opts.warnings {
            rt.enable_warnings();
        }
        self.create_arg_table(rt, argv, opts.script_index)?;
        if !opts.ignore_env {
            self.handle_lua_init(rt)?;
        }
        for action in &opts.actions {
            match action {
                Action::Execute(code) => {
                    self.run_chunk(rt, code.as_bytes(), "=(command line)", &[])?
                }
                Action::Require(spec) => self.require(rt, spec)?,
            }
        }
        match &opts.script {
            Script::File(path) => {
                let source = match read_script(path) {
                    Ok(s) => s,
                    Err(msg) => return self.fail(&msg),
                };
                let script_args = &argv[opts.script_index + 1..];
                self.run_chunk(rt, skip_shebang(&source), &format!("@{path}"), script_args)?;
            }
            Script::Stdin => self.run_stdin(rt, &argv[opts.script_index + 1..])?,
            Script::None => {}
        }
        if opts.interactive {
            repl::run(rt);
        } else if opts.script == Script::None
            && opts
                .actions
                .iter()
                .all(|a| !matches!(a, Action::Execute(_)))
            && !opts.version
        {
            if std::io::stdin().is_terminal() {
                println!("{VERSION}");
                repl::run(rt);
            } else {
                self.run_stdin(rt, &[])?;
            }
        }
        Ok(())
    }

    /// `arg`: the script name at 0, its arguments at 1.., interpreter and options below 0.
    fn create_arg_table(
        &self,
        rt: &mut Runtime,
        argv: &[String],
        script_index: usize,
    ) -> Result<(), ()> {
        let script = if script_index >= argv.len() {
            0
        } else {
            script_index
        };
        let res = (|| -> Result<(), Error> {
            let t = rt.new_table()?;
            for (i, a) in argv.iter().enumerate() {
                let k = rt.create(&LuaValue::Integer(i as i64 - script as i64))?;
                let v = rt.create(&LuaValue::from(a.as_str()))?;
                rt.raw_set(&t, &k, &v)?;
            }
            rt.set_global("arg", &t)
        })();
        res.or_else(|e| self.report(&e))
    }

    /// `LUA_INIT_5_4` or `LUA_INIT`: `@file` runs the file, anything else runs as code.
    fn handle_lua_init(&self, rt: &mut Runtime) -> Result<(), ()> {
        let (name, value) = match std::env::var("LUA_INIT_5_4") {
            Ok(v) => ("=LUA_INIT_5_4", v),
            Err(_) => match std::env::var("LUA_INIT") {
                Ok(v) => ("=LUA_INIT", v),
                Err(_) => return Ok(()),
            },
        };
        if let Some(file) = value.strip_prefix('@') {
            match read_script(file) {
                Ok(src) => self.run_chunk(rt, skip_shebang(&src), &format!("@{file}"), &[]),
                Err(msg) => self.fail(&msg),
            }
        } else {
            self.run_chunk(rt, value.as_bytes(), name, &[])
        }
    }

    /// `-l mod` / `-l g=mod`: `g = require("mod")`.
    fn require(&self, rt: &mut Runtime, spec: &str) -> Result<(), ()> {
        let (global, module) = match spec.split_once('=') {
            Some((g, m)) => (g.to_string(), m.to_string()),
            None => (
                spec.split('-').next().unwrap_or(spec).to_string(),
                spec.to_string(),
            ),
        };
        let res = (|| -> Result<(), Error> {
            let require = rt.global("require");
            let name = rt.create(&LuaValue::from(module.as_str()))?;
            let out = rt.call(&require, &[name])?;
            let value = match out.into_iter().next() {
                Some(v) => v,
                None => rt.create(&LuaValue::Nil)?,
            };
            rt.set_global(&global, &value)
        })();
        res.or_else(|e| self.report(&e))
    }

    fn run_stdin(&self, rt: &mut Runtime, script_args: &[String]) -> Result<(), ()> {
        let mut src = Vec::new();
        if std::io::stdin().read_to_end(&mut src).is_err() {
            return self.fail("cannot read stdin");
        }
        self.run_chunk(rt, skip_shebang(&src), "=stdin", script_args)
    }

    /// Loads and calls a chunk with `args` as its varargs, reporting any error.
    fn run_chunk(
        &self,
        rt: &mut Runtime,
        source: &[u8],
        chunk_name: &str,
        args: &[String],
    ) -> Result<(), ()> {
        let res = (|| -> Result<Vec<Handle>, Error> {
            let f = rt.load(source, chunk_name)?;
            let mut hs = Vec::with_capacity(args.len());
            for a in args {
                hs.push(rt.create(&LuaValue::from(a.as_str()))?);
            }
            rt.call(&f, &hs)
        })();
        match res {
            Ok(_) => Ok(()),
            Err(e) => self.report(&e),
        }
    }

    /// Prints an error the way lua.c's `l_message` does: `progname: message`, then the
    /// traceback for runtime errors.
    fn report(&self, e: &Error) -> Result<(), ()> {
        let text = match e {
            Error::Runtime {
                message,
                traceback: Some(tb),
                ..
            } => format!("{message}\n{tb}"),
            other => other.to_string(),
        };
        self.fail(&text)
    }

    fn fail(&self, message: &str) -> Result<(), ()> {
        let _ = std::io::stdout().flush();
        let mut err = std::io::stderr().lock();
        if self.progname.is_empty() {
            let _ = writeln!(err, "{message}");
        } else {
            let _ = writeln!(err, "{}: {message}", self.progname);
        }
        let _ = err.flush();
        Err(())
    }
}

/// Reads a script file, with lua.c's messages for the two ways it can fail.
fn read_script(path: &str) -> Result<Vec<u8>, String> {
    let mut file = std::fs::File::open(path)
        .map_err(|e| format!("cannot open {path}: {}", os_error_text(&e)))?;
    let mut source = Vec::new();
    file.read_to_end(&mut source)
        .map_err(|e| format!("cannot read {path}: {}", os_error_text(&e)))?;
    Ok(source)
}

/// The C library's text for an I/O error (`strerror`), without Rust's " (os error N)" suffix.
fn os_error_text(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// lua.c skips a first line starting with `#` in script files (keeping its newline so line
/// numbers stay right).
fn skip_shebang(source: &[u8]) -> &[u8] {
    if source.first() == Some(&b'#') {
        match source.iter().position(|&b| b == b'\n') {
            Some(nl) => &source[nl..],
            None => &[],
        }
    } else {
        source
    }
}
