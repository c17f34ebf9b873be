//! Running a batch: finding inputs, analysing them in parallel, writing the
//! results in input order, and counting failures.
//!
//! Inputs are discovered lazily (folders walked in a deterministic, sorted
//! order) and processed in chunks: each chunk is read, analysed and rendered
//! on the rayon pool, then written out in order, so memory depends on the
//! chunk size, not on the number of files. A failing input is reported as
//! `whosaid: PATH: cause` and counted; the batch goes on.
//!
//! Standard output is opened (JSON `[`, CSV header) at the first input read,
//! so a run in which no input could be read leaves it empty rather than
//! holding a valid-looking empty result. With `--out-dir`, each job's output
//! name is planned ([`crate::outdir::Plan`]) on this thread, in input order,
//! as the job is taken: names never depend on thread timing.
//!
//! JSONL on stdin is a stream (whosaid as a stage under GNU parallel, Hadoop
//! Streaming or Spark's `pipe()`): a reader thread parses its lines into a
//! bounded channel and each chunk takes only what has arrived, so a document
//! that comes alone is analysed and its rows flushed without waiting for the
//! next one, and memory depends on the chunk, not on the length of the stream.
//! The reader only parses: output names are still planned here, as jobs are
//! taken from the channel, so they follow input order as for any other input.

use std::fs;
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, TryRecvError};
use std::sync::{Mutex, PoisonError};
use std::time::Instant;

use rayon::prelude::*;

use crate::cli::{Config, InputKind};
use crate::error::InputError;
use crate::outdir::{self, Plan};
use crate::output::html::{self, IndexEntry};
use crate::output::{Format, Writer};
use crate::topics::TagCache;

/// What a run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Inputs analysed.
    pub done: usize,
    /// Inputs that failed.
    pub failed: usize,
    /// Bad JSONL lines skipped under `--skip-bad-lines` (reported, not failed).
    pub skipped: usize,
    /// Sentences written.
    pub sentences: usize,
    /// Speakers found.
    pub speakers: usize,
    /// Bytes of input analysed.
    pub bytes: usize,
    /// Output ended early because the reader went away (`| head`).
    pub broken_pipe: bool,
}

/// One unit of work.
#[derive(Debug)]
enum Job {
    /// A report file; `root` is the folder argument it was found under.
    File { path: PathBuf, root: Option<PathBuf> },
    /// Standard input, read whole.
    Stdin,
    /// A document from a JSONL corpus; `at` is its `FILE:LINE`.
    Doc { source: String, text: String, at: String },
    /// Something that failed before analysis (walk error, bad JSONL line);
    /// `skipped` when it only counts as a skipped line (`--skip-bad-lines`).
    Failed { what: String, cause: String, skipped: bool },
}

/// Why a job wrote nothing: the input, the cause, and whether it only counts
/// as a skipped line rather than a failure.
#[derive(Debug)]
struct Failure {
    what: String,
    cause: String,
    skipped: bool,
}

impl From<(String, String)> for Failure {
    fn from((what, cause): (String, String)) -> Self {
        Failure { what, cause, skipped: false }
    }
}

impl Failure {
    /// Reports it on `err` (above the progress line, if any) and counts it.
    fn report<E: Write>(
        &self,
        progress: Option<&indicatif::ProgressBar>,
        err: &mut E,
        summary: &mut Summary,
    ) -> io::Result<()> {
        if self.skipped {
            summary.skipped += 1;
        } else {
            summary.failed += 1;
        }
        say(progress, err, &format!("whosaid: {}: {}", self.what, self.cause))
    }
}

/// A job with its output file below `--out-dir`, if any.
struct Work {
    job: Job,
    out: Option<PathBuf>,
}

/// Reads bytes as text: UTF-8 (BOM kept, offsets index the bytes), refusing
/// binary and UTF-16 input; with `lossy`, each invalid byte becomes U+001A so
/// offsets still index the original bytes.
pub fn decode(bytes: Vec<u8>, lossy: bool) -> Result<String, InputError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(InputError::NotText(
            "UTF-16 text is not supported; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)".into(),
        ));
    }
    let head = &bytes[..bytes.len().min(8192)];
    if let Some(p) = memchr::memchr(0, head) {
        return Err(InputError::NotText(format!("binary file (NUL byte at offset {p}), skipped")));
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) if lossy => {
            let bytes = e.into_bytes();
            let mut out = String::with_capacity(bytes.len());
            for chunk in bytes.utf8_chunks() {
                out.push_str(chunk.valid());
                for _ in chunk.invalid() {
                    out.push('\u{1A}');
                }
            }
            Ok(out)
        }
        Err(e) => Err(InputError::Utf8 { offset: e.utf8_error().valid_up_to() }),
    }
}

/// Runs the whole batch, writing to `out` and reporting problems on `err`.
pub fn run<W: Write, E: Write>(cfg: &Config, out: W, err: &mut E) -> io::Result<Summary> {
    // the pool is built on first use: a lone input never needs it (start-up time)
    let mut pool: Option<rayon::ThreadPool> = None;
    let threads =
        if cfg.threads == 0 { std::thread::available_parallelism().map_or(1, |n| n.get()) } else { cfg.threads };
    let started = Instant::now();
    let mut summary = Summary::default();
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    let mut framing = Framing { writer: Writer::new(cfg.write), open: false, flush: false };
    let progress = progress_bar(cfg);
    let to_stdout = cfg.out_dir.is_none();
    let mut plan = cfg.out_dir.as_deref().map(|d| Plan::new(d, cfg.write.format));
    if let Some(dir) = &cfg.out_dir {
        let n = outdir::clear_stale(dir);
        if n > 0 && !cfg.quiet {
            writeln!(
                err,
                "whosaid: removed {} left in {} by an interrupted run",
                count(n, "temporary file"),
                dir.display()
            )?;
        }
    }
    let mut collisions = Vec::new();
    let chunk = 64 * threads;
    // one word memo per worker thread, kept for the whole run
    let caches: Vec<Mutex<TagCache>> = (0..threads).map(|_| Mutex::new(TagCache::new())).collect();
    // workers render bodies with their own writer; `writer` frames them here
    let renderer = Writer::new(cfg.write);
    let mut feed = Feed::new(cfg, chunk);
    // on a stream, rows are flushed per document: a reader never waits for a buffer to fill
    framing.flush = matches!(feed, Feed::Stream { .. });
    // results of the previous chunk, written while the next one is analysed
    let mut pending: Option<Vec<Result<Done, Failure>>> = None;
    // pages written under --out-dir, for the HTML index
    let mut pages = Vec::new();
    loop {
        // with results pending, a stream gives what has arrived (maybe nothing) so they are written now;
        // names are planned here, in input order, whichever thread parsed the jobs
        let batch: Vec<Work> = feed
            .batch(chunk, pending.is_none())
            .into_iter()
            .map(|job| planned(plan.as_mut(), job, &mut collisions))
            .collect();
        for w in collisions.drain(..) {
            say(progress.as_ref(), err, &format!("whosaid: warning: {w}"))?;
        }
        if batch.is_empty() && pending.is_none() {
            break;
        }
        // a lone input (the usual single report, or a huge one) is written
        // straight to the output instead of through a buffer
        if pending.is_none()
            && summary.done + summary.failed + summary.skipped == 0
            && batch.len() == 1
            && to_stdout
            && !feed.more()
        {
            let work = batch.into_iter().next().expect("one job");
            match load(cfg, work.job) {
                Ok(l) => {
                    // rows are written as they are decided (no pool: one input is one thread)
                    let streamed = framing
                        .open(&mut out)
                        .and_then(|w| w.stream(&mut out, &cfg.analyzer, &l.source, &l.text, &mut TagCache::new()));
                    match streamed {
                        Ok(n) => {
                            summary.done += 1;
                            summary.sentences += n.sentences;
                            summary.speakers += n.speakers;
                            summary.bytes += l.text.len();
                        }
                        Err(e) => return broken_or(e, summary),
                    }
                }
                Err(f) => f.report(progress.as_ref(), err, &mut summary)?,
            }
            continue;
        }
        let pool = match &mut pool {
            Some(p) => p,
            None => {
                pool.insert(rayon::ThreadPoolBuilder::new().num_threads(threads).build().map_err(io::Error::other)?)
            }
        };
        // analyse this chunk on the pool while this thread writes the previous one
        let mut analysed = None;
        let wrote = pool.in_place_scope(|scope| {
            if !batch.is_empty() {
                let (caches, renderer, analysed) = (&caches, &renderer, &mut analysed);
                scope.spawn(move |_| {
                    *analysed = Some(
                        batch
                            .into_par_iter()
                            .map(|j| {
                                let slot = rayon::current_thread_index().unwrap_or(0) % caches.len();
                                let mut cache = caches[slot].lock().unwrap_or_else(PoisonError::into_inner);
                                process(cfg, renderer, j, &mut cache)
                            })
                            .collect(),
                    );
                });
            }
            match pending.take() {
                Some(results) => {
                    write_results(results, &mut framing, &mut out, err, &mut summary, &mut pages, progress.as_ref())
                }
                None => Ok(Ok(())),
            }
        });
        if let Err(e) = wrote? {
            return broken_or(e, summary);
        }
        pending = analysed;
    }
    if to_stdout {
        // lines skipped under --skip-bad-lines are no failure: with only those
        // the run succeeds and its (empty) result is framed as usual
        let nothing_read = summary.done == 0 && summary.failed > 0;
        if let Err(e) = framing.close(&mut out, nothing_read) {
            return broken_or(e, summary);
        }
    }
    let index_failed = match (&cfg.out_dir, pages.is_empty()) {
        (Some(dir), false) => !write_index(cfg, dir, &pages, err)?,
        _ => false,
    };
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    if let (Some(dir), Some(plan)) = (&cfg.out_dir, &plan) {
        if !cfg.quiet {
            writeln!(err, "{}", out_dir_summary(&summary, plan.renamed, dir))?;
        }
    }
    // counted after the closing line, which counts inputs: the index is none
    if index_failed {
        summary.failed += 1;
    }
    let secs = started.elapsed().as_secs_f64();
    if cfg.stats || (!cfg.quiet && io::stderr().is_terminal() && summary.done + summary.failed > 1) {
        let mb = summary.bytes as f64 / 1e6;
        writeln!(
            err,
            "whosaid: {} files, {} sentences, {} speakers, {} failed{}; {:.2} MB in {:.2} s ({:.1} MB/s)",
            summary.done,
            summary.sentences,
            summary.speakers,
            summary.failed,
            if summary.skipped > 0 { format!(", {} bad lines skipped", summary.skipped) } else { String::new() },
            mb,
            secs,
            if secs > 0.0 { mb / secs } else { 0.0 }
        )?;
    }
    Ok(summary)
}

/// Writes one chunk's results in input order and counts them; per-input
/// errors go to `err`. A failure to write to `err` is the outer error; a
/// failure to write the output (a closed pipe, a full disk) the inner one.
fn write_results<W: Write, E: Write>(
    results: Vec<Result<Done, Failure>>,
    framing: &mut Framing,
    out: &mut W,
    err: &mut E,
    summary: &mut Summary,
    pages: &mut Vec<IndexEntry>,
    progress: Option<&indicatif::ProgressBar>,
) -> io::Result<io::Result<()>> {
    for r in results {
        match r {
            Ok(d) => {
                pages.extend(d.page);
                summary.done += 1;
                summary.sentences += d.sentences;
                summary.speakers += d.speakers;
                summary.bytes += d.bytes;
                // with --out-dir bodies are empty: standard output stays closed
                if !d.body.is_empty() {
                    if let Err(e) = framing.write_body(out, &d.body) {
                        return Ok(Err(e));
                    }
                }
            }
            Err(f) => f.report(progress, err, summary)?,
        }
        if let Some(p) = progress {
            p.inc(1);
            p.set_message(progress_text(summary.done + summary.failed, summary.bytes, p.elapsed().as_secs_f64()));
        }
    }
    Ok(Ok(()))
}

/// Writes one line on `err`, above the progress line if there is one.
fn say<E: Write>(progress: Option<&indicatif::ProgressBar>, err: &mut E, line: &str) -> io::Result<()> {
    match progress {
        Some(p) => p.suspend(|| writeln!(err, "{line}")),
        None => writeln!(err, "{line}"),
    }
}

/// Standard output's framing, opened at the first report written.
struct Framing {
    writer: Writer,
    open: bool,
    /// Flush after each report's rows (a stream: the next stage reads them
    /// while whosaid waits for its next input).
    flush: bool,
}

impl Framing {
    /// The writer, after the framing's start (CSV header, JSON `[`).
    fn open<W: Write>(&mut self, out: &mut W) -> io::Result<&mut Writer> {
        if !self.open {
            self.open = true;
            self.writer.begin(out)?;
        }
        Ok(&mut self.writer)
    }

    /// Writes one report's rendered rows, flushed when `flush` is set.
    fn write_body<W: Write>(&mut self, out: &mut W, body: &[u8]) -> io::Result<()> {
        self.open(out)?.write_body(out, body)?;
        if self.flush {
            out.flush()?;
        }
        Ok(())
    }

    /// Ends the output; when no input could be read, writes nothing at all.
    fn close<W: Write>(&mut self, out: &mut W, nothing_read: bool) -> io::Result<()> {
        if !self.open && nothing_read {
            return out.flush();
        }
        self.open(out)?.finish(out)
    }
}

/// The progress line's counts: whole reports per second and MB/s.
fn progress_text(reports: usize, bytes: usize, secs: f64) -> String {
    let per_sec = |x: f64| if secs > 0.0 { x / secs } else { 0.0 };
    format!("{}, {:.0}/s, {:.1} MB/s", count(reports, "report"), per_sec(reports as f64), per_sec(bytes as f64 / 1e6))
}

/// The closing line of an `--out-dir` run: inputs (a skipped bad JSONL line
/// counts as one) and files written, and why they differ.
fn out_dir_summary(s: &Summary, renamed: usize, dir: &Path) -> String {
    let mut line = format!(
        "whosaid: {}, {} written to {}",
        count(s.done + s.failed + s.skipped, "input"),
        count(s.done, "file"),
        dir.display()
    );
    if s.failed > 0 {
        line += &format!("; {} failed (see above), so no file for {}", count(s.failed, "input"), pronoun(s.failed));
    }
    if s.skipped > 0 {
        line += &format!(
            "; {} skipped (--skip-bad-lines, see above), so no file for {}",
            count(s.skipped, "bad line"),
            pronoun(s.skipped)
        );
    }
    if renamed > 0 {
        line += &format!("; {} had a name already taken and got a ~N suffix (see warnings)", count(renamed, "input"));
    }
    line
}

fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

fn pronoun(n: usize) -> &'static str {
    if n == 1 {
        "it"
    } else {
        "them"
    }
}

fn broken_or(e: io::Error, mut s: Summary) -> io::Result<Summary> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        s.broken_pipe = true;
        Ok(s)
    } else {
        Err(e)
    }
}

fn progress_bar(cfg: &Config) -> Option<indicatif::ProgressBar> {
    let many = cfg.paths.len() > 1 || cfg.paths.iter().any(|p| p.is_dir()) || cfg.input == InputKind::Jsonl;
    if cfg.quiet || !many || !io::stderr().is_terminal() {
        return None;
    }
    let p = indicatif::ProgressBar::new_spinner();
    p.set_style(indicatif::ProgressStyle::with_template("{spinner} {msg} [{elapsed}]").ok()?);
    Some(p)
}

struct Done {
    body: Vec<u8>,
    /// The HTML page written under `--out-dir`.
    page: Option<IndexEntry>,
    sentences: usize,
    speakers: usize,
    bytes: usize,
}

/// The job with its output name, when writing to `--out-dir`; a name taken
/// before adds its warning to `collisions`.
fn planned(plan: Option<&mut Plan>, job: Job, collisions: &mut Vec<String>) -> Work {
    let Some(plan) = plan else { return Work { job, out: None } };
    let issued = match &job {
        Job::Failed { .. } => return Work { job, out: None },
        Job::Stdin => plan.issue(&[b"stdin"], "-"),
        Job::File { path, root } => {
            // the path below its folder argument, or the file name of a file argument
            let parts: Vec<&[u8]> = match root.as_deref().and_then(|r| path.strip_prefix(r).ok()) {
                Some(below) => below.iter().map(|c| c.as_encoded_bytes()).collect(),
                None => path.file_name().map(|n| n.as_encoded_bytes()).into_iter().collect(),
            };
            plan.issue(&parts, &path.display().to_string())
        }
        Job::Doc { source, at, .. } => plan.issue(&[source.as_bytes()], &format!("{at} (id {source:?})")),
    };
    collisions.extend(issued.collision);
    Work { job, out: Some(issued.rel) }
}

/// Where the loop takes its jobs from.
enum Feed<'c> {
    /// Inputs that are there to be read (files, folders, JSONL files): taken
    /// in order, a chunk at a time.
    Ready(std::iter::Peekable<Box<dyn Iterator<Item = Job> + 'c>>),
    /// A stream (JSONL on stdin), parsed by a reader thread into a channel
    /// bounded to one chunk; `next` holds a job taken to see if one follows.
    Stream { rx: mpsc::Receiver<Job>, next: Option<Job> },
}

impl Feed<'_> {
    fn new(cfg: &Config, chunk: usize) -> Feed<'_> {
        let stdin = cfg.paths.is_empty() || cfg.paths.iter().any(|p| p.as_os_str() == "-");
        if cfg.input != InputKind::Jsonl || !stdin {
            return Feed::Ready(jobs(cfg).peekable());
        }
        let (tx, rx) = mpsc::sync_channel(chunk);
        let cfg = cfg.clone();
        // not joined: if the output closes early the reader may be waiting on
        // stdin, and ends with the process (or at its next send)
        std::thread::spawn(move || {
            for job in jobs(&cfg) {
                if tx.send(job).is_err() {
                    break;
                }
            }
        });
        Feed::Stream { rx, next: None }
    }

    /// Up to `max` jobs; empty at the end. A stream gives what has arrived,
    /// waiting for a first job only if `wait`: without it, empty may also mean
    /// "nothing yet".
    fn batch(&mut self, max: usize, wait: bool) -> Vec<Job> {
        match self {
            Feed::Ready(jobs) => jobs.by_ref().take(max).collect(),
            Feed::Stream { rx, next } => {
                let mut batch: Vec<Job> = next.take().into_iter().collect();
                if batch.is_empty() && wait {
                    batch.extend(rx.recv().ok());
                }
                while batch.len() < max {
                    match rx.try_recv() {
                        Ok(j) => batch.push(j),
                        Err(_) => break,
                    }
                }
                batch
            }
        }
    }

    /// False only when no job follows (a stream says so once it has ended).
    fn more(&mut self) -> bool {
        match self {
            Feed::Ready(jobs) => jobs.peek().is_some(),
            Feed::Stream { rx, next } => {
                if next.is_none() {
                    match rx.try_recv() {
                        Ok(j) => *next = Some(j),
                        Err(TryRecvError::Disconnected) => return false,
                        Err(TryRecvError::Empty) => {}
                    }
                }
                true
            }
        }
    }
}

/// A job's text, read and decoded.
struct Loaded {
    source: String,
    text: String,
}

fn load(cfg: &Config, job: Job) -> Result<Loaded, Failure> {
    match job {
        Job::Failed { what, cause, skipped } => Err(Failure { what, cause, skipped }),
        Job::Stdin => {
            let mut b = Vec::new();
            io::stdin().lock().read_to_end(&mut b).map_err(|e| ("-".to_string(), e.to_string()))?;
            let text = decode(b, cfg.lossy).map_err(|e| ("-".to_string(), e.to_string()))?;
            Ok(Loaded { source: "-".to_string(), text })
        }
        Job::File { path, .. } => {
            let shown = path.display().to_string();
            let b = fs::read(&path).map_err(|e| (shown.clone(), io_cause(&e)))?;
            let text = decode(b, cfg.lossy).map_err(|e| (shown.clone(), e.to_string()))?;
            Ok(Loaded { source: shown, text })
        }
        Job::Doc { source, text, .. } => Ok(Loaded { source, text }),
    }
}

fn process(cfg: &Config, writer: &Writer, work: Work, cache: &mut TagCache) -> Result<Done, Failure> {
    let l = load(cfg, work.job)?;
    // sentence-level JSON runs to about seven times the input
    let mut body = Vec::with_capacity(l.text.len() * 3);
    let n = writer
        .render_text(&mut body, &cfg.analyzer, &l.source, &l.text, cache)
        .map_err(|e| (l.source.clone(), e.to_string()))?;
    let mut page = None;
    if let (Some(dir), Some(rel)) = (&cfg.out_dir, work.out) {
        let target = dir.join(&rel);
        if target.exists() && is_input(cfg, &target) {
            let e = format!("refusing to overwrite the input {} with this input's output", target.display());
            return Err((l.source, e).into());
        }
        outdir::write(&target, cfg.write, &body).map_err(|e| (l.source.clone(), e))?;
        body = Vec::new();
        if cfg.write.format == Format::Html {
            page = Some(IndexEntry { page: rel, source: l.source, sentences: n.sentences, speakers: n.speakers });
        }
    }
    Ok(Done { body, page, sentences: n.sentences, speakers: n.speakers, bytes: l.text.len() })
}

/// True if the existing file `target` is one of this run's inputs: a file
/// argument, or a file the globs pick in a folder argument (outside an output
/// folder nested in it, which the walk skips).
fn is_input(cfg: &Config, target: &Path) -> bool {
    let Ok(t) = target.canonicalize() else { return false };
    let out_dir = cfg.out_dir.as_ref().and_then(|d| d.canonicalize().ok());
    cfg.paths.iter().filter_map(|p| p.canonicalize().ok()).any(|p| {
        if !p.is_dir() {
            return t == p;
        }
        let skipped = out_dir.as_ref().is_some_and(|o| *o != p && t.starts_with(o));
        t.starts_with(&p) && !skipped && t.file_name().is_some_and(|n| cfg.globs.is_match(n))
    })
}

fn io_cause(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ if e.raw_os_error() == Some(21) => "is a directory".into(),
        _ => e.to_string(),
    }
}

/// `index.html` under `--out-dir`: a link to every page with its counts.
/// Its name was reserved in the plan, so no report's page holds it. False
/// if it could not be written.
fn write_index<E: Write>(cfg: &Config, dir: &Path, pages: &[IndexEntry], err: &mut E) -> io::Result<bool> {
    match outdir::write(&dir.join(outdir::HTML_INDEX), cfg.write, &html::index_body(pages)) {
        Ok(()) => Ok(true),
        Err(e) => writeln!(err, "whosaid: {e}").map(|()| false),
    }
}

/// The lazy sequence of jobs for the configured inputs.
fn jobs(cfg: &Config) -> Box<dyn Iterator<Item = Job> + '_> {
    let paths: Vec<PathBuf> = if cfg.paths.is_empty() { vec![PathBuf::from("-")] } else { cfg.paths.clone() };
    let out_dir = cfg.out_dir.as_ref().and_then(|d| d.canonicalize().ok());
    let files = paths.into_iter().flat_map(move |p| -> Box<dyn Iterator<Item = Job>> {
        if p.as_os_str() == "-" {
            return Box::new(std::iter::once(Job::Stdin));
        }
        if p.is_dir() {
            return Box::new(walk(cfg, p, out_dir.clone()));
        }
        Box::new(std::iter::once(Job::File { path: p, root: None }))
    });
    match cfg.input {
        InputKind::Text => Box::new(files),
        InputKind::Jsonl => Box::new(files.flat_map(move |j| corpus(cfg, j))),
    }
}

fn walk(cfg: &Config, root: PathBuf, out_dir: Option<PathBuf>) -> impl Iterator<Item = Job> + '_ {
    let hidden = cfg.hidden;
    let it = walkdir::WalkDir::new(&root).follow_links(true).sort_by_file_name().into_iter().filter_entry(move |e| {
        let name = e.file_name().to_string_lossy();
        let skip_hidden = e.depth() > 0 && !hidden && name.starts_with('.');
        // never read our own output folder
        let own_output =
            e.depth() > 0 && out_dir.as_ref().is_some_and(|o| e.path().canonicalize().ok().as_ref() == Some(o));
        !skip_hidden && !own_output
    });
    it.filter_map(move |entry| match entry {
        Ok(e) => {
            if !e.file_type().is_file() {
                return None;
            }
            if !cfg.globs.is_match(e.file_name()) {
                return None;
            }
            Some(Job::File { path: e.path().to_path_buf(), root: Some(root.clone()) })
        }
        Err(e) => {
            let what = e.path().map(|p| p.display().to_string()).unwrap_or_else(|| root.display().to_string());
            let cause = if e.loop_ancestor().is_some() {
                "symlink loop, skipped".to_string()
            } else if let Some(io) = e.io_error() {
                io_cause(io)
            } else {
                e.to_string()
            };
            Some(Job::Failed { what, cause, skipped: false })
        }
    })
}

/// Splits a JSONL corpus input into documents.
fn corpus(cfg: &Config, job: Job) -> Box<dyn Iterator<Item = Job> + '_> {
    let (name, reader): (String, Box<dyn BufRead + Send>) = match job {
        Job::Stdin => ("-".into(), Box::new(BufReader::new(io::stdin()))),
        Job::File { path, .. } => {
            let shown = path.display().to_string();
            match fs::File::open(&path) {
                Ok(f) => (shown, Box::new(BufReader::new(f))),
                Err(e) => {
                    return Box::new(std::iter::once(Job::Failed { what: shown, cause: io_cause(&e), skipped: false }))
                }
            }
        }
        other => return Box::new(std::iter::once(other)),
    };
    let (idf, tf, skip) = (cfg.id_field.clone(), cfg.text_field.clone(), cfg.skip_bad_lines);
    Box::new(reader.split(b'\n').enumerate().filter_map(move |(n, line)| {
        let what = format!("{name}:{}", n + 1);
        let line = match line {
            Ok(l) => l,
            Err(e) => return Some(Job::Failed { what, cause: e.to_string(), skipped: false }),
        };
        if line.iter().all(u8::is_ascii_whitespace) {
            return None;
        }
        let v: serde_json::Value = match serde_json::from_slice(&line) {
            Ok(v) => v,
            Err(e) => return Some(Job::Failed { what, cause: format!("invalid JSON: {e}"), skipped: skip }),
        };
        let Some(text) = field(&v, &tf).and_then(|t| t.as_str()) else {
            return Some(Job::Failed { what, cause: format!("no string field {tf:?}"), skipped: skip });
        };
        let source = match field(&v, &idf) {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(serde_json::Value::Number(x)) => x.to_string(),
            _ => format!("{name}:{}", n + 1),
        };
        Some(Job::Doc { source, text: text.to_string(), at: what })
    }))
}

/// A field of a JSONL document: a top-level name, or a JSON Pointer
/// (`/meta/url`) for a nested one.
fn field<'v>(doc: &'v serde_json::Value, name: &str) -> Option<&'v serde_json::Value> {
    if name.starts_with('/') {
        doc.pointer(name)
    } else {
        doc.get(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding() {
        assert_eq!(decode(b"abc".to_vec(), false).unwrap(), "abc");
        assert!(matches!(decode(b"ab\xffc".to_vec(), false), Err(InputError::Utf8 { offset: 2 })));
        assert_eq!(decode(b"ab\xff\xfec".to_vec(), true).unwrap(), "ab\u{1a}\u{1a}c");
        assert!(decode(b"a\0b".to_vec(), false).unwrap_err().to_string().contains("binary"));
        assert!(decode(vec![0xFF, 0xFE, b'a', 0], false).unwrap_err().to_string().contains("UTF-16"));
        assert_eq!(decode("\u{feff}x".as_bytes().to_vec(), false).unwrap(), "\u{feff}x");
    }

    #[test]
    fn progress_counts_whole_reports() {
        let cases: &[(&str, usize, usize, f64, &str)] = &[
            ("rates rounded", 2343, 4_700_000, 2.0, "2343 reports, 1172/s, 2.4 MB/s"),
            ("no time yet", 3, 100, 0.0, "3 reports, 0/s, 0.0 MB/s"),
            ("slow", 1, 1_000_000, 4.0, "1 report, 0/s, 0.2 MB/s"),
        ];
        for (name, reports, bytes, secs, expected) in cases {
            assert_eq!(progress_text(*reports, *bytes, *secs), *expected, "{name}");
        }
    }

    #[test]
    fn out_dir_summary_says_why_counts_differ() {
        let dir = Path::new("out");
        let s = |done, failed| Summary { done, failed, ..Summary::default() };
        let skipped = |done, failed, skipped| Summary { done, failed, skipped, ..Summary::default() };
        let cases: &[(&str, Summary, usize, &str)] = &[
            ("all written", s(2, 0), 0, "whosaid: 2 inputs, 2 files written to out"),
            ("one", s(1, 0), 0, "whosaid: 1 input, 1 file written to out"),
            (
                "failures",
                s(1, 2),
                0,
                "whosaid: 3 inputs, 1 file written to out; 2 inputs failed (see above), so no file for them",
            ),
            (
                "bad lines skipped",
                skipped(2, 0, 1),
                0,
                "whosaid: 3 inputs, 2 files written to out; 1 bad line skipped (--skip-bad-lines, see above), so no file for it",
            ),
            (
                "failed and skipped",
                skipped(1, 1, 2),
                0,
                "whosaid: 4 inputs, 1 file written to out; 1 input failed (see above), so no file for it; 2 bad lines skipped (--skip-bad-lines, see above), so no file for them",
            ),
            (
                "renamed",
                s(2, 0),
                1,
                "whosaid: 2 inputs, 2 files written to out; 1 input had a name already taken and got a ~N suffix (see warnings)",
            ),
        ];
        for (name, summary, renamed, expected) in cases {
            assert_eq!(out_dir_summary(summary, *renamed, dir), *expected, "{name}");
        }
    }
}
