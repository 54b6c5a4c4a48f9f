//! What every runtime starts with: the standard libraries; the metatable of Python objects,
//! the identity cache and the `python` table, built natively ([`bridge_tables`]); and
//! `INIT`, the Lua chunk of the helpers the wrappers call (compiled once per thread).

use pyo3::prelude::*;
use rupa_vm::function::Function;
use rupa_vm::lua::Lua;
use rupa_vm::meta::MetaEvent;
use rupa_vm::native::NativeDef;
use rupa_vm::{Context, RuntimeError, Table, Value};

use crate::errors;
use crate::host::Op;

/// Lua code run once per runtime: the helpers wrappers call (indexing and length through
/// metamethods, `__tostring`, coroutines), made from the functions as they are at startup.
pub(crate) const INIT: &str = r##"
local rawlen, getmetatable, rawget, type = rawlen, getmetatable, rawget, type
return {
  index = function(t, k) return t[k] end,
  setindex = function(t, k, v) t[k] = v end,
  len = function(o)
    local t = type(o)
    if t == "table" or t == "string" then return rawlen(o) end
    return 0
  end,
  tostring = function(o)
    local mt = getmetatable(o)
    local f = type(mt) == "table" and rawget(mt, "__tostring")
    if f then return true, f(o) end
    return false
  end,
  cocreate = coroutine.create,
  coresume = coroutine.resume,
  costatus = coroutine.status,
}
"##;

/// The `__gc` of Python objects' userdata (light: no upvalues).
static GC: NativeDef = NativeDef {
    name: "__gc",
    func: crate::pyobject::gc_native,
};

/// The bridge's tables, made from the host functions (`hosts`, in the order of `Op::ALL`):
/// the metatable of Python objects, the identity cache (its shards are made when first
/// needed, `pyobject::shard`; `[0]` is the weak metatable they share) and the `python` table,
/// which goes into the globals and `package.loaded`.
pub(crate) fn bridge_tables<'gc>(
    ctx: Context<'gc>,
    hosts: &[Value<'gc>],
) -> Result<(Table<'gc>, Table<'gc>, Table<'gc>), RuntimeError<'gc>> {
    let host = |op: Op| {
        let i = Op::ALL.iter().position(|&o| o == op).unwrap_or(usize::MAX);
        hosts.get(i).copied().unwrap_or(Value::Nil)
    };
    let set =
        |t: Table<'gc>, k: &str, v: Value<'gc>| t.set_str(ctx, ctx.new_string(k.as_bytes())?, v);

    // Metamethod keys are the state's own event names: a lookup then matches them by
    // pointer, not by comparing bytes (it runs on every call and index of a Python object).
    let set_meta = |t: Table<'gc>, e: MetaEvent, v: Value<'gc>| t.set_str(ctx, ctx.meta_name(e), v);
    let meta = Table::with_exact_capacity(ctx, 6)?;
    set_meta(meta, MetaEvent::Index, host(Op::Index))?;
    set_meta(meta, MetaEvent::NewIndex, host(Op::NewIndex))?;
    set_meta(meta, MetaEvent::Call, host(Op::Call))?;
    set_meta(meta, MetaEvent::ToString, host(Op::ToString))?;
    set_meta(
        meta,
        MetaEvent::Name,
        Value::String(ctx.new_string(b"POBJECT")?),
    )?;
    // `__gc` is native (no host call per collected object); set before any Python object
    // gets this metatable, so each is registered for finalization.
    set_meta(meta, MetaEvent::Gc, Value::LightFunction(&GC))?;

    let weak = Table::with_exact_capacity(ctx, 1)?;
    set_meta(weak, MetaEvent::Mode, Value::String(ctx.new_string(b"v")?))?;
    let cache = Table::with_capacity(ctx, 0, 1)?;
    cache.set(ctx, Value::Integer(0), Value::Table(weak))?;

    let python = Table::with_exact_capacity(ctx, 8)?;
    set(python, "as_attrgetter", host(Op::AsAttr))?;
    set(python, "as_itemgetter", host(Op::AsItem))?;
    let as_function = Function::new_native(
        ctx.mc,
        "as_function",
        crate::pyobject::as_function_native,
        Box::new([Value::Table(meta)]),
    );
    set(python, "as_function", Value::from(as_function))?;
    for (name, f) in crate::pylib::functions(
        ctx,
        Value::Table(meta),
        host(Op::MakeIter),
        host(Op::IterNext),
        host(Op::Args),
        host(Op::SetOverflow),
    ) {
        set(python, name, Value::from(f))?;
    }

    set(ctx.state.globals, "python", Value::Table(python))?;
    let loaded = match ctx.state.globals.get_str(ctx, ctx.new_string(b"package")?) {
        Value::Table(package) => package.get_str(ctx, ctx.new_string(b"loaded")?),
        _ => Value::Nil,
    };
    if let Value::Table(loaded) = loaded {
        set(loaded, "python", Value::Table(python))?;
    }
    Ok((meta, cache, python))
}

/// `INIT` compiled, once per thread (a prototype is not `Send`): compiling it was most of the
/// time creating a runtime took.
pub(crate) fn init_proto() -> PyResult<std::rc::Rc<rupa_vm::proto::Proto>> {
    thread_local! {
        static PROTO: std::cell::OnceCell<std::rc::Rc<rupa_vm::proto::Proto>> =
            const { std::cell::OnceCell::new() };
    }
    PROTO.with(|p| {
        if let Some(p) = p.get() {
            return Ok(p.clone());
        }
        let compiled = rupa_vm::parse(INIT.as_bytes(), "=rupa")
            .and_then(|chunk| rupa_vm::compile(&chunk, "=rupa"))
            .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.message))?;
        Ok(p.get_or_init(|| compiled).clone())
    })
}

/// Opens every standard library in a fresh state (lupa opens them all by default).
pub(crate) fn load_libraries(lua: &Lua) {
    lua.enter(|ctx| {
        // No memory cap is set yet, so opening the libraries cannot fail for memory.
        let host = std::rc::Rc::new(rupa_stdlib::host::StdHost::new());
        if rupa_stdlib::open_libs(ctx, host).is_err() {
            errors::bug("a fresh state had no room for the standard libraries");
        }
    });
}
