//! The report value: what the pipeline produces for one input, ready to write.
//!
//! [`Analyzer::analyze`] runs the stages in order — segment, speakers,
//! attribute, topics — and gathers their results with per-speaker and
//! per-topic counts. Sentence texts borrow from the input.

use std::collections::BTreeMap;
use std::sync::Arc;

use rust_stemmers::Algorithm;
use rustc_hash::FxHashMap;
use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

use crate::attribute::{self, Evidence, How};
use crate::segment::{self, Layout, Segmenter};
use crate::speakers;
use crate::text;
use crate::topics::{self, TagCache, Tagger, Taxonomy};
use crate::view::View;

/// The configured pipeline. Build it once and share it across threads.
#[derive(Debug)]
pub struct Analyzer {
    segmenter: Segmenter,
    tagger: Tagger,
    /// Sentence-topic tags scoring below this are dropped.
    min_score: f32,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new(Segmenter::default(), Taxonomy::builtin(), Algorithm::English)
    }
}

/// A speaker of the table with counts, as written out. The speaker's own
/// fields (`name`, `honorific`, `title` …) are those of [`speakers::Speaker`],
/// reached through `Deref`; `gender` is the text's, else the given name's prior.
#[derive(Debug, Clone)]
pub struct SpeakerReport<'a> {
    /// The speaker as the table holds them after attribution.
    pub speaker: speakers::Speaker,
    /// Sentences attributed to this speaker (joint sources count for each).
    pub sentences: usize,
    /// Words in those sentences.
    pub words: usize,
    /// `words` as a share of all words in the report (0–1).
    pub share: f64,
    /// Topic id → number of this speaker's sentences tagged with it.
    pub topics: BTreeMap<&'a str, usize>,
}

impl std::ops::Deref for SpeakerReport<'_> {
    type Target = speakers::Speaker;
    fn deref(&self) -> &speakers::Speaker {
        &self.speaker
    }
}

impl Serialize for SpeakerReport<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let s = &self.speaker;
        let mut m = ser.serialize_struct("SpeakerReport", 12)?;
        m.serialize_field("name", &s.name)?;
        m.serialize_field("honorific", &s.honorific)?;
        m.serialize_field("title", &s.title)?;
        m.serialize_field("organization", &s.organization)?;
        m.serialize_field("role", &s.role)?;
        m.serialize_field("gender", &s.gender)?;
        m.serialize_field("aliases", &s.aliases)?;
        m.serialize_field("sentences", &self.sentences)?;
        m.serialize_field("words", &self.words)?;
        m.serialize_field("share", &self.share)?;
        m.serialize_field("topics", &self.topics)?;
        m.serialize_field("introduced_at", &s.introduced_at.0)?;
        m.end()
    }
}

/// A non-person source (`organization`, `group`, `event`).
#[derive(Debug, Clone, Serialize)]
pub struct OtherSource {
    /// What kind of source.
    pub kind: &'static str,
    /// Its text.
    pub text: String,
}

/// A topic keyword hit, as written out.
#[derive(Debug, Clone, Serialize)]
pub struct TopicHit<'a> {
    /// Topic id.
    pub topic: &'a str,
    /// The taxonomy keyword that matched.
    pub keyword: &'a str,
    /// Byte offset of the matched text.
    pub start: usize,
    /// Byte offset one past it.
    pub end: usize,
}

/// One sentence, as written out.
#[derive(Debug, Clone)]
pub struct SentenceReport<'a> {
    /// 0-based position in the report.
    pub index: usize,
    /// Byte offset of the first byte in the input.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The sentence as in the input.
    pub text: &'a str,
    /// 0-based index of the blank-line separated block.
    pub paragraph: usize,
    /// `text`, `heading` or `item`.
    pub layout: Layout,
    /// Primary speaker's full name, or null.
    pub speaker: Option<Arc<str>>,
    /// All sources (joint statements list several).
    pub speakers: Vec<Arc<str>>,
    /// How the speaker was decided.
    pub attribution: &'static str,
    /// The cue behind the decision.
    pub evidence: Option<Evidence>,
    /// A non-person source, when the sentence reports one.
    pub other_source: Option<OtherSource>,
    /// Topic ids, in order of first match.
    pub topics: Vec<&'a str>,
    /// The score of each topic (0–1), in the order of `topics`.
    pub topic_scores: Vec<f32>,
    /// Each keyword hit with its span.
    pub topic_matches: Vec<TopicHit<'a>>,
}

impl SentenceReport<'_> {
    /// Serialises the fields in schema order into an open struct; shared by
    /// the report's `sentences` and the rows that add a `source` field.
    pub(crate) fn fields<S: SerializeStruct>(&self, m: &mut S) -> Result<(), S::Error> {
        m.serialize_field("index", &self.index)?;
        m.serialize_field("start", &self.start)?;
        m.serialize_field("end", &self.end)?;
        m.serialize_field("text", self.text)?;
        m.serialize_field("paragraph", &self.paragraph)?;
        m.serialize_field("layout", &self.layout)?;
        m.serialize_field("speaker", &self.speaker)?;
        m.serialize_field("speakers", &self.speakers)?;
        m.serialize_field("attribution", self.attribution)?;
        m.serialize_field("evidence", &self.evidence)?;
        m.serialize_field("other_source", &self.other_source)?;
        m.serialize_field("topics", &self.topics)?;
        m.serialize_field("topic_scores", &self.topic_scores)?;
        m.serialize_field("topic_matches", &self.topic_matches)
    }

    /// Number of fields written by [`SentenceReport::fields`].
    pub(crate) const FIELDS: usize = 14;
}

impl Serialize for SentenceReport<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("SentenceReport", Self::FIELDS)?;
        self.fields(&mut m)?;
        m.end()
    }
}

/// Per-topic totals.
#[derive(Debug, Clone, Serialize)]
pub struct TopicReport<'a> {
    /// Topic id.
    pub id: &'a str,
    /// Label.
    pub label: &'a str,
    /// Basket, if the taxonomy has one.
    pub basket: Option<&'a str>,
    /// Sentences tagged with it.
    pub sentences: usize,
    /// Speaker name → sentences of theirs tagged with it.
    pub speakers: BTreeMap<Arc<str>, usize>,
    /// Tagged sentences that have no speaker.
    pub unattributed: usize,
    /// The scores of the tagged sentences, summed (a count weighted by strength).
    pub score: f64,
    /// Speaker name → the scores of their tagged sentences, summed.
    #[serde(skip)]
    pub speaker_scores: BTreeMap<Arc<str>, f64>,
    /// The scores of the tagged sentences with no speaker, summed.
    #[serde(skip)]
    pub unattributed_score: f64,
}

/// Reads the words of a segment that the stages read (a list marker or
/// leading punctuation is not one) into a reused view.
fn read_words(view: &mut View, s: &segment::Segment) {
    view.read(s.start + segment::content_start(s.text), s.end);
}

/// A value per speaker name.
type PerSpeaker<T> = BTreeMap<Arc<str>, T>;

/// Rounds a score sum to 0.01, as the per-sentence scores are.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Everything whosaid found in one input.
#[derive(Debug, Clone, Serialize)]
pub struct Report<'a> {
    /// Where the text came from (a path, `-` for stdin, or a corpus id).
    pub source: String,
    /// Input size in bytes.
    pub bytes: usize,
    /// Every sentence, in order.
    pub sentences: Vec<SentenceReport<'a>>,
    /// The speaker table.
    pub speakers: Vec<SpeakerReport<'a>>,
    /// Topics that occur, in taxonomy order.
    pub topics: Vec<TopicReport<'a>>,
}

/// What [`Analyzer::analyze_each`] returns once every sentence has been seen.
#[derive(Debug, Clone)]
pub struct Totals<'a> {
    /// Number of sentences.
    pub sentences: usize,
    /// The speaker table, with counts.
    pub speakers: Vec<SpeakerReport<'a>>,
    /// Topics that occur, in taxonomy order.
    pub topics: Vec<TopicReport<'a>>,
}

impl Analyzer {
    /// A pipeline with the given segmenter, taxonomy and stemmer language; it
    /// keeps the tags scoring at least [`topics::DEFAULT_MIN_SCORE`].
    pub fn new(segmenter: Segmenter, taxonomy: Taxonomy, lang: Algorithm) -> Analyzer {
        Analyzer { segmenter, tagger: Tagger::new(taxonomy, lang), min_score: topics::DEFAULT_MIN_SCORE }
    }

    /// Keeps only the sentence-topic tags that score at least `min` (0–1; 0 keeps every tag).
    pub fn with_min_score(mut self, min: f32) -> Analyzer {
        self.min_score = min;
        self
    }

    /// The segmenter in use.
    pub fn segmenter(&self) -> &Segmenter {
        &self.segmenter
    }

    /// Runs the whole pipeline over `text`. The report borrows from the text
    /// and from the analyzer (topic ids and keywords).
    pub fn analyze<'a>(&'a self, source: &str, text: &'a str) -> Report<'a> {
        self.analyze_cached(source, text, &mut TagCache::new())
    }

    /// [`Analyzer::analyze`] with a word memo reused across documents (one per thread).
    pub fn analyze_cached<'a>(&'a self, source: &str, text: &'a str, cache: &mut TagCache) -> Report<'a> {
        let mut sentences = Vec::new();
        let totals = self
            .analyze_each(text, cache, |s| {
                sentences.push(s.clone());
                Ok::<(), std::convert::Infallible>(())
            })
            .unwrap_or_else(|e| match e {});
        Report {
            source: source.to_string(),
            bytes: text.len(),
            sentences,
            speakers: totals.speakers,
            topics: totals.topics,
        }
    }

    /// Runs the pipeline as a stream: `each` sees every sentence, in order, as
    /// soon as it is decided; the speaker table and topic totals (which need
    /// every sentence) are returned at the end. Memory stays proportional to
    /// the input and its sentence offsets, not to the output. The sentence
    /// passed to `each` is reused: clone it to keep it. An error from `each`
    /// stops the run and is returned.
    pub fn analyze_each<'a, E>(
        &'a self,
        text: &'a str,
        cache: &mut TagCache,
        mut each: impl FnMut(&SentenceReport<'a>) -> Result<(), E>,
    ) -> Result<Totals<'a>, E> {
        let segs = self.segmenter.segment(text);
        // pass 1: introductions → speaker table (tokens are not kept: memory
        // stays proportional to one sentence, not to the input)
        let mut view = View::new(text);
        // the introductions of sentence i are intros[at[i]..at[i + 1]]: one
        // flat list, not a list per sentence (most sentences have none)
        let mut intros: Vec<speakers::Intro> = Vec::new();
        let mut at: Vec<u32> = Vec::with_capacity(segs.len() + 1);
        at.push(0);
        for s in &segs {
            if speakers::may_introduce(s.text) {
                read_words(&mut view, s);
                intros.extend(speakers::intros_in(&view, s));
            }
            at.push(u32::try_from(intros.len()).expect("fewer than 2^32 introductions"));
        }
        speakers::drop_audience_rosters(&segs, &at, &mut intros);
        let mut table = speakers::build_table(text, &intros);
        let taxonomy = self.tagger.taxonomy();

        // names are shared by every row that names the speaker
        let names: Vec<Arc<str>> = table.iter().map(|s| Arc::from(s.name.as_str())).collect();
        // per speaker: sentences and words
        let mut counts: Vec<(usize, usize)> = vec![(0, 0); table.len()];
        let mut attributor = attribute::Attributor::new(&mut table);
        // per topic: tagged sentences, unattributed ones, and their score sums;
        // per (topic, speaker): sentences and score sum
        let mut per_topic: Vec<(usize, usize, f64, f64)> = vec![(0, 0, 0.0, 0.0); taxonomy.topics.len()];
        let mut per_pair: FxHashMap<(usize, usize), (usize, f64)> = FxHashMap::default();
        let mut total_words = 0;
        let mut matches = Vec::new();
        let mut scores: Vec<(usize, f32)> = Vec::new();
        // byte spans where a keyword is no evidence: the speakers' descriptors
        let mut blocked: Vec<(usize, usize)> = Vec::new();
        let mut row = SentenceReport {
            index: 0,
            start: 0,
            end: 0,
            text: "",
            paragraph: 0,
            layout: Layout::Text,
            speaker: None,
            speakers: Vec::new(),
            attribution: How::None.as_str(),
            evidence: None,
            other_source: None,
            topics: Vec::new(),
            topic_scores: Vec::new(),
            topic_matches: Vec::new(),
        };
        // pass 2: attribution and topics, sentence by sentence, each written
        // out as soon as its attribution is final (a quotation whose speaker
        // comes after it waits for that sentence)
        let mut lookahead = attribute::QuoteLookahead::default();
        let mut ready: Vec<(usize, attribute::Attribution)> = Vec::new();
        for (i, seg) in segs.iter().enumerate() {
            let intro = &intros[at[i] as usize..at[i + 1] as usize];
            read_words(&mut view, seg);
            let a = attributor.next_in(&view, seg, intro);
            lookahead.push(i, seg.text, a, &mut ready);
            if i + 1 == segs.len() {
                lookahead.finish(&mut ready);
            }
            for (i, a) in ready.drain(..) {
                let seg = &segs[i];
                let intro = &intros[at[i] as usize..at[i + 1] as usize];
                let words = text::word_count(seg.text);
                total_words += words;
                matches.clear();
                blocked.clear();
                blocked.extend(intro.iter().flat_map(|i| [i.title, i.org]).flatten());
                self.tagger.tag_sentence(text, seg.start, seg.end, &blocked, cache, &mut matches);
                topics::topic_scores(&matches, &self.tagger, &mut scores);
                if scores.iter().any(|&(_, sc)| sc < self.min_score) {
                    scores.retain(|&(_, sc)| sc >= self.min_score);
                    matches.retain(|m| scores.iter().any(|&(t, _)| t == m.topic));
                }
                for &(t, sc) in &scores {
                    let sc = f64::from(sc);
                    let p = &mut per_topic[t];
                    p.0 += 1;
                    p.2 += sc;
                    if a.speakers.is_empty() {
                        p.1 += 1;
                        p.3 += sc;
                    }
                    for &s in &a.speakers {
                        let e = per_pair.entry((t, s)).or_default();
                        e.0 += 1;
                        e.1 += sc;
                    }
                }
                for &s in &a.speakers {
                    counts[s].0 += 1;
                    counts[s].1 += words;
                }
                row.index = i;
                row.start = seg.start;
                row.end = seg.end;
                row.text = seg.text;
                row.paragraph = seg.paragraph;
                row.layout = seg.layout;
                row.speakers.clear();
                row.speakers.extend(a.speakers.iter().map(|&s| names[s].clone()));
                row.speaker = row.speakers.first().cloned();
                row.attribution = if a.speakers.is_empty() { How::None.as_str() } else { a.how.as_str() };
                row.evidence = a.evidence;
                row.other_source = a.other_source.map(|(kind, text)| OtherSource { kind, text });
                row.topics.clear();
                row.topics.extend(scores.iter().map(|&(t, _)| taxonomy.topics[t].id.as_str()));
                row.topic_scores.clear();
                row.topic_scores.extend(scores.iter().map(|&(_, sc)| sc));
                row.topic_matches.clear();
                row.topic_matches.extend(matches.iter().map(|m| TopicHit {
                    topic: taxonomy.topics[m.topic].id.as_str(),
                    keyword: self.tagger.keyword(m),
                    start: m.start,
                    end: m.end,
                }));
                each(&row)?;
            }
        }
        let mut speakers: Vec<SpeakerReport> = attributor
            .table()
            .iter()
            .zip(counts)
            .map(|(t, (sentences, words))| {
                let share = if total_words == 0 {
                    0.0
                } else {
                    (words as f64 / total_words as f64 * 10000.0).round() / 10000.0
                };
                // gender may have been learnt from pronouns during attribution;
                // else the given name's prior
                let speaker = speakers::Speaker { gender: t.gender.or(t.gender_prior), ..t.clone() };
                SpeakerReport { speaker, sentences, words, share, topics: BTreeMap::new() }
            })
            .collect();
        // per topic: speaker → sentences, speaker → score sum
        let mut by_topic: Vec<(PerSpeaker<usize>, PerSpeaker<f64>)> = vec![Default::default(); taxonomy.topics.len()];
        for (&(t, s), &(n, sc)) in &per_pair {
            *by_topic[t].0.entry(names[s].clone()).or_default() += n;
            *by_topic[t].1.entry(names[s].clone()).or_default() += round2(sc);
            speakers[s].topics.insert(taxonomy.topics[t].id.as_str(), n);
        }
        let topics = taxonomy
            .topics
            .iter()
            .zip(per_topic)
            .zip(by_topic)
            .filter(|((_, (n, ..)), _)| *n > 0)
            .map(|((t, (n, un, sc, un_sc)), (by, by_sc))| TopicReport {
                id: t.id.as_str(),
                label: t.label.as_str(),
                basket: t.basket.as_deref(),
                sentences: n,
                speakers: by,
                unattributed: un,
                score: round2(sc),
                speaker_scores: by_sc,
                unattributed_score: round2(un_sc),
            })
            .collect();
        Ok(Totals { sentences: segs.len(), speakers, topics })
    }
}
