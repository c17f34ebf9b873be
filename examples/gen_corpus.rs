//! Writes the benchmark corpus: `cargo run --release --example gen_corpus -- BYTES > corpus.txt`,
//! or `-- --reports N DIR` for a folder of N separate reports.
#[path = "../benches/corpus.rs"]
mod corpus;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--reports") {
        let n: usize = args[1].parse().expect("N");
        let dir = std::path::Path::new(&args[2]);
        for (i, r) in corpus::reports(n).into_iter().enumerate() {
            let sub = dir.join(format!("{:03}", i / 1000));
            std::fs::create_dir_all(&sub).unwrap();
            std::fs::write(sub.join(format!("report{i:06}.txt")), r).unwrap();
        }
        return;
    }
    let bytes: usize = args.first().map_or(10_000_000, |s| s.parse().expect("BYTES"));
    print!("{}", corpus::corpus(bytes));
}
