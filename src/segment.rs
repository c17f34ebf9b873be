//! Sentence segmentation with byte offsets that never loses text.
//!
//! Every later stage works on sentences, so a wrong split gives a wrong
//! speaker. Event reports mix prose with layout — title and date lines,
//! headings without a blank line after them, bullet lists, hard-wrapped
//! lines — and with the abbreviations of diplomacy (`H.E.`, `Amb.`, `U.N.`).
//! This module handles both in two passes:
//!
//! 1. **Layout**: the text is cut into *units* at blank lines, before list
//!    items, and after heading-like lines; a line break inside a unit is a hard
//!    wrap and counts as a space. Whether a break before a capital is a wrap is
//!    read from the shape of the whole paragraph (line widths, stops at line
//!    ends), so that page furniture — labels, addresses, link captions, rosters
//!    — stays one line per segment (see `joins`).
//! 2. **Punctuation**: inside a unit, `.` `!` `?` `…` and inline list markers
//!    propose boundaries, which the abbreviation table, initials, ellipsis and
//!    quotation rules accept or refuse.
//!
//! A [`Segment`] borrows its text from the input and carries its byte span; the
//! spans are ordered, disjoint, trimmed of whitespace, and together cover every
//! non-whitespace byte of the input (a leading byte-order mark aside).
//!
//! ```
//! use whosaid::segment::Segmenter;
//! let seg = Segmenter::default();
//! let text = "Ms. Varga spoke at 5 p.m. on Monday. She left early.";
//! let s: Vec<&str> = seg.segment(text).iter().map(|s| s.text).collect();
//! assert_eq!(s, ["Ms. Varga spoke at 5 p.m. on Monday.", "She left early."]);
//! ```

use std::collections::HashMap;

use crate::error::DataError;

/// The built-in abbreviation table (see the file for its format).
pub const BUILTIN_ABBREVIATIONS: &str = include_str!("data/abbreviations.txt");

/// How an abbreviation behaves before the next word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevClass {
    /// Stands before a name (`Mr.`, `Amb.`, `H.E.`): never ends a sentence.
    Title,
    /// Never ends a sentence (`e.g.`, `i.e.`).
    Never,
    /// Before a number it never ends a sentence (`No. 5`, `p. 55`).
    Number,
    /// May end a sentence: a boundary only before a usual sentence opener
    /// (`in the U.S. How …` splits, `the U.S. Government` does not).
    End,
}

/// What kind of layout unit a segment comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    /// Running prose.
    Text,
    /// A short line without final punctuation: a title, date line or heading.
    Heading,
    /// A bullet or numbered list item.
    Item,
}

/// One sentence (or layout line) of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment<'a> {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// `&input[start..end]`.
    pub text: &'a str,
    /// Index of the blank-line separated block the segment lies in.
    pub paragraph: usize,
    /// The layout unit the segment belongs to.
    pub layout: Layout,
    /// True for the first segment of its paragraph.
    pub paragraph_start: bool,
}

/// A sentence segmenter configured with an abbreviation table.
#[derive(Debug, Clone)]
pub struct Segmenter {
    abbrevs: HashMap<String, AbbrevClass>,
}

impl Default for Segmenter {
    fn default() -> Self {
        let mut s = Segmenter { abbrevs: HashMap::new() };
        s.add_abbreviations(BUILTIN_ABBREVIATIONS).expect("built-in abbreviation table is valid");
        s
    }
}

impl Segmenter {
    /// Adds abbreviations in the table format of `data/abbreviations.txt`:
    /// `CLASS word` per line (a bare word means `end`), `#` comments.
    pub fn add_abbreviations(&mut self, table: &str) -> Result<(), DataError> {
        for (n, line) in table.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split_whitespace();
            let first = parts.next().unwrap_or_default();
            let (class, word) = match parts.next() {
                None => (AbbrevClass::End, first),
                Some(word) => {
                    let class = match first {
                        "title" => AbbrevClass::Title,
                        "never" => AbbrevClass::Never,
                        "number" => AbbrevClass::Number,
                        "end" => AbbrevClass::End,
                        other => {
                            return Err(DataError::at_line(
                                n + 1,
                                format!("unknown abbreviation class {other:?} (title, never, number, end)"),
                            ))
                        }
                    };
                    if parts.next().is_some() {
                        return Err(DataError::at_line(n + 1, "expected `CLASS word`"));
                    }
                    (class, word)
                }
            };
            let word = word.trim_end_matches('.').to_lowercase();
            if word.is_empty() {
                return Err(DataError::at_line(n + 1, "empty abbreviation"));
            }
            self.abbrevs.insert(word, class);
        }
        Ok(())
    }

    /// The class of `word` (without its final period), if it is a known abbreviation.
    pub fn abbreviation(&self, word: &str) -> Option<AbbrevClass> {
        if word.len() > 12 {
            return None;
        }
        if word.bytes().all(|b| !b.is_ascii_uppercase()) {
            return self.abbrevs.get(word).copied();
        }
        self.abbrevs.get(&word.to_lowercase()).copied()
    }

    /// Splits `text` into segments. Never panics; linear in the input length.
    pub fn segment<'a>(&self, text: &'a str) -> Vec<Segment<'a>> {
        let mut out = Vec::with_capacity(text.len() / 120 + 1);
        let body_start = if text.starts_with('\u{feff}') { 3 } else { 0 };
        for unit in layout_units(text, body_start) {
            self.split_unit(text, unit, &mut out);
        }
        // a large input keeps its segments until the end of the run: no slack
        if out.capacity() > out.len() + out.len() / 4 + 64 {
            out.shrink_to_fit();
        }
        out
    }

    fn split_unit<'a>(&self, text: &'a str, unit: Unit, out: &mut Vec<Segment<'a>>) {
        let bytes = text.as_bytes();
        let (us, ue) = (unit.start, unit.end);
        let mut cuts: Vec<usize> = Vec::new();
        let list = ListMarker::at(&text[us..ue]);
        let mut sent_start = us;
        let mut i = us;
        // outside lists only `.` `!` `?` and `…` (E2 …) matter: jump to the next one
        let e2_from = |i: usize| memchr::memchr(0xE2, &bytes[i..ue]).map_or(ue, |p| i + p);
        let mut next_e2 = e2_from(us);
        while i < ue {
            if list.is_none() {
                if next_e2 < i {
                    next_e2 = e2_from(i);
                }
                i = memchr::memchr3(b'.', b'!', b'?', &bytes[i..next_e2]).map_or(next_e2, |p| i + p);
                if i >= ue {
                    break;
                }
            }
            let b = bytes[i];
            match b {
                b'.' | b'!' | b'?' => {
                    let (next, cut) =
                        if b == b'.' { self.period(text, i, ue, sent_start) } else { question_or_bang(text, i, ue) };
                    if let Some(c) = cut {
                        cuts.push(c);
                        sent_start = skip_space(bytes, c, ue);
                    }
                    i = next.max(i + 1);
                }
                0xE2 if text[i..].starts_with('…') => {
                    let attached = i > 0 && !is_space_before(text, i);
                    let after = skip_closers(text, i + 3, ue);
                    if attached && after < ue && is_space_at(text, after) {
                        let next = NextWord::at(text, after, ue);
                        if next.upper && next.opener && !next.pronoun_i {
                            cuts.push(after);
                            sent_start = skip_space(bytes, after, ue);
                        }
                    }
                    i += 3;
                }
                b' ' | b'\t' | b'\n' | b'\r' => {
                    if let Some(m) = &list {
                        let j = skip_space(bytes, i, ue);
                        if j > i && j < ue && j > sent_start && m.next_at(&text[j..ue], &text[sent_start..j]) {
                            cuts.push(j);
                            sent_start = j;
                        }
                        i = j.max(i + 1);
                    } else {
                        i += 1;
                    }
                }
                _ => i += 1,
            }
        }
        cuts.push(ue);
        // a heading is one segment; a short line holding two sentences is text
        let layout = if unit.layout == Layout::Heading && cuts.len() > 1 { Layout::Text } else { unit.layout };
        let mut prev = us;
        let mut first = unit.paragraph_start;
        for c in cuts {
            if c <= prev {
                continue;
            }
            if let Some((s, e)) = trim_span(text, prev, c) {
                out.push(Segment {
                    start: s,
                    end: e,
                    text: &text[s..e],
                    paragraph: unit.paragraph,
                    layout,
                    paragraph_start: first,
                });
                first = false;
            }
            prev = c;
        }
    }

    /// Decides a `.` at `i`. Returns where to resume scanning and the cut, if any.
    fn period(&self, text: &str, i: usize, ue: usize, sent_start: usize) -> (usize, Option<usize>) {
        let bytes = text.as_bytes();
        // The run of dots, possibly spaced (". . .").
        let mut j = i;
        let mut dots = 0;
        let mut spaced = false;
        while j < ue {
            if bytes[j] == b'.' {
                dots += 1;
                j += 1;
            } else if bytes[j] == b' ' && j + 1 < ue && bytes[j + 1] == b'.' {
                spaced = true;
                j += 1;
            } else {
                break;
            }
        }
        let attached = i > 0 && !is_space_before(text, i);
        let after = skip_closers(text, j, ue);
        if after >= ue {
            return (ue, None); // end of unit: cut there anyway
        }
        if glued_quotation(text, j, after, ue) {
            return (after, Some(after));
        }
        if !is_space_at(text, after) {
            return (j, None); // U.S.A, example.com, 3.14, mean...see
        }
        let next = NextWord::at(text, after, ue);
        if dots >= 4 || (dots >= 3 && attached && spaced && bytes.get(i + 1) == Some(&b' ')) {
            // "that.... She" / "period . . . . Next" / "compounds. . . . The"
            if !next.upper {
                return (j, None);
            }
            if attached && spaced && bytes.get(i + 1) == Some(&b' ') {
                return (j, Some(i + 1));
            }
            return (j, Some(after));
        }
        if dots == 3 || text[..i].ends_with('…') {
            // an ellipsis does not end a sentence, unless it is glued to the
            // word and a usual opener follows: "on transfers... The stakes"
            let cut = dots == 3 && !spaced && attached && next.upper && next.opener && !next.pronoun_i;
            return (j, cut.then_some(after));
        }
        if next.lower || next.first.is_none() {
            return (j, None);
        }
        let word = word_before(text, i, sent_start);
        if word.is_empty() {
            return (j, Some(after));
        }
        let at_sentence_start = word_start(text, i) <= first_word_end(text, sent_start, i);
        if at_sentence_start && is_list_label(word) {
            return (j, None);
        }
        // A capital alone is an initial even where the table holds the lowercase
        // letter (`Carla P. Urrutia`, not `p. 55`), and so is one after a slash
        // in a credit (`Agency/L. Moreau`).
        let initial = is_initial(word.rsplit('/').next().unwrap_or(word), text, i);
        let class = if initial { None } else { self.abbreviation(word).or_else(|| implicit_class(word)) };
        let cut = match class {
            Some(AbbrevClass::Title | AbbrevClass::Never) => false,
            Some(AbbrevClass::Number) => !next.digit,
            Some(AbbrevClass::End) => {
                // times end sentences before any capital: "ended at 10:30 a.m. Participants …"
                let time = word.eq_ignore_ascii_case("a.m") || word.eq_ignore_ascii_case("p.m");
                (next.opener || time && next.upper) && !prepositional_fragment(&text[sent_start..i])
            }
            None => {
                if initial {
                    // "Jonas E. Smith", but "H. E. Mr. X" and "H. E. Ambassador X":
                    // an initial before a title or an honorific stays
                    let bare = next.word.trim_end_matches(|c: char| !c.is_alphanumeric());
                    let title = self.abbreviation(next.word.trim_end_matches('.')) == Some(AbbrevClass::Title)
                        || crate::lexicon::HONORIFICS.contains_key(crate::text::folded(bare).as_ref());
                    next.opener && !title
                } else {
                    true
                }
            }
        };
        (j, cut.then_some(after))
    }
}

/// `!` and `?` (runs such as `?!`), with closing quotes after them.
fn question_or_bang(text: &str, i: usize, ue: usize) -> (usize, Option<usize>) {
    let bytes = text.as_bytes();
    let mut j = i;
    while j < ue && matches!(bytes[j], b'!' | b'?') {
        j += 1;
    }
    let after = skip_closers(text, j, ue);
    if after < ue && glued_quotation(text, j, after, ue) {
        return (after, Some(after));
    }
    if after >= ue || !is_space_at(text, after) {
        return (j, None);
    }
    let next = NextWord::at(text, after, ue);
    if next.lower || next.first.is_none() {
        (j, None)
    } else {
        (j, Some(after))
    }
}

/// Abbreviation-like shapes that are not in the table: `U.S.A`, `a.m`, `p`.
fn implicit_class(word: &str) -> Option<AbbrevClass> {
    let b = word.as_bytes();
    // letters separated by dots: U.S.A, e.g, N.A.T.O
    if b.len() >= 3 && b.len() % 2 == 1 {
        let ok = b.iter().enumerate().all(|(k, &c)| if k % 2 == 0 { c.is_ascii_alphabetic() } else { c == b'.' });
        if ok {
            return Some(AbbrevClass::End);
        }
    }
    if b.len() == 1 && b[0].is_ascii_lowercase() {
        return Some(AbbrevClass::End);
    }
    None
}

/// A single capital letter used as an initial (`Jonas E. Smith`), not the pronoun `I`.
fn is_initial(word: &str, text: &str, i: usize) -> bool {
    let mut chars = word.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return false;
    };
    if !c.is_uppercase() {
        return false;
    }
    if c == 'I' {
        // "you and I." is the pronoun; "Albert I. Jones" an initial.
        let before = text[window_start(text, i - 1)..i - 1].trim_end();
        let prev = before.rsplit(|ch: char| ch.is_whitespace()).next().unwrap_or("");
        return prev.chars().next().is_some_and(|p| p.is_uppercase());
    }
    true
}

/// `1`, `12`, `a`, `iv`: labels of numbered or lettered list items.
fn is_list_label(word: &str) -> bool {
    let w = word.trim_start_matches(['•', '⁃', '-', '*', '–', '(']);
    if w.is_empty() || w.len() > 4 {
        return false;
    }
    w.bytes().all(|b| b.is_ascii_digit())
        || (w.len() == 1 && w.bytes().all(|b| b.is_ascii_alphabetic()))
        || w.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'))
}

/// "At 5 a.m." — a short prepositional phrase cannot be a sentence on its own.
fn prepositional_fragment(frag: &str) -> bool {
    let mut words = frag.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let n = 1 + words.take(4).count();
    const PREP: [&str; 14] = [
        "at", "in", "on", "by", "from", "until", "till", "after", "before", "since", "around", "about", "by", "during",
    ];
    n <= 4 && PREP.iter().any(|p| first.eq_ignore_ascii_case(p))
}

/// The word that a usual sentence starts with: pronouns, determiners,
/// conjunctions, wh-words, common adverbs, and honorifics.
fn is_opener(word: &str) -> bool {
    const OPENERS: &[&str] = &[
        "a",
        "after",
        "also",
        "although",
        "an",
        "and",
        "another",
        "as",
        "at",
        "because",
        "before",
        "both",
        "but",
        "by",
        "during",
        "each",
        "every",
        "finally",
        "first",
        "for",
        "from",
        "furthermore",
        "he",
        "her",
        "here",
        "his",
        "how",
        "however",
        "i",
        "if",
        "in",
        "it",
        "its",
        "many",
        "meanwhile",
        "moreover",
        "most",
        "my",
        "nevertheless",
        "no",
        "not",
        "now",
        "on",
        "one",
        "or",
        "our",
        "second",
        "she",
        "since",
        "so",
        "some",
        "such",
        "that",
        "the",
        "their",
        "then",
        "there",
        "these",
        "they",
        "third",
        "this",
        "those",
        "though",
        "thus",
        "to",
        "today",
        "we",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "why",
        "with",
        "yet",
        "you",
        "your",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "professor",
        "ambassador",
        "minister",
        "according",
        "therefore",
        "additionally",
        "similarly",
        "instead",
        "still",
        "yesterday",
        "tomorrow",
        "let",
        "please",
        "did",
        "do",
        "does",
        "is",
        "are",
        "was",
        "were",
        "can",
        "will",
        "would",
        "should",
        "could",
        "has",
        "have",
        "had",
    ];
    let w = word.trim_end_matches(['.', ',', ';', ':', '!', '?']);
    if w.len() > 12 {
        return false;
    }
    let lw = w.to_ascii_lowercase();
    OPENERS.contains(&lw.as_str())
}

/// Facts about the word after a candidate boundary.
struct NextWord<'a> {
    first: Option<char>,
    upper: bool,
    lower: bool,
    digit: bool,
    /// A usual sentence opener (see [`is_opener`]).
    opener: bool,
    /// The word itself (up to [`LOOK`] bytes).
    word: &'a str,
    /// The pronoun `I`.
    pronoun_i: bool,
}

impl<'a> NextWord<'a> {
    fn at(text: &'a str, from: usize, ue: usize) -> NextWord<'a> {
        let rest = text[from..ue].trim_start();
        let rest = rest.trim_start_matches(['"', '\'', '(', '[', '‘', '“', '«', '*']);
        let first = rest.chars().next();
        let word_end = rest
            .char_indices()
            .take(LOOK)
            .find(|&(_, c)| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '!' | '?' | ')' | '’' | '”'))
            .map_or_else(|| rest.char_indices().nth(LOOK).map_or(rest.len(), |(k, _)| k), |(k, _)| k);
        let word = &rest[..word_end];
        NextWord {
            first,
            upper: first.is_some_and(|c| c.is_uppercase()),
            lower: first.is_some_and(|c| c.is_lowercase()),
            digit: first.is_some_and(|c| c.is_ascii_digit()),
            opener: is_opener(word),
            word,
            pronoun_i: word == "I" || word.starts_with("I’") || word.starts_with("I'"),
        }
    }
}

/// The token before the `.` at `i`, without leading opening brackets or quotes.
fn word_before(text: &str, i: usize, floor: usize) -> &str {
    let ws = word_start(text, i).max(floor);
    text[ws..i].trim_start_matches(['(', '[', '"', '\'', '‘', '“', '«'])
}

/// Start of the word ending at `i`, looking back at most [`LOOK`] bytes (a
/// longer "word" is no abbreviation), which keeps the scan linear.
fn word_start(text: &str, i: usize) -> usize {
    let w = window_start(text, i);
    text[w..i]
        .rfind(|c: char| c.is_whitespace())
        .map(|p| w + p + text[w + p..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(w)
}

/// How far the rules look around a candidate boundary, in bytes.
const LOOK: usize = 64;

fn window_start(text: &str, i: usize) -> usize {
    let mut w = i.saturating_sub(LOOK);
    while !text.is_char_boundary(w) {
        w += 1;
    }
    w
}

/// End of the first word of the sentence starting at `s` (bullets skipped).
fn first_word_end(text: &str, s: usize, limit: usize) -> usize {
    let t = &text[s..limit];
    let lead = t.len() - t.trim_start_matches(['•', '⁃', '-', '*', '–', ' ', '\t']).len();
    let rest = &t[lead..];
    let end = rest.char_indices().take(LOOK).find(|(_, c)| c.is_whitespace()).map(|(k, _)| k);
    s + lead + end.unwrap_or_else(|| rest.char_indices().nth(LOOK).map_or(rest.len(), |(k, _)| k))
}

fn is_space_at(text: &str, i: usize) -> bool {
    text[i..].chars().next().is_some_and(char::is_whitespace)
}

fn is_space_before(text: &str, i: usize) -> bool {
    text[..i].chars().next_back().is_some_and(char::is_whitespace)
}

fn skip_space(bytes: &[u8], mut i: usize, ue: usize) -> usize {
    while i < ue && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// Skips closing quotes and brackets after terminal punctuation.
fn skip_closers(text: &str, mut j: usize, ue: usize) -> usize {
    while j < ue {
        match text[j..].chars().next() {
            Some(c @ ('"' | '\'' | ')' | ']' | '’' | '”' | '»' | '›' | '*')) => j += c.len_utf8(),
            _ => break,
        }
    }
    j
}

/// `… a major vulnerability.”“Malware …`: after the punctuation at `j` a
/// quotation closes and, with no space between, the next opens on a capital.
fn glued_quotation(text: &str, j: usize, after: usize, ue: usize) -> bool {
    if after == j || !text[j..after].contains(['”', '’', '»']) {
        return false;
    }
    let mut next = text[after..ue].chars();
    matches!(next.next(), Some('“' | '‘' | '«')) && next.next().is_some_and(char::is_uppercase)
}

/// The span `[s, e)` without surrounding whitespace, or None if it is blank.
fn trim_span(text: &str, s: usize, e: usize) -> Option<(usize, usize)> {
    let t = &text[s..e];
    let lead = t.len() - t.trim_start().len();
    let trimmed = t.trim();
    if trimmed.is_empty() {
        None
    } else {
        Some((s + lead, s + lead + trimmed.len()))
    }
}

/// A list marker at the start of a unit, used to find the next items inline
/// (`1) The first item 2) The second item`).
struct ListMarker {
    bullet: Option<char>,
    label: Option<Label>,
    suffix: &'static str,
}

#[derive(Clone, Copy)]
enum Label {
    Number,
    Letter,
}

impl ListMarker {
    fn at(unit: &str) -> Option<ListMarker> {
        let mut rest = unit;
        let mut bullet = None;
        if let Some(c) = rest.chars().next() {
            if matches!(c, '•' | '⁃' | '▪' | '◦' | '‣') {
                bullet = Some(c);
                rest = rest[c.len_utf8()..].trim_start();
            }
        }
        let parsed = parse_label_value(rest);
        match (bullet, parsed) {
            (_, Some((label, _, suffix))) => Some(ListMarker { bullet, label: Some(label), suffix }),
            (Some(_), None) => Some(ListMarker { bullet, label: None, suffix: "" }),
            (None, None) => None,
        }
    }

    /// Does the next item's marker start `rest`? `cur` is the current item.
    fn next_at(&self, rest: &str, cur: &str) -> bool {
        let mut r = rest;
        if let Some(b) = self.bullet {
            match r.strip_prefix(b) {
                Some(x) => r = x.trim_start(),
                None => return false,
            }
            if self.label.is_none() {
                return true;
            }
        }
        let Some(kind) = self.label else { return false };
        let Some((label, value, suffix)) = parse_label_value(r) else {
            return false;
        };
        if suffix != self.suffix
            || !matches!((label, kind), (Label::Number, Label::Number) | (Label::Letter, Label::Letter))
        {
            return false;
        }
        // The current item must carry the preceding value.
        let cur = cur.trim_start_matches(['•', '⁃', '▪', '◦', '‣', ' ']);
        match parse_label_value(cur) {
            Some((_, v, _)) => v + 1 == value,
            None => false,
        }
    }
}

/// `12.)`, `12)`, `12.`, `a)`, `a.` followed by whitespace.
fn parse_label_value(s: &str) -> Option<(Label, u32, &'static str)> {
    let b = s.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let (label, value, n) = if digits > 0 && digits <= 3 {
        (Label::Number, s[..digits].parse().ok()?, digits)
    } else if !b.is_empty() && b[0].is_ascii_lowercase() {
        (Label::Letter, (b[0] - b'a') as u32, 1)
    } else {
        return None;
    };
    let rest = &s[n..];
    let suffix = if rest.starts_with(".)") {
        ".)"
    } else if rest.starts_with(')') {
        ")"
    } else if rest.starts_with('.') {
        "."
    } else {
        return None;
    };
    let after = &rest[suffix.len()..];
    if !after.starts_with(char::is_whitespace) {
        return None;
    }
    Some((label, value, suffix))
}

/// A layout unit: a byte range inside which line breaks are soft.
#[derive(Debug, Clone, Copy)]
struct Unit {
    start: usize,
    end: usize,
    paragraph: usize,
    paragraph_start: bool,
    layout: Layout,
}

/// A physical line: `[start, end)` without its line terminator.
#[derive(Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
}

fn lines(text: &str, from: usize) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut s = from;
    let mut i = from;
    while let Some(p) = memchr::memchr2(b'\n', b'\r', &bytes[i..]) {
        i += p;
        out.push(Line { start: s, end: i });
        i += if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
        s = i;
    }
    if s < bytes.len() {
        out.push(Line { start: s, end: bytes.len() });
    }
    out
}

/// A non-blank line of a block: its trimmed span, its width in characters,
/// and whether it joins the next line (see [`block_units`]).
#[derive(Clone, Copy)]
struct BlockLine {
    start: usize,
    end: usize,
    width: usize,
    wraps: bool,
}

/// Groups lines into blocks (at blank lines) and blocks into units.
fn layout_units(text: &str, from: usize) -> Vec<Unit> {
    let all = lines(text, from);
    let mut units = Vec::new();
    let mut paragraph = 0;
    let mut block: Vec<BlockLine> = Vec::new(); // reused from block to block
    let flush = |block: &mut Vec<BlockLine>, units: &mut Vec<Unit>, paragraph: &mut usize| {
        if block.is_empty() {
            return;
        }
        block_units(text, block, *paragraph, units);
        *paragraph += 1;
        block.clear();
    };
    let spans: Vec<Option<(usize, usize)>> = all.iter().map(|l| trim_span(text, l.start, l.end)).collect();
    // the first non-blank line after each line, found once (a run of blank
    // lines must not be scanned again at each of its lines)
    let mut next_line = vec![None; spans.len()];
    for k in (0..spans.len().saturating_sub(1)).rev() {
        next_line[k] = spans[k + 1].or(next_line[k + 1]);
    }
    for (k, span) in spans.iter().enumerate() {
        match *span {
            Some((start, end)) => {
                block.push(BlockLine { start, end, width: text[start..end].chars().count(), wraps: false })
            }
            None => {
                let last = block.last().map(|l| &text[l.start..l.end]);
                let next = next_line[k].map(|(s, e)| &text[s..e]);
                if !matches!((last, next), (Some(a), Some(b)) if broken_by_blank_line(a, b)) {
                    flush(&mut block, &mut units, &mut paragraph);
                }
            }
        }
    }
    flush(&mut block, &mut units, &mut paragraph);
    units
}

/// Words the line before a stray blank line must hold to be a cut sentence
/// rather than a fragment of its own (a word, a label).
const BROKEN_LINE_WORDS: usize = 3;

/// A sentence cut by a stray blank line (`… she said that the` / blank /
/// `impact of the drought …`): the line before stops on a word or a comma,
/// never a stop, and the line after goes on in lowercase. Such a blank line
/// is no paragraph break.
fn broken_by_blank_line(a: &str, b: &str) -> bool {
    a.split_whitespace().nth(BROKEN_LINE_WORDS - 1).is_some()
        && a.chars().next_back().is_some_and(|c| c.is_lowercase() || c == ',')
        && starts_lowercase(b)
        && !starts_with_list_marker(a)
        && !starts_with_list_marker(b)
}

fn block_units(text: &str, block: &mut [BlockLine], paragraph: usize, units: &mut Vec<Unit>) {
    let n = block.len();
    let line = |l: &BlockLine| &text[l.start..l.end];
    let widest = block.iter().map(|l| l.width).max().unwrap_or(0);
    // Decided from the last line up: whether line k joins line k + 1, and
    // whether a sentence running on line k ends in the block (`reaches_end`).
    let mut reaches_end = n > 1 && ends_sentence(line(&block[n - 1]));
    for k in (0..n - 1).rev() {
        let (a, b) = (block[k], block[k + 1]);
        let full = wrapped_width(a.width, widest, n);
        let shape = Shape { full, opens_block: k == 0, next_reaches_end: reaches_end };
        let wraps = joins(line(&a), line(&b), shape);
        block[k].wraps = wraps;
        // A sentence ending on a short line that another line follows was not
        // wrapped onto it: wrapped prose would have filled the line.
        reaches_end = if ends_sentence(line(&a)) { full } else { wraps && reaches_end };
    }
    let mut start = block[0].start;
    let mut nlines = 1;
    let mut first = true;
    let push = |units: &mut Vec<Unit>, start: usize, end: usize, nlines: usize, first: bool| {
        let t = &text[start..end];
        let layout = if starts_with_list_marker(t) {
            Layout::Item
        } else if nlines == 1 && !ends_terminal(t) && t.split_whitespace().take(17).count() <= 16 {
            Layout::Heading
        } else {
            Layout::Text
        };
        units.push(Unit { start, end, paragraph, paragraph_start: first, layout });
    };
    for k in 0..n - 1 {
        if block[k].wraps {
            nlines += 1;
        } else {
            push(units, start, block[k].end, nlines, first);
            first = false;
            start = block[k + 1].start;
            nlines = 1;
        }
    }
    push(units, start, block[n - 1].end, nlines, first);
}

/// What [`joins`] knows of the block around a line break.
#[derive(Clone, Copy)]
struct Shape {
    /// The first line is nearly as wide as the block's widest (see [`wrapped_width`]).
    full: bool,
    /// The break follows the block's first line.
    opens_block: bool,
    /// A sentence carried onto the next line would end inside the block:
    /// that line ends one, or wraps on into lines that do.
    next_reaches_end: bool,
}

/// Is the break between lines `a` and `b` a hard wrap inside one unit?
///
/// A break is soft when `a` cannot end there: it ends with a comma, a dash or
/// a connector, or `b` goes on in lowercase. Before a capital it is soft only
/// in the shape of hard-wrapped prose: `a` nearly as wide as the block's
/// widest line, and the sentence it carries ending on a later line of the
/// block. A stack of lines that never reaches a full stop — an address, a
/// roster, link captions, a label and its value — is not prose, whatever the
/// widths.
fn joins(a: &str, b: &str, shape: Shape) -> bool {
    if starts_with_list_marker(b) {
        return false;
    }
    let prose_wrap = || shape.next_reaches_end && shape.full;
    if starts_with_list_marker(a) && !ends_sentence(a) && !starts_lowercase(b) {
        // a list item is followed by something else
        return prose_wrap();
    }
    if ends_sentence(a) {
        // a short line ending in a stop ends there (`Ltd.`, `hrs.`); after a
        // full line the punctuation pass decides
        return !starts_uppercase(b) || shape.full;
    }
    if bracket_remnant_opens(b) {
        return false;
    }
    if starts_lowercase(b) {
        return true;
    }
    if a.ends_with([',', '-', '–', '—', '(', '/', '&']) {
        return true;
    }
    let last = a.rsplit(char::is_whitespace).next().unwrap_or("");
    const CONNECTORS: [&str; 24] = [
        "and", "or", "the", "of", "to", "a", "an", "in", "on", "at", "for", "with", "by", "from", "that", "as", "is",
        "are", "was", "were", "but", "which", "who", "its",
    ];
    if CONNECTORS.contains(&last) {
        return true;
    }
    if shape.opens_block && heading_like(a) {
        return false;
    }
    prose_wrap()
}

fn starts_lowercase(b: &str) -> bool {
    b.chars().next().is_some_and(char::is_lowercase)
}

fn starts_uppercase(b: &str) -> bool {
    b.chars().next().is_some_and(char::is_uppercase)
}

/// `[link] The Council …`: a bracketed remnant of a link or image at the
/// start of a line, followed by a capital or nothing, opens a sentence.
fn bracket_remnant_opens(b: &str) -> bool {
    let Some(inner) = b.strip_prefix('[') else {
        return false;
    };
    let Some(close) = inner.char_indices().take(LOOK).find(|&(_, c)| c == ']').map(|(k, _)| k) else {
        return false;
    };
    inner[close + 1..].trim_start().chars().next().is_none_or(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Lines of a hard-wrapped paragraph are nearly as wide as its widest line.
fn wrapped_width(w: usize, widest: usize, nlines: usize) -> bool {
    nlines >= 2 && (40..=120).contains(&widest) && w * 10 >= widest * 7
}

/// Title Case, ALL CAPS, markdown heading or emphasis.
fn heading_like(a: &str) -> bool {
    if a.starts_with('#') || (a.starts_with("**") && a.ends_with("**")) {
        return true;
    }
    let words: Vec<&str> = a.split_whitespace().collect();
    if words.len() > 12 {
        return false;
    }
    let content: Vec<&&str> =
        words.iter().filter(|w| w.chars().next().is_some_and(char::is_alphabetic) && w.chars().count() > 3).collect();
    !content.is_empty() && content.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

fn ends_terminal(t: &str) -> bool {
    let t = t.trim_end_matches(CLOSERS);
    t.ends_with(['.', '!', '?', '…', ';', ':'])
}

/// Ends with `.` `!` `?` or `…` (closing quotes and brackets aside): a colon or
/// semicolon at a line end is followed by a value, a list or a quotation.
fn ends_sentence(t: &str) -> bool {
    t.trim_end_matches(CLOSERS).ends_with(['.', '!', '?', '…'])
}

const CLOSERS: [char; 8] = ['"', '\'', ')', ']', '’', '”', '»', '*'];

/// Byte length of what precedes a segment's first word: a list marker
/// (`1. `, `a) `, `• `) and leading punctuation (quotes, ellipsis dots).
pub fn content_start(s: &str) -> usize {
    let skip_punct = |from: usize| -> usize {
        s[from..].char_indices().find(|(_, c)| c.is_alphanumeric()).map_or(s.len(), |(k, _)| from + k)
    };
    let mut i = skip_punct(0);
    if let Some((_, _, suffix)) = parse_label_value(&s[i..]) {
        let digits = s[i..].bytes().take_while(u8::is_ascii_alphanumeric).count();
        if digits <= 3 {
            i = skip_punct(i + digits + suffix.len());
        }
    } else if s[i..].starts_with(['I', 'V', 'X']) {
        // roman numerals: "IV. Conclusions"
        let n = s[i..].bytes().take_while(|b| matches!(b, b'I' | b'V' | b'X')).count();
        if s[i + n..].starts_with(". ") || s[i + n..].starts_with(") ") {
            i = skip_punct(i + n + 1);
        }
    }
    i
}

/// `• `, `- `, `* `, `1. `, `1) `, `a) ` at the start of a line.
pub(crate) fn starts_with_list_marker(t: &str) -> bool {
    let mut chars = t.chars();
    match chars.next() {
        Some('•' | '⁃' | '▪' | '◦' | '‣' | '●' | '○' | '■' | '□' | '➢' | '►') => true,
        Some('-' | '*' | '–' | '—') => chars.next().is_some_and(char::is_whitespace),
        Some(c) if c.is_ascii_digit() || c.is_ascii_lowercase() => match parse_label_value(t) {
            // "a. " needs care: only letters a-z with ")" or "." count, numbers always
            Some((Label::Number, _, _)) => true,
            Some((Label::Letter, _, s)) => s != "." || t.len() > 3,
            None => false,
        },
        Some('(') => {
            let inner = &t[1..];
            let n = inner.bytes().take_while(|b| b.is_ascii_alphanumeric()).count();
            n > 0 && n <= 3 && inner[n..].starts_with(") ")
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        Segmenter::default().segment(text).into_iter().map(|s| s.text).collect()
    }

    /// (name, input, expected sentences)
    const CASES: &[(&str, &str, &[&str])] = &[
        ("simple", "Hello World. My name is Jonas.", &["Hello World.", "My name is Jonas."]),
        ("honorific with period", "Mr. Smith went to Washington. He left.", &["Mr. Smith went to Washington.", "He left."]),
        ("H.E. before name", "H.E. Mr. Omar Haddad (Minister) opened the session. He spoke.", &["H.E. Mr. Omar Haddad (Minister) opened the session.", "He spoke."]),
        ("H. E. spaced", "H. E. Ms. Lena Varga spoke. She left.", &["H. E. Ms. Lena Varga spoke.", "She left."]),
        ("H.E without final period", "H.E Omar Haddad spoke. He left.", &["H.E Omar Haddad spoke.", "He left."]),
        ("military rank", "Maj. Gen. (R) Ali Khan said so. He left.", &["Maj. Gen. (R) Ali Khan said so.", "He left."]),
        ("Amb. and Prof.", "Amb. Varga thanked Prof. Haddad. Dr. Tan agreed.", &["Amb. Varga thanked Prof. Haddad.", "Dr. Tan agreed."]),
        ("U.N. before noun", "The U.N. Secretary-General spoke. Nobody left.", &["The U.N. Secretary-General spoke.", "Nobody left."]),
        ("U.N. at end", "She praised the U.N. The audience agreed.", &["She praised the U.N.", "The audience agreed."]),
        ("e.g. and i.e.", "Tools, e.g. Firewalls, i.e. Filters, help. Yes.", &["Tools, e.g. Firewalls, i.e. Filters, help.", "Yes."]),
        ("etc. at end", "Laws, norms, etc. They all matter.", &["Laws, norms, etc.", "They all matter."]),
        ("No. before number", "See resolution No. 5 adopted. Fine.", &["See resolution No. 5 adopted.", "Fine."]),
        ("et al.", "Smith et al. wrote it. Then they left.", &["Smith et al. wrote it.", "Then they left."]),
        ("vs.", "Privacy vs. Security was debated. Done.", &["Privacy vs. Security was debated.", "Done."]),
        ("St. before name", "St. Kitts spoke. It agreed.", &["St. Kitts spoke.", "It agreed."]),
        ("initials", "Jane K. Doe spoke. She left.", &["Jane K. Doe spoke.", "She left."]),
        ("Spanish honorific abbreviation", "Then Lic. Rosa Ortega Pinto read a telegram. It was short.", &["Then Lic. Rosa Ortega Pinto read a telegram.", "It was short."]),
        ("assistant before a title", "Asst. Dean of Students Mara Holt praised the fair. It ended.", &["Asst. Dean of Students Mara Holt praised the fair.", "It ended."]),
        ("spaced initials before an honorific", "Omar Haddad, H. E. Ambassador of Norland, spoke.", &["Omar Haddad, H. E. Ambassador of Norland, spoke."]),
        ("counter-case: an initial before an opener", "The plan came from Jane K. Then it failed.", &["The plan came from Jane K.", "Then it failed."]),
        ("decimal", "Growth was 3.5 per cent. It rose.", &["Growth was 3.5 per cent.", "It rose."]),
        ("url", "See https://example.org/a.b. Then go.", &["See https://example.org/a.b.", "Then go."]),
        ("email", "Write to info@example.org. We answer.", &["Write to info@example.org.", "We answer."]),
        ("curly quote after stop", "She said ‘We must act.’ He agreed.", &["She said ‘We must act.’", "He agreed."]),
        ("double curly quote", "“We must act,” said Varga. “Now.”", &["“We must act,” said Varga.", "“Now.”"]),
        ("quote then lowercase", "‘We must act.’ said Varga.", &["‘We must act.’ said Varga."]),
        ("question", "How can we act? She asked.", &["How can we act?", "She asked."]),
        ("parenthesised sentence", "He spoke (and she did too.) at length.", &["He spoke (and she did too.) at length."]),
        ("unterminated end", "She said that. And then the text was cut", &["She said that.", "And then the text was cut"]),
        ("title and date lines", "A Title Here\n\n13 Nov 2020 16:10h - 17:40h\n\nEvent report\n\nMs Varga spoke.", &["A Title Here", "13 Nov 2020 16:10h - 17:40h", "Event report", "Ms Varga spoke."]),
        ("heading without blank line", "Panel Two\nMs Varga spoke. She left.", &["Panel Two", "Ms Varga spoke.", "She left."]),
        ("markdown heading", "**Session 2**\nThe panel met.", &["**Session 2**", "The panel met."]),
        ("short line of two sentences", "See the site. Contact us", &["See the site.", "Contact us"]),
        ("bullets", "Priorities:\n• capacity building;\n• norms\n- trust", &["Priorities:", "• capacity building;", "• norms", "- trust"]),
        ("numbered", "1. First point\n2. Second point\na) sub", &["1. First point", "2. Second point", "a) sub"]),
        ("hard wrap lowercase", "Ms Varga said that the\nnorms matter. She left.", &["Ms Varga said that the\nnorms matter.", "She left."]),
        ("a stray blank line inside a sentence", "She noted that the\n\nimpact of drought is growing. It costs.", &["She noted that the\n\nimpact of drought is growing.", "It costs."]),
        ("a stray blank line after a comma", "In her view,\n\nthe norms matter.", &["In her view,\n\nthe norms matter."]),
        ("counter-case: one-word lines are paragraphs of their own", "a\n\nb\n\nc", &["a", "b", "c"]),
        ("counter-case: a blank line after a stop is a break", "The talks ended.\n\nmore talks are due.", &["The talks ended.", "more talks are due."]),
        ("counter-case: a blank line before a capital is a break", "Water and the city\n\nThe panel met.", &["Water and the city", "The panel met."]),
        ("counter-case: a list item after a blank line", "Priorities were the\n\n- norms", &["Priorities were the", "- norms"]),
        ("hard wrap capital", "Ms Lena Varga (Head of Policy, Northwind Foundation) said that\nCanada and Mexico have made a proposal about the issue.", &["Ms Lena Varga (Head of Policy, Northwind Foundation) said that\nCanada and Mexico have made a proposal about the issue."]),
        // page furniture: stacked lines that never reach a full stop are not prose
        ("label and value", "Event report/s:\nJane Doe", &["Event report/s:", "Jane Doe"]),
        ("label before a dated label", "Text Size:\nUpdated On: Tuesday, 22 January 2019", &["Text Size:", "Updated On: Tuesday, 22 January 2019"]),
        ("address", "Venue\nHarbour House, Quai des Brumes 12, Second Floor\nLisbon, Portugal", &["Venue", "Harbour House, Quai des Brumes 12, Second Floor", "Lisbon, Portugal"]),
        ("link captions", "Download the press release in PDF format\nView the photo gallery", &["Download the press release in PDF format", "View the photo gallery"]),
        ("roster of even lines", "Ana Ruiz – Chair of the Board of Governors\nLi Wei, Chair of the Council of Ministers\nTomas Berg, Rapporteur of the Working Group", &["Ana Ruiz – Chair of the Board of Governors", "Li Wei, Chair of the Council of Ministers", "Tomas Berg, Rapporteur of the Working Group"]),
        ("numbered paragraph then its list", "4. The session was chaired by Ms Varga, with delegates present, including:\nAna Ruiz, Tidal Data Trust\nLi Wei, Reef Network", &["4. The session was chaired by Ms Varga, with delegates present, including:", "Ana Ruiz, Tidal Data Trust", "Li Wei, Reef Network"]),
        ("link remnant opens a sentence", "The full statement of the Trust is available on its website\n[link] The workshop closed with a call for a shared register.", &["The full statement of the Trust is available on its website", "[link] The workshop closed with a call for a shared register."]),
        ("short lines ending in abbreviations", "Li Wei, Chair, Northwind Holdings Inc.\nAna Ruiz, Chair, Tidal Data Trust Ltd.", &["Li Wei, Chair, Northwind Holdings Inc.", "Ana Ruiz, Chair, Tidal Data Trust Ltd."]),
        ("colon before dated lines", "The hours of the accreditation desk during the whole of the session will be:\nMonday, from 08:00 to 18:00 hrs.\nTuesday, from 08:00 to 12:00 hrs.", &["The hours of the accreditation desk during the whole of the session will be:", "Monday, from 08:00 to 18:00 hrs.", "Tuesday, from 08:00 to 12:00 hrs."]),
        ("full line ending in an abbreviation", "The panel heard from the delegates of the smaller states and of the U.S.\nGovernment, which had sent a large team to the meeting in Lisbon.", &["The panel heard from the delegates of the smaller states and of the U.S.\nGovernment, which had sent a large team to the meeting in Lisbon."]),
        // counter-cases: hard-wrapped prose joins before a capital, a colon, a bracket
        ("wrap before a capital", "She argued that the best partner for a small island state is often\nNorway or Portugal, and that shared vessels save the most money of all.", &["She argued that the best partner for a small island state is often\nNorway or Portugal, and that shared vessels save the most money of all."]),
        ("wrap through even lines to a stop", "The delegates of the smaller island states then asked the Board\nFor a clear answer on vessels, on training and on the open data\nPortal that the Trust had promised them at the last session.", &["The delegates of the smaller island states then asked the Board\nFor a clear answer on vessels, on training and on the open data\nPortal that the Trust had promised them at the last session."]),
        ("wrap after a colon", "Looking ahead, she listed the three needs of her region for next year:\nTraining, shared vessels and open data portals for every island.", &["Looking ahead, she listed the three needs of her region for next year:\nTraining, shared vessels and open data portals for every island."]),
        ("bracket before lowercase", "Read the full report of the session on the website\n[link] for all the details of the debate.", &["Read the full report of the session on the website\n[link] for all the details of the debate."]),
        ("short line then prose", "Panel on island data\nThe delegates of the smaller island states asked the Board for an answer.", &["Panel on island data", "The delegates of the smaller island states asked the Board for an answer."]),
        // running text
        ("glued quotations", "He warned: “It was a major vulnerability.”“Malware and error travel together,” he said.", &["He warned: “It was a major vulnerability.”", "“Malware and error travel together,” he said."]),
        ("glued after a question", "“Why wait?”“Because we must,” she said.", &["“Why wait?”", "“Because we must,” she said."]),
        ("glued quotation going on in lowercase", "The motto “We act.”“not later” was printed. Fine.", &["The motto “We act.”“not later” was printed.", "Fine."]),
        ("initial after a slash", "Delegates on the tour. Photo: Harbour Press Agency/L. Moreau", &["Delegates on the tour.", "Photo: Harbour Press Agency/L. Moreau"]),
        ("letter after a slash before an opener", "They chose Plan A/B. Then the panel met.", &["They chose Plan A/B.", "Then the panel met."]),
        ("middle initial that is also a table letter", "Carla P. Urrutia spoke. She left.", &["Carla P. Urrutia spoke.", "She left."]),
        ("page before a number", "See p. 55 of the report. Then read on.", &["See p. 55 of the report.", "Then read on."]),
        ("crlf", "First one.\r\nSecond one.\r\n\r\nThird.", &["First one.", "Second one.", "Third."]),
        ("cr only", "First one.\rSecond one.\r\rThird.", &["First one.", "Second one.", "Third."]),
        ("nbsp", "Ms\u{a0}Varga spoke.\u{a0}She left.", &["Ms\u{a0}Varga spoke.", "She left."]),
        ("bom", "\u{feff}Hello there. Bye.", &["Hello there.", "Bye."]),
        ("a.m. inside", "At 10 a.m. the panel met. It ended at 12 p.m. Then lunch.", &["At 10 a.m. the panel met.", "It ended at 12 p.m.", "Then lunch."]),
        ("ellipsis", "We wait… and see. Fine.", &["We wait… and see.", "Fine."]),
        ("empty", "", &[]),
        ("whitespace", " \n\t \r\n", &[]),
    ];

    #[test]
    fn table() {
        let mut failed = Vec::new();
        for (name, input, expected) in CASES {
            let got = split(input);
            if got != *expected {
                failed.push(format!("{name}: got {got:?}, want {expected:?}"));
            }
        }
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }

    #[test]
    fn paragraphs_and_layout() {
        let segs = Segmenter::default().segment("Title\n\nOne. Two.\n\nThree.");
        let p: Vec<(usize, Layout, bool)> = segs.iter().map(|s| (s.paragraph, s.layout, s.paragraph_start)).collect();
        assert_eq!(
            p,
            [(0, Layout::Heading, true), (1, Layout::Text, true), (1, Layout::Text, false), (2, Layout::Text, true)]
        );
    }

    #[test]
    fn a_heading_is_one_segment() {
        let segs = Segmenter::default().segment("See the site. Contact us\n\nTitle");
        let l: Vec<Layout> = segs.iter().map(|s| s.layout).collect();
        assert_eq!(l, [Layout::Text, Layout::Text, Layout::Heading]);
    }

    #[test]
    fn user_abbreviations() {
        let mut s = Segmenter::default();
        assert_eq!(s.segment("Ask Cllr. Varga now.").len(), 2);
        s.add_abbreviations("title cllr\n").unwrap();
        assert_eq!(s.segment("Ask Cllr. Varga now.").len(), 1);
        assert!(s.add_abbreviations("bogus x\n").is_err());
    }
}
