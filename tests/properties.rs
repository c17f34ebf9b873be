//! Property tests over the library: for any input string,
//!
//! * segmentation never panics; spans are ordered, disjoint, on char
//!   boundaries, carry no surrounding whitespace, and cover every
//!   non-whitespace byte (a leading byte-order mark aside);
//! * every sentence's `text` is the input slice at its offsets;
//! * the whole pipeline never panics, its JSON parses, and its CSV has the
//!   same number of columns on every row;
//! * streaming the rows (`Writer::stream`) writes the same bytes as building
//!   the whole report first.

use proptest::prelude::*;
use whosaid::output::{stream_document, write_document, Format, Level, WriteOptions};
use whosaid::segment::Segmenter;
use whosaid::topics::TagCache;
use whosaid::Analyzer;

/// Report-like text: words, names, honorifics, punctuation, quotes, line breaks.
fn reportish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Ms".to_string()),
        Just("Mr.".to_string()),
        Just("H.E.".to_string()),
        Just("Dr".to_string()),
        Just("Lena".to_string()),
        Just("Varga".to_string()),
        Just("(Head of Policy, Northwind)".to_string()),
        Just("said".to_string()),
        Just("She".to_string()),
        Just("he".to_string()),
        Just("U.S.".to_string()),
        Just("a.m.".to_string()),
        Just("e.g.".to_string()),
        Just("3.5".to_string()),
        Just("...".to_string()),
        Just(". . .".to_string()),
        Just("…".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just(".".to_string()),
        Just("?".to_string()),
        Just("!".to_string()),
        Just(",".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\u{a0}".to_string()),
        Just("•".to_string()),
        Just("1.".to_string()),
        Just("a)".to_string()),
        Just("- ".to_string()),
        Just("cyber-attacks".to_string()),
        Just("AI".to_string()),
        "[a-zA-Z]{1,8}",
        "\\PC{1,3}",
    ];
    prop::collection::vec((piece, prop_oneof![Just(" "), Just(""), Just("  ")]), 0..60)
        .prop_map(|v| v.into_iter().map(|(p, s)| format!("{p}{s}")).collect())
}

fn check_spans(text: &str) -> Result<(), TestCaseError> {
    let segs = Segmenter::default().segment(text);
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut covered = vec![false; text.len()];
    let mut prev_end = 0;
    for s in &segs {
        prop_assert!(s.start < s.end, "empty span");
        prop_assert!(s.start >= prev_end, "overlap or disorder");
        prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        prop_assert_eq!(&text[s.start..s.end], s.text);
        prop_assert_eq!(s.text.trim(), s.text, "surrounding whitespace");
        for c in covered.iter_mut().take(s.end).skip(s.start) {
            *c = true;
        }
        prev_end = s.end;
    }
    for (i, c) in text.char_indices() {
        if i >= start && !c.is_whitespace() {
            prop_assert!(covered[i], "byte {} ({:?}) not covered", i, c);
        }
    }
    Ok(())
}

fn check_pipeline(text: &str) -> Result<(), TestCaseError> {
    let a = Analyzer::default();
    let r = a.analyze("p", text);
    for s in &r.sentences {
        prop_assert_eq!(&text[s.start..s.end], s.text);
        if let Some(e) = &s.evidence {
            prop_assert_eq!(&text[e.start..e.end], e.text.as_str());
        }
        for m in &s.topic_matches {
            prop_assert!(m.start >= s.start && m.end <= s.end);
        }
    }
    for (format, level) in [
        (Format::Json, Level::Report),
        (Format::Jsonl, Level::Sentences),
        (Format::Csv, Level::Sentences),
        (Format::Csv, Level::Speakers),
        (Format::Csv, Level::Topics),
    ] {
        let opts = WriteOptions { format, level, array: false, sanitize: true, bom: false, pretty: false };
        let mut out = Vec::new();
        write_document(opts, &mut out, &r).unwrap();
        // what the binary does for one input: rows streamed as they are decided
        let mut streamed = Vec::new();
        stream_document(opts, &mut streamed, &a, "p", text, &mut TagCache::new()).unwrap();
        prop_assert!(streamed == out, "streamed output differs from the built report ({:?} {:?})", format, level);
        match format {
            Format::Json => {
                serde_json::from_slice::<serde_json::Value>(&out).map_err(|e| TestCaseError::fail(e.to_string()))?;
            }
            Format::Jsonl => {
                for line in String::from_utf8(out).unwrap().lines() {
                    serde_json::from_str::<serde_json::Value>(line).map_err(|e| TestCaseError::fail(e.to_string()))?;
                }
            }
            Format::Csv => {
                let mut rdr = csv::Reader::from_reader(out.as_slice());
                let width = rdr.headers().unwrap().len();
                for rec in rdr.records() {
                    prop_assert_eq!(rec.unwrap().len(), width);
                }
            }
            Format::Xlsx | Format::Html => unreachable!("not in the list above"),
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(if std::env::var("CI").is_ok() { 512 } else { 256 }))]

    #[test]
    fn spans_cover_arbitrary_unicode(text in "\\PC*") {
        check_spans(&text)?;
    }

    #[test]
    fn spans_cover_any_chars(text in any::<String>()) {
        check_spans(&text)?;
    }

    #[test]
    fn spans_cover_reportish_text(text in reportish()) {
        check_spans(&text)?;
        let bom = format!("\u{feff}{text}");
        check_spans(&bom)?;
    }

    #[test]
    fn pipeline_never_panics_and_outputs_parse(text in reportish()) {
        check_pipeline(&text)?;
    }

    #[test]
    fn pipeline_on_arbitrary_unicode(text in any::<String>()) {
        check_pipeline(&text)?;
    }
}
