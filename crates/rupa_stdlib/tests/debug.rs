//! The `debug` library where the differential tests cannot reach: `debug.debug` reading
//! commands from the host's standard input, and hooks under a fuel budget.

use std::cell::RefCell;
use std::io::SeekFrom;
use std::rc::Rc;

use rupa_stdlib::host::{self, Host, HostError, HostFile, ProcessStatus};
use rupa_stdlib::io::stream::Buffering;
use rupa_vm::lua::{ExecuteStatus, Lua};

/// A host whose standard input is fixed bytes and whose standard output and error share one
/// buffer; everything else is refused.
struct ScriptHost {
    input: Rc<RefCell<Vec<u8>>>,
    out: Rc<RefCell<Vec<u8>>>,
}

struct Input(Rc<RefCell<Vec<u8>>>);
struct Output(Rc<RefCell<Vec<u8>>>);

impl HostFile for Input {
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, HostError> {
        let mut input = self.0.borrow_mut();
        let n = buf.len().min(input.len());
        buf[..n].copy_from_slice(&input[..n]);
        input.drain(..n);
        Ok(n)
    }
    fn write(&mut self, _: &[u8]) -> Result<(), HostError> {
        Err(HostError::io("Bad file descriptor", 9))
    }
    fn flush(&mut self) -> Result<(), HostError> {
        Ok(())
    }
    fn seek(&mut self, _: SeekFrom) -> Result<u64, HostError> {
        Err(HostError::io("Illegal seek", 29))
    }
    fn close(&mut self) -> Result<Option<ProcessStatus>, HostError> {
        Ok(None)
    }
}

impl HostFile for Output {
    fn read(&mut self, _: &mut [u8]) -> Result<usize, HostError> {
        Err(HostError::io("Bad file descriptor", 9))
    }
    fn write(&mut self, data: &[u8]) -> Result<(), HostError> {
        self.0.borrow_mut().extend_from_slice(data);
        Ok(())
    }
    fn flush(&mut self) -> Result<(), HostError> {
        Ok(())
    }
    fn seek(&mut self, _: SeekFrom) -> Result<u64, HostError> {
        Err(HostError::io("Illegal seek", 29))
    }
    fn close(&mut self) -> Result<Option<ProcessStatus>, HostError> {
        Ok(None)
    }
    fn default_buffering(&self) -> Buffering {
        Buffering::No
    }
}

impl Host for ScriptHost {
    fn has_shell(&self) -> Result<bool, HostError> {
        Ok(false)
    }
    fn getenv(&self, _: &[u8]) -> Result<Option<Vec<u8>>, HostError> {
        Ok(None)
    }
    fn clock(&self) -> Result<f64, HostError> {
        Ok(0.0)
    }
    fn time(&self) -> Result<i64, HostError> {
        Ok(0)
    }
    fn stdin(&self) -> Result<Box<dyn HostFile>, HostError> {
        Ok(Box::new(Input(self.input.clone())))
    }
    fn stdout(&self) -> Result<Box<dyn HostFile>, HostError> {
        Ok(Box::new(Output(self.out.clone())))
    }
    fn stderr(&self) -> Result<Box<dyn HostFile>, HostError> {
        Ok(Box::new(Output(self.out.clone())))
    }
}

/// A state with base, io and debug on a [`ScriptHost`] reading `input`.
fn state_reading(input: &[u8]) -> (Lua, Rc<RefCell<Vec<u8>>>) {
    let out = Rc::new(RefCell::new(Vec::new()));
    let h = ScriptHost {
        input: Rc::new(RefCell::new(input.to_vec())),
        out: out.clone(),
    };
    let lua = Lua::new();
    lua.enter(|ctx| {
        rupa_vm::baselib::load_base(ctx).expect("room for the base library");
        host::install(ctx, Rc::new(h));
        rupa_stdlib::load_io(ctx).expect("room for io");
        rupa_stdlib::load_debug(ctx).expect("room for debug");
    });
    (lua, out)
}

fn run(lua: &mut Lua, src: &str) -> Result<(), String> {
    let f = lua.load(src.as_bytes(), "=test").map_err(|e| e.message)?;
    lua.call(&f, &[]).map(|_| ()).map_err(|e| e.message)
}

#[test]
fn debug_debug_runs_commands_until_cont() {
    // Expected text checked with lua5.4 (prompts and errors on stderr, output on stdout).
    let (mut lua, out) = state_reading(b"x = 1\nerror('e')\nprint(x)\ncont\nprint(2)\n");
    run(&mut lua, "debug.debug() io.write('after ', x, '\\n')").expect("runs");
    assert_eq!(
        String::from_utf8_lossy(&out.borrow()),
        "lua_debug> lua_debug> (debug command):1: e\nlua_debug> 1\nlua_debug> after 1\n"
    );
}

#[test]
fn debug_debug_reports_syntax_errors_and_stops_at_end_of_input() {
    let (mut lua, out) = state_reading(b"local = 1\n");
    run(&mut lua, "debug.debug()").expect("runs");
    assert_eq!(
        String::from_utf8_lossy(&out.borrow()),
        "lua_debug> (debug command):1: <name> expected near '='\nlua_debug> "
    );
}

#[test]
fn hooked_endless_loop_stops_when_fuel_runs_out() {
    let (mut lua, _) = state_reading(b"");
    let src = "debug.sethook(function() end, 'l', 1) while true do end";
    let f = lua.load(src.as_bytes(), "=test").expect("valid chunk");
    let exec = lua.start(&f, &[]);
    assert_eq!(lua.execute(&exec, 10_000), ExecuteStatus::OutOfFuel);
    // Running on continues where it stopped, still hooked.
    assert_eq!(lua.execute(&exec, 10_000), ExecuteStatus::OutOfFuel);
}

#[test]
fn hook_sees_every_line_of_a_loop() {
    let (mut lua, out) = state_reading(b"");
    let src = "local n = 0
debug.sethook(function(_, l) n = n + 1 end, 'l')
for i = 1, 5 do
  local x = i
end
debug.sethook()
io.write(n)";
    run(&mut lua, src).expect("runs");
    // lua5.4 counts 12 line events here (checked).
    assert_eq!(String::from_utf8_lossy(&out.borrow()), "12");
}
