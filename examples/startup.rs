//! Times what a run builds before reading input: `cargo run --release --example startup`.
use std::time::Instant;

fn main() {
    let t = Instant::now();
    let tax = whosaid::topics::Taxonomy::builtin();
    let t_tax = t.elapsed();
    let t = Instant::now();
    let tagger = whosaid::topics::Tagger::new(tax, whosaid::topics::Algorithm::English);
    let t_tag = t.elapsed();
    let t = Instant::now();
    let seg = whosaid::segment::Segmenter::default();
    let t_seg = t.elapsed();
    let t = Instant::now();
    let a = whosaid::Analyzer::default();
    let r = a.analyze("x", "Ms Lena Varga (Head of Policy, Northwind) said that privacy matters.");
    let t_first = t.elapsed();
    let t = Instant::now();
    let name = whosaid::gazetteer::lookup(std::hint::black_box("Oksana"));
    let t_name = t.elapsed();
    println!(
        "taxonomy parse {t_tax:?}, tagger {t_tag:?}, segmenter {t_seg:?}, analyzer + first report (lexicon) {t_first:?}, \
         first given-name lookup {t_name:?}"
    );
    std::hint::black_box((tagger, seg, r.sentences.len(), name));
}
