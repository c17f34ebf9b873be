//! Look-ups of a speaker's name parts that stay cheap as the speaker table
//! grows: spelling variants (one or two letters off) and given-name short
//! forms. Both give exactly what a scan of every name part would give, in
//! the same order.
//!
//! A spelling variant must share the first letter and be within the edit
//! bound in length, and — since every letter the distance does not pay for is
//! matched by an equal letter of the other word — neither word may hold more
//! letters absent from the other than the bound. Each name part keeps a
//! 64-bit letter signature, so that test is two `popcount`s, and only the few
//! parts that pass it pay for [`edit_distance`].

use rustc_hash::FxHashMap as HashMap;

use crate::text::edit_distance;

/// A distinct name part in a first-letter bucket, with every speaker that
/// has it and when each was added.
#[derive(Debug)]
struct Part {
    key: Box<str>,
    chars: usize,
    letters: u64,
    /// (position in the order of adding, speaker)
    speakers: Vec<(usize, usize)>,
}

/// The letters of a word as bits (a letter's code modulo 64).
fn letters(w: &str) -> u64 {
    w.chars().fold(0, |m, c| m | 1u64 << (u32::from(c) % 64))
}

/// Can `a` and `b` be within `max` edits as far as their letters tell:
/// neither holds more letters absent from the other than `max` (each such
/// letter costs an edit). A cheap test before [`edit_distance`].
pub fn letters_allow(a: &str, b: &str, max: usize) -> bool {
    letter_sets_allow(letters(a), letters(b), max)
}

/// [`letters_allow`] on two words' letter sets.
fn letter_sets_allow(la: u64, lb: u64, max: usize) -> bool {
    (la & !lb).count_ones() as usize <= max && (lb & !la).count_ones() as usize <= max
}

/// Folded name parts of four letters or more, for spelling variants.
#[derive(Debug, Default)]
pub struct NameParts {
    by_first: HashMap<char, Vec<Part>>,
    /// Name part → its place in its bucket.
    at: HashMap<Box<str>, usize>,
    added: usize,
}

impl NameParts {
    /// Adds a folded name part of `speaker` (in table order).
    pub fn push(&mut self, key: &str, speaker: usize) {
        let Some(c) = key.chars().next() else { return };
        let bucket = self.by_first.entry(c).or_default();
        let k = *self.at.entry(key.into()).or_insert_with(|| {
            bucket.push(Part {
                key: key.into(),
                chars: key.chars().count(),
                letters: letters(key),
                speakers: Vec::new(),
            });
            bucket.len() - 1
        });
        bucket[k].speakers.push((self.added, speaker));
        self.added += 1;
    }

    /// Speakers with a part at most `max` edits from `f` (folded), in the
    /// order the parts were added, repeats next to each other merged.
    pub fn within(&self, f: &str, max: usize) -> Vec<usize> {
        let Some(bucket) = f.chars().next().and_then(|c| self.by_first.get(&c)) else { return Vec::new() };
        let (n, lf) = (f.chars().count(), letters(f));
        let mut hits: Vec<(usize, usize)> = Vec::new();
        for p in bucket {
            if p.chars.abs_diff(n) <= max
                && letter_sets_allow(p.letters, lf, max)
                && edit_distance(&p.key, f, max) <= max
            {
                hits.extend_from_slice(&p.speakers);
            }
        }
        hits.sort_unstable();
        let mut out: Vec<usize> = hits.into_iter().map(|(_, k)| k).collect();
        out.dedup();
        out
    }
}

/// Folded given names, sorted, for short forms (`alex` → Alexandra).
#[derive(Debug, Default)]
pub struct GivenNames {
    sorted: Vec<(Box<str>, usize)>,
}

impl GivenNames {
    /// The index of `(folded given name, speaker)` pairs.
    pub fn new(mut names: Vec<(String, usize)>) -> Self {
        names.sort();
        GivenNames { sorted: names.into_iter().map(|(g, k)| (g.into_boxed_str(), k)).collect() }
    }

    /// Speakers whose given name starts with `f` and is longer by two letters
    /// or more, or is one of `full` (the names `f` is a listed short form
    /// of); ascending, each once.
    pub fn short_form_of(&self, f: &str, full: &[&str]) -> Vec<usize> {
        let n = f.chars().count();
        let from = |p: &str| self.sorted.partition_point(|(g, _)| &**g < p);
        let mut hits: Vec<usize> = self.sorted[from(f)..]
            .iter()
            .take_while(|(g, _)| g.starts_with(f))
            .filter(|(g, _)| g.chars().count() > n + 1)
            .map(|&(_, k)| k)
            .collect();
        for l in full {
            hits.extend(self.sorted[from(l)..].iter().take_while(|(g, _)| &**g == *l).map(|&(_, k)| k));
        }
        hits.sort_unstable();
        hits.dedup();
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The scan the index replaces: every part of the bucket, in order.
    fn scan(parts: &[(String, usize)], f: &str, max: usize) -> Vec<usize> {
        let c = f.chars().next();
        let mut hits: Vec<usize> = parts
            .iter()
            .filter(|(p, _)| p.chars().next() == c && edit_distance(p, f, max) <= max)
            .map(|&(_, k)| k)
            .collect();
        hits.dedup();
        hits
    }

    #[test]
    fn variants() {
        let parts = [("varga", 0), ("vargas", 1), ("haddad", 2), ("verga", 3), ("varga", 3)];
        let mut idx = NameParts::default();
        for (p, k) in parts {
            idx.push(p, k);
        }
        // (name, query, max, expected)
        let cases: &[(&str, &str, usize, &[usize])] = &[
            ("exact and one off", "varga", 1, &[0, 1, 3]),
            ("swapped letters", "vagra", 1, &[0, 3]),
            ("other first letter", "barga", 1, &[]),
            ("two off needs max 2", "vargaas", 1, &[1]),
            ("nothing near", "haddock", 1, &[]),
        ];
        for (name, q, max, want) in cases {
            assert_eq!(idx.within(q, *max), *want, "{name}");
        }
    }

    #[test]
    fn short_forms() {
        let idx = GivenNames::new(vec![
            ("alexandra".into(), 2),
            ("alex".into(), 0),
            ("thomas".into(), 1),
            ("alexei".into(), 3),
        ]);
        // (name, query, listed full forms, expected)
        let cases: &[(&str, &str, &[&str], &[usize])] = &[
            ("prefix two longer", "alex", &[], &[2, 3]),
            ("listed", "tom", &["thomas"], &[1]),
            ("prefix one longer is none", "alexe", &[], &[]),
            ("nothing", "zed", &["zebedee"], &[]),
        ];
        for (name, q, full, want) in cases {
            assert_eq!(idx.short_form_of(q, full), *want, "{name}");
        }
    }

    proptest! {
        // a small alphabet makes near misses, swaps and alternations common
        #[test]
        fn index_gives_what_a_scan_gives(
            parts in proptest::collection::vec(("[abrv]{3,9}", 0usize..6), 0..30),
            q in "[abrv]{3,9}",
            max in 1usize..=2,
        ) {
            let mut idx = NameParts::default();
            for (p, k) in &parts {
                idx.push(p, *k);
            }
            prop_assert_eq!(idx.within(&q, max), scan(&parts, &q, max));
        }
    }
}
