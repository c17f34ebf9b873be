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
/// the sentences with their speakers and topics as JSON, JSON Lines or CSV,
/// an xlsx workbook, or an HTML page to read.
#[derive(Debug, Parser)]
#[command(
    name = "whosaid",
    version,
    about,
    long_about = None,
    disable_help_flag = true,
    disable_version_flag = true,
    after_help = EXIT_STATUS,
    after_long_help = concat!(
        "Examples, one per group:\n",
        "  Input:     whosaid --input jsonl --id-field key --text-field body corpus.jsonl\n",
        "  Output:    whosaid --format csv --level speakers --bom -o speakers.csv reports/\n",
        "  Analysis:  whosaid --topics my_topics.csv --lang french report.txt\n",
        "  Batch:     whosaid -j 2 --stats --format jsonl reports/ > sentences.jsonl\n",
        "\n",
        "Exit status: 0 all inputs done, 1 some inputs failed, 2 usage error."
    )
)]
pub struct Args {
    /// Files or folders to read; `-` or nothing reads stdin.
    pub paths: Vec<PathBuf>,

    /// How inputs are read.
    #[arg(long, value_enum, default_value_t = InputKind::Text, help_heading = "Input")]
    pub input: InputKind,

    /// With --input jsonl: the field holding the document id (a JSON Pointer such as /meta/url for a nested one).
    #[arg(long, default_value = "id", value_name = "NAME", help_heading = "Input")]
    pub id_field: String,

    /// With --input jsonl: the field holding the text (a JSON Pointer such as /meta/body for a nested one).
    #[arg(long, default_value = "text", value_name = "NAME", help_heading = "Input")]
    pub text_field: String,

    /// With --input jsonl: a line that is not JSON or has no text is reported on stderr and skipped, without exit status 1 (under Spark's pipe() that would fail the task).
    #[arg(long, help_heading = "Input")]
    pub skip_bad_lines: bool,

    /// Which files in folders count (repeatable) [default: *.txt *.md *.text *.markdown].
    #[arg(long = "glob", value_name = "GLOB", help_heading = "Input")]
    pub globs: Vec<String>,

    /// Also read hidden files and folders when walking.
    #[arg(long, help_heading = "Input")]
    pub hidden: bool,

    /// Decode invalid UTF-8 anyway: each bad byte becomes U+001A, so offsets still index the input.
    #[arg(long, help_heading = "Input")]
    pub lossy: bool,

    /// Output format (xlsx and html show every level: no --level).
    #[arg(short, long, value_enum, default_value_t = Format::Json, help_heading = "Output")]
    pub format: Format,

    /// What one output row stands for [default: report for json, sentences otherwise].
    #[arg(short, long, value_enum, help_heading = "Output")]
    pub level: Option<Level>,

    /// Write one output file per input here, mirroring the folder tree: `a.txt` gives `a.txt.json`
    /// (html adds an index.html linking the pages).
    #[arg(long, value_name = "DIR", conflicts_with = "output", help_heading = "Output")]
    pub out_dir: Option<PathBuf>,

    /// Write the output to this file instead of stdout.
    #[arg(short, long, value_name = "FILE", help_heading = "Output")]
    pub output: Option<PathBuf>,

    /// Indent JSON output.
    #[arg(long, help_heading = "Output")]
    pub pretty: bool,

    /// Start CSV output with a UTF-8 byte-order mark (for Excel).
    #[arg(long, help_heading = "Output")]
    pub bom: bool,

    /// Keep CSV cells that start with = + - @ as they are (no leading ').
    #[arg(long, help_heading = "Output")]
    pub no_sanitize: bool,

    /// Your own taxonomy: CSV with header `topic,keyword`, or JSON `{"topics": [...]}`.
    #[arg(long, value_name = "FILE", help_heading = "Analysis")]
    pub topics: Option<PathBuf>,

    /// Keep only the sentence-topic tags that score at least this (0–1; 0.8 ≈ a
    /// specific keyword in the main clause, 0.5 a single common word, 0.4 a
    /// mention in passing); 0 keeps every tag.
    #[arg(long, value_name = "SCORE", default_value_t = crate::topics::DEFAULT_MIN_SCORE, help_heading = "Analysis")]
    pub min_score: f32,

    /// Stemmer language for the taxonomy (english, french, german, spanish …).
    #[arg(long, default_value = "english", help_heading = "Analysis")]
    pub lang: String,

    /// Extra abbreviations, one per line (`title cllr`, `end approx`, or a bare word).
    #[arg(long, value_name = "FILE", help_heading = "Analysis")]
    pub abbreviations: Option<PathBuf>,

    /// Worker threads [default: all cores].
    #[arg(short = 'j', long, value_name = "N", help_heading = "Batch")]
    pub threads: Option<usize>,

    /// Print a summary line (files, sentences, speakers, failures, MB/s) on stderr.
    #[arg(long, help_heading = "Batch")]
    pub stats: bool,

    /// No progress bar or summary, even on a terminal.
    #[arg(short, long, help_heading = "Batch")]
    pub quiet: bool,

    /// Print a shell completion script and exit.
    #[arg(long, value_enum, value_name = "SHELL", help_heading = "Other")]
    pub completions: Option<clap_complete::Shell>,

    /// Print the man page (roff) and exit.
    #[arg(long, help_heading = "Other")]
    pub man: bool,

    /// Print help (a summary with -h, more with --help).
    #[arg(short, long, action = clap::ArgAction::Help, help_heading = "Other")]
    help: Option<bool>,

    /// Print the version.
    #[arg(short = 'V', long, action = clap::ArgAction::Version, help_heading = "Other")]
    version: Option<bool>,
}

const EXIT_STATUS: &str = "Exit status: 0 all inputs done, 1 some inputs failed, 2 usage error.";

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
    /// The output file (otherwise stdout).
    pub output: Option<PathBuf>,
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

impl Config {
    /// Refuses to write a workbook to a terminal: it would fill the screen
    /// with bytes. A pipe or a redirect is fine.
    pub fn check_stdout(&self, stdout_is_terminal: bool) -> Result<(), ConfigError> {
        if self.write.format == Format::Xlsx && stdout_is_terminal && self.output.is_none() && self.out_dir.is_none() {
            return Err(cfg_err(
                "--format xlsx",
                "a workbook is binary, not for a terminal: add --output FILE.xlsx (or --out-dir DIR, or redirect stdout)",
            ));
        }
        Ok(())
    }
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
        if let (Some(_), Format::Xlsx | Format::Html) = (self.level, self.format) {
            return Err(cfg_err("--level", "--format xlsx and html show every level; leave --level out"));
        }
        if let Some(d) = self.out_dir.as_ref().filter(|d| d.exists() && !d.is_dir()) {
            return Err(cfg_err("--out-dir", format!("{} exists and is not a folder", d.display())));
        }
        if !(0.0..=1.0).contains(&self.min_score) {
            return Err(cfg_err("--min-score", format!("{} is not between 0 and 1", self.min_score)));
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
            analyzer: Arc::new(Analyzer::new(segmenter, taxonomy, lang).with_min_score(self.min_score)),
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
            output: self.output,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn config(args: &[&str]) -> Config {
        Args::parse_from(std::iter::once("whosaid").chain(args.iter().copied())).into_config().unwrap()
    }

    #[test]
    fn workbook_never_goes_to_a_terminal() {
        for (name, args, terminal, refused) in [
            ("xlsx to a terminal", &["--format", "xlsx"][..], true, true),
            ("xlsx to a pipe or a redirect", &["--format", "xlsx"], false, false),
            ("xlsx to a file", &["--format", "xlsx", "--output", "x.xlsx"], true, false),
            ("xlsx under an out-dir", &["--format", "xlsx", "--out-dir", "out"], true, false),
            ("html to a terminal is text", &["--format", "html"], true, false),
            ("csv to a terminal", &["--format", "csv"], true, false),
        ] {
            let r = config(args).check_stdout(terminal);
            assert_eq!(r.is_err(), refused, "{name}");
            if let Err(e) = r {
                assert!(e.to_string().contains("--output"), "{name}: says what to do: {e}");
            }
        }
    }
}
