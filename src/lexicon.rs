//! Closed word lists of the report genre: honorifics, title nouns, words that
//! build organisation names, reporting verbs, function words.
//!
//! These describe *constructions* (how a person is introduced and referred
//! to), never particular people. They are immutable sets built once.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// Gender cue carried by an honorific or a pronoun.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    /// he / his / him
    Male,
    /// she / her / hers
    Female,
}

/// The entries of a word list file: one per line, blank lines and `#`
/// comment lines skipped.
pub fn words(list: &'static str) -> impl Iterator<Item = &'static str> + Clone {
    list.lines().map(str::trim_end).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Honorifics (lowercase, without final period) with the gender they imply,
/// from `src/data/honorifics.txt`.
pub static HONORIFICS: LazyLock<HashMap<&'static str, Option<Gender>>> = LazyLock::new(|| {
    words(include_str!("data/honorifics.txt"))
        .filter_map(|l| {
            let (w, g) = l.split_once(' ')?;
            let g = match g.trim() {
                "male" => Some(Gender::Male),
                "female" => Some(Gender::Female),
                _ => None,
            };
            Some((w, g))
        })
        .collect()
});

/// Honorifics that may stand alone as a capitalised word without a period
/// and still need care: `He` is a pronoun, `General` an adjective; from
/// `src/data/honorifics_need_period.txt`.
static NEED_PERIOD: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("data/honorifics_need_period.txt")).collect());

/// Does this honorific (lowercase) need a period or a name right after it?
pub fn honorific_needs_period(w: &str) -> bool {
    NEED_PERIOD.contains(w)
}

/// Nouns that head a job title or role: `Director`, `Chair`, `moderator`.
pub static TITLE_NOUNS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("data/title_nouns.txt")).collect());

/// Words that build names of organisations, bodies, places and events; a
/// capitalised one is not part of a person's name.
pub static ORG_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("data/org_words.txt")).collect());

/// Nationality adjectives that precede titles (`Estonian Ambassador`).
pub static NATIONALITIES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("data/nationalities.txt")).collect());

/// Multi-word names of countries, regions and cities, folded: `Costa Rica
/// stressed …` is a state speaking, not a person called Costa Rica.
pub static PLACES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| words(include_str!("data/places.txt")).collect());

/// Lowercase particles inside names (`van der`, `de`, `bin`).
pub static PARTICLES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("data/particles.txt")).collect());

/// Capitalised words that never begin or belong to a person's name.
pub static NOT_NAME: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("data/not_name.txt")).collect());

/// Verbs that report speech or a session act (past, present and base
/// forms), from `src/data/reporting_verbs.txt`.
pub static REPORTING_VERBS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let stems = words(include_str!("data/reporting_verbs.txt"));
    let mut s: HashSet<String> = HashSet::default();
    for entry in stems {
        let forms: Vec<&'static str> = entry.split(':').collect();
        if forms.len() > 1 {
            s.extend(forms.iter().map(|f| f.to_string()));
            continue;
        }
        let base = forms[0];
        s.insert(base.to_string());
        let owned: Vec<String> = if let Some(stem) = base.strip_suffix('e') {
            vec![format!("{base}d"), format!("{base}s"), format!("{stem}ing")]
        } else if base.ends_with(['s', 'h', 'x']) {
            vec![format!("{base}ed"), format!("{base}es"), format!("{base}ing")]
        } else {
            vec![format!("{base}ed"), format!("{base}s"), format!("{base}ing")]
        };
        s.extend(owned);
    }
    s
});

/// Short forms of given names that do not begin the full name (`tom` →
/// `thomas`), from `src/data/short_names.txt`; lowercase.
pub static SHORT_NAMES: LazyLock<HashMap<&'static str, Vec<&'static str>>> = LazyLock::new(|| {
    include_str!("data/short_names.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut words = l.split_whitespace();
            Some((words.next()?, words.collect()))
        })
        .collect()
});

/// Adverbs that may stand between a subject and its verb (`Varga also noted`).
pub static ADVERBS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("data/adverbs.txt")).collect());

/// Lowercase words that cannot be a verb right after a subject.
pub static FUNCTION_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("data/function_words.txt")).collect());

/// Nouns for the event itself or for groups: `The session …`, `Participants …`.
pub static FRAMING_NOUNS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("data/framing_nouns.txt")).collect());

/// Subjects that report a group or an unnamed person: `A participant asked …`.
pub static GROUP_HEADS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("data/group_heads.txt")).collect());

/// Nouns that refer back to a speaker in general (`the speaker added`).
pub static GENERIC_ROLE_NOUNS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("data/generic_role_nouns.txt")).collect());

/// Word → session role, from `src/data/roles.txt`.
static ROLES: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| words(include_str!("data/roles.txt")).filter_map(|l| l.split_once(' ')).collect());

/// Roles a descriptor or session verb can give a speaker.
pub fn role_of(word_lower: &str) -> Option<&'static str> {
    ROLES.get(word_lower).copied()
}

/// Is this capitalised word descriptive vocabulary (title, organisation, nationality)?
pub fn is_descriptor_word(lower: &str) -> bool {
    let parts_hit = lower.contains('-') && lower.split('-').any(|p| TITLE_NOUNS.contains(p) || ORG_WORDS.contains(p));
    TITLE_NOUNS.contains(lower)
        || ORG_WORDS.contains(lower)
        || NATIONALITIES.contains(lower)
        || parts_hit
        || lower.strip_suffix('s').is_some_and(|s| TITLE_NOUNS.contains(s) || ORG_WORDS.contains(s))
}

/// Common English words (lowercase, sorted bytewise, one per line): SCOWL
/// size 35, see `src/data/english_words.NOTICE`.
static ENGLISH_WORDS: &str = include_str!("data/english_words.txt");

/// Is `line` one of the lines of `sorted` (lines in bytewise order)? A binary
/// search over byte offsets: no table is built, so start-up costs nothing.
fn sorted_lines_contain(sorted: &str, line: &str) -> bool {
    let b = sorted.as_bytes();
    let (mut lo, mut hi) = (0, b.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        // the line holding byte `mid`
        let start = b[..mid].iter().rposition(|&c| c == b'\n').map_or(0, |p| p + 1);
        let end = memchr::memchr(b'\n', &b[mid..]).map_or(b.len(), |p| mid + p);
        match sorted[start..end].cmp(line) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

/// Is this (folded) word a common English word?
pub fn is_english_word(folded: &str) -> bool {
    !folded.is_empty() && sorted_lines_contain(ENGLISH_WORDS, folded)
}

/// Verbs of the writer's comment (`This highlights …`), base and `-s` forms,
/// from `src/data/framing_verbs.txt`.
pub static FRAMING_VERBS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut s = HashSet::default();
    for base in words(include_str!("data/framing_verbs.txt")) {
        s.insert(base.to_string());
        let third = if base.ends_with(['s', 'h', 'x']) { format!("{base}es") } else { format!("{base}s") };
        s.insert(third);
    }
    s
});

/// Nouns of a speech act (`remarks by X`), from `src/data/speech_nouns.txt`.
pub static SPEECH_NOUNS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("data/speech_nouns.txt")).collect());

/// Participles of a session act (`moderated by X`), from `src/data/session_acts.txt`.
pub static SESSION_ACTS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("data/session_acts.txt")).collect());

/// Prepositions inside a title (`Minister of …`, `Envoy for …`), from
/// `src/data/title_prepositions.txt`.
pub static TITLE_PREPOSITIONS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("data/title_prepositions.txt")).collect());

/// Words that open a coordinated main clause after a comma (`, and`, `, but`).
pub static CLAUSE_JOINERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("data/clause_joiners.txt")).collect());

/// Auxiliary verbs: a name followed by one is a clause's subject (`X was joined by`).
pub static AUXILIARIES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("data/auxiliaries.txt")).collect());

/// Word sequences (folded, one per line) that open a verb phrase which is
/// not a statement: future acts (`will discuss`), from
/// `src/data/not_statements.txt`.
pub static NOT_STATEMENTS: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(include_str!("data/not_statements.txt")));

/// Copula phrases that describe a person (`is the keynote speaker`): no
/// statement, but an introduction, from `src/data/descriptions.txt`.
pub static DESCRIPTIONS: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(include_str!("data/descriptions.txt")));

/// A list of short word sequences, looked up by their first word.
pub struct Phrases {
    by_first: HashMap<&'static str, Vec<Vec<&'static str>>>,
}

impl Phrases {
    /// Parses one phrase per line; `#` starts a comment line.
    pub fn new(data: &'static str) -> Self {
        let mut by_first: HashMap<&'static str, Vec<Vec<&'static str>>> = HashMap::default();
        for line in words(data) {
            let words: Vec<&'static str> = line.split_whitespace().collect();
            by_first.entry(words[0]).or_default().push(words);
        }
        Phrases { by_first }
    }

    /// Does one of the phrases start at token `k`?
    pub fn starts_at(&self, v: &crate::view::View, k: usize) -> bool {
        if k >= v.len() {
            return false;
        }
        let Some(list) = self.by_first.get(&*v.word(k)) else {
            return false;
        };
        list.iter().any(|words| words.iter().enumerate().skip(1).all(|(j, w)| k + j < v.len() && v.word(k + j) == *w))
    }
}

/// Lowercase particles glued to a family name (`d’`, `al-`), from
/// `src/data/glued_particles.txt`.
pub static GLUED_PARTICLES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words(include_str!("data/glued_particles.txt")).collect());

/// Words that open a fronted phrase before the subject (`During the debate,`),
/// besides the title prepositions and adverbs, from `src/data/fronting_words.txt`.
pub static FRONTING_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("data/fronting_words.txt")).collect());

/// Words that name an audience in the lead-in of a roster (`delegates
/// present, including:`), from `src/data/audience_words.txt`.
pub static AUDIENCE_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("data/audience_words.txt")).collect());

/// Words of a time adverbial between a person and the verb (`on Sunday`,
/// `yesterday`), from `src/data/time_words.txt`.
pub static TIME_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("data/time_words.txt")).collect());

/// Words that may open such an adverbial (`on`, `last`, `here`), from
/// `src/data/time_leads.txt`.
pub static TIME_LEADS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("data/time_leads.txt")).collect());

/// Determiners that open a title before a name and belong to the mention
/// (`its minister X`), from `src/data/determiners.txt`.
pub static DETERMINERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("data/determiners.txt")).collect());

/// Lowercase words that open a capitalised title (`former President X`),
/// from `src/data/title_modifiers.txt`.
pub static TITLE_MODIFIERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("data/title_modifiers.txt")).collect());

/// Endings of abstract and plural nouns that people's names do not have
/// (`-ship`, `-eries`), from `src/data/noun_endings.txt`.
pub static NOUN_ENDINGS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words(include_str!("data/noun_endings.txt")).collect());

/// The closed word lists, as bit positions: a word's memberships in every
/// list are found with one look-up ([`bits`]) and tested by id, so a rule
/// that asks several lists about the same word hashes it once (and a
/// [`crate::text::View`] remembers the answer for the sentence).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Word {
    /// [`HONORIFICS`]
    Honorific,
    /// Honorifics that need a period or a name ([`honorific_needs_period`]).
    NeedsPeriod,
    /// [`TITLE_NOUNS`]
    TitleNoun,
    /// [`ORG_WORDS`]
    OrgWord,
    /// [`NATIONALITIES`]
    Nationality,
    /// [`PARTICLES`]
    Particle,
    /// [`NOT_NAME`]
    NotName,
    /// [`REPORTING_VERBS`]
    ReportingVerb,
    /// [`ADVERBS`]
    Adverb,
    /// [`FUNCTION_WORDS`]
    FunctionWord,
    /// [`FRAMING_NOUNS`]
    FramingNoun,
    /// [`GROUP_HEADS`]
    GroupHead,
    /// [`GENERIC_ROLE_NOUNS`]
    GenericRoleNoun,
    /// [`FRAMING_VERBS`]
    FramingVerb,
    /// [`SPEECH_NOUNS`]
    SpeechNoun,
    /// [`SESSION_ACTS`]
    SessionAct,
    /// [`TITLE_PREPOSITIONS`]
    TitlePreposition,
    /// [`CLAUSE_JOINERS`]
    ClauseJoiner,
    /// [`AUXILIARIES`]
    Auxiliary,
    /// [`FRONTING_WORDS`]
    FrontingWord,
    /// [`AUDIENCE_WORDS`]
    AudienceWord,
    /// [`TIME_WORDS`]
    TimeWord,
    /// [`TIME_LEADS`]
    TimeLead,
    /// [`DETERMINERS`]
    Determiner,
    /// [`TITLE_MODIFIERS`]
    TitleModifier,
}

/// A set of [`Word`] lists: bit `w as u32` is set for membership in `w`.
pub type Bits = u32;

/// The bit of one list.
#[inline]
pub const fn bit(w: Word) -> Bits {
    1 << w as u32
}

/// Every listed word → the lists it is in.
static BITS: LazyLock<HashMap<String, Bits>> = LazyLock::new(|| {
    let mut m: HashMap<String, Bits> = HashMap::default();
    let mut add = |words: &mut dyn Iterator<Item = &str>, w: Word| {
        for x in words {
            *m.entry(x.to_string()).or_default() |= bit(w);
        }
    };
    add(&mut HONORIFICS.keys().copied(), Word::Honorific);
    add(&mut NEED_PERIOD.iter().copied(), Word::NeedsPeriod);
    add(&mut TITLE_NOUNS.iter().copied(), Word::TitleNoun);
    add(&mut ORG_WORDS.iter().copied(), Word::OrgWord);
    add(&mut NATIONALITIES.iter().copied(), Word::Nationality);
    add(&mut PARTICLES.iter().copied(), Word::Particle);
    add(&mut NOT_NAME.iter().copied(), Word::NotName);
    add(&mut REPORTING_VERBS.iter().map(String::as_str), Word::ReportingVerb);
    add(&mut ADVERBS.iter().copied(), Word::Adverb);
    add(&mut FUNCTION_WORDS.iter().copied(), Word::FunctionWord);
    add(&mut FRAMING_NOUNS.iter().copied(), Word::FramingNoun);
    add(&mut GROUP_HEADS.iter().copied(), Word::GroupHead);
    add(&mut GENERIC_ROLE_NOUNS.iter().copied(), Word::GenericRoleNoun);
    add(&mut FRAMING_VERBS.iter().map(String::as_str), Word::FramingVerb);
    add(&mut SPEECH_NOUNS.iter().copied(), Word::SpeechNoun);
    add(&mut SESSION_ACTS.iter().copied(), Word::SessionAct);
    add(&mut TITLE_PREPOSITIONS.iter().copied(), Word::TitlePreposition);
    add(&mut CLAUSE_JOINERS.iter().copied(), Word::ClauseJoiner);
    add(&mut AUXILIARIES.iter().copied(), Word::Auxiliary);
    add(&mut FRONTING_WORDS.iter().copied(), Word::FrontingWord);
    add(&mut AUDIENCE_WORDS.iter().copied(), Word::AudienceWord);
    add(&mut TIME_WORDS.iter().copied(), Word::TimeWord);
    add(&mut TIME_LEADS.iter().copied(), Word::TimeLead);
    add(&mut DETERMINERS.iter().copied(), Word::Determiner);
    add(&mut TITLE_MODIFIERS.iter().copied(), Word::TitleModifier);
    m
});

/// The lists `w` (as written: lists hold folded words) is in.
#[inline]
pub fn bits(w: &str) -> Bits {
    BITS.get(w).copied().unwrap_or(0)
}

/// Is `w` (folded) in list `list`?
#[inline]
pub fn is(w: &str, list: Word) -> bool {
    bits(w) & bit(list) != 0
}
