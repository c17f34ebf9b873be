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

use rust_stemmers::{Algorithm, Stemmer};
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
    #[serde(skip)]
    pub topic: usize,
    /// The keyword that matched, as written in the taxonomy.
    pub keyword: String,
    /// Byte offset of the matched text.
    pub start: usize,
    /// Byte offset one past the matched text.
    pub end: usize,
}

/// A word of a keyword, compiled.
#[derive(Debug, Clone)]
struct KwWord {
    stem: String,
    /// Text words must start with this (normalised) to match; empty = any.
    guard: String,
}

#[derive(Debug, Clone)]
struct Keyword {
    topic: usize,
    text: String,
    words: Vec<KwWord>,
}

/// A compiled taxonomy, ready to tag text. Immutable and shareable across threads.
pub struct Tagger {
    taxonomy: Taxonomy,
    stemmer: Stemmer,
    english: bool,
    /// first word stem → keywords starting with it
    by_first: HashMap<String, Vec<usize>>,
    keywords: Vec<Keyword>,
    /// case-sensitive whole-token keywords (acronyms)
    exact: HashMap<String, Vec<usize>>,
    /// three-letter prefixes of every keyword word (normalised, lowercase)
    prefixes: HashSet<[u8; 3]>,
    short_words: HashSet<String>,
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
            by_first: HashMap::new(),
            keywords: vec![],
            exact: HashMap::new(),
            prefixes: HashSet::new(),
            short_words: HashSet::new(),
        };
        for (ti, topic) in taxonomy.topics.iter().enumerate() {
            for kw in &topic.keywords {
                let kw = kw.trim();
                if is_acronym_keyword(kw) {
                    t.exact.entry(kw.to_string()).or_default().push(ti);
                    continue;
                }
                let words: Vec<&str> =
                    kw.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()).collect();
                t.add_keyword(ti, kw, &words);
                // joined form: "cyber attack" / "cyber-attack" also as "cyberattack"
                if words.len() == 2 {
                    let joined = format!("{}{}", words[0], words[1]);
                    t.add_keyword(ti, kw, &[joined.as_str()]);
                }
            }
        }
        t.taxonomy = taxonomy;
        t
    }

    fn add_keyword(&mut self, topic: usize, text: &str, words: &[&str]) {
        if words.is_empty() {
            return;
        }
        let compiled: Vec<KwWord> = words
            .iter()
            .map(|w| {
                let n = self.norm(w);
                let stem = self.stemmer.stem(&n).into_owned();
                let guard = match n.strip_prefix(stem.as_str()) {
                    Some(ext) if !inflectional(ext) => {
                        let g = n.trim_end_matches(['e', 'y']);
                        g.to_string()
                    }
                    _ => String::new(),
                };
                KwWord { stem, guard }
            })
            .collect();
        for (w, cw) in words.iter().zip(&compiled) {
            let n = self.norm(w);
            if let Some(p) = prefix3(&n) {
                self.prefixes.insert(p);
            } else {
                self.short_words.insert(cw.stem.clone());
                self.short_words.insert(n);
            }
        }
        let k = self.keywords.len();
        let first = compiled[0].stem.clone();
        if self.keywords.iter().any(|e| {
            e.topic == topic
                && e.words.len() == compiled.len()
                && e.words.iter().zip(&compiled).all(|(a, b)| a.stem == b.stem && a.guard == b.guard)
        }) {
            return;
        }
        self.keywords.push(Keyword { topic, text: text.to_string(), words: compiled });
        self.by_first.entry(first).or_default().push(k);
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

    /// Every keyword hit in `src[start..end]`, in text order; spans are absolute.
    pub fn tag(&self, src: &str, start: usize, end: usize) -> Vec<TopicMatch> {
        let mut out = Vec::new();
        // words: (start, end, normalised, stem) computed lazily
        let text = &src[start..end];
        let mut words: Vec<(usize, usize)> = Vec::new();
        let mut s = None;
        for (i, c) in text.char_indices() {
            if c.is_alphanumeric() || (c == '\'' || c == '’') && s.is_some() {
                if s.is_none() {
                    s = Some(i);
                }
            } else if let Some(b) = s.take() {
                words.push((start + b, start + i));
            }
        }
        if let Some(b) = s {
            words.push((start + b, end));
        }
        let mut stems: Vec<Option<(String, String)>> = vec![None; words.len()];
        for (i, &(ws, we)) in words.iter().enumerate() {
            let w = src[ws..we].trim_end_matches(['\'', '’']);
            // acronyms in their written case, a plural `s` allowed
            if !self.exact.is_empty() && w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
                let base =
                    w.strip_suffix('s').filter(|b| b.len() >= 2 && b.chars().last().is_some_and(|c| c.is_uppercase()));
                let hit =
                    self.exact.get(w).map(|v| (v, w)).or_else(|| base.and_then(|b| self.exact.get(b).map(|v| (v, b))));
                if let Some((topics, kw)) = hit {
                    for &t in topics {
                        out.push(TopicMatch { topic: t, keyword: kw.to_string(), start: ws, end: we });
                    }
                }
            }
            let Some(first) = self.stem_at(src, &words, &mut stems, i) else { continue };
            let Some(cands) = self.by_first.get(first.1.as_str()) else { continue };
            let cands = cands.clone();
            for k in cands {
                let kw = &self.keywords[k];
                let n = kw.words.len();
                if i + n > words.len() {
                    continue;
                }
                let ok = (0..n).all(|j| match self.stem_at(src, &words, &mut stems, i + j) {
                    Some((norm, stem)) => {
                        stem == kw.words[j].stem
                            && norm.starts_with(kw.words[j].guard.as_str())
                            && (j == 0 || gap_ok(src, words[i + j - 1].1, words[i + j].0))
                    }
                    None => false,
                });
                if ok {
                    out.push(TopicMatch {
                        topic: kw.topic,
                        keyword: kw.text.clone(),
                        start: words[i].0,
                        end: words[i + n - 1].1,
                    });
                }
            }
        }
        out
    }

    /// (normalised word, stem) of word `i`, or None when the prefix filter rules it out.
    fn stem_at(
        &self,
        src: &str,
        words: &[(usize, usize)],
        cache: &mut [Option<(String, String)>],
        i: usize,
    ) -> Option<(String, String)> {
        if let Some(v) = &cache[i] {
            return Some(v.clone());
        }
        let w = src[words[i].0..words[i].1].trim_end_matches(['\'', '’']);
        let b = w.as_bytes();
        if b.len() >= 3 && b[..3].iter().all(u8::is_ascii_alphabetic) {
            let p = [b[0].to_ascii_lowercase(), b[1].to_ascii_lowercase(), b[2].to_ascii_lowercase()];
            if !self.prefixes.contains(&p) {
                return None;
            }
        } else if b.len() < 3 && !self.short_words.contains(&w.to_lowercase()) {
            return None;
        }
        let n = self.norm(w);
        let stem = self.stemmer.stem(&n).into_owned();
        cache[i] = Some((n, stem));
        cache[i].clone()
    }
}

/// Words of a phrase may be separated by spaces, a hyphen or a line break, nothing else.
fn gap_ok(src: &str, a: usize, b: usize) -> bool {
    let g = &src[a..b];
    g.len() <= 4 && g.chars().all(|c| c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '–'))
}

fn prefix3(n: &str) -> Option<[u8; 3]> {
    let b = n.as_bytes();
    (b.len() >= 3 && b[..3].iter().all(u8::is_ascii_alphabetic)).then(|| [b[0], b[1], b[2]])
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
