//! Compiled chunks, cached per thread by source and name, so code that evaluates the same
//! short snippet again and again (`lua.eval("x + 1")` in a loop) compiles it once. A cached
//! prototype is immutable and every load makes a fresh closure of it, exactly what compiling
//! again would give. Only successful compilations of short sources are kept, and only a few.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use rupa_vm::error::SyntaxError;
use rupa_vm::function::Function;
use rupa_vm::proto::Proto;
use rupa_vm::Context;

/// Longest source kept (snippets are what gets evaluated repeatedly).
const MAX_SOURCE: usize = 512;
/// Most chunks kept per thread; the cache is emptied when it would grow past this.
const MAX_ENTRIES: usize = 64;

/// Source -> (chunk name, prototype).
type Cache = HashMap<Vec<u8>, (String, Rc<Proto>)>;

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(HashMap::new());
}

/// Compiles `source` (or finds it compiled) and returns its main function, `_ENV` = globals.
pub(crate) fn load<'gc>(
    ctx: Context<'gc>,
    source: &[u8],
    chunk_name: &str,
) -> Result<Function<'gc>, SyntaxError> {
    if source.len() > MAX_SOURCE {
        return rupa_vm::load::load_chunk(ctx, source, chunk_name, None);
    }
    let proto = proto(source, chunk_name)?;
    rupa_vm::load::closure_from_proto(ctx, &proto, None).map_err(|_| SyntaxError {
        message: "not enough memory".to_string(),
    })
}

/// The prototype of a short chunk: cached, or compiled and cached.
pub(crate) fn proto(source: &[u8], chunk_name: &str) -> Result<Rc<Proto>, SyntaxError> {
    let found = CACHE.with(|c| match c.borrow().get(source) {
        Some((name, p)) if name == chunk_name => Some(p.clone()),
        _ => None,
    });
    if let Some(p) = found {
        return Ok(p);
    }
    let chunk = rupa_vm::parse(source, chunk_name)?;
    let proto = rupa_vm::compile(&chunk, chunk_name)?;
    if source.len() <= MAX_SOURCE {
        CACHE.with(|c| {
            let mut c = c.borrow_mut();
            if c.len() >= MAX_ENTRIES {
                c.clear();
            }
            c.insert(source.to_vec(), (chunk_name.to_string(), proto.clone()));
        });
    }
    Ok(proto)
}
