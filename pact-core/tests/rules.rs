//! Tables of valid and invalid inputs for every rule in `pact_core::validation::rules`, and the
//! codes, messages and params of their errors.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::rc::Rc;
use std::sync::Arc;

use pact_core::validation::RuleError;
use pact_core::validation::rules::{self, AsStr, HasLength, ToParam};
use regex::Regex;
use serde_json::json;

type StrRule = fn(&str) -> Result<(), RuleError>;

/// Asserts that `rule` accepts every `valid` input and rejects every `invalid` one with `code`.
fn table(name: &str, rule: StrRule, valid: &[&str], invalid: &[&str]) {
    for input in valid {
        assert!(
            rule(input).is_ok(),
            "{name} should accept {input:?}: {:?}",
            rule(input)
        );
    }
    for input in invalid {
        match rule(input) {
            Ok(()) => panic!("{name} should reject {input:?}"),
            Err(error) => assert_eq!(error.code, name, "code of {name} on {input:?}"),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// email

const LOCAL_64: &str = "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij1234";
const LOCAL_65: &str = "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij12345";
const LABEL_63: &str = "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij123";
const LABEL_64: &str = "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij1234";

/// An address of exactly `total` bytes: a 1-byte local part and labels of up to 63 bytes.
fn address_of_length(total: usize) -> String {
    let mut domain = String::new();
    let mut remaining = total - 2; // "a@"
    while remaining > 0 {
        if !domain.is_empty() {
            domain.push('.');
            remaining -= 1;
        }
        let label = remaining.min(63);
        // A label of one byte would be fine too; avoid ending on a lone dot.
        domain.push_str(&"b".repeat(label));
        remaining -= label;
    }
    let address = format!("a@{domain}");
    assert_eq!(address.len(), total);
    address
}

#[test]
fn email_table() {
    let local_64 = format!("{LOCAL_64}@example.com");
    let label_63 = format!("ada@{LABEL_63}.com");
    let total_254 = address_of_length(254);
    let valid = [
        "ada@example.com",
        "ADA@EXAMPLE.COM",
        "ada.lovelace@example.com",
        "ada+newsletter@example.com",
        "ada.lovelace+tag.more@example.com",
        "ada@mail.eu.example.co.uk",
        "ada@sub-domain.example.com",
        "ada@x1.example",
        "a@b",
        "ada@localhost",
        "o'brien@example.ie",
        "user_name-1@example.com",
        "!#$%&'*+-/=?^_`{|}~@example.com",
        "ada@192.0.2.1", // syntactically a domain of numeric labels
        "1@2.3",
        local_64.as_str(),
        label_63.as_str(),
        total_254.as_str(),
        // WHATWG allows dots anywhere in the local part (RFC 5322's dot-atom would not).
        "ada..lovelace@example.com",
        ".ada@example.com",
        "ada.@example.com",
        ".@example.com",
        ".a@b.com",
        "a..b@c.com",
        "...@example.com",
    ];
    let local_65 = format!("{LOCAL_65}@example.com");
    let label_64 = format!("ada@{LABEL_64}.com");
    let total_255 = address_of_length(255);
    let invalid = [
        "",
        "@",
        "ada",
        "ada.example.com",
        "ada@",
        "@example.com",
        "ada@@example.com",
        "ada@exa@mple.com",
        "ada @example.com",
        "ada@ example.com",
        " ada@example.com",
        "ada@example.com ",
        "ada@exa mple.com",
        "ada@example.com\n",
        "ada\t@example.com",
        "ada@example..com",
        "ada@.example.com",
        "ada@example.com.",
        "ada@.",
        "ada@-example.com",
        "ada@example-.com",
        "ada@example.-com",
        "ada@exa_mple.com",
        "ada@example.com/",
        "ada@[192.0.2.1]",
        "ada@[IPv6:2001:db8::1]",
        "\"ada lovelace\"@example.com",
        "\"ada\"@example.com",
        "ada(comment)@example.com",
        "ada,lovelace@example.com",
        "ada:lovelace@example.com",
        "ada;lovelace@example.com",
        "<ada@example.com>",
        "Ada <ada@example.com>",
        "adä@example.com",
        "ada@exämple.com",
        "ada@例え.jp",
        "用户@example.com",
        "ada\0@example.com",
        "ada@example.com\0",
        local_65.as_str(),
        label_64.as_str(),
        total_255.as_str(),
    ];
    table("email", rules::email, &valid, &invalid);
}

#[test]
fn email_limits_are_in_octets() {
    // 64 bytes of local part pass; the same count of characters, when some are multi-byte, is
    // not an address anyway (non-ASCII), so octets and characters never disagree on a pass.
    assert!(rules::email(&format!("{LOCAL_64}@example.com")).is_ok());
    assert!(rules::email(&format!("{LOCAL_65}@example.com")).is_err());
}

// ---------------------------------------------------------------------------------------------
// url

#[test]
#[allow(clippy::too_many_lines, reason = "a table of inputs")]
fn url_table() {
    let valid = [
        "http://example.com",
        "https://example.com/",
        "https://example.com/path/to/page.html",
        "https://example.com/search?q=rust&page=2#results",
        "https://example.com?",
        "https://example.com#",
        "https://example.com/?a=1?b=2",
        "https://example.com/#/route?x=1",
        "http://a/b?c/d?e#f/g?h",
        "HTTPS://EXAMPLE.COM/",
        "ftp://ftp.example.com/pub/file.txt",
        "sftp://user@host.example.com:22/home",
        "mailto:ada@example.com",
        "mailto:",
        "urn:isbn:0451450523",
        "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
        "tel:+1-816-555-1212",
        "news:comp.infosystems.www.servers.unix",
        "about:blank",
        "data:text/plain,hello%20world",
        "git+ssh://git@github.com/org/repo.git",
        "coap+tcp://example.com",
        "web.app-1://x",
        "http:example.com",
        "file:/etc/hosts",
        "file://localhost/etc/hosts",
        // An empty host is RFC 3986's, outside http(s) and ws(s).
        "file:///etc/hosts",
        "file://",
        "file://:8080/x",
        "foo://user@/x",
        "svn+ssh:///repo",
        "https://example.com:8080/",
        "https://example.com:0",
        "https://example.com:65535/x",
        "http://127.0.0.1:80/",
        "http://192.0.2.1",
        "http://999.999.999.999/", // a reg-name, as RFC 3986 reads it
        "http://[::1]/",
        "http://[::1]:8080",
        "http://[2001:db8::1]:8080/x",
        "http://[::ffff:192.0.2.1]/",
        "ldap://[2001:db8::7]/c=GB?objectClass?one",
        "http://[v1.fe80::a+en1]/",
        "https://user:pass@example.com/",
        "https://user@example.com",
        "https://:@example.com",
        "https://example.com/%20space",
        "https://example.com/%E2%82%AC",
        "https://ex%41mple.com/",
        "https://example.com/a/../b/./c",
        "https://example.com/@ada",
        "https://example.com/a:b",
        "https://example.com/!$&'()*+,;=",
        "https://example.com/-._~",
        "https://example.com//double//slashes",
        "localhost:8080",
        "javascript:alert(1)",
    ];
    let invalid = [
        "",
        "example.com",
        "www.example.com/path",
        "//example.com",
        "/path/only",
        "?query",
        ":",
        "://example.com",
        "1http://example.com",
        "+http://example.com",
        "ht tp://example.com",
        "ht_tp://example.com",
        "https://",
        "https://?q",
        "https://#f",
        "https:///path",
        "HTTP:///path",
        "ws:///socket",
        "wss://",
        "http://user@/x",
        "http://:80/x",
        "https://:8080",
        "https://user@",
        "https://example.com/a b",
        "https://exa mple.com",
        " https://example.com",
        "https://example.com ",
        "https://example.com/\n",
        "https://example.com/\t",
        "https://example.com/%",
        "https://example.com/%2",
        "https://example.com/%zz",
        "https://example.com/%g0",
        "https://example.com/?q=%",
        "https://example.com/#%2",
        "https://ex%4mple.com",
        "https://example.com:65536",
        "https://example.com:99999",
        "https://example.com:123456",
        "https://example.com:port",
        "https://example.com:-1",
        "https://example.com:",
        "https://example.com:8080:8080",
        "http://::1/",
        "http://[::1",
        "http://[::1]x/",
        "http://[::1]:",
        "http://[::1]:http",
        "http://[::g]/",
        "http://[]/",
        "http://[192.0.2.1]/",
        "http://[fe80::1%25eth0]/",
        "http://[v.x]/",
        "http://[v1.]/",
        "http://[vz.x]/",
        "http://a]b/",
        "http://a[b/",
        "https://user@host@example.com",
        "https://example.com#a#b",
        "https://example.com/ä",
        "https://exämple.com/",
        "https://example.com/<script>",
        "https://example.com/\"quoted\"",
        "https://example.com/\\",
        "https://example.com/{x}",
        "https://example.com/a|b",
        "https://example.com/^",
        "https://example.com/`",
        "https://example.com/\0",
    ];
    table("url", rules::url, &valid, &invalid);
}

// ---------------------------------------------------------------------------------------------
// uuid

#[test]
fn uuid_table() {
    let valid = [
        "f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
        "F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6",
        "f81D4fAE-7dec-11D0-a765-00A0C91e6bf6",
        "00000000-0000-0000-0000-000000000000",
        "ffffffff-ffff-ffff-ffff-ffffffffffff",
        "017f22e2-79b0-7cc3-98c4-dc0c0c07398f",
        "123e4567-e89b-12d3-a456-426614174000",
    ];
    let invalid = [
        "",
        "f81d4fae7dec11d0a76500a0c91e6bf6",
        "{f81d4fae-7dec-11d0-a765-00a0c91e6bf6}",
        "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
        "f81d4fae-7dec-11d0-a765-00a0c91e6bf",
        "f81d4fae-7dec-11d0-a765-00a0c91e6bf6a",
        "f81d4fae-7dec-11d0-a765-00a0c91e6bfg",
        "f81d4fae7-dec-11d0-a765-00a0c91e6bf6",
        "f81d4fae-7dec-11d0-a765_00a0c91e6bf6",
        "f81d4fae-7dec-11d0-a765-00a0c91e6bf6 ",
        " f81d4fae-7dec-11d0-a765-00a0c91e6bf",
        "f81d4fae--dec-11d0-a765-00a0c91e6bf6",
        "f81d4fae-7dec-11d0-a765-00a0c91e6bé",
        "------------------------------------",
        "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
    ];
    table("uuid", rules::uuid, &valid, &invalid);
}

// ---------------------------------------------------------------------------------------------
// credit_card

/// Appends the Luhn check digit to `payload` (digits only).
fn with_check_digit(payload: &str) -> String {
    let sum: u32 = payload
        .bytes()
        .rev()
        .enumerate()
        .map(|(index, byte)| {
            let digit = u32::from(byte - b'0');
            if index % 2 == 0 {
                let doubled = digit * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                digit
            }
        })
        .sum();
    format!("{payload}{}", (10 - sum % 10) % 10)
}

#[test]
fn credit_card_table() {
    let twelve = with_check_digit("12345678901");
    let nineteen = with_check_digit("123456789012345678");
    let eleven = with_check_digit("1234567890");
    let twenty = with_check_digit("1234567890123456789");
    assert_eq!(
        (twelve.len(), nineteen.len(), eleven.len(), twenty.len()),
        (12, 19, 11, 20)
    );
    let valid = [
        "4111111111111111",
        "4111 1111 1111 1111",
        "4111-1111-1111-1111",
        "4111 1111-1111 1111",
        "5500000000000004",
        "5500 0000 0000 0004",
        "340000000000009",
        "3400 000000 00009",
        "378282246310005",
        "6011000000000004",
        "4222222222222",
        "000000000000",
        twelve.as_str(),
        nineteen.as_str(),
    ];
    let invalid = [
        "",
        "4111111111111112",
        "4111111111111121",
        "5500000000000005",
        " 4111111111111111",
        "4111111111111111 ",
        "-4111111111111111",
        "4111111111111111-",
        "4111  1111 1111 1111",
        "4111--1111-1111-1111",
        "4111 -1111-1111-1111",
        "4111.1111.1111.1111",
        "4111_1111_1111_1111",
        "4111x11111111111",
        "4111111111111111\n",
        "４１１１１１１１１１１１１１１１",
        "٤١١١١١١١١١١١١١١١",
        "    ",
        "-",
        eleven.as_str(),
        twenty.as_str(),
        "4111 1111 1111 1111 1111 1111 1111 1111 1111 1111",
    ];
    table("credit_card", rules::credit_card, &valid, &invalid);
}

// ---------------------------------------------------------------------------------------------
// ip, ipv4, ipv6

const V4_VALID: &[&str] = &[
    "0.0.0.0",
    "255.255.255.255",
    "192.0.2.1",
    "127.0.0.1",
    "10.0.0.255",
];
const V4_INVALID: &[&str] = &[
    "",
    "256.0.0.1",
    "1.2.3",
    "1.2.3.4.5",
    "01.2.3.4",
    "1.2.3.04",
    "1.2.3.4 ",
    " 1.2.3.4",
    "1..2.3",
    "1.2.3.",
    ".1.2.3",
    "a.b.c.d",
    "-1.2.3.4",
    "+1.2.3.4",
    "1.2.3.4/24",
    "1.2.3.4:80",
    "0x7f.0.0.1",
    "2130706433",
    "١.٢.٣.٤",
];
const V6_VALID: &[&str] = &[
    "::",
    "::1",
    "2001:db8::1",
    "2001:DB8::1",
    "2001:0db8:0000:0000:0000:ff00:0042:8329",
    "fe80::1",
    "1:2:3:4:5:6:7:8",
    "1::",
    "1::8",
    "::ffff:192.0.2.1",
    "64:ff9b::192.0.2.33",
];
const V6_INVALID: &[&str] = &[
    "",
    ":::",
    ":",
    "1:2:3:4:5:6:7:8:9",
    "1:2:3:4:5:6:7",
    "2001:db8::1::1",
    "[::1]",
    "fe80::1%eth0",
    "fe80::1%1",
    "12345::",
    "g::1",
    "::1 ",
    "::ffff:192.0.2.256",
    "::ffff:192.0.2",
    "1:2:3:4:5:6:7:8::",
];

#[test]
fn ipv4_table() {
    let invalid: Vec<&str> = V4_INVALID.iter().chain(V6_VALID).copied().collect();
    table("ipv4", rules::ipv4, V4_VALID, &invalid);
}

#[test]
fn ipv6_table() {
    let invalid: Vec<&str> = V6_INVALID.iter().chain(V4_VALID).copied().collect();
    table("ipv6", rules::ipv6, V6_VALID, &invalid);
}

#[test]
fn ip_table() {
    let valid: Vec<&str> = V4_VALID.iter().chain(V6_VALID).copied().collect();
    let invalid: Vec<&str> = V4_INVALID.iter().chain(V6_INVALID).copied().collect();
    table("ip", rules::ip, &valid, &invalid);
    assert_eq!(
        rules::ip("x").unwrap_err().message,
        "must be a valid IP address"
    );
    assert_eq!(
        rules::ipv4("x").unwrap_err().message,
        "must be a valid IPv4 address"
    );
    assert_eq!(
        rules::ipv6("x").unwrap_err().message,
        "must be a valid IPv6 address"
    );
}

// ---------------------------------------------------------------------------------------------
// ascii, alphanumeric, substrings, pattern

#[test]
fn ascii_table() {
    table(
        "ascii",
        rules::ascii,
        &["", "hello", "Hello, World! 123 ~\t\n\0\x7f"],
        &["héllo", "naïve", "👋", "\u{80}", "日本"],
    );
}

#[test]
fn alphanumeric_table() {
    table(
        "alphanumeric",
        rules::alphanumeric,
        &[
            "",
            "abc",
            "ABC123",
            "Zoë",
            "Zoë42",
            "日本語",
            "١٢٣",
            "Ωmega",
            "ß",
        ],
        &[
            "a b", "a-b", "a_b", "a.b", "abc!", " ", "👋", "abc\n", "Zoë!", "é ",
        ],
    );
}

#[test]
fn substring_rules() {
    assert!(rules::contains("hello world", "lo w").is_ok());
    assert!(rules::contains("hello", "").is_ok());
    assert!(rules::contains("héllo", "él").is_ok());
    assert!(rules::contains("hello", "L").is_err());

    assert!(rules::does_not_contain("hello", "x").is_ok());
    assert!(rules::does_not_contain("hello", "ell").is_err());
    assert!(rules::does_not_contain("hello", "").is_err());

    assert!(rules::prefix("https://x", "https://").is_ok());
    assert!(rules::prefix("http://x", "https://").is_err());
    assert!(rules::prefix("", "").is_ok());
    assert!(rules::prefix("ab", "abc").is_err());

    assert!(rules::suffix("a.pdf", ".pdf").is_ok());
    assert!(rules::suffix("a.PDF", ".pdf").is_err());
    assert!(rules::suffix("df", ".pdf").is_err());

    let error = rules::contains("hello", "xyz").unwrap_err();
    assert_eq!(
        (error.code.as_ref(), error.message.as_ref()),
        ("contains", r#"must contain "xyz""#)
    );
    assert_eq!(error.params["needle"], "xyz");
    let error = rules::does_not_contain("hello", "ll").unwrap_err();
    assert_eq!(error.code, "does_not_contain");
    assert_eq!(error.message, r#"must not contain "ll""#);
    assert_eq!(error.params["needle"], "ll");
    let error = rules::prefix("x", "https://").unwrap_err();
    assert_eq!(error.code, "prefix");
    assert_eq!(error.message, r#"must start with "https://""#);
    assert_eq!(error.params["prefix"], "https://");
    let error = rules::suffix("x", ".pdf").unwrap_err();
    assert_eq!(error.code, "suffix");
    assert_eq!(error.message, r#"must end with ".pdf""#);
    assert_eq!(error.params["suffix"], ".pdf");
}

#[test]
fn pattern_rule() {
    let source = "^[a-z]+-[0-9]{2}$";
    let regex = Regex::new(source).unwrap();
    assert!(rules::pattern("abc-12", &regex, source).is_ok());
    assert!(rules::pattern(&String::from("x-00"), &regex, source).is_ok());
    for input in ["", "abc-1", "ABC-12", "abc-123", " abc-12"] {
        let error = rules::pattern(input, &regex, source).unwrap_err();
        assert_eq!(error.code, "pattern");
        assert_eq!(error.params["pattern"], source);
        assert_eq!(error.message, format!("must match the pattern {source}"));
    }
    // Unanchored regexes match anywhere.
    let digit = Regex::new("[0-9]").unwrap();
    assert!(rules::pattern("abc1def", &digit, "[0-9]").is_ok());
}

// ---------------------------------------------------------------------------------------------
// length, length_bytes, non_empty

#[test]
fn length_counts_characters_not_bytes() {
    // "héllo": 5 characters, 6 bytes.
    assert_eq!(("héllo".length(), "héllo".byte_length()), (5, 6));
    assert!(rules::length("héllo", Some(5), Some(5), None).is_ok());
    assert!(rules::length("héllo", None, None, Some(5)).is_ok());
    assert!(rules::length("héllo", Some(6), None, None).is_err());
    assert!(rules::length("héllo", None, Some(4), None).is_err());
    assert!(rules::length_bytes("héllo", None, None, Some(6)).is_ok());
    assert!(rules::length_bytes("héllo", None, Some(5), None).is_err());
    assert!(rules::length_bytes("héllo", Some(7), None, None).is_err());

    // An emoji is one character of four bytes; a skin-tone variant is two characters.
    assert!(rules::length("👋", None, None, Some(1)).is_ok());
    assert!(rules::length_bytes("👋", None, None, Some(4)).is_ok());
    assert!(rules::length("👋🏽", None, None, Some(2)).is_ok());
    assert!(rules::length_bytes("👋🏽", None, None, Some(8)).is_ok());
    assert!(rules::length("👋👋👋", None, Some(3), None).is_ok());
    assert!(rules::length("👋👋👋", None, Some(2), None).is_err());
    assert!(rules::length("👋👋👋", Some(4), None, None).is_err());
    assert!(rules::length("👋👋👋", Some(3), None, None).is_ok());
    assert!(rules::length("日本語", Some(3), Some(3), None).is_ok());
    assert!(rules::length("日本語", None, None, Some(9)).is_err());

    // The empty string.
    assert!(rules::length("", None, Some(0), None).is_ok());
    assert!(rules::length("", Some(1), None, None).is_err());
    assert!(rules::length("", None, None, Some(0)).is_ok());
    // No bounds: anything passes.
    assert!(rules::length("anything", None, None, None).is_ok());
    // Contradictory bounds never pass.
    assert!(rules::length("abc", Some(4), Some(2), None).is_err());
}

#[test]
fn length_of_every_string_type() {
    let text = "héllo";
    assert!(rules::length(&String::from(text), None, None, Some(5)).is_ok());
    assert!(rules::length(&Cow::Borrowed(text), None, None, Some(5)).is_ok());
    assert!(rules::length(&Box::<str>::from(text), None, None, Some(5)).is_ok());
    assert!(rules::length(&Rc::<str>::from(text), None, None, Some(5)).is_ok());
    assert!(rules::length(&Arc::<str>::from(text), None, None, Some(5)).is_ok());
    assert!(rules::length(&&text, None, None, Some(5)).is_ok());
    assert!(rules::length_bytes(&String::from(text), None, None, Some(6)).is_ok());
}

#[test]
fn length_of_collections() {
    let vec = vec![1, 2, 3];
    assert!(rules::length(&vec, Some(3), Some(3), None).is_ok());
    assert!(rules::length(vec.as_slice(), None, None, Some(3)).is_ok());
    assert!(rules::length(&[1, 2, 3, 4], None, Some(3), None).is_err());
    assert!(rules::length(&VecDeque::from(vec![1]), Some(1), None, None).is_ok());
    let map: HashMap<&str, i32> = HashMap::from([("a", 1), ("b", 2)]);
    assert!(rules::length(&map, None, Some(2), None).is_ok());
    assert!(rules::length(&BTreeMap::from([(1, 2)]), None, None, Some(1)).is_ok());
    assert!(rules::length(&HashSet::from([1, 2, 3]), Some(4), None, None).is_err());
    assert!(rules::length(&BTreeSet::<u8>::new(), Some(1), None, None).is_err());
    // Collections count elements, whatever the elements are.
    assert!(rules::length(&vec!["héllo".to_owned(); 2], None, None, Some(2)).is_ok());
    assert!(rules::length_bytes(&vec![0_u8; 64], None, Some(64), None).is_ok());

    let error = rules::length(&vec![0; 11], None, Some(10), None).unwrap_err();
    assert_eq!(error.message, "must have at most 10 items");
    let error = rules::length(&Vec::<u8>::new(), Some(1), None, None).unwrap_err();
    assert_eq!(error.message, "must have at least 1 item");
}

#[test]
fn length_errors() {
    type Case = (
        Option<usize>,
        Option<usize>,
        Option<usize>,
        &'static str,
        &'static str,
    );
    let cases: &[Case] = &[
        (
            Some(3),
            None,
            None,
            "ab",
            "must be at least 3 characters long",
        ),
        (
            None,
            Some(2),
            None,
            "abc",
            "must be at most 2 characters long",
        ),
        (
            Some(3),
            Some(20),
            None,
            "ab",
            "must be between 3 and 20 characters long",
        ),
        (
            None,
            None,
            Some(6),
            "abc",
            "must be exactly 6 characters long",
        ),
        (
            None,
            None,
            Some(1),
            "ab",
            "must be exactly 1 character long",
        ),
        (Some(1), None, None, "", "must be at least 1 character long"),
    ];
    for &(min, max, equal, input, message) in cases {
        let error = rules::length(input, min, max, equal).unwrap_err();
        assert_eq!(error.code, "length");
        assert_eq!(error.message, message);
        assert_eq!(error.params.get("min"), min.map(|n| json!(n)).as_ref());
        assert_eq!(error.params.get("max"), max.map(|n| json!(n)).as_ref());
        assert_eq!(error.params.get("equal"), equal.map(|n| json!(n)).as_ref());
        assert!(error.params.get("unit").is_none());
    }

    let error = rules::length_bytes("héllo", Some(2), Some(5), None).unwrap_err();
    assert_eq!(error.code, "length");
    assert_eq!(error.message, "must be between 2 and 5 bytes long");
    assert_eq!(error.params["unit"], "bytes");
    assert_eq!(error.params["min"], 2);
    assert_eq!(error.params["max"], 5);
    let error = rules::length_bytes("", None, None, Some(1)).unwrap_err();
    assert_eq!(error.message, "must be exactly 1 byte long");
}

#[test]
fn non_empty_rule() {
    assert!(rules::non_empty("a").is_ok());
    assert!(rules::non_empty(" ").is_ok());
    assert!(rules::non_empty(&String::from("é")).is_ok());
    assert!(rules::non_empty(&vec![0]).is_ok());
    assert!(rules::non_empty(&HashMap::from([(1, 1)])).is_ok());
    for error in [
        rules::non_empty("").unwrap_err(),
        rules::non_empty(&String::new()).unwrap_err(),
        rules::non_empty(&Vec::<u8>::new()).unwrap_err(),
        rules::non_empty(&BTreeSet::<u8>::new()).unwrap_err(),
    ] {
        assert_eq!(error.code, "non_empty");
        assert_eq!(error.message, "must not be empty");
        assert!(error.params.is_empty());
    }
}

// ---------------------------------------------------------------------------------------------
// range

#[test]
fn range_integers() {
    assert!(rules::range(&18_u8, Some(&18), Some(&150), None, None).is_ok());
    assert!(rules::range(&150_u8, Some(&18), Some(&150), None, None).is_ok());
    assert!(rules::range(&17_u8, Some(&18), Some(&150), None, None).is_err());
    assert!(rules::range(&151_u8, Some(&18), Some(&150), None, None).is_err());
    assert!(rules::range(&1, None, None, Some(&0), Some(&2)).is_ok());
    assert!(rules::range(&0, None, None, Some(&0), None).is_err());
    assert!(rules::range(&2, None, None, None, Some(&2)).is_err());
    assert!(rules::range(&i64::MIN, None, Some(&0), None, None).is_ok());
    assert!(rules::range(&u64::MAX, Some(&0), None, None, None).is_ok());
    assert!(rules::range(&5, None, None, None, None).is_ok());
    // Contradictory bounds never pass.
    assert!(rules::range(&5, Some(&10), Some(&0), None, None).is_err());
}

#[test]
fn range_floats_nan_and_infinity() {
    let nan = f64::NAN;
    assert!(rules::range(&0.5, Some(&0.0), Some(&1.0), None, None).is_ok());
    assert!(rules::range(&0.0, Some(&0.0), None, None, None).is_ok());
    assert!(rules::range(&-0.0, Some(&0.0), None, None, None).is_ok());
    assert!(rules::range(&0.0, None, None, Some(&0.0), None).is_err());
    assert!(rules::range(&1.0, None, None, None, Some(&1.0)).is_err());
    assert!(rules::range(&f64::MIN_POSITIVE, None, None, Some(&0.0), None).is_ok());

    // NaN fails every bound, and fails even without bounds.
    for bounds in [
        (Some(&0.0), None, None, None),
        (None, Some(&0.0), None, None),
        (None, None, Some(&0.0), None),
        (None, None, None, Some(&0.0)),
        (Some(&f64::NEG_INFINITY), Some(&f64::INFINITY), None, None),
        (None, None, None, None),
    ] {
        assert!(
            rules::range(&nan, bounds.0, bounds.1, bounds.2, bounds.3).is_err(),
            "{bounds:?}"
        );
        assert!(rules::range(&f32::NAN, None, None, None, None).is_err());
    }
    // A NaN bound admits nothing.
    assert!(rules::range(&1.0, Some(&nan), None, None, None).is_err());
    assert!(rules::range(&1.0, None, Some(&nan), None, None).is_err());

    // Infinities compare as usual.
    assert!(rules::range(&f64::INFINITY, Some(&0.0), None, None, None).is_ok());
    assert!(rules::range(&f64::INFINITY, None, Some(&1e308), None, None).is_err());
    assert!(rules::range(&f64::NEG_INFINITY, Some(&-1e308), None, None, None).is_err());
    assert!(rules::range(&f64::INFINITY, None, Some(&f64::INFINITY), None, None).is_ok());
    assert!(rules::range(&f64::INFINITY, None, None, None, Some(&f64::INFINITY)).is_err());
    assert!(rules::range(&f64::INFINITY, None, None, None, None).is_ok());
}

#[test]
fn range_errors() {
    let error = rules::range(&17_u8, Some(&18), Some(&150), None, None).unwrap_err();
    assert_eq!(error.code, "range");
    assert_eq!(error.message, "must be between 18 and 150");
    assert_eq!(error.params["min"], 18);
    assert_eq!(error.params["max"], 150);
    assert_eq!(error.params.len(), 2);

    let error = rules::range(&1, Some(&2), None, None, None).unwrap_err();
    assert_eq!(error.message, "must be at least 2");
    let error = rules::range(&3, None, Some(&2), None, None).unwrap_err();
    assert_eq!(error.message, "must be at most 2");
    let error = rules::range(&0, None, None, Some(&0), Some(&10)).unwrap_err();
    assert_eq!(error.message, "must be greater than 0 and less than 10");
    assert_eq!(error.params["exclusive_min"], 0);
    assert_eq!(error.params["exclusive_max"], 10);
    assert!(error.params.get("min").is_none());
    let error = rules::range(&10, Some(&0), None, None, Some(&10)).unwrap_err();
    assert_eq!(error.message, "must be at least 0 and less than 10");

    let error = rules::range(&f64::NAN, Some(&0.5), Some(&1.5), None, None).unwrap_err();
    assert_eq!(error.message, "must be between 0.5 and 1.5");
    assert_eq!(error.params["min"], 0.5);
    let error = rules::range(&f64::NAN, None, None, None, None).unwrap_err();
    assert_eq!(error.code, "range");
    assert!(error.params.is_empty());
    assert!(error.message.contains("NaN"), "{}", error.message);

    // Non-finite bounds are reported as strings; f32 bounds as their short decimal.
    let error = rules::range(&f64::NAN, Some(&f64::NEG_INFINITY), None, None, None).unwrap_err();
    assert_eq!(error.params["min"], "-inf");
    assert_eq!(error.message, "must be at least -inf");
    let error = rules::range(&0.0_f32, Some(&0.1_f32), None, None, None).unwrap_err();
    assert_eq!(error.params["min"], 0.1);
    assert_eq!(error.message, "must be at least 0.1");
    // Wide integers beyond 64 bits are strings.
    let error = rules::range(&0_u128, Some(&u128::MAX), None, None, None).unwrap_err();
    assert_eq!(error.params["min"], u128::MAX.to_string());
    let error = rules::range(&0_i128, None, Some(&-1), None, None).unwrap_err();
    assert_eq!(error.params["max"], -1);
    // Strings and chars compare and report as text.
    let error = rules::range("b", Some("c"), None, None, None).unwrap_err();
    assert_eq!(error.message, "must be at least c");
    assert_eq!(error.params["min"], "c");
    assert!(rules::range(&'m', Some(&'a'), Some(&'z'), None, None).is_ok());
}

#[test]
fn to_param_values() {
    assert_eq!(1_i8.to_param(), json!(1));
    assert_eq!((-1_i64).to_param(), json!(-1));
    assert_eq!(u64::MAX.to_param(), json!(u64::MAX));
    assert_eq!(usize::MAX.to_param(), json!(usize::MAX));
    assert_eq!(i128::MIN.to_param(), json!(i128::MIN.to_string()));
    assert_eq!(u128::from(u64::MAX).to_param(), json!(u64::MAX));
    assert_eq!(1.5_f64.to_param(), json!(1.5));
    assert_eq!(f64::INFINITY.to_param(), json!("inf"));
    assert_eq!(f32::NEG_INFINITY.to_param(), json!("-inf"));
    assert_eq!(f32::NAN.to_param(), json!("NaN"));
    assert_eq!(0.1_f32.to_param(), json!(0.1));
    assert_eq!('x'.to_param(), json!("x"));
    assert_eq!(false.to_param(), json!(false));
    assert_eq!("a".to_param(), json!("a"));
    assert_eq!(String::from("a").to_param(), json!("a"));
    assert_eq!((&&"a").to_param(), json!("a"));
    assert_eq!(Cow::Borrowed("a").to_param(), json!("a"));
}

// ---------------------------------------------------------------------------------------------
// one_of, must_match, required

#[test]
fn one_of_rule() {
    assert!(rules::one_of(&String::from("asc"), &["asc", "desc"]).is_ok());
    assert!(rules::one_of(&"desc", &["asc", "desc"]).is_ok());
    assert!(rules::one_of(&Cow::Borrowed("asc"), &["asc", "desc"]).is_ok());
    assert!(rules::one_of(&3_u8, &[1, 2, 3]).is_ok());
    assert!(rules::one_of(&'b', &['a', 'b']).is_ok());
    assert!(rules::one_of(&String::from("ASC"), &["asc", "desc"]).is_err());
    assert!(rules::one_of(&f64::NAN, &[f64::NAN]).is_err());
    assert!(rules::one_of(&1, &[] as &[i32]).is_err());

    let error = rules::one_of(&String::from("up"), &["asc", "desc"]).unwrap_err();
    assert_eq!(error.code, "one_of");
    assert_eq!(error.message, "must be one of: asc, desc");
    assert_eq!(error.params["allowed"], json!(["asc", "desc"]));
    let error = rules::one_of(&4, &[1, 2, 3]).unwrap_err();
    assert_eq!(error.message, "must be one of: 1, 2, 3");
    assert_eq!(error.params["allowed"], json!([1, 2, 3]));
}

#[test]
fn must_match_rule() {
    assert!(rules::must_match("s3cret", "s3cret", "password").is_ok());
    assert!(rules::must_match(&String::from("a"), &String::from("a"), "x").is_ok());
    assert!(rules::must_match(&1, &1, "x").is_ok());
    assert!(rules::must_match(&f64::NAN, &f64::NAN, "x").is_err());
    let error = rules::must_match("s3cret", "secret", "password").unwrap_err();
    assert_eq!(error.code, "must_match");
    assert_eq!(error.message, "must match password");
    assert_eq!(error.params["other"], "password");
    assert_eq!(error.params.len(), 1);
}

#[test]
fn required_rule() {
    assert!(rules::required(&Some(String::new())).is_ok());
    assert!(rules::required(&Some(())).is_ok());
    let error = rules::required(&None::<u8>).unwrap_err();
    assert_eq!(error.code, "required");
    assert_eq!(error.message, "is required");
    assert!(error.params.is_empty());
}

#[test]
fn required_takes_an_aliased_option() {
    type Maybe<T> = Option<T>;
    let absent: Maybe<&str> = None;
    let present: Maybe<&str> = Some("x");
    assert!(rules::required(&absent).is_err());
    assert!(rules::required(&present).is_ok());
    assert!(rules::OptionLike::is_present(&Some(Some(()))));
    assert!(!rules::OptionLike::is_present(&None::<Option<()>>));
}

// ---------------------------------------------------------------------------------------------
// Every text rule on every string type, codes and messages

#[test]
fn string_rules_take_every_string_type() {
    let text = "ada@example.com";
    assert!(rules::email(text).is_ok());
    assert!(rules::email(&text).is_ok());
    assert!(rules::email(&&text).is_ok());
    assert!(rules::email(&String::from(text)).is_ok());
    assert!(rules::email(&Cow::Borrowed(text)).is_ok());
    assert!(rules::email(&Cow::<str>::Owned(text.to_owned())).is_ok());
    assert!(rules::email(&Box::<str>::from(text)).is_ok());
    assert!(rules::email(&Rc::<str>::from(text)).is_ok());
    assert!(rules::email(&Arc::<str>::from(text)).is_ok());
    assert_eq!(AsStr::as_str(&String::from(text)), text);
}

#[test]
fn codes_and_messages() {
    let cases: [(Result<(), RuleError>, &str, &str); 9] = [
        (rules::email("x"), "email", "must be a valid email address"),
        (rules::url("x"), "url", "must be a valid URL"),
        (rules::uuid("x"), "uuid", "must be a valid UUID"),
        (
            rules::credit_card("x"),
            "credit_card",
            "must be a valid credit card number",
        ),
        (rules::ip("x"), "ip", "must be a valid IP address"),
        (rules::ipv4("x"), "ipv4", "must be a valid IPv4 address"),
        (rules::ipv6("x"), "ipv6", "must be a valid IPv6 address"),
        (
            rules::ascii("é"),
            "ascii",
            "must contain only ASCII characters",
        ),
        (
            rules::alphanumeric("-"),
            "alphanumeric",
            "must contain only letters and digits",
        ),
    ];
    for (result, code, message) in cases {
        let error = result.unwrap_err();
        assert_eq!(error.code, code);
        assert_eq!(error.message, message);
        assert!(error.params.is_empty(), "{code} has no params");
    }
}

#[test]
fn errors_take_overrides() {
    let error = rules::email("x")
        .unwrap_err()
        .with_code("bad_email")
        .with_message("nope");
    assert_eq!(
        (error.code.as_ref(), error.message.as_ref()),
        ("bad_email", "nope")
    );
}

#[test]
fn huge_inputs() {
    let huge = "a".repeat(1 << 20);
    assert!(rules::email(&huge).is_err());
    assert!(rules::email(&format!("{huge}@example.com")).is_err());
    assert!(rules::url(&format!("https://example.com/{huge}")).is_ok());
    assert!(rules::url(&format!("https://{huge}")).is_ok());
    assert!(rules::uuid(&huge).is_err());
    assert!(rules::credit_card(&"4".repeat(1 << 20)).is_err());
    assert!(rules::ip(&huge).is_err());
    assert!(rules::length(&huge, None, Some(1 << 20), None).is_ok());
    assert!(rules::length(&huge, None, Some((1 << 20) - 1), None).is_err());
    let wide = "é".repeat(1 << 19);
    assert!(rules::length(&wide, Some(1 << 19), Some(1 << 19), None).is_ok());
    assert!(rules::alphanumeric(&wide).is_ok());
}
