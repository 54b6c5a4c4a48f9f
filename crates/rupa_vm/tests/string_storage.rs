//! Strings keep short contents inside the string object and longer ones in a separate buffer:
//! either way a string has its bytes, its length and its content hash, compares by content
//! and finds the same table entry, across the boundary between the two forms.

use rupa_vm::lua::Lua;
use rupa_vm::{LuaString, Table, Value};

#[test]
fn strings_of_every_length_around_the_inline_limit_behave_alike() {
    let lua = Lua::new();
    lua.enter(|ctx| {
        let t = Table::new(ctx.mc);
        for n in 0..=80usize {
            let bytes: Vec<u8> = (0..n).map(|i| b'a' + (i % 26) as u8).collect();
            let a = LuaString::new(ctx.mc, &bytes);
            let b = LuaString::new(ctx.mc, &bytes);
            assert_eq!(a.as_bytes(), &bytes[..], "bytes of a {n}-byte string");
            assert_eq!(a.len(), n);
            assert_eq!(a.is_empty(), n == 0);
            assert_eq!(a, b, "two {n}-byte strings with the same bytes");
            assert_eq!(a.hash_value(), rupa_vm::string::hash_bytes(&bytes));
            if n > 0 {
                let mut other = bytes.clone();
                other[n - 1] ^= 1;
                assert_ne!(a, LuaString::new(ctx.mc, &other));
            }
            t.set_str(ctx, a, Value::Integer(n as i64))
                .expect("no memory cap is set");
        }
        for n in 0..=80usize {
            let bytes: Vec<u8> = (0..n).map(|i| b'a' + (i % 26) as u8).collect();
            let key = LuaString::new(ctx.mc, &bytes);
            assert!(matches!(t.get_str(ctx, key), Value::Integer(v) if v == n as i64));
            assert!(matches!(t.get_field(ctx, &bytes), Value::Integer(v) if v == n as i64));
        }
    });
}

#[test]
fn a_long_strings_bytes_are_counted_in_the_state_memory() {
    let lua = Lua::new();
    let before = lua.memory_used();
    let kept = lua.enter(|ctx| {
        let s = LuaString::new(ctx.mc, &[b'x'; 10_000]);
        Lua::stash(ctx, Value::String(s))
    });
    assert!(lua.memory_used() >= before + 10_000);
    drop(kept);
}
