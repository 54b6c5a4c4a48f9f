//! Lexer tests. Expected values and messages were checked against lua5.4 (5.4.4).

use super::{near_text, skip_shebang, Lexer, Quote, Token};

fn lex(src: &str) -> Vec<Token> {
    lex_bytes(src.as_bytes())
}

fn lex_bytes(src: &[u8]) -> Vec<Token> {
    let mut lexer = Lexer::new(src, "=test");
    let mut out = Vec::new();
    loop {
        let lexeme = lexer
            .next_token()
            .unwrap_or_else(|e| panic!("{:?}: {e}", String::from_utf8_lossy(src)));
        if lexeme.token == Token::Eof {
            return out;
        }
        out.push(lexeme.token);
    }
}

fn lex_error(src: &str) -> String {
    let mut lexer = Lexer::new(src.as_bytes(), src);
    loop {
        match lexer.next_token() {
            Ok(lexeme) if lexeme.token == Token::Eof => panic!("no error in {src:?}"),
            Ok(_) => {}
            Err(e) => return e.message,
        }
    }
}

fn string(s: &[u8]) -> Vec<u8> {
    match lex_bytes(s).as_slice() {
        [Token::String { value, .. }] => value.clone(),
        other => panic!("{:?}: {other:?}", String::from_utf8_lossy(s)),
    }
}

fn name(s: &str) -> Token {
    Token::Name(s.to_owned())
}

#[test]
fn reserved_words_and_names() {
    let words = "and break do else elseif end false for function goto if in local nil not or \
                 repeat return then true until while";
    let expected = vec![
        Token::And,
        Token::Break,
        Token::Do,
        Token::Else,
        Token::Elseif,
        Token::End,
        Token::False,
        Token::For,
        Token::Function,
        Token::Goto,
        Token::If,
        Token::In,
        Token::Local,
        Token::Nil,
        Token::Not,
        Token::Or,
        Token::Repeat,
        Token::Return,
        Token::Then,
        Token::True,
        Token::Until,
        Token::While,
    ];
    assert_eq!(lex(words), expected);
    assert_eq!(
        lex("_ x1 _G ands End nil_ goto2"),
        vec![
            name("_"),
            name("x1"),
            name("_G"),
            name("ands"),
            name("End"),
            name("nil_"),
            name("goto2")
        ]
    );
}

#[test]
fn symbols() {
    use Token::Char as C;
    assert_eq!(
        lex("+ - * / // % ^ # & ~ | << >> == ~= <= >= < > = ( ) { } [ ] :: ; : , . .. ..."),
        vec![
            C(b'+'),
            C(b'-'),
            C(b'*'),
            C(b'/'),
            Token::IDiv,
            C(b'%'),
            C(b'^'),
            C(b'#'),
            C(b'&'),
            C(b'~'),
            C(b'|'),
            Token::Shl,
            Token::Shr,
            Token::Eq,
            Token::Ne,
            Token::Le,
            Token::Ge,
            C(b'<'),
            C(b'>'),
            C(b'='),
            C(b'('),
            C(b')'),
            C(b'{'),
            C(b'}'),
            C(b'['),
            C(b']'),
            Token::DbColon,
            C(b';'),
            C(b':'),
            C(b','),
            C(b'.'),
            Token::Concat,
            Token::Dots,
        ]
    );
    // Maximal munch, and bytes that are no Lua symbol.
    assert_eq!(
        lex("a....b"),
        vec![name("a"), Token::Dots, C(b'.'), name("b")]
    );
    assert_eq!(
        lex("===<<=>>="),
        vec![Token::Eq, C(b'='), Token::Shl, C(b'='), Token::Shr, C(b'=')]
    );
    assert_eq!(
        lex("@$!?`\\"),
        vec![C(b'@'), C(b'$'), C(b'!'), C(b'?'), C(b'`'), C(b'\\')]
    );
    assert_eq!(lex_bytes(b"\x01\x80\xff"), vec![C(1), C(0x80), C(0xff)]);
}

#[test]
fn numbers() {
    use Token::{Float as F, Int as I};
    assert_eq!(
        lex("3 345 0xff 0xBEBADA"),
        vec![I(3), I(345), I(255), I(0xBEBADA)]
    );
    assert_eq!(
        lex("3.0 2.5 314.16e-2 0.31416E1 34e1"),
        vec![F(3.0), F(2.5), F(314.16e-2), F(0.31416E1), F(34e1)]
    );
    assert_eq!(
        lex("0x0.1E 0xA23p-4 0X1.921FB54442D18P+1"),
        vec![F(0.1171875), F(162.1875), F(std::f64::consts::PI)]
    );
    assert_eq!(lex("9223372036854775807"), vec![I(i64::MAX)]);
    assert_eq!(lex("9223372036854775808"), vec![F(9223372036854775808.0)]);
    assert_eq!(lex("0x7fffffffffffffff"), vec![I(i64::MAX)]);
    assert_eq!(lex("0xffffffffffffffff"), vec![I(-1)]);
    assert_eq!(lex("0x1ffffffffffffffff"), vec![I(-1)]);
    assert_eq!(lex("1e308 1e309"), vec![F(1e308), F(f64::INFINITY)]);
    assert_eq!(
        lex(".5 3. 0x.1p1 0x1p4 0x.8 0xA.8p-1"),
        vec![F(0.5), F(3.0), F(0.125), F(16.0), F(0.5), F(5.25)]
    );
    // A minus sign is an operator, not part of the numeral.
    assert_eq!(lex("-1"), vec![Token::Char(b'-'), I(1)]);
    // `3..4` is malformed, `3 .. 4` a concatenation; `a.5` is not a field.
    assert_eq!(lex("3 .. 4"), vec![I(3), Token::Concat, I(4)]);
    assert_eq!(lex("a.5"), vec![name("a"), F(0.5)]);
}

#[test]
fn malformed_numbers() {
    for (src, near) in [
        ("3x", "3x"),
        ("0x", "0x"),
        ("3..4", "3..4"),
        ("1e", "1e"),
        ("1e+", "1e+"),
        ("0xfg", "0xfg"),
        ("12_", "12_"),
        (".0x5", ".0x5"),
        ("0x.p1", "0x.p1"),
        ("0x1p", "0x1p"),
        ("1.2.3", "1.2.3"),
    ] {
        assert_eq!(
            lex_error(src),
            format!("[string \"{src}\"]:1: malformed number near '{near}'")
        );
    }
}

#[test]
fn short_strings_and_escapes() {
    assert_eq!(string(br#""hello""#), b"hello");
    assert_eq!(string(br"'it\'s'"), b"it's");
    assert_eq!(string(br#"'say "hi"'"#), b"say \"hi\"");
    assert_eq!(
        string(br#""\a\b\f\n\r\t\v\\\"\'""#),
        b"\x07\x08\x0c\n\r\t\x0b\\\"'"
    );
    assert_eq!(string(b"\"a\\\nb\""), b"a\nb");
    assert_eq!(string(b"\"a\\\r\nb\""), b"a\nb");
    assert_eq!(string(b"\"a\\\n\rb\""), b"a\nb");
    assert_eq!(string(b"\"a\\z  \n\t  b\""), b"ab");
    assert_eq!(string(b"\"a\\zb\""), b"ab");
    assert_eq!(string(br#""\x41\x4a\x4B\x00""#), b"AJK\0");
    assert_eq!(string(br#""\65\066\0671\255\0""#), b"AB\x431\xff\0");
    assert_eq!(
        string(br#""\u{41}\u{7FF}\u{800}\u{FFFF}""#),
        "A\u{7ff}\u{800}\u{ffff}".as_bytes()
    );
    assert_eq!(
        string(br#""\u{10FFFF}\u{0000041}""#),
        "\u{10ffff}A".as_bytes()
    );
    // Beyond Unicode, lua5.4 still encodes, with up to 6 bytes.
    assert_eq!(string(br#""\u{110000}""#), b"\xF4\x90\x80\x80");
    assert_eq!(string(br#""\u{7FFFFFFF}""#), b"\xFD\xBF\xBF\xBF\xBF\xBF");
    assert_eq!(string(br#""\u{3FFFFFF}""#), b"\xFB\xBF\xBF\xBF\xBF");
    assert_eq!(string(br#""\u{4000000}""#), b"\xFC\x84\x80\x80\x80\x80");
    // Any byte may appear in a string.
    assert_eq!(string(b"\"\x00\xff\x01\""), b"\0\xff\x01");
}

#[test]
fn string_errors() {
    for (src, msg) in [
        (r#"x = "abc"#, "unfinished string near <eof>"),
        ("x = \"abc\ny", "unfinished string near '\"abc'"),
        (r#"x = "\q""#, r#"invalid escape sequence near '"\q'"#),
        (
            r#"x = "a\xg""#,
            r#"hexadecimal digit expected near '"a\xg'"#,
        ),
        (
            r#"x = "\x5g""#,
            r#"hexadecimal digit expected near '"\x5g'"#,
        ),
        (r#"x = "\400""#, r#"decimal escape too large near '"\400"'"#),
        (
            r#"x = "a\256""#,
            r#"decimal escape too large near '"a\256"'"#,
        ),
        (
            r#"x = "\u{80000000}""#,
            r#"UTF-8 value too large near '"\u{80000000'"#,
        ),
        (r#"x = "\u123""#, r#"missing '{' near '"\u1'"#),
        (r#"x = "\u{12""#, r#"missing '}' near '"\u{12"'"#),
        (
            r#"x = "\u{}""#,
            r#"hexadecimal digit expected near '"\u{}'"#,
        ),
        (r#"x = "abc\"#, "unfinished string near <eof>"),
        // Messages stop at a NUL byte, as lua5.4's `%s` does.
        (r#"x = "\0\q""#, r#"invalid escape sequence near '"'"#),
    ] {
        let source = crate::chunkname::short_source(src);
        assert_eq!(lex_error(src), format!("{source}:1: {msg}"));
    }
    assert_eq!(
        lex_error("x = \"\\z   \n  \n"),
        "[string \"x = \"\\z   ...\"]:3: unfinished string near <eof>"
    );
}

#[test]
fn long_strings() {
    assert_eq!(string(b"[[abc]]"), b"abc");
    assert_eq!(string(b"[[\nabc]]"), b"abc");
    assert_eq!(string(b"[[\r\nabc]]"), b"abc");
    assert_eq!(string(b"[[\n\nabc]]"), b"\nabc");
    assert_eq!(string(b"[==[a]]b]=]c]===]d]==]"), b"a]]b]=]c]===]d");
    assert_eq!(string(b"[=[a\r\nb\n\rc\rd\ne]=]"), b"a\nb\nc\nd\ne");
    assert_eq!(string(b"[[\\n]]"), b"\\n");
    assert_eq!(string(b"[[]]"), b"");
    assert_eq!(string(b"[=[]]]=]"), b"]]");
    match lex("[==[x]==]").as_slice() {
        [Token::String { quote, .. }] => assert_eq!(*quote, Quote::Long(2)),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        lex_error("x = [[abc"),
        "[string \"x = [[abc\"]:1: unfinished long string (starting at line 1) near <eof>"
    );
    assert_eq!(
        lex_error("\nx = [==[abc]=]\n\n"),
        "[string \"...\"]:4: unfinished long string (starting at line 2) near <eof>"
    );
    assert_eq!(
        lex_error("x = [=x"),
        "[string \"x = [=x\"]:1: invalid long string delimiter near '[='"
    );
}

#[test]
fn comments() {
    assert_eq!(lex("a -- comment\nb"), vec![name("a"), name("b")]);
    assert_eq!(lex("a --[[ long\ncomment ]] b"), vec![name("a"), name("b")]);
    assert_eq!(lex("a --[==[ ]] ]==] b"), vec![name("a"), name("b")]);
    // `--[` or `--[=` without a long bracket start a short comment.
    assert_eq!(lex("a --[ x\nb"), vec![name("a"), name("b")]);
    assert_eq!(lex("a --[= x\nb"), vec![name("a"), name("b")]);
    assert_eq!(lex("a --"), vec![name("a")]);
    assert_eq!(
        lex("a - - b"),
        vec![name("a"), Token::Char(b'-'), Token::Char(b'-'), name("b")]
    );
    assert_eq!(
        lex_error("x = --[[abc"),
        "[string \"x = --[[abc\"]:1: unfinished long comment (starting at line 1) near <eof>"
    );
}

#[test]
fn line_counting() {
    let src = b"a\nb\r\nc\n\rd\re\n\nf\r\rg --[[\n\n]] h [[\r\n\n]] i \"\\\n\" j";
    let mut lexer = Lexer::new(src, "=t");
    let mut lines = Vec::new();
    loop {
        let lexeme = lexer.next_token().expect("valid source");
        if lexeme.token == Token::Eof {
            break;
        }
        lines.push(lexer.line());
    }
    // A token's line is the line where it ends.
    assert_eq!(lines, vec![1, 2, 3, 4, 5, 7, 9, 11, 13, 13, 14, 14]);
}

#[test]
fn near_text_forms() {
    let show = |src: &[u8]| {
        let mut lexer = Lexer::new(src, "=t");
        let lexeme = lexer.next_token().expect("one token");
        near_text(src, &lexeme)
    };
    assert_eq!(show(b"foo"), "'foo'");
    assert_eq!(show(b"0x1P4"), "'0x1P4'");
    assert_eq!(show(b"\"a\\tb\""), "'\"a\tb\"'");
    assert_eq!(show(b"'a\\0b'"), "''a'");
    assert_eq!(show(b"[==[\nab\r\ncd]==]"), "'[==[ab\ncd]==]'");
    assert_eq!(show(b"end"), "'end'");
    assert_eq!(show(b"..."), "'...'");
    assert_eq!(show(b""), "<eof>");
    assert_eq!(show(b"\x01"), "'<\\1>'");
    assert_eq!(show(b"\x7f"), "'<\\127>'");
    assert_eq!(show(b"@"), "'@'");
}

#[test]
fn shebang() {
    assert_eq!(skip_shebang(b"#!/usr/bin/lua\nx = 1"), b"\nx = 1");
    assert_eq!(skip_shebang(b"# comment"), b"");
    assert_eq!(skip_shebang(b"x = 1"), b"x = 1");
    assert_eq!(skip_shebang(b"\xEF\xBB\xBF#!lua\r\nx"), b"\nx");
    assert_eq!(skip_shebang(b"\xEF\xBB\xBFx"), b"x");
    // `load` itself does not skip it: `#` is just a symbol.
    assert_eq!(lex("#x"), vec![Token::Char(b'#'), name("x")]);
}
