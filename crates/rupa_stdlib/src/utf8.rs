//! The `utf8` library: `char charpattern codes codepoint len offset`, decoding as 5.4 does
//! (sequences of up to 6 bytes for values up to 0x7FFFFFFF; strict mode also rejects values
//! past 0x10FFFF and surrogates; `lax` arguments turn strictness off).

use rupa_vm::baselib::args::{arg_error, check_integer, check_string, opt_integer};
use rupa_vm::function::Function;
use rupa_vm::native::{NativeAction, NativeDef, NativeStack};
use rupa_vm::{Context, RuntimeError, Value};

use crate::register::{register_lib_with, set_field};

type R<'gc> = Result<NativeAction<'gc>, RuntimeError<'gc>>;

const MAX_UNICODE: u32 = 0x10FFFF;
const MAX_UTF: u32 = 0x7FFF_FFFF;

/// The pattern matching one UTF-8 sequence (as 5.4 defines it, up to 6 bytes).
pub const CHARPATTERN: &[u8] = b"[\0-\x7F\xC2-\xFD][\x80-\xBF]*";

/// Installs the `utf8` library.
pub fn load_utf8(ctx: Context<'_>) -> Result<(), RuntimeError<'_>> {
    static FUNCS: [NativeDef; 4] = [
        NativeDef::new("char", char),
        NativeDef::new("codepoint", codepoint),
        NativeDef::new("len", len),
        NativeDef::new("offset", offset),
    ];
    let lib = register_lib_with(ctx, "utf8", &FUNCS, 2)?;
    set_field(
        ctx,
        lib,
        "charpattern",
        Value::String(ctx.new_string(CHARPATTERN)?),
    )?;
    static STRICT: NativeDef = NativeDef::new("for iterator", codes_strict);
    static LAX: NativeDef = NativeDef::new("for iterator", codes_lax);
    let (strict, lax) = (Function::light(&STRICT), Function::light(&LAX));
    let codes_fn = Function::new_native(
        ctx.mc,
        "codes",
        codes,
        Box::new([Value::from(strict), Value::from(lax)]),
    );
    set_field(ctx, lib, "codes", Value::from(codes_fn))?;
    Ok(())
}

fn is_cont(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// The byte at `i`, or 0 past the end (C strings end with a NUL the decoder may read).
fn byte_at(s: &[u8], i: usize) -> u8 {
    s.get(i).copied().unwrap_or(0)
}

/// Decodes the sequence at `s[i..]`: `(code, index after it)`, or `None` when invalid.
pub fn decode(s: &[u8], i: usize, strict: bool) -> Option<(u32, usize)> {
    const LIMITS: [u32; 6] = [u32::MAX, 0x80, 0x800, 0x10000, 0x20_0000, 0x400_0000];
    let mut c = u32::from(byte_at(s, i));
    let mut res: u32 = 0;
    let mut count = 0usize;
    if c < 0x80 {
        res = c;
    } else {
        while c & 0x40 != 0 {
            count += 1;
            let cc = byte_at(s, i + count);
            if !is_cont(cc) {
                return None;
            }
            res = (res << 6) | u32::from(cc & 0x3F);
            c <<= 1;
        }
        if count > 5 {
            return None;
        }
        res |= (c & 0x7F) << (count * 5);
        if res > MAX_UTF || res < LIMITS[count] {
            return None;
        }
    }
    if strict && (res > MAX_UNICODE || (0xD800..=0xDFFF).contains(&res)) {
        return None;
    }
    Some((res, i + count + 1))
}

/// Encodes `x` (at most 0x7FFFFFFF) as 5.4's `%U` does: 1 to 6 bytes.
pub fn encode(x: u32, out: &mut Vec<u8>) {
    if x < 0x80 {
        out.push(x as u8);
        return;
    }
    let mut tail = [0u8; 6];
    let mut n = 0;
    let mut x = x;
    let mut mfb: u32 = 0x3f;
    loop {
        tail[n] = 0x80 | (x & 0x3f) as u8;
        n += 1;
        x >>= 6;
        mfb >>= 1;
        if x <= mfb {
            break;
        }
    }
    out.push(((!mfb << 1) | x) as u8);
    out.extend(tail[..n].iter().rev());
}

/// A relative string position: negative counts back from the end (`u_posrelat`).
fn posrelat(pos: i64, len: usize) -> i64 {
    if pos >= 0 {
        pos
    } else if pos.unsigned_abs() > len as u64 {
        0
    } else {
        len as i64 + pos + 1
    }
}

fn char<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let mut out = Vec::new();
    for i in 0..stack.len() {
        let code = check_integer(ctx, stack, i)? as u64;
        if code > u64::from(MAX_UTF) {
            return Err(arg_error(i, "value out of range"));
        }
        encode(code as u32, &mut out);
    }
    let s = ctx.new_string(&out)?;
    stack.replace(&[Value::String(s)]);
    Ok(NativeAction::Return)
}

fn len<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let s = check_string(ctx, stack, 0)?.as_bytes();
    let slen = s.len() as i64;
    let mut posi = posrelat(opt_integer(ctx, stack, 1, 1)?, s.len());
    let posj = posrelat(opt_integer(ctx, stack, 2, -1)?, s.len());
    let lax = stack.get(3).is_truthy();
    if !(1 <= posi && posi - 1 <= slen) {
        return Err(arg_error(1, "initial position out of bounds"));
    }
    posi -= 1;
    let posj = posj - 1;
    if posj >= slen {
        return Err(arg_error(2, "final position out of bounds"));
    }
    let mut n: i64 = 0;
    while posi <= posj {
        match decode(s, posi as usize, !lax) {
            Some((_, next)) => posi = next as i64,
            None => {
                stack.replace(&[Value::Nil, Value::Integer(posi + 1)]);
                return Ok(NativeAction::Return);
            }
        }
        n += 1;
    }
    ctx.state.fuel.set(ctx.state.fuel.get() - n / 8);
    stack.replace(&[Value::Integer(n)]);
    Ok(NativeAction::Return)
}

fn codepoint<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let s = check_string(ctx, stack, 0)?.as_bytes();
    let posi = posrelat(opt_integer(ctx, stack, 1, 1)?, s.len());
    let pose = posrelat(opt_integer(ctx, stack, 2, posi)?, s.len());
    let lax = stack.get(3).is_truthy();
    if posi < 1 {
        return Err(arg_error(1, "out of bounds"));
    }
    if pose > s.len() as i64 {
        return Err(arg_error(2, "out of bounds"));
    }
    stack.clear();
    if posi > pose {
        return Ok(NativeAction::Return);
    }
    if pose - posi >= i64::from(i32::MAX) || pose - posi >= 999_950 {
        return Err(RuntimeError::msg("string slice too long"));
    }
    ctx.reserve((pose - posi + 1) as usize * std::mem::size_of::<Value>())?;
    let mut i = (posi - 1) as usize;
    let end = pose as usize;
    while i < end {
        let Some((code, next)) = decode(s, i, !lax) else {
            return Err(RuntimeError::msg("invalid UTF-8 code"));
        };
        stack.push(Value::Integer(i64::from(code)));
        i = next;
    }
    ctx.state.fuel.set(ctx.state.fuel.get() - (pose - posi) / 8);
    Ok(NativeAction::Return)
}

fn offset<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let s = check_string(ctx, stack, 0)?.as_bytes();
    let slen = s.len() as i64;
    let mut n = check_integer(ctx, stack, 1)?;
    let default = if n >= 0 { 1 } else { slen + 1 };
    let mut posi = posrelat(opt_integer(ctx, stack, 2, default)?, s.len());
    if !(1 <= posi && posi - 1 <= slen) {
        return Err(arg_error(2, "position out of bounds"));
    }
    posi -= 1;
    let cont = |p: i64| is_cont(byte_at(s, p as usize));
    if n == 0 {
        while posi > 0 && cont(posi) {
            posi -= 1;
        }
    } else {
        if cont(posi) {
            return Err(RuntimeError::msg("initial position is a continuation byte"));
        }
        if n < 0 {
            while n < 0 && posi > 0 {
                posi -= 1;
                while posi > 0 && cont(posi) {
                    posi -= 1;
                }
                n += 1;
            }
        } else {
            n -= 1;
            while n > 0 && posi < slen {
                posi += 1;
                while cont(posi) {
                    posi += 1;
                }
                n -= 1;
            }
        }
    }
    let r = if n == 0 {
        Value::Integer(posi + 1)
    } else {
        Value::Nil
    };
    stack.replace(&[r]);
    Ok(NativeAction::Return)
}

/// `utf8.codes(s [, lax])`: the iterator, `s` and 0.
fn codes<'gc>(
    ctx: Context<'gc>,
    upvalues: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let lax = stack.get(1).is_truthy();
    let s = check_string(ctx, stack, 0)?;
    let iter = upvalues
        .get(usize::from(lax))
        .copied()
        .unwrap_or(Value::Nil);
    stack.replace(&[iter, Value::String(s), Value::Integer(0)]);
    Ok(NativeAction::Return)
}

fn codes_strict<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    codes_step(ctx, stack, true)
}

fn codes_lax<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    codes_step(ctx, stack, false)
}

/// One step of the `codes` iterator: from the byte after the previous character's first
/// byte, skip continuation bytes and decode the next character.
fn codes_step<'gc>(ctx: Context<'gc>, stack: &mut NativeStack<'gc, '_>, strict: bool) -> R<'gc> {
    let s = check_string(ctx, stack, 0)?.as_bytes();
    let mut n = rupa_vm::arith::tointeger_value(stack.get(1)).unwrap_or(0) as u64;
    let len = s.len() as u64;
    if n < len {
        while is_cont(byte_at(s, n as usize)) {
            n += 1;
        }
    }
    stack.clear();
    if n >= len {
        return Ok(NativeAction::Return);
    }
    let Some((code, _)) = decode(s, n as usize, strict) else {
        return Err(RuntimeError::msg("invalid UTF-8 code"));
    };
    stack.push(Value::Integer(n as i64 + 1));
    stack.push(Value::Integer(i64::from(code)));
    Ok(NativeAction::Return)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_decode_round_trip() {
        for x in [
            0u32,
            0x7f,
            0x80,
            0x7ff,
            0x800,
            0xffff,
            0x10000,
            0x10ffff,
            0x7fff_ffff,
        ] {
            let mut out = Vec::new();
            encode(x, &mut out);
            assert_eq!(decode(&out, 0, false), Some((x, out.len())), "{x:#x}");
        }
        let mut out = Vec::new();
        encode(0x7fff_ffff, &mut out);
        assert_eq!(out, b"\xFD\xBF\xBF\xBF\xBF\xBF");
    }

    #[test]
    fn decode_rejects_bad_sequences() {
        assert_eq!(decode(b"\x80", 0, false), None);
        assert_eq!(decode(b"\xC0\x80", 0, false), None); // overlong
        assert_eq!(decode(b"\xC3", 0, false), None); // truncated
        assert_eq!(decode(b"\xED\xA0\x80", 0, true), None); // surrogate
        assert_eq!(decode(b"\xED\xA0\x80", 0, false), Some((0xD800, 3)));
        assert_eq!(decode(b"\xFE\x80\x80\x80\x80\x80\x80", 0, false), None);
    }
}
