//! The handle-free embedding entry points: calls whose function, arguments and results stay
//! inside the arena and that reuse finished executions ([`Lua::start_with`], [`Lua::run`],
//! [`Lua::finish_with`]), and the argument and result access of raw host functions
//! ([`Lua::host_args`], [`Lua::host_return`]). For hosts that cross the boundary often (the
//! Python bridge): no handle (an `Rc` and a root entry) and no executor per call.

use gc_arena::Rootable;

use super::{
    not_finished, report_of, ExecuteStatus, Execution, HostCall, Lua, LuaErrorReport,
    MAX_IDLE_EXECUTIONS,
};
use crate::state::Context;
use crate::value::Value;
use crate::vm::executor::Executor;

/// The function and arguments of a call being started by [`Lua::start_with`] (a few are kept
/// inline: no allocation for a short call).
pub type CallValues<'gc> = smallvec::SmallVec<[Value<'gc>; 8]>;

impl Lua {
    /// Runs `f` on the arguments of host call `call` (a [`crate::lua::RawHostFn`]'s).
    pub fn host_args<R>(
        &self,
        call: &HostCall,
        f: impl for<'gc> FnOnce(Context<'gc>, &[Value<'gc>]) -> R,
    ) -> R {
        self.enter(|ctx| {
            let ex = *ctx.state.roots.fetch(&call.exec.0);
            // Copied out (inline for a short call: no allocation), so `f` runs with no borrow
            // of the executor or its thread held.
            let args: CallValues<'_> = {
                let st = ex.0.borrow();
                match (st.host, st.threads.last()) {
                    (Some(h), Some(thread)) => {
                        CallValues::from_slice(thread.0.borrow().stack.get(h.base..).unwrap_or(&[]))
                    }
                    _ => CallValues::new(),
                }
            };
            f(ctx, &args)
        })
    }

    /// Returns the values `f` pushes as the results of host call `call`. If `f` fails nothing
    /// is returned yet (the host may try again, or fail the call). Up to 8 results are
    /// gathered without a heap allocation.
    pub fn host_return<E>(
        &self,
        call: &HostCall,
        f: impl for<'gc> FnOnce(Context<'gc>, &mut CallValues<'gc>) -> Result<(), E>,
    ) -> Result<(), E> {
        self.enter(|ctx| {
            let ex = *ctx.state.roots.fetch(&call.exec.0);
            if call.returned.get() {
                return Ok(());
            }
            let mut out = CallValues::new();
            f(ctx, &mut out)?;
            ex.host_return(ctx, Ok(&out));
            call.returned.set(true);
            Ok(())
        })
    }

    /// [`Lua::host_return`] for the commonest case, one result: the value `f` makes is
    /// returned without gathering a list. If `f` fails nothing is returned yet.
    pub fn host_return_one<E>(
        &self,
        call: &HostCall,
        f: impl for<'gc> FnOnce(Context<'gc>) -> Result<Value<'gc>, E>,
    ) -> Result<(), E> {
        self.enter(|ctx| {
            if call.returned.get() {
                return Ok(());
            }
            let v = f(ctx)?;
            let ex = *ctx.state.roots.fetch(&call.exec.0);
            ex.host_return(ctx, Ok(std::slice::from_ref(&v)));
            call.returned.set(true);
            Ok(())
        })
    }

    /// Starts a call without handles: `push` writes the function, then its arguments, straight
    /// from the host's values. A finished execution is reused when one is idle (see
    /// [`Lua::finish_with`]), so a short call allocates no executor. An error from `push` starts
    /// nothing.
    pub fn start_with<E>(
        &mut self,
        push: impl for<'gc> FnOnce(Context<'gc>, &mut CallValues<'gc>) -> Result<(), E>,
    ) -> Result<Execution, E> {
        let idle = self.0.idle.pop();
        self.enter(|ctx| {
            let mut vals = CallValues::new();
            push(ctx, &mut vals)?;
            let (func, args) = match vals.split_first() {
                Some((f, a)) => (*f, a),
                None => (Value::Nil, &[][..]),
            };
            if let Some(exec) = idle {
                let ex = *ctx.state.roots.fetch(&exec.0);
                if ex.restart(ctx, func, args) {
                    return Ok(exec);
                }
            }
            let ex = Executor::start(ctx, func, args);
            Ok(Execution(
                ctx.state.roots.stash::<Rootable![Executor<'_>]>(ctx.mc, ex),
            ))
        })
    }

    /// Pays the collector's allocation debt if it is at least `min_bytes`, as the end of a
    /// call does (whatever the debt): for hosts that allocate in the arena outside calls (a
    /// table built from host data), so that garbage made that way is collected although no
    /// Lua code runs. A small debt is left for later: each payment has a fixed cost. Does
    /// nothing while the collector is stopped; `__gc` metamethods that become due run at the
    /// next call.
    pub fn collect_debt(&mut self, min_bytes: usize) {
        // Checked before entering the arena: most entries owe little.
        if self.0.arena.metrics().allocation_debt() < (min_bytes as f64).max(f64::MIN_POSITIVE) {
            return;
        }
        if !self.enter(|ctx| ctx.state.gc_stopped.get()) {
            crate::gc::collect_debt(&mut self.0.arena);
        }
    }

    /// Runs `exec` to completion (as [`Lua::execute`] with unlimited fuel).
    pub fn run(&mut self, exec: &Execution) {
        while self.execute(exec, i64::MAX) == ExecuteStatus::OutOfFuel {}
    }

    /// The outcome of a finished execution without handles: on success `ok` reads the results
    /// inside the arena. The execution is kept for reuse by [`Lua::start_with`]; it must not be
    /// used again by the caller (it takes it by value for that reason).
    pub fn finish_with<R>(
        &mut self,
        exec: Execution,
        ok: impl for<'gc> FnOnce(Context<'gc>, &[Value<'gc>]) -> R,
    ) -> Result<R, LuaErrorReport> {
        let r = self.enter(|ctx| {
            let ex = *ctx.state.roots.fetch(&exec.0);
            match ex.take_result(ctx) {
                None => Err(not_finished()),
                Some(Ok(mut vals)) => {
                    let r = ok(ctx, &vals);
                    // The results are the bottom thread's old stack: give the buffer back, so
                    // the next call on this execution does not grow a new one.
                    if let Some(t) = ex.0.borrow().threads.first() {
                        if let Ok(mut ts) = t.0.try_borrow_mut(ctx.mc) {
                            if ts.stack.capacity() == 0 {
                                vals.clear();
                                ts.stack = vals;
                            }
                        }
                    }
                    Ok(r)
                }
                Some(Err(v)) => Err(report_of(ctx, ex, v)),
            }
        });
        if self.0.idle.len() < MAX_IDLE_EXECUTIONS {
            self.0.idle.push(exec);
        }
        self.describe_error(r)
    }
}
