//! Writes the benchmark corpus: `cargo run --release --example gen_corpus -- BYTES > corpus.txt`,
//! `-- --reports N DIR` for a folder of N separate reports, or `-- --jsonl N > corpus.jsonl`
//! for the same N reports as JSON Lines, `{"id": "report000000", "text": …}` per line,
//! or `-- --speakers N BYTES` for one text whose speakers are N distinct made-up names.
#[path = "../benches/corpus.rs"]
mod corpus;

use std::io::{self, BufWriter, Write};

fn main() -> io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--reports") => {
            let n: usize = args[1].parse().expect("N");
            let dir = std::path::Path::new(&args[2]);
            for (i, r) in corpus::reports(n).enumerate() {
                let sub = dir.join(format!("{:03}", i / 1000));
                std::fs::create_dir_all(&sub)?;
                std::fs::write(sub.join(format!("report{i:06}.txt")), r)?;
            }
        }
        Some("--jsonl") => {
            let n: usize = args[1].parse().expect("N");
            let mut out = BufWriter::new(io::stdout().lock());
            for (i, r) in corpus::reports(n).enumerate() {
                let doc = serde_json::json!({ "id": format!("report{i:06}"), "text": r });
                serde_json::to_writer(&mut out, &doc)?;
                out.write_all(b"\n")?;
            }
            out.flush()?;
        }
        Some("--speakers") => {
            let n: usize = args[1].parse().expect("N");
            let bytes: usize = args.get(2).map_or(10_000_000, |s| s.parse().expect("BYTES"));
            print!("{}", corpus::corpus_with_speakers(bytes, n));
        }
        _ => {
            let bytes: usize = args.first().map_or(10_000_000, |s| s.parse().expect("BYTES"));
            print!("{}", corpus::corpus(bytes));
        }
    }
    Ok(())
}
