//! Golden-file tests: every composed report in `fixtures/reports/` against its
//! hand-checked annotation in `fixtures/expected/`.
//!
//! Annotation format (one line each, `#` comments):
//!
//! ```text
//! @speaker Full Name | honorific | title      (the expected speaker table, in order)
//! LABEL | sentence text                       (every sentence, in order)
//! ```
//!
//! `LABEL` is `none`, or `Name ; kind`, or `Name + Name ; kind` for joint
//! sources; kind is explicit, alias, role, pronoun or continuation. Sentence
//! texts are compared with whitespace runs collapsed (hard wraps, CRLF).

use std::fs;
use std::path::Path;

use whosaid::Analyzer;

struct Expected {
    speakers: Vec<(String, Option<String>, Option<String>)>,
    sentences: Vec<(Vec<String>, String, String)>,
}

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

fn parse(ann: &str) -> Expected {
    let mut e = Expected { speakers: vec![], sentences: vec![] };
    for line in ann.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(rest) = line.strip_prefix("@speaker ") {
            let f: Vec<&str> = rest.split('|').collect();
            e.speakers.push((f[0].trim().to_string(), opt(f.get(1).unwrap_or(&"")), opt(f.get(2).unwrap_or(&""))));
            continue;
        }
        let (label, text) = line.split_once(" | ").expect("LABEL | text");
        let (who, kind) = match label.split_once(';') {
            Some((w, k)) => (w.split('+').map(|x| x.trim().to_string()).collect(), k.trim().to_string()),
            None => (vec![], "none".to_string()),
        };
        e.sentences.push((who, kind, text.split_whitespace().collect::<Vec<_>>().join(" ")));
    }
    e
}

#[test]
fn fixtures_match_their_annotations() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let analyzer = Analyzer::default();
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut names: Vec<_> = fs::read_dir(root.join("reports")).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    for report in names {
        let stem = report.file_stem().unwrap().to_string_lossy().to_string();
        let ann = root.join("expected").join(format!("{stem}.ann"));
        let expected = parse(&fs::read_to_string(&ann).unwrap_or_else(|_| panic!("{} has no annotation", stem)));
        let text = fs::read_to_string(&report).unwrap();
        let got = analyzer.analyze(&stem, &text);

        let table: Vec<(String, Option<String>, Option<String>)> =
            got.speakers.iter().map(|s| (s.name.to_string(), s.honorific.clone(), s.title.clone())).collect();
        if table != expected.speakers {
            failures.push(format!("{stem}: speaker table\n  got  {table:?}\n  want {:?}", expected.speakers));
        }
        let got_s: Vec<String> =
            got.sentences.iter().map(|s| s.text.split_whitespace().collect::<Vec<_>>().join(" ")).collect();
        let want_s: Vec<&String> = expected.sentences.iter().map(|s| &s.2).collect();
        if got_s.iter().collect::<Vec<_>>() != want_s {
            failures.push(format!("{stem}: sentences\n  got  {got_s:#?}\n  want {want_s:#?}"));
            continue;
        }
        for (s, (who, kind, want_text)) in got.sentences.iter().zip(&expected.sentences) {
            checked += 1;
            if s.speakers.iter().map(|x| x.to_string()).collect::<Vec<_>>() != *who || s.attribution != kind {
                failures.push(format!(
                    "{stem}: {want_text:?}\n  got  {:?} ; {}\n  want {:?} ; {}",
                    s.speakers, s.attribution, who, kind
                ));
            }
            assert_eq!(&text[s.start..s.end], s.text, "offsets index the input");
        }
    }
    println!("fixtures: {checked} sentences checked, {} mismatches", failures.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked > 150, "fixtures too small: {checked}");
}
