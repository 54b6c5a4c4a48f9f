//! The `package` library and `require`: `loaded`, `preload`, `path`, `cpath`, `config`,
//! `searchers`, `searchpath`, and the base functions that read files (`dofile`, `loadfile`,
//! in [`file`](mod@file)).
//!
//! Lua files are found and read through the installed host. There are no dynamic libraries:
//! the C searchers look along `package.cpath` like lua5.4, and a library they find fails to
//! load with "dynamic libraries not enabled; check your Lua installation". `require` calls
//! searchers and loaders through continuations, so a loader may yield or error freely.

pub mod file;
mod require;

use gc_arena::Gc;
use rupa_vm::baselib::args::{check_string, opt_string};
use rupa_vm::baselib::{install, set_native};
use rupa_vm::native::{NativeAction, NativeDef, NativeFn, NativeStack};
use rupa_vm::{Context, LuaString, RuntimeError, Table, Value};

use crate::host::{with_host, HostError, OpenMode};

type R<'gc> = Result<NativeAction<'gc>, RuntimeError<'gc>>;

/// lua5.4's default `package.path` (Debian's build).
pub const DEFAULT_PATH: &str =
    "/usr/local/share/lua/5.4/?.lua;/usr/local/share/lua/5.4/?/init.lua;\
/usr/local/lib/lua/5.4/?.lua;/usr/local/lib/lua/5.4/?/init.lua;/usr/share/lua/5.4/?.lua;\
/usr/share/lua/5.4/?/init.lua;./?.lua;./?/init.lua";
/// lua5.4's default `package.cpath` (Debian's build).
pub const DEFAULT_CPATH: &str =
    "/usr/local/lib/lua/5.4/?.so;/usr/lib/x86_64-linux-gnu/lua/5.4/?.so;\
/usr/lib/lua/5.4/?.so;/usr/local/lib/lua/5.4/loadall.so;./?.so";
/// `package.config`: directory separator, path separator, name mark, executable-directory
/// mark, ignore mark.
pub const CONFIG: &str = "/\n;\n?\n!\n-\n";
/// Why a C library cannot be loaded (lua5.4's message when built without `dlopen`).
const NO_DYNAMIC_LIBRARIES: &str = "dynamic libraries not enabled; check your Lua installation";

/// Libraries that `load_package` records in `package.loaded` when they are already loaded.
const STANDARD_LIBRARIES: [&str; 9] = [
    "coroutine",
    "table",
    "io",
    "os",
    "string",
    "math",
    "utf8",
    "debug",
    "package",
];

/// A registry table by name, created when missing (`luaL_getsubtable`).
fn registry_table<'gc>(ctx: Context<'gc>, name: &[u8]) -> Result<Table<'gc>, RuntimeError<'gc>> {
    if let Value::Table(t) = ctx.state.registry.get_field(ctx, name) {
        return Ok(t);
    }
    let t = Table::new(ctx.mc);
    ctx.state
        .registry
        .set_str(ctx, ctx.new_string(name)?, Value::Table(t))?;
    Ok(t)
}

/// The table of loaded modules (`package.loaded`, the registry's `_LOADED`).
pub fn loaded_table<'gc>(ctx: Context<'gc>) -> Result<Table<'gc>, RuntimeError<'gc>> {
    crate::register::loaded_table(ctx)
}

/// Makes a library a global and records it in `package.loaded` (`luaL_requiref`).
pub fn register_library<'gc>(
    ctx: Context<'gc>,
    name: &str,
    lib: Table<'gc>,
) -> Result<(), RuntimeError<'gc>> {
    let key = ctx.new_string(name.as_bytes())?;
    ctx.state.globals.set_str(ctx, key, Value::Table(lib))?;
    loaded_table(ctx)?.set_str(ctx, key, Value::Table(lib))
}

/// Installs `package` and `require`, and `dofile`/`loadfile` (see [`load_host_base`]).
/// Libraries loaded before it are recorded in `package.loaded`.
pub fn load_package<'gc>(ctx: Context<'gc>) -> Result<(), RuntimeError<'gc>> {
    // loaded, preload, config, path, cpath, searchpath, loadlib, searchers
    let package = Table::with_exact_capacity(ctx, 8)?;
    let loaded = loaded_table(ctx)?;
    let preload = registry_table(ctx, b"_PRELOAD")?;
    let set = |k: &str, v: Value<'gc>| -> Result<(), RuntimeError<'gc>> {
        package.set_str(ctx, ctx.new_string(k.as_bytes())?, v)
    };
    set("loaded", Value::Table(loaded))?;
    set("preload", Value::Table(preload))?;
    set("config", Value::String(ctx.new_string(CONFIG.as_bytes())?))?;
    let path = env_path(ctx, "LUA_PATH", DEFAULT_PATH);
    set("path", Value::String(ctx.new_string(&path)?))?;
    let cpath = env_path(ctx, "LUA_CPATH", DEFAULT_CPATH);
    set("cpath", Value::String(ctx.new_string(&cpath)?))?;
    static FUNCS: [NativeDef; 2] = [
        NativeDef::new("searchpath", searchpath),
        NativeDef::new("loadlib", loadlib),
    ];
    install(ctx, package, &FUNCS)?;
    let searchers = Table::with_capacity(ctx, 4, 0)?;
    let list: [(&'static str, NativeFn); 4] = [
        ("searcher_preload", search_preload),
        ("searcher_Lua", search_lua),
        ("searcher_C", search_c),
        ("searcher_Croot", search_croot),
    ];
    for (i, (name, f)) in list.into_iter().enumerate() {
        let func = rupa_vm::function::Function::new_native(
            ctx.mc,
            name,
            f,
            Box::new([Value::Table(package)]),
        );
        searchers.set_int(ctx, i as i64 + 1, Value::from(func))?;
    }
    set("searchers", Value::Table(searchers))?;
    set_native(
        ctx,
        ctx.state.globals,
        "require",
        require::require,
        Box::new([Value::Table(package)]),
    )?;
    let g = ctx.state.globals;
    // Libraries loaded before this one are normally there already: no key string is made
    // for them again.
    let record = |name: &str, t: Table<'gc>| -> Result<(), RuntimeError<'gc>> {
        match loaded.get_field(ctx, name.as_bytes()) {
            Value::Table(have) if Gc::ptr_eq(have.0, t.0) => Ok(()),
            _ => loaded.set_str(ctx, ctx.new_string(name.as_bytes())?, Value::Table(t)),
        }
    };
    record("_G", g)?;
    for name in STANDARD_LIBRARIES {
        if let Value::Table(t) = g.get_field(ctx, name.as_bytes()) {
            record(name, t)?;
        }
    }
    register_library(ctx, "package", package)?;
    load_host_base(ctx)
}

/// Installs the base functions that read files: `dofile` and `loadfile`.
pub fn load_host_base(ctx: Context<'_>) -> Result<(), RuntimeError<'_>> {
    static FUNCS: [NativeDef; 2] = [
        NativeDef::new("dofile", file::dofile),
        NativeDef::new("loadfile", file::loadfile),
    ];
    install(ctx, ctx.state.globals, &FUNCS)
}

/// A path from `<var>_5_4` or `<var>`, with `;;` replaced by the default (lua5.4's `setpath`).
/// A host that refuses the environment gets the default.
fn env_path(ctx: Context<'_>, var: &str, default: &str) -> Vec<u8> {
    let get = |name: String| with_host(ctx, |h| h.host.getenv(name.as_bytes()).ok().flatten());
    let Some(value) = get(format!("{var}_5_4")).or_else(|| get(var.to_string())) else {
        return default.as_bytes().to_vec();
    };
    let Some(at) = value.windows(2).position(|w| w == b";;") else {
        return value;
    };
    let mut out = Vec::new();
    if at > 0 {
        out.extend_from_slice(&value[..at]);
        out.push(b';');
    }
    out.extend_from_slice(default.as_bytes());
    if at + 2 < value.len() {
        out.push(b';');
        out.extend_from_slice(&value[at + 2..]);
    }
    out
}

/// Replaces every `from` in `s` by `to`.
fn replace_all(s: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    if from.is_empty() {
        return s.to_vec();
    }
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(s[i]);
            i += 1;
        }
    }
    out
}

/// Whether `path` can be opened for reading through the host.
fn readable(ctx: Context<'_>, path: &[u8]) -> Result<bool, HostError> {
    let mode = OpenMode::parse(b"r").expect("'r' is a valid mode");
    match with_host(ctx, |h| h.host.open(path, mode)) {
        Ok(mut f) => {
            let _ = f.close();
            Ok(true)
        }
        Err(HostError::Denied(what)) => Err(HostError::Denied(what)),
        Err(HostError::Io { .. } | HostError::Unsupported(_)) => Ok(false),
    }
}

/// `package.searchpath`'s search: the first readable file, or the "no file" list.
fn search_path<'gc>(
    ctx: Context<'gc>,
    function: &str,
    name: &[u8],
    path: &[u8],
    sep: &[u8],
    rep: &[u8],
) -> Result<Result<Vec<u8>, Vec<u8>>, RuntimeError<'gc>> {
    let name = if !sep.is_empty() && name.windows(sep.len()).any(|w| w == sep) {
        replace_all(name, sep, rep)
    } else {
        name.to_vec()
    };
    let path = replace_all(path, b"?", &name);
    for candidate in path.split(|&b| b == b';').filter(|c| !c.is_empty()) {
        match readable(ctx, candidate) {
            Ok(true) => return Ok(Ok(candidate.to_vec())),
            Ok(false) => {}
            Err(HostError::Denied(what)) => return Err(HostError::denied_error(function, what)),
            Err(HostError::Io { .. } | HostError::Unsupported(_)) => {}
        }
    }
    let mut msg = b"no file '".to_vec();
    msg.extend_from_slice(&replace_all(&path, b";", b"'\n\tno file '"));
    msg.push(b'\'');
    Ok(Err(msg))
}

fn searchpath<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    // lua5.4 (built with gcc) checks these last to first.
    let rep = opt_string(ctx, stack, 3)?.map_or(b"/".to_vec(), |s| s.as_bytes().to_vec());
    let sep = opt_string(ctx, stack, 2)?.map_or(b".".to_vec(), |s| s.as_bytes().to_vec());
    let path = check_string(ctx, stack, 1)?;
    let name = check_string(ctx, stack, 0)?;
    let r = search_path(
        ctx,
        "package.searchpath",
        name.as_bytes(),
        path.as_bytes(),
        &sep,
        &rep,
    )?;
    match r {
        Ok(found) => stack.replace(&[Value::String(ctx.new_string(&found)?)]),
        Err(msg) => stack.replace(&[Value::Nil, Value::String(ctx.new_string(&msg)?)]),
    }
    Ok(NativeAction::Return)
}

/// `package.loadlib(path, funcname)`: there are no dynamic libraries, so always
/// `nil, message, "absent"`.
fn loadlib<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    check_string(ctx, stack, 0)?;
    check_string(ctx, stack, 1)?;
    stack.replace(&[
        Value::Nil,
        text(ctx, NO_DYNAMIC_LIBRARIES.as_bytes())?,
        text(ctx, b"absent")?,
    ]);
    Ok(NativeAction::Return)
}

/// A string field of the package table, raising "'package.<field>' must be a string".
fn package_string<'gc>(
    ctx: Context<'gc>,
    upvalues: &[Value<'gc>],
    field: &str,
) -> Result<LuaString<'gc>, RuntimeError<'gc>> {
    let v = match upvalues.first() {
        Some(Value::Table(p)) => p.get_str(ctx, ctx.new_string(field.as_bytes())?),
        _ => Value::Nil,
    };
    match v {
        Value::String(s) => Ok(s),
        Value::Integer(_) | Value::Number(_) => {
            ctx.new_string(rupa_vm::baselib::args::number_to_string(v).as_bytes())
        }
        _ => Err(RuntimeError::msg(format!(
            "'package.{field}' must be a string"
        ))),
    }
}

fn text<'gc>(ctx: Context<'gc>, bytes: &[u8]) -> Result<Value<'gc>, RuntimeError<'gc>> {
    Ok(Value::String(ctx.new_string(bytes)?))
}

fn search_preload<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let name = check_string(ctx, stack, 0)?;
    let Value::Table(preload) = ctx
        .state
        .registry
        .get_str(ctx, ctx.new_string(b"_PRELOAD")?)
    else {
        return Err(RuntimeError::msg("'package.preload' must be a table"));
    };
    match preload.get_str(ctx, name) {
        Value::Nil => {
            let mut msg = b"no field package.preload['".to_vec();
            msg.extend_from_slice(name.as_bytes());
            msg.extend_from_slice(b"']");
            stack.replace(&[text(ctx, &msg)?]);
        }
        loader => stack.replace(&[loader, text(ctx, b":preload:")?]),
    }
    Ok(NativeAction::Return)
}

/// "error loading module 'm' from file 'f':\n\t<reason>".
fn load_error<'gc>(name: &[u8], file: &[u8], reason: &str) -> RuntimeError<'gc> {
    RuntimeError::msg(format!(
        "error loading module '{}' from file '{}':\n\t{reason}",
        String::from_utf8_lossy(name),
        String::from_utf8_lossy(file)
    ))
}

fn search_lua<'gc>(
    ctx: Context<'gc>,
    up: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let name = check_string(ctx, stack, 0)?;
    let path = package_string(ctx, up, "path")?;
    let found = search_path(ctx, "require", name.as_bytes(), path.as_bytes(), b".", b"/")?;
    let filename = match found {
        Ok(f) => f,
        Err(msg) => {
            stack.replace(&[text(ctx, &msg)?]);
            return Ok(NativeAction::Return);
        }
    };
    match file::load_file(ctx, "require", Some(&filename), None, None)? {
        Ok(f) => stack.replace(&[Value::from(f), text(ctx, &filename)?]),
        Err(msg) => return Err(load_error(name.as_bytes(), &filename, &msg)),
    }
    Ok(NativeAction::Return)
}

fn search_c<'gc>(ctx: Context<'gc>, up: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let name = check_string(ctx, stack, 0)?;
    let cpath = package_string(ctx, up, "cpath")?;
    match search_path(
        ctx,
        "require",
        name.as_bytes(),
        cpath.as_bytes(),
        b".",
        b"/",
    )? {
        Ok(f) => Err(load_error(name.as_bytes(), &f, NO_DYNAMIC_LIBRARIES)),
        Err(msg) => {
            stack.replace(&[text(ctx, &msg)?]);
            Ok(NativeAction::Return)
        }
    }
}

fn search_croot<'gc>(
    ctx: Context<'gc>,
    up: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let name = check_string(ctx, stack, 0)?;
    let Some(dot) = name.as_bytes().iter().position(|&b| b == b'.') else {
        stack.clear();
        return Ok(NativeAction::Return);
    };
    let root = &name.as_bytes()[..dot];
    let cpath = package_string(ctx, up, "cpath")?;
    match search_path(ctx, "require", root, cpath.as_bytes(), b".", b"/")? {
        Ok(f) => Err(load_error(name.as_bytes(), &f, NO_DYNAMIC_LIBRARIES)),
        Err(msg) => {
            stack.replace(&[text(ctx, &msg)?]);
            Ok(NativeAction::Return)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::replace_all;

    #[test]
    fn replace_all_replaces_every_occurrence() {
        assert_eq!(replace_all(b"a.b.c", b".", b"/"), b"a/b/c");
        assert_eq!(replace_all(b"x;;y", b";", b"'\n'"), b"x'\n''\n'y");
        assert_eq!(replace_all(b"abc", b"", b"z"), b"abc");
        assert_eq!(replace_all(b"aaa", b"aa", b"b"), b"ba");
    }
}
