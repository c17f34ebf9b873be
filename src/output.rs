//! Writers: JSON, JSON Lines and CSV, at sentence, speaker or topic level.
//!
//! A batch is written as a *stream*: [`Writer::begin`] once, then the body of
//! each report in input order, then [`Writer::finish`]. Bodies are rendered
//! into byte buffers by [`Writer::render`] (so workers can render in parallel)
//! and copied out in order; the framing (CSV header, JSON array brackets and
//! commas) is the writer's alone. Every writer is generic over `io::Write`.
//!
//! CSV cells that a spreadsheet would evaluate as a formula (starting with
//! `=`, `+`, `-`, `@`, tab or CR) get a leading `'`, per OWASP's CSV-injection
//! guidance, unless sanitising is turned off.

use std::io::{self, Write};

use serde::Serialize;

use crate::report::Report;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON document (a report object, or an array of them).
    Json,
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values with one header row.
    Csv,
}

impl Format {
    /// File extension for `--out-dir`.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
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

/// Frames a stream of rendered reports.
#[derive(Debug)]
pub struct Writer {
    opts: WriteOptions,
    items: usize,
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
const TOPIC_COLUMNS: &[&str] = &["source", "speaker", "topic", "label", "basket", "sentences"];

#[derive(Serialize)]
struct Row<'a, T: Serialize> {
    source: &'a str,
    #[serde(flatten)]
    item: &'a T,
}

#[derive(Serialize)]
struct TopicRow<'a> {
    source: &'a str,
    speaker: Option<&'a str>,
    topic: &'a str,
    label: &'a str,
    basket: Option<&'a str>,
    sentences: usize,
}

/// Writes one report as a complete document (framing included).
pub fn write_document<W: Write>(opts: WriteOptions, out: &mut W, report: &Report) -> io::Result<()> {
    let mut w = Writer::new(opts);
    w.begin(out)?;
    w.write_report(out, report)?;
    w.finish(out)
}

/// Neutralises a CSV cell a spreadsheet would evaluate as a formula.
pub fn sanitize_cell(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

impl Writer {
    /// A writer with these settings. JSON at `Level::Report` writes whole
    /// reports; other formats default the report level to sentences.
    pub fn new(mut opts: WriteOptions) -> Writer {
        if opts.level == Level::Report && opts.format != Format::Json {
            opts.level = Level::Sentences;
        }
        Writer { opts, items: 0 }
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
                let mut w = csv::WriterBuilder::new().has_headers(false).from_writer(out);
                w.write_record(cols)?;
                w.flush()?;
            }
            Format::Json if self.json_array() => out.write_all(b"[")?,
            _ => {}
        }
        Ok(())
    }

    fn json_array(&self) -> bool {
        self.opts.array || self.opts.level != Level::Report
    }

    /// Writes one rendered body (from [`Writer::render`]).
    pub fn write_body<W: Write>(&mut self, out: &mut W, body: &[u8]) -> io::Result<()> {
        if body.is_empty() {
            return Ok(());
        }
        if self.opts.format == Format::Json && self.json_array() {
            out.write_all(if self.items == 0 { b"\n" } else { b",\n" })?;
        }
        self.items += 1;
        out.write_all(body)
    }

    /// Renders one report straight into the stream, with its framing: for a
    /// single large input this avoids holding the whole output in memory.
    pub fn write_report<W: Write>(&mut self, out: &mut W, r: &Report) -> io::Result<()> {
        if self.opts.format == Format::Json && self.json_array() {
            let rows = match self.opts.level {
                Level::Report => 1,
                Level::Sentences => r.sentences.len(),
                Level::Speakers => r.speakers.len(),
                Level::Topics => topic_rows(r).len(),
            };
            if rows == 0 {
                return Ok(());
            }
            out.write_all(if self.items == 0 { b"\n" } else { b",\n" })?;
        }
        self.items += 1;
        self.render(r, out)
    }

    /// Writes what comes after the last report.
    pub fn finish<W: Write>(&mut self, out: &mut W) -> io::Result<()> {
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
        let o = self.opts;
        match o.format {
            Format::Json => {
                if o.level == Level::Report {
                    self.json(buf, report)?;
                } else {
                    let mut first = true;
                    self.each_row(report, |row: &dyn erased::Ser| {
                        if !first {
                            buf.write_all(b",\n")?;
                        }
                        first = false;
                        row.write_json(buf, o.pretty)
                    })?;
                }
            }
            Format::Jsonl => {
                self.each_row(report, |row: &dyn erased::Ser| {
                    row.write_json(buf, false)?;
                    buf.write_all(b"\n")?;
                    Ok(())
                })?;
            }
            Format::Csv => self.csv(report, buf)?,
        }
        Ok(())
    }

    fn json<W: Write, T: Serialize>(&self, buf: &mut W, v: &T) -> io::Result<()> {
        if self.opts.pretty {
            serde_json::to_writer_pretty(buf, v)?;
        } else {
            serde_json::to_writer(buf, v)?;
        }
        Ok(())
    }

    fn each_row(&self, r: &Report, mut f: impl FnMut(&dyn erased::Ser) -> io::Result<()>) -> io::Result<()> {
        let src = r.source.as_str();
        match self.opts.level {
            Level::Report | Level::Sentences => {
                for s in &r.sentences {
                    f(&Row { source: src, item: s })?;
                }
            }
            Level::Speakers => {
                for s in &r.speakers {
                    f(&Row { source: src, item: s })?;
                }
            }
            Level::Topics => {
                for row in topic_rows(r) {
                    f(&row)?;
                }
            }
        }
        Ok(())
    }

    fn csv<W: Write>(&self, r: &Report, buf: &mut W) -> io::Result<()> {
        let mut w = csv::WriterBuilder::new().has_headers(false).from_writer(buf);
        let clean = |s: &str| -> String {
            if self.opts.sanitize {
                sanitize_cell(s).into_owned()
            } else {
                s.to_string()
            }
        };
        let src = clean(&r.source);
        match self.opts.level {
            Level::Report | Level::Sentences => {
                for s in &r.sentences {
                    let (ev, es, ee) = match &s.evidence {
                        Some(e) => (clean(&e.text), e.start.to_string(), e.end.to_string()),
                        None => (String::new(), String::new(), String::new()),
                    };
                    let other = s.other_source.as_ref().map(|o| format!("{}: {}", o.kind, o.text)).unwrap_or_default();
                    w.write_record([
                        src.as_str(),
                        &s.index.to_string(),
                        &s.start.to_string(),
                        &s.end.to_string(),
                        &s.paragraph.to_string(),
                        layout_name(s.layout),
                        &clean(s.speaker.as_deref().unwrap_or("")),
                        &clean(&s.speakers.join("; ")),
                        s.attribution,
                        &ev,
                        &es,
                        &ee,
                        &clean(&other),
                        &s.topics.join("; "),
                        &clean(s.text),
                    ])?;
                }
            }
            Level::Speakers => {
                for s in &r.speakers {
                    let topics: Vec<String> = s.topics.iter().map(|(k, v)| format!("{k}:{v}")).collect();
                    w.write_record([
                        src.as_str(),
                        &clean(&s.name),
                        &clean(s.honorific.as_deref().unwrap_or("")),
                        &clean(s.title.as_deref().unwrap_or("")),
                        &clean(s.organization.as_deref().unwrap_or("")),
                        s.role.unwrap_or(""),
                        match s.gender {
                            Some(crate::lexicon::Gender::Male) => "male",
                            Some(crate::lexicon::Gender::Female) => "female",
                            None => "",
                        },
                        &clean(&s.aliases.join("; ")),
                        &s.sentences.to_string(),
                        &s.words.to_string(),
                        &format!("{:.4}", s.share),
                        &topics.join("; "),
                    ])?;
                }
            }
            Level::Topics => {
                for t in topic_rows(r) {
                    w.write_record([
                        src.as_str(),
                        &clean(t.speaker.unwrap_or("")),
                        &clean(t.topic),
                        &clean(t.label),
                        &clean(t.basket.unwrap_or("")),
                        &t.sentences.to_string(),
                    ])?;
                }
            }
        }
        w.flush()?;
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
fn topic_rows<'a>(r: &'a Report) -> Vec<TopicRow<'a>> {
    let mut rows = Vec::new();
    for t in &r.topics {
        for (name, n) in &t.speakers {
            rows.push(TopicRow {
                source: &r.source,
                speaker: Some(name),
                topic: t.id,
                label: t.label,
                basket: t.basket,
                sentences: *n,
            });
        }
        if t.unattributed > 0 {
            rows.push(TopicRow {
                source: &r.source,
                speaker: None,
                topic: t.id,
                label: t.label,
                basket: t.basket,
                sentences: t.unattributed,
            });
        }
    }
    rows
}

/// Object-safe serialisation of the row types.
mod erased {
    use std::io::{self, Write};

    pub trait Ser {
        fn write_json(&self, buf: &mut dyn Write, pretty: bool) -> io::Result<()>;
    }

    impl<T: serde::Serialize> Ser for T {
        fn write_json(&self, buf: &mut dyn Write, pretty: bool) -> io::Result<()> {
            if pretty {
                serde_json::to_writer_pretty(buf, self)?;
            } else {
                serde_json::to_writer(buf, self)?;
            }
            Ok(())
        }
    }
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
