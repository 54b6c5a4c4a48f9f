//! The table library charges fuel for the work it does: a call that walks a big table uses
//! up a small budget even though it runs only a few instructions.

use rupa_vm::lua::{ExecuteStatus, Lua};
use rupa_vm::{Table, Value};

fn run_with_fuel(source: &str, n: i64, fuel: i64) -> ExecuteStatus {
    let mut lua = Lua::new();
    let arg = lua.enter(|ctx| {
        rupa_stdlib::table::load_table(ctx).expect("room for the table library");
        let t = Table::new(ctx.mc);
        for i in 1..=n {
            t.set_int(ctx, i, Value::Integer(n - i))
                .expect("room for the table");
        }
        Lua::stash(ctx, Value::Table(t))
    });
    let f = lua.load(source.as_bytes(), "=test").expect("valid chunk");
    let exec = lua.start(&f, &[arg]);
    lua.execute(&exec, fuel)
}

#[test]
fn small_calls_fit_a_small_budget() {
    let src = "local t = ... table.sort(t) return table.concat(t, ',')";
    assert_eq!(run_with_fuel(src, 10, 1000), ExecuteStatus::Finished);
}

#[test]
fn concat_of_a_big_table_runs_out_of_fuel() {
    let src = "local t = ... local s = table.concat(t, ',') return s";
    assert_eq!(run_with_fuel(src, 50_000, 1000), ExecuteStatus::OutOfFuel);
}

#[test]
fn sort_of_a_big_table_runs_out_of_fuel() {
    let src = "local t = ... table.sort(t) return 1";
    assert_eq!(run_with_fuel(src, 50_000, 1000), ExecuteStatus::OutOfFuel);
}

#[test]
fn unpack_and_move_charge_fuel() {
    let src = "local t = ... table.move(t, 1, #t, 2) return 1";
    assert_eq!(run_with_fuel(src, 50_000, 1000), ExecuteStatus::OutOfFuel);
}
