//! Segmentation throughput, whosaid vs sentencex vs UAX#29, timed alternately
//! on the same generated text (medians of 15 rounds), so that machine noise
//! hits all three alike: `cargo run --release --example seg_compare -- [MB]`.
use std::time::Instant;

use unicode_segmentation::UnicodeSegmentation;

#[path = "../benches/corpus.rs"]
mod corpus;

fn main() {
    let mb: usize = std::env::args().nth(1).map_or(4, |s| s.parse().expect("MB"));
    let text = corpus::corpus(mb * 1_000_000);
    let seg = whosaid::segment::Segmenter::default();
    let mut t = [vec![], vec![], vec![]];
    for _ in 0..15 {
        let a = Instant::now();
        std::hint::black_box(seg.segment(&text).len());
        t[0].push(a.elapsed().as_secs_f64());
        let a = Instant::now();
        std::hint::black_box(sentencex::segment("en", &text).len());
        t[1].push(a.elapsed().as_secs_f64());
        let a = Instant::now();
        std::hint::black_box(text.unicode_sentences().count());
        t[2].push(a.elapsed().as_secs_f64());
    }
    for (name, v) in ["whosaid", "sentencex", "unicode_sentences (UAX#29)"].iter().zip(t.iter_mut()) {
        v.sort_by(f64::total_cmp);
        println!("{name:>28}: {:7.1} MB/s (median of 15)", text.len() as f64 / 1e6 / v[7]);
    }
}
