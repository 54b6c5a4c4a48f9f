//! Library functions without upvalues are light natives (no GC object each, as lua5.4's light
//! C functions): only the few natives that capture values are closures, and a fresh state
//! with every library owns far less memory than when each function was a closure.

use rupa_vm::function::FunctionKind;
use rupa_vm::{Context, Table, Value};

mod common;

use common::full_state;

/// `(key, value)` of every string-keyed field of `t`.
fn fields<'gc>(ctx: Context<'gc>, t: Table<'gc>) -> Vec<(String, Value<'gc>)> {
    let mut out = Vec::new();
    let mut k = Value::Nil;
    while let Some((key, v)) = t.next(ctx, k).expect("a valid traversal") {
        if let Value::String(s) = key {
            out.push((s.to_str_lossy().into_owned(), v));
        }
        k = key;
    }
    out
}

/// The tables holding the functions a fresh state makes: every library in `_LOADED` (`_G`
/// among them), the string metatable, the file metatable and its methods.
fn function_tables<'gc>(ctx: Context<'gc>) -> Vec<(String, Table<'gc>)> {
    let Value::Table(loaded) = ctx.state.registry.get_field(ctx, b"_LOADED") else {
        panic!("_LOADED is a table");
    };
    let mut out: Vec<(String, Table<'gc>)> = fields(ctx, loaded)
        .into_iter()
        .filter_map(|(name, v)| match v {
            Value::Table(t) => Some((name, t)),
            _ => None,
        })
        .collect();
    let string_mt = ctx
        .state
        .string_metatable
        .get()
        .expect("a string metatable");
    out.push(("string metatable".into(), string_mt));
    let Value::Table(file_mt) = ctx.state.registry.get_field(ctx, b"FILE*") else {
        panic!("the io library registers the file metatable");
    };
    out.push(("FILE*".into(), file_mt));
    let Value::Table(methods) = file_mt.get_field(ctx, b"__index") else {
        panic!("file methods");
    };
    out.push(("file methods".into(), methods));
    out
}

#[test]
fn only_natives_that_capture_values_are_closures() {
    let lua = full_state();
    lua.enter(|ctx| {
        let mut light = 0;
        let mut closures = Vec::new();
        for (lib, t) in function_tables(ctx) {
            for (name, v) in fields(ctx, t) {
                match v {
                    Value::LightFunction(_) => light += 1,
                    Value::Closure(c) => match &*c.0 {
                        FunctionKind::Native(n) => {
                            assert!(
                                !n.upvalues.is_empty(),
                                "{lib}.{name} has no upvalues but is a closure"
                            );
                            closures.push(format!("{lib}.{name}"));
                        }
                        FunctionKind::Lua(_) => panic!("{lib}.{name} is a Lua function"),
                    },
                    _ => {}
                }
            }
        }
        closures.sort();
        closures.dedup();
        // lua5.4's C closures are these too: require and the searchers hold `package`, the
        // generator functions its state, setlocale its locale table, warn its on/off flag,
        // utf8.codes its two iterators.
        assert_eq!(
            closures,
            [
                "_G.require",
                "_G.warn",
                "math.random",
                "math.randomseed",
                "os.setlocale",
                "utf8.codes"
            ]
        );
        // Fields holding one: 22 in `_G`, 8 coroutine, 17 string, 8 string metamethods,
        // 29 math (`atan` and `atan2` are one function), 4 utf8, 7 table, 10 os, 11 io,
        // 3 file metamethods (`__gc` and `__close` are one), 7 file methods, 17 debug,
        // 2 package.
        assert_eq!(light, 145);
    });
}

#[test]
fn searchers_are_closures_over_package() {
    let lua = full_state();
    lua.enter(|ctx| {
        let Value::Table(package) = ctx.state.globals.get_field(ctx, b"package") else {
            panic!("package is a global");
        };
        let Value::Table(searchers) = package.get_field(ctx, b"searchers") else {
            panic!("package.searchers");
        };
        for i in 1..=4 {
            let Value::Closure(c) = searchers.get_int(ctx, i) else {
                panic!("searcher {i} is a native closure");
            };
            let FunctionKind::Native(n) = &*c.0 else {
                panic!("searcher {i} is native");
            };
            assert!(
                matches!(n.upvalues[..], [Value::Table(t)] if gc_arena::Gc::ptr_eq(t.0, package.0))
            );
        }
    });
}

#[test]
fn a_fresh_state_with_every_library_owns_less_than_before_light_natives() {
    let lua = full_state();
    let used = lua.memory_used();
    // Measured on x86_64: 34,926 bytes when every library function was a closure (one GC
    // object each), 26,694 with light natives. The bound leaves room for a longer
    // `LUA_PATH` and the like, not for a closure per function.
    assert!(used < 30_000, "a fresh state owns {used} bytes");
}
