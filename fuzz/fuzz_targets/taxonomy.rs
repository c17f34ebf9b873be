//! Arbitrary bytes as a user taxonomy (CSV and JSON): either a clear error or
//! a taxonomy that compiles and tags text without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::topics::{Tagger, Taxonomy};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    for parsed in [Taxonomy::from_csv(s), Taxonomy::from_json(s)] {
        match parsed {
            Ok(t) => {
                let tagger = Tagger::new(t, rust_stemmers_english());
                let text = format!("Cyber-attacks, AI and {s} were discussed.");
                for m in tagger.tag(&text, 0, text.len()) {
                    assert!(m.start < m.end && m.end <= text.len());
                    let _ = tagger.keyword(&m);
                }
            }
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    }
});

fn rust_stemmers_english() -> whosaid::topics::Algorithm {
    whosaid::topics::Algorithm::English
}
