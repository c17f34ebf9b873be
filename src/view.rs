//! A sentence read once: its tokens with their byte spans and — on first
//! use — their lexicon memberships and whether they can be a name part. The speaker and attribution rules ask the view
//! (`word(k)`, `is_cap(k)`, `is(k, Word::ReportingVerb)`) instead of
//! re-folding and re-hashing the same word wherever they look at it.
//!
//! One `View` is reused for every sentence of a document: [`View::read`]
//! refills its buffers without allocating once they have grown.

use std::cell::Cell;

use crate::lexicon::{self, Bits, Word};
use crate::text::{self, Folded, Kind, Tok};

/// Not yet looked up (no word is in every list).
const UNKNOWN: Bits = Bits::MAX;

/// The tokens of one sentence and what the rules ask about them.
#[derive(Debug, Default)]
pub struct View<'a> {
    src: &'a str,
    toks: Vec<Tok>,
    /// Per token: lexicon lists, or [`UNKNOWN`] until asked.
    bits: Vec<Cell<Bits>>,
    /// Per token: 0 not asked, 1 no, 2 yes ([`crate::speakers::is_name_word`]).
    name_word: Vec<Cell<u8>>,
}

impl<'a> View<'a> {
    /// An empty view of `src`.
    pub fn new(src: &'a str) -> Self {
        View { src, ..View::default() }
    }

    /// A view of tokens already made.
    pub fn of_tokens(src: &'a str, toks: &[Tok]) -> Self {
        let mut v = View::new(src);
        v.toks.extend_from_slice(toks);
        v.fill();
        v
    }

    /// Reads `src[start..end]` (absolute offsets), replacing the sentence before.
    pub fn read(&mut self, start: usize, end: usize) {
        self.toks.clear();
        text::tokenize_into(self.src, start, end, &mut self.toks);
        self.fill();
    }

    fn fill(&mut self) {
        let n = self.toks.len();
        self.bits.clear();
        self.bits.resize(n, Cell::new(UNKNOWN));
        self.name_word.clear();
        self.name_word.resize(n, Cell::new(0));
    }

    /// The whole input the tokens point into.
    #[inline]
    pub fn src(&self) -> &'a str {
        self.src
    }

    /// The tokens.
    #[inline]
    pub fn toks(&self) -> &[Tok] {
        &self.toks
    }

    /// Number of tokens.
    #[inline]
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// No tokens?
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// Token `k`'s text as in the input.
    #[inline]
    pub fn text(&self, k: usize) -> &'a str {
        self.toks[k].text(self.src)
    }

    /// Token `k` folded ([`text::folded`]), or `""` past the end.
    #[inline]
    pub fn word(&self, k: usize) -> Folded<'a> {
        self.toks.get(k).map_or(Folded::Borrowed(""), |t| text::folded(t.text(self.src)))
    }

    /// Is token `k` a word (not punctuation)?
    #[inline]
    pub fn is_word(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| t.kind == Kind::Word)
    }

    /// Does token `k` start with an uppercase letter?
    #[inline]
    pub fn is_cap(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| {
            let b = self.src.as_bytes()[t.start];
            if b < 0x80 {
                b.is_ascii_uppercase()
            } else {
                text::is_cap(t.text(self.src))
            }
        })
    }

    /// Does token `k` start with a lowercase letter?
    #[inline]
    pub fn is_lower(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| text::is_lower(t.text(self.src)))
    }

    /// Is token `k`, folded, in the list `list`?
    #[inline]
    pub fn is(&self, k: usize, list: Word) -> bool {
        self.bits_of(k) & lexicon::bit(list) != 0
    }

    /// The lists token `k` (folded) is in; none past the end.
    #[inline]
    fn bits_of(&self, k: usize) -> Bits {
        let Some(c) = self.bits.get(k) else { return 0 };
        let b = c.get();
        if b != UNKNOWN {
            return b;
        }
        let b = lexicon::bits(&self.word(k));
        c.set(b);
        b
    }

    /// Can token `k` be part of a person's name ([`crate::speakers::is_name_word`])?
    #[inline]
    pub fn is_name_word(&self, k: usize) -> bool {
        // a name part is capitalised: most tokens are not, and need no more look
        if !self.is_cap(k) {
            return false;
        }
        let Some(c) = self.name_word.get(k) else { return false };
        match c.get() {
            0 => {
                let yes = crate::speakers::is_name_word(self.text(k));
                c.set(1 + u8::from(yes));
                yes
            }
            v => v == 2,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Word;

    /// Every answer of the view equals the free function it stands for, on
    /// every token (and past the end), so rules read through the view decide
    /// as they did on `(src, toks)`.
    #[test]
    fn answers_as_the_free_functions() {
        // (name, sentence)
        let cases: &[(&str, &str)] = &[
            ("honorific, name, reporting verb", "Ms Lena Varga (Northwind) said that it was late."),
            ("possessive and curly apostrophe", "In Varga’s view, O’Brien’s plan also noted risks."),
            ("diacritics and all caps", "ŠIMIĆ and Öztürk of the UN, however, argued ÉTAT."),
            ("particles and glued particles", "Dr. Ana van der Berg and Mr al-Rashed spoke."),
            ("digits and punctuation only", "2030 — 11 ; ( ) “ ” 3.5"),
            ("lowercase words only", "the session was moderated by the chair"),
        ];
        for (name, s) in cases {
            let v = View::of_tokens(s, &text::tokenize(s, 0, s.len()));
            for k in 0..=v.len() {
                let t = v.toks().get(k).map_or("", |t| t.text(s));
                let here = k < v.len();
                assert_eq!(&*v.word(k), &*text::folded(t), "{name}: word {k}");
                assert_eq!(v.is_cap(k), here && text::is_cap(t), "{name}: is_cap {k}");
                assert_eq!(v.is_lower(k), here && text::is_lower(t), "{name}: is_lower {k}");
                assert_eq!(v.is_word(k), v.toks().get(k).is_some_and(|t| t.kind == Kind::Word), "{name}: is_word {k}");
                assert_eq!(v.is_name_word(k), here && crate::speakers::is_name_word(t), "{name}: is_name_word {k}");
                // twice: the second answer comes from the memo
                assert_eq!(v.is_name_word(k), here && crate::speakers::is_name_word(t), "{name}: memo {k}");
                let f = text::folded(t);
                assert_eq!(v.is(k, Word::ReportingVerb), here && lexicon::REPORTING_VERBS.contains(&*f), "{name}: {k}");
                assert_eq!(v.is(k, Word::Adverb), here && lexicon::ADVERBS.contains(&*f), "{name}: adverb {k}");
                assert_eq!(v.is(k, Word::TitleNoun), here && lexicon::TITLE_NOUNS.contains(&*f), "{name}: title {k}");
                assert_eq!(v.is(k, Word::Particle), here && lexicon::PARTICLES.contains(&*f), "{name}: particle {k}");
            }
        }
    }

    /// A view read again forgets the sentence before: no memo leaks across.
    #[test]
    fn reading_replaces_the_sentence() {
        let s = "Varga said so. the varga said so.";
        let mut v = View::new(s);
        v.read(0, 14);
        assert!(v.is_name_word(0) && v.is(1, Word::ReportingVerb));
        v.read(15, s.len());
        // (name, token, expected is_name_word)
        let cases: &[(&str, usize, bool)] =
            &[("lowercase article", 0, false), ("lowercase name-like word", 1, false), ("verb", 2, false)];
        for (name, k, want) in cases {
            assert_eq!(v.is_name_word(*k), *want, "{name}");
        }
        assert_eq!(v.len(), 5);
        assert!(v.is(2, Word::ReportingVerb));
    }
}
