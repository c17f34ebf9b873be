//! The command line: clap-derive options turned into a validated [`Config`].
//!
//! Everything a user can get wrong before any input is read (a bad taxonomy,
//! an unknown language, a bad glob) is caught here and reported with the file
//! and the cause; the stages only ever see a valid `Config`.

use std::path::PathBuf;
use std::sync::Arc;

use clap::{Parser, ValueEnum};
use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::output::{Format, Level, WriteOptions};
use crate::segment::Segmenter;
use crate::topics::{self, Taxonomy};
use crate::Analyzer;

/// How inputs are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputKind {
    /// Each file (or stdin) is one report.
    Text,
    /// Each line is a JSON object holding one report: `{"id": …, "text": …}`.
    Jsonl,
}

/// Who said what, about which topic, in event reports.
///
/// Reads reports from files, folders (walked recursively) or stdin and writes
/// the sentences with their speakers and topics as JSON, JSON Lines or CSV.
#[derive(Debug, Parser)]
#[command(name = "whosaid", version, about, long_about = None, after_help = "Exit status: 0 all inputs done, 1 some inputs failed, 2 usage error.")]
pub struct Args {
    /// Files or folders to read; `-` or nothing reads stdin.
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Json)]
    pub format: Format,

    /// What one output row stands for [default: report for json, sentences otherwise].
    #[arg(short, long, value_enum)]
    pub level: Option<Level>,

    /// Your own taxonomy: CSV with header `topic,keyword`, or JSON `{"topics": [...]}`.
    #[arg(long, value_name = "FILE")]
    pub topics: Option<PathBuf>,

    /// Stemmer language for the taxonomy (english, french, german, spanish …).
    #[arg(long, default_value = "english")]
    pub lang: String,

    /// Extra abbreviations, one per line (`title cllr`, `end approx`, or a bare word).
    #[arg(long, value_name = "FILE")]
    pub abbreviations: Option<PathBuf>,

    /// Which files in folders count (repeatable) [default: *.txt *.md *.text *.markdown].
    #[arg(long = "glob", value_name = "GLOB")]
    pub globs: Vec<String>,

    /// Also read hidden files and folders when walking.
    #[arg(long)]
    pub hidden: bool,

    /// Worker threads [default: all cores].
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,

    /// Write one output file per input here, mirroring the folder tree.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,

    /// How inputs are read.
    #[arg(long, value_enum, default_value_t = InputKind::Text)]
    pub input: InputKind,

    /// With --input jsonl: the field holding the document id (a JSON Pointer such as /meta/url for a nested one).
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_field: String,

    /// With --input jsonl: the field holding the text (a JSON Pointer such as /meta/body for a nested one).
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_field: String,

    /// With --input jsonl: a line that is not JSON or has no text is reported on stderr and skipped, without exit status 1 (under Spark's pipe() that would fail the task).
    #[arg(long)]
    pub skip_bad_lines: bool,

    /// Keep CSV cells that start with = + - @ as they are (no leading ').
    #[arg(long)]
    pub no_sanitize: bool,

    /// Start CSV output with a UTF-8 byte-order mark (for Excel).
    #[arg(long)]
    pub bom: bool,

    /// Indent JSON output.
    #[arg(long)]
    pub pretty: bool,

    /// Decode invalid UTF-8 anyway: each bad byte becomes U+001A, so offsets still index the input.
    #[arg(long)]
    pub lossy: bool,

    /// Print a summary line (files, sentences, speakers, failures, MB/s) on stderr.
    #[arg(long)]
    pub stats: bool,

    /// No progress bar or summary, even on a terminal.
    #[arg(short, long)]
    pub quiet: bool,

    /// Print a shell completion script and exit.
    #[arg(long, value_enum, value_name = "SHELL")]
    pub completions: Option<clap_complete::Shell>,

    /// Print the man page (roff) and exit.
    #[arg(long)]
    pub man: bool,
}

/// A validated configuration: what [`crate::app::run`] needs.
#[derive(Debug, Clone)]
pub struct Config {
    /// Inputs as given (empty = stdin).
    pub paths: Vec<PathBuf>,
    /// The pipeline.
    pub analyzer: Arc<Analyzer>,
    /// Writer settings.
    pub write: WriteOptions,
    /// Which files in folders count.
    pub globs: GlobSet,
    /// Walk hidden entries too.
    pub hidden: bool,
    /// Worker threads (0 = all cores).
    pub threads: usize,
    /// One output file per input here.
    pub out_dir: Option<PathBuf>,
    /// How inputs are read.
    pub input: InputKind,
    /// JSONL id field.
    pub id_field: String,
    /// JSONL text field.
    pub text_field: String,
    /// Bad JSONL lines are skipped, not failures.
    pub skip_bad_lines: bool,
    /// Decode invalid UTF-8 lossily.
    pub lossy: bool,
    /// Print a summary line.
    pub stats: bool,
    /// Never show progress or summary unless asked.
    pub quiet: bool,
}

/// A configuration problem: which file or option, and why.
#[derive(Debug, thiserror::Error)]
#[error("{what}: {cause}")]
pub struct ConfigError {
    /// The file or option at fault.
    pub what: String,
    /// Why.
    pub cause: String,
}

fn cfg_err(what: impl Into<String>, cause: impl std::fmt::Display) -> ConfigError {
    ConfigError { what: what.into(), cause: cause.to_string() }
}

/// Default globs for report files in folders.
pub const DEFAULT_GLOBS: &[&str] = &["*.txt", "*.md", "*.text", "*.markdown"];

impl Args {
    /// Validates the options and loads the data files they name.
    pub fn into_config(self) -> Result<Config, ConfigError> {
        let lang = topics::language(&self.lang).ok_or_else(|| {
            cfg_err("--lang", format!("unknown language {:?} (one of: {})", self.lang, topics::LANGUAGES))
        })?;
        let taxonomy = match &self.topics {
            None => Taxonomy::builtin(),
            Some(p) => {
                let what = p.display().to_string();
                let s = std::fs::read_to_string(p).map_err(|e| cfg_err(&what, e))?;
                let is_json =
                    p.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) || s.trim_start().starts_with('{');
                let t = if is_json { Taxonomy::from_json(&s) } else { Taxonomy::from_csv(&s) };
                t.map_err(|e| cfg_err(&what, e))?
            }
        };
        let mut segmenter = Segmenter::default();
        if let Some(p) = &self.abbreviations {
            let what = p.display().to_string();
            let s = std::fs::read_to_string(p).map_err(|e| cfg_err(&what, e))?;
            segmenter.add_abbreviations(&s).map_err(|e| cfg_err(&what, e))?;
        }
        let mut gb = GlobSetBuilder::new();
        let globs: Vec<String> = if self.globs.is_empty() {
            DEFAULT_GLOBS.iter().map(|s| s.to_string()).collect()
        } else {
            self.globs.clone()
        };
        for g in &globs {
            gb.add(Glob::new(g).map_err(|e| cfg_err(format!("--glob {g}"), e))?);
        }
        let globs = gb.build().map_err(|e| cfg_err("--glob", e))?;
        let level = self.level.unwrap_or(if self.format == Format::Json { Level::Report } else { Level::Sentences });
        if level == Level::Report && self.format != Format::Json {
            return Err(cfg_err("--level report", "only goes with --format json"));
        }
        if self.skip_bad_lines && self.input != InputKind::Jsonl {
            return Err(cfg_err("--skip-bad-lines", "only goes with --input jsonl"));
        }
        if self.threads == Some(0) {
            return Err(cfg_err("--threads", "must be at least 1"));
        }
        let single = self.input == InputKind::Text
            && self.out_dir.is_none()
            && (self.paths.is_empty()
                || (self.paths.len() == 1 && (self.paths[0].as_os_str() == "-" || self.paths[0].is_file())));
        Ok(Config {
            analyzer: Arc::new(Analyzer::new(segmenter, taxonomy, lang)),
            write: WriteOptions {
                format: self.format,
                level,
                array: !single,
                sanitize: !self.no_sanitize,
                bom: self.bom,
                pretty: self.pretty,
            },
            paths: self.paths,
            globs,
            hidden: self.hidden,
            threads: self.threads.unwrap_or(0),
            out_dir: self.out_dir,
            input: self.input,
            id_field: self.id_field,
            text_field: self.text_field,
            skip_bad_lines: self.skip_bad_lines,
            lossy: self.lossy,
            stats: self.stats,
            quiet: self.quiet,
        })
    }
}
