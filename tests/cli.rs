//! Integration tests that run the `whosaid` binary: inputs (stdin, files,
//! folders, JSONL corpora), every format and level, errors and exit codes.

use std::fs;
use std::path::Path;
use std::process::{Command as StdCommand, Stdio};

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

const REPORT: &str =
    "Panel on data\n\nMs Lena Varga (Head of Policy, Northwind Foundation) stressed that privacy matters. \
Varga added that encryption helps.\n\nMr Omar Haddad (Director, Civic Lab) disagreed. He warned of cyber-attacks.\n";

fn whosaid() -> Command {
    Command::cargo_bin("whosaid").unwrap()
}

fn json(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out).expect("valid JSON")
}

/// A folder of `n` generated reports in nested sub-folders.
fn corpus(dir: &Path, n: usize) {
    for i in 0..n {
        let sub = dir.join(format!("batch{:02}", i % 7));
        fs::create_dir_all(&sub).unwrap();
        let text = format!(
            "Report {i}\n\nMs Anna Kowal{i} (Director, Institute {i}) said that cybersecurity matters. She added point {i}.\n\n\
             Mr Piotr Zielin{i} (Adviser) replied that capacity building helps. Zielin{i} concluded.\n"
        );
        fs::write(sub.join(format!("r{i:04}.txt")), text).unwrap();
    }
}

#[test]
fn stdin_json_report() {
    let out = whosaid().write_stdin(REPORT).assert().success().get_output().stdout.clone();
    let v = json(&out);
    assert_eq!(v["source"], "-");
    assert_eq!(v["speakers"].as_array().unwrap().len(), 2);
    assert_eq!(v["speakers"][0]["title"], "Head of Policy, Northwind Foundation");
    let who: Vec<&str> =
        v["sentences"].as_array().unwrap().iter().map(|s| s["speaker"].as_str().unwrap_or("-")).collect();
    assert_eq!(who, ["-", "Lena Varga", "Lena Varga", "Omar Haddad", "Omar Haddad"]);
    // offsets index the input bytes
    for s in v["sentences"].as_array().unwrap() {
        let (a, b) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
        assert_eq!(&REPORT[a..b], s["text"].as_str().unwrap());
    }
}

#[test]
fn dash_means_stdin_and_empty_input_is_valid() {
    let v = json(&whosaid().arg("-").write_stdin("").assert().success().get_output().stdout);
    assert_eq!(v["sentences"].as_array().unwrap().len(), 0);
    whosaid().args(["--format", "jsonl"]).write_stdin("  \n\n ").assert().success().stdout("");
    whosaid()
        .args(["--format", "csv"])
        .write_stdin("")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("source,index"));
}

#[test]
fn file_in_each_format_and_level() {
    let dir = TempDir::new().unwrap();
    let p = dir.path().join("r.txt");
    fs::write(&p, REPORT).unwrap();
    for format in ["json", "jsonl", "csv"] {
        for level in ["sentences", "speakers", "topics"] {
            let out = whosaid()
                .args(["--format", format, "--level", level])
                .arg(&p)
                .assert()
                .success()
                .get_output()
                .stdout
                .clone();
            let s = String::from_utf8(out).unwrap();
            match format {
                "json" => {
                    let v: serde_json::Value = serde_json::from_str(&s).unwrap();
                    assert!(!v.as_array().unwrap().is_empty(), "{format} {level}");
                }
                "jsonl" => {
                    assert!(s.lines().count() > 0, "{format} {level}");
                    for l in s.lines() {
                        let v: serde_json::Value = serde_json::from_str(l).unwrap();
                        assert!(v["source"].as_str().unwrap().ends_with("r.txt"));
                    }
                }
                _ => {
                    let mut r = csv::Reader::from_reader(s.as_bytes());
                    let w = r.headers().unwrap().len();
                    let rows: Vec<_> = r.records().map(|x| x.unwrap()).collect();
                    assert!(!rows.is_empty(), "{format} {level}");
                    assert!(rows.iter().all(|x| x.len() == w));
                }
            }
        }
    }
    // speakers level carries counts and topics
    let v = json(&whosaid().args(["--level", "speakers"]).arg(&p).assert().success().get_output().stdout);
    assert_eq!(v[0]["name"], "Lena Varga");
    assert_eq!(v[0]["sentences"], 2);
    assert!(v[0]["topics"]["privacy-data-protection"].as_u64().unwrap() >= 1);
}

#[test]
fn folder_is_walked_in_sorted_order_with_globs_and_hidden_files() {
    let dir = TempDir::new().unwrap();
    fs::create_dir_all(dir.path().join("b")).unwrap();
    fs::create_dir_all(dir.path().join(".hidden")).unwrap();
    fs::write(dir.path().join("b/2.txt"), "Ms Ada Byrne said so.").unwrap();
    fs::write(dir.path().join("a.md"), "Mr Ben Cole said so.").unwrap();
    fs::write(dir.path().join("notes.csv"), "x,y").unwrap();
    fs::write(dir.path().join(".hidden/3.txt"), "Ms Cy Dunn said so.").unwrap();
    let v = json(&whosaid().arg(dir.path()).assert().success().get_output().stdout);
    let sources: Vec<String> =
        v.as_array().unwrap().iter().map(|r| r["source"].as_str().unwrap().to_string()).collect();
    assert_eq!(sources.len(), 2);
    assert!(sources[0].ends_with("a.md") && sources[1].ends_with("2.txt"), "{sources:?}");
    let v = json(&whosaid().arg(dir.path()).arg("--hidden").assert().success().get_output().stdout);
    assert_eq!(v.as_array().unwrap().len(), 3);
    let v = json(&whosaid().arg(dir.path()).args(["--glob", "*.csv"]).assert().success().get_output().stdout);
    assert_eq!(v.as_array().unwrap().len(), 1);
}

#[test]
fn thousand_reports_in_every_level_and_format_stable_across_threads() {
    let dir = TempDir::new().unwrap();
    corpus(dir.path(), 1000);
    for format in ["json", "jsonl", "csv"] {
        for level in ["sentences", "speakers", "topics"] {
            let run = |threads: &str| {
                whosaid()
                    .args(["--format", format, "--level", level, "--threads", threads])
                    .arg(dir.path())
                    .assert()
                    .success()
                    .get_output()
                    .stdout
                    .clone()
            };
            let one = run("1");
            assert_eq!(one, run("2"), "{format} {level}: output must not depend on thread count");
            let text = String::from_utf8(one).unwrap();
            let rows = match format {
                "json" => json(text.as_bytes()).as_array().unwrap().len(),
                "jsonl" => text.lines().count(),
                _ => text.lines().count() - 1,
            };
            let want = match level {
                "sentences" => 5000,
                "speakers" => 2000,
                _ => rows, // topics: one row per (speaker, topic)
            };
            assert_eq!(rows, want, "{format} {level}");
            assert!(rows >= 1000, "{format} {level}");
        }
    }
}

#[test]
fn batch_errors_do_not_stop_the_batch() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    fs::write(d.join("a_good.txt"), "Ms Ada Byrne said so.").unwrap();
    fs::write(d.join("b_binary.txt"), b"\x00\x01\x02binary").unwrap();
    fs::write(d.join("c_bad_utf8.txt"), b"Mr Ben Cole said \xff so.").unwrap();
    fs::write(d.join("d_utf16.txt"), [0xFF, 0xFE, b'h', 0, b'i', 0]).unwrap();
    fs::write(d.join("e_good.txt"), "Mr Ben Cole said so.").unwrap();
    let missing = d.join("missing.txt");
    let out = whosaid().args(["--format", "jsonl"]).arg(d).arg(&missing).assert().code(1).get_output().clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stdout.lines().count(), 2, "the two good files complete");
    assert!(stderr.contains("b_binary.txt: binary file"), "{stderr}");
    assert!(stderr.contains("c_bad_utf8.txt: invalid UTF-8 at byte 17"), "{stderr}");
    assert!(stderr.contains("d_utf16.txt: UTF-16"), "{stderr}");
    assert!(stderr.contains("missing.txt: no such file or directory"), "{stderr}");
    assert!(stderr.lines().all(|l| l.starts_with("whosaid: ")), "{stderr}");
}

#[cfg(unix)]
#[test]
fn unreadable_file_and_directory_and_symlink_loop() {
    use std::os::unix::fs::{symlink, PermissionsExt};
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    fs::write(d.join("ok.txt"), "Ms Ada Byrne said so.").unwrap();
    fs::create_dir(d.join("locked")).unwrap();
    fs::write(d.join("locked/x.txt"), "x").unwrap();
    fs::write(d.join("secret.txt"), "x").unwrap();
    symlink(d, d.join("loop")).unwrap();
    fs::set_permissions(d.join("locked"), fs::Permissions::from_mode(0o000)).unwrap();
    fs::set_permissions(d.join("secret.txt"), fs::Permissions::from_mode(0o000)).unwrap();
    // root can read anything: then only the loop is an error
    let root = fs::read_dir(d.join("locked")).is_ok();
    let out = whosaid().args(["--format", "jsonl"]).arg(d).assert().code(1).get_output().clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("symlink loop"), "{stderr}");
    if !root {
        assert!(stderr.contains("permission denied"), "{stderr}");
    }
    assert!(String::from_utf8(out.stdout).unwrap().contains("Ada Byrne"));
    fs::set_permissions(d.join("locked"), fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn lossy_keeps_offsets() {
    let bytes = b"Mr Ben Cole said \xff so. He left.";
    let out = whosaid()
        .args(["--format", "jsonl", "--lossy"])
        .write_stdin(bytes.to_vec())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    let s = &lines[1];
    let (a, b) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
    assert_eq!(&bytes[a..b], b"He left.");
}

#[test]
fn usage_errors_exit_2_and_name_the_file() {
    whosaid().args(["--format", "xml"]).assert().code(2);
    whosaid().args(["--lang", "klingon"]).write_stdin("x").assert().code(2).stderr(predicate::str::contains("--lang"));
    let dir = TempDir::new().unwrap();
    let bad = dir.path().join("tax.csv");
    fs::write(&bad, "topic,keyword\nprivacy,\n").unwrap();
    whosaid()
        .arg("--topics")
        .arg(&bad)
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("tax.csv: line 2: empty keyword"));
    let bad_json = dir.path().join("tax.json");
    fs::write(&bad_json, r#"{"topics": [{"id": "a", "keywords": ["x"]}, {"id": "a", "keywords": ["y"]}]}"#).unwrap();
    whosaid()
        .arg("--topics")
        .arg(&bad_json)
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("duplicate topic id"));
    whosaid().args(["--level", "report", "--format", "csv"]).write_stdin("x").assert().code(2);
    // an output folder that is a file: one usage error, not one failure per input
    whosaid()
        .arg("--out-dir")
        .arg(&bad)
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--out-dir").and(predicate::str::contains("is not a folder")));
}

#[test]
fn custom_taxonomy_csv() {
    let dir = TempDir::new().unwrap();
    let tax = dir.path().join("t.csv");
    fs::write(&tax, "topic,keyword\nweather,rain\nweather,storm\n").unwrap();
    let v = json(
        &whosaid()
            .arg("--topics")
            .arg(&tax)
            .write_stdin("Mr Ben Cole said that storms are rising.")
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert_eq!(v["sentences"][0]["topics"][0], "weather");
    assert_eq!(v["sentences"][0]["topic_matches"][0]["keyword"], "storm");
}

/// (name, extra args, topics of the one sentence, their scores); a phrase
/// scores 0.8, a single word 0.5, a word in parentheses 0.25, and the
/// default `--min-score` (0.5) hides what scores less.
/// (name, extra args, topics, scores)
type MinScoreCase = (&'static str, &'static [&'static str], &'static [&'static str], &'static [f64]);

const MIN_SCORE_CASES: &[MinScoreCase] = &[
    ("default hides the mention in passing", &[], &["storms"], &[0.8]),
    ("0 keeps every tag", &["--min-score", "0"], &["storms", "rain"], &[0.8, 0.25]),
    ("below the default", &["--min-score", "0.2"], &["storms", "rain"], &[0.8, 0.25]),
    ("the default spelt out", &["--min-score", "0.5"], &["storms"], &[0.8]),
    ("drops every tag", &["--min-score", "0.9"], &[], &[]),
];

/// Runs whosaid with the taxonomy `tax` and `args` on `stdin`; its stdout.
fn with_taxonomy(tax: &Path, args: &[&str], stdin: &str) -> Vec<u8> {
    whosaid().arg("--topics").arg(tax).args(args).write_stdin(stdin).assert().success().get_output().stdout.clone()
}

#[test]
fn min_score_filters_sentence_topics_and_their_counts() {
    let dir = TempDir::new().unwrap();
    let tax = dir.path().join("t.json");
    let json_tax =
        r#"{"topics": [{"id": "storms", "keywords": ["storm surge"]}, {"id": "rain", "keywords": ["rain"]}]}"#;
    fs::write(&tax, json_tax).unwrap();
    for (name, args, topics, scores) in MIN_SCORE_CASES {
        let out = with_taxonomy(&tax, args, "Ms Ana Reyes said that a storm surge (and rain) hit the coast.");
        let v = json(&out);
        let s = &v["sentences"][0];
        assert_eq!(s["topics"], serde_json::json!(topics), "{name}");
        assert_eq!(s["topic_scores"], serde_json::json!(scores), "{name}");
        let kept: Vec<&str> =
            s["topic_matches"].as_array().unwrap().iter().map(|m| m["topic"].as_str().unwrap()).collect();
        assert!(kept.iter().all(|t| topics.contains(t)), "{name}: {kept:?}");
        assert_eq!(v["topics"].as_array().unwrap().len(), topics.len(), "{name}");
    }
    let csv = with_taxonomy(
        &tax,
        &["--format", "csv", "--level", "topics"],
        "Ms Ana Reyes said that a storm surge hit the coast. She said a storm surge is coming.",
    );
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.starts_with("source,speaker,topic,label,basket,sentences,score\n"), "{csv}");
    assert!(csv.contains(",Ana Reyes,storms,,,2,1.6\n"), "{csv}");
    whosaid().args(["--min-score", "1.5"]).write_stdin("x").assert().code(2);
    // every format shows the same tags: the default hides `rain`, 0 shows it
    // (format, level, how the `rain` tag shows: not in the sentence's text)
    for (format, level, tag) in [
        ("jsonl", "sentences", "\"rain\""),
        ("jsonl", "topics", "\"rain\""),
        ("csv", "sentences", "storms; rain"),
        ("csv", "topics", ",rain,"),
    ] {
        for (args, rain) in [(&[][..], false), (&["--min-score", "0"][..], true)] {
            let args = [&["--format", format, "--level", level][..], args].concat();
            let out = with_taxonomy(&tax, &args, "Ms Ana Reyes said that a storm surge (and rain) hit the coast.");
            let out = String::from_utf8(out).unwrap();
            assert!(out.contains("storms"), "{format} {level} {args:?}: {out}");
            assert_eq!(out.contains(tag), rain, "{format} {level} {args:?}: {out}");
        }
    }
}

/// (name, report, topics of its first sentence): a keyword in the speaker's
/// descriptor is no evidence; the same keyword in what they said is.
const DESCRIPTOR_CASES: &[(&str, &str, &[&str])] = &[
    (
        "appositive",
        "Ms Lena Varga, head of privacy policy at Northwind, said that trade rules matter.",
        &["e-commerce-trade"],
    ),
    ("parentheses", "Mr Tom Ode (privacy lead, Acme) said that trade rules matter.", &["e-commerce-trade"]),
    ("counter-case", "Mr Tom Ode (policy lead, Acme) said that privacy matters.", &["privacy-data-protection"]),
];

#[test]
fn speaker_descriptors_are_no_topic_evidence() {
    for (name, text, want) in DESCRIPTOR_CASES {
        let out = whosaid().write_stdin(*text).assert().success().get_output().stdout.clone();
        assert_eq!(json(&out)["sentences"][0]["topics"], serde_json::json!(want), "{name}");
    }
}

#[test]
fn out_dir_mirrors_the_tree_atomically() {
    let inp = TempDir::new().unwrap();
    let out = TempDir::new().unwrap();
    fs::create_dir_all(inp.path().join("x/y")).unwrap();
    fs::write(inp.path().join("x/y/r.txt"), REPORT).unwrap();
    fs::write(inp.path().join("top.txt"), REPORT).unwrap();
    whosaid().arg(inp.path()).arg("--out-dir").arg(out.path()).args(["--format", "csv"]).assert().success().stdout("");
    // the whole file name is kept: r.txt gives r.txt.csv
    let a = fs::read_to_string(out.path().join("x/y/r.txt.csv")).unwrap();
    assert!(a.starts_with("source,index"));
    assert!(out.path().join("top.txt.csv").exists());
    // no temp files left behind; inputs untouched
    let all: Vec<_> = walk(out.path());
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(fs::read_to_string(inp.path().join("top.txt")).unwrap(), REPORT);
}

#[test]
fn out_dir_never_overwrites_an_input() {
    let dir = TempDir::new().unwrap();
    // the output of `table` would be `table.csv`, another input
    let input = dir.path().join("table.csv");
    fs::write(&input, "Ms Ada Byrne said so.").unwrap();
    fs::write(dir.path().join("table"), "Mr Ben Cole said so.").unwrap();
    whosaid()
        .arg(dir.path())
        .args(["--glob", "table*", "--format", "csv", "--out-dir"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("refusing to overwrite the input"));
    assert_eq!(fs::read_to_string(&input).unwrap(), "Ms Ada Byrne said so.");
}

fn walk(p: &Path) -> Vec<String> {
    let mut v = Vec::new();
    for e in fs::read_dir(p).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            v.extend(walk(&e.path()));
        } else {
            v.push(e.path().display().to_string());
        }
    }
    v
}

#[test]
fn jsonl_corpus_input() {
    let corpus = "{\"id\": \"doc-1\", \"text\": \"Ms Ada Byrne (Chair) said so. She left.\"}\n\n{\"id\": 7, \"body\": \"x\"}\nnot json\n{\"id\": 8, \"text\": \"Mr Ben Cole said so.\"}\n";
    let out = whosaid()
        .args(["--input", "jsonl", "--format", "jsonl"])
        .write_stdin(corpus)
        .assert()
        .code(1)
        .get_output()
        .clone();
    let rows: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let sources: Vec<&str> = rows.iter().map(|r| r["source"].as_str().unwrap()).collect();
    assert_eq!(sources, ["doc-1", "doc-1", "8"]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("whosaid: -:3: no string field \"text\""), "{err}");
    assert!(err.contains("whosaid: -:4: invalid JSON"), "{err}");
    // field names are settable
    whosaid()
        .args(["--input", "jsonl", "--format", "jsonl", "--id-field", "key", "--text-field", "body"])
        .write_stdin("{\"key\": \"k\", \"body\": \"Hello there.\"}\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("\"source\":\"k\""));
}

#[test]
fn csv_formula_cells_are_neutralised_unless_asked() {
    let text = "=HYPERLINK(\"http://x\")\n\n- a bullet\n\n@handle said so.";
    let out = String::from_utf8(
        whosaid().args(["--format", "csv"]).write_stdin(text).assert().success().get_output().stdout.clone(),
    )
    .unwrap();
    let mut r = csv::Reader::from_reader(out.as_bytes());
    let col = r.headers().unwrap().iter().position(|h| h == "text").unwrap();
    let texts: Vec<String> = r.records().map(|x| x.unwrap()[col].to_string()).collect();
    assert_eq!(texts, ["'=HYPERLINK(\"http://x\")", "'- a bullet", "'@handle said so."]);
    let raw = String::from_utf8(
        whosaid()
            .args(["--format", "csv", "--no-sanitize", "--bom"])
            .write_stdin(text)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone(),
    )
    .unwrap();
    assert!(raw.starts_with('\u{feff}'));
    assert!(raw.contains("\"=HYPERLINK(\"\"http://x\"\")\""));
}

#[test]
fn broken_pipe_ends_quietly() {
    let dir = TempDir::new().unwrap();
    corpus(dir.path(), 300);
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("whosaid"))
        .args(["--format", "jsonl"])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // read one line, then hang up
    let mut stdout = child.stdout.take().unwrap();
    let mut buf = [0u8; 64];
    use std::io::Read;
    let _ = stdout.read(&mut buf).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "status {:?}", out.status);
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn completions_and_man_page() {
    whosaid().args(["--completions", "bash"]).assert().success().stdout(predicate::str::contains("whosaid"));
    whosaid().arg("--man").assert().success().stdout(predicate::str::contains(".TH"));
}

#[test]
fn stats_line() {
    whosaid()
        .arg("--stats")
        .write_stdin(REPORT)
        .assert()
        .success()
        .stderr(predicate::str::contains("1 files, 5 sentences, 2 speakers, 0 failed"));
}

/// The `--out-dir` files below `dir`, as paths relative to it.
fn out_files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> =
        walk(dir).iter().map(|p| Path::new(p).strip_prefix(dir).unwrap().display().to_string()).collect();
    v.sort();
    v
}

/// Runs `whosaid ARGS --out-dir OUT` and returns (exit code, stderr).
fn to_out_dir(args: &[&std::ffi::OsStr], out: &Path, stdin: &str) -> (i32, String) {
    let o = whosaid().args(args).arg("--out-dir").arg(out).write_stdin(stdin).output().unwrap();
    assert!(o.stdout.is_empty(), "--out-dir writes nothing on stdout");
    (o.status.code().unwrap(), String::from_utf8(o.stderr).unwrap())
}

fn source_in(file: &Path) -> String {
    let v: serde_json::Value = serde_json::from_str(&fs::read_to_string(file).unwrap()).unwrap();
    v[0]["source"].as_str().unwrap().to_string()
}

#[test]
fn out_dir_names_keep_the_whole_id_or_file_name() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("out");
    // ids with dots: nothing after a dot is taken for an extension
    let corpus = "{\"id\": \"2024.01\", \"text\": \"Ms Ada Byrne said so.\"}\n\
                  {\"id\": \"2024.02\", \"text\": \"Mr Ben Cole said so.\"}\n";
    let (code, err) = to_out_dir(&["--input".as_ref(), "jsonl".as_ref()], &out, corpus);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out_files(&out), ["2024.01.json", "2024.02.json"]);
    assert_eq!(source_in(&out.join("2024.01.json")), "2024.01");
    assert_eq!(source_in(&out.join("2024.02.json")), "2024.02");
    assert!(err.contains("whosaid: 2 inputs, 2 files written to"), "{err}");
    // a.txt and a.md: both kept, each with its own analysis
    let inp = dir.path().join("in");
    fs::create_dir(&inp).unwrap();
    fs::write(inp.join("a.txt"), "Ms Ada Byrne said so.").unwrap();
    fs::write(inp.join("a.md"), "Mr Ben Cole said so.").unwrap();
    let out2 = dir.path().join("out2");
    let (code, err) = to_out_dir(&[inp.as_os_str()], &out2, "");
    assert_eq!(code, 0, "{err}");
    assert_eq!(out_files(&out2), ["a.md.json", "a.txt.json"]);
    assert!(source_in(&out2.join("a.txt.json")).ends_with("a.txt"));
    assert!(source_in(&out2.join("a.md.json")).ends_with("a.md"));
}

#[test]
fn out_dir_collisions_get_a_suffix_and_a_warning_for_corpora_files_and_folders() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    // a corpus: a duplicate id, an id that tries to leave the folder and the
    // name it used to be cut to
    let corpus = "{\"id\": \"dup\", \"text\": \"Ms Ada Byrne said so.\"}\n\
                  {\"id\": \"dup\", \"text\": \"Mr Ben Cole said so.\"}\n\
                  {\"id\": \"a/../../x\", \"text\": \"x\"}\n\
                  {\"id\": \"a_.._..x\", \"text\": \"x\"}\n";
    let out = d.join("deep/out");
    let (code, err) = to_out_dir(&["--input".as_ref(), "jsonl".as_ref()], &out, corpus);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out_files(&out), ["a%2F..%2F..%2Fx.json", "a_.._..x.json", "dup.json", "dup~2.json"]);
    assert_eq!(out_files(d).len(), 4, "nothing written outside --out-dir");
    assert!(
        err.contains("whosaid: warning: -:2 (id \"dup\") and -:1 (id \"dup\") both map to")
            && err.contains("dup~2.json"),
        "{err}"
    );
    assert!(err.contains("4 inputs, 4 files written") && err.contains("1 input had a name already taken"), "{err}");
    // the same rule for two file arguments and for two folder arguments
    for (sub, args) in [("files", ["x/r.txt", "y/r.txt"]), ("folders", ["x", "y"])] {
        let src = d.join(sub);
        for f in ["x", "y"] {
            fs::create_dir_all(src.join(f)).unwrap();
            fs::write(src.join(f).join("r.txt"), format!("Ms Ada {f} said so.")).unwrap();
        }
        let out = d.join(format!("out-{sub}"));
        let args: Vec<std::path::PathBuf> = args.iter().map(|a| src.join(a)).collect();
        let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
        let (code, err) = to_out_dir(&args, &out, "");
        assert_eq!(code, 0, "{sub}: {err}");
        assert_eq!(out_files(&out), ["r.txt.json", "r.txt~2.json"], "{sub}");
        assert!(source_in(&out.join("r.txt~2.json")).ends_with("y/r.txt"), "{sub}");
        assert!(err.contains("y/r.txt and ") && err.contains("x/r.txt both map to"), "{sub}: {err}");
    }
}

#[test]
fn out_dir_clears_stale_temporaries_and_only_those() {
    let dir = TempDir::new().unwrap();
    let (inp, out) = (dir.path().join("in"), dir.path().join("out"));
    fs::create_dir_all(inp.join("sub")).unwrap();
    fs::create_dir_all(out.join("sub")).unwrap();
    fs::write(inp.join("sub/r.txt"), REPORT).unwrap();
    // what a killed run leaves, and files that are not ours
    fs::write(out.join(".whosaid-tmp-Ab12"), "half a report").unwrap();
    fs::write(out.join("sub/.whosaid-tmp-Cd34"), "half").unwrap();
    fs::write(out.join(".tmpXYZ1"), "someone else's").unwrap();
    fs::write(out.join("notes.txt"), "mine").unwrap();
    let (code, err) = to_out_dir(&[inp.as_os_str()], &out, "");
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("removed 2 temporary files left in"), "{err}");
    assert_eq!(out_files(&out), [".tmpXYZ1", "notes.txt", "sub/r.txt.json"]);
    // a clean folder: nothing to say
    let (_, err) = to_out_dir(&[inp.as_os_str()], &out, "");
    assert!(!err.contains("removed"), "{err}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(12))]

    /// N corpus documents give N files, each holding its own document and
    /// named by its id (decoded back) or by its id and a `~N` suffix that a
    /// warning reports: never a silent overwrite.
    #[test]
    fn out_dir_n_inputs_give_n_files_or_a_reported_collision(
        ids in proptest::collection::vec(
            proptest::prop_oneof![
                "[aA][bB]?",
                "[a.][./][.a]",
                "2024\\.0[12]",
                "(con|NUL|x\\.json)",
                "[a\u{e9}\u{c9}\u{4e2d}~% :*\\\\]{0,3}",
            ],
            1..16,
        )
    ) {
        let dir = TempDir::new().unwrap();
        let out = dir.path().join("out");
        let corpus: String = ids
            .iter()
            .map(|id| format!("{}\n", serde_json::json!({"id": id, "text": format!("Ms Ada Byrne said {id}.")})))
            .collect();
        let (code, err) = to_out_dir(&["--input".as_ref(), "jsonl".as_ref()], &out, &corpus);
        proptest::prop_assert_eq!(code, 0, "{}", err);
        let files = out_files(&out);
        proptest::prop_assert_eq!(files.len(), ids.len(), "{:?} -> {:?}", ids, files);
        let folded: std::collections::HashSet<String> = files.iter().map(|f| f.to_lowercase()).collect();
        proptest::prop_assert_eq!(folded.len(), files.len(), "distinct ignoring case: {:?}", files);
        let mut renamed = 0;
        let mut sources = Vec::new();
        for f in &files {
            let id = source_in(&out.join(f));
            let stem = f.strip_suffix(".json").unwrap();
            let name = whosaid::outdir::unescape(stem);
            if name != id.as_bytes() {
                let suffixed = name.starts_with(id.as_bytes())
                    && name[id.len()..].starts_with(b"~")
                    && name[id.len() + 1..].iter().all(u8::is_ascii_digit);
                proptest::prop_assert!(suffixed, "{} holds {:?}", f, id);
                renamed += 1;
            }
            sources.push(id);
        }
        let mut want = ids.clone();
        want.sort();
        sources.sort();
        proptest::prop_assert_eq!(sources, want, "every document has its own file");
        proptest::prop_assert_eq!(err.matches("whosaid: warning: ").count(), renamed, "{}", err);
    }
}

#[cfg(unix)]
#[test]
fn man_and_completions_end_quietly_on_a_closed_pipe() {
    for args in [&["--man"][..], &["--completions", "bash"], &["--completions", "zsh"]] {
        // the reading end is closed before whosaid starts: every write fails
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = StdCommand::new(assert_cmd::cargo::cargo_bin("whosaid"))
            .args(args)
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {:?}", out.status);
        assert!(out.stderr.is_empty(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
}

#[test]
fn nothing_read_leaves_stdout_empty() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    let missing = d.join("missing.txt");
    for format in ["json", "jsonl", "csv", "xlsx", "html"] {
        whosaid().args(["--format", format]).arg(&missing).assert().code(1).stdout("");
        whosaid().args(["--format", format]).arg(&missing).arg(d.join("gone.md")).assert().code(1).stdout("");
    }
    fs::write(d.join("bin.txt"), b"\0\0").unwrap();
    whosaid().arg(d).assert().code(1).stdout("");
    whosaid().args(["--input", "jsonl"]).write_stdin("not json\n").assert().code(1).stdout("");
    // a skipped bad line is no failure: the run succeeds with a valid empty result
    whosaid()
        .args(["--input", "jsonl", "--skip-bad-lines"])
        .write_stdin("not json\n")
        .assert()
        .success()
        .stdout("[]\n");
    // counter-cases: inputs that were read and are empty give a valid empty result
    fs::remove_file(d.join("bin.txt")).unwrap();
    whosaid().arg(d).assert().success().stdout("[]\n");
    whosaid()
        .args(["--format", "csv", "--level", "speakers"])
        .arg(d)
        .assert()
        .success()
        .stdout(predicate::str::starts_with("source,name").and(predicate::function(|s: &str| s.lines().count() == 1)));
    fs::write(d.join("empty.txt"), "").unwrap();
    let v = json(&whosaid().arg(d.join("empty.txt")).arg(&missing).assert().code(1).get_output().stdout);
    assert_eq!(v.as_array().unwrap().len(), 1, "the file that was read is there");
}

#[cfg(unix)]
#[test]
fn progress_line_counts_whole_reports_per_second() {
    // the progress line is drawn only on a terminal: run under script(1)'s pseudo-terminal
    if StdCommand::new("script").arg("--version").output().is_err() {
        eprintln!("script(1) not found: progress line not checked");
        return;
    }
    let dir = TempDir::new().unwrap();
    corpus(dir.path(), 600);
    let cmd = format!(
        "{} --format jsonl {} > /dev/null",
        assert_cmd::cargo::cargo_bin("whosaid").display(),
        dir.path().display()
    );
    let out = StdCommand::new("script").args(["-qec", &cmd, "/dev/null"]).stdin(Stdio::null()).output().unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    let rate = regex::Regex::new(r"\d+ reports?, (\d+(?:\.\d+)?)/s, \d+\.\d MB/s").unwrap();
    let rates: Vec<&str> = rate.captures_iter(&shown).map(|c| c.get(1).unwrap().as_str()).collect();
    assert!(!rates.is_empty(), "no progress line in {shown:?}");
    assert!(rates.iter().all(|r| !r.contains('.')), "whole reports per second: {rates:?}");
    assert!(shown.contains("whosaid: 600 files"), "the final summary is unchanged: {shown:?}");
}

#[test]
fn help_groups_options_with_one_example_per_group() {
    let long = String::from_utf8(whosaid().arg("--help").assert().success().get_output().stdout.clone()).unwrap();
    let short = String::from_utf8(whosaid().arg("-h").assert().success().get_output().stdout.clone()).unwrap();
    let groups: &[(&str, &[&str])] = &[
        ("Input:", &["--input", "--id-field", "--skip-bad-lines", "--glob", "--hidden", "--lossy"]),
        ("Output:", &["--format", "--level", "--out-dir", "--output", "--pretty", "--bom", "--no-sanitize"]),
        ("Analysis:", &["--topics", "--lang", "--abbreviations"]),
        ("Batch:", &["--threads", "--stats", "--quiet"]),
        ("Other:", &["--completions", "--man", "--help", "--version"]),
    ];
    for help in [&long, &short] {
        let at = |h: &str| help.find(&format!("\n{h}\n")).unwrap_or_else(|| panic!("no heading {h} in {help}"));
        for (i, (heading, flags)) in groups.iter().enumerate() {
            let start = at(heading);
            let end = groups.get(i + 1).map_or(help.len(), |(next, _)| at(next));
            assert!(start < end, "{heading} comes before the next group");
            for flag in *flags {
                assert!(
                    help[start..end].contains(&format!("{flag} ")) || help[start..end].contains(&format!("{flag}\n")),
                    "{flag} under {heading}"
                );
            }
        }
    }
    let examples: Vec<&str> = long.lines().skip_while(|l| !l.starts_with("Examples")).skip(1).take(4).collect();
    for (line, group) in examples.iter().zip(["Input:", "Output:", "Analysis:", "Batch:"]) {
        assert!(line.trim_start().starts_with(group) && line.contains("whosaid "), "{line}");
    }
    assert_eq!(examples.len(), 4, "{long}");
    assert!(!short.contains("Examples"), "-h stays a summary");
}

/// `[profile.NAME]`'s `key = value` lines in Cargo.toml.
fn profile(name: &str) -> Vec<(String, String)> {
    let manifest = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    let header = format!("[profile.{name}]");
    manifest
        .lines()
        .skip_while(|l| l.trim() != header)
        .skip(1)
        .take_while(|l| !l.starts_with('['))
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

#[test]
fn release_binary_is_lean_and_profiling_keeps_line_tables() {
    let has = |p: &[(String, String)], k: &str, v: &str| p.iter().any(|(a, b)| a == k && b == v);
    let release = profile("release");
    assert!(has(&release, "debug", "0") && has(&release, "strip", "\"debuginfo\""), "{release:?}");
    let profiling = profile("profiling");
    assert!(has(&profiling, "inherits", "\"release\"") && has(&profiling, "debug", "1"), "{profiling:?}");
    assert!(has(&profiling, "strip", "\"none\""), "{profiling:?}");
    // criterion inherits from release: it must not inherit the stripping
    assert!(has(&profile("bench"), "strip", "\"none\""));
}

/// One JSONL corpus line.
fn doc(id: &str, text: &str) -> String {
    format!("{}\n", serde_json::json!({ "id": id, "text": text }))
}

/// The `source` of each JSON Lines row.
fn sources(stdout: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["source"].as_str().unwrap().to_string())
        .collect()
}

/// As a pipe stage, each document's rows come out as soon as it is analysed,
/// while stdin is still open: the next document is only sent after the rows
/// of the previous one have been read (a stage that waited for a full chunk
/// or for the end of input would time out here).
#[test]
fn jsonl_stream_flushes_each_document() {
    use std::io::{BufRead, BufReader, Write};
    use std::sync::mpsc;
    use std::time::Duration;
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("whosaid"))
        .args(["--input", "jsonl", "--format", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in stdout.lines() {
            if tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    let docs = [
        ("a", "Ms Ada Byrne (Chair) said so. She left early.", 2),
        ("b", "Mr Ben Cole (Adviser) argued that privacy matters.", 1),
        ("c", "Dr Cho Min said one thing. She added another. Min concluded.", 3),
    ];
    for (id, text, rows) in docs {
        stdin.write_all(doc(id, text).as_bytes()).unwrap();
        stdin.flush().unwrap();
        for i in 0..rows {
            let line = rx.recv_timeout(Duration::from_secs(60)).unwrap_or_else(|_| {
                let _ = child.kill();
                panic!("no row {i} of document {id} while stdin is open")
            });
            let v: serde_json::Value = serde_json::from_str(&line).unwrap();
            assert_eq!((v["source"].as_str(), v["index"].as_u64()), (Some(id), Some(i)), "{line}");
        }
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
    assert!(rx.recv_timeout(Duration::from_secs(10)).is_err(), "no rows after the last document");
}

/// A bad line is reported with its line number and the rest of the input is
/// analysed; `--skip-bad-lines` keeps exit status 0 for bad lines only (what
/// Spark's `pipe()`, which fails the task on any other status, needs).
#[test]
fn bad_jsonl_lines_with_and_without_skip() {
    let good = doc("d1", "Ms Ada Byrne (Chair) said so.") + &doc("d3", "Mr Ben Cole said so.");
    let bad_json = doc("d1", "Ms Ada Byrne (Chair) said so.")
        + "{\"id\": \"d2\", \"text\": \n"
        + &doc("d3", "Mr Ben Cole said so.");
    let no_text = doc("d1", "Ms Ada Byrne (Chair) said so.")
        + "{\"id\": \"d2\", \"body\": \"x\"}\n"
        + &doc("d3", "Mr Ben Cole said so.");
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("missing.jsonl").display().to_string();
    // name, --input and extra args, stdin, exit code, stderr must contain, row sources
    type Case<'a> = (&'a str, &'a [&'a str], &'a str, i32, &'a str, &'a [&'a str]);
    let cases: &[Case] = &[
        ("all good", &["--input", "jsonl"], &good, 0, "", &["d1", "d3"]),
        ("all good, skip", &["--input", "jsonl", "--skip-bad-lines"], &good, 0, "", &["d1", "d3"]),
        ("invalid JSON", &["--input", "jsonl"], &bad_json, 1, "whosaid: -:2: invalid JSON", &["d1", "d3"]),
        (
            "invalid JSON, skip",
            &["--input", "jsonl", "--skip-bad-lines"],
            &bad_json,
            0,
            "whosaid: -:2: invalid JSON",
            &["d1", "d3"],
        ),
        ("no text", &["--input", "jsonl"], &no_text, 1, "whosaid: -:2: no string field \"text\"", &["d1", "d3"]),
        (
            "no text, skip",
            &["--input", "jsonl", "--skip-bad-lines"],
            &no_text,
            0,
            "whosaid: -:2: no string field \"text\"",
            &["d1", "d3"],
        ),
        (
            "skip counts in the summary",
            &["--input", "jsonl", "--skip-bad-lines", "--stats"],
            &bad_json,
            0,
            "2 files, 2 sentences, 2 speakers, 0 failed, 1 bad lines skipped",
            &["d1", "d3"],
        ),
        // a missing file is not a bad line: still a failure
        (
            "missing file, skip",
            &["--input", "jsonl", "--skip-bad-lines", "-", &missing],
            &good,
            1,
            "missing.jsonl: no such file",
            &["d1", "d3"],
        ),
        (
            "skip without jsonl input",
            &["--input", "text", "--skip-bad-lines"],
            &good,
            2,
            "--skip-bad-lines: only goes with --input jsonl",
            &[],
        ),
    ];
    for (name, extra, input, code, needle, want) in cases {
        let out = whosaid().arg("--format=jsonl").args(*extra).write_stdin(*input).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(*code), "{name}: {err}");
        assert!(err.contains(needle), "{name}: {err}");
        assert_eq!(err.is_empty(), needle.is_empty(), "{name}: {err}");
        assert_eq!(sources(&out.stdout), *want, "{name}");
    }
}

/// Other corpus shapes: `--id-field`/`--text-field` name a top-level field,
/// or a nested one by JSON Pointer.
#[test]
fn jsonl_field_mapping() {
    let text = "Ms Ada Byrne (Chair) said so.";
    let crawl = format!("{}\n", serde_json::json!({ "url": "https://example.org/a", "content": text }));
    let nested = format!("{}\n", serde_json::json!({ "meta": { "url": "u1", "n": 7 }, "body": { "text": text } }));
    let slashed = format!("{}\n", serde_json::json!({ "a/b": "k", "text": text }));
    // name, fields, input, exit code, sources
    type Case<'a> = (&'a str, &'a [&'a str], &'a str, i32, &'a [&'a str]);
    let cases: &[Case] = &[
        (
            "crawl-like url/content",
            &["--id-field", "url", "--text-field", "content"],
            &crawl,
            0,
            &["https://example.org/a"],
        ),
        ("crawl-like, default fields", &[], &crawl, 1, &[]),
        ("nested by pointer", &["--id-field", "/meta/url", "--text-field", "/body/text"], &nested, 0, &["u1"]),
        ("numeric nested id", &["--id-field", "/meta/n", "--text-field", "/body/text"], &nested, 0, &["7"]),
        // no id: the line number stands in
        ("missing id", &["--id-field", "/meta/none", "--text-field", "/body/text"], &nested, 0, &["-:1"]),
        ("pointer to an object is no text", &["--text-field", "/body"], &nested, 1, &[]),
        ("a name with a slash is a top-level key", &["--id-field", "a/b"], &slashed, 0, &["k"]),
    ];
    for (name, fields, input, code, want) in cases {
        let out = whosaid()
            .args(["--input", "jsonl", "--format", "jsonl"])
            .args(*fields)
            .write_stdin(*input)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(*code), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(sources(&out.stdout), *want, "{name}");
    }
}

/// The stream meets the other outputs: under `--out-dir` names are planned
/// in input order as jobs leave the reader thread (a repeated id gets ~2) and
/// the closing line counts the skipped line; xlsx and html on stdout hold
/// every document that arrived.
#[test]
fn jsonl_stream_with_out_dir_xlsx_and_html() {
    let corpus = doc("dup", "Ms Ada Byrne (Chair) said so.") + "not json\n" + &doc("dup", "Mr Ben Cole said so.");
    let skip = ["--input", "jsonl", "--skip-bad-lines"];
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("out");
    let args: Vec<&std::ffi::OsStr> = skip.iter().map(|a| a.as_ref()).collect();
    let (code, err) = to_out_dir(&args, &out, &corpus);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out_files(&out), ["dup.json", "dup~2.json"]);
    for (file, speaker) in [("dup.json", "Ada Byrne"), ("dup~2.json", "Ben Cole")] {
        assert!(fs::read_to_string(out.join(file)).unwrap().contains(speaker), "{file}: {speaker}");
    }
    for needle in ["whosaid: -:2: invalid JSON", "3 inputs, 2 files written", "1 bad line skipped"] {
        assert!(err.contains(needle), "{needle}: {err}");
    }
    // format, what stdout must hold
    type Check = fn(&[u8]) -> bool;
    let cases: &[(&str, Check)] = &[
        ("html", |o| {
            let page = String::from_utf8_lossy(o);
            page.contains("Ada Byrne") && page.contains("Ben Cole")
        }),
        ("xlsx", |o| {
            use calamine::Reader;
            let mut wb: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(o.to_vec())).unwrap();
            // header and one sentence per document
            wb.worksheet_range("Sentences").unwrap().rows().count() == 3
        }),
    ];
    for (format, check) in cases {
        let o = whosaid().args(skip).args(["--format", format]).write_stdin(corpus.as_str()).output().unwrap();
        assert!(o.status.success(), "{format}: {}", String::from_utf8_lossy(&o.stderr));
        assert!(check(&o.stdout), "{format}");
    }
}
