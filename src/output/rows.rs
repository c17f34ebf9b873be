//! Sentence rows written straight into the output buffer: JSON (the bytes
//! `serde_json` writes for the same value) and CSV (the bytes the `csv` crate
//! writes with its default settings), without a serializer or a record of
//! owned cells per row. Runs of bytes that need no escaping are copied whole.
//!
//! `tests/outputs.rs` and `scripts/identical.sh` hold these writers to the
//! bytes of the serde and csv paths they replace.

use serde_json::ser::{CompactFormatter, Formatter};

use crate::report::SentenceReport;
use crate::segment::Layout;

/// What JSON escapes, per byte: 0 none, `u` as `\u00XX`, else the letter after `\`.
static JSON_ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b'u';
        b += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0A] = b'n';
    t[0x0C] = b'f';
    t[0x0D] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

/// Does any of the 8 bytes of `x` need escaping in JSON (below 0x20, `"`
/// or a backslash)? The "has a byte less than n" and "has a zero byte" tests of
/// SWAR: exact about whether any byte matches.
#[inline]
fn any_json_escape(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = x.wrapping_sub(ONES * 0x20) & !x;
    let q = x ^ (ONES * u64::from(b'"'));
    let quote = q.wrapping_sub(ONES) & !q;
    let bs = x ^ (ONES * u64::from(b'\\'));
    let backslash = bs.wrapping_sub(ONES) & !bs;
    (below | quote | backslash) & HIGH != 0
}

/// A JSON string with its quotes.
#[inline]
pub fn json_str(buf: &mut Vec<u8>, s: &str) {
    buf.reserve(s.len() + 2);
    buf.push(b'"');
    let b = s.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < b.len() {
        // eight plain bytes at a time
        if let Some(chunk) = b.get(i..i + 8) {
            let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            if !any_json_escape(x) {
                i += 8;
                continue;
            }
        }
        let c = b[i];
        let e = JSON_ESCAPE[c as usize];
        if e != 0 {
            buf.extend_from_slice(&b[run..i]);
            run = i + 1;
            if e == b'u' {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                buf.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[usize::from(c >> 4)], HEX[usize::from(c & 0xF)]]);
            } else {
                buf.extend_from_slice(&[b'\\', e]);
            }
        }
        i += 1;
    }
    buf.extend_from_slice(&b[run..]);
    buf.push(b'"');
}

#[inline]
fn int(buf: &mut Vec<u8>, n: usize) {
    buf.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

fn json_f32(buf: &mut Vec<u8>, x: f32) {
    if x.is_finite() {
        CompactFormatter.write_f32(buf, x).expect("a Vec does not fail");
    } else {
        buf.extend_from_slice(b"null");
    }
}

fn json_opt_str(buf: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => json_str(buf, s),
        None => buf.extend_from_slice(b"null"),
    }
}

fn layout_name(l: Layout) -> &'static str {
    match l {
        Layout::Text => "text",
        Layout::Heading => "heading",
        Layout::Item => "item",
    }
}

/// A sentence as one compact JSON object, with `source` first when given
/// (rows) or without it (inside a report's `sentences`).
pub fn json_sentence(buf: &mut Vec<u8>, source: Option<&str>, s: &SentenceReport) {
    buf.push(b'{');
    if let Some(src) = source {
        buf.extend_from_slice(b"\"source\":");
        json_str(buf, src);
        buf.push(b',');
    }
    buf.extend_from_slice(b"\"index\":");
    int(buf, s.index);
    buf.extend_from_slice(b",\"start\":");
    int(buf, s.start);
    buf.extend_from_slice(b",\"end\":");
    int(buf, s.end);
    buf.extend_from_slice(b",\"text\":");
    json_str(buf, s.text);
    buf.extend_from_slice(b",\"paragraph\":");
    int(buf, s.paragraph);
    buf.extend_from_slice(b",\"layout\":\"");
    buf.extend_from_slice(layout_name(s.layout).as_bytes());
    buf.extend_from_slice(b"\",\"speaker\":");
    json_opt_str(buf, s.speaker.as_deref());
    buf.extend_from_slice(b",\"speakers\":[");
    for (k, name) in s.speakers.iter().enumerate() {
        if k > 0 {
            buf.push(b',');
        }
        json_str(buf, name);
    }
    buf.extend_from_slice(b"],\"attribution\":");
    json_str(buf, s.attribution);
    buf.extend_from_slice(b",\"evidence\":");
    match &s.evidence {
        Some(e) => {
            buf.extend_from_slice(b"{\"text\":");
            json_str(buf, &e.text);
            buf.extend_from_slice(b",\"start\":");
            int(buf, e.start);
            buf.extend_from_slice(b",\"end\":");
            int(buf, e.end);
            buf.push(b'}');
        }
        None => buf.extend_from_slice(b"null"),
    }
    buf.extend_from_slice(b",\"other_source\":");
    match &s.other_source {
        Some(o) => {
            buf.extend_from_slice(b"{\"kind\":");
            json_str(buf, o.kind);
            buf.extend_from_slice(b",\"text\":");
            json_str(buf, &o.text);
            buf.push(b'}');
        }
        None => buf.extend_from_slice(b"null"),
    }
    buf.extend_from_slice(b",\"topics\":[");
    for (k, t) in s.topics.iter().enumerate() {
        if k > 0 {
            buf.push(b',');
        }
        json_str(buf, t);
    }
    buf.extend_from_slice(b"],\"topic_scores\":[");
    for (k, &x) in s.topic_scores.iter().enumerate() {
        if k > 0 {
            buf.push(b',');
        }
        json_f32(buf, x);
    }
    buf.extend_from_slice(b"],\"topic_matches\":[");
    for (k, m) in s.topic_matches.iter().enumerate() {
        if k > 0 {
            buf.push(b',');
        }
        buf.extend_from_slice(b"{\"topic\":");
        json_str(buf, m.topic);
        buf.extend_from_slice(b",\"keyword\":");
        json_str(buf, m.keyword);
        buf.extend_from_slice(b",\"start\":");
        int(buf, m.start);
        buf.extend_from_slice(b",\"end\":");
        int(buf, m.end);
        buf.push(b'}');
    }
    buf.extend_from_slice(b"]}");
}

/// A CSV cell writer for one record: quotes a cell that holds a comma, a
/// quote or a line break (doubling its quotes), and with `sanitize` prefixes
/// `'` to a cell a spreadsheet would read as a formula.
struct Cells<'b> {
    buf: &'b mut Vec<u8>,
    sanitize: bool,
    first: bool,
}

impl Cells<'_> {
    fn sep(&mut self) {
        if !self.first {
            self.buf.push(b',');
        }
        self.first = false;
    }

    /// A cell made of `parts` joined by `sep` (no part is empty-joined away).
    fn joined<'a>(&mut self, parts: impl Iterator<Item = &'a str> + Clone, sep: &str) {
        self.sep();
        // the joined cell's first byte decides whether it reads as a formula
        let mut first_byte = None;
        for (k, p) in parts.clone().enumerate() {
            if k > 0 && !sep.is_empty() {
                first_byte = Some(sep.as_bytes()[0]);
                break;
            }
            if let Some(&b) = p.as_bytes().first() {
                first_byte = Some(b);
                break;
            }
        }
        let formula =
            self.sanitize && first_byte.is_some_and(|b| matches!(b, b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r'));
        let special = |s: &str| s.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'));
        let quote = parts.clone().any(special) || special(sep) && parts.clone().nth(1).is_some();
        if quote {
            self.buf.push(b'"');
        }
        if formula {
            self.buf.push(b'\'');
        }
        for (k, p) in parts.enumerate() {
            if k > 0 {
                self.raw(sep, quote);
            }
            self.raw(p, quote);
        }
        if quote {
            self.buf.push(b'"');
        }
    }

    fn raw(&mut self, s: &str, quoted: bool) {
        if !quoted {
            self.buf.extend_from_slice(s.as_bytes());
            return;
        }
        let b = s.as_bytes();
        let mut run = 0;
        for i in memchr::memchr_iter(b'"', b) {
            self.buf.extend_from_slice(&b[run..=i]);
            self.buf.push(b'"');
            run = i + 1;
        }
        self.buf.extend_from_slice(&b[run..]);
    }

    fn cell(&mut self, s: &str) {
        self.joined(std::iter::once(s), "");
    }

    fn int(&mut self, n: usize) {
        self.sep();
        int(self.buf, n);
    }
}

/// A sentence as one CSV record (the columns of `SENTENCE_COLUMNS`), ending in `\n`.
pub fn csv_sentence(buf: &mut Vec<u8>, source: &str, s: &SentenceReport, sanitize: bool) {
    use std::io::Write;
    let mut c = Cells { buf, sanitize, first: true };
    c.cell(source);
    c.int(s.index);
    c.int(s.start);
    c.int(s.end);
    c.int(s.paragraph);
    c.cell(layout_name(s.layout));
    c.cell(s.speaker.as_deref().unwrap_or(""));
    c.joined(s.speakers.iter().map(|n| &**n), "; ");
    c.cell(s.attribution);
    match &s.evidence {
        Some(e) => {
            c.cell(&e.text);
            c.int(e.start);
            c.int(e.end);
        }
        None => {
            c.cell("");
            c.cell("");
            c.cell("");
        }
    }
    match &s.other_source {
        Some(o) => c.joined([o.kind, o.text.as_str()].into_iter(), ": "),
        None => c.cell(""),
    }
    c.joined(s.topics.iter().copied(), "; ");
    c.sep();
    // scores are digits and dots: no quoting, no formula
    for (k, x) in s.topic_scores.iter().enumerate() {
        if k > 0 {
            c.buf.extend_from_slice(b"; ");
        }
        write!(c.buf, "{x}").expect("a Vec does not fail");
    }
    c.cell(s.text);
    c.buf.push(b'\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings_match_serde() {
        // (name, input)
        let cases: &[(&str, &str)] = &[
            ("plain", "She said so."),
            ("quotes and backslash", r#"a "b" \c"#),
            ("short escapes", "a\tb\nc\rd\u{8}e\u{c}f"),
            ("other controls", "\u{0}\u{1}\u{1f}\u{7f}"),
            ("non-ASCII", "Radović — “yes” ’"),
            ("empty", ""),
            // the eight-byte fast path: escapes after and between plain
            // runs, and in a tail shorter than eight
            ("long plain", "The session on digital cooperation opened."),
            ("quote in the second chunk", "abcdefgh\"ijklmnop"),
            ("escape at a chunk's last byte", "abcdefg\nhijklmnopq"),
            ("escape in the tail", "abcdefghijk\\"),
            ("controls in a row", "abcdefgh\u{1}\u{2}\u{3}\u{4}\u{5}\u{6}\u{7}\u{8}\u{b}"),
            ("bytes just above the escapes", "!#[]^_`~ !#[]^_`~ 0123"),
            ("non-ASCII bytes in chunks", "Šimić Öztürk Радович ‘quoted’ text"),
        ];
        for (name, s) in cases {
            let mut buf = Vec::new();
            json_str(&mut buf, s);
            assert_eq!(String::from_utf8(buf).unwrap(), serde_json::to_string(s).unwrap(), "{name}");
        }
    }

    #[test]
    fn json_escapes_at_every_offset_of_a_chunk() {
        // (name, the byte to escape); counter-case: bytes that need none
        let cases: &[(&str, char)] = &[
            ("quote", '"'),
            ("backslash", '\\'),
            ("line break", '\n'),
            ("lowest control", '\u{0}'),
            ("highest control", '\u{1f}'),
            ("space needs none", ' '),
            ("DEL needs none", '\u{7f}'),
            ("non-ASCII needs none", 'é'),
        ];
        for (name, c) in cases {
            for at in 0..18 {
                let s = format!("{}{c}{}", "a".repeat(at), "b".repeat(17 - at));
                let mut buf = Vec::new();
                json_str(&mut buf, &s);
                assert_eq!(String::from_utf8(buf).unwrap(), serde_json::to_string(&s).unwrap(), "{name} at {at}");
            }
        }
    }

    #[test]
    fn csv_cells_match_the_csv_crate() {
        // (name, parts, separator, sanitize)
        let cases: &[(&str, &[&str], &str, bool)] = &[
            ("plain", &["abc"], "; ", true),
            ("comma", &["a, b"], "; ", true),
            ("quote", &["say \"x\""], "; ", true),
            ("line break", &["a\nb"], "; ", false),
            ("formula sanitised", &["=1+2"], "; ", true),
            ("formula kept", &["=1+2"], "; ", false),
            ("dash then comma", &["- a, b"], "; ", true),
            ("joined", &["Ana Ruiz", "Lena Varga"], "; ", true),
            ("joined, first empty", &["", "x"], "; ", true),
            ("kind and text", &["organization", "Canada, Mexico"], ": ", true),
            ("empty", &[], "; ", true),
            ("at sign", &["@x"], "; ", true),
        ];
        for (name, parts, sep, sanitize) in cases {
            let joined = parts.join(sep);
            let cell = if *sanitize { crate::output::sanitize_cell(&joined) } else { joined.as_str().into() };
            let mut want = Vec::new();
            {
                let mut w = csv::WriterBuilder::new().has_headers(false).from_writer(&mut want);
                w.write_record(["x", &*cell]).unwrap();
            }
            let mut got = Vec::new();
            let mut c = Cells { buf: &mut got, sanitize: *sanitize, first: true };
            c.cell("x");
            c.joined(parts.iter().copied(), sep);
            got.push(b'\n');
            assert_eq!(String::from_utf8(got).unwrap(), String::from_utf8(want).unwrap(), "{name}");
        }
    }
}
