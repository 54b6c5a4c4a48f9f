//! The handle-free embedding entry points: calls whose function, arguments and results stay
//! inside the arena and that reuse finished executions ([`Lua::start_with`], [`Lua::run`],
//! [`Lua::finish_with`]), and the argument and result access of raw host functions
//! ([`Lua::host_args`], [`Lua::host_return`]). For hosts that cross the boundary often (the
//! Python bridge): no handle (an `Rc` and a root entry) and no executor per call.

use gc_arena::Rootable;

use super::{
    not_finished, report_of, ExecuteStatus, Execution, HostCall, Lua, LuaErrorReport,
    MAX_IDLE_EXECUTIONS, SLICE_FUEL,
};
use crate::state::Context;
use crate::value::Value;
use crate::vm::executor::{Executor, StepResult};

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
            take_outcome(ctx, ex, ok).unwrap_or_else(|| Err(not_finished()))
        });
        if self.0.idle.len() < MAX_IDLE_EXECUTIONS {
            self.0.idle.push(exec);
        }
        self.describe_error(r)
    }

    /// Calls a function to completion without handles: `push` writes the function and its
    /// arguments, `ok` reads the results, and `detach` runs the interpreter's part (a host
    /// wraps it to let go of its own lock meanwhile, as the Python bridge releases the GIL).
    ///
    /// A call that finishes within one slice, without a host call, a collector request or a
    /// finalizer coming due (the usual case for a short function called from a host), is
    /// started, run and read in one arena entry. Anything else goes on as
    /// [`Lua::start_with`], [`Lua::run`] and [`Lua::finish_with`] would. An error from `push`
    /// starts nothing.
    pub fn call_detached<E, R>(
        &mut self,
        push: impl for<'gc> FnOnce(Context<'gc>, &mut CallValues<'gc>) -> Result<(), E>,
        mut detach: impl FnMut(&mut dyn FnMut()),
        ok: impl for<'gc> FnOnce(Context<'gc>, &[Value<'gc>]) -> R,
    ) -> Result<Result<R, LuaErrorReport>, E> {
        let idle = self.0.idle.pop();
        // An interrupt is served by the slow path's checks.
        let interrupted = self
            .0
            .interrupt
            .0
            .load(std::sync::atomic::Ordering::Relaxed);
        let mut ok = Some(ok);
        let first = self.0.arena.mutate(|mc, state| {
            let ctx = Context { mc, state };
            let mut vals = CallValues::new();
            push(ctx, &mut vals)?;
            let (func, args) = match vals.split_first() {
                Some((f, a)) => (*f, a),
                None => (Value::Nil, &[][..]),
            };
            let (exec, ex) = match idle {
                Some(exec) => {
                    let ex = *ctx.state.roots.fetch(&exec.0);
                    if ex.restart(ctx, func, args) {
                        (exec, ex)
                    } else {
                        let ex = Executor::start(ctx, func, args);
                        (
                            Execution(ctx.state.roots.stash::<Rootable![Executor<'_>]>(ctx.mc, ex)),
                            ex,
                        )
                    }
                }
                None => {
                    let ex = Executor::start(ctx, func, args);
                    (
                        Execution(ctx.state.roots.stash::<Rootable![Executor<'_>]>(ctx.mc, ex)),
                        ex,
                    )
                }
            };
            if interrupted {
                return Ok(First::Continue(exec, None));
            }
            let mut budget = SLICE_FUEL;
            let mut r = StepResult::OutOfFuel;
            detach(&mut || r = ex.step(ctx, &mut budget));
            let settled = r == StepResult::Done
                && state.gc_request.get().is_none()
                && state.to_finalize.borrow().is_empty();
            if !settled {
                return Ok(First::Continue(exec, Some(r)));
            }
            let read = ok.take().expect("`ok` is used once");
            match take_outcome(ctx, ex, read) {
                Some(outcome) => Ok(First::Finished(exec, outcome, state.gc_stopped.get())),
                None => Ok(First::Continue(exec, Some(r))),
            }
        })?;
        let (exec, outcome) = match first {
            First::Finished(exec, outcome, stopped) => {
                // What `Lua::run` does after a call's last slice: pay the collector's debt.
                if !stopped {
                    crate::gc::collect_debt(&mut self.0.arena);
                }
                (exec, outcome)
            }
            First::Continue(exec, r) => {
                // The rest, detached as a whole: what the first step asked for, then the run.
                detach(&mut || {
                    let mut left = i64::MAX;
                    let finished = r.is_some_and(|r| self.after_step(&exec, r, &mut left));
                    if !finished {
                        self.run(&exec);
                    }
                });
                let read = ok.take().expect("`ok` is used once");
                let outcome = self.enter(|ctx| {
                    let ex = *ctx.state.roots.fetch(&exec.0);
                    take_outcome(ctx, ex, read).unwrap_or_else(|| Err(not_finished()))
                });
                (exec, outcome)
            }
        };
        if self.0.idle.len() < MAX_IDLE_EXECUTIONS {
            self.0.idle.push(exec);
        }
        Ok(self.describe_error(outcome))
    }
}

/// How the first slice of [`Lua::call_detached`] ended.
enum First<R> {
    /// The call finished and was read: its outcome, and whether the collector is stopped.
    Finished(Execution, Result<R, LuaErrorReport>, bool),
    /// It needs more: what its first step asked for (none if it did not step).
    Continue(Execution, Option<StepResult>),
}

/// The outcome of finished executor `ex`, its results read by `ok` (`None` if it has not
/// finished). The results are the bottom thread's old stack: the buffer goes back to that
/// thread, so the next call on this executor does not grow a new one.
fn take_outcome<'gc, R>(
    ctx: Context<'gc>,
    ex: Executor<'gc>,
    ok: impl FnOnce(Context<'gc>, &[Value<'gc>]) -> R,
) -> Option<Result<R, LuaErrorReport>> {
    match ex.take_result(ctx)? {
        Ok(mut vals) => {
            let r = ok(ctx, &vals);
            if let Some(t) = ex.0.borrow().threads.first() {
                if let Ok(mut ts) = t.0.try_borrow_mut(ctx.mc) {
                    if ts.stack.capacity() == 0 {
                        vals.clear();
                        ts.stack = vals;
                    }
                }
            }
            Some(Ok(r))
        }
        Err(v) => Some(Err(report_of(ctx, ex, v))),
    }
}
