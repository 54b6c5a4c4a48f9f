//! The native function protocol: how Rust functions are called from Lua, return values, and
//! ask the interpreter to call, tail-call, yield or resume on their behalf (continuations), so
//! no Lua call ever recurses on the Rust stack.
//!
//! A native receives its arguments in a [`NativeStack`] window of the calling thread's stack and
//! leaves its results in the same window.

use gc_arena::Collect;

use crate::error::RuntimeError;
use crate::state::Context;
use crate::thread::Thread;
use crate::value::Value;

/// A native function. `upvalues` are the values captured by its closure.
pub type NativeFn = for<'gc> fn(
    ctx: Context<'gc>,
    upvalues: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> Result<NativeAction<'gc>, RuntimeError<'gc>>;

/// A native function without upvalues, defined once for the whole program (in a `static`):
/// its function value ([`crate::function::Function::Light`]) is a reference to it, so making
/// one allocates nothing and the definition's address is its identity, as a light C
/// function's pointer is in PUC Lua. Keep definitions in `static`s, not `const`s: a constant
/// may be copied, and each copy would be a different function.
pub struct NativeDef {
    /// Name used in messages such as "bad argument #1 to 'insert'", and the field name when
    /// a library is installed from a list of definitions.
    pub name: &'static str,
    /// The Rust function; it is called with no upvalues.
    pub func: NativeFn,
}

impl NativeDef {
    /// A definition of `func` named `name`.
    pub const fn new(name: &'static str, func: NativeFn) -> NativeDef {
        NativeDef { name, func }
    }
}

impl std::fmt::Debug for NativeDef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "NativeDef({})", self.name)
    }
}

/// A continuation: called when the call a native asked for finishes. `data` is state the native
/// carries across (for example the message handler of `xpcall`).
pub type ContinuationFn = for<'gc> fn(
    ctx: Context<'gc>,
    data: Value<'gc>,
    status: CallStatus<'gc>,
    stack: &mut NativeStack<'gc, '_>,
) -> Result<NativeAction<'gc>, RuntimeError<'gc>>;

/// How the call a continuation waited for ended.
#[derive(Debug, Clone)]
pub enum CallStatus<'gc> {
    /// It returned; its results are in the stack window.
    Ok,
    /// It raised this error (only for protected calls); the window is empty.
    Err(Value<'gc>),
}

/// A continuation and its carried state.
#[derive(Collect, Clone, Copy)]
#[collect(no_drop)]
pub struct Continuation<'gc> {
    #[collect(require_static)]
    pub func: ContinuationFn,
    pub data: Value<'gc>,
}

/// What a native asks the interpreter to do next.
pub enum NativeAction<'gc> {
    /// Return the values in the window to the caller.
    Return,
    /// Call `func` with the window's values as arguments, then run `then` with its results in
    /// the window. With `protected`, an error raised by the callee is caught and given to
    /// `then` as `CallStatus::Err` (this is how `pcall` works).
    Call {
        func: Value<'gc>,
        then: Continuation<'gc>,
        protected: bool,
    },
    /// Call the function at window position `at` with the values after it as arguments,
    /// keeping the window's first `at` values; then run `then` with those kept values
    /// followed by the call's results. A native parks the Lua values it needs across the call
    /// there, on its thread's stack, where the collector sees them, and the callee needs no
    /// slot made for it below the arguments. Unprotected: an error the callee raises goes to
    /// the native's callers.
    CallKeep { at: usize, then: Continuation<'gc> },
    /// Like a protected `Call`, but `handler` is called with the error value at the point the
    /// error is raised, before the stack unwinds (so it can build a traceback), and its first
    /// result becomes the error given to `then` (this is how `xpcall` works).
    CallWithHandler {
        func: Value<'gc>,
        handler: Value<'gc>,
        then: Continuation<'gc>,
    },
    /// Replace this native's frame by a call to `func` with the window's values as arguments.
    TailCall { func: Value<'gc> },
    /// Yield the window's values from the running coroutine. When resumed, the resume
    /// arguments are placed in the window and `then` runs (or, with `None`, they are returned).
    Yield { then: Option<Continuation<'gc>> },
    /// Resume `thread` with the window's values as arguments; when it yields, returns or fails,
    /// `then` runs with `CallStatus::Ok` and the yielded/returned values, or `CallStatus::Err`.
    Resume {
        thread: Thread<'gc>,
        then: Continuation<'gc>,
    },
}

/// The argument/result window of a native call on its thread's stack.
pub struct NativeStack<'gc, 'a> {
    values: &'a mut Vec<Value<'gc>>,
    base: usize,
    /// The thread running this call (`coroutine.running`).
    pub thread: Thread<'gc>,
    /// Whether the running code may yield here (`coroutine.isyieldable`): false on the main
    /// thread and inside a nested, non-yieldable execution.
    pub yieldable: bool,
}

impl<'gc> NativeAction<'gc> {
    /// A call as C's `lua_call` makes it, where lua5.4 has no continuation: unprotected, and a
    /// yield inside it fails with "attempt to yield across a C-call boundary".
    pub fn lua_call(
        ctx: Context<'gc>,
        func: Value<'gc>,
        then: Continuation<'gc>,
    ) -> NativeAction<'gc> {
        Self::call_without_continuation(ctx, func, then, false)
    }

    /// A protected call as C's `lua_pcall` makes it without a continuation: an error comes to
    /// `then` as `CallStatus::Err`, and a yield inside fails as in [`NativeAction::lua_call`].
    pub fn lua_pcall(
        ctx: Context<'gc>,
        func: Value<'gc>,
        then: Continuation<'gc>,
    ) -> NativeAction<'gc> {
        Self::call_without_continuation(ctx, func, then, true)
    }

    /// The call of `lua_call`/`lua_pcall`: a yield below it is refused.
    fn call_without_continuation(
        ctx: Context<'gc>,
        func: Value<'gc>,
        then: Continuation<'gc>,
        protected: bool,
    ) -> NativeAction<'gc> {
        ctx.state.call_not_yieldable.set(true);
        NativeAction::Call {
            func,
            then,
            protected,
        }
    }

    /// [`NativeAction::CallKeep`] made as [`NativeAction::lua_call`] makes its call.
    pub fn lua_call_keep(
        ctx: Context<'gc>,
        at: usize,
        then: Continuation<'gc>,
    ) -> NativeAction<'gc> {
        ctx.state.call_not_yieldable.set(true);
        NativeAction::CallKeep { at, then }
    }
}

impl<'gc, 'a> NativeStack<'gc, 'a> {
    /// A window over `values[base..]`.
    pub fn new(
        values: &'a mut Vec<Value<'gc>>,
        base: usize,
        thread: Thread<'gc>,
        yieldable: bool,
    ) -> Self {
        debug_assert!(base <= values.len());
        NativeStack {
            values,
            base,
            thread,
            yieldable,
        }
    }

    /// Number of values in the window.
    #[inline]
    pub fn len(&self) -> usize {
        self.values.len() - self.base
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Value `i` (0-based), or nil past the end.
    #[inline]
    pub fn get(&self, i: usize) -> Value<'gc> {
        self.values
            .get(self.base + i)
            .copied()
            .unwrap_or(Value::Nil)
    }

    /// Overwrites value `i`, growing the window with nils as needed.
    pub fn set(&mut self, i: usize, v: Value<'gc>) {
        let at = self.base + i;
        if at >= self.values.len() {
            self.values.resize(at + 1, Value::Nil);
        }
        self.values[at] = v;
    }

    /// Appends a value.
    #[inline]
    pub fn push(&mut self, v: Value<'gc>) {
        self.values.push(v);
    }

    /// Removes every value from the window.
    #[inline]
    pub fn clear(&mut self) {
        self.values.truncate(self.base);
    }

    /// Keeps the first `n` values (padding with nil).
    pub fn resize(&mut self, n: usize) {
        self.values.resize(self.base + n, Value::Nil);
    }

    /// Keeps the first `n` values, if there are more.
    #[inline]
    pub fn truncate(&mut self, n: usize) {
        self.values.truncate(self.base + n);
    }

    /// Appends `vals`.
    #[inline]
    pub fn extend_from_slice(&mut self, vals: &[Value<'gc>]) {
        self.values.extend_from_slice(vals);
    }

    /// Replaces the window's contents with `vals`.
    pub fn replace(&mut self, vals: &[Value<'gc>]) {
        self.clear();
        self.values.extend_from_slice(vals);
    }

    /// Removes and returns the first value (nil if empty).
    pub fn pop_front(&mut self) -> Value<'gc> {
        if self.is_empty() {
            Value::Nil
        } else {
            self.values.remove(self.base)
        }
    }

    /// Inserts a value at the front.
    pub fn push_front(&mut self, v: Value<'gc>) {
        self.values.insert(self.base, v);
    }

    /// Where the window starts in the thread's whole stack (for `introspect`).
    pub fn base(&self) -> usize {
        self.base
    }

    /// The thread's whole stack, below the window too: while a native runs, its thread's
    /// stack lives here, not in the thread (`debug.getlocal` reads the callers' registers).
    pub fn whole_stack(&self) -> &[Value<'gc>] {
        self.values
    }

    /// [`NativeStack::whole_stack`], writable (`debug.setlocal`).
    pub fn whole_stack_mut(&mut self) -> &mut [Value<'gc>] {
        self.values
    }

    /// The window as a slice.
    #[inline]
    pub fn as_slice(&self) -> &[Value<'gc>] {
        &self.values[self.base..]
    }

    /// The window as a mutable slice.
    #[inline]
    pub fn as_mut_slice(&mut self) -> &mut [Value<'gc>] {
        &mut self.values[self.base..]
    }
}
