//! Byte-exact outputs over the fixtures: every format and level of
//! `whosaid fixtures/reports` against the files in `fixtures/outputs/`.
//!
//! A refactoring must leave them unchanged. A change of rules that is meant
//! to change what is found (an accuracy fix) rewrites them on purpose:
//! `BLESS=1 cargo test --test outputs`, then review the diff before committing.
//! `scripts/identical.sh OLD_BIN NEW_BIN` does the same comparison between two
//! builds over the seed, the development set and a generated corpus.

use std::fs;
use std::path::Path;

use assert_cmd::Command;

/// (file name, arguments)
const VARIANTS: &[(&str, &[&str])] = &[
    ("report.json", &["--format", "json", "--level", "report"]),
    ("report-pretty.json", &["--format", "json", "--level", "report", "--pretty"]),
    ("sentences.json", &["--format", "json", "--level", "sentences"]),
    ("speakers.json", &["--format", "json", "--level", "speakers"]),
    ("topics.json", &["--format", "json", "--level", "topics"]),
    ("sentences.jsonl", &["--format", "jsonl", "--level", "sentences"]),
    ("speakers.jsonl", &["--format", "jsonl", "--level", "speakers"]),
    ("topics.jsonl", &["--format", "jsonl", "--level", "topics"]),
    ("sentences.csv", &["--format", "csv", "--level", "sentences"]),
    ("speakers.csv", &["--format", "csv", "--level", "speakers"]),
    ("topics.csv", &["--format", "csv", "--level", "topics"]),
    ("sentences-raw-bom.csv", &["--format", "csv", "--no-sanitize", "--bom"]),
    ("page.html", &["--format", "html"]),
];

#[test]
fn fixture_outputs_are_unchanged() {
    let dir = Path::new("fixtures/outputs");
    let bless = std::env::var_os("BLESS").is_some();
    let mut changed = Vec::new();
    for (name, args) in VARIANTS {
        let out = Command::cargo_bin("whosaid").unwrap().args(*args).arg("fixtures/reports").output().unwrap();
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let path = dir.join(name);
        if bless {
            fs::write(&path, &out.stdout).unwrap();
            continue;
        }
        let want = fs::read(&path).unwrap_or_else(|_| panic!("{} is missing: run BLESS=1", path.display()));
        if want != out.stdout {
            let at = want.iter().zip(&out.stdout).position(|(a, b)| a != b).unwrap_or(want.len().min(out.stdout.len()));
            let line = want[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            changed.push(format!("{name}: first difference at byte {at} (line {line})"));
        }
    }
    assert!(changed.is_empty(), "outputs changed (BLESS=1 to accept on purpose):\n{}", changed.join("\n"));
}
