//! The collection driver: runs gc-arena's incremental collector with Lua's finalization
//! (`__gc`) and weak-table (`__mode`) semantics layered on top, and registers objects for them
//! when `setmetatable` gives them such a metatable.
//!
//! gc-arena can only collect between mutations, so everything here either takes the arena
//! (`collect_debt`, `collect_full`) or only records (`register`); running the queued `__gc`
//! functions is the executor's job.
//!
//! How 5.4's atomic phase maps onto gc-arena's `MarkedArena::finalize` (a point where marking
//! is complete and "dead" is meaningful):
//! 0. ephemerons converge: weak-keyed tables hold their values weakly, and every dead value
//!    whose key is alive is resurrected; if any was, marking resumes (it may make more keys
//!    alive) and the next pass starts over, as 5.4's `convergeephemerons`;
//! 1. tables with weak values only are cleared before finalizers are considered, so an
//!    object about to be finalized is already gone from them (5.4 `clearbyvalues`);
//! 2. every registered finalizable object found dead is resurrected and queued in
//!    `State::to_finalize` (once: it leaves `finalizable`, as in 5.4);
//! 3. if anything was resurrected, marking resumes so everything it reaches is kept, and the
//!    next `finalize` pass repeats (nothing new can die, so it converges);
//! 4. otherwise the remaining weak tables (weak keys, or both) are cleared and collection
//!    proceeds to the sweep.
//!
//! Known differences from 5.4, all from gc-arena having one "dead" test per pass:
//! - a table with weak keys *and* values keeps an entry whose value is only reachable from an
//!   object being finalized (5.4 clears it); weak-key entries whose key is being finalized are
//!   kept, as in 5.4.
//! - the mode is fixed when the metatable is set; changing `__mode` in a metatable already in
//!   use has no effect (5.4 reads it every cycle).

use gc_arena::{lock::RefLock, Arena, Finalization, Gc, Rootable};

use crate::error::RuntimeError;
use crate::meta::MetaEvent;
use crate::state::{Context, Finalizable, State};
use crate::table::{Table, TableState};
use crate::value::Value;

/// The arena holding one Lua state.
pub type LuaArena = Arena<Rootable![State<'_>]>;

/// Does as much incremental collection work as the arena's allocation debt asks for, running
/// the finalization phase when marking completes. Afterwards `State::to_finalize` may hold
/// objects whose `__gc` must be called.
#[inline]
pub fn collect_debt(arena: &mut LuaArena) {
    // The end of every call comes here; with nothing owed, the two collector entries below
    // would each start and stop a pass (about 120 instructions per call from Python).
    if arena.metrics().allocation_debt() > 0.0 {
        pay_debt(arena);
    }
}

/// [`collect_debt`] once something is owed.
#[inline(never)]
fn pay_debt(arena: &mut LuaArena) {
    while let Some(marked) = arena.mark_debt() {
        if !marked.finalize(finalize_pass) {
            break;
        }
        // Resurrection resumed marking; go on marking (within the debt) and finalize again.
    }
    arena.collect_debt();
}

/// The work of a basic step (`collectgarbage("step", 0)`): lua5.4's default step size, 2^13.
const BASIC_STEP: usize = 1 << 13;

/// `collectgarbage("step", n)`: about `bytes` of incremental collection work (objects traced
/// or freed), or with `bytes == 0` a basic step of lua5.4's step size; a sleeping collector
/// starts a cycle first. Records in `State::gc_step_finished` whether a cycle ended during
/// the step.
///
/// gc-arena paces itself by allocation debt, so the step is a pretended external allocation
/// just big enough to owe that much work, paid for, then taken back. Taking it back credits
/// the cycle with what was pretended, so the cycle keeps exactly the work done as credit: later
/// allocations find it paid in advance, as after a step in 5.4.
pub fn step(arena: &mut LuaArena, bytes: usize) {
    use gc_arena::arena::CollectionPhase;
    let metrics = arena.metrics().clone();
    let before = arena.collection_phase();
    let target = if bytes == 0 { BASIC_STEP } else { bytes } as f64;
    // Grow the pretence until the collector owes the target, then give back what overshoots
    // it (a credit lowers the debt byte for byte).
    let mut pretend: usize = 0;
    let mut add = BASIC_STEP;
    while metrics.allocation_debt() < target && pretend < usize::MAX / 4 {
        metrics.mark_external_allocation(add);
        pretend = pretend.saturating_add(add);
        add = add.saturating_mul(2);
    }
    let excess = (metrics.allocation_debt() - target).max(0.0) as usize;
    let back = excess.min(pretend);
    metrics.mark_external_deallocation(back);
    pretend -= back;
    let mut marked_now = false;
    while let Some(marked) = arena.mark_debt() {
        marked_now = true;
        if !marked.finalize(finalize_pass) {
            break;
        }
    }
    arena.collect_debt();
    metrics.mark_external_deallocation(pretend);
    let after = arena.collection_phase();
    let finished =
        after == CollectionPhase::Sleeping && (before != CollectionPhase::Sleeping || marked_now);
    arena.mutate(|_, state| state.gc_step_finished.set(finished));
}

/// The pacing for lua5.4's collector parameters. Incremental mode: `pause` (percent; the
/// heap may grow to `pause`% of what the last cycle kept before a new one starts),
/// `stepmul` (percent; the collector's speed relative to allocation) and `stepsize` (log2
/// bytes; the least allocation between cycles). Generational mode has no gc-arena equivalent:
/// its major multiplier (percent of growth before a full collection) is used as the pause.
pub fn pacing(
    generational: bool,
    pause: i64,
    stepmul: i64,
    stepsize: i64,
) -> gc_arena::metrics::Pacing {
    let pause_factor = if generational {
        pause.max(0) as f64 / 100.0
    } else {
        (pause as f64 / 100.0 - 1.0).max(0.0)
    };
    // stepmul 100 finishes a cycle while as much is allocated as the heap holds; 0 is taken
    // as the slowest collector 5.4 allows (1).
    let timing_factor = 100.0 / stepmul.clamp(1, 1 << 20) as f64;
    let min_sleep = 1usize << stepsize.clamp(0, 40);
    gc_arena::metrics::Pacing::default()
        .with_pause_factor(pause_factor)
        .with_timing_factor(timing_factor)
        .with_min_sleep(min_sleep)
}

/// Runs a complete collection cycle (finishing the current one first, as `lua_gc(LUA_GCCOLLECT)`
/// does), finalization phase included.
pub fn collect_full(arena: &mut LuaArena) {
    // A cycle already sweeping must finish before a fresh one can judge liveness again.
    if arena.collection_phase() == gc_arena::arena::CollectionPhase::Collecting {
        arena.collect_all();
    }
    while let Some(marked) = arena.mark_all() {
        if !marked.finalize(finalize_pass) {
            break;
        }
    }
    arena.collect_all();
}

/// One finalization pass over a fully marked arena. Returns whether objects were resurrected
/// (then marking must resume and another pass follow before sweeping).
fn finalize_pass<'gc>(fc: &'gc Finalization<'gc>, state: &'gc State<'gc>) -> bool {
    let ctx = Context { mc: fc, state };
    if converge_ephemerons(fc, state) {
        return true;
    }
    sweep_weak_tables(ctx, fc, true);
    if resurrect_finalizable(fc, state) {
        return true;
    }
    sweep_weak_tables(ctx, fc, false);
    // Nothing can be resurrected any more: a dead closure's rebound slots can go.
    ctx.state
        .rebound_upvalues
        .borrow_mut(fc)
        .retain(|(w, _)| !w.is_dead(fc));
    false
}

/// Moves every dead object of `finalizable` to `to_finalize`, resurrecting it. Duplicate
/// registrations of one object are merged here (registration only checks the latest entry).
fn resurrect_finalizable<'gc>(fc: &'gc Finalization<'gc>, state: &'gc State<'gc>) -> bool {
    let any_dead = state.finalizable.borrow().iter().any(|f| match *f {
        Finalizable::Table(w) => w.is_dead(fc),
        Finalizable::UserData(w) => w.is_dead(fc),
    });
    if !any_dead {
        return false;
    }
    let mut seen = std::collections::HashSet::new();
    let mut queued = Vec::new();
    let mut list = state.finalizable.borrow_mut(fc);
    list.retain(|f| {
        let ptr = match *f {
            Finalizable::Table(w) => w.as_ptr() as *const u8 as usize,
            Finalizable::UserData(w) => w.as_ptr() as *const u8 as usize,
        };
        if !seen.insert(ptr) {
            return false;
        }
        // `resurrect` is `None` only for an object already freed, which cannot happen while it
        // is listed here (it would have been queued when it died); dropping it is right anyway.
        match *f {
            Finalizable::Table(w) if w.is_dead(fc) => {
                if let Some(gc) = w.resurrect(fc) {
                    queued.push(Value::Table(Table(gc)));
                }
                false
            }
            Finalizable::UserData(w) if w.is_dead(fc) => {
                if let Some(gc) = w.resurrect(fc) {
                    queued.push(Value::UserData(crate::userdata::UserData(gc)));
                }
                false
            }
            _ => true,
        }
    });
    drop(list);
    let resurrected = !queued.is_empty();
    state.to_finalize.borrow_mut(fc).extend(queued);
    resurrected
}

/// Resurrects the dead values of live keys in every live weak-keyed table. Returns whether any
/// was. Dead tables are left alone: if a finalizer resurrects one, a later pass handles it.
fn converge_ephemerons<'gc>(fc: &'gc Finalization<'gc>, state: &'gc State<'gc>) -> bool {
    let live: Vec<Table<'gc>> = state
        .weak_tables
        .borrow()
        .iter()
        .filter(|w| !w.is_dead(fc))
        .filter_map(|w| w.upgrade(fc).map(Table))
        .collect();
    let mut any = false;
    for t in live {
        any |= t.resurrect_ephemeron_values(fc);
    }
    any
}

/// Clears dead entries from the registered weak tables. With `values_only`, only tables with
/// weak values and strong keys are swept (the pass before resurrection); otherwise all are,
/// and tables that are themselves dead are forgotten.
fn sweep_weak_tables<'gc>(ctx: Context<'gc>, fc: &'gc Finalization<'gc>, values_only: bool) {
    let mut live: Vec<Gc<'gc, RefLock<TableState<'gc>>>> = Vec::new();
    {
        let mut list = ctx.state.weak_tables.borrow_mut(fc);
        let mut seen = std::collections::HashSet::new();
        list.retain(|w| {
            if !seen.insert(w.as_ptr() as *const u8 as usize) {
                return false;
            }
            if w.is_dead(fc) {
                // A dead table may still be resurrected by a finalizer in this cycle: forget it
                // only in the final pass.
                return values_only;
            }
            // `upgrade` of a live pointer just returns it (no resurrection is involved).
            if let Some(gc) = w.upgrade(fc) {
                live.push(gc);
            }
            true
        });
    }
    let _ = ctx;
    for gc in live {
        let table = Table(gc);
        let (weak_keys, weak_values) = table.weak_mode();
        if !weak_keys && !weak_values {
            continue;
        }
        if values_only && weak_keys {
            continue;
        }
        table.sweep_dead(fc);
    }
}

/// The weak mode a metatable asks for through `__mode`: (weak keys, weak values).
pub fn mode_of<'gc>(ctx: Context<'gc>, mt: Table<'gc>) -> (bool, bool) {
    match mt.get_str(ctx, ctx.meta_name(MetaEvent::Mode)) {
        Value::String(s) => {
            let b = s.as_bytes();
            (b.contains(&b'k'), b.contains(&b'v'))
        }
        _ => (false, false),
    }
}

/// Records what `setmetatable(value, metatable)` implies for the collector: an object whose new
/// metatable has `__gc` is marked for finalization (only if `__gc` is present now, as in 5.4),
/// and a table whose metatable has `__mode` with `k` and/or `v` gets weak storage. Giving a weak
/// table a metatable without `__mode` makes it strong again.
///
/// Fails only when converting the table's storage would pass the memory cap.
pub fn register<'gc>(
    ctx: Context<'gc>,
    value: Value<'gc>,
    metatable: Option<Table<'gc>>,
) -> Result<(), RuntimeError<'gc>> {
    let Some(mt) = metatable else {
        if let Value::Table(t) = value {
            t.set_weak_mode(ctx, false, false)?;
        }
        return Ok(());
    };
    if !mt.get_str(ctx, ctx.meta_name(MetaEvent::Gc)).is_nil() {
        let entry = match value {
            Value::Table(t) => Some(Finalizable::Table(Gc::downgrade(t.0))),
            Value::UserData(u) => Some(Finalizable::UserData(Gc::downgrade(u.0))),
            _ => None,
        };
        if let Some(entry) = entry {
            let mut list = ctx.state.finalizable.borrow_mut(ctx.mc);
            // Repeated `setmetatable` on the same object should not grow the list; other
            // duplicates are merged when the collector next looks at the list.
            if !list.last().is_some_and(|last| same_object(last, &entry)) {
                list.push(entry);
            }
        }
    }
    if let Value::Table(t) = value {
        let (weak_keys, weak_values) = mode_of(ctx, mt);
        if weak_keys || weak_values {
            t.set_weak_mode(ctx, weak_keys, weak_values)?;
            let weak = Gc::downgrade(t.0);
            let mut list = ctx.state.weak_tables.borrow_mut(ctx.mc);
            if !list
                .last()
                .is_some_and(|w| gc_arena::GcWeak::ptr_eq(*w, weak))
            {
                list.push(weak);
            }
        } else {
            t.set_weak_mode(ctx, false, false)?;
        }
    }
    Ok(())
}

/// Queues every object still registered for finalization, as closing a state does (5.4 calls
/// all pending finalizers in `lua_close`).
pub fn finalize_all(ctx: Context<'_>) {
    let pending: Vec<_> = std::mem::take(&mut *ctx.state.finalizable.borrow_mut(ctx.mc));
    let mut queue = ctx.state.to_finalize.borrow_mut(ctx.mc);
    let mut seen = std::collections::HashSet::new();
    for f in pending {
        let v = match f {
            Finalizable::Table(w) => w.upgrade(ctx.mc).map(|gc| Value::Table(Table(gc))),
            Finalizable::UserData(w) => w
                .upgrade(ctx.mc)
                .map(|gc| Value::UserData(crate::userdata::UserData(gc))),
        };
        if let Some(v) = v {
            if seen.insert(v.address()) {
                queue.push(v);
            }
        }
    }
}

fn same_object<'gc>(a: &Finalizable<'gc>, b: &Finalizable<'gc>) -> bool {
    match (a, b) {
        (Finalizable::Table(x), Finalizable::Table(y)) => gc_arena::GcWeak::ptr_eq(*x, *y),
        (Finalizable::UserData(x), Finalizable::UserData(y)) => gc_arena::GcWeak::ptr_eq(*x, *y),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new_arena() -> LuaArena {
        #[allow(
            clippy::redundant_closure,
            reason = "the closure is needed for the higher-ranked lifetime"
        )]
        LuaArena::new(|mc| State::new(mc))
    }

    fn key<'gc>(ctx: Context<'gc>, s: &str) -> Value<'gc> {
        Value::String(ctx.new_string(s.as_bytes()).expect("no cap"))
    }

    /// A metatable with `field = true`.
    fn mt_with<'gc>(ctx: Context<'gc>, field: &str, value: Value<'gc>) -> Table<'gc> {
        let mt = Table::new(ctx.mc);
        mt.set(ctx, key(ctx, field), value).expect("no cap");
        mt
    }

    fn set_global<'gc>(ctx: Context<'gc>, name: &str, v: Value<'gc>) {
        ctx.state
            .globals
            .set(ctx, key(ctx, name), v)
            .expect("no cap");
    }

    fn global<'gc>(ctx: Context<'gc>, name: &str) -> Value<'gc> {
        ctx.state.globals.get(ctx, key(ctx, name))
    }

    fn enter<R>(arena: &LuaArena, f: impl for<'gc> FnOnce(Context<'gc>) -> R) -> R {
        arena.mutate(|mc, state| f(Context { mc, state }))
    }

    #[test]
    fn unreachable_finalizable_is_queued_once() {
        let mut arena = new_arena();
        enter(&arena, |ctx| {
            let mt = mt_with(ctx, "__gc", Value::Boolean(true));
            let kept = Table::new(ctx.mc);
            let dropped = Table::new(ctx.mc);
            for t in [kept, dropped] {
                register(ctx, Value::Table(t), Some(mt)).expect("no cap");
                // Registering twice must not finalize twice.
                register(ctx, Value::Table(t), Some(mt)).expect("no cap");
                t.set_metatable(ctx.mc, Some(mt));
            }
            dropped
                .set(ctx, key(ctx, "tag"), key(ctx, "dropped"))
                .expect("no cap");
            set_global(ctx, "kept", Value::Table(kept));
        });
        collect_full(&mut arena);
        enter(&arena, |ctx| {
            let queue = ctx.state.to_finalize.borrow();
            assert_eq!(queue.len(), 1);
            let Value::Table(t) = queue[0] else {
                panic!("a table was queued")
            };
            // Resurrected whole: its contents survived the sweep.
            assert!(t.get(ctx, key(ctx, "tag")).raw_equal(&key(ctx, "dropped")));
            assert_eq!(ctx.state.finalizable.borrow().len(), 1);
        });
        enter(&arena, |ctx| {
            ctx.state.to_finalize.borrow_mut(ctx.mc).clear()
        });
        collect_full(&mut arena);
        enter(&arena, |ctx| {
            assert!(ctx.state.to_finalize.borrow().is_empty());
        });
    }

    #[test]
    fn gc_field_added_later_does_not_register() {
        let mut arena = new_arena();
        enter(&arena, |ctx| {
            let mt = Table::new(ctx.mc);
            let t = Table::new(ctx.mc);
            register(ctx, Value::Table(t), Some(mt)).expect("no cap");
            t.set_metatable(ctx.mc, Some(mt));
            mt.set(ctx, key(ctx, "__gc"), Value::Boolean(true))
                .expect("no cap");
            set_global(ctx, "mt", Value::Table(mt));
        });
        collect_full(&mut arena);
        enter(&arena, |ctx| {
            assert!(ctx.state.to_finalize.borrow().is_empty())
        });
    }

    #[test]
    fn weak_tables_drop_dead_entries() {
        let mut arena = new_arena();
        enter(&arena, |ctx| {
            let live = Table::new(ctx.mc);
            set_global(ctx, "live", Value::Table(live));
            for (name, mode) in [("k", "k"), ("v", "v"), ("kv", "kv")] {
                let t = Table::new(ctx.mc);
                let mt = mt_with(ctx, "__mode", key(ctx, mode));
                register(ctx, Value::Table(t), Some(mt)).expect("no cap");
                t.set_metatable(ctx.mc, Some(mt));
                // Distinct objects: a strong side must not keep the other side's object alive.
                let dead_key = Value::Table(Table::new(ctx.mc));
                let dead_value = Value::Table(Table::new(ctx.mc));
                t.set(ctx, dead_key, Value::Integer(1)).expect("no cap");
                t.set(ctx, Value::Integer(1), dead_value).expect("no cap");
                t.set(ctx, Value::Table(live), Value::Table(live))
                    .expect("no cap");
                t.set(ctx, key(ctx, "s"), key(ctx, "strings stay"))
                    .expect("no cap");
                set_global(ctx, name, Value::Table(t));
            }
        });
        collect_full(&mut arena);
        enter(&arena, |ctx| {
            let count = |name: &str| {
                let Value::Table(t) = global(ctx, name) else {
                    panic!("table kept")
                };
                let mut n = 0;
                let mut k = Value::Nil;
                while let Some((nk, _)) = t.next(ctx, k).expect("valid key") {
                    n += 1;
                    k = nk;
                }
                n
            };
            // k: the dead key goes, 1 -> dead value stays; v: the reverse; kv: both go.
            assert_eq!(count("k"), 3);
            assert_eq!(count("v"), 3);
            assert_eq!(count("kv"), 2);
        });
    }

    #[test]
    fn weak_keys_are_ephemerons() {
        let mut arena = new_arena();
        enter(&arena, |ctx| {
            let t = Table::new(ctx.mc);
            let mt = mt_with(ctx, "__mode", key(ctx, "k"));
            register(ctx, Value::Table(t), Some(mt)).expect("no cap");
            t.set_metatable(ctx.mc, Some(mt));
            // head -> a -> b: each value is the next key; only `head` is rooted. Another
            // entry's value refers to its own key, which nothing else holds.
            let head = Table::new(ctx.mc);
            let a = Table::new(ctx.mc);
            let b = Table::new(ctx.mc);
            t.set(ctx, Value::Table(head), Value::Table(a))
                .expect("no cap");
            t.set(ctx, Value::Table(a), Value::Table(b))
                .expect("no cap");
            t.set(ctx, Value::Table(b), key(ctx, "end"))
                .expect("no cap");
            let lone = Table::new(ctx.mc);
            let own = Table::new(ctx.mc);
            own.set(ctx, key(ctx, "key"), Value::Table(lone))
                .expect("no cap");
            t.set(ctx, Value::Table(lone), Value::Table(own))
                .expect("no cap");
            set_global(ctx, "t", Value::Table(t));
            set_global(ctx, "head", Value::Table(head));
        });
        collect_full(&mut arena);
        enter(&arena, |ctx| {
            let Value::Table(t) = global(ctx, "t") else {
                panic!("table kept")
            };
            let mut k = global(ctx, "head");
            for _ in 0..2 {
                k = t.get(ctx, k);
                assert!(matches!(k, Value::Table(_)), "chain value kept");
            }
            assert!(t.get(ctx, k).raw_equal(&key(ctx, "end")));
            let mut n = 0;
            let mut k = Value::Nil;
            while let Some((nk, _)) = t.next(ctx, k).expect("valid key") {
                n += 1;
                k = nk;
            }
            assert_eq!(n, 3, "the self-referring entry went");
        });
    }

    #[test]
    fn object_being_finalized_stays_a_weak_key_but_leaves_weak_values() {
        let mut arena = new_arena();
        enter(&arena, |ctx| {
            let gc_mt = mt_with(ctx, "__gc", Value::Boolean(true));
            let obj = Table::new(ctx.mc);
            register(ctx, Value::Table(obj), Some(gc_mt)).expect("no cap");
            obj.set_metatable(ctx.mc, Some(gc_mt));
            for (name, mode) in [("k", "k"), ("v", "v")] {
                let t = Table::new(ctx.mc);
                let mt = mt_with(ctx, "__mode", key(ctx, mode));
                register(ctx, Value::Table(t), Some(mt)).expect("no cap");
                t.set_metatable(ctx.mc, Some(mt));
                // Only on the weak side: a strong reference would keep it alive.
                if mode == "k" {
                    t.set(ctx, Value::Table(obj), Value::Integer(1))
                        .expect("no cap");
                } else {
                    t.set(ctx, Value::Integer(1), Value::Table(obj))
                        .expect("no cap");
                }
                set_global(ctx, name, Value::Table(t));
            }
        });
        collect_full(&mut arena);
        enter(&arena, |ctx| {
            let queue = ctx.state.to_finalize.borrow();
            assert_eq!(queue.len(), 1);
            let obj = queue[0];
            let Value::Table(k) = global(ctx, "k") else {
                panic!("table kept")
            };
            let Value::Table(v) = global(ctx, "v") else {
                panic!("table kept")
            };
            // As in 5.4: kept as a weak key, cleared as a weak value.
            assert!(k.get(ctx, obj).raw_equal(&Value::Integer(1)));
            assert!(v.get(ctx, Value::Integer(1)).is_nil());
        });
    }

    #[test]
    fn metatable_without_mode_makes_a_table_strong_again() {
        let mut arena = new_arena();
        enter(&arena, |ctx| {
            let t = Table::new(ctx.mc);
            let mt = mt_with(ctx, "__mode", key(ctx, "k"));
            register(ctx, Value::Table(t), Some(mt)).expect("no cap");
            t.set_metatable(ctx.mc, Some(mt));
            assert_eq!(t.weak_mode(), (true, false));
            register(ctx, Value::Table(t), None).expect("no cap");
            t.set_metatable(ctx.mc, None);
            assert_eq!(t.weak_mode(), (false, false));
            t.set(ctx, Value::Table(Table::new(ctx.mc)), Value::Integer(1))
                .expect("no cap");
            set_global(ctx, "t", Value::Table(t));
        });
        collect_full(&mut arena);
        enter(&arena, |ctx| {
            let Value::Table(t) = global(ctx, "t") else {
                panic!("table kept")
            };
            assert!(t.next(ctx, Value::Nil).expect("valid").is_some());
        });
    }

    #[test]
    fn incremental_collection_also_finalizes() {
        let mut arena = new_arena();
        enter(&arena, |ctx| {
            let mt = mt_with(ctx, "__gc", Value::Boolean(true));
            let t = Table::new(ctx.mc);
            register(ctx, Value::Table(t), Some(mt)).expect("no cap");
            t.set_metatable(ctx.mc, Some(mt));
        });
        // Allocate garbage to create debt, stepping until a cycle has gone by.
        for _ in 0..10_000 {
            enter(&arena, |ctx| {
                for _ in 0..10 {
                    Table::new(ctx.mc);
                }
            });
            collect_debt(&mut arena);
            if enter(&arena, |ctx| !ctx.state.to_finalize.borrow().is_empty()) {
                return;
            }
        }
        panic!("the finalizable table was never queued");
    }

    #[test]
    fn finalize_all_queues_everything_registered() {
        let arena = new_arena();
        enter(&arena, |ctx| {
            let mt = mt_with(ctx, "__gc", Value::Boolean(true));
            for _ in 0..3 {
                let t = Table::new(ctx.mc);
                register(ctx, Value::Table(t), Some(mt)).expect("no cap");
                t.set_metatable(ctx.mc, Some(mt));
            }
            finalize_all(ctx);
            assert_eq!(ctx.state.to_finalize.borrow().len(), 3);
            assert!(ctx.state.finalizable.borrow().is_empty());
        });
    }
}
