//! The catalogue of bad input: each case has a defined, documented outcome
//! (output, or an error naming the input and the cause) and exit code.
//! Sizes are the real ones (a 50 MB line, a million paragraphs); the test
//! profile is optimised enough to run them in seconds.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// What a case must produce.
enum Want {
    /// Exit 0 and JSON Lines output with at least this many sentences.
    Rows(usize),
    /// This exit code, and stderr containing each of these.
    Error(i32, &'static [&'static str]),
}

struct Case {
    name: &'static str,
    /// Writes the input file(s); returns the arguments to pass.
    make: fn(&Path) -> Vec<PathBuf>,
    extra: &'static [&'static str],
    want: Want,
}

fn file(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> Vec<PathBuf> {
    let p = dir.join(name);
    fs::write(&p, bytes).unwrap();
    vec![p]
}

const CASES: &[Case] = &[
    Case { name: "empty input", make: |d| file(d, "e.txt", ""), extra: &[], want: Want::Rows(0) },
    Case { name: "only whitespace", make: |d| file(d, "w.txt", " \n\t\r\n \u{a0}\n"), extra: &[], want: Want::Rows(0) },
    Case {
        name: "50 MB single line",
        make: |d| {
            let s = "Ms Lena Varga said that the U.S. and e.g. cyber-attacks matter. ".repeat(800_000);
            file(d, "line.txt", &s.as_bytes()[..50_000_000])
        },
        extra: &[],
        want: Want::Rows(700_000),
    },
    Case {
        name: "a million tiny paragraphs",
        make: |d| file(d, "p.txt", "a\n\n".repeat(1_000_000)),
        extra: &[],
        want: Want::Rows(1_000_000),
    },
    Case {
        name: "NUL bytes (binary)",
        make: |d| file(d, "nul.txt", b"Ms Lena Varga\0 said so."),
        extra: &[],
        want: Want::Error(1, &["nul.txt: binary file (NUL byte at offset 13)"]),
    },
    Case {
        name: "invalid UTF-8 at the start",
        make: |d| file(d, "s.txt", b"\xffMs Lena Varga said so."),
        extra: &[],
        want: Want::Error(1, &["s.txt: invalid UTF-8 at byte 0"]),
    },
    Case {
        name: "invalid UTF-8 in the middle",
        make: |d| file(d, "m.txt", b"Ms Lena Varga \xc3\x28 said so."),
        extra: &[],
        want: Want::Error(1, &["m.txt: invalid UTF-8 at byte 14"]),
    },
    Case {
        name: "invalid UTF-8 at the end (truncated sequence)",
        make: |d| file(d, "t.txt", b"Ms Lena Varga said so. \xe2\x80"),
        extra: &[],
        want: Want::Error(1, &["t.txt: invalid UTF-8 at byte 23"]),
    },
    Case {
        name: "invalid UTF-8 with --lossy",
        make: |d| file(d, "l.txt", b"Ms Lena Varga said so. \xff He left."),
        extra: &["--lossy"],
        want: Want::Rows(2),
    },
    Case {
        name: "UTF-16 file",
        make: |d| {
            let mut b = vec![0xFF, 0xFE];
            for u in "Ms Lena Varga said so.".encode_utf16() {
                b.extend_from_slice(&u.to_le_bytes());
            }
            file(d, "u16.txt", b)
        },
        extra: &[],
        want: Want::Error(1, &["u16.txt: UTF-16 text is not supported"]),
    },
    Case {
        name: "CR-only line ends",
        make: |d| file(d, "cr.txt", "Title\r\rMs Lena Varga said so.\rShe left.\r"),
        extra: &[],
        want: Want::Rows(3),
    },
    Case {
        name: "10,000 nested parentheses",
        make: |d| file(d, "n.txt", format!("{}Ms Lena Varga said so.{}", "(".repeat(10_000), ")".repeat(10_000))),
        extra: &[],
        want: Want::Rows(1),
    },
    Case {
        name: "unclosed parenthesis at the start of a long report",
        make: |d| {
            file(
                d,
                "up.txt",
                format!("({}", "Ms Lena Varga (Head, Lab) said that it matters. She added more. ".repeat(20_000)),
            )
        },
        extra: &[],
        want: Want::Rows(40_000),
    },
    Case {
        name: "unclosed quote at the start of a long report",
        make: |d| {
            file(d, "uq.txt", format!("“{}", "Mr Omar Haddad said that it matters. He added more.\n\n".repeat(20_000)))
        },
        extra: &[],
        want: Want::Rows(40_000),
    },
    Case {
        name: "a name of 1,000 capitalised words",
        make: |d| {
            let name: Vec<String> = (0..1000).map(|i| format!("Nam{}e", char::from(b'a' + (i % 26) as u8))).collect();
            file(d, "caps.txt", format!("Ms {} (Chair) said so. She left.", name.join(" ")))
        },
        extra: &[],
        want: Want::Rows(2),
    },
    Case {
        name: "missing file",
        make: |d| vec![d.join("does-not-exist.txt")],
        extra: &[],
        want: Want::Error(1, &["does-not-exist.txt: no such file or directory"]),
    },
    Case {
        name: "taxonomy with an empty keyword",
        make: |d| {
            file(d, "tax.csv", "topic,keyword\nprivacy,data protection\nprivacy,\n");
            file(d, "r.txt", "x")
        },
        extra: &["--topics", "{dir}/tax.csv"],
        want: Want::Error(2, &["tax.csv: line 3: empty keyword for topic \"privacy\""]),
    },
    Case {
        name: "taxonomy with a duplicate topic id",
        make: |d| {
            file(d, "tax.json", r#"{"topics": [{"id": "a", "keywords": ["x"]}, {"id": "a", "keywords": ["y"]}]}"#);
            file(d, "r.txt", "x")
        },
        extra: &["--topics", "{dir}/tax.json"],
        want: Want::Error(2, &["tax.json: topics[1]: duplicate topic id \"a\""]),
    },
    Case {
        name: "taxonomy with a malformed CSV row",
        make: |d| {
            file(d, "tax.csv", "topic,keyword\nprivacy,data,extra\n");
            file(d, "r.txt", "x")
        },
        extra: &["--topics", "{dir}/tax.csv"],
        want: Want::Error(2, &["tax.csv: line 2: malformed CSV row"]),
    },
    Case {
        name: "taxonomy with malformed JSON",
        make: |d| {
            file(d, "tax.json", "{\"topics\": [\n{\"id\": \"a\", \"keywords\": [\"x\"]\n");
            file(d, "r.txt", "x")
        },
        extra: &["--topics", "{dir}/tax.json"],
        want: Want::Error(2, &["tax.json: line 3: invalid taxonomy JSON"]),
    },
    Case {
        name: "missing taxonomy file",
        make: |d| file(d, "r.txt", "x"),
        extra: &["--topics", "{dir}/nope.csv"],
        want: Want::Error(2, &["nope.csv: No such file or directory"]),
    },
    Case {
        name: "symlink loop in a folder",
        make: |d| {
            let root = d.join("tree");
            fs::create_dir_all(&root).unwrap();
            fs::write(root.join("ok.txt"), "Ms Lena Varga said so.").unwrap();
            #[cfg(unix)]
            std::os::unix::fs::symlink(&root, root.join("loop")).unwrap();
            vec![root]
        },
        extra: &[],
        want: Want::Error(1, &["symlink loop, skipped"]),
    },
];

#[test]
fn bad_input_catalogue() {
    let mut failures = Vec::new();
    for case in CASES {
        let dir = TempDir::new().unwrap();
        let inputs = (case.make)(dir.path());
        let extra: Vec<String> =
            case.extra.iter().map(|a| a.replace("{dir}", &dir.path().display().to_string())).collect();
        let out = Command::cargo_bin("whosaid")
            .unwrap()
            .args(["--format", "jsonl"])
            .args(&extra)
            .args(&inputs)
            .timeout(std::time::Duration::from_secs(300))
            .output()
            .unwrap();
        let code = out.status.code();
        let stderr = String::from_utf8_lossy(&out.stderr);
        match case.want {
            Want::Rows(n) => {
                let rows = out.stdout.split(|&b| b == b'\n').filter(|l| !l.is_empty()).count();
                let parse_ok = out
                    .stdout
                    .split(|&b| b == b'\n')
                    .filter(|l| !l.is_empty())
                    .take(1000)
                    .all(|l| serde_json::from_slice::<serde_json::Value>(l).is_ok());
                if code != Some(0) || rows < n || !parse_ok {
                    failures.push(format!(
                        "{}: exit {code:?}, {rows} rows (want >= {n}), parse ok {parse_ok}, stderr {stderr}",
                        case.name
                    ));
                }
            }
            Want::Error(want_code, needles) => {
                let missing: Vec<&&str> = needles.iter().filter(|n| !stderr.contains(*n)).collect();
                let named = stderr.lines().all(|l| l.starts_with("whosaid: "));
                if code != Some(want_code) || !missing.is_empty() || !named {
                    failures.push(format!(
                        "{}: exit {code:?} (want {want_code}), stderr {stderr:?}, missing {missing:?}",
                        case.name
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
