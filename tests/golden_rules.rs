//! The English "Golden Rules" for sentence segmentation, read from
//! `../shared/bench/golden_rules_en.json` (or `$WHOSAID_GOLDEN_RULES`) when the
//! file is present; the cases are not copied into this repository.
//!
//! `cargo test --test golden_rules -- --nocapture` prints the score.

use std::path::PathBuf;

use whosaid::segment::Segmenter;

fn cases_path() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("WHOSAID_GOLDEN_RULES") {
        return Some(PathBuf::from(p));
    }
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/golden_rules_en.json");
    p.exists().then_some(p)
}

#[test]
fn golden_rules_all_pass() {
    let Some(path) = cases_path() else {
        eprintln!("golden rules file not found; skipped");
        return;
    };
    let cases: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let seg = Segmenter::default();
    let mut failures = Vec::new();
    let cases = cases.as_array().expect("a list of cases");
    for c in cases {
        let input = c["input"].as_str().unwrap();
        let expected: Vec<&str> = c["expected"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        let got: Vec<&str> = seg.segment(input).iter().map(|s| s.text.trim()).collect();
        if got != expected {
            failures.push(format!("{} {}: got {:?}\n   want {:?}", c["id"], c["name"], got, expected));
        }
    }
    let passed = cases.len() - failures.len();
    println!("golden rules: {passed}/{} passed", cases.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
