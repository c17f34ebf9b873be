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

#[test]
fn out_dir_mirrors_the_tree_atomically() {
    let inp = TempDir::new().unwrap();
    let out = TempDir::new().unwrap();
    fs::create_dir_all(inp.path().join("x/y")).unwrap();
    fs::write(inp.path().join("x/y/r.txt"), REPORT).unwrap();
    fs::write(inp.path().join("top.txt"), REPORT).unwrap();
    whosaid().arg(inp.path()).arg("--out-dir").arg(out.path()).args(["--format", "csv"]).assert().success().stdout("");
    let a = fs::read_to_string(out.path().join("x/y/r.csv")).unwrap();
    assert!(a.starts_with("source,index"));
    assert!(out.path().join("top.csv").exists());
    // no temp files left behind; inputs untouched
    let all: Vec<_> = walk(out.path());
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(fs::read_to_string(inp.path().join("top.txt")).unwrap(), REPORT);
}

#[test]
fn out_dir_never_overwrites_an_input() {
    let dir = TempDir::new().unwrap();
    let input = dir.path().join("table.csv");
    fs::write(&input, "Ms Ada Byrne said so.").unwrap();
    whosaid()
        .arg(dir.path())
        .args(["--glob", "*.csv", "--format", "csv", "--out-dir"])
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
    let texts: Vec<String> = r.records().map(|x| x.unwrap()[14].to_string()).collect();
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
