//! Word tokens with byte spans, and the small text helpers the speaker and
//! attribution stages share (folding diacritics, collapsing whitespace).
//!
//! Tokens are borrowed positions, not copies: a name, a title or a piece of
//! evidence is always a slice of the original input.

use unicode_normalization::UnicodeNormalization;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters and digits, with inner hyphens, apostrophes and dots (`O’Brien`, `H.E`).
    Word,
    /// Any other single non-space character.
    Punct,
}

/// A token: a byte span of the text it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    /// Absolute byte offset of the first byte.
    pub start: usize,
    /// Absolute byte offset one past the last byte.
    pub end: usize,
    /// Word or punctuation.
    pub kind: Kind,
}

impl Tok {
    /// The token's text in `src` (the full input).
    #[inline]
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        &src[self.start..self.end]
    }
}

fn inner_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '‐' | '‑' | '.')
}

/// Tokenises `src[start..end]`; offsets are absolute.
pub fn tokenize(src: &str, start: usize, end: usize) -> Vec<Tok> {
    let mut out = Vec::with_capacity((end - start) / 5 + 1);
    tokenize_into(src, start, end, &mut out);
    out
}

/// The character at byte `i` of `src[..end]` and its length; ASCII without decoding.
#[inline]
fn char_at(src: &str, i: usize, end: usize) -> Option<(char, usize)> {
    let b = *src.as_bytes().get(i).filter(|_| i < end)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    let c = src[i..end].chars().next()?;
    Some((c, c.len_utf8()))
}

#[inline]
fn is_combining(d: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&d)
}

/// ASCII byte classes for the tokenizer.
const SPACE: u8 = 1;
const ALNUM: u8 = 2;
const JOINER: u8 = 3;
const OTHER: u8 = 4;
static ASCII_CLASS: [u8; 128] = {
    let mut t = [OTHER; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if matches!(c, 9..=13 | b' ') {
            SPACE
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else if matches!(c, b'-' | b'\'' | b'.') {
            JOINER
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

/// Is the character at byte `j` (before `end`) a letter or digit?
#[inline]
fn alnum_at(src: &str, j: usize, end: usize) -> bool {
    match src.as_bytes().get(j).filter(|_| j < end) {
        None => false,
        Some(&b) if b < 0x80 => ASCII_CLASS[usize::from(b)] == ALNUM,
        Some(_) => char_at(src, j, end).is_some_and(|(n, _)| n.is_alphanumeric()),
    }
}

/// [`tokenize`] appending to `out` (a buffer reused across sentences).
pub fn tokenize_into(src: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    let bytes = src.as_bytes();
    let mut i = start;
    while i < end {
        let b = bytes[i];
        let (alnum, len) = if b < 0x80 {
            match ASCII_CLASS[usize::from(b)] {
                SPACE => {
                    i += 1;
                    continue;
                }
                ALNUM => (true, 1),
                _ => (false, 1),
            }
        } else {
            let Some((c, len)) = char_at(src, i, end) else { break };
            if c.is_whitespace() {
                i += len;
                continue;
            }
            (c.is_alphanumeric(), len)
        };
        if !alnum {
            out.push(Tok { start: i, end: i + len, kind: Kind::Punct });
            i += len;
            continue;
        }
        let mut j = i + len;
        while j < end {
            let d = bytes[j];
            if d < 0x80 {
                match ASCII_CLASS[usize::from(d)] {
                    ALNUM => j += 1,
                    // a joiner only inside a word: followed by a letter or digit
                    JOINER if alnum_at(src, j + 1, end) => j += 1,
                    _ => break,
                }
                continue;
            }
            let Some((d, dl)) = char_at(src, j, end) else { break };
            // a joiner only inside a word: followed by a letter or digit
            if d.is_alphanumeric() || is_combining(d) || inner_joiner(d) && alnum_at(src, j + dl, end) {
                j += dl;
            } else {
                break;
            }
        }
        out.push(Tok { start: i, end: j, kind: Kind::Word });
        i = j;
    }
}

/// True if the word starts with an uppercase letter.
#[inline]
pub fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// True if the word starts with a lowercase letter.
#[inline]
pub fn is_lower(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
}

/// ALL CAPS of two letters or more (an acronym such as `UN`, `GGE`).
pub fn is_acronym(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

/// Lowercases and strips diacritics (`Radović` → `radovic`), and folds the
/// typographic apostrophe to `'`.
pub fn fold(w: &str) -> String {
    folded(w).into_owned()
}

/// [`fold`] that borrows when the word is already folded (lowercase ASCII)
/// and lowercases a short ASCII word on the stack: no allocation for the
/// words rules look at, in hot paths.
pub fn folded(w: &str) -> Folded<'_> {
    if w.is_ascii() {
        if !w.bytes().any(|b| b.is_ascii_uppercase()) {
            return Folded::Borrowed(w);
        }
        if w.len() <= INLINE {
            let mut buf = [0u8; INLINE];
            for (d, s) in buf.iter_mut().zip(w.bytes()) {
                *d = s.to_ascii_lowercase();
            }
            return Folded::Inline(buf, w.len() as u8);
        }
        return Folded::Owned(w.to_ascii_lowercase());
    }
    Folded::Owned(
        w.nfd()
            .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
            .map(|c| if c == '’' { '\'' } else { c })
            .flat_map(char::to_lowercase)
            .collect(),
    )
}

/// Longest word [`folded`] lowercases without allocating.
const INLINE: usize = 30;

/// A folded word: borrowed, lowercased on the stack, or (non-ASCII, long) owned.
#[derive(Debug, Clone)]
pub enum Folded<'a> {
    /// Already folded.
    Borrowed(&'a str),
    /// Lowercased ASCII in place: bytes and length.
    Inline([u8; INLINE], u8),
    /// Folded into a new string.
    Owned(String),
}

impl Folded<'_> {
    /// The folded text as an owned string.
    pub fn into_owned(self) -> String {
        match self {
            Folded::Owned(s) => s,
            other => other.as_ref().to_string(),
        }
    }
}

impl Default for Folded<'_> {
    fn default() -> Self {
        Folded::Borrowed("")
    }
}

impl std::ops::Deref for Folded<'_> {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        match self {
            Folded::Borrowed(s) => s,
            // SAFETY: `folded` fills the buffer with lowercased ASCII bytes only
            Folded::Inline(b, n) => unsafe { std::str::from_utf8_unchecked(&b[..usize::from(*n)]) },
            Folded::Owned(s) => s,
        }
    }
}

impl AsRef<str> for Folded<'_> {
    #[inline]
    fn as_ref(&self) -> &str {
        self
    }
}

impl PartialEq<&str> for Folded<'_> {
    #[inline]
    fn eq(&self, other: &&str) -> bool {
        **self == **other
    }
}

impl PartialEq<str> for Folded<'_> {
    #[inline]
    fn eq(&self, other: &str) -> bool {
        **self == *other
    }
}

impl PartialEq for Folded<'_> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl std::fmt::Display for Folded<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self)
    }
}

/// Number of whitespace-separated words (ASCII whitespace and NBSP).
pub fn word_count(s: &str) -> usize {
    let b = s.as_bytes();
    if memchr::memchr(0xC2, b).is_none() {
        // no NBSP possible: count the non-space bytes after a space (or at
        // the start), eight bytes at a time
        let mut n = 0;
        // bit 7 of each byte: the byte before it was a space
        let mut prev_space: u64 = 0x80;
        let mut chunks = b.chunks_exact(8);
        for c in &mut chunks {
            let space = ascii_space_mask(u64::from_le_bytes(c.try_into().expect("eight bytes")));
            let before = (space << 8) | prev_space;
            n += (before & !space).count_ones() as usize;
            prev_space = (space >> 56) & 0x80;
        }
        let mut prev = prev_space != 0;
        for &c in chunks.remainder() {
            let space = c.is_ascii_whitespace();
            n += usize::from(prev && !space);
            prev = space;
        }
        return n;
    }
    // a word starts at each non-space byte after a space (or at the start);
    // NBSP is the two bytes C2 A0, both counted as space
    let mut n = 0;
    let mut prev_space = true;
    for (i, &c) in b.iter().enumerate() {
        let space = c.is_ascii_whitespace()
            || (c == 0xC2 && b.get(i + 1) == Some(&0xA0))
            || (c == 0xA0 && i > 0 && b[i - 1] == 0xC2);
        n += usize::from(!space && prev_space);
        prev_space = space;
    }
    n
}

/// Bit 7 of each byte of `x` set where the byte is ASCII whitespace (tab,
/// line feed, form feed, carriage return, space: `u8::is_ascii_whitespace`),
/// every other bit clear. Exact per byte: each byte is compared on its own
/// seven low bits, so no borrow crosses bytes.
#[inline]
fn ascii_space_mask(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // bit 7 set where the byte equals c: (low 7 bits + 0x7f) overflows into
    // bit 7 unless they are all zero; a byte with its own bit 7 set is unequal
    let eq = |c: u8| {
        let y = x ^ (ONES * u64::from(c));
        !(((y & LOW7) + LOW7) | y) & HIGH
    };
    eq(b' ') | eq(b'\t') | eq(b'\n') | eq(0x0C) | eq(b'\r')
}

/// Collapses every run of whitespace (including line breaks and NBSP) to one space.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (k, w) in s.split_whitespace().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Strips a possessive ending (`Varga’s`, `Varga's`, `Jones'`).
pub fn strip_possessive(w: &str) -> (&str, bool) {
    for suf in ["’s", "'s", "’S", "'S"] {
        if let Some(x) = w.strip_suffix(suf) {
            return (x, true);
        }
    }
    (w, false)
}

/// Levenshtein distance, bounded: returns `max + 1` once it exceeds `max`.
/// Words of up to 32 characters are compared on the stack.
pub fn edit_distance(a: &str, b: &str, max: usize) -> usize {
    const N: usize = 32;
    let (mut ab, mut bb) = (['\0'; N], ['\0'; N]);
    let (mut na, mut nb) = (0, 0);
    let fits = a.chars().all(|c| {
        na += 1;
        na <= N && {
            ab[na - 1] = c;
            true
        }
    }) && b.chars().all(|c| {
        nb += 1;
        nb <= N && {
            bb[nb - 1] = c;
            true
        }
    });
    if fits {
        let (mut prev, mut cur) = ([0usize; N + 1], [0usize; N + 1]);
        return distance(&ab[..na], &bb[..nb], max, &mut prev, &mut cur);
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (mut prev, mut cur) = (vec![0; b.len() + 1], vec![0; b.len() + 1]);
    distance(&a, &b, max, &mut prev, &mut cur)
}

/// [`edit_distance`] over characters, with two rows of `b.len() + 1` cells.
fn distance(a: &[char], b: &[char], max: usize, prev: &mut [usize], cur: &mut [usize]) -> usize {
    if a.len().abs_diff(b.len()) > max {
        return max + 1;
    }
    let (mut prev, mut cur) = (&mut prev[..=b.len()], &mut cur[..=b.len()]);
    for (j, p) in prev.iter_mut().enumerate() {
        *p = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut best = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            // transposition
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev[j - 1].saturating_sub(cost) + 1).min(cur[j]);
            }
            best = best.min(cur[j]);
        }
        if best > max {
            return max + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()].min(max + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_counts() {
        // (name, input, expected)
        let cases: &[(&str, &str, usize)] = &[
            ("empty", "", 0),
            ("spaces only", " \t\n ", 0),
            ("plain", "She said so.", 3),
            ("leading and trailing space", "  a b  ", 2),
            ("line breaks and tabs", "a\nb\tc\r\nd", 4),
            ("no-break space separates", "10\u{a0}000 people", 3),
            ("a0 byte inside another letter", "voilà là", 2),
            ("punctuation is part of a word", "— yes —", 3),
            ("non-ASCII letters", "Radović Šimić", 2),
            // the eight-byte path: words across chunk boundaries, runs of
            // space across them, and a tail shorter than eight
            ("words across chunks", "abcdefg hijklmno pq rstuvwxyz a", 5),
            ("space ends a chunk", "abcdefg hijklmno", 2),
            ("space starts a chunk", "abcdefgh ijklmno", 2),
            ("long run of space", "a                 b", 2),
            ("every kind of space", "a\tb\nc\x0cd\re f", 6),
            ("vertical tab is no space", "a\x0bb c", 2),
            ("bytes next to the spaces", "a!b\x1fc\x21d\x08e  f", 2),
        ];
        for (name, input, want) in cases {
            assert_eq!(word_count(input), *want, "{name}");
        }
    }

    #[test]
    fn tokens() {
        let s = "Mr O’Brien (H.E., U.N.) said: ‘yes’ — Abdul-Karim’s.";
        let t: Vec<&str> = tokenize(s, 0, s.len()).iter().map(|t| t.text(s)).collect();
        assert_eq!(
            t,
            [
                "Mr",
                "O’Brien",
                "(",
                "H.E",
                ".",
                ",",
                "U.N",
                ".",
                ")",
                "said",
                ":",
                "‘",
                "yes",
                "’",
                "—",
                "Abdul-Karim’s",
                "."
            ]
        );
    }

    #[test]
    fn helpers() {
        assert_eq!(fold("Radović"), "radovic");
        assert_eq!(fold("Öztürk"), "ozturk");
        assert_eq!(collapse(" a \n b\u{a0}c "), "a b c");
        assert_eq!(strip_possessive("Varga’s"), ("Varga", true));
        assert!(is_acronym("GGE") && !is_acronym("Gge") && !is_acronym("A"));
        assert_eq!(edit_distance("Ciglic", "Ciglic", 2), 0);
        assert_eq!(edit_distance("Ciglic", "Cigilc", 2), 1);
        assert_eq!(edit_distance("Ciglic", "Cglic", 2), 1);
        assert_eq!(edit_distance("Varga", "Verge", 1), 2);
    }
}
