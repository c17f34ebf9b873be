//! Times each pipeline stage on a file: `cargo run --release --example stages -- FILE`.
use std::time::Instant;

use whosaid::segment::{self, Segmenter};
use whosaid::topics::{Tagger, Taxonomy};
use whosaid::{attribute, speakers, text};

fn main() {
    let path = std::env::args().nth(1).expect("FILE");
    let src = std::fs::read_to_string(path).unwrap();
    let mb = src.len() as f64 / 1e6;
    let t = Instant::now();
    let seg = Segmenter::default();
    let segs = seg.segment(&src);
    let t_seg = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let toks: Vec<Vec<text::Tok>> =
        segs.iter().map(|s| text::tokenize(&src, s.start + segment::content_start(s.text), s.end)).collect();
    let t_tok = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let intros: Vec<Vec<speakers::Intro>> = segs.iter().zip(&toks).map(|(s, t)| speakers::intros(&src, s, t)).collect();
    let mut table = speakers::build_table(&src, intros.iter().flatten());
    let t_spk = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let attrs = attribute::attribute(&src, &segs, &toks, &intros, &mut table);
    let t_att = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let tagger = Tagger::new(Taxonomy::builtin(), rust_stemmers::Algorithm::English);
    let mut cache = whosaid::topics::TagCache::new();
    let mut hits = Vec::new();
    for s in &segs {
        tagger.tag_into(&src, s.start, s.end, &mut cache, &mut hits);
    }
    let n = hits.len();
    let t_top = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let a = whosaid::Analyzer::default();
    let r = a.analyze("x", &src);
    let t_all = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let mut w = whosaid::output::Writer::new(whosaid::output::WriteOptions {
        format: whosaid::output::Format::Jsonl,
        level: whosaid::output::Level::Sentences,
        array: false,
        sanitize: true,
        bom: false,
        pretty: false,
    });
    let mut buf = Vec::new();
    w.render(&r, &mut buf).unwrap();
    let _ = &mut w;
    let t_out = t.elapsed().as_secs_f64();
    let rate = |s: f64| mb / s;
    println!("{} sentences, {} speakers, {} attributions, {} topic hits", segs.len(), table.len(), attrs.len(), n);
    for (name, s) in [
        ("segment", t_seg),
        ("tokenize", t_tok),
        ("speakers", t_spk),
        ("attribute", t_att),
        ("topics", t_top),
        ("analyze (all)", t_all),
        ("render jsonl", t_out),
    ] {
        println!("{name:>14}: {:8.3} s  {:8.1} MB/s", s, rate(s));
    }
}
