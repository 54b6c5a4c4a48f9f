//! The register bytecode: the contract between the compiler and the interpreter.
//!
//! Modelled on Lua 5.4's instruction set (`lopcodes.h`), written as a Rust enum so each
//! instruction is decoded by one `match`. An `Op` is at most 8 bytes (checked by a test).
//!
//! Conventions:
//! - `R[x]` is register `x` of the current frame (frame base + x).
//! - `K[x]` is constant `x` of the current prototype.
//! - An [`Rk`] operand is a register when below [`Rk::CONSTANT`], else the constant
//!   `value - Rk::CONSTANT`; the compiler loads constants with higher indices into a register.
//! - Jump offsets are relative to the instruction *after* the jump: `pc = pc + 1 + offset`.
//! - "top" is the register just past the last value produced by a multi-result instruction
//!   (`Call` with `results == 0`, `VarArg` with `count == 0`); the instruction that consumes a
//!   variable number of values (`Call` with `args == 0`, `Return` with `count == 0`,
//!   `SetList` with `count == 0`) runs up to that top.
//! - Comparison and test instructions are always followed by a `Jmp`; "skip" means the `Jmp`
//!   is not executed (`pc += 1`); otherwise execution continues with the `Jmp`.

/// Register index within a frame (Lua allows at most 255 registers per function).
pub type Reg = u8;

/// A register-or-constant operand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rk(pub u16);

impl Rk {
    /// Operands at or above this value name constants.
    pub const CONSTANT: u16 = 256;
    /// Largest constant index an `Rk` can address.
    pub const MAX_CONSTANT: u32 = (u16::MAX - Rk::CONSTANT) as u32;

    /// A register operand.
    pub fn reg(r: Reg) -> Rk {
        Rk(r as u16)
    }

    /// A constant operand; `k` must be at most [`Rk::MAX_CONSTANT`].
    pub fn constant(k: u32) -> Rk {
        debug_assert!(k <= Rk::MAX_CONSTANT);
        Rk(k as u16 + Rk::CONSTANT)
    }

    /// `Ok(register)` or `Err(constant index)`.
    #[inline(always)]
    pub fn decode(self) -> Result<Reg, usize> {
        if self.0 < Rk::CONSTANT {
            Ok(self.0 as Reg)
        } else {
            Err((self.0 - Rk::CONSTANT) as usize)
        }
    }
}

/// One instruction. Field names say which operand is read and which is written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    /// `R[dst] = R[src]`
    Move {
        dst: Reg,
        src: Reg,
    },
    /// `R[dst] = K[k]`
    LoadK {
        dst: Reg,
        k: u32,
    },
    /// `R[dst] = value` (an integer)
    LoadI {
        dst: Reg,
        value: i32,
    },
    /// `R[dst] = value as float`
    LoadF {
        dst: Reg,
        value: i32,
    },
    /// `R[dst] = value`
    LoadBool {
        dst: Reg,
        value: bool,
    },
    /// `R[dst] = false; pc++` (5.4's `LFALSESKIP`, used to turn comparisons into values)
    LoadFalseSkip {
        dst: Reg,
    },
    /// `R[dst], ..., R[dst + count - 1] = nil` (`count >= 1`)
    LoadNil {
        dst: Reg,
        count: u8,
    },
    /// `R[dst] = Upvalue[up]`
    GetUpval {
        dst: Reg,
        up: u8,
    },
    /// `Upvalue[up] = R[src]`
    SetUpval {
        src: Reg,
        up: u8,
    },
    /// `R[dst] = Upvalue[up][K[key]]` where `K[key]` is a string (global reads through `_ENV`)
    GetTabUp {
        dst: Reg,
        up: u8,
        key: u16,
    },
    /// `Upvalue[up][K[key]] = RK[src]` where `K[key]` is a string (global writes)
    SetTabUp {
        up: u8,
        key: u16,
        src: Rk,
    },
    /// `R[dst] = R[table][R[key]]`
    GetTable {
        dst: Reg,
        table: Reg,
        key: Reg,
    },
    /// `R[dst] = R[table][K[key]]` where `K[key]` is a string
    GetField {
        dst: Reg,
        table: Reg,
        key: u16,
    },
    /// `R[dst] = R[table][index]` (integer key 0..=255)
    GetInt {
        dst: Reg,
        table: Reg,
        index: u8,
    },
    /// `R[table][R[key]] = RK[src]`
    SetTable {
        table: Reg,
        key: Reg,
        src: Rk,
    },
    /// `R[table][K[key]] = RK[src]` where `K[key]` is a string
    SetField {
        table: Reg,
        key: u16,
        src: Rk,
    },
    /// `R[table][index] = RK[src]` (integer key 0..=255)
    SetInt {
        table: Reg,
        index: u8,
        src: Rk,
    },
    /// `R[dst] = {}` with room for `array` array items and `hash` hash entries
    NewTable {
        dst: Reg,
        array: u16,
        hash: u16,
    },
    /// `R[dst + 1] = R[obj]; R[dst] = R[obj][RK[key]]` (method call preparation)
    SelfOp {
        dst: Reg,
        obj: Reg,
        key: Rk,
    },

    /// `R[dst] = RK[lhs] + RK[rhs]` (and so on for each arithmetic or bitwise operator)
    Add {
        dst: Reg,
        lhs: Rk,
        rhs: Rk,
    },
    Sub {
        dst: Reg,
        lhs: Rk,
        rhs: Rk,
    },
    Mul {
        dst: Reg,
        lhs: Rk,
        rhs: Rk,
    },
    Mod {
        dst: Reg,
        lhs: Rk,
        rhs: Rk,
    },
    Pow {
        dst: Reg,
        lhs: Rk,
        rhs: Rk,
    },
    Div {
        dst: Reg,
        lhs: Rk,
        rhs: Rk,
    },
    IDiv {
        dst: Reg,
        lhs: Rk,
        rhs: Rk,
    },
    BAnd {
        dst: Reg,
        lhs: Rk,
        rhs: Rk,
    },
    BOr {
        dst: Reg,
        lhs: Rk,
        rhs: Rk,
    },
    BXor {
        dst: Reg,
        lhs: Rk,
        rhs: Rk,
    },
    Shl {
        dst: Reg,
        lhs: Rk,
        rhs: Rk,
    },
    Shr {
        dst: Reg,
        lhs: Rk,
        rhs: Rk,
    },
    /// `R[dst] = -R[src]`
    Unm {
        dst: Reg,
        src: Reg,
    },
    /// `R[dst] = ~R[src]`
    BNot {
        dst: Reg,
        src: Reg,
    },
    /// `R[dst] = not R[src]`
    Not {
        dst: Reg,
        src: Reg,
    },
    /// `R[dst] = #R[src]`
    Len {
        dst: Reg,
        src: Reg,
    },
    /// `R[dst] = R[dst] .. R[dst + 1] .. ... .. R[dst + count - 1]` (`count >= 2`),
    /// right-associative, with `__concat` as in 5.4
    Concat {
        dst: Reg,
        count: u8,
    },

    /// Close upvalues of registers `>= from` and call `__close` of to-be-closed variables
    /// `>= from` (in reverse order of declaration)
    Close {
        from: Reg,
    },
    /// Mark `R[reg]` as a to-be-closed variable (it must be nil, false, or have `__close`:
    /// otherwise "variable 'x' got a non-closable value")
    Tbc {
        reg: Reg,
    },
    /// `pc += offset`
    Jmp {
        offset: i32,
    },
    /// `if (RK[lhs] == RK[rhs]) != k then skip`
    Eq {
        lhs: Rk,
        rhs: Rk,
        k: bool,
    },
    /// `if (RK[lhs] < RK[rhs]) != k then skip`
    Lt {
        lhs: Rk,
        rhs: Rk,
        k: bool,
    },
    /// `if (RK[lhs] <= RK[rhs]) != k then skip`
    Le {
        lhs: Rk,
        rhs: Rk,
        k: bool,
    },
    /// `if truthy(R[reg]) != k then skip`
    Test {
        reg: Reg,
        k: bool,
    },
    /// `if truthy(R[src]) == k then R[dst] = R[src] else skip`
    TestSet {
        dst: Reg,
        src: Reg,
        k: bool,
    },

    /// Call `R[func]` with arguments `R[func + 1 ..]`: `args - 1` of them, or up to top when
    /// `args == 0`. Results go to `R[func ..]`: `results - 1` of them (padded with nil), or all
    /// of them when `results == 0` (top is set after the last).
    Call {
        func: Reg,
        args: u8,
        results: u8,
    },
    /// `return R[func](args)` in constant stack space; `args` as in `Call`
    TailCall {
        func: Reg,
        args: u8,
    },
    /// Return `R[base ..]`: `count - 1` values, or up to top when `count == 0`. Closes open
    /// upvalues and to-be-closed variables of the frame first.
    Return {
        base: Reg,
        count: u8,
    },

    /// Numeric `for` preparation. `R[base]` = start, `R[base+1]` = limit, `R[base+2]` = step
    /// (already evaluated); checks them ("'for' initial value must be a number", "'for' step
    /// is zero", ...), and if the loop runs zero times jumps `pc += skip` (to just after the
    /// matching `ForLoop`); otherwise sets the control variable `R[base+3]` and falls into the
    /// body. The interpreter may keep private iteration state in `R[base..base+3]`.
    ForPrep {
        base: Reg,
        skip: u32,
    },
    /// Numeric `for` step: advance; if the loop continues, update `R[base+3]` and jump
    /// `pc -= back` (to the first instruction of the body).
    ForLoop {
        base: Reg,
        back: u32,
    },
    /// Generic `for` preparation: `R[base]` = iterator, `R[base+1]` = state,
    /// `R[base+2]` = control, `R[base+3]` = closing value (marked to-be-closed here);
    /// then `pc += jump` (to the matching `TForCall`).
    TForPrep {
        base: Reg,
        jump: u32,
    },
    /// `R[base+4], ..., R[base+3+results] = R[base](R[base+1], R[base+2])`
    TForCall {
        base: Reg,
        results: u8,
    },
    /// `if R[base+4] ~= nil then R[base+2] = R[base+4]; pc -= back end`
    TForLoop {
        base: Reg,
        back: u32,
    },

    /// `R[table][start + i] = R[table + 1 + i]` for `i` in `0..n`, where `n` is `count` or, when
    /// `count == 0`, the number of values up to top
    SetList {
        table: Reg,
        count: u8,
        start: u32,
    },
    /// `R[dst] = closure(child prototype number proto)`
    Closure {
        dst: Reg,
        proto: u32,
    },
    /// `R[dst], ..., R[dst + count - 2] = vararg` (`count - 1` values, padded with nil), or
    /// all varargs when `count == 0` (sets top)
    VarArg {
        dst: Reg,
        count: u8,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn op_is_at_most_eight_bytes() {
        assert!(std::mem::size_of::<Op>() <= 8);
    }

    #[test]
    fn rk_round_trips() {
        assert_eq!(Rk::reg(7).decode(), Ok(7));
        assert_eq!(Rk::constant(0).decode(), Err(0));
        assert_eq!(
            Rk::constant(Rk::MAX_CONSTANT).decode(),
            Err(Rk::MAX_CONSTANT as usize)
        );
    }
}
