//! Given-name gazetteer: is this word a person's given name, and which sex
//! usually bears it?
//!
//! Reports introduce people without honorifics (`Daichi Mori said`,
//! `Oksana noted`) and run capitalised phrases that look the same to a
//! capitalisation test (`Safety Regulation`, `Nordwerk Telekom`,
//! `Print Version`). A list of real given names tells the two apart, and the
//! sex ratio of each name gives a *prior* for pronouns when there is no
//! honorific, which pronoun evidence in the text overrides.
//!
//! The names (65,000 of them) come from US Social Security baby names, which
//! record names of many origins, and WIPO's World Gender Name Dictionary for
//! other regions; `scripts/make_given_names.py` regenerates
//! `src/data/given_names.tsv` from them (sources, licences and filtering in
//! the README, "Data"). `build.rs` compiles the file into a hash table that is
//! part of the binary: a lookup is one hash and a probe or two, and start-up
//! builds nothing.
//!
//! Names that are also common English words (`Grace`, `Hope`, `Will`,
//! `Mark`) and months, places and nationality words that are given names
//! (`June`, `Georgia`, `Irish`) are kept but carry
//! [`GivenName::ambiguous_word`], so callers can ask for more evidence.

use crate::lexicon::Gender;
use crate::text;

#[allow(dead_code)] // `pack` and `MAX_BLOB` are for build.rs, which lays the table out
mod table;

include!(concat!(env!("OUT_DIR"), "/given_names.rs"));

static BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/given_names.blob"));
static SLOTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/given_names.slots"));

/// What the gazetteer knows about a given name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GivenName {
    /// Sex of at least 90 % of the people with this name in the sources;
    /// `None` for unisex names (`Taylor`, `Wei`) and when the sources disagree.
    pub gender: Option<Gender>,
    /// The name is also a common English word, month, place or nationality
    /// (`Grace`, `Will`, `June`, `Georgia`): alone, it is weak evidence of a
    /// person.
    pub ambiguous_word: bool,
}

/// Looks up a word already folded by [`text::fold`] (lowercase, accents
/// stripped; letters such as `ø` or `ł` are kept, and both `søren` and
/// `soren` are listed). `None` when it is not a known given name.
pub fn given_name(folded: &str) -> Option<GivenName> {
    let key = folded.as_bytes();
    if key.is_empty() || key.len() > table::MAX_LEN {
        return None;
    }
    let mask = SLOTS.len() / 4 - 1;
    let mut i = table::hash(key) as usize & mask;
    loop {
        let slot = u32::from_le_bytes(SLOTS[4 * i..4 * i + 4].try_into().expect("4-byte slot"));
        if slot == 0 {
            return None;
        }
        let (offset, len, info) = table::unpack(slot);
        if &BLOB[offset..offset + len] == key {
            return Some(GivenName {
                gender: match info & !table::WORD {
                    table::MALE => Some(Gender::Male),
                    table::FEMALE => Some(Gender::Female),
                    _ => None,
                },
                ambiguous_word: info & table::WORD != 0,
            });
        }
        i = (i + 1) & mask;
    }
}

/// [`given_name`] of a word as written (`José`, `OKSANA`).
pub fn lookup(word: &str) -> Option<GivenName> {
    given_name(&text::folded(word))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Gender::{Female as F, Male as M};

    fn name(gender: Option<Gender>) -> Option<GivenName> {
        Some(GivenName { gender, ambiguous_word: false })
    }

    fn word(gender: Option<Gender>) -> Option<GivenName> {
        Some(GivenName { gender, ambiguous_word: true })
    }

    #[test]
    fn given_names_of_many_regions_and_not_topic_words() {
        let cases: &[(&str, &str, Option<GivenName>)] = &[
            ("Ukraine", "oksana", name(Some(F))),
            ("Poland", "tomasz", name(Some(M))),
            ("Poland, letter kept by the fold", "łukasz", name(Some(M))),
            ("Japan", "daichi", name(Some(M))),
            ("Japan", "hiroshi", name(Some(M))),
            ("Arabic", "aisha", name(Some(F))),
            ("Arabic", "fatima", name(Some(F))),
            ("Turkey", "mehmet", name(Some(M))),
            ("India", "priya", name(Some(F))),
            ("Ghana", "kwame", name(Some(M))),
            ("Nigeria", "ngozi", name(Some(F))),
            ("Nigeria", "chukwuemeka", name(Some(M))),
            ("South Africa", "thandiwe", name(Some(F))),
            ("Mongolia, from WGND only", "gantulga", name(Some(M))),
            ("Uzbekistan, from WGND only", "dilshod", name(Some(M))),
            ("Spain, accent folded away", "jose", name(Some(M))),
            ("Denmark, ø kept", "søren", name(Some(M))),
            ("Denmark, ASCII spelling", "soren", name(Some(M))),
            ("China, unisex", "wei", name(None)),
            ("unisex", "taylor", name(None)),
            ("English word", "grace", word(Some(F))),
            ("English word", "hope", word(Some(F))),
            ("English word", "will", word(Some(M))),
            ("month", "june", word(Some(F))),
            ("US state", "georgia", word(Some(F))),
            ("conference city", "geneva", word(Some(F))),
            ("topic word", "safety", None),
            ("topic word", "regulation", None),
            ("topic word", "online", None),
            ("topic word", "harms", None),
            ("topic word", "print", None),
            ("topic word", "version", None),
            ("topic word", "civil", None),
            ("topic word", "engineering", None),
            ("topic word", "energy", None),
            ("topic word", "sector", None),
            ("company word", "nordwerk", None),
            ("company word", "telekom", None),
            ("acronym SSA lists as a name", "nato", None),
            ("Vietnamese family name, written first", "nguyen", None),
            ("particle", "de", None),
            ("initials SSA lists as a name", "jr", None),
            ("not folded", "Oksana", None),
            ("empty", "", None),
            ("longer than any name", "abcdefghijklmnopqrstuvwxyzabcdefgh", None),
        ];
        for (why, input, expected) in cases {
            assert_eq!(given_name(input), *expected, "{why}: {input}");
        }
    }

    #[test]
    fn lookup_folds_the_word_as_written() {
        let cases: &[(&str, &str, Option<GivenName>)] = &[
            ("accent", "José", name(Some(M))),
            ("capitals", "OKSANA", name(Some(F))),
            ("ø", "Søren", name(Some(M))),
            ("capitalised word", "Grace", word(Some(F))),
            ("capitalised topic word", "Regulation", None),
        ];
        for (why, input, expected) in cases {
            assert_eq!(lookup(input), *expected, "{why}: {input}");
        }
    }

    /// The compiled table holds exactly the data file: every row is found
    /// with its own gender and flag, and the count agrees.
    #[test]
    fn table_matches_the_data_file() {
        let mut rows = 0;
        for line in include_str!("data/given_names.tsv").lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            let gender = match cols[1] {
                "m" => Some(M),
                "f" => Some(F),
                _ => None,
            };
            let expected = GivenName { gender, ambiguous_word: cols.get(2) == Some(&"word") };
            assert_eq!(given_name(cols[0]), Some(expected), "{line}");
            rows += 1;
        }
        assert_eq!(rows, COUNT);
        assert!(rows >= 30_000, "{rows} names");
    }

    /// Words that whosaid's own lexicon reads as organisation, place,
    /// nationality, title or function words are never plain given names:
    /// where they are names at all (`Justice`, `Georgia`), they carry the
    /// ambiguous-word flag.
    #[test]
    fn lexicon_words_are_not_plain_given_names() {
        use crate::lexicon::{FUNCTION_WORDS, NATIONALITIES, ORG_WORDS, PLACES, TITLE_NOUNS};
        let mut plain = Vec::new();
        for set in [&*ORG_WORDS, &*PLACES, &*NATIONALITIES, &*TITLE_NOUNS, &*FUNCTION_WORDS] {
            for w in set {
                if given_name(&text::fold(w)).is_some_and(|g| !g.ambiguous_word) {
                    plain.push(*w);
                }
            }
        }
        plain.sort_unstable();
        assert!(plain.is_empty(), "plain given names in the lexicon: {plain:?}");
    }
}
