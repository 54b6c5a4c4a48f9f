//! Compile-and-disassemble tests from source text; expected shapes and messages were checked
//! against `luac5.4 -l -l` and `lua5.4`.

use super::*;

fn compile_src(src: &str) -> Result<Rc<Proto>, SyntaxError> {
    let chunk = crate::parser::parse(src.as_bytes(), "=t").expect("test source parses");
    compile(&chunk, "=t")
}

fn dis(src: &str) -> String {
    disassemble(&compile_src(src).expect("test source compiles"))
}

/// Development aid: `RUPA_SRC='lua code'` prints its listing; `RUPA_FILES='a.lua b.lua'`
/// prints the listing of each file after a `==== name` line (used to compare with luac).
#[test]
fn listing_on_demand() {
    let src = std::env::var("RUPA_SRC").unwrap_or_default();
    if !src.is_empty() {
        match compile_src(&src) {
            Ok(p) => println!("{}", disassemble(&p)),
            Err(e) => println!("ERROR: {e}"),
        }
    }
    let files = std::env::var("RUPA_FILES").unwrap_or_default();
    for f in files.split_whitespace() {
        let text = std::fs::read(f).expect("listed file is readable");
        println!("==== {f}");
        let result = crate::parser::parse(&text, "=t").and_then(|c| compile(&c, "=t"));
        match result {
            Ok(p) => println!("{}", disassemble(&p)),
            Err(e) => println!("ERROR: {e}"),
        }
    }
}
