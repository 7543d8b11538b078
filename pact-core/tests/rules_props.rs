//! Property tests: no text rule panics or varies on any input, and the rules agree with
//! straightforward reference implementations.

use pact_core::validation::RuleError;
use pact_core::validation::rules;
use std::fmt::Write as _;

use proptest::prelude::*;
use regex::Regex;

type StrRule = fn(&str) -> Result<(), RuleError>;

/// Every rule that takes a string, with fixed arguments where it needs them.
fn string_rules() -> Vec<(&'static str, StrRule)> {
    vec![
        ("email", |s| rules::email(s)),
        ("url", |s| rules::url(s)),
        ("ip", |s| rules::ip(s)),
        ("ipv4", |s| rules::ipv4(s)),
        ("ipv6", |s| rules::ipv6(s)),
        ("uuid", |s| rules::uuid(s)),
        ("credit_card", |s| rules::credit_card(s)),
        ("ascii", |s| rules::ascii(s)),
        ("alphanumeric", |s| rules::alphanumeric(s)),
        ("contains", |s| rules::contains(s, "é@")),
        ("does_not_contain", |s| rules::does_not_contain(s, ":/")),
        ("prefix", |s| rules::prefix(s, "ht")),
        ("suffix", |s| rules::suffix(s, "ß")),
        ("non_empty", |s| rules::non_empty(s)),
        ("length", |s| rules::length(s, Some(2), Some(9), None)),
        ("length_equal", |s| rules::length(s, None, None, Some(3))),
        ("length_bytes", |s| {
            rules::length_bytes(s, Some(1), Some(7), None)
        }),
        ("pattern", |s| {
            static SOURCE: &str = "^[a-z]+[0-9]*$";
            static REGEX: std::sync::LazyLock<Regex> =
                std::sync::LazyLock::new(|| Regex::new(SOURCE).unwrap());
            rules::pattern(s, &REGEX, SOURCE)
        }),
    ]
}

/// Strings of the characters the text rules care about most.
fn tricky() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9@.:/?#\\[\\]%_~!$&'()*+,;= \\-éß👋\u{0}\t]{0,48}"
}

/// Arbitrary bytes made into a string (invalid sequences become U+FFFD).
fn byteish() -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<u8>(), 0..64)
        .prop_map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
}

/// Any string from the four strategies.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "\\PC*", byteish(), tricky()]
}

fn assert_total_and_deterministic(input: &str) {
    for (name, rule) in string_rules() {
        let first = rule(input);
        let second = rule(input);
        assert_eq!(first, second, "{name} varies on {input:?}");
        if let Err(error) = first {
            assert!(
                !error.code.is_empty() && !error.message.is_empty(),
                "{name}"
            );
        }
    }
}

fn fits(count: usize, min: Option<usize>, max: Option<usize>, equal: Option<usize>) -> bool {
    min.is_none_or(|m| count >= m)
        && max.is_none_or(|m| count <= m)
        && equal.is_none_or(|e| count == e)
}

/// The reference Luhn check: 12 to 19 digits, doubled every second digit from the right.
fn reference_luhn(digits: &str) -> bool {
    if !(12..=19).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(index, byte)| {
            let digit = u32::from(byte - b'0');
            if index % 2 == 1 {
                let doubled = digit * 2;
                doubled / 10 + doubled % 10
            } else {
                digit
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// The WHATWG "valid e-mail address" regex, exactly, plus RFC 5321 lengths.
fn reference_email(address: &str) -> bool {
    static WHATWG: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        Regex::new(
            r"^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$",
        )
        .unwrap()
    });
    let Some((local, _)) = address.split_once('@') else {
        return false;
    };
    WHATWG.is_match(address) && address.len() <= 254 && local.len() <= 64
}

/// A uuid by regex.
fn reference_uuid(text: &str) -> bool {
    static UUID: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        Regex::new(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
            .unwrap()
    });
    UUID.is_match(text)
}

/// RFC 3986 `absolute-URI` with a fragment, by regex, with the documented restrictions
/// (a host after `//` in `http`, `https`, `ws` and `wss`; a port of 1 to 5 digits at most
/// 65535).
fn reference_url(text: &str) -> bool {
    const PCT: &str = "%[0-9A-Fa-f]{2}";
    static URI: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        let pchar = format!("(?:[A-Za-z0-9._~!$&'()*+,;=:@-]|{PCT})");
        let userinfo = format!("(?:[A-Za-z0-9._~!$&'()*+,;=:-]|{PCT})*");
        let reg_name = format!("(?P<reg_name>(?:[A-Za-z0-9._~!$&'()*+,;=-]|{PCT})*)");
        let host = format!(r"(?:{reg_name}|\[(?P<literal>[^\]]*)\])");
        let authority = format!("(?:{userinfo}@)?{host}(?::(?P<port>[0-9]*))?");
        let rootless = format!("{pchar}+(?:/{pchar}*)*");
        let hier = format!("(?://{authority}(?:/{pchar}*)*|/(?:{rootless})?|{rootless}|)");
        let tail = format!("(?:{pchar}|[/?])*");
        Regex::new(&format!(
            r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*):{hier}(?:\?{tail})?(?:#{tail})?$"
        ))
        .unwrap()
    });
    static FUTURE: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        Regex::new(r"^[vV][0-9A-Fa-f]+\.[A-Za-z0-9._~!$&'()*+,;=:-]+$").unwrap()
    });
    let Some(captures) = URI.captures(text) else {
        return false;
    };
    let literal_ok = captures.name("literal").is_none_or(|literal| {
        let literal = literal.as_str();
        FUTURE.is_match(literal) || literal.parse::<std::net::Ipv6Addr>().is_ok()
    });
    let port_ok = captures.name("port").is_none_or(|port| {
        (1..=5).contains(&port.as_str().len())
            && port.as_str().parse::<u32>().is_ok_and(|p| p <= 65_535)
    });
    let scheme = captures["scheme"].to_ascii_lowercase();
    let host_ok = !matches!(scheme.as_str(), "http" | "https" | "ws" | "wss")
        || captures
            .name("reg_name")
            .is_none_or(|name| !name.as_str().is_empty());
    literal_ok && port_ok && host_ok
}

fn local_part() -> impl Strategy<Value = String> {
    proptest::collection::vec("[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]{1,12}", 1..5)
        .prop_map(|atoms| atoms.join("."))
        .prop_filter("at most 64 bytes", |local| local.len() <= 64)
}

fn domain() -> impl Strategy<Value = String> {
    proptest::collection::vec("[a-zA-Z0-9]([a-zA-Z0-9-]{0,20}[a-zA-Z0-9])?", 1..5)
        .prop_map(|labels| labels.join("."))
}

fn valid_url() -> impl Strategy<Value = String> {
    (
        "[a-zA-Z][a-zA-Z0-9+.-]{0,8}",
        prop_oneof![
            domain(),
            Just("[::1]".to_owned()),
            Just("192.0.2.1".to_owned()),
            Just("[2001:db8::42]".to_owned()),
        ],
        proptest::option::of(0_u16..),
        proptest::collection::vec("([a-zA-Z0-9._~!$&'()*+,;=:@-]|%[0-9a-fA-F]{2}){0,8}", 0..4),
        proptest::option::of("[a-zA-Z0-9=&/?%2-]{0,12}"),
        proptest::option::of("[a-zA-Z0-9/?-]{0,12}"),
    )
        .prop_map(|(scheme, host, port, segments, query, fragment)| {
            let mut url = format!("{scheme}://{host}");
            if let Some(port) = port {
                write!(url, ":{port}").unwrap();
            }
            for segment in segments {
                url.push('/');
                url.push_str(&segment);
            }
            if let Some(query) = query {
                // `%2` alone would be a broken escape: complete it.
                url.push('?');
                url.push_str(&query.replace('%', "%25"));
            }
            if let Some(fragment) = fragment {
                url.push('#');
                url.push_str(&fragment);
            }
            url
        })
}

/// Inserts a space at `at` (modulo the char boundaries of `text`).
fn with_space(text: &str, at: usize) -> String {
    let boundaries: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let at = boundaries[at % boundaries.len()];
    format!("{} {}", &text[..at], &text[at..])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn text_rules_never_panic_and_are_deterministic(input in any_text()) {
        assert_total_and_deterministic(&input);
    }

    #[test]
    fn text_rules_on_arbitrary_strings(input in any::<String>()) {
        assert_total_and_deterministic(&input);
    }

    #[test]
    fn text_rules_on_printable_strings(input in "\\PC*") {
        assert_total_and_deterministic(&input);
    }

    #[test]
    fn text_rules_on_bytes(input in byteish()) {
        assert_total_and_deterministic(&input);
    }

    #[test]
    fn length_agrees_with_char_count(
        input in any_text(),
        min in proptest::option::of(0_usize..80),
        max in proptest::option::of(0_usize..80),
        equal in proptest::option::of(0_usize..80),
    ) {
        let chars = input.chars().count();
        prop_assert_eq!(rules::length(&input, min, max, equal).is_ok(), fits(chars, min, max, equal));
        prop_assert_eq!(
            rules::length_bytes(&input, min, max, equal).is_ok(),
            fits(input.len(), min, max, equal)
        );
        prop_assert_eq!(rules::non_empty(&input).is_ok(), chars > 0);
    }

    #[test]
    fn length_decides_near_the_byte_bounds(input in "[aé👋]{0,12}", bound in 0_usize..50) {
        // Multi-byte strings whose byte and char counts straddle the bounds.
        let chars = input.chars().count();
        prop_assert_eq!(rules::length(&input, Some(bound), None, None).is_ok(), chars >= bound);
        prop_assert_eq!(rules::length(&input, None, Some(bound), None).is_ok(), chars <= bound);
        prop_assert_eq!(rules::length(&input, None, None, Some(bound)).is_ok(), chars == bound);
    }

    #[test]
    fn length_of_vectors(len in 0_usize..40, min in proptest::option::of(0_usize..40), max in proptest::option::of(0_usize..40)) {
        let items = vec![(); len];
        prop_assert_eq!(rules::length(&items, min, max, None).is_ok(), fits(len, min, max, None));
    }

    #[test]
    fn range_f64_never_panics(
        value in any::<f64>(),
        bounds in proptest::array::uniform4(proptest::option::of(prop_oneof![
            any::<f64>(),
            Just(f64::NAN),
            Just(f64::INFINITY),
            Just(f64::NEG_INFINITY),
            Just(0.0),
        ])),
    ) {
        let [min, max, emin, emax] = bounds;
        let result = rules::range(&value, min.as_ref(), max.as_ref(), emin.as_ref(), emax.as_ref());
        let expected = !value.is_nan()
            && min.is_none_or(|b| value >= b)
            && max.is_none_or(|b| value <= b)
            && emin.is_none_or(|b| value > b)
            && emax.is_none_or(|b| value < b);
        prop_assert_eq!(result.is_ok(), expected);
        if let Err(error) = result {
            prop_assert_eq!(error.code, "range");
        }
    }

    #[test]
    fn range_nan_always_fails(
        bounds in proptest::array::uniform4(proptest::option::of(any::<f64>())),
        narrow in proptest::array::uniform4(proptest::option::of(any::<f32>())),
    ) {
        let [min, max, emin, emax] = bounds;
        prop_assert!(rules::range(&f64::NAN, min.as_ref(), max.as_ref(), emin.as_ref(), emax.as_ref()).is_err());
        let [min, max, emin, emax] = narrow;
        prop_assert!(rules::range(&f32::NAN, min.as_ref(), max.as_ref(), emin.as_ref(), emax.as_ref()).is_err());
    }

    #[test]
    fn range_i64(value in any::<i64>(), bounds in proptest::array::uniform4(proptest::option::of(any::<i64>()))) {
        let [min, max, emin, emax] = bounds;
        let result = rules::range(&value, min.as_ref(), max.as_ref(), emin.as_ref(), emax.as_ref());
        let expected = min.is_none_or(|b| value >= b)
            && max.is_none_or(|b| value <= b)
            && emin.is_none_or(|b| value > b)
            && emax.is_none_or(|b| value < b);
        prop_assert_eq!(result.is_ok(), expected);
    }

    #[test]
    fn credit_card_agrees_with_reference_luhn(digits in "[0-9]{0,24}") {
        prop_assert_eq!(rules::credit_card(&digits).is_ok(), reference_luhn(&digits));
    }

    #[test]
    fn credit_card_with_separators(
        groups in proptest::collection::vec("[0-9]{1,5}", 1..6),
        separator in prop_oneof![Just(" "), Just("-")],
    ) {
        let digits = groups.concat();
        let grouped = groups.join(separator);
        prop_assert_eq!(rules::credit_card(&grouped).is_ok(), reference_luhn(&digits));
        // A valid number with a check digit made wrong fails.
        if reference_luhn(&digits) {
            let last = digits.as_bytes()[digits.len() - 1];
            let wrong = if last == b'9' { b'0' } else { last + 1 };
            let mut broken = grouped.clone().into_bytes();
            *broken.last_mut().unwrap() = wrong;
            prop_assert!(rules::credit_card(&String::from_utf8(broken).unwrap()).is_err());
        }
    }

    #[test]
    fn email_accepts_generated_addresses(local in local_part(), domain in domain(), at in any::<usize>()) {
        let address = format!("{local}@{domain}");
        prop_assume!(address.len() <= 254);
        prop_assert!(rules::email(&address).is_ok(), "{address}");
        let spaced = with_space(&address, at);
        prop_assert!(rules::email(&spaced).is_err(), "{spaced}");
    }

    #[test]
    fn email_accepts_dots_anywhere_in_the_local_part(
        local in "[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}",
        domain in domain(),
    ) {
        let address = format!("{local}@{domain}");
        prop_assume!(address.len() <= 254);
        prop_assert!(rules::email(&address).is_ok(), "{address}");
    }

    #[test]
    fn url_accepts_an_empty_host_outside_http(
        scheme in "[a-zA-Z][a-zA-Z0-9+.-]{0,8}",
        path in "(/[a-z0-9._~-]{0,8}){0,4}",
    ) {
        let url = format!("{scheme}://{path}");
        let needs_host = ["http", "https", "ws", "wss"].iter().any(|s| scheme.eq_ignore_ascii_case(s));
        prop_assert_eq!(rules::url(&url).is_ok(), !needs_host, "{}", url);
    }

    #[test]
    fn email_agrees_with_reference(
        input in "[a-c.@\\-_+ é]{0,16}|[a-c.+]{1,6}@[a-c.-]{1,8}|[a-z.]{1,70}@[a-z.-]{1,200}|[a-z]{1,3}@[a-z0-9-]{60,66}(\\.[a-z]{1,3})?"
    ) {
        prop_assert_eq!(rules::email(&input).is_ok(), reference_email(&input), "{}", input);
    }

    #[test]
    fn url_accepts_generated_urls(url in valid_url(), at in any::<usize>()) {
        prop_assert!(rules::url(&url).is_ok(), "{}", url);
        let spaced = with_space(&url, at);
        prop_assert!(rules::url(&spaced).is_err(), "{}", spaced);
    }

    #[test]
    fn url_agrees_with_reference(
        input in "[a-z0-9:/?#@%.+-]{0,16}|[a-z]{1,5}://[a-zA-Z0-9:/?#@\\[\\]%.v!~ -]{0,24}|https?://\\[[0-9a-fvV.:]{0,12}\\](:[0-9]{0,6})?/?|(file|https?|wss?|HTTP|foo)://([a-z]{0,2}@)?(:[0-9]{0,3})?[/?#]?[a-z]{0,3}"
    ) {
        prop_assert_eq!(rules::url(&input).is_ok(), reference_url(&input), "{}", input);
    }

    #[test]
    fn uuid_agrees_with_reference(input in "[0-9a-fA-Fg-]{30,40}") {
        prop_assert_eq!(rules::uuid(&input).is_ok(), reference_uuid(&input));
    }

    #[test]
    fn uuid_accepts_formatted_u128(value in any::<u128>(), upper in any::<bool>()) {
        let hex = format!("{value:032x}");
        let text = format!("{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..]);
        let text = if upper { text.to_uppercase() } else { text };
        prop_assert!(rules::uuid(&text).is_ok());
    }

    #[test]
    fn ip_rules_agree_with_std(input in "[0-9a-fA-F:.%\\[\\]]{0,40}") {
        prop_assert_eq!(rules::ip(&input).is_ok(), input.parse::<std::net::IpAddr>().is_ok());
        prop_assert_eq!(rules::ipv4(&input).is_ok(), input.parse::<std::net::Ipv4Addr>().is_ok());
        prop_assert_eq!(rules::ipv6(&input).is_ok(), input.parse::<std::net::Ipv6Addr>().is_ok());
    }

    #[test]
    fn ip_accepts_every_address(v4 in any::<u32>(), v6 in any::<u128>()) {
        let v4 = std::net::Ipv4Addr::from(v4).to_string();
        let v6 = std::net::Ipv6Addr::from(v6).to_string();
        prop_assert!(rules::ipv4(&v4).is_ok() && rules::ip(&v4).is_ok() && rules::ipv6(&v4).is_err());
        prop_assert!(rules::ipv6(&v6).is_ok() && rules::ip(&v6).is_ok() && rules::ipv4(&v6).is_err());
        // Bracketed, they are URL hosts.
        let (url4, url6) = (format!("http://{v4}:8080/"), format!("http://[{v6}]:8080/"));
        prop_assert!(rules::url(&url4).is_ok());
        prop_assert!(rules::url(&url6).is_ok());
    }

    #[test]
    fn alphanumeric_agrees_with_chars(input in any_text()) {
        prop_assert_eq!(
            rules::alphanumeric(&input).is_ok(),
            input.chars().all(char::is_alphanumeric)
        );
        prop_assert_eq!(rules::ascii(&input).is_ok(), input.is_ascii());
    }
}
