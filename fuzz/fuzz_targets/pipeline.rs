//! Arbitrary bytes through decoding, the whole pipeline and every writer.
//! Checks the invariants a crash would hide: offsets index the input, JSON
//! parses, CSV rows have the header's width, streamed rows equal the built
//! report's output.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use whosaid::output::{stream_document, write_document, Format, Level, WriteOptions};
use whosaid::topics::TagCache;
use whosaid::Analyzer;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = whosaid::app::decode(data.to_vec(), true) else { return };
    // built once: compiling the taxonomy is not what is being fuzzed
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    let analyzer = ANALYZER.get_or_init(Analyzer::default);
    let report = analyzer.analyze("fuzz", &text);
    let mut prev = 0;
    for s in &report.sentences {
        assert!(s.start >= prev && s.start < s.end);
        assert_eq!(&text[s.start..s.end], s.text);
        prev = s.end;
    }
    for format in [Format::Json, Format::Jsonl, Format::Csv] {
        for level in [Level::Report, Level::Sentences, Level::Speakers, Level::Topics] {
            if level == Level::Report && format != Format::Json {
                continue;
            }
            let opts = WriteOptions { format, level, array: true, sanitize: true, bom: false, pretty: false };
            let mut out = Vec::new();
            write_document(opts, &mut out, &report).unwrap();
            // the binary streams rows for one input: same bytes
            let mut streamed = Vec::new();
            stream_document(opts, &mut streamed, analyzer, "fuzz", &text, &mut TagCache::new()).unwrap();
            assert!(streamed == out, "streamed output differs from the built report");
            match format {
                Format::Json => {
                    serde_json::from_slice::<serde_json::Value>(&out).expect("JSON parses");
                }
                Format::Jsonl => {
                    for line in out.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
                        serde_json::from_slice::<serde_json::Value>(line).expect("JSONL parses");
                    }
                }
                Format::Csv => {
                    let mut r = csv::Reader::from_reader(out.as_slice());
                    let width = r.headers().unwrap().len();
                    for rec in r.records() {
                        assert_eq!(rec.unwrap().len(), width);
                    }
                }
                Format::Xlsx | Format::Html => unreachable!("not in the list above"),
            }
        }
    }
});
