//! Error messages that name an instruction's operand: "attempt to index a nil value (field
//! 'x')", "number (local 'n') has no integer representation". The interpreter reports which
//! operands an instruction read; this module turns them into lua5.4's wording.

use crate::debug_info;
use crate::error::RuntimeError;
use crate::frame::LuaFrame;
use crate::function::LuaClosure;
use crate::metaops::{self, OpError};
use crate::opcode::Rk;
use crate::state::Context;
use crate::value::Value;

/// How an instruction's operand is described in error messages.
#[derive(Clone, Copy)]
pub(super) enum Operand {
    Reg(u8),
    Up(u8),
    Rk(Rk),
    None,
}

/// Turns an operation error into a runtime error naming the culprit operand.
pub(super) fn describe<'gc>(
    ctx: Context<'gc>,
    frame: &LuaFrame<'gc>,
    closure: &LuaClosure<'gc>,
    pc: usize,
    e: OpError<'gc>,
    operands: [Operand; 2],
) -> RuntimeError<'gc> {
    match e {
        OpError::Runtime(e) => e,
        OpError::Compare { a, b } => RuntimeError::msg(metaops::compare_message(ctx, a, b)),
        OpError::NoInteger { operand } => {
            let info = operand_info(frame, closure, pc, operands[operand as usize]);
            RuntimeError::msg(format!("number{info} has no integer representation"))
        }
        OpError::Type { op, value, operand } => {
            let mut msg = format!(
                "attempt to {op} a {} value",
                metaops::type_name_for_error(ctx, value)
            );
            if let Some(i) = operand {
                msg.push_str(&operand_info(frame, closure, pc, operands[i as usize]));
            }
            RuntimeError::msg(msg)
        }
    }
}

/// " (local 'x')" for an operand, or "".
fn operand_info(frame: &LuaFrame<'_>, closure: &LuaClosure<'_>, pc: usize, op: Operand) -> String {
    let proto = &closure.proto.proto;
    match op {
        Operand::Reg(r) => debug_info::register_info(frame, pc, r),
        Operand::Up(u) => debug_info::upvalue_info(proto, u),
        Operand::Rk(rk) => match rk.decode() {
            Ok(r) => debug_info::register_info(frame, pc, r),
            Err(k) => match closure.proto.constants[k] {
                Value::String(s) => format!(" (constant '{}')", s.to_str_lossy()),
                _ => String::new(),
            },
        },
        Operand::None => String::new(),
    }
}
