//! Topic tagging: a keyword taxonomy matched on Snowball stems.
//!
//! A keyword should match every inflection of itself (`attack`, `attacks`,
//! `attacked`), its British and American spellings (`digitalisation` /
//! `digitalization`), and its hyphenated, spaced and joined forms
//! (`cyber-attack`, `cyber attack`, `cyberattack`) — but nothing else: `digit`
//! must not tag a topic about `digital` policy even though both stem to
//! `digit`, and `AI` must not match inside `said`. So:
//!
//! * words are normalised (lowercase, British → American spelling rules)
//!   and stemmed with rust-stemmers for the taxonomy's language;
//! * a keyword whose surface goes beyond its stem with a derivational ending
//!   (`digit|al`, `secur|ity`, `govern|ance`) also requires that ending in the
//!   text, which keeps `governance` apart from `government`;
//! * keywords written with capitals (`AI`, `IoT`, `5G`, `GDPR`) match whole
//!   tokens in their written case (a plural `s` allowed);
//! * a three-letter prefix filter skips the stemmer for words that cannot
//!   match any keyword, so tagging costs little per megabyte.
//!
//! Users bring their own taxonomy as CSV (`topic,keyword` rows) or JSON
//! (`{"topics": [{"id", "label", "keywords"}]}`); see [`Taxonomy::from_csv`]
//! and [`Taxonomy::from_json`].

use std::collections::{HashMap, HashSet};

use rustc_hash::FxHashMap;

pub use rust_stemmers::Algorithm;
use rust_stemmers::Stemmer;
use serde::{Deserialize, Serialize};

use crate::error::DataError;

/// The score below which a sentence-topic tag is hidden by default: a
/// keyword mentioned in passing (in a list of examples, in parentheses, as a
/// venue) or a keyword too weak alone scores under it. 0 shows every tag.
pub const DEFAULT_MIN_SCORE: f32 = 0.5;

/// The built-in taxonomy (digital policy and diplomacy).
pub const BUILTIN_TAXONOMY: &str = include_str!("data/taxonomy.json");

/// How a keyword treats letter case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Case {
    /// Keywords written with two capitals or a digit and a capital (`AI`,
    /// `IoT`, `5G`) match in their written case; others in any case.
    #[default]
    Auto,
    /// Only in the written case (each word's initial, or the whole token for one word).
    Sensitive,
    /// In any case, even an acronym.
    Insensitive,
}

impl Case {
    fn parse(s: &str) -> Option<Case> {
        match s.trim().to_ascii_lowercase().as_str() {
            "" | "auto" => Some(Case::Auto),
            "sensitive" | "yes" | "exact" => Some(Case::Sensitive),
            "insensitive" | "no" | "any" => Some(Case::Insensitive),
            _ => None,
        }
    }

    fn is_auto(&self) -> bool {
        *self == Case::Auto
    }
}

/// One keyword of a topic, with the context it needs to count.
///
/// In JSON a keyword is a string, or an object with the optional fields
/// below; in CSV the optional columns of the same names.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(from = "KeywordRepr")]
pub struct Keyword {
    /// The word or phrase.
    pub keyword: String,
    /// Context words or phrases: the keyword counts only when one of them is
    /// in the same sentence (`cooperation` + `regional`, `ASEAN` …). Empty: no condition.
    pub requires: Vec<String>,
    /// Phrases that void the keyword where they hold it (`law` in `law enforcement`).
    pub excludes: Vec<String>,
    /// Letter case.
    pub case: Case,
    /// The keyword is a name that is its own topic (`WSIS`, `GDPR`,
    /// `Budapest Convention`): it counts inside proper names and speaker descriptors too.
    pub name: bool,
    /// How specific the keyword is (0–1], the weight of its hits in a
    /// sentence's topic score. None: 0.8 for a phrase, an acronym, a name or
    /// a keyword with required context, 0.5 for a single word.
    pub weight: Option<f32>,
    /// How close a `requires` phrase must be, in words on either side of the
    /// keyword (the NEAR of boolean queries); None: anywhere in the sentence.
    pub near: Option<u32>,
}

impl From<&str> for Keyword {
    fn from(s: &str) -> Keyword {
        Keyword {
            keyword: s.to_string(),
            requires: vec![],
            excludes: vec![],
            case: Case::Auto,
            name: false,
            weight: None,
            near: None,
        }
    }
}

impl Keyword {
    fn is_plain(&self) -> bool {
        self.requires.is_empty()
            && self.excludes.is_empty()
            && self.case.is_auto()
            && !self.name
            && self.weight.is_none()
            && self.near.is_none()
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum KeywordRepr {
    Text(String),
    Full {
        keyword: String,
        #[serde(default)]
        requires: Vec<String>,
        #[serde(default)]
        excludes: Vec<String>,
        #[serde(default)]
        case: Case,
        #[serde(default)]
        name: bool,
        #[serde(default)]
        weight: Option<f32>,
        #[serde(default)]
        near: Option<u32>,
    },
}

impl From<KeywordRepr> for Keyword {
    fn from(r: KeywordRepr) -> Keyword {
        match r {
            KeywordRepr::Text(s) => Keyword::from(s.as_str()),
            KeywordRepr::Full { keyword, requires, excludes, case, name, weight, near } => {
                Keyword { keyword, requires, excludes, case, name, weight, near }
            }
        }
    }
}

/// A plain keyword is written back as a string, so files stay as simple as they were.
impl Serialize for Keyword {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        if self.is_plain() {
            return s.serialize_str(&self.keyword);
        }
        let mut m = s.serialize_struct("Keyword", 7)?;
        m.serialize_field("keyword", &self.keyword)?;
        if !self.requires.is_empty() {
            m.serialize_field("requires", &self.requires)?;
        }
        if !self.excludes.is_empty() {
            m.serialize_field("excludes", &self.excludes)?;
        }
        if !self.case.is_auto() {
            m.serialize_field("case", &self.case)?;
        }
        if self.name {
            m.serialize_field("name", &true)?;
        }
        if let Some(w) = self.weight {
            m.serialize_field("weight", &w)?;
        }
        if let Some(n) = self.near {
            m.serialize_field("near", &n)?;
        }
        m.end()
    }
}

/// One topic of a taxonomy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    /// Stable identifier, used in every output.
    pub id: String,
    /// Human-readable label.
    #[serde(default)]
    pub label: String,
    /// The group the topic belongs to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basket: Option<String>,
    /// Keywords and phrases.
    pub keywords: Vec<Keyword>,
}

/// A list of topics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Taxonomy {
    /// The topics, in output order.
    pub topics: Vec<Topic>,
}

#[derive(Deserialize)]
struct TaxonomyFile {
    topics: Vec<Topic>,
}

/// Splits a CSV cell of alternatives (`regional | ASEAN`).
fn alternatives(cell: &str) -> Vec<String> {
    cell.split('|').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

impl Taxonomy {
    /// The built-in taxonomy.
    pub fn builtin() -> Taxonomy {
        Taxonomy::from_json(BUILTIN_TAXONOMY).expect("built-in taxonomy is valid")
    }

    /// Parses `{"topics": [{"id": …, "label": …, "keywords": […]}]}`; a keyword
    /// is a string or `{"keyword", "requires", "excludes", "case", "name"}`.
    pub fn from_json(s: &str) -> Result<Taxonomy, DataError> {
        let f: TaxonomyFile =
            serde_json::from_str(s).map_err(|e| DataError::at_line(e.line(), format!("invalid taxonomy JSON: {e}")))?;
        let t = Taxonomy { topics: f.topics };
        t.validate()?;
        Ok(t)
    }

    /// Parses CSV with a header row `topic,keyword` (optional further columns
    /// `label`, `basket`, `requires`, `excludes` — alternatives separated by
    /// `|` — `case` (`sensitive`, `insensitive` or empty) and `name` (`yes`
    /// or empty)); one keyword per row, rows of a topic need not be adjacent.
    pub fn from_csv(s: &str) -> Result<Taxonomy, DataError> {
        // rows may leave out trailing optional cells, but not carry more than the header names
        let mut rdr = csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::All).from_reader(s.as_bytes());
        let headers = rdr.headers().map_err(|e| DataError::at_line(1, format!("invalid CSV header: {e}")))?.clone();
        let col = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
        let (Some(ti), Some(ki)) = (col("topic"), col("keyword")) else {
            return Err(DataError::at_line(1, "the header must name the columns `topic` and `keyword`"));
        };
        let (li, bi) = (col("label"), col("basket"));
        let (ri, ei, ci, ni, wi) = (col("requires"), col("excludes"), col("case"), col("name"), col("weight"));
        let nri = col("near");
        let mut topics: Vec<Topic> = Vec::new();
        let mut pos: HashMap<String, usize> = HashMap::new();
        for (n, rec) in rdr.records().enumerate() {
            let line = n + 2;
            let rec = rec.map_err(|e| {
                DataError::at_line(e.position().map_or(line, |p| p.line() as usize), format!("malformed CSV row: {e}"))
            })?;
            if rec.len() > headers.len() {
                let at = rec.position().map_or(line, |p| p.line() as usize);
                return Err(DataError::at_line(
                    at,
                    format!("malformed CSV row: {} fields, but the header has {}", rec.len(), headers.len()),
                ));
            }
            let cell = |i: Option<usize>| i.and_then(|i| rec.get(i)).unwrap_or_default();
            let id = cell(Some(ti)).to_string();
            let text = cell(Some(ki)).to_string();
            if id.is_empty() {
                return Err(DataError::at_line(line, "empty topic"));
            }
            if text.is_empty() {
                return Err(DataError::at_line(line, format!("empty keyword for topic {id:?}")));
            }
            let case = Case::parse(cell(ci)).ok_or_else(|| {
                DataError::at_line(
                    line,
                    format!("case {:?}: use `sensitive`, `insensitive` or leave it empty", cell(ci)),
                )
            })?;
            let name = match cell(ni).to_ascii_lowercase().as_str() {
                "" | "no" | "false" | "0" => false,
                "yes" | "true" | "1" | "x" | "name" => true,
                other => return Err(DataError::at_line(line, format!("name {other:?}: use `yes` or leave it empty"))),
            };
            let weight = match cell(wi) {
                "" => None,
                w => Some(
                    w.parse::<f32>().map_err(|_| DataError::at_line(line, format!("weight {w:?}: not a number")))?,
                ),
            };
            let near = match cell(nri) {
                "" => None,
                n => Some(n.parse::<u32>().map_err(|_| {
                    DataError::at_line(line, format!("near {n:?}: a number of words, or leave it empty"))
                })?),
            };
            let kw = Keyword {
                keyword: text,
                requires: alternatives(cell(ri)),
                excludes: alternatives(cell(ei)),
                case,
                name,
                weight,
                near,
            };
            let k = *pos.entry(id.clone()).or_insert_with(|| {
                topics.push(Topic { id: id.clone(), label: id.clone(), basket: None, keywords: vec![] });
                topics.len() - 1
            });
            if let Some(l) = li.and_then(|i| rec.get(i)).filter(|l| !l.is_empty()) {
                topics[k].label = l.to_string();
            }
            if let Some(b) = bi.and_then(|i| rec.get(i)).filter(|b| !b.is_empty()) {
                topics[k].basket = Some(b.to_string());
            }
            topics[k].keywords.push(kw);
        }
        let t = Taxonomy { topics };
        t.validate()?;
        Ok(t)
    }

    fn validate(&self) -> Result<(), DataError> {
        let bad = |s: &str| s.trim().is_empty() || !s.chars().any(char::is_alphanumeric);
        let mut seen = HashSet::new();
        for (k, t) in self.topics.iter().enumerate() {
            if t.id.trim().is_empty() {
                return Err(DataError::new(format!("topics[{k}]: empty id")));
            }
            if !seen.insert(t.id.as_str()) {
                return Err(DataError::new(format!("topics[{k}]: duplicate topic id {:?}", t.id)));
            }
            if t.keywords.is_empty() {
                return Err(DataError::new(format!("topic {:?}: no keywords", t.id)));
            }
            for (j, kw) in t.keywords.iter().enumerate() {
                if bad(&kw.keyword) {
                    return Err(DataError::new(format!("topic {:?}: keywords[{j}] is empty", t.id)));
                }
                if kw.weight.is_some_and(|w| !(w > 0.0 && w <= 1.0)) {
                    return Err(DataError::new(format!(
                        "topic {:?}: keywords[{j}] ({:?}): weight must be in (0, 1]",
                        t.id, kw.keyword
                    )));
                }
                if kw.requires.iter().chain(&kw.excludes).any(|c| bad(c)) {
                    return Err(DataError::new(format!(
                        "topic {:?}: keywords[{j}] ({:?}) has an empty context phrase",
                        t.id, kw.keyword
                    )));
                }
            }
        }
        Ok(())
    }
}

/// Parses a stemmer language name (`english`, `en`, `french`, `fr` …).
pub fn language(name: &str) -> Option<Algorithm> {
    use Algorithm::*;
    Some(match name.to_ascii_lowercase().as_str() {
        "arabic" | "ar" => Arabic,
        "danish" | "da" => Danish,
        "dutch" | "nl" => Dutch,
        "english" | "en" => English,
        "finnish" | "fi" => Finnish,
        "french" | "fr" => French,
        "german" | "de" => German,
        "greek" | "el" => Greek,
        "hungarian" | "hu" => Hungarian,
        "italian" | "it" => Italian,
        "norwegian" | "no" | "nb" => Norwegian,
        "portuguese" | "pt" => Portuguese,
        "romanian" | "ro" => Romanian,
        "russian" | "ru" => Russian,
        "spanish" | "es" => Spanish,
        "swedish" | "sv" => Swedish,
        "tamil" | "ta" => Tamil,
        "turkish" | "tr" => Turkish,
        _ => return None,
    })
}

/// The languages [`language`] accepts.
pub const LANGUAGES: &str = "arabic, danish, dutch, english, finnish, french, german, greek, hungarian, italian, norwegian, portuguese, romanian, russian, spanish, swedish, tamil, turkish";

/// One keyword hit in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicMatch {
    /// Index of the topic in the taxonomy.
    pub topic: usize,
    /// Index of the keyword that matched ([`Tagger::keyword`] gives its text).
    pub keyword: usize,
    /// Byte offset of the matched text.
    pub start: usize,
    /// Byte offset one past the matched text.
    pub end: usize,
    /// How much this hit says the sentence is about the topic (0–1): the
    /// keyword's specificity, halved in a list of examples or in parentheses.
    pub weight: f32,
}

/// The words of the built-in word lists (`src/data/topic_words.txt`).
const TOPIC_WORDS: &str = include_str!("data/topic_words.txt");

/// The entries of one kind in [`TOPIC_WORDS`].
fn topic_words(kind: &str) -> impl Iterator<Item = &'static str> + '_ {
    TOPIC_WORDS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(move |l| l.strip_prefix(kind)?.strip_prefix(' ').map(str::trim))
}

/// Weight of a hit by a multi-word keyword, a name, an acronym or a keyword
/// whose required context is present.
const SPECIFIC: f32 = 0.8;
/// Weight of a hit by a single common word.
const GENERIC: f32 = 0.5;
/// Factor for a hit in a list of examples or in parentheses.
const IN_PASSING: f32 = 0.5;

/// A phrase that opens a list of examples (`such as`, `e.g.`), as its
/// words and the separators between and after them.
#[derive(Debug, Clone)]
struct ExamplePhrase {
    /// lowercase words
    words: Vec<Box<str>>,
    /// the separator before each word but the first
    gaps: Vec<Box<str>>,
    /// what follows the last word (`.` of `e.g.`)
    trail: Box<str>,
    /// the phrase's length in bytes
    len: usize,
}

impl ExamplePhrase {
    /// None unless the phrase starts with an ASCII letter.
    fn new(phrase: &str) -> Option<ExamplePhrase> {
        if !phrase.as_bytes().first()?.is_ascii_alphabetic() {
            return None;
        }
        let lower = phrase.to_ascii_lowercase();
        let (mut words, mut seps) = (Vec::new(), Vec::new());
        let mut rest = lower.as_str();
        while !rest.is_empty() {
            let w = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
            words.push(rest[..w].into());
            rest = &rest[w..];
            let g = rest.find(char::is_alphanumeric).unwrap_or(rest.len());
            seps.push(rest[..g].into());
            rest = &rest[g..];
        }
        let trail = seps.pop().unwrap_or_default();
        Some(ExamplePhrase { words, gaps: seps, trail, len: phrase.len() })
    }
}

/// A word of a keyword, compiled.
#[derive(Debug, Clone)]
struct KwWord {
    /// Index into the tagger's stem table.
    stem: u32,
    /// Text words must start with this (normalised) to match; empty = any.
    guard: Box<str>,
    /// With case-sensitive keywords: whether the text word must start with a capital.
    upper: Option<bool>,
}

/// A compiled word or phrase.
#[derive(Debug, Clone)]
enum Pat {
    /// One token in its written case (`AI`, `GDPR`), a plural `s` or a possessive allowed.
    Exact(Box<str>),
    /// A sequence of stems.
    Stems(Vec<KwWord>),
}

impl Pat {
    fn len(&self) -> usize {
        match self {
            Pat::Exact(_) => 1,
            Pat::Stems(w) => w.len(),
        }
    }
}

/// An entry in the bucket of its first stem, with what rules it out cheaply.
#[derive(Debug, Clone, Copy)]
struct Head {
    entry: u32,
    /// the pattern's number of words
    len: u32,
    /// the stem id of its second word, or [`NO_WORD`]
    second: u32,
    /// one word without guard or case: the first stem is the whole match
    plain: bool,
}

impl Head {
    fn of(entry: usize, pat: &Pat) -> Head {
        let Pat::Stems(ws) = pat else { unreachable!("acronyms are looked up by token") };
        Head {
            entry: entry as u32,
            len: ws.len() as u32,
            second: ws.get(1).map_or(NO_WORD, |w| w.stem),
            plain: ws.len() == 1 && ws[0].guard.is_empty() && ws[0].upper.is_none(),
        }
    }
}

/// A keyword variant (its surface forms each compile to one), with its conditions.
#[derive(Debug, Clone)]
struct Entry {
    topic: usize,
    /// Index into [`Tagger::texts`].
    text: usize,
    pat: Pat,
    /// Index into [`Tagger::contexts`].
    context: usize,
    /// The keyword has `requires` or `excludes` phrases.
    has_context: bool,
    name: bool,
    weight: f32,
}

/// The compiled `requires` and `excludes` phrases of a keyword.
#[derive(Debug, Clone, Default)]
struct Context {
    requires: Vec<Pat>,
    /// how many words on either side a required phrase may be (None: the whole sentence)
    near: Option<usize>,
    excludes: Vec<Pat>,
}

/// Keyword and context words compiled so far: (stem id, guard) and the
/// prefix bit of the normalised form, by the word as written.
type Memo = FxHashMap<String, ((u32, Box<str>), Option<usize>)>;

/// No information: the word cannot start or continue a keyword.
const NO_WORD: u32 = u32::MAX;
/// Not looked up yet: the word can only be a context word, looked up when a
/// keyword with context hits the sentence.
const UNSEEN: u32 = u32::MAX - 1;

/// Memo of word look-ups, so each distinct word form is normalised and
/// stemmed once. Keep one per worker thread and reuse it across documents;
/// it empties itself past [`TagCache::LIMIT`] entries. It also holds the
/// per-sentence buffers, so tagging a sentence allocates nothing once warm.
#[derive(Debug, Default)]
pub struct TagCache {
    /// word form → index into `infos`, or [`NO_WORD`] when its stem is no keyword stem
    words: FxHashMap<Box<str>, u32>,
    /// the same for word forms of up to seven bytes, keyed by [`short_key`] (most words)
    short: FxHashMap<u64, u32>,
    /// a direct-mapped table in front of `short`: (key, info), key 0 for none
    direct: Vec<(u64, u32)>,
    /// (stem id, normalised form) of the words that can match
    infos: Vec<(u32, Box<str>)>,
    /// the current sentence's word spans
    spans: Vec<(usize, usize)>,
    /// the current sentence's word infos (index into `infos`, or [`NO_WORD`])
    info: Vec<u32>,
    /// the current sentence's proper-name runs (first word, last word), once computed
    names: Vec<(usize, usize)>,
    /// the candidates at one position
    cands: Vec<usize>,
    /// the words of the current sentence that may start a keyword
    starts: Vec<u32>,
    /// where the current sentence's example phrases end, once computed
    example_ends: Vec<usize>,
    /// bitset of the stem ids in the current sentence, once context is looked up
    present: Vec<u64>,
}

impl TagCache {
    /// Entries kept before the cache starts over (bounds memory on huge vocabularies).
    pub const LIMIT: usize = 200_000;

    /// An empty cache.
    pub fn new() -> Self {
        TagCache::default()
    }

    /// Puts a short word's info in its slot of the direct-mapped table.
    fn remember(&mut self, slot: usize, key: u64, info: u32) {
        if self.direct.is_empty() {
            self.direct = vec![(0, 0); 1 << DIRECT_BITS];
        }
        self.direct[slot] = (key, info);
    }
}

/// A compiled taxonomy, ready to tag text. Immutable and shareable across threads.
pub struct Tagger {
    taxonomy: Taxonomy,
    stemmer: Stemmer,
    english: bool,
    /// stem text → stem id (keyword and context stems)
    stems: FxHashMap<String, u32>,
    /// stem id → entries whose first word has it
    by_first: Vec<Vec<usize>>,
    /// the same, longest first, with what rules each out cheaply
    heads: Vec<Vec<Head>>,
    entries: Vec<Entry>,
    /// keyword texts, as written in the taxonomy
    texts: Vec<String>,
    contexts: Vec<Context>,
    /// case-sensitive one-token keywords (acronyms) → entries
    exact: FxHashMap<Box<str>, Vec<usize>>,
    /// bitset of the three-letter prefixes of every keyword word (normalised, lowercase a–z)
    prefixes: Vec<u64>,
    /// the same for the words of `requires` and `excludes` phrases, looked up
    /// only in sentences where a keyword with context has hit
    ctx_prefixes: Vec<u64>,
    /// bitset of the first two bytes of every case-sensitive keyword
    exact_pairs: Vec<u64>,
    /// first elements that join the next word (`cyber`), longest first
    combining: Vec<&'static str>,
    /// phrases opening a list of examples, longest first (see [`Tagger::in_passing`])
    examples: Vec<ExamplePhrase>,
    /// for each initial `a`–`z`, bitset of the lengths of the example phrases' first words
    example_shapes: [u32; 26],
    /// lowercase words that may stand inside a proper name
    connectors: Vec<&'static str>,
    /// nouns of events and courses whose title names their subject (`Forum on Cyber Security`)
    events: Vec<&'static str>,
    /// nouns of documents whose title names their subject (`Declaration on …`)
    documents: Vec<&'static str>,
    /// prepositions that introduce an event's subject (`on`, `for`)
    subjects: Vec<&'static str>,
    /// finite verbs that make a stretch between commas a clause, not a list item
    verbs: Vec<&'static str>,
    /// phrases before a name that make it the venue (`at`, `on the margins of`), as lowercase words
    venues: Vec<Vec<&'static str>>,
    /// words that may stand between a venue phrase and the name (`the`, `annual`)
    venue_skips: Vec<&'static str>,
}

impl std::fmt::Debug for Tagger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tagger").field("topics", &self.taxonomy.topics.len()).finish()
    }
}

fn is_acronym_keyword(kw: &str) -> bool {
    kw.chars().all(char::is_alphanumeric)
        && (kw.chars().filter(|c| c.is_uppercase()).count() >= 2
            || kw.chars().any(|c| c.is_ascii_digit()) && kw.chars().any(char::is_uppercase))
}

/// Bit index of a three-letter lowercase ASCII prefix.
#[inline]
fn prefix_bit(b: &[u8]) -> Option<usize> {
    if b.len() < 3 {
        return None;
    }
    let l = |c: u8| -> Option<usize> {
        let c = c.to_ascii_lowercase();
        c.is_ascii_lowercase().then(|| (c - b'a') as usize)
    };
    Some((l(b[0])? * 26 + l(b[1])?) * 26 + l(b[2])?)
}

/// A word without its possessive ending (`organisation's`, `States’`).
fn strip_possessive(w: &str) -> &str {
    for end in ["'s", "’s", "'S", "’S"] {
        if let Some(b) = w.strip_suffix(end).filter(|b| !b.is_empty()) {
            return b;
        }
    }
    w
}

/// Lowercases and maps British spellings to American ones (`-isation` →
/// `-ization`, `behaviour` → `behavior`, `centre` → `center`, `analyse` →
/// `analyze`, `dialogue` → `dialog`, `defence` → `defense`, `programme` →
/// `program`, `travelled` → `traveled`). Both keywords and text go through it,
/// so only consistency matters.
pub fn normalize(word: &str) -> String {
    let mut w = strip_possessive(word).to_lowercase();
    if w.contains('’') {
        w = w.replace('’', "'");
    }
    if w.len() < 5 {
        return w;
    }
    const ISE_KEEP: &[&str] = &[
        "precise",
        "otherwise",
        "enterprise",
        "exercise",
        "expertise",
        "promise",
        "compromise",
        "advise",
        "wise",
        "franchise",
        "premise",
        "surprise",
        "supervise",
        "revise",
        "televise",
        "devise",
        "comprise",
        "disguise",
        "merchandise",
        "concise",
        "noise",
        "raise",
        "praise",
        "cruise",
        "chinese",
        "japanese",
        "arise",
        "rise",
        "likewise",
        "clockwise",
        "demise",
        "excise",
        "incise",
        "chastise",
        "despise",
        "improvise",
        "poise",
        "reprise",
        "treatise",
        "guise",
        "paradise",
    ];
    let swaps: [(&str, &str); 12] = [
        ("isation", "ization"),
        ("isations", "izations"),
        ("ysing", "yzing"),
        ("ysed", "yzed"),
        ("yses", "yzes"),
        ("yse", "yze"),
        ("ogue", "og"),
        ("ogues", "ogs"),
        ("programme", "program"),
        ("programmes", "programs"),
        ("defence", "defense"),
        ("licence", "license"),
    ];
    for (from, to) in swaps {
        if w.ends_with(from) {
            w.truncate(w.len() - from.len());
            w.push_str(to);
            return w;
        }
    }
    for (from, to) in [("ise", "ize"), ("ised", "ized"), ("ises", "izes"), ("ising", "izing")] {
        if let Some(stem) = w.strip_suffix(from) {
            let base = format!("{stem}ise");
            if w.len() >= 7 && !ISE_KEEP.iter().any(|k| base.ends_with(k)) {
                let out = format!("{stem}{to}");
                return out;
            }
        }
    }
    for (from, to) in [
        ("our", "or"),
        ("ours", "ors"),
        ("oured", "ored"),
        ("ouring", "oring"),
        ("ourable", "orable"),
        ("ourite", "orite"),
    ] {
        if let Some(stem) = w.strip_suffix(from) {
            if stem.len() >= 3 && !stem.ends_with(['f', 'y', 'h', 't', 'p'])
                || stem.ends_with("vi")
                || stem.ends_with("hon")
                || stem.ends_with("labo")
            {
                return format!("{stem}{to}");
            }
        }
    }
    for (from, to) in [("tre", "ter"), ("tres", "ters")] {
        if let Some(stem) = w.strip_suffix(from) {
            if stem.len() >= 3 && !stem.ends_with(['s', 'n']) || stem.ends_with("cen") {
                return format!("{stem}{to}");
            }
        }
    }
    for (from, to) in [("lled", "led"), ("lling", "ling")] {
        if let Some(stem) = w.strip_suffix(from) {
            if stem.len() >= 4 && !stem.ends_with(['a', 'i', 'u']) && !stem.ends_with("e") {
                return format!("{stem}l{}", &to[1..]);
            }
        }
    }
    w
}

/// Inflectional endings: beyond the stem, these need no guard.
fn inflectional(ext: &str) -> bool {
    matches!(ext, "" | "s" | "es" | "ed" | "d" | "ing" | "e" | "y" | "ies" | "er" | "ers" | "i" | "ly")
}

/// The base that derived forms of a normalised word share: `digitalization`
/// → `digitaliz` (`digitalize`, `digitalized`, `digitalizing`), `encryption`
/// → `encrypt`. Other words are their own base.
fn derived_base(n: &str) -> &str {
    if let Some(b) = n.strip_suffix("ations").or_else(|| n.strip_suffix("ation")) {
        return b;
    }
    match n.strip_suffix("ions").or_else(|| n.strip_suffix("ion")) {
        Some(b) if b.ends_with(['t', 's']) => b,
        _ => n,
    }
}

/// Whether a word is capitalised the way proper names are (`Union`,
/// `Secretary-General`, `Children's`), not an acronym or a number.
fn is_capitalised(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.any(char::is_lowercase)
}

impl Tagger {
    /// Compiles `taxonomy` for the stemmer language `lang`.
    pub fn new(taxonomy: Taxonomy, lang: Algorithm) -> Tagger {
        let english = matches!(lang, Algorithm::English);
        let mut combining: Vec<&'static str> = topic_words("combining").collect();
        combining.sort_by_key(|c| std::cmp::Reverse(c.len()));
        let mut examples: Vec<ExamplePhrase> =
            if english { topic_words("example").filter_map(ExamplePhrase::new).collect() } else { vec![] };
        examples.sort_by_key(|p| std::cmp::Reverse(p.len));
        let mut example_shapes = [0u32; 26];
        for p in &examples {
            let w = p.words[0].as_bytes();
            example_shapes[usize::from(w[0] - b'a')] |= 1 << w.len().min(31);
        }
        let mut t = Tagger {
            taxonomy: Taxonomy { topics: vec![] },
            stemmer: Stemmer::create(lang),
            english,
            stems: FxHashMap::default(),
            by_first: vec![],
            heads: vec![],
            entries: vec![],
            texts: vec![],
            contexts: vec![],
            exact: FxHashMap::default(),
            prefixes: vec![0; (26usize * 26 * 26).div_ceil(64)],
            ctx_prefixes: vec![0; (26usize * 26 * 26).div_ceil(64)],
            exact_pairs: vec![0; (1 << 16) / 64],
            combining: if english { combining } else { vec![] },
            examples,
            example_shapes,
            connectors: if english { topic_words("connector").collect() } else { vec![] },
            events: if english { topic_words("event").collect() } else { vec![] },
            documents: if english { topic_words("document").collect() } else { vec![] },
            subjects: if english { topic_words("subject").collect() } else { vec![] },
            venues: if english {
                topic_words("venue").map(|v| v.split([' ', '-']).collect()).collect()
            } else {
                vec![]
            },
            verbs: if english { topic_words("verb").collect() } else { vec![] },
            venue_skips: if english { topic_words("venue-skip").collect() } else { vec![] },
        };
        let mut memo = FxHashMap::default();
        for (ti, topic) in taxonomy.topics.iter().enumerate() {
            for kw in &topic.keywords {
                let mut ctx = Context { near: kw.near.map(|n| n as usize), ..Context::default() };
                for r in &kw.requires {
                    ctx.requires.extend(t.compile(&mut memo, r, Case::Auto, true));
                }
                for e in &kw.excludes {
                    ctx.excludes.extend(t.compile(&mut memo, e, kw.case, true));
                }
                t.contexts.push(ctx);
                t.texts.push(kw.keyword.trim().to_string());
                let (text, context) = (t.texts.len() - 1, t.contexts.len() - 1);
                let pats = t.compile(&mut memo, &kw.keyword, kw.case, false);
                let specific = kw.name
                    || !kw.requires.is_empty()
                    || pats.first().is_some_and(|p| matches!(p, Pat::Exact(_)) || p.len() > 1);
                let weight = kw.weight.unwrap_or(if specific { SPECIFIC } else { GENERIC });
                for pat in pats {
                    let has_context = !kw.requires.is_empty() || !kw.excludes.is_empty();
                    t.add_entry(Entry { topic: ti, text, pat, context, has_context, name: kw.name, weight });
                }
            }
        }
        // longest first, in taxonomy order among equals (see `tag_sentence`)
        let entries = &t.entries;
        t.heads = t
            .by_first
            .iter()
            .map(|bucket| {
                let mut heads: Vec<Head> = bucket.iter().map(|&k| Head::of(k, &entries[k].pat)).collect();
                heads.sort_by_key(|h| std::cmp::Reverse(h.len));
                heads
            })
            .collect();
        t.taxonomy = taxonomy;
        t
    }

    fn stem_id(&mut self, stem: String) -> u32 {
        let n = self.stems.len() as u32;
        let id = *self.stems.entry(stem).or_insert(n);
        if id as usize >= self.by_first.len() {
            self.by_first.push(Vec::new());
        }
        id
    }

    /// The patterns of a word or phrase: its own form first, then the joined
    /// form of two words (`cyber attack` → `cyberattack`) or the split form of
    /// a word that starts with a combining element (`cybersecurity` → `cyber security`).
    /// `context`: the phrase is a `requires` or `excludes` phrase, whose words
    /// the matcher looks up only when a keyword with context has hit.
    fn compile(&mut self, memo: &mut Memo, text: &str, case: Case, context: bool) -> Vec<Pat> {
        let text = text.trim();
        let one_token = text.chars().all(char::is_alphanumeric);
        if one_token && (case == Case::Sensitive || case == Case::Auto && is_acronym_keyword(text)) {
            let b = text.as_bytes();
            if b.len() >= 2 && !context {
                let bit = usize::from(b[0]) << 8 | usize::from(b[1]);
                self.exact_pairs[bit / 64] |= 1 << (bit % 64);
            }
            return vec![Pat::Exact(text.into())];
        }
        // words as the text splitter sees them: an apostrophe only inside a word
        let words: Vec<&str> = text
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .map(|w| w.trim_matches(['\'', '’']))
            .filter(|w| !w.is_empty())
            .collect();
        let sensitive = case == Case::Sensitive;
        let mut forms: Vec<Vec<String>> = vec![words.iter().map(|w| w.to_string()).collect()];
        if words.len() == 2 {
            forms.push(vec![format!("{}{}", words[0], words[1])]);
        } else if let [w] = words[..] {
            let lower = w.to_lowercase();
            if let Some(c) = self.combining.iter().find(|c| lower.starts_with(**c) && lower.len() >= c.len() + 3) {
                let (a, b) = w.split_at(c.len());
                forms.push(vec![a.to_string(), b.to_string()]);
            }
        }
        let mut pats = Vec::new();
        for form in forms {
            let mut compiled = Vec::with_capacity(form.len());
            for w in &form {
                let (stem, guard) = self.word(memo, w, context);
                let upper = sensitive.then(|| w.chars().next().is_some_and(char::is_uppercase));
                compiled.push(KwWord { stem, guard, upper });
            }
            if !compiled.is_empty() {
                pats.push(Pat::Stems(compiled));
            }
        }
        pats
    }

    /// The stem id and guard of one keyword (or `context`) word; each is
    /// normalised and stemmed once.
    fn word(&mut self, memo: &mut Memo, w: &str, context: bool) -> (u32, Box<str>) {
        // a word seen before (most context words recur) is neither normalised nor stemmed again
        let (v, bit) = match memo.get(w) {
            Some((v, bit)) => (v.clone(), *bit),
            None => {
                let n = self.norm(w);
                let stem = self.stemmer.stem(&n).into_owned();
                let guard = match n.strip_prefix(stem.as_str()) {
                    Some(ext) if !inflectional(ext) => {
                        let base = derived_base(&n).trim_end_matches(['e', 'y']);
                        if base.len() > stem.len() {
                            base
                        } else {
                            ""
                        }
                    }
                    _ => "",
                };
                let v = (self.stem_id(stem), guard.into());
                let bit = prefix_bit(n.as_bytes());
                memo.insert(w.to_string(), (v.clone(), bit));
                (v, bit)
            }
        };
        if let Some(bit) = bit {
            let set = if context { &mut self.ctx_prefixes } else { &mut self.prefixes };
            set[bit / 64] |= 1 << (bit % 64);
        }
        v
    }

    fn add_entry(&mut self, e: Entry) {
        let same = |a: &Entry| {
            a.topic == e.topic
                && a.context == e.context
                && match (&a.pat, &e.pat) {
                    (Pat::Exact(x), Pat::Exact(y)) => x == y,
                    (Pat::Stems(x), Pat::Stems(y)) => {
                        x.len() == y.len()
                            && x.iter()
                                .zip(y)
                                .all(|(a, b)| a.stem == b.stem && a.guard == b.guard && a.upper == b.upper)
                    }
                    _ => false,
                }
        };
        let k = self.entries.len();
        match &e.pat {
            Pat::Exact(s) => {
                let bucket = self.exact.entry(s.clone()).or_default();
                if bucket.iter().any(|&j| same(&self.entries[j])) {
                    return;
                }
                bucket.push(k);
            }
            Pat::Stems(w) => {
                let first = w[0].stem as usize;
                if self.by_first[first].iter().any(|&j| same(&self.entries[j])) {
                    return;
                }
                self.by_first[first].push(k);
            }
        }
        self.entries.push(e);
    }

    fn norm(&self, w: &str) -> String {
        if self.english {
            normalize(w)
        } else {
            w.to_lowercase()
        }
    }

    /// The taxonomy this tagger was built from.
    pub fn taxonomy(&self) -> &Taxonomy {
        &self.taxonomy
    }

    /// The keyword text of a match.
    pub fn keyword(&self, m: &TopicMatch) -> &str {
        &self.texts[self.entries[m.keyword].text]
    }

    /// Every keyword hit in `src[start..end]`, in text order; spans are absolute.
    pub fn tag(&self, src: &str, start: usize, end: usize) -> Vec<TopicMatch> {
        let mut out = Vec::new();
        self.tag_into(src, start, end, &mut TagCache::new(), &mut out);
        out
    }

    /// Like [`Tagger::tag`], appending to `out` and memoising word look-ups in `cache`.
    pub fn tag_into(&self, src: &str, start: usize, end: usize, cache: &mut TagCache, out: &mut Vec<TopicMatch>) {
        self.tag_sentence(src, start, end, &[], cache, out);
    }

    /// Tags one sentence `src[start..end]`. Matching is leftmost-longest over
    /// all keywords: at each word the longest keyword wins and the words it
    /// covers start no other keyword (`law enforcement` holds `law`). A hit
    /// then counts only if its conditions hold: no exclude phrase holds it,
    /// one required context phrase is in the sentence, and — unless the
    /// keyword is a name — it lies neither inside a longer proper name nor in
    /// a span of `blocked` (byte spans, e.g. speaker descriptors).
    pub fn tag_sentence(
        &self,
        src: &str,
        start: usize,
        end: usize,
        blocked: &[(usize, usize)],
        cache: &mut TagCache,
        out: &mut Vec<TopicMatch>,
    ) {
        let mut words = std::mem::take(&mut cache.spans);
        let mut info = std::mem::take(&mut cache.info);
        let mut cands = std::mem::take(&mut cache.cands);
        words_of(src, start, end, &mut words);
        info.clear();
        // the memo starts over between sentences, never inside one
        if cache.words.len() + cache.short.len() >= TagCache::LIMIT {
            cache.words.clear();
            cache.short.clear();
            cache.direct.clear();
            cache.infos.clear();
        }
        // resolve each word that may be a keyword's once: one hash look-up for
        // a known form; words that can only be context wait until needed
        let mut starts = std::mem::take(&mut cache.starts);
        starts.clear();
        for (k, &(ws, we)) in words.iter().enumerate() {
            let w = &src[ws..we];
            let i = match prefix_bit(w.as_bytes()) {
                Some(bit) if self.prefixes[bit / 64] & (1 << (bit % 64)) == 0 => {
                    if self.ctx_prefixes[bit / 64] & (1 << (bit % 64)) == 0 {
                        NO_WORD
                    } else {
                        UNSEEN
                    }
                }
                _ => self.resolve(w, cache),
            };
            // only a word with a stem of the taxonomy, or an acronym's first bytes, starts a keyword
            if i < UNSEEN || self.may_be_exact(w) {
                starts.push(k as u32);
            }
            info.push(i);
        }
        let mut context_ready = false;
        let mut names: Option<Vec<(usize, usize)>> = None;
        let mut headline: Option<bool> = None;
        let mut passing: Option<Passing> = None;
        // the first word not covered by the last hit
        let mut free = 0;
        for &first in &starts {
            let i = first as usize;
            if i < free {
                continue;
            }
            let s = Sentence { src, words: &words, info: &info, infos: &cache.infos, present: &cache.present };
            cands.clear();
            let mut len = 0;
            if self.may_be_exact(s.word(i)) {
                if let Some(hits) = self.exact_hits(s.word(i)) {
                    cands.extend_from_slice(hits);
                    len = 1;
                }
            }
            if let Some((first, _)) = s.at(i) {
                let next = s.at(i + 1).map_or(NO_WORD, |a| a.0);
                // longest patterns first: none shorter than a match can win
                for h in &self.heads[*first as usize] {
                    let (k, n) = (h.entry as usize, h.len as usize);
                    if n < len {
                        break;
                    }
                    if n > 1 && h.second != next {
                        continue;
                    }
                    if h.plain || self.matches_at(&s, &self.entries[k].pat, i) {
                        if n > len {
                            cands.clear();
                            len = n;
                        }
                        cands.push(k);
                    }
                }
            }
            if len == 0 {
                continue;
            }
            if !context_ready && cands.iter().any(|&k| self.entries[k].has_context) {
                self.resolve_context(src, &words, &mut info, cache);
                context_ready = true;
            }
            let s = Sentence { src, words: &words, info: &info, infos: &cache.infos, present: &cache.present };
            let (ms, me) = (words[i].0, words[i + len - 1].1);
            let from = out.len();
            for &k in &cands {
                let e = &self.entries[k];
                // two forms of one topic's keywords on one span (`cyber security`
                // joined, `cybersecurity`) are one hit
                if out[from..].iter().any(|m| m.topic == e.topic) {
                    continue;
                }
                let ctx = &self.contexts[e.context];
                if !e.name {
                    if blocked.iter().any(|&(bs, be)| bs < me && ms < be) {
                        continue;
                    }
                    // only a capitalised word can start a hit inside a name
                    if is_capitalised(s.word(i)) {
                        let runs = names.get_or_insert_with(|| {
                            let mut v = std::mem::take(&mut cache.names);
                            self.name_runs(&s, &mut v);
                            v
                        });
                        let inside = runs.iter().find(|&&(a, b)| a <= i && i + len - 1 <= b && b - a + 1 > len);
                        let headline = *headline.get_or_insert_with(|| self.is_headline(&s));
                        if inside.is_some_and(|&(a, _)| !headline && !self.names_subject(&s, a, i)) {
                            continue;
                        }
                    } else if matches!(e.pat, Pat::Exact(_))
                        && opens_name(&s, i)
                        && !*headline.get_or_insert_with(|| self.is_headline(&s))
                    {
                        // an acronym that opens a name (`the AI Policy Lab`)
                        continue;
                    }
                }
                if ctx.excludes.iter().any(|p| self.holds(&s, p, i, len)) {
                    continue;
                }
                let window = ctx.near.map_or(0..words.len(), |n| i.saturating_sub(n)..(i + len + n).min(words.len()));
                if !ctx.requires.is_empty() && !ctx.requires.iter().any(|p| self.within(&s, p, window.clone())) {
                    continue;
                }
                let p = passing
                    .get_or_insert_with(|| Passing::new(&src[start..end], std::mem::take(&mut cache.example_ends)));
                // example phrases in the words before the hit
                while p.scanned < i {
                    match self.example_at(&s, p.scanned, end) {
                        Some((n, e)) => {
                            p.example_ends.push(e);
                            p.scanned += n;
                        }
                        None => p.scanned += 1,
                    }
                }
                let text = &src[start..end];
                let in_passing = p.holds(text, start, ms - start)
                    || p.commas && is_list_item(text, ms - start, me - start, &self.verbs)
                    || e.name && self.is_venue(&s, i, len);
                let weight = if in_passing { e.weight * IN_PASSING } else { e.weight };
                out.push(TopicMatch { topic: e.topic, keyword: k, start: ms, end: me, weight });
            }
            free = i + len;
        }
        cache.starts = starts;
        if let Some(v) = names {
            cache.names = v;
        }
        if let Some(p) = passing {
            cache.example_ends = p.example_ends;
        }
        cache.spans = words;
        cache.info = info;
        cache.cands = cands;
    }

    /// The entries of a case-sensitive token, a plural `s` or a possessive allowed.
    // off the hot word loop: taken only on a hit
    #[inline(never)]
    fn exact_hits(&self, w: &str) -> Option<&Vec<usize>> {
        let w = strip_possessive(w);
        let base = w.strip_suffix('s').filter(|b| b.len() >= 2 && b.chars().last().is_some_and(char::is_uppercase));
        self.exact.get(w).or_else(|| base.and_then(|b| self.exact.get(b)))
    }

    /// Whether `pat` matches the words from `i`.
    fn matches_at(&self, s: &Sentence, pat: &Pat, i: usize) -> bool {
        match pat {
            Pat::Exact(x) => {
                i < s.words.len() && {
                    let w = strip_possessive(s.word(i));
                    w == &**x || w.strip_suffix('s') == Some(&**x) && x.chars().last().is_some_and(char::is_uppercase)
                }
            }
            Pat::Stems(ws) => {
                // the stems first (integer comparisons), then guards, gaps and case
                i + ws.len() <= s.words.len()
                    && ws.iter().enumerate().all(|(j, kw)| s.at(i + j).is_some_and(|a| a.0 == kw.stem))
                    && ws.iter().enumerate().all(|(j, kw)| {
                        (kw.guard.is_empty() || s.at(i + j).is_some_and(|a| a.1.starts_with(&*kw.guard)))
                            && (j == 0 || gap_ok(s.src, s.words[i + j - 1].1, s.words[i + j].0))
                            && kw
                                .upper
                                .is_none_or(|u| s.word(i + j).chars().next().is_some_and(char::is_uppercase) == u)
                    })
            }
        }
    }

    /// Whether an occurrence of `pat` overlaps the words `i..i + len`.
    // off the hot word loop: taken only on a hit
    #[inline(never)]
    fn holds(&self, s: &Sentence, pat: &Pat, i: usize, len: usize) -> bool {
        (i.saturating_sub(pat.len() - 1)..i + len).any(|p| self.matches_at(s, pat, p))
    }

    /// Whether `pat` starts at one of the words `window` (the sentence's context looked up).
    // off the hot word loop: taken only on a hit
    #[inline(never)]
    fn within(&self, s: &Sentence, pat: &Pat, window: std::ops::Range<usize>) -> bool {
        match pat {
            Pat::Stems(ws) => {
                let first = ws[0].stem;
                let f = first as usize;
                s.present[f / 64] & (1 << (f % 64)) != 0
                    && window.into_iter().any(|p| s.at(p).is_some_and(|a| a.0 == first) && self.matches_at(s, pat, p))
            }
            Pat::Exact(x) => {
                let b = x.as_bytes()[0];
                window.into_iter().any(|p| s.src.as_bytes()[s.words[p].0] == b && self.matches_at(s, pat, p))
            }
        }
    }

    /// Whether the sentence is a headline in title case (`Promoting Child
    /// Online Safety – A Role for Volunteers?`): every word capitalised but
    /// the connectors and the shortest function words. Its capitalised words
    /// are no proper name.
    // off the hot word loop: taken only on a hit
    #[inline(never)]
    fn is_headline(&self, s: &Sentence) -> bool {
        (0..s.words.len()).all(|k| {
            let w = s.word(k);
            w.len() <= TITLE_SHORT_WORD
                || !w.chars().next().is_some_and(char::is_lowercase)
                || self.connectors.contains(&w)
        })
    }

    /// Whether the name run starting at word `a` is the title of an event or
    /// course about what its word `i` starts (`a Forum on Cyber Security`, `a
    /// meeting on Cyber Security in West Africa`, `Course for CyberSecurity
    /// Awareness`): an event noun, then a subject preposition, before `i`,
    /// inside the run or just before it.
    // off the hot word loop: taken only on a hit
    #[inline(never)]
    fn names_subject(&self, s: &Sentence, a: usize, i: usize) -> bool {
        (a.saturating_sub(2)..i.saturating_sub(1)).any(|p| {
            (p >= a || p + 2 == a) && {
                let noun = s.word(p).to_lowercase();
                let known = |n: &str| self.events.contains(&n) || self.documents.contains(&n);
                let noun = noun.strip_suffix('s').filter(|n| known(n)).unwrap_or(&noun);
                known(noun) && self.subjects.iter().any(|w| s.word(p + 1).eq_ignore_ascii_case(w))
            }
        })
    }

    /// Whether the name at words `i..i + len` is where something happens, not
    /// what it is about: after a venue phrase (`at the 17th annual IGF`, `on
    /// the margins of the WSIS Forum`), or before the noun of an event it
    /// holds (`an IGF open forum`, `the IGF 2024 session`).
    // off the hot word loop: taken only on a hit by a name
    #[inline(never)]
    fn is_venue(&self, s: &Sentence, i: usize, len: usize) -> bool {
        let skippable = |w: &str| {
            w.bytes().any(|b| b.is_ascii_digit()) || self.venue_skips.iter().any(|k| w.eq_ignore_ascii_case(k))
        };
        let mut k = i;
        while k > 0 && i - k < VENUE_SKIPS && skippable(s.word(k - 1)) {
            k -= 1;
        }
        let before = self.venues.iter().any(|v| {
            v.len() <= k && v.iter().rev().enumerate().all(|(j, w)| s.word(k - 1 - j).eq_ignore_ascii_case(w))
        });
        let mut j = i + len;
        while j < s.words.len() && j - (i + len) < VENUE_SKIPS && skippable(s.word(j)) {
            j += 1;
        }
        // an event noun right after, singular or plural, or after one lowercase word, singular
        let event = |w: &str| {
            let one = w.strip_suffix('s').unwrap_or(w);
            self.events.iter().any(|e| w.eq_ignore_ascii_case(e) || one.eq_ignore_ascii_case(e))
        };
        before
            || j < s.words.len()
                && (event(s.word(j))
                    || j + 1 < s.words.len()
                        && s.word(j).chars().next().is_some_and(char::is_lowercase)
                        && self.events.iter().any(|e| s.word(j + 1).eq_ignore_ascii_case(e)))
    }

    /// Runs of two or more capitalised words (with connectors such as `of`
    /// between them) that are not the sentence's first word alone: the
    /// proper names, organisations and titles of the sentence.
    // off the hot word loop: taken only on a hit
    #[inline(never)]
    fn name_runs(&self, s: &Sentence, runs: &mut Vec<(usize, usize)>) {
        runs.clear();
        let mut flush = |run: Option<(usize, usize, usize)>| {
            if let Some((a, b, _)) = run.filter(|r| r.2 >= 2) {
                runs.push((a, b));
            }
        };
        // (first word, last capitalised word, capitalised words), connectors since the last one
        let mut run: Option<(usize, usize, usize)> = None;
        let mut pending = 0;
        for k in 0..s.words.len() {
            let w = s.word(k);
            let joined = k > 0 && gap_ok(s.src, s.words[k - 1].1, s.words[k].0);
            if is_capitalised(w) {
                run = match run {
                    Some((a, _, n)) if joined => Some((a, k, n + 1)),
                    other => {
                        flush(other);
                        Some((k, k, 1))
                    }
                };
                pending = 0;
            } else if run.is_some() && joined && pending < 2 && self.connectors.contains(&w) {
                pending += 1;
            } else {
                flush(run.take());
                pending = 0;
            }
        }
        flush(run);
    }

    /// The number of words and the end of the example phrase (`such as`,
    /// `e.g.`) starting at word `k`: whole words in any letter case with the
    /// phrase's own separators.
    #[inline]
    fn example_at(&self, s: &Sentence, k: usize, end: usize) -> Option<(usize, usize)> {
        let b = s.src.as_bytes();
        let (ws, we) = s.words[k];
        // first a look at the word's initial and length
        let initial = b[ws].to_ascii_lowercase();
        if !initial.is_ascii_lowercase()
            || we - ws >= 32
            || self.example_shapes[usize::from(initial - b'a')] & 1 << (we - ws) == 0
        {
            return None;
        }
        let first = s.word(k);
        self.examples.iter().filter(|p| p.words[0].len() == first.len()).find_map(|p| {
            let n = p.words.len();
            let fits = k + n <= s.words.len()
                && first.eq_ignore_ascii_case(&p.words[0])
                && p.words.iter().enumerate().skip(1).all(|(j, w)| {
                    s.word(k + j).eq_ignore_ascii_case(w)
                        && s.src[s.words[k + j - 1].1..s.words[k + j].0] == *p.gaps[j - 1]
                });
            let after = s.words.get(k + n - 1).map_or(end, |w| w.1);
            let next = after + p.trail.len();
            (fits && s.src[after..end].starts_with(&*p.trail) && (next >= end || !b[next].is_ascii_alphanumeric()))
                .then_some((n, next))
        })
    }

    /// Looks up the words left for context, and notes which stems the sentence holds.
    // off the hot word loop: taken only on a hit
    #[inline(never)]
    fn resolve_context(&self, src: &str, words: &[(usize, usize)], info: &mut [u32], cache: &mut TagCache) {
        for (k, &(ws, we)) in words.iter().enumerate() {
            if info[k] == UNSEEN {
                info[k] = self.resolve(&src[ws..we], cache);
            }
        }
        cache.present.clear();
        cache.present.resize(self.stems.len().div_ceil(64), 0);
        for &i in info.iter().filter(|&&i| i < UNSEEN) {
            let stem = cache.infos[i as usize].0 as usize;
            cache.present[stem / 64] |= 1 << (stem % 64);
        }
    }

    /// The cached info of a word form, computing it on first sight.
    fn resolve(&self, w: &str, cache: &mut TagCache) -> u32 {
        let key = short_key(w);
        // most words are short and frequent: one slot of a direct-mapped table first
        let slot = key.map(|k| (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - DIRECT_BITS)) as usize);
        if let (Some(k), Some(j)) = (key, slot) {
            match cache.direct.get(j) {
                Some(&(dk, i)) if dk == k => return i,
                _ => {}
            }
        }
        if let Some(&i) = match key {
            Some(k) => cache.short.get(&k),
            None => cache.words.get(w),
        } {
            if let (Some(k), Some(j)) = (key, slot) {
                cache.remember(j, k, i);
            }
            return i;
        }
        let i = match self.lookup(w) {
            Some(v) => {
                cache.infos.push(v);
                (cache.infos.len() - 1) as u32
            }
            None => NO_WORD,
        };
        match key {
            Some(k) => cache.short.insert(k, i),
            None => cache.words.insert(w.into(), i),
        };
        if let (Some(k), Some(j)) = (key, slot) {
            cache.remember(j, k, i);
        }
        i
    }

    /// Whether `w` could be a case-sensitive (acronym) keyword: checked on
    /// its first two bytes before any hashing.
    #[inline]
    fn may_be_exact(&self, w: &str) -> bool {
        let b = w.as_bytes();
        b.len() >= 2 && {
            let bit = usize::from(b[0]) << 8 | usize::from(b[1]);
            self.exact_pairs[bit / 64] & (1 << (bit % 64)) != 0
        }
    }

    /// Normalises and stems one word; None unless its stem is a keyword stem.
    fn lookup(&self, w: &str) -> Option<(u32, Box<str>)> {
        let n = self.norm(w);
        let stem = self.stemmer.stem(&n);
        let id = *self.stems.get(stem.as_ref())?;
        Some((id, n.into_boxed_str()))
    }
}

/// What a sentence holds that makes a hit a mention in passing, found once
/// per sentence with a hit and extended word by word as hits come.
#[derive(Debug, Default)]
struct Passing {
    /// the sentence holds `(`
    paren: bool,
    /// the sentence holds two commas or more (an enumeration is possible)
    commas: bool,
    /// where the example phrases found so far end (absolute offsets)
    example_ends: Vec<usize>,
    /// the words before this index have been looked at for example phrases
    scanned: usize,
}

impl Passing {
    fn new(text: &str, mut example_ends: Vec<usize>) -> Passing {
        let b = text.as_bytes();
        example_ends.clear();
        Passing {
            paren: memchr::memchr(b'(', b).is_some(),
            commas: memchr::memchr_iter(b',', b).nth(1).is_some(),
            example_ends,
            scanned: 0,
        }
    }

    /// Whether the hit at `text[ms..]` (`text` starting at offset `start`) is
    /// in passing: inside parentheses (the last of `(` and `)` before it is
    /// `(`), or after a phrase that opens a list of examples in the same
    /// clause (no `;` or `:` between).
    fn holds(&self, text: &str, start: usize, ms: usize) -> bool {
        let b = &text.as_bytes()[..ms];
        self.paren && memchr::memrchr2(b'(', b')', b).is_some_and(|k| b[k] == b'(')
            || self
                .example_ends
                .iter()
                .map(|&e| e - start)
                .any(|e| e <= ms && memchr::memchr2(b';', b':', &b[e..]).is_none())
    }
}

/// Whether `s[ms..me]` is one short item of an enumeration: the stretch
/// between the separators around it (`,` `;` `:` parentheses, dashes) holds
/// at most four words, none of them a finite verb of `verbs` (`ICT threats
/// are increasing, but …` is a clause), and touches a comma (the caller
/// checks that the sentence has two commas or more).
fn is_list_item(s: &str, ms: usize, me: usize, verbs: &[&str]) -> bool {
    const SEP: [char; 7] = [',', ';', ':', '(', ')', '—', '–'];
    let left = s[..ms].rfind(SEP).map_or(0, |k| k + s[k..].chars().next().map_or(1, char::len_utf8));
    let right = s[me..].find(SEP).map_or(s.len(), |k| me + k);
    let touches = s[..left].ends_with(',') || s[right..].starts_with(',');
    touches && s[left..right].split_whitespace().nth(4).is_none() && {
        !s[left..right].split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            verbs.iter().any(|v| w.eq_ignore_ascii_case(v))
        })
    }
}

/// Whether the word after `i` starts a run of two capitalised words joined
/// to it: an acronym there opens a proper name (`the AI Policy Lab Day`,
/// `the IoT Security Foundation`), not a mention of its topic.
fn opens_name(s: &Sentence, i: usize) -> bool {
    i + 2 < s.words.len()
        && (i + 1..=i + 2).all(|k| is_capitalised(s.word(k)) && gap_ok(s.src, s.words[k - 1].1, s.words[k].0))
}

/// Slots of the direct-mapped word table: 2^10 (16 KB, within the L1 cache).
const DIRECT_BITS: u32 = 10;

/// A word form of up to seven bytes as one integer: its bytes and its length.
#[inline]
fn short_key(w: &str) -> Option<u64> {
    let b = w.as_bytes();
    (b.len() <= 7).then(|| b.iter().rev().fold(b.len() as u64, |k, &c| k << 8 | u64::from(c)))
}

/// Words skipped on either side of a name before a venue phrase or an event noun.
const VENUE_SKIPS: usize = 3;

/// Words this short are function words in any title (`a`, `by`, `at`).
const TITLE_SHORT_WORD: usize = 2;

/// One sentence's words, as the matcher sees them.
struct Sentence<'a> {
    src: &'a str,
    words: &'a [(usize, usize)],
    info: &'a [u32],
    infos: &'a [(u32, Box<str>)],
    /// bitset of the sentence's stem ids (see [`Tagger::resolve_context`])
    present: &'a [u64],
}

impl Sentence<'_> {
    fn word(&self, k: usize) -> &str {
        &self.src[self.words[k].0..self.words[k].1]
    }

    /// (stem id, normalised form) of word `k`, if its stem is a keyword stem.
    fn at(&self, k: usize) -> Option<&(u32, Box<str>)> {
        self.info.get(k).filter(|&&i| i < UNSEEN).map(|&i| &self.infos[i as usize])
    }
}

/// The score of each topic of a sentence, in order of first hit: the hits of
/// distinct keywords combine as independent evidence (1 − Π(1 − weight)),
/// each keyword counting once with its strongest hit; rounded to 0.01.
pub fn topic_scores(matches: &[TopicMatch], tagger: &Tagger, out: &mut Vec<(usize, f32)>) {
    out.clear();
    for (k, m) in matches.iter().enumerate() {
        if out.iter().any(|&(t, _)| t == m.topic) {
            continue;
        }
        let mut miss = 1.0f32;
        for (j, a) in matches.iter().enumerate().skip(k).filter(|(_, a)| a.topic == m.topic) {
            let text = tagger.entries[a.keyword].text;
            // the first hit of each keyword text carries the keyword's strongest weight
            if matches[k..j].iter().any(|b| b.topic == m.topic && tagger.entries[b.keyword].text == text) {
                continue;
            }
            let w = matches[j..]
                .iter()
                .filter(|b| b.topic == m.topic && tagger.entries[b.keyword].text == text)
                .map(|b| b.weight)
                .fold(0.0f32, f32::max);
            miss *= 1.0 - w;
        }
        out.push((m.topic, ((1.0 - miss) * 100.0).round() / 100.0));
    }
}

/// Which bytes are ASCII letters and digits (one load instead of three range tests).
const ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = (c as u8).is_ascii_alphanumeric();
        c += 1;
    }
    t
};

/// Word spans (letters and digits, inner apostrophes) in `src[start..end]`, into `words`.
fn words_of(src: &str, start: usize, end: usize, words: &mut Vec<(usize, usize)>) {
    words.clear();
    let b = &src.as_bytes()[..end];
    let mut i = start;
    let mut s: Option<usize> = None;
    while i < end {
        let c = b[i];
        if ASCII_ALNUM[usize::from(c)] {
            // the usual case: a run of ASCII letters and digits
            s.get_or_insert(i);
            i += 1;
            i += b[i..].iter().position(|&c| !ASCII_ALNUM[usize::from(c)]).unwrap_or(end - i);
            continue;
        }
        if s.is_none() && c < 0x80 {
            i += 1; // ASCII space or punctuation between words
            continue;
        }
        let (alnum, apos, len) = if c < 0x80 {
            (false, c == b'\'', 1)
        } else {
            let ch = src[i..].chars().next().unwrap_or(' ');
            (ch.is_alphanumeric(), ch == '’', ch.len_utf8())
        };
        if alnum {
            s.get_or_insert(i);
        } else if let Some(ws) = s {
            // an apostrophe inside a word (don't, states’ → ends the word)
            if !(apos && src[i + len..end].chars().next().is_some_and(char::is_alphanumeric)) {
                words.push((ws, i));
                s = None;
            }
        }
        i += len;
    }
    if let Some(ws) = s {
        words.push((ws, end));
    }
}

/// Words of a phrase may be separated by spaces, a hyphen or a line break
/// (after a possessive apostrophe), nothing else.
fn gap_ok(src: &str, a: usize, b: usize) -> bool {
    // a plural possessive ends the first word: `workers' rights`
    let g = src[a..b].trim_start_matches(['\'', '’']);
    g.len() <= 4 && g.chars().all(|c| c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '–'))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "topic,keyword,requires,excludes,case,name,near";

    /// The same rows as a JSON taxonomy, written independently of the CSV reader.
    fn json_of(rows: &str) -> String {
        let mut topics: Vec<(String, Vec<serde_json::Value>)> = Vec::new();
        for line in rows.lines() {
            let mut c: Vec<&str> = line.split(',').collect();
            c.resize(7, "");
            let list =
                |s: &str| s.split('|').map(|x| x.trim().to_string()).filter(|x| !x.is_empty()).collect::<Vec<String>>();
            let mut kw = serde_json::json!({ "keyword": c[1] });
            if !c[2].is_empty() {
                kw["requires"] = list(c[2]).into();
            }
            if !c[3].is_empty() {
                kw["excludes"] = list(c[3]).into();
            }
            if !c[4].is_empty() {
                kw["case"] = c[4].into();
            }
            if c[5] == "yes" {
                kw["name"] = true.into();
            }
            if !c[6].is_empty() {
                kw["near"] = c[6].parse::<u32>().unwrap().into();
            }
            match topics.iter_mut().find(|t| t.0 == c[0]) {
                Some(t) => t.1.push(kw),
                None => topics.push((c[0].to_string(), vec![kw])),
            }
        }
        let topics: Vec<_> = topics.into_iter().map(|(id, k)| serde_json::json!({"id": id, "keywords": k})).collect();
        serde_json::json!({ "topics": topics }).to_string()
    }

    fn taggers(rows: &str) -> [(&'static str, Tagger); 2] {
        let csv = Taxonomy::from_csv(&format!("{HEADER}\n{rows}\n")).unwrap();
        let json = Taxonomy::from_json(&json_of(rows)).unwrap();
        [("csv", Tagger::new(csv, Algorithm::English)), ("json", Tagger::new(json, Algorithm::English))]
    }

    fn hits(t: &Tagger, text: &str) -> Vec<String> {
        let mut v: Vec<String> =
            t.tag(text, 0, text.len()).into_iter().map(|m| t.taxonomy().topics[m.topic].id.clone()).collect();
        v.dedup();
        v
    }

    /// (name, taxonomy rows `topic,keyword,requires,excludes,case,name,near`, text, expected topics)
    const CASES: &[(&str, &str, &str, &[&str])] = &[
        ("inflection -s", "sec,attack", "Attacks rose.", &["sec"]),
        ("inflection -ed", "sec,attack", "They were attacked.", &["sec"]),
        ("inflection -ing", "sec,attack", "attacking hospitals", &["sec"]),
        ("multi-word", "hr,human rights", "Human rights matter.", &["hr"]),
        ("multi-word inflected", "cb,capacity building", "capacities built; capacity-building", &["cb"]),
        ("multi-word not split by comma", "hr,human rights", "human, rights", &[]),
        ("hyphen form", "ca,cyber attack", "a cyber-attack", &["ca"]),
        ("space form", "ca,cyber-attack", "a cyber attack", &["ca"]),
        ("joined form", "ca,cyber-attack", "cyberattacks rose", &["ca"]),
        ("british isation", "dig,digitalization", "digitalisation", &["dig"]),
        ("american isation", "dig,digitalisation", "digitalization", &["dig"]),
        ("organisation", "org,organization", "organisations", &["org"]),
        ("behaviour", "beh,behavior", "behaviours", &["beh"]),
        ("analyse", "an,analyze", "they analysed it", &["an"]),
        ("centre", "dc,data center", "data centres", &["dc"]),
        ("acronym", "ai,AI", "AI tools", &["ai"]),
        ("acronym not inside words", "ai,AI", "said again", &[]),
        ("acronym case", "ai,AI", "ai", &[]),
        ("acronym plural", "cert,CERT", "national CERTs", &["cert"]),
        ("acronym possessive", "gdpr,GDPR", "the GDPR’s reach", &["gdpr"]),
        ("acronym mixed case", "iot,IoT", "IoT devices", &["iot"]),
        ("digit acronym", "g5,5G", "5G networks", &["g5"]),
        ("no stem collision", "dp,digital", "two digits", &[]),
        ("derivational kept", "dp,digital", "digitally", &["dp"]),
        ("governance vs government", "gov,governance", "the government", &[]),
        ("security", "sec,security", "securities", &["sec"]),
        ("policy", "pol,policy", "policies", &["pol"]),
        // joined keyword, split or hyphenated text
        ("joined keyword, hyphenated text", "cs,cybersecurity", "cyber-security matters", &["cs"]),
        ("joined keyword, spaced text", "cs,cybersecurity", "cyber security matters", &["cs"]),
        ("joined keyword, other word", "cs,cybersecurity", "cyber matters; security too", &[]),
        // possessives
        ("possessive", "org,organisation", "the organisation's view", &["org"]),
        ("possessive curly", "org,organisation", "the organisation’s view", &["org"]),
        // derived forms share the keyword's base; the guard still keeps `digit` out
        ("derived -ising", "dig,digitalisation", "digitalising services", &["dig"]),
        ("derived -ised", "dig,digitalisation", "digitalised services", &["dig"]),
        ("derived -ize", "dig,digitalisation", "to digitalize", &["dig"]),
        ("derived, not the root", "dig,digitalisation", "digital services", &[]),
        ("derived, not digit", "dig,digitalisation", "two digits", &[]),
        ("derived -ion to verb", "enc,encryption", "encrypted messages", &["enc"]),
        // 1. keywords inside names and titles
        ("inside a name", "un,Secretary-General", "the Union's Secretary-General spoke", &[]),
        ("the name alone", "un,Secretary-General", "the Secretary-General spoke", &["un"]),
        ("inside a longer name", "un,United Nations", "the United Nations Water Agency met", &[]),
        ("a name of its own", "un,United Nations", "the United Nations met", &["un"]),
        ("agency name", "edu,education", "the Education Agency said so", &[]),
        ("agency name, counter", "edu,education", "education went online", &["edu"]),
        ("possessive name", "ch,children", "the Children's Fund reported", &[]),
        ("possessive name, counter", "ch,children", "children are online", &["ch"]),
        ("name with connectors", "neg,negotiation", "the Committee on Trade Negotiations met", &[]),
        ("name with connectors, counter", "neg,negotiation", "the negotiations stalled", &["neg"]),
        ("capitalised phrase", "priv,tracking", "They joined the Fast Track Programme", &[]),
        ("capitalised phrase, counter", "priv,tracking", "tracking users", &["priv"]),
        ("keyword marked as a name", "w,WSIS,,,,yes", "the WSIS Forum opened", &["w"]),
        ("acronym not a name", "w,WSIS", "the WSIS Forum opened", &["w"]),
        ("phrase marked as a name", "cc,Budapest Convention,,,,yes", "the Budapest Convention Committee met", &["cc"]),
        ("phrase not a name", "cc,Budapest Convention", "the Budapest Convention Committee met", &[]),
        ("capitalised keyword alone", "ai,artificial intelligence", "Artificial Intelligence is here", &["ai"]),
        // ... but the title of an event or course names its subject
        ("event title", "cs,cyber security", "They held a Forum on Cyber Security in Dakar", &["cs"]),
        (
            "event noun before the name",
            "cs,cyber security",
            "a meeting on Cyber Security in West Africa was held",
            &["cs"],
        ),
        ("course title", "cs,cybersecurity", "an Introductory Course for CyberSecurity Awareness opened", &["cs"]),
        ("organisation, not an event", "cs,cyber security", "the Centre for Cyber Security in Pretoria opened", &[]),
        ("event noun after the keyword", "cs,cyber security", "the Cyber Security Forum Secretariat met", &[]),
        ("event noun without a subject", "cs,cyber security", "the Forum of Cyber Security Experts met", &[]),
        // ... and a headline in title case is no proper name
        ("headline", "cos,online safety", "Promoting Child Online Safety – A Role for Volunteers?", &["cos"]),
        ("not a headline", "cos,online safety", "Ms Roy chairs the Online Safety Steering Group today", &[]),
        // 2. generic words need their context
        ("requires: absent", "coop,cooperation,regional|African Union|ASEAN", "cooperation between firms", &[]),
        ("requires: word", "coop,cooperation,regional|African Union|ASEAN", "regional cooperation", &["coop"]),
        (
            "requires: name",
            "coop,cooperation,regional|African Union|ASEAN",
            "cooperation with the African Union",
            &["coop"],
        ),
        ("requires: acronym", "coop,cooperation,regional|African Union|ASEAN", "cooperation with ASEAN", &["coop"]),
        ("requires: acronym case", "coop,cooperation,regional|African Union|ASEAN", "cooperation with asean", &[]),
        ("requires: inflected", "cbm,trust,confidence-building|states", "trust between States", &["cbm"]),
        ("requires: other sense", "cbm,trust,confidence-building|states", "user trust in apps", &[]),
        // NEAR: the context within so many words of the keyword
        ("near: close", "edu,school,online|remote,,,,4", "the school moved online last spring", &["edu"]),
        (
            "near: too far",
            "edu,school,online|remote,,,,4",
            "the school is a partner for parents when a child goes online",
            &[],
        ),
        ("near: before the keyword", "edu,school,online|remote,,,,4", "remote learning kept the school open", &["edu"]),
        (
            "near: absent",
            "edu,school,online|remote",
            "the school is a partner for parents when a child goes online",
            &["edu"],
        ),
        ("excludes: held", "env,environment,,trading environment|business environment", "a trading environment", &[]),
        ("excludes: not held", "env,environment,,trading environment", "the environment suffers", &["env"]),
        ("excludes: elsewhere", "env,environment,,trading environment", "trading rules; the environment", &["env"]),
        // 3. the longest keyword wins
        ("longest wins", "leg,law\ncrime,law enforcement", "law enforcement agencies", &["crime"]),
        ("shorter alone", "leg,law\ncrime,law enforcement", "the law applies", &["leg"]),
        ("excluded phrase", "leg,law,,law enforcement", "law enforcement agencies", &[]),
        ("adjacent keywords", "priv,data protection\nleg,law", "data protection law", &["priv", "leg"]),
        ("requires on a phrase", "jur,cross-border,data|jurisdiction", "cross-border trade", &[]),
        ("requires on a phrase, counter", "jur,cross-border,data|jurisdiction", "cross-border data", &["jur"]),
        // letter case
        ("case sensitive phrase", "cc,Budapest Convention,,,sensitive", "the budapest convention", &[]),
        (
            "case sensitive phrase, counter",
            "cc,Budapest Convention,,,sensitive,yes",
            "the Budapest Convention",
            &["cc"],
        ),
        ("case insensitive acronym", "ai,AI,,,insensitive", "ai tools", &["ai"]),
        ("case sensitive word", "dip,Fast,,,sensitive", "fast", &[]),
        // words of one or two letters, in a phrase, as a keyword or as context
        ("short word inside a phrase", "iot,internet of things", "the Internet of Things grows", &["iot"]),
        ("short word as a keyword", "e,e,,,insensitive", "Plan E works", &["e"]),
        ("short context word", "s,safety,by", "safety by design", &["s"]),
        ("short context word absent", "s,safety,by", "safety first", &[]),
        // an acronym that opens a name is no evidence either
        ("acronym opens a name", "ai,AI", "The AI Policy Lab Day 2025 was rich in insight.", &[]),
        ("acronym before one capitalised word", "ai,AI", "The AI Act and AI Systems matter.", &["ai"]),
        ("acronym before a lowercase word", "ai,AI", "The AI systems Lab said so.", &["ai"]),
        ("acronym opening a headline", "ai,AI", "AI Policy Lab Opens In Paris", &["ai"]),
        ("acronym marked as a name", "ai,AI,,,,yes", "The AI Policy Lab Day 2025 was rich.", &["ai"]),
        // the title of a document names its subject, a body's name does not
        (
            "document title",
            "p,personal data",
            "They adopted the Declaration on Government Access to Personal Data today.",
            &["p"],
        ),
        ("body, not a document", "p,personal data", "the Committee on Government Access to Personal Data met", &[]),
        ("document without a subject", "p,personal data", "the Report of Personal Data Experts came out", &[]),
    ];

    #[test]
    fn table() {
        let mut failed = Vec::new();
        for (name, rows, text, want) in CASES {
            for (format, t) in taggers(rows) {
                let got = hits(&t, text);
                if got != *want {
                    failed.push(format!("{name} ({format}): got {got:?}, want {want:?}"));
                }
            }
        }
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }

    #[test]
    fn blocked_spans_hold_no_evidence() {
        let [(_, t), _] = taggers("priv,privacy\nw,WSIS,,,,yes");
        let text = "Ms Varga, head of privacy at the WSIS office, spoke on privacy.";
        let title = text.find("head").unwrap()..text.find(", spoke").unwrap();
        let mut out = Vec::new();
        t.tag_sentence(text, 0, text.len(), &[(title.start, title.end)], &mut TagCache::new(), &mut out);
        let got: Vec<(&str, usize)> = out.iter().map(|m| (t.keyword(m), m.start)).collect();
        assert_eq!(got, [("WSIS", text.find("WSIS").unwrap()), ("privacy", text.rfind("privacy").unwrap())]);
    }

    /// (name, taxonomy rows, text, expected score of each topic)
    const SCORES: &[(&str, &str, &str, &[f32])] = &[
        ("one word", "p,privacy", "Privacy matters.", &[0.5]),
        ("one phrase", "p,data protection", "Data protection matters.", &[0.8]),
        ("acronym", "p,GDPR", "The GDPR matters.", &[0.8]),
        ("word with context", "p,tracking,users", "Tracking users matters.", &[0.8]),
        ("list of examples", "p,data protection", "Topics such as data protection came up.", &[0.4]),
        ("e.g.", "p,data protection", "Rights (e.g. data protection) came up.", &[0.4]),
        ("parentheses", "p,data protection", "Rights (and data protection) came up.", &[0.4]),
        ("after the clause", "p,data protection", "Topics such as trade came up; data protection too.", &[0.8]),
        ("two keywords", "p,privacy\np,data protection", "Privacy and data protection matter.", &[0.9]),
        ("one keyword twice", "p,privacy", "Privacy, privacy.", &[0.5]),
        ("strongest hit counts", "p,privacy", "Rights (privacy) and privacy.", &[0.5]),
        ("two topics", "p,privacy\nt,trade", "Privacy and trade.", &[0.5, 0.5]),
        ("enumeration item", "p,privacy", "Talks covered e-invoicing, cybersecurity, privacy and telecoms.", &[0.25]),
        ("not an enumeration", "p,privacy", "They said that privacy must be protected, audited, and enforced.", &[0.5]),
        ("one comma is no list", "p,privacy", "On privacy, they agreed.", &[0.5]),
        // mentions in passing: parentheses and example phrases, word by word
        ("nested parentheses closed", "p,data protection", "Rights ((and more) too) then data protection.", &[0.8]),
        (
            "the first closing parenthesis ends it",
            "p,data protection",
            "Rights (and (more) then data protection.",
            &[0.8],
        ),
        ("parenthesis still open", "p,data protection", "Rights (and more: data protection.", &[0.4]),
        ("example phrase capitalised", "p,data protection", "Including data protection, they spoke.", &[0.4]),
        ("example phrase, colon ends it", "p,data protection", "Such as trade: data protection came up.", &[0.8]),
        ("example, parenthesis does not end it", "p,data protection", "Such as (trade) data protection.", &[0.4]),
        ("example phrase split by two spaces", "p,data protection", "Topics such  as data protection.", &[0.8]),
        ("example phrase inside a word", "p,data protection", "Topics suchas data protection.", &[0.8]),
        ("hit inside the example phrase", "p,for example", "For example, it works.", &[0.8]),
        // a short stretch between commas with a finite verb is a clause, not a list item
        ("clause, not a list item", "p,ICT threats", "ICT threats are increasing, but efforts, too, are made.", &[0.8]),
        ("list item without a verb", "p,ICT threats", "ICT threats, crime, and fraud were discussed.", &[0.4]),
        // `like` after a noun of kinds opens a list of examples; `like` the verb does not
        ("technologies like", "b,blockchain", "Emerging technologies like blockchain came up.", &[0.25]),
        ("like, the verb", "b,blockchain", "We would like blockchain to be audited.", &[0.5]),
        // a name as the venue is a mention in passing; as the subject it is not
        ("venue: at the", "w,IGF,,,,yes", "They met at the 2024 IGF in Riyadh.", &[0.4]),
        ("venue: margins", "w,IGF,,,,yes", "On the margins of the 17th annual IGF, they met.", &[0.4]),
        ("venue: before an event noun", "w,IGF,,,,yes", "This IGF open forum discussed data.", &[0.4]),
        ("venue: event noun next", "w,WSIS,,,,yes", "The WSIS Forum 2024 opened.", &[0.4]),
        ("name as the subject", "w,IGF,,,,yes", "The IGF has served as a platform.", &[0.8]),
        ("name after another preposition", "w,IGF,,,,yes", "At noon the mandate of the IGF was renewed.", &[0.8]),
        ("venue rule only for names", "c,cyber security", "They met at the cyber security conference.", &[0.8]),
    ];

    #[test]
    fn scores() {
        let mut failed = Vec::new();
        for (name, rows, text, want) in SCORES {
            for (format, t) in taggers(rows) {
                let mut got = Vec::new();
                topic_scores(&t.tag(text, 0, text.len()), &t, &mut got);
                let got: Vec<f32> = got.into_iter().map(|(_, s)| s).collect();
                if got != *want {
                    failed.push(format!("{name} ({format}): got {got:?}, want {want:?}"));
                }
            }
        }
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }

    #[test]
    fn weight_column_overrides() {
        let t = Taxonomy::from_csv("topic,keyword,weight\np,privacy,0.9\n").unwrap();
        let t = Tagger::new(t, Algorithm::English);
        let mut got = Vec::new();
        topic_scores(&t.tag("privacy", 0, 7), &t, &mut got);
        assert_eq!(got, [(0, 0.9)]);
    }

    #[test]
    fn json_round_trip_keeps_plain_keywords_plain() {
        let t = Taxonomy::from_csv(&format!("{HEADER}\na,x\na,y,z,,,\nb,W,,,sensitive,yes\n")).unwrap();
        let s = serde_json::to_string(&t).unwrap();
        assert!(s.contains(r#""keywords":["x",{"keyword":"y","requires":["z"]}]"#), "{s}");
        assert_eq!(Taxonomy::from_json(&s).unwrap(), t);
    }

    #[test]
    fn every_builtin_keyword_matches_itself_and_inflections() {
        let tax = Taxonomy::builtin();
        let t = Tagger::new(tax.clone(), Algorithm::English);
        let mut failed = Vec::new();
        for (ti, topic) in tax.topics.iter().enumerate() {
            for kw in &topic.keywords {
                let k = &kw.keyword;
                let mut forms = vec![k.clone()];
                if !is_acronym_keyword(k)
                    && kw.case != Case::Sensitive
                    && k.chars().last().is_some_and(|c| c.is_ascii_lowercase())
                {
                    forms.push(if k.ends_with('y') && !k.ends_with("ey") {
                        format!("{}ies", &k[..k.len() - 1])
                    } else if k.ends_with('s') {
                        k.clone()
                    } else {
                        format!("{k}s")
                    });
                }
                // the context a keyword needs, when it needs one
                let context = kw.requires.first().map_or(String::new(), |r| format!(" with {r}"));
                for f in forms {
                    let text = format!("They spoke about {f}{context} today.");
                    if !t.tag(&text, 0, text.len()).iter().any(|m| m.topic == ti) {
                        failed.push(format!("{}: {text:?}", topic.id));
                    }
                }
            }
        }
        assert!(failed.is_empty(), "{} misses:\n{}", failed.len(), failed.join("\n"));
    }

    #[test]
    fn bad_taxonomies() {
        for (name, csv, want) in [
            ("no header", "a,b\nx,y\n", "line 1"),
            ("empty keyword", "topic,keyword\nx,\n", "line 2: empty keyword"),
            ("empty topic", "topic,keyword\n,y\n", "line 2: empty topic"),
            ("malformed row", "topic,keyword\nx,y,z\n", "malformed CSV row"),
            ("bad case", "topic,keyword,case\nx,y,upper\n", "line 2: case"),
            ("bad name", "topic,keyword,name\nx,y,maybe\n", "line 2: name"),
            ("bad weight", "topic,keyword,weight\nx,y,high\n", "line 2: weight"),
            ("weight out of range", "topic,keyword,weight\nx,y,2\n", "weight must be in (0, 1]"),
            ("bad near", "topic,keyword,near\nx,y,close\n", "line 2: near"),
            ("empty context", "topic,keyword,requires\nx,y,a|-\n", "empty context phrase"),
        ] {
            let e = Taxonomy::from_csv(csv).unwrap_err().to_string();
            assert!(e.contains(want), "{name}: {e}");
        }
        let dup = r#"{"topics":[{"id":"a","keywords":["x"]},{"id":"a","keywords":["y"]}]}"#;
        assert!(Taxonomy::from_json(dup).unwrap_err().to_string().contains("duplicate topic id"));
        let empty = r#"{"topics":[{"id":"a","keywords":[""]}]}"#;
        assert!(Taxonomy::from_json(empty).unwrap_err().to_string().contains("keywords[0] is empty"));
        let ctx = r#"{"topics":[{"id":"a","keywords":[{"keyword":"x","excludes":[" "]}]}]}"#;
        assert!(Taxonomy::from_json(ctx).unwrap_err().to_string().contains("empty context phrase"));
        assert!(Taxonomy::from_json("{").unwrap_err().to_string().contains("line 1"));
    }

    #[test]
    fn other_language() {
        let t = Tagger::new(Taxonomy::from_csv("topic,keyword\nsec,sécurité\n").unwrap(), language("french").unwrap());
        assert_eq!(hits(&t, "Les questions de sécurité."), ["sec"]);
    }
}
