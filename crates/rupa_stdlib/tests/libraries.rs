//! The library tables as a fresh state has them: exactly lua5.4's fields, each table made at
//! its final size (filling it never rehashed and left no unused room), and metamethod keys
//! that are the state's own name strings.

use gc_arena::Gc;
use rupa_vm::meta::MetaEvent;
use rupa_vm::{Context, Table, Value};

mod common;

use common::full_state;

/// The sorted string keys of `t`.
fn keys<'gc>(ctx: Context<'gc>, t: Table<'gc>) -> Vec<String> {
    let mut out = Vec::new();
    let mut k = Value::Nil;
    while let Some((key, _)) = t.next(ctx, k).expect("a valid traversal") {
        if let Value::String(s) = key {
            out.push(s.to_str_lossy().into_owned());
        }
        k = key;
    }
    out.sort();
    out
}

fn table_field<'gc>(ctx: Context<'gc>, t: Table<'gc>, name: &str) -> Table<'gc> {
    match t.get_field(ctx, name.as_bytes()) {
        Value::Table(t) => t,
        other => panic!("{name} is a {}", other.type_name()),
    }
}

/// What lua5.4 (5.4.4, Debian) has, printed by sorting each table's keys.
const LUA54: &[(&str, &str)] = &[
    (
        "coroutine",
        "close create isyieldable resume running status wrap yield",
    ),
    (
        "string",
        "byte char dump find format gmatch gsub len lower match pack packsize rep reverse sub \
         unpack upper",
    ),
    ("table", "concat insert move pack remove sort unpack"),
    (
        "math",
        "abs acos asin atan atan2 ceil cos cosh deg exp floor fmod frexp huge ldexp log log10 \
         max maxinteger min mininteger modf pi pow rad random randomseed sin sinh sqrt tan tanh \
         tointeger type ult",
    ),
    ("utf8", "char charpattern codepoint codes len offset"),
    (
        "io",
        "close flush input lines open output popen read stderr stdin stdout tmpfile type write",
    ),
    (
        "os",
        "clock date difftime execute exit getenv remove rename setlocale time tmpname",
    ),
    (
        "debug",
        "debug gethook getinfo getlocal getmetatable getregistry getupvalue getuservalue \
         setcstacklimit sethook setlocal setmetatable setupvalue setuservalue traceback \
         upvalueid upvaluejoin",
    ),
    (
        "package",
        "config cpath loaded loadlib path preload searchers searchpath",
    ),
];

#[test]
fn every_library_has_exactly_lua54s_fields_in_a_table_of_that_size() {
    let lua = full_state();
    lua.enter(|ctx| {
        let g = ctx.state.globals;
        for &(name, fields) in LUA54 {
            let lib = table_field(ctx, g, name);
            let want: Vec<&str> = fields.split_whitespace().collect();
            assert_eq!(keys(ctx, lib), want, "fields of {name}");
            assert_eq!(lib.capacity(), (0, want.len()), "size of {name}'s table");
        }
    });
}

#[test]
fn the_file_metatable_and_its_methods_are_made_at_their_size() {
    let lua = full_state();
    lua.enter(|ctx| {
        let mt = table_field(ctx, ctx.state.registry, "FILE*");
        assert_eq!(
            keys(ctx, mt),
            ["__close", "__gc", "__index", "__name", "__tostring"]
        );
        assert_eq!(mt.capacity(), (0, 5));
        let methods = table_field(ctx, mt, "__index");
        assert_eq!(
            keys(ctx, methods),
            ["close", "flush", "lines", "read", "seek", "setvbuf", "write"]
        );
        assert_eq!(methods.capacity(), (0, 7));
    });
}

#[test]
fn metatable_keys_are_the_states_own_metamethod_names() {
    let lua = full_state();
    lua.enter(|ctx| {
        let string_mt = ctx
            .state
            .string_metatable
            .get()
            .expect("the string library sets the string metatable");
        assert_eq!(
            keys(ctx, string_mt),
            ["__add", "__div", "__idiv", "__index", "__mod", "__mul", "__pow", "__sub", "__unm"]
        );
        assert_eq!(string_mt.capacity(), (0, 9));
        let file_mt = table_field(ctx, ctx.state.registry, "FILE*");
        let mut k = Value::Nil;
        for mt in [string_mt, file_mt] {
            while let Some((key, _)) = mt.next(ctx, k).expect("a valid traversal") {
                let Value::String(s) = key else {
                    panic!("a metatable key that is not a string")
                };
                let event = MetaEvent::ALL
                    .iter()
                    .find(|e| e.name().as_bytes() == s.as_bytes())
                    .expect("a metamethod name");
                assert!(
                    Gc::ptr_eq(s.0, ctx.meta_name(*event).0),
                    "{} is a copy of the state's name",
                    event.name()
                );
                k = key;
            }
            k = Value::Nil;
        }
    });
}

#[test]
fn loaded_holds_every_library_once() {
    let lua = full_state();
    lua.enter(|ctx| {
        let loaded = table_field(ctx, ctx.state.registry, "_LOADED");
        assert_eq!(
            keys(ctx, loaded),
            [
                "_G",
                "coroutine",
                "debug",
                "io",
                "math",
                "os",
                "package",
                "string",
                "table",
                "utf8"
            ]
        );
        for name in keys(ctx, loaded) {
            let lib = table_field(ctx, loaded, &name);
            let global = table_field(ctx, ctx.state.globals, &name);
            assert!(Gc::ptr_eq(lib.0, global.0), "_LOADED.{name} is _G.{name}");
        }
    });
}
