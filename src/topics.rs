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

/// The built-in taxonomy (digital policy and diplomacy).
pub const BUILTIN_TAXONOMY: &str = include_str!("data/taxonomy.json");

/// One topic of a taxonomy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    pub keywords: Vec<String>,
}

/// A list of topics.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Taxonomy {
    /// The topics, in output order.
    pub topics: Vec<Topic>,
}

#[derive(Deserialize)]
struct TaxonomyFile {
    topics: Vec<Topic>,
}

impl Taxonomy {
    /// The built-in taxonomy.
    pub fn builtin() -> Taxonomy {
        Taxonomy::from_json(BUILTIN_TAXONOMY).expect("built-in taxonomy is valid")
    }

    /// Parses `{"topics": [{"id": …, "label": …, "keywords": […]}]}`.
    pub fn from_json(s: &str) -> Result<Taxonomy, DataError> {
        let f: TaxonomyFile =
            serde_json::from_str(s).map_err(|e| DataError::at_line(e.line(), format!("invalid taxonomy JSON: {e}")))?;
        let t = Taxonomy { topics: f.topics };
        t.validate()?;
        Ok(t)
    }

    /// Parses CSV with a header row `topic,keyword` (optional further columns
    /// `label`, `basket`); one keyword per row, rows of a topic need not be adjacent.
    pub fn from_csv(s: &str) -> Result<Taxonomy, DataError> {
        let mut rdr = csv::ReaderBuilder::new().flexible(false).trim(csv::Trim::All).from_reader(s.as_bytes());
        let headers = rdr.headers().map_err(|e| DataError::at_line(1, format!("invalid CSV header: {e}")))?.clone();
        let col = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
        let (Some(ti), Some(ki)) = (col("topic"), col("keyword")) else {
            return Err(DataError::at_line(1, "the header must name the columns `topic` and `keyword`"));
        };
        let (li, bi) = (col("label"), col("basket"));
        let mut topics: Vec<Topic> = Vec::new();
        let mut pos: HashMap<String, usize> = HashMap::new();
        for (n, rec) in rdr.records().enumerate() {
            let line = n + 2;
            let rec = rec.map_err(|e| {
                DataError::at_line(e.position().map_or(line, |p| p.line() as usize), format!("malformed CSV row: {e}"))
            })?;
            let id = rec.get(ti).unwrap_or_default().to_string();
            let kw = rec.get(ki).unwrap_or_default().to_string();
            if id.is_empty() {
                return Err(DataError::at_line(line, "empty topic"));
            }
            if kw.is_empty() {
                return Err(DataError::at_line(line, format!("empty keyword for topic {id:?}")));
            }
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
                if kw.trim().is_empty() || !kw.chars().any(char::is_alphanumeric) {
                    return Err(DataError::new(format!("topic {:?}: keywords[{j}] is empty", t.id)));
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopicMatch {
    /// Index of the topic in the taxonomy.
    pub topic: usize,
    /// Index of the keyword that matched ([`Tagger::keyword`] gives its text).
    pub keyword: usize,
    /// Byte offset of the matched text.
    pub start: usize,
    /// Byte offset one past the matched text.
    pub end: usize,
}

/// A word of a keyword, compiled.
#[derive(Debug, Clone)]
struct KwWord {
    /// Index into the tagger's stem table.
    stem: u32,
    /// Text words must start with this (normalised) to match; empty = any.
    guard: String,
}

#[derive(Debug, Clone)]
struct Keyword {
    topic: usize,
    text: String,
    words: Vec<KwWord>,
}

/// No information: the word cannot start or continue a keyword.
const NO_WORD: u32 = u32::MAX;

/// Memo of word look-ups, so each distinct word form is normalised and
/// stemmed once. Keep one per worker thread and reuse it across documents;
/// it empties itself past [`TagCache::LIMIT`] entries. It also holds the
/// per-sentence buffers, so tagging a sentence allocates nothing once warm.
#[derive(Debug, Default)]
pub struct TagCache {
    /// word form → index into `infos`, or [`NO_WORD`] when its stem is no keyword stem
    words: FxHashMap<Box<str>, u32>,
    /// (stem id, normalised form) of the words that can match
    infos: Vec<(u32, Box<str>)>,
    /// the current sentence's word spans
    spans: Vec<(usize, usize)>,
    /// the current sentence's word infos (index into `infos`, or [`NO_WORD`])
    info: Vec<u32>,
}

impl TagCache {
    /// Entries kept before the cache starts over (bounds memory on huge vocabularies).
    pub const LIMIT: usize = 200_000;

    /// An empty cache.
    pub fn new() -> Self {
        TagCache::default()
    }
}

/// A compiled taxonomy, ready to tag text. Immutable and shareable across threads.
pub struct Tagger {
    taxonomy: Taxonomy,
    stemmer: Stemmer,
    english: bool,
    /// stem text → stem id (keyword stems only)
    stems: FxHashMap<String, u32>,
    /// stem id → keywords whose first word has it
    by_first: Vec<Vec<usize>>,
    keywords: Vec<Keyword>,
    /// case-sensitive whole-token keywords (acronyms) → (topic, keyword index)
    exact: FxHashMap<String, Vec<(usize, usize)>>,
    /// bitset of the three-letter prefixes of every keyword word (normalised, lowercase a–z)
    prefixes: Vec<u64>,
    /// bitset of the first two bytes of every case-sensitive keyword
    exact_pairs: Vec<u64>,
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

/// Lowercases and maps British spellings to American ones (`-isation` →
/// `-ization`, `behaviour` → `behavior`, `centre` → `center`, `analyse` →
/// `analyze`, `dialogue` → `dialog`, `defence` → `defense`, `programme` →
/// `program`, `travelled` → `traveled`). Both keywords and text go through it,
/// so only consistency matters.
pub fn normalize(word: &str) -> String {
    let mut w = word.to_lowercase();
    w = w.replace('’', "'");
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

impl Tagger {
    /// Compiles `taxonomy` for the stemmer language `lang`.
    pub fn new(taxonomy: Taxonomy, lang: Algorithm) -> Tagger {
        let english = matches!(lang, Algorithm::English);
        let stemmer = Stemmer::create(lang);
        let mut t = Tagger {
            taxonomy: Taxonomy { topics: vec![] },
            stemmer,
            english,
            stems: FxHashMap::default(),
            by_first: vec![],
            keywords: vec![],
            exact: FxHashMap::default(),
            prefixes: vec![0; (26usize * 26 * 26).div_ceil(64)],
            exact_pairs: vec![0; (1 << 16) / 64],
        };
        let mut memo = FxHashMap::default();
        for (ti, topic) in taxonomy.topics.iter().enumerate() {
            for kw in &topic.keywords {
                let kw = kw.trim();
                if is_acronym_keyword(kw) {
                    let k = t.keywords.len();
                    t.keywords.push(Keyword { topic: ti, text: kw.to_string(), words: vec![] });
                    t.exact.entry(kw.to_string()).or_default().push((ti, k));
                    let b = kw.as_bytes();
                    if b.len() >= 2 {
                        let bit = usize::from(b[0]) << 8 | usize::from(b[1]);
                        t.exact_pairs[bit / 64] |= 1 << (bit % 64);
                    }
                    continue;
                }
                let words: Vec<&str> =
                    kw.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()).collect();
                t.add_keyword(&mut memo, ti, kw, &words);
                // joined form: "cyber attack" / "cyber-attack" also as "cyberattack"
                if words.len() == 2 {
                    let joined = format!("{}{}", words[0], words[1]);
                    t.add_keyword(&mut memo, ti, kw, &[joined.as_str()]);
                }
            }
        }
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

    fn add_keyword(&mut self, memo: &mut FxHashMap<String, KwWord>, topic: usize, text: &str, words: &[&str]) {
        if words.is_empty() {
            return;
        }
        let mut compiled = Vec::with_capacity(words.len());
        for w in words {
            // keywords share many words: each is normalised and stemmed once
            if let Some(kw) = memo.get(*w) {
                compiled.push(kw.clone());
                continue;
            }
            let n = self.norm(w);
            let stem = self.stemmer.stem(&n).into_owned();
            let guard = match n.strip_prefix(stem.as_str()) {
                Some(ext) if !inflectional(ext) => n.trim_end_matches(['e', 'y']).to_string(),
                _ => String::new(),
            };
            if let Some(bit) = prefix_bit(n.as_bytes()) {
                self.prefixes[bit / 64] |= 1 << (bit % 64);
            }
            let kw = KwWord { stem: self.stem_id(stem), guard };
            memo.insert(w.to_string(), kw.clone());
            compiled.push(kw);
        }
        // a duplicate starts with the same stem: only that bucket is searched
        let duplicate = self.by_first[compiled[0].stem as usize].iter().map(|&k| &self.keywords[k]).any(|e| {
            e.topic == topic
                && e.words.len() == compiled.len()
                && e.words.iter().zip(&compiled).all(|(a, b)| a.stem == b.stem && a.guard == b.guard)
        });
        if duplicate {
            return;
        }
        let k = self.keywords.len();
        self.by_first[compiled[0].stem as usize].push(k);
        self.keywords.push(Keyword { topic, text: text.to_string(), words: compiled });
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
        &self.keywords[m.keyword].text
    }

    /// Every keyword hit in `src[start..end]`, in text order; spans are absolute.
    pub fn tag(&self, src: &str, start: usize, end: usize) -> Vec<TopicMatch> {
        let mut out = Vec::new();
        self.tag_into(src, start, end, &mut TagCache::new(), &mut out);
        out
    }

    /// Like [`Tagger::tag`], appending to `out` and memoising word look-ups in `cache`.
    pub fn tag_into(&self, src: &str, start: usize, end: usize, cache: &mut TagCache, out: &mut Vec<TopicMatch>) {
        let mut words = std::mem::take(&mut cache.spans);
        let mut info = std::mem::take(&mut cache.info);
        words_of(src, start, end, &mut words);
        info.clear();
        // resolve each word once: one hash look-up for a known form
        for &(ws, we) in &words {
            let w = &src[ws..we];
            let candidate = prefix_bit(w.as_bytes()).is_none_or(|bit| self.prefixes[bit / 64] & (1 << (bit % 64)) != 0);
            info.push(if candidate { self.resolve(w, cache) } else { NO_WORD });
        }
        let at = |k: usize| -> Option<&(u32, Box<str>)> {
            info.get(k).filter(|&&i| i != NO_WORD).map(|&i| &cache.infos[i as usize])
        };
        for (i, &(ws, we)) in words.iter().enumerate() {
            let w = &src[ws..we];
            // acronyms in their written case, a plural `s` allowed
            if self.may_be_exact(w) {
                let base =
                    w.strip_suffix('s').filter(|b| b.len() >= 2 && b.chars().last().is_some_and(|c| c.is_uppercase()));
                if let Some(hits) = self.exact.get(w).or_else(|| base.and_then(|b| self.exact.get(b))) {
                    for &(t, k) in hits {
                        out.push(TopicMatch { topic: t, keyword: k, start: ws, end: we });
                    }
                }
            }
            let Some(&(first, _)) = at(i) else { continue };
            for &k in &self.by_first[first as usize] {
                let kw = &self.keywords[k];
                let n = kw.words.len();
                if i + n > words.len() {
                    continue;
                }
                let ok = kw.words.iter().enumerate().all(|(j, kwj)| match at(i + j) {
                    Some((stem, norm)) => {
                        *stem == kwj.stem
                            && (kwj.guard.is_empty() || norm.starts_with(kwj.guard.as_str()))
                            && (j == 0 || gap_ok(src, words[i + j - 1].1, words[i + j].0))
                    }
                    None => false,
                });
                if ok {
                    out.push(TopicMatch { topic: kw.topic, keyword: k, start: words[i].0, end: words[i + n - 1].1 });
                }
            }
        }
        cache.spans = words;
        cache.info = info;
    }

    /// The cached info of a word form, computing it on first sight.
    fn resolve(&self, w: &str, cache: &mut TagCache) -> u32 {
        if let Some(&i) = cache.words.get(w) {
            return i;
        }
        if cache.words.len() >= TagCache::LIMIT {
            cache.words.clear();
            cache.infos.clear();
        }
        let i = match self.lookup(w) {
            Some(v) => {
                cache.infos.push(v);
                (cache.infos.len() - 1) as u32
            }
            None => NO_WORD,
        };
        cache.words.insert(w.into(), i);
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

/// Word spans (letters and digits, inner apostrophes) in `src[start..end]`, into `words`.
fn words_of(src: &str, start: usize, end: usize, words: &mut Vec<(usize, usize)>) {
    words.clear();
    let b = src.as_bytes();
    let mut i = start;
    let mut s: Option<usize> = None;
    while i < end {
        let c = b[i];
        if c.is_ascii_alphanumeric() {
            // the usual case: a run of ASCII letters and digits
            s.get_or_insert(i);
            i += 1;
            while i < end && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
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

/// Words of a phrase may be separated by spaces, a hyphen or a line break, nothing else.
fn gap_ok(src: &str, a: usize, b: usize) -> bool {
    let g = &src[a..b];
    g.len() <= 4 && g.chars().all(|c| c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '–'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tagger(csv: &str) -> Tagger {
        Tagger::new(Taxonomy::from_csv(csv).unwrap(), Algorithm::English)
    }

    fn hits(t: &Tagger, text: &str) -> Vec<String> {
        let mut v: Vec<String> =
            t.tag(text, 0, text.len()).into_iter().map(|m| t.taxonomy().topics[m.topic].id.clone()).collect();
        v.dedup();
        v
    }

    /// (name, keyword CSV rows, text, expected topics)
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
        ("acronym mixed case", "iot,IoT", "IoT devices", &["iot"]),
        ("digit acronym", "g5,5G", "5G networks", &["g5"]),
        ("no stem collision", "dp,digital", "two digits", &[]),
        ("derivational kept", "dp,digital", "digitally", &["dp"]),
        ("governance vs government", "gov,governance", "the government", &[]),
        ("security", "sec,security", "securities", &["sec"]),
        ("policy", "pol,policy", "policies", &["pol"]),
    ];

    #[test]
    fn table() {
        let mut failed = Vec::new();
        for (name, rows, text, want) in CASES {
            let t = tagger(&format!("topic,keyword\n{rows}\n"));
            let got = hits(&t, text);
            if got != *want {
                failed.push(format!("{name}: got {got:?}, want {want:?}"));
            }
        }
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }

    #[test]
    fn every_builtin_keyword_matches_itself_and_inflections() {
        let tax = Taxonomy::builtin();
        let t = Tagger::new(tax.clone(), Algorithm::English);
        let mut failed = Vec::new();
        for (ti, topic) in tax.topics.iter().enumerate() {
            for kw in &topic.keywords {
                let mut forms = vec![kw.clone()];
                if !is_acronym_keyword(kw) && kw.chars().last().is_some_and(|c| c.is_ascii_lowercase()) {
                    let base = kw.clone();
                    forms.push(if base.ends_with('y') && !base.ends_with("ey") {
                        format!("{}ies", &base[..base.len() - 1])
                    } else if base.ends_with('s') {
                        base.clone()
                    } else {
                        format!("{base}s")
                    });
                    forms.push(kw.to_uppercase().chars().take(1).chain(kw.chars().skip(1)).collect());
                }
                for f in forms {
                    let text = format!("They spoke about {f} today.");
                    if !t.tag(&text, 0, text.len()).iter().any(|m| m.topic == ti) {
                        failed.push(format!("{}: {f:?}", topic.id));
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
        ] {
            let e = Taxonomy::from_csv(csv).unwrap_err().to_string();
            assert!(e.contains(want), "{name}: {e}");
        }
        let dup = r#"{"topics":[{"id":"a","keywords":["x"]},{"id":"a","keywords":["y"]}]}"#;
        assert!(Taxonomy::from_json(dup).unwrap_err().to_string().contains("duplicate topic id"));
        let empty = r#"{"topics":[{"id":"a","keywords":[""]}]}"#;
        assert!(Taxonomy::from_json(empty).unwrap_err().to_string().contains("keywords[0] is empty"));
        assert!(Taxonomy::from_json("{").unwrap_err().to_string().contains("line 1"));
    }

    #[test]
    fn other_language() {
        let t = Tagger::new(Taxonomy::from_csv("topic,keyword\nsec,sécurité\n").unwrap(), language("french").unwrap());
        assert_eq!(hits(&t, "Les questions de sécurité."), ["sec"]);
    }
}
