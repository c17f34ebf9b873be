//! The report value: what the pipeline produces for one input, ready to write.
//!
//! [`Analyzer::analyze`] runs the stages in order — segment, speakers,
//! attribute, topics — and gathers their results with per-speaker and
//! per-topic counts. Sentence texts borrow from the input.

use std::collections::BTreeMap;
use std::sync::Arc;

use rust_stemmers::Algorithm;
use serde::Serialize;

use crate::attribute::{self, Evidence, How};
use crate::lexicon::Gender;
use crate::segment::{self, Layout, Segmenter};
use crate::speakers;
use crate::text;
use crate::topics::{TagCache, Tagger, Taxonomy};

/// The configured pipeline. Build it once and share it across threads.
#[derive(Debug)]
pub struct Analyzer {
    segmenter: Segmenter,
    tagger: Tagger,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new(Segmenter::default(), Taxonomy::builtin(), Algorithm::English)
    }
}

/// A speaker with counts, as written out.
#[derive(Debug, Clone, Serialize)]
pub struct SpeakerReport<'a> {
    /// Full name as introduced, without honorific.
    pub name: Arc<str>,
    /// Honorific as written, or null.
    pub honorific: Option<String>,
    /// Descriptor as written (whitespace collapsed), or null.
    pub title: Option<String>,
    /// Organisation where the descriptor makes it clear.
    pub organization: Option<String>,
    /// Session role where stated.
    pub role: Option<&'static str>,
    /// `male`, `female` or null.
    pub gender: Option<Gender>,
    /// Forms that were matched or may be matched.
    pub aliases: Vec<String>,
    /// Sentences attributed to this speaker (joint sources count for each).
    pub sentences: usize,
    /// Words in those sentences.
    pub words: usize,
    /// `words` as a share of all words in the report (0–1).
    pub share: f64,
    /// Topic id → number of this speaker's sentences tagged with it.
    pub topics: BTreeMap<&'a str, usize>,
    /// Byte offset of the introduction.
    pub introduced_at: usize,
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
#[derive(Debug, Clone, Serialize)]
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
    /// Each keyword hit with its span.
    pub topic_matches: Vec<TopicHit<'a>>,
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
}

/// The words of a segment that attribution reads: a list marker or leading
/// punctuation is not one.
fn words(text: &str, s: &segment::Segment) -> Vec<text::Tok> {
    text::tokenize(text, s.start + segment::content_start(s.text), s.end)
}

/// Everything whosaid found in one input.
#[derive(Debug, Clone, Serialize)]
pub struct Report<'a> {
    /// Where the text came from (a path, `-` for stdin, or a corpus id).
    pub source: String,
    /// Input size in bytes.
    pub bytes: usize,
    /// The speaker table.
    pub speakers: Vec<SpeakerReport<'a>>,
    /// Every sentence, in order.
    pub sentences: Vec<SentenceReport<'a>>,
    /// Topics that occur, in taxonomy order.
    pub topics: Vec<TopicReport<'a>>,
}

impl Analyzer {
    /// A pipeline with the given segmenter, taxonomy and stemmer language.
    pub fn new(segmenter: Segmenter, taxonomy: Taxonomy, lang: Algorithm) -> Analyzer {
        Analyzer { segmenter, tagger: Tagger::new(taxonomy, lang) }
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
        let segs = self.segmenter.segment(text);
        // pass 1: introductions → speaker table (tokens are not kept: memory
        // stays proportional to one sentence, not to the input)
        let intros: Vec<Vec<speakers::Intro>> =
            segs.iter()
                .map(|s| {
                    if speakers::may_introduce(s.text) {
                        speakers::intros(text, s, &words(text, s))
                    } else {
                        Vec::new()
                    }
                })
                .collect();
        let mut table = speakers::build_table(text, &intros);
        let taxonomy = self.tagger.taxonomy();

        let names: Vec<Arc<str>> = table.iter().map(|s| Arc::from(s.name.as_str())).collect();
        let mut speakers: Vec<SpeakerReport> = table
            .iter()
            .zip(&names)
            .map(|(s, name)| SpeakerReport {
                name: name.clone(),
                honorific: s.honorific.clone(),
                title: s.title.clone(),
                organization: s.organization.clone(),
                role: s.role,
                gender: s.gender,
                aliases: s.aliases.clone(),
                sentences: 0,
                words: 0,
                share: 0.0,
                topics: BTreeMap::new(),
                introduced_at: s.introduced_at.0,
            })
            .collect();
        let mut attributor = attribute::Attributor::new(&mut table);
        let mut topic_counts: Vec<(usize, BTreeMap<Arc<str>, usize>, usize)> =
            vec![(0, BTreeMap::new(), 0); taxonomy.topics.len()];
        let mut total_words = 0;
        let mut sentences = Vec::with_capacity(segs.len());
        let mut matches = Vec::new();
        // pass 2: attribution and topics, sentence by sentence
        for (i, (seg, intro)) in segs.iter().zip(&intros).enumerate() {
            let a = attributor.next(text, seg, &words(text, seg), intro);
            let words = text::word_count(seg.text);
            total_words += words;
            matches.clear();
            self.tagger.tag_into(text, seg.start, seg.end, cache, &mut matches);
            let mut topic_ids: Vec<usize> = Vec::new();
            for m in &matches {
                if !topic_ids.contains(&m.topic) {
                    topic_ids.push(m.topic);
                }
            }
            for &t in &topic_ids {
                topic_counts[t].0 += 1;
                if a.speakers.is_empty() {
                    topic_counts[t].2 += 1;
                }
                for &s in &a.speakers {
                    *topic_counts[t].1.entry(names[s].clone()).or_default() += 1;
                    *speakers[s].topics.entry(taxonomy.topics[t].id.as_str()).or_default() += 1;
                }
            }
            for &s in &a.speakers {
                speakers[s].sentences += 1;
                speakers[s].words += words;
            }
            let who: Vec<Arc<str>> = a.speakers.iter().map(|&s| names[s].clone()).collect();
            sentences.push(SentenceReport {
                index: i,
                start: seg.start,
                end: seg.end,
                text: seg.text,
                paragraph: seg.paragraph,
                layout: seg.layout,
                speaker: who.first().cloned(),
                speakers: who,
                attribution: if a.speakers.is_empty() { How::None.as_str() } else { a.how.as_str() },
                evidence: a.evidence,
                other_source: a.other_source.map(|(kind, text)| OtherSource { kind, text }),
                topics: topic_ids.iter().map(|&t| taxonomy.topics[t].id.as_str()).collect(),
                topic_matches: matches
                    .iter()
                    .map(|m| TopicHit {
                        topic: taxonomy.topics[m.topic].id.as_str(),
                        keyword: self.tagger.keyword(m),
                        start: m.start,
                        end: m.end,
                    })
                    .collect(),
            });
        }
        for (s, t) in speakers.iter_mut().zip(attributor.table()) {
            s.share =
                if total_words == 0 { 0.0 } else { (s.words as f64 / total_words as f64 * 10000.0).round() / 10000.0 };
            // gender may have been learnt from pronouns during attribution
            s.gender = t.gender;
        }
        let topics = taxonomy
            .topics
            .iter()
            .zip(topic_counts)
            .filter(|(_, (n, _, _))| *n > 0)
            .map(|(t, (n, by, un))| TopicReport {
                id: t.id.as_str(),
                label: t.label.as_str(),
                basket: t.basket.as_deref(),
                sentences: n,
                speakers: by,
                unattributed: un,
            })
            .collect();
        Report { source: source.to_string(), bytes: text.len(), speakers, sentences, topics }
    }
}
