//! Criterion benchmarks: each stage, the whole pipeline, and segmentation
//! side by side with the `sentencex` crate and unicode-segmentation's UAX#29
//! sentence iterator, on the same generated report-like corpus.
//!
//! `cargo bench --bench pipeline` (throughput is printed per benchmark).

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use unicode_segmentation::UnicodeSegmentation;
use whosaid::output::{Format, Level, WriteOptions, Writer};
use whosaid::segment::{self, Segmenter};
use whosaid::topics::{TagCache, Tagger, Taxonomy};
use whosaid::{speakers, text, Analyzer};

mod corpus;

const SIZE: usize = 4_000_000;

fn segmentation(c: &mut Criterion) {
    let text = corpus::corpus(SIZE);
    let mut g = c.benchmark_group("segmentation");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    let seg = Segmenter::default();
    g.bench_function("whosaid", |b| b.iter(|| black_box(seg.segment(black_box(&text))).len()));
    g.bench_function("sentencex", |b| b.iter(|| black_box(sentencex::segment("en", black_box(&text))).len()));
    g.bench_function("unicode_sentences (UAX#29)", |b| b.iter(|| black_box(&text).unicode_sentences().count()));
    g.finish();
}

fn stages(c: &mut Criterion) {
    let text = corpus::corpus(SIZE);
    let seg = Segmenter::default();
    let segs = seg.segment(&text);
    let words = |s: &segment::Segment| text::tokenize(&text, s.start + segment::content_start(s.text), s.end);
    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("tokenize", |b| b.iter(|| segs.iter().map(|s| words(s).len()).sum::<usize>()));
    g.bench_function("speakers (intros + table)", |b| {
        b.iter(|| {
            let intros: Vec<_> = segs.iter().map(|s| speakers::intros(&text, s, &words(s))).collect();
            speakers::build_table(&text, intros.iter().flatten()).len()
        })
    });
    let intros: Vec<_> = segs.iter().map(|s| speakers::intros(&text, s, &words(s))).collect();
    let table = speakers::build_table(&text, intros.iter().flatten());
    g.bench_function("attribute (with tokenize)", |b| {
        b.iter(|| {
            let mut t = table.clone();
            let mut a = whosaid::attribute::Attributor::new(&mut t);
            segs.iter().zip(&intros).filter(|(s, i)| !a.next(&text, s, &words(s), i).speakers.is_empty()).count()
        })
    });
    let tagger = Tagger::new(Taxonomy::builtin(), rust_stemmers::Algorithm::English);
    g.bench_function("topics", |b| {
        b.iter(|| {
            let mut cache = TagCache::new();
            let mut out = Vec::new();
            for s in &segs {
                tagger.tag_into(&text, s.start, s.end, &mut cache, &mut out);
            }
            out.len()
        })
    });
    g.finish();
}

fn pipeline(c: &mut Criterion) {
    let analyzer = Analyzer::default();
    let mut g = c.benchmark_group("pipeline");
    g.sample_size(10);
    for size in [1_000_000usize, SIZE] {
        let text = corpus::corpus(size);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("analyze", size), &text, |b, t| {
            b.iter(|| analyzer.analyze("bench", t).sentences.len())
        });
        // what the binary does: rows streamed to the output as they are decided
        for format in [Format::Jsonl, Format::Csv] {
            let name = format!("stream {format:?} to sink").to_lowercase();
            g.bench_with_input(BenchmarkId::new(name, size), &text, |b, t| stream(b, &analyzer, t, format));
        }
    }
    g.finish();
}

/// Streams `text` through the pipeline into a sink, in `format`, sentence rows.
fn stream(b: &mut criterion::Bencher, analyzer: &Analyzer, text: &str, format: Format) {
    let mut cache = TagCache::new();
    b.iter(|| {
        let mut w = Writer::new(WriteOptions {
            format,
            level: Level::Sentences,
            array: false,
            sanitize: true,
            bom: false,
            pretty: false,
        });
        let mut sink = std::io::sink();
        w.stream(&mut sink, analyzer, "bench", text, &mut cache).unwrap().sentences
    })
}

/// The cost of a larger speaker table: the same size of text with 50 and
/// with 5,000 distinct speakers (misspelt surnames included), JSONL rows.
fn speakers(c: &mut Criterion) {
    let analyzer = Analyzer::default();
    let mut g = c.benchmark_group("speakers");
    g.sample_size(10);
    for n in [50usize, 5000] {
        let text = corpus::corpus_with_speakers(SIZE, n);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("stream jsonl to sink", n), &text, |b, t| {
            stream(b, &analyzer, t, Format::Jsonl)
        });
    }
    g.finish();
}

criterion_group!(benches, segmentation, stages, pipeline, speakers);
criterion_main!(benches);
