//! What every runtime starts with: the standard libraries, and `INIT`, the Lua chunk that
//! makes the metatable of Python objects, the identity cache, the `python` table and the
//! helpers the wrappers call (compiled once per thread).

use pyo3::prelude::*;
use rupa_vm::lua::Lua;

use crate::errors;

/// Lua code run once per runtime: the metatable of Python objects, the identity cache, the
/// `python` table and the helpers wrappers call. Its arguments are the host functions, in the
/// order of `Op::ALL`.
pub(crate) const INIT: &str = r##"
local index, newindex, call, tostr, asattr, asitem, check, mkiter, iternext, args, setofh = ...
local meta = {__index = index, __newindex = newindex, __call = call, __tostring = tostr,
  __name = "POBJECT"}
local next, rawlen, getmetatable, rawget, type = next, rawlen, getmetatable, rawget, type
local select, error, pcall = select, error, pcall
local function ispy(o) return type(o) == "userdata" and getmetatable(o) == meta end
local tointeger = math.tointeger
-- The identity cache, in shards made when first needed (`pyobject::shard`): every new object
-- writes its shard, and the collector traces a written table again whole, so one big table
-- would cost its size on every new object. The shards share the weak metatable.
local cache = {[0] = {__mode = "v"}}
local python = {
  as_attrgetter = asattr,
  as_itemgetter = asitem,
  -- as_function is native (`pyobject::as_function_native`), set after this chunk.
  iter = function(o) return iternext, mkiter(o, 0), nil end,
  iterex = function(o) return iternext, mkiter(o, 2), nil end,
  enumerate = function(o, start)
    local s = 0
    if start ~= nil then
      s = tointeger(start)
      if s == nil then error("Could not convert " .. type(start) .. " to string", 2) end
    end
    return iternext, mkiter(o, 4), s - 1
  end,
  args = function(...)
    local t = ...
    if type(t) ~= "table" then
      local got = select("#", ...) == 0 and "no value" or type(t)
      error("bad argument #1 to 'args' (table expected, got " .. got .. ")", 2)
    end
    return args(t)
  end,
  set_overflow_handler = function(h, ...)
    if h ~= nil and type(h) ~= "function" and not ispy(h) then
      error("bad argument #1 to 'set_overflow_handler' "
        .. "(expected nil, a Lua function or a callable Python object)", 2)
    end
    return setofh(h)
  end,
}
_G.python = python
if type(package) == "table" and type(package.loaded) == "table" then
  package.loaded.python = python
end
local helpers = {
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
return meta, cache, python, helpers
"##;

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

pub(crate) fn load_libraries(lua: &Lua) {
    lua.enter(|ctx| {
        // No memory cap is set yet, so registering the libraries cannot fail for memory.
        let ok = rupa_vm::baselib::load_base(ctx).is_ok()
            && rupa_vm::corolib::load_coroutine(ctx).is_ok()
            && rupa_stdlib::string::load_string(ctx).is_ok()
            && rupa_stdlib::math::load_math(ctx).is_ok()
            && rupa_stdlib::utf8::load_utf8(ctx).is_ok()
            && rupa_stdlib::table::load_table(ctx).is_ok();
        rupa_stdlib::host::install(ctx, std::rc::Rc::new(rupa_stdlib::host::StdHost::new()));
        let ok = ok
            && rupa_stdlib::load_os(ctx).is_ok()
            && rupa_stdlib::load_io(ctx).is_ok()
            && rupa_stdlib::load_warn(ctx).is_ok()
            && rupa_stdlib::load_debug(ctx).is_ok()
            // Last: it records the libraries loaded before it in `package.loaded`.
            && rupa_stdlib::load_package(ctx).is_ok();
        if !ok {
            errors::bug("a fresh state had no room for the standard libraries");
        }
    });
}
