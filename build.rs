//! Compiles `src/data/given_names.tsv` into the hash table that
//! `src/gazetteer.rs` embeds, so a lookup costs one hash and a probe or two,
//! and start-up builds nothing (the table is static data, paged in on use).
//!
//! Writes to `OUT_DIR`: `given_names.blob` (the names, concatenated),
//! `given_names.slots` (the table, see `src/gazetteer/table.rs`) and
//! `given_names.rs` (the number of names).

use std::{env, fs, path::Path};

#[allow(dead_code)]
#[path = "src/gazetteer/table.rs"]
mod table;

const SOURCE: &str = "src/data/given_names.tsv";

fn main() {
    println!("cargo:rerun-if-changed={SOURCE}");
    println!("cargo:rerun-if-changed=src/gazetteer/table.rs");
    let text = fs::read_to_string(SOURCE).unwrap_or_else(|e| panic!("{SOURCE}: {e}"));
    let entries = parse(&text);

    let mut blob = Vec::new();
    let capacity = (entries.len() * 2).next_power_of_two();
    let mask = capacity - 1;
    let mut slots = vec![0u32; capacity];
    for (name, info) in &entries {
        let offset = blob.len();
        blob.extend_from_slice(name.as_bytes());
        assert!(blob.len() <= table::MAX_BLOB, "{SOURCE}: too many names for the table's offsets");
        let mut i = table::hash(name.as_bytes()) as usize & mask;
        while slots[i] != 0 {
            i = (i + 1) & mask;
        }
        slots[i] = table::pack(offset, name.len(), *info);
    }

    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    let bytes: Vec<u8> = slots.iter().flat_map(|s| s.to_le_bytes()).collect();
    fs::write(out.join("given_names.blob"), &blob).expect("write given_names.blob");
    fs::write(out.join("given_names.slots"), bytes).expect("write given_names.slots");
    fs::write(
        out.join("given_names.rs"),
        format!("/// Number of names in the gazetteer.\npub const COUNT: usize = {};\n", entries.len()),
    )
    .expect("write given_names.rs");
}

/// Reads `name <TAB> m|f|u [<TAB> word]` lines (and `#` comments), rejecting
/// anything the table could not hold or a lookup could never match.
fn parse(text: &str) -> Vec<(&str, u8)> {
    let mut entries: Vec<(&str, u8)> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let at = || format!("{SOURCE}:{}", n + 1);
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let name = cols.next().unwrap_or_default();
        let gender = match cols.next() {
            Some("m") => table::MALE,
            Some("f") => table::FEMALE,
            Some("u") => table::UNISEX,
            other => panic!("{}: gender must be m, f or u, not {other:?}", at()),
        };
        let word = match cols.next() {
            None => 0,
            Some("word") => table::WORD,
            Some(other) => panic!("{}: third column must be `word`, not {other:?}", at()),
        };
        assert!(cols.next().is_none(), "{}: more than three columns", at());
        assert!((2..=table::MAX_LEN).contains(&name.len()), "{}: name must have 2 to {} bytes", at(), table::MAX_LEN);
        assert!(name.chars().all(char::is_alphabetic), "{}: name must be letters only", at());
        assert!(name.to_lowercase() == name, "{}: name must be folded (lowercase)", at());
        if let Some((prev, _)) = entries.last() {
            assert!(*prev < name, "{}: names must be sorted and unique", at());
        }
        entries.push((name, gender | word));
    }
    entries
}
