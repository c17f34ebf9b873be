//! Writers: JSON, JSON Lines and CSV, at sentence, speaker or topic level;
//! an xlsx workbook with every level ([`xlsx`]); an HTML page ([`html`]).
//!
//! A batch is written as a *stream*: [`Writer::begin`] once, then the body of
//! each report in input order, then [`Writer::finish`]. Bodies are rendered
//! into byte buffers by [`Writer::render`] (so workers can render in parallel)
//! and copied out in order; the framing (CSV header, JSON array brackets and
//! commas) is the writer's alone. Every writer is generic over `io::Write`.
//!
//! CSV cells that a spreadsheet would evaluate as a formula (starting with
//! `=`, `+`, `-`, `@`, tab or CR) get a leading `'`, per OWASP's CSV-injection
//! guidance, unless sanitising is turned off. The workbook needs no such
//! prefix: its text cells are strings, never formulas.

use std::io::{self, Write};

use std::borrow::Cow;

use serde::Serialize;

use crate::report::{Analyzer, Report, SentenceReport, SpeakerReport, TopicReport};
use crate::topics::TagCache;

pub mod html;
mod rows;
mod xlsx;

use xlsx::{Book, Table};

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON document (a report object, or an array of them).
    Json,
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values with one header row.
    Csv,
    /// One Excel workbook: a sheet per level and a speaker × topic matrix.
    Xlsx,
    /// A page to read: the text tinted by speaker, the speaker table, charts.
    Html,
}

impl Format {
    /// File extension for `--out-dir`.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Html => "html",
        }
    }
}

/// What one row stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Level {
    /// The whole report (JSON only): speakers, sentences and topics together.
    Report,
    /// One row per sentence.
    Sentences,
    /// One row per speaker.
    Speakers,
    /// One row per (speaker, topic) pair: a long, pivot-ready table.
    Topics,
}

/// Writer settings.
#[derive(Debug, Clone, Copy)]
pub struct WriteOptions {
    /// Format.
    pub format: Format,
    /// Level.
    pub level: Level,
    /// JSON: several reports go in an array (otherwise one object).
    pub array: bool,
    /// Neutralise formula-like CSV cells.
    pub sanitize: bool,
    /// Start CSV with a UTF-8 byte-order mark (for Excel).
    pub bom: bool,
    /// Indent JSON.
    pub pretty: bool,
}

/// Frames a stream of reports and writes their rows.
pub struct Writer {
    opts: WriteOptions,
    /// JSON array items (or bodies) written so far, for the separators.
    items: usize,
    /// False when rendering a body that another writer frames.
    framed: bool,
    /// Sentences written inside the open JSON report object.
    in_report: usize,
    /// One row is rendered here (JSON, or CSV through the csv crate), then written with one call.
    row: Vec<u8>,

    /// Reused sanitised cells of one CSV record.
    cells: Vec<String>,
    /// The workbook being written (xlsx, between `begin` and `finish`).
    book: Option<Box<Book>>,
}

impl std::fmt::Debug for Writer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writer").field("opts", &self.opts).field("items", &self.items).finish()
    }
}

const SENTENCE_COLUMNS: &[&str] = &[
    "source",
    "index",
    "start",
    "end",
    "paragraph",
    "layout",
    "speaker",
    "speakers",
    "attribution",
    "evidence",
    "evidence_start",
    "evidence_end",
    "other_source",
    "topics",
    "topic_scores",
    "text",
];
const SPEAKER_COLUMNS: &[&str] = &[
    "source",
    "name",
    "honorific",
    "title",
    "organization",
    "role",
    "gender",
    "aliases",
    "sentences",
    "words",
    "share",
    "topics",
];
const TOPIC_COLUMNS: &[&str] = &["source", "speaker", "topic", "label", "basket", "sentences", "score"];

/// A row: `source` first, then the item's own fields.
#[derive(Serialize)]
struct Row<'a, T: Serialize> {
    source: &'a str,
    #[serde(flatten)]
    item: &'a T,
}

/// A sentence row: `source` first, then the sentence fields (no `flatten`,
/// which would go through serde's slower map path for every sentence).
struct SentenceRow<'a, 'r> {
    source: &'a str,
    s: &'a SentenceReport<'r>,
}

impl Serialize for SentenceRow<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut m = ser.serialize_struct("SentenceRow", SentenceReport::FIELDS + 1)?;
        m.serialize_field("source", self.source)?;
        self.s.fields(&mut m)?;
        m.end()
    }
}

#[derive(Serialize)]
struct TopicRow<'a> {
    source: &'a str,
    speaker: Option<&'a str>,
    topic: &'a str,
    label: &'a str,
    basket: Option<&'a str>,
    sentences: usize,
    score: f64,
}

/// Writes one report as a complete document (framing included).
pub fn write_document<W: Write>(opts: WriteOptions, out: &mut W, report: &Report) -> io::Result<()> {
    let mut w = Writer::new(opts);
    w.begin(out)?;
    w.write_report(out, report)?;
    w.finish(out)
}

/// Analyses `text` and writes it as a complete document (framing included),
/// streaming rows as they are decided: [`write_document`] without building
/// the [`Report`].
pub fn stream_document<W: Write>(
    opts: WriteOptions,
    out: &mut W,
    analyzer: &Analyzer,
    source: &str,
    text: &str,
    cache: &mut TagCache,
) -> io::Result<Counts> {
    let mut w = Writer::new(opts);
    w.begin(out)?;
    let n = w.stream(out, analyzer, source, text, cache)?;
    w.finish(out)?;
    Ok(n)
}

/// Neutralises a CSV cell a spreadsheet would evaluate as a formula.
pub fn sanitize_cell(s: &str) -> Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// How many sentences and speakers one streamed report had.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Sentences.
    pub sentences: usize,
    /// Speakers in the table.
    pub speakers: usize,
}

impl Writer {
    /// A writer with these settings. JSON at `Level::Report` writes whole
    /// reports; other formats default the report level to sentences; xlsx
    /// and HTML write every level whatever the setting.
    pub fn new(mut opts: WriteOptions) -> Writer {
        if (opts.level == Level::Report && opts.format != Format::Json)
            || matches!(opts.format, Format::Xlsx | Format::Html)
        {
            opts.level = Level::Sentences;
        }
        Writer {
            opts,
            items: 0,
            framed: true,
            in_report: 0,
            row: Vec::with_capacity(1024),
            cells: Vec::new(),
            book: None,
        }
    }

    /// A writer for one body (no framing) with the same settings.
    fn body(&self) -> Writer {
        Writer { framed: false, ..Writer::new(self.opts) }
    }

    /// The settings in force.
    pub fn options(&self) -> WriteOptions {
        self.opts
    }

    /// Writes what comes before the first report.
    pub fn begin<W: Write>(&mut self, out: &mut W) -> io::Result<()> {
        match self.opts.format {
            Format::Csv => {
                if self.opts.bom {
                    out.write_all("\u{feff}".as_bytes())?;
                }
                let cols = match self.opts.level {
                    Level::Speakers => SPEAKER_COLUMNS,
                    Level::Topics => TOPIC_COLUMNS,
                    _ => SENTENCE_COLUMNS,
                };
                self.csv_record(out, cols)?;
            }
            Format::Json if self.json_array() => out.write_all(b"[")?,
            Format::Xlsx => self.book = Some(Box::new(Book::new()?)),
            Format::Html => out.write_all(html::HEAD.as_bytes())?,
            _ => {}
        }
        Ok(())
    }

    fn json_array(&self) -> bool {
        self.opts.array || self.opts.level != Level::Report
    }

    /// Counts one item, writing the JSON array separator before it.
    fn item<W: Write>(&mut self, out: &mut W) -> io::Result<()> {
        if self.opts.format == Format::Json && self.json_array() {
            let sep: &[u8] = match (self.items, self.framed) {
                (0, true) => b"\n",
                (0, false) => b"",
                _ => b",\n",
            };
            out.write_all(sep)?;
        }
        self.items += 1;
        Ok(())
    }

    /// Writes one rendered body (from [`Writer::render`]).
    pub fn write_body<W: Write>(&mut self, out: &mut W, body: &[u8]) -> io::Result<()> {
        if body.is_empty() {
            return Ok(());
        }
        self.item(out)?;
        match &mut self.book {
            Some(book) => book.decode(body),
            None => out.write_all(body),
        }
    }

    /// Writes one report into the stream, with its framing.
    pub fn write_report<W: Write>(&mut self, out: &mut W, r: &Report) -> io::Result<()> {
        if self.opts.format == Format::Json && self.opts.level == Level::Report && self.opts.pretty {
            self.item(out)?;
            return serde_json::to_writer_pretty(out, r).map_err(io::Error::from);
        }
        if self.opts.format == Format::Html {
            self.item(out)?;
            return html::write_report(out, r);
        }
        self.start_report(out, &r.source, r.bytes)?;
        for s in &r.sentences {
            self.sentence(out, &r.source, s)?;
        }
        self.end_report(out, &r.source, &r.speakers, &r.topics)
    }

    /// Analyses `text` and writes its rows as they are decided: memory stays
    /// proportional to the input, not to the output, however large the
    /// report. (Pretty-printed JSON reports are built whole first.)
    ///
    /// ```
    /// use whosaid::output::{Format, Level, WriteOptions, Writer};
    /// use whosaid::topics::TagCache;
    ///
    /// let analyzer = whosaid::Analyzer::default();
    /// let opts = WriteOptions { format: Format::Jsonl, level: Level::Sentences, array: false,
    ///                           sanitize: true, bom: false, pretty: false };
    /// let mut out = Vec::new();
    /// let mut w = Writer::new(opts);
    /// w.begin(&mut out)?; // once per stream (CSV header, JSON array)
    /// let n = w.stream(&mut out, &analyzer, "r.txt", "Ms Lena Varga (Northwind) said so. She left.",
    ///                  &mut TagCache::new())?;
    /// w.finish(&mut out)?;
    /// assert_eq!((n.sentences, n.speakers), (2, 1));
    /// assert!(String::from_utf8(out).unwrap().lines().all(|l| l.contains("\"speaker\":\"Lena Varga\"")));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn stream<W: Write>(
        &mut self,
        out: &mut W,
        analyzer: &Analyzer,
        source: &str,
        text: &str,
        cache: &mut TagCache,
    ) -> io::Result<Counts> {
        // a pretty JSON report and a page are built whole first
        if (self.opts.format == Format::Json && self.opts.level == Level::Report && self.opts.pretty)
            || self.opts.format == Format::Html
        {
            let r = analyzer.analyze_cached(source, text, cache);
            self.write_report(out, &r)?;
            return Ok(Counts { sentences: r.sentences.len(), speakers: r.speakers.len() });
        }
        self.start_report(out, source, text.len())?;
        let totals = analyzer.analyze_each(text, cache, |s| self.sentence(out, source, s))?;
        self.end_report(out, source, &totals.speakers, &totals.topics)?;
        Ok(Counts { sentences: totals.sentences, speakers: totals.speakers.len() })
    }

    /// Opens a report: for a JSON report object, everything up to its sentences.
    fn start_report<W: Write>(&mut self, out: &mut W, source: &str, bytes: usize) -> io::Result<()> {
        if self.opts.format == Format::Json && self.opts.level == Level::Report {
            self.item(out)?;
            self.row.clear();
            self.row.extend_from_slice(b"{\"source\":");
            serde_json::to_writer(&mut self.row, source)?;
            write!(self.row, ",\"bytes\":{bytes},\"sentences\":[")?;
            out.write_all(&self.row)?;
            self.in_report = 0;
        }
        Ok(())
    }

    /// Writes one sentence (nothing at speaker or topic level).
    fn sentence<W: Write>(&mut self, out: &mut W, source: &str, s: &SentenceReport) -> io::Result<()> {
        self.row.clear();
        match (self.opts.format, self.opts.level) {
            (_, Level::Speakers | Level::Topics) => return Ok(()),
            (Format::Json, Level::Report) => {
                if self.in_report > 0 {
                    self.row.push(b',');
                }
                self.in_report += 1;
                rows::json_sentence(&mut self.row, None, s);
            }
            (Format::Json, _) => {
                self.item(out)?;
                self.sentence_row(source, s)?;
            }
            (Format::Jsonl, _) => {
                self.sentence_row(source, s)?;
                self.row.push(b'\n');
            }
            (Format::Csv, _) => rows::csv_sentence(&mut self.row, source, s, self.opts.sanitize),
            (Format::Xlsx, _) => return self.csv_sentence(out, source, s),
            // a page is written whole by `write_report`
            (Format::Html, _) => return Ok(()),
        }
        out.write_all(&self.row)
    }

    /// Closes a report: the rest of a JSON report object, or the speaker or topic rows.
    fn end_report<W: Write>(
        &mut self,
        out: &mut W,
        source: &str,
        speakers: &[SpeakerReport],
        topics: &[TopicReport],
    ) -> io::Result<()> {
        match (self.opts.format, self.opts.level) {
            (Format::Json, Level::Report) => {
                self.row.clear();
                self.row.extend_from_slice(b"],\"speakers\":");
                serde_json::to_writer(&mut self.row, speakers)?;
                self.row.extend_from_slice(b",\"topics\":");
                serde_json::to_writer(&mut self.row, topics)?;
                self.row.push(b'}');
                out.write_all(&self.row)
            }
            (Format::Xlsx, _) => {
                self.speaker_rows(out, source, speakers)?;
                self.topic_rows(out, source, topics)?;
                self.matrix_rows(out, source, speakers, topics)
            }
            (Format::Csv, Level::Speakers) => self.speaker_rows(out, source, speakers),
            (Format::Csv, Level::Topics) => self.topic_rows(out, source, topics),
            (_, Level::Speakers) => speakers.iter().try_for_each(|s| self.json_item(out, &Row { source, item: s })),
            (_, Level::Topics) => topic_rows(source, topics).iter().try_for_each(|t| self.json_item(out, t)),
            _ => Ok(()),
        }
    }

    /// Writes what comes after the last report (for xlsx, the whole workbook).
    pub fn finish<W: Write>(&mut self, out: &mut W) -> io::Result<()> {
        if let Some(book) = self.book.take() {
            book.save(out)?;
        }
        if self.opts.format == Format::Html {
            out.write_all(html::TAIL.as_bytes())?;
        }
        if self.opts.format == Format::Json {
            if self.json_array() {
                out.write_all(if self.items == 0 { b"]\n" } else { b"\n]\n" })?;
            } else if self.items == 0 {
                out.write_all(b"null\n")?;
            } else {
                out.write_all(b"\n")?;
            }
        }
        out.flush()
    }

    /// Renders one report's body: JSON items (without array framing), JSON
    /// Lines, or CSV rows (without header).
    pub fn render<W: Write>(&self, report: &Report, buf: &mut W) -> io::Result<()> {
        self.body().write_report(buf, report)
    }

    /// [`Writer::render`] straight from the text, without building the report.
    pub fn render_text<W: Write>(
        &self,
        buf: &mut W,
        analyzer: &Analyzer,
        source: &str,
        text: &str,
        cache: &mut TagCache,
    ) -> io::Result<Counts> {
        self.body().stream(buf, analyzer, source, text, cache)
    }

    /// Serialises a JSON row into the row buffer, pretty or not.
    fn json_row<T: Serialize>(&mut self, v: &T) -> io::Result<()> {
        if self.opts.pretty {
            serde_json::to_writer_pretty(&mut self.row, v)?;
        } else {
            serde_json::to_writer(&mut self.row, v)?;
        }
        Ok(())
    }

    /// One JSON array item or JSON Lines row.
    /// A sentence row as JSON: written directly, or through serde when indented.
    fn sentence_row(&mut self, source: &str, s: &SentenceReport) -> io::Result<()> {
        if self.opts.pretty {
            return self.json_row(&SentenceRow { source, s });
        }
        rows::json_sentence(&mut self.row, Some(source), s);
        Ok(())
    }

    fn json_item<W: Write, T: Serialize>(&mut self, out: &mut W, v: &T) -> io::Result<()> {
        self.row.clear();
        if self.opts.format == Format::Json {
            self.item(out)?;
            self.json_row(v)?;
        } else {
            self.json_row(v)?;
            self.row.push(b'\n');
        }
        out.write_all(&self.row)
    }

    /// A CSV cell, neutralised if sanitising.
    fn clean<'s>(&self, s: &'s str) -> Cow<'s, str> {
        if self.opts.sanitize {
            sanitize_cell(s)
        } else {
            Cow::Borrowed(s)
        }
    }

    fn csv_record<W: Write, I: AsRef<[u8]>>(&mut self, out: &mut W, cells: &[I]) -> io::Result<()> {
        self.row.clear();
        let mut w = csv::WriterBuilder::new().has_headers(false).buffer_capacity(4096).from_writer(&mut self.row);
        w.write_record(cells)?;
        w.flush()?;
        drop(w);
        out.write_all(&self.row)
    }

    /// A record of text cells of one table. CSV: each cell neutralised if
    /// sanitising (the source and the numbers too: a path may start with `-`
    /// or `=`). Xlsx: a row of the workbook, or of a body for one.
    fn csv_cells<W: Write>(&mut self, out: &mut W, table: Table, cells: &[&str]) -> io::Result<()> {
        if self.opts.format == Format::Xlsx {
            return match &mut self.book {
                Some(book) => book.row(table, cells),
                None => Book::encode(out, table, cells),
            };
        }
        let mut cleaned = std::mem::take(&mut self.cells);
        cleaned.clear();
        cleaned.extend(cells.iter().map(|c| self.clean(c).into_owned()));
        let r = self.csv_record(out, &cleaned);
        self.cells = cleaned;
        r
    }

    fn csv_sentence<W: Write>(&mut self, out: &mut W, source: &str, s: &SentenceReport) -> io::Result<()> {
        let (ev, es, ee) = match &s.evidence {
            Some(e) => (e.text.as_str(), e.start.to_string(), e.end.to_string()),
            None => ("", String::new(), String::new()),
        };
        let other = s.other_source.as_ref().map(|o| format!("{}: {}", o.kind, o.text)).unwrap_or_default();
        let scores = s.topic_scores.iter().map(f32::to_string).collect::<Vec<_>>().join("; ");
        let (index, start, end, paragraph) =
            (s.index.to_string(), s.start.to_string(), s.end.to_string(), s.paragraph.to_string());
        self.csv_cells(
            out,
            Table::Sentences,
            &[
                source,
                &index,
                &start,
                &end,
                &paragraph,
                layout_name(s.layout),
                s.speaker.as_deref().unwrap_or(""),
                &s.speakers.join("; "),
                s.attribution,
                ev,
                &es,
                &ee,
                &other,
                &s.topics.join("; "),
                &scores,
                s.text,
            ],
        )
    }

    fn csv_speaker<W: Write>(&mut self, out: &mut W, source: &str, s: &SpeakerReport) -> io::Result<()> {
        let topics: Vec<String> = s.topics.iter().map(|(k, v)| format!("{k}:{v}")).collect();
        self.csv_cells(
            out,
            Table::Speakers,
            &[
                source,
                &s.name,
                s.honorific.as_deref().unwrap_or(""),
                s.title.as_deref().unwrap_or(""),
                s.organization.as_deref().unwrap_or(""),
                s.role.unwrap_or(""),
                match s.gender {
                    Some(crate::lexicon::Gender::Male) => "male",
                    Some(crate::lexicon::Gender::Female) => "female",
                    None => "",
                },
                &s.aliases.join("; "),
                &s.sentences.to_string(),
                &s.words.to_string(),
                &format!("{:.4}", s.share),
                &topics.join("; "),
            ],
        )
    }

    fn speaker_rows<W: Write>(&mut self, out: &mut W, source: &str, speakers: &[SpeakerReport]) -> io::Result<()> {
        speakers.iter().try_for_each(|s| self.csv_speaker(out, source, s))
    }

    fn topic_rows<W: Write>(&mut self, out: &mut W, source: &str, topics: &[TopicReport]) -> io::Result<()> {
        topic_rows(source, topics).iter().try_for_each(|t| {
            let (n, sc) = (t.sentences.to_string(), t.score.to_string());
            self.csv_cells(
                out,
                Table::Topics,
                &[source, t.speaker.unwrap_or(""), t.topic, t.label, t.basket.unwrap_or(""), &n, &sc],
            )
        })
    }

    /// The workbook's speaker × topic rows: `source, speaker`, then `id, label, count` per topic.
    fn matrix_rows<W: Write>(
        &mut self,
        out: &mut W,
        source: &str,
        speakers: &[SpeakerReport],
        topics: &[TopicReport],
    ) -> io::Result<()> {
        for s in speakers {
            let counts: Vec<(&str, &str, String)> = topics
                .iter()
                .filter_map(|t| t.speakers.get(s.name.as_str()).map(|n| (t.id, t.label, n.to_string())))
                .collect();
            let mut cells = vec![source, &s.name];
            for (id, label, n) in &counts {
                cells.extend([*id, *label, n.as_str()]);
            }
            self.csv_cells(out, Table::Matrix, &cells)?;
        }
        Ok(())
    }
}

fn layout_name(l: crate::segment::Layout) -> &'static str {
    match l {
        crate::segment::Layout::Text => "text",
        crate::segment::Layout::Heading => "heading",
        crate::segment::Layout::Item => "item",
    }
}

/// One row per (speaker, topic), plus a row with no speaker for the topic's
/// unattributed sentences.
fn topic_rows<'a>(source: &'a str, topics: &'a [TopicReport]) -> Vec<TopicRow<'a>> {
    let mut rows = Vec::new();
    for t in topics {
        for (name, n) in &t.speakers {
            rows.push(TopicRow {
                source,
                speaker: Some(name),
                topic: t.id,
                label: t.label,
                basket: t.basket,
                sentences: *n,
                score: t.speaker_scores.get(name).copied().unwrap_or_default(),
            });
        }
        if t.unattributed > 0 {
            rows.push(TopicRow {
                source,
                speaker: None,
                topic: t.id,
                label: t.label,
                basket: t.basket,
                sentences: t.unattributed,
                score: t.unattributed_score,
            });
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Analyzer;

    fn run(format: Format, level: Level, sanitize: bool) -> String {
        let a = Analyzer::default();
        let text = "Ms Lena Varga (Head of Policy, Northwind) said that privacy matters. She added =SUM(A1) as a joke.";
        let r = a.analyze("x.txt", text);
        let mut out = Vec::new();
        let opts = WriteOptions { format, level, array: false, sanitize, bom: false, pretty: false };
        write_document(opts, &mut out, &r).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn json_report_parses() {
        let v: serde_json::Value = serde_json::from_str(&run(Format::Json, Level::Report, true)).unwrap();
        assert_eq!(v["speakers"][0]["name"], "Lena Varga");
        assert_eq!(v["sentences"][1]["speaker"], "Lena Varga");
        assert_eq!(v["sentences"][1]["attribution"], "pronoun");
    }

    /// The streaming path (rows written as sentences are decided) and the
    /// report path (the whole report built first) write the same bytes.
    #[test]
    fn streamed_equals_built() {
        let a = Analyzer::default();
        let text = "Panel on cyber norms\n\nMs Lena Varga (Head of Policy, Northwind) said that privacy matters. \
                    She added =SUM(A1) as a joke.\n\nMr Tomas Berg, Director at Eastgate, argued that the OEWG \
                    must go on. Varga disagreed. \"Capacity building first,\" he said.";
        for format in [Format::Json, Format::Jsonl, Format::Csv] {
            for level in [Level::Report, Level::Sentences, Level::Speakers, Level::Topics] {
                for (array, pretty) in [(false, false), (true, false), (false, true), (true, true)] {
                    let opts = WriteOptions { format, level, array, sanitize: true, bom: false, pretty };
                    let mut built = Vec::new();
                    write_document(opts, &mut built, &a.analyze("x.txt", text)).unwrap();
                    let mut streamed = Vec::new();
                    let n = stream_document(opts, &mut streamed, &a, "x.txt", text, &mut TagCache::new()).unwrap();
                    let what = format!("{format:?} {level:?} array={array} pretty={pretty}");
                    assert_eq!(String::from_utf8(streamed).unwrap(), String::from_utf8(built).unwrap(), "{what}");
                    assert_eq!((n.sentences, n.speakers), (6, 2), "{what}");
                    // a rendered body framed by write_body is the same document again
                    let mut body = Vec::new();
                    Writer::new(opts).render_text(&mut body, &a, "x.txt", text, &mut TagCache::new()).unwrap();
                    let mut framed = Vec::new();
                    let mut w = Writer::new(opts);
                    w.begin(&mut framed).unwrap();
                    w.write_body(&mut framed, &body).unwrap();
                    w.finish(&mut framed).unwrap();
                    let mut built = Vec::new();
                    write_document(opts, &mut built, &a.analyze("x.txt", text)).unwrap();
                    assert_eq!(framed, built, "{what} (body)");
                }
            }
        }
    }

    #[test]
    fn jsonl_rows_have_source() {
        let out = run(Format::Jsonl, Level::Sentences, true);
        for line in out.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_eq!(v["source"], "x.txt");
        }
        assert_eq!(out.lines().count(), 2);
    }

    #[test]
    fn csv_same_width_and_sanitised() {
        for level in [Level::Sentences, Level::Speakers, Level::Topics] {
            let out = run(Format::Csv, level, true);
            let mut rdr = csv::Reader::from_reader(out.as_bytes());
            let width = rdr.headers().unwrap().len();
            for rec in rdr.records() {
                assert_eq!(rec.unwrap().len(), width);
            }
        }
        assert_eq!(sanitize_cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(sanitize_cell("-1"), "'-1");
        assert_eq!(sanitize_cell("plain"), "plain");
    }
}
