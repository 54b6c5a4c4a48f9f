//! The string metatable: `__index = string` (so `("x"):upper()` works) and the arithmetic
//! metamethods lua5.4's `lstrlib.c` installs. The VM already does arithmetic on numeric
//! strings itself, so these run when an operand is a string that is not a numeral (or
//! when Lua code calls them directly): they convert both operands as `tonumber` would and
//! redo the operation, else try the second operand's metamethod, else fail with "attempt
//! to add a 'string' with a 'number'".

use rupa_vm::arith::{arith, ArithOp};
use rupa_vm::baselib::args::{meta_field, to_number};
use rupa_vm::function::Function;
use rupa_vm::meta::MetaEvent;
use rupa_vm::native::{NativeAction, NativeDef, NativeStack};
use rupa_vm::{Context, RuntimeError, Table, Value};

use super::natives::R;

/// The operators; a metamethod's index here is its code.
const OPS: [(&str, ArithOp, MetaEvent); 8] = [
    ("__add", ArithOp::Add, MetaEvent::Add),
    ("__sub", ArithOp::Sub, MetaEvent::Sub),
    ("__mul", ArithOp::Mul, MetaEvent::Mul),
    ("__mod", ArithOp::Mod, MetaEvent::Mod),
    ("__pow", ArithOp::Pow, MetaEvent::Pow),
    ("__div", ArithOp::Div, MetaEvent::Div),
    ("__idiv", ArithOp::IDiv, MetaEvent::IDiv),
    ("__unm", ArithOp::Unm, MetaEvent::Unm),
];

/// Sets the string metatable: `__index` is the `string` table `lib`.
pub fn install<'gc>(ctx: Context<'gc>, lib: Table<'gc>) -> Result<(), RuntimeError<'gc>> {
    let mt = Table::with_exact_capacity(ctx, OPS.len() + 1)?;
    for (def, &(_, _, event)) in METHODS.iter().zip(OPS.iter()) {
        // The state's own name strings: lookups of these events then compare pointers.
        mt.set_str(ctx, ctx.meta_name(event), Value::from(Function::light(def)))?;
    }
    mt.set_str(ctx, ctx.meta_name(MetaEvent::Index), Value::Table(lib))?;
    ctx.state.string_metatable.set(ctx.mc, Some(mt));
    Ok(())
}

/// The metamethods, light natives as lua5.4's (no upvalues), in the order of [`OPS`].
static METHODS: [NativeDef; 8] = [
    NativeDef::new("__add", |c, _, s| string_arith(c, s, 0)),
    NativeDef::new("__sub", |c, _, s| string_arith(c, s, 1)),
    NativeDef::new("__mul", |c, _, s| string_arith(c, s, 2)),
    NativeDef::new("__mod", |c, _, s| string_arith(c, s, 3)),
    NativeDef::new("__pow", |c, _, s| string_arith(c, s, 4)),
    NativeDef::new("__div", |c, _, s| string_arith(c, s, 5)),
    NativeDef::new("__idiv", |c, _, s| string_arith(c, s, 6)),
    NativeDef::new("__unm", |c, _, s| string_arith(c, s, 7)),
];

/// One arithmetic metamethod: `code` says which operator (an index into [`OPS`]).
fn string_arith<'gc>(ctx: Context<'gc>, stack: &mut NativeStack<'gc, '_>, code: usize) -> R<'gc> {
    let Some(&(name, op, event)) = OPS.get(code) else {
        return Err(RuntimeError::msg("string arithmetic: lost its operator"));
    };
    let (a, b) = (stack.get(0), stack.get(1));
    // Called with one argument, lua5.4's `tonum` pushes the converted first operand where
    // the second would be, so `__unm("3")` (or `__add("3")`) uses it twice.
    let y = if stack.len() == 1 {
        to_number(a)
    } else {
        to_number(b)
    };
    if let (Some(x), Some(y)) = (to_number(a), y) {
        let result = arith(op, x, y)
            .map_err(|e| RuntimeError::msg(e.message()))?
            .ok_or_else(|| RuntimeError::msg("string arithmetic: operands are not numbers"))?;
        stack.replace(&[result]);
        return Ok(NativeAction::Return);
    }
    // lua5.4 gives the second operand's own metamethod a chance, unless it is a string
    // (whose metamethod is this one).
    if !matches!(b, Value::String(_)) {
        let tm = meta_field(ctx, b, event);
        if !tm.is_nil() {
            stack.replace(&[a, b]);
            return Ok(NativeAction::TailCall { func: tm });
        }
    }
    Err(RuntimeError::msg(format!(
        "attempt to {} a '{}' with a '{}'",
        &name[2..],
        a.type_name(),
        b.type_name()
    )))
}
