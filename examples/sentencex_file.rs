//! Segments a file with the `sentencex` crate and prints the sentence count:
//! the reference point `benches/compare.sh` times as a whole process, like
//! whosaid (`cargo run --release --example sentencex_file -- FILE`).
fn main() {
    let path = std::env::args().nth(1).expect("FILE");
    let text = std::fs::read_to_string(path).expect("a UTF-8 file");
    println!("{}", sentencex::segment("en", &text).len());
}
