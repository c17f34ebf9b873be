//! `--out-dir`: which file each input's output goes to, and writing it.
//!
//! Names are planned in input order, before anything is written, from the
//! input's name alone — a file's path below its folder argument (or its file
//! name), a corpus document's id — so a JSONL corpus is planned as it
//! streams: the plan holds one entry per output name, never a document.
//!
//! The rule (stated in the README's `--out-dir` section): keep the whole name
//! and add the format's extension (`a.txt` → `a.txt.json`, id `2024.01` →
//! `2024.01.json`), percent-encoding what is not safe in a file name on
//! Linux, macOS or Windows. `%` itself is encoded, so the mapping is
//! injective — decoding gives the name back — and two inputs can only meet
//! on one name if their names are equal, equal ignoring case and Unicode
//! normalisation (case-insensitive file systems), or too long to keep whole.
//! Such a collision is resolved the same way for files, folders and corpora:
//! the later input gets `~2`, `~3`, … before the extension and a warning
//! names both inputs. A suffix rather than a refusal because a corpus
//! streamed from stdin cannot be read twice to find duplicates first.
//!
//! Each output is written to a temporary file in its folder and renamed into
//! place. Temporaries are named `.whosaid-tmp-…` (no output name starts with
//! a dot), so that those a killed run leaves are recognisable: a run removes
//! them from its output folder before writing.

use std::fmt::Write as _;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;

use crate::output::{Format, WriteOptions, Writer};

/// Start of the name of every temporary output file.
pub const TMP_PREFIX: &str = ".whosaid-tmp-";

/// The page linking every report's page under `--out-dir` with `--format
/// html`. Its name is reserved in the [`Plan`], so a report called `index`
/// gets `index~2.html` (with the usual warning) instead of the index
/// overwriting it or being dropped.
pub const HTML_INDEX: &str = "index.html";

/// Longest escaped name kept whole, in bytes: with a `~N` suffix and the
/// extension it stays below the 255-byte limit of common file systems.
const NAME_MAX: usize = 200;

/// Characters that Windows forbids in file names, and `%`, the escape itself.
const FORBIDDEN: &[char] = &['%', '/', '\\', ':', '*', '?', '"', '<', '>', '|'];

/// Escapes one folder name, file name or id into a file name that is safe
/// everywhere: control characters, [`FORBIDDEN`] characters, invalid UTF-8
/// bytes, a leading dot, a trailing dot or space and the first letter of a
/// Windows device name (`nul`, `com1` …) become `%XX` (upper-case hex of
/// each byte); the empty name is `%`. Other characters, any script, stay as
/// they are. Names longer than `NAME_MAX` bytes keep their start and end
/// in `#` and a hash of the whole.
pub fn escape(raw: &[u8]) -> String {
    if raw.is_empty() {
        return "%".into();
    }
    let mut out = String::with_capacity(raw.len());
    for chunk in raw.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c.is_control() || FORBIDDEN.contains(&c) {
                push_encoded(&mut out, c);
            } else {
                out.push(c);
            }
        }
        for b in chunk.invalid() {
            push_byte(&mut out, *b);
        }
    }
    // a leading dot hides a file (or poses as a temporary); Windows drops a trailing dot or space
    if out.starts_with('.') {
        out.replace_range(..1, "%2E");
    }
    if out.ends_with(['.', ' ']) {
        let c = out.pop().expect("not empty");
        push_encoded(&mut out, c);
    }
    let stem = out.split('.').next().unwrap_or_default().trim_end_matches(' ');
    if is_reserved(stem) {
        let first = out.chars().next().expect("not empty");
        let mut head = String::new();
        push_encoded(&mut head, first);
        out.replace_range(..first.len_utf8(), &head);
    }
    if out.len() > NAME_MAX {
        shorten(&mut out);
    }
    out
}

/// The name an escaped name stands for (`%XX` decoded; the lone `%` of the
/// empty name dropped), for names short enough to be kept whole: maps an
/// output file back to its id or input file name.
pub fn unescape(escaped: &str) -> Vec<u8> {
    let b = escaped.as_bytes();
    let (mut out, mut i) = (Vec::with_capacity(b.len()), 0);
    while i < b.len() {
        if b[i] != b'%' {
            out.push(b[i]);
            i += 1;
            continue;
        }
        match escaped.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok()) {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => i += 1,
        }
    }
    out
}

/// [`escape`] for a folder on the way to an output file: a folder name that
/// ends like an output file (`x.json/`) has that dot encoded, so no output
/// file (`x` → `x.json`) can be asked to be a folder as well.
fn escape_folder(raw: &[u8], ext: &str) -> String {
    let mut s = escape(raw);
    let n = s.len();
    if n > ext.len() && s.is_char_boundary(n - ext.len() - 1) {
        let (head, tail) = s.split_at(n - ext.len() - 1);
        if tail.starts_with('.') && tail[1..].eq_ignore_ascii_case(ext) {
            s = format!("{head}%2E{}", &tail[1..]);
        }
    }
    s
}

fn push_encoded(out: &mut String, c: char) {
    let mut buf = [0u8; 4];
    for b in c.encode_utf8(&mut buf).bytes() {
        push_byte(out, b);
    }
}

fn push_byte(out: &mut String, b: u8) {
    let _ = write!(out, "%{b:02X}");
}

/// True for a Windows device name (`src/data/reserved_file_names.txt`).
fn is_reserved(stem: &str) -> bool {
    // the longest reserved name is 7 bytes: skip the look-up for the rest
    stem.len() <= 7 && {
        let lower = stem.to_lowercase();
        include_str!("data/reserved_file_names.txt").lines().any(|l| !l.starts_with('#') && l.trim() == lower)
    }
}

/// Cuts a long escaped name, keeping a hash of the whole so that names
/// differing only in their tail stay apart.
fn shorten(s: &mut String) {
    let hash = s.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    let mut cut = NAME_MAX - 17;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    // never split a %XX escape
    if let Some(p) = s[..cut].rfind('%') {
        if p + 3 > cut {
            cut = p;
        }
    }
    s.truncate(cut);
    let _ = write!(s, "#{hash:016x}");
}

/// The key under which case-insensitive, normalisation-insensitive file
/// systems (Windows, macOS) store a name.
fn fold(rel: &str) -> String {
    rel.to_lowercase().nfc().collect()
}

/// Output names issued so far in a run, in input order.
#[derive(Debug)]
pub struct Plan {
    dir: PathBuf,
    ext: &'static str,
    /// Each issued name, folded, with the input it went to and its name as issued.
    taken: FxHashMap<String, (String, String)>,
    /// Inputs whose name was taken and that got a `~N` suffix.
    pub renamed: usize,
}

/// One input's output file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issued {
    /// Path below the output folder.
    pub rel: PathBuf,
    /// When the name was taken: the warning that names both inputs.
    pub collision: Option<String>,
}

impl Plan {
    /// An empty plan for outputs of `format` in `dir`.
    pub fn new(dir: &Path, format: Format) -> Plan {
        let mut taken = FxHashMap::default();
        if format == Format::Html {
            taken.insert(fold(HTML_INDEX), ("the index of pages".to_string(), HTML_INDEX.to_string()));
        }
        Plan { dir: dir.to_path_buf(), ext: format.extension(), taken, renamed: 0 }
    }

    /// Issues the output file of the input named by `parts` (its folders
    /// below the folder argument, then its file name; or a document id);
    /// `input` is how messages name it.
    pub fn issue(&mut self, parts: &[&[u8]], input: &str) -> Issued {
        const NO_NAME: &[u8] = b"";
        let (last, folders) = parts.split_last().unwrap_or((&NO_NAME, &[]));
        let mut base = String::new();
        let mut rel = PathBuf::new();
        for f in folders {
            let f = escape_folder(f, self.ext);
            base.push_str(&f);
            base.push('/');
            rel.push(f);
        }
        let name = escape(last);
        base.push_str(&name);
        let natural = fold(&format!("{base}.{}", self.ext));
        let mut n = 1;
        let mut key = natural.clone();
        while self.taken.contains_key(&key) {
            n += 1;
            key = fold(&format!("{base}~{n}.{}", self.ext));
        }
        let file = if n == 1 { format!("{name}.{}", self.ext) } else { format!("{name}~{n}.{}", self.ext) };
        rel.push(&file);
        let chosen = format!("{base}{}", &file[name.len()..]);
        let collision = (n > 1).then(|| {
            self.renamed += 1;
            let (first, first_name) = &self.taken[&natural];
            let (dir, wanted) = (self.dir.display(), format!("{base}.{}", self.ext));
            let same = if *first_name == wanted {
                format!("{input} and {first} both map to {dir}/{wanted}")
            } else {
                format!(
                    "{input} maps to {dir}/{wanted}, the same file as {dir}/{first_name} (for {first}) \
                     on case-insensitive file systems"
                )
            };
            format!("{same}; writing {input} to {dir}/{chosen}")
        });
        self.taken.insert(key, (input.to_string(), chosen));
        Issued { rel, collision }
    }
}

/// Removes the temporary files an interrupted run left below `dir` (symlinks
/// are not followed); returns how many.
pub fn clear_stale(dir: &Path) -> usize {
    walkdir::WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.file_name().to_string_lossy().starts_with(TMP_PREFIX))
        .filter(|e| fs::remove_file(e.path()).is_ok())
        .count()
}

/// Writes one output file atomically: a temporary in the same folder, then
/// a rename.
pub fn write(target: &Path, opts: WriteOptions, body: &[u8]) -> Result<(), String> {
    let parent = target.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {}", parent.display(), e))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(TMP_PREFIX)
        .tempfile_in(parent)
        .map_err(|e| format!("cannot write in {}: {}", parent.display(), e))?;
    let mut w = Writer::new(opts);
    let mut buf = io::BufWriter::new(tmp.as_file_mut());
    let r: io::Result<()> = (|| {
        w.begin(&mut buf)?;
        w.write_body(&mut buf, body)?;
        w.finish(&mut buf)?;
        buf.flush()
    })();
    drop(buf);
    r.map_err(|e| format!("cannot write {}: {}", target.display(), e))?;
    tmp.persist(target).map_err(|e| format!("cannot write {}: {}", target.display(), e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn escaping() {
        let cases: &[(&str, &[u8], &str)] = &[
            ("plain name kept whole", b"a.txt", "a.txt"),
            ("dots are not extensions", b"2024.01", "2024.01"),
            ("unicode kept", "r\u{e9}sum\u{e9} \u{4f1a}\u{8bae}".as_bytes(), "r\u{e9}sum\u{e9} \u{4f1a}\u{8bae}"),
            ("separators", b"a/../../x", "a%2F..%2F..%2Fx"),
            ("backslash and colon", b"c:\\x", "c%3A%5Cx"),
            ("the escape itself", b"100%", "100%25"),
            ("windows forbidden", b"a*b?c\"d<e>f|g", "a%2Ab%3Fc%22d%3Ce%3Ef%7Cg"),
            ("control characters", b"a\nb\x7f\0", "a%0Ab%7F%00"),
            ("C1 control", "a\u{85}".as_bytes(), "a%C2%85"),
            ("invalid UTF-8 byte", b"a\xffb", "a%FFb"),
            ("leading dot", b".hidden", "%2Ehidden"),
            ("dot", b".", "%2E"),
            ("dot dot", b"..", "%2E%2E"),
            ("trailing dot", b"a.", "a%2E"),
            ("trailing space", b"a ", "a%20"),
            ("device name", b"CON", "%43ON"),
            ("device name with extension", b"nul.txt", "%6Eul.txt"),
            ("device name, superscript", "com\u{b9}".as_bytes(), "%63om\u{b9}"),
            ("empty", b"", "%"),
            // counter-cases: near misses stay as they are
            ("not a device name", b"console", "console"),
            ("device name inside", b"a.con", "a.con"),
            ("com10 is a file", b"com10", "com10"),
            ("inner dots and spaces", b"a. b", "a. b"),
            ("tilde and hash are safe", b"a~2#x", "a~2#x"),
        ];
        for (name, input, expected) in cases {
            assert_eq!(escape(input), *expected, "{name}");
            assert_eq!(unescape(expected), *input, "{name}: reversible");
        }
    }

    #[test]
    fn long_names_are_cut_with_a_hash() {
        let a = "x".repeat(300);
        let b = format!("{}y", "x".repeat(299));
        let (ea, eb) = (escape(a.as_bytes()), escape(b.as_bytes()));
        assert!(ea.len() <= NAME_MAX && eb.len() <= NAME_MAX);
        assert_ne!(ea, eb, "names differing only after the cut stay apart");
        // an escape is never split
        let c = format!("{}/{}", "x".repeat(182), "y".repeat(300));
        assert!(escape(c.as_bytes()).starts_with(&format!("{}#", "x".repeat(182))), "{}", escape(c.as_bytes()));
        // a multibyte character is not split
        let e = escape("\u{e9}".repeat(200).as_bytes());
        assert!(e.starts_with(&"\u{e9}".repeat(91)) && e[182..].starts_with('#'), "{e}");
        assert_eq!(escape("x".repeat(NAME_MAX).as_bytes()), "x".repeat(NAME_MAX), "at the limit: kept whole");
    }

    #[test]
    fn folders_never_end_like_an_output_file() {
        let cases: &[(&str, &str, &str)] = &[
            ("x.json", "json", "x%2Ejson"),
            ("X.JSON", "json", "X%2EJSON"),
            ("x.json", "csv", "x.json"),
            ("json", "json", "json"),
            ("x.jsonl", "json", "x.jsonl"),
        ];
        for (raw, ext, expected) in cases {
            assert_eq!(escape_folder(raw.as_bytes(), ext), *expected, "{raw} {ext}");
        }
    }

    #[test]
    fn html_index_name_is_reserved_at_the_top_only() {
        let cases: &[(&str, Format, &[&str], &str, bool)] = &[
            ("a report called index", Format::Html, &["index"], "index~2.html", true),
            ("in another case", Format::Html, &["INDEX"], "INDEX~2.html", true),
            ("a file index.txt keeps its name", Format::Html, &["index.txt"], "index.txt.html", false),
            ("below a folder", Format::Html, &["sub", "index"], "sub/index.html", false),
            ("no index for json", Format::Json, &["index"], "index.json", false),
            ("no index for xlsx", Format::Xlsx, &["index"], "index.xlsx", false),
        ];
        for (name, format, parts, expected, collided) in cases {
            let parts: Vec<&[u8]> = parts.iter().map(|p| p.as_bytes()).collect();
            let got = Plan::new(Path::new("out"), *format).issue(&parts, "c:1");
            assert_eq!(got.rel, PathBuf::from(expected), "{name}");
            assert_eq!(got.collision.is_some(), *collided, "{name}");
        }
        let w = Plan::new(Path::new("out"), Format::Html).issue(&[b"index"], "c:1").collision.unwrap();
        assert_eq!(w, "c:1 and the index of pages both map to out/index.html; writing c:1 to out/index~2.html");
    }

    #[test]
    fn collisions_get_a_suffix_and_name_both_inputs() {
        let mut plan = Plan::new(Path::new("out"), Format::Json);
        let cases: &[(&[&str], &str, &str, bool)] = &[
            (&["2024.01"], "c:1", "2024.01.json", false),
            (&["2024.02"], "c:2", "2024.02.json", false),
            (&["dup"], "c:3", "dup.json", false),
            (&["dup"], "c:4", "dup~2.json", true),
            (&["DUP"], "c:5", "DUP~3.json", true),
            (&["dup~2"], "c:6", "dup~2~2.json", true),
            (&["a", "r.txt"], "a/r.txt", "a/r.txt.json", false),
            (&["A", "r.txt"], "A/r.txt", "A/r.txt~2.json", true),
            (&["x"], "x", "x.json", false),
            (&["x.json", "r.txt"], "x.json/r.txt", "x%2Ejson/r.txt.json", false),
        ];
        for (parts, input, expected, collided) in cases {
            let parts: Vec<&[u8]> = parts.iter().map(|p| p.as_bytes()).collect();
            let got = plan.issue(&parts, input);
            assert_eq!(got.rel, PathBuf::from(expected), "{input}");
            assert_eq!(got.collision.is_some(), *collided, "{input}: {:?}", got.collision);
        }
        let w = plan.issue(&[b"dup"], "c:7").collision.unwrap();
        assert_eq!(w, "c:7 and c:3 both map to out/dup.json; writing c:7 to out/dup~4.json");
        let w = plan.issue(&[b"Dup"], "c:8").collision.unwrap();
        assert_eq!(
            w,
            "c:8 maps to out/Dup.json, the same file as out/dup.json (for c:3) on case-insensitive file systems; \
             writing c:8 to out/Dup~5.json"
        );
        assert_eq!(plan.renamed, 6);
    }

    #[test]
    fn stale_temporaries_are_ours_only() {
        let dir = tempfile::TempDir::new().unwrap();
        let d = dir.path();
        fs::create_dir(d.join("sub")).unwrap();
        for f in [".whosaid-tmp-a1", "sub/.whosaid-tmp-b2", ".tmpXYZ", "r.txt.json", "whosaid-tmp-x"] {
            fs::write(d.join(f), "x").unwrap();
        }
        assert_eq!(clear_stale(d), 2);
        for (f, kept) in
            [(".whosaid-tmp-a1", false), ("sub/.whosaid-tmp-b2", false), (".tmpXYZ", true), ("r.txt.json", true)]
        {
            assert_eq!(d.join(f).exists(), kept, "{f}");
        }
        assert_eq!(clear_stale(&d.join("missing")), 0);
    }

    fn name() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            "[a-c]{1,3}".prop_map(String::into_bytes),
            "[aA.][bB./]{0,3}".prop_map(String::into_bytes),
            "(con|NUL|Com1|lpt9)(\\.txt)?".prop_map(String::into_bytes),
            "[a\u{e9}\u{212a}k%~#: .\\\\\n]{0,4}".prop_map(String::into_bytes),
            proptest::collection::vec(any::<u8>(), 0..6),
            "[ab]{190,210}".prop_map(String::into_bytes),
        ]
    }

    proptest! {
        #[test]
        fn escaping_is_safe_and_reversible(raw in name()) {
            let e = escape(&raw);
            prop_assert!(!e.is_empty() && e.len() <= NAME_MAX);
            prop_assert!(!e.starts_with('.') && !e.ends_with(['.', ' ']));
            prop_assert!(!e.chars().any(|c| c.is_control() || (FORBIDDEN.contains(&c) && c != '%')));
            prop_assert!(!is_reserved(e.split('.').next().unwrap().trim_end_matches(' ')));
            if raw.len() <= NAME_MAX / 3 {
                prop_assert_eq!(unescape(&e), raw);
            }
        }

        /// N inputs give N distinct output files (after case folding), and
        /// a collision is reported exactly when an input's own name was
        /// already issued: never a silent overwrite.
        #[test]
        fn n_inputs_give_n_files_or_a_reported_collision(
            inputs in proptest::collection::vec(proptest::collection::vec(name(), 1..4), 1..40),
        ) {
            let mut plan = Plan::new(Path::new("out"), Format::Csv);
            let mut issued = std::collections::HashSet::new();
            for (i, parts) in inputs.iter().enumerate() {
                let parts: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
                // the name this input has on its own, and whether an earlier input holds it
                let own = fold(&Plan::new(Path::new("out"), Format::Csv).issue(&parts, "x").rel.to_string_lossy());
                let taken_before = issued.contains(&own);
                let got = plan.issue(&parts, &format!("input{i}"));
                let rel = got.rel.to_string_lossy().into_owned();
                prop_assert!(issued.insert(fold(&rel)), "{} issued twice", rel);
                for c in got.rel.components() {
                    prop_assert!(matches!(c, std::path::Component::Normal(_)), "{}", rel);
                }
                prop_assert_eq!(got.collision.is_some(), taken_before, "{}: {:?}", rel, got.collision);
            }
            prop_assert_eq!(issued.len(), inputs.len());
        }
    }
}
