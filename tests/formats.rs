//! `--format xlsx` and `--format html`, through the binary: the workbook read
//! back with calamine and checked against the CSV output of the same run; the
//! page parsed with scraper and checked against the JSON output.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::Read;
use std::path::Path;

use assert_cmd::Command;
use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use scraper::{Html, Selector};
use tempfile::TempDir;

fn whosaid() -> Command {
    Command::cargo_bin("whosaid").unwrap()
}

fn run(args: &[&str]) -> Vec<u8> {
    whosaid().args(args).assert().success().get_output().stdout.clone()
}

/// The CSV of one level, unsanitised (the workbook needs no `'` prefix).
fn csv_rows(input: &str, level: &str) -> Vec<Vec<String>> {
    let out = run(&["--format", "csv", "--no-sanitize", "--level", level, input]);
    let mut rdr = csv::ReaderBuilder::new().has_headers(false).from_reader(out.as_slice());
    rdr.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect()
}

type Sheets = Vec<(String, Vec<Vec<Data>>)>;

fn sheets(bytes: Vec<u8>) -> Sheets {
    let mut wb: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("a workbook calamine reads");
    wb.sheet_names()
        .into_iter()
        .map(|name| {
            let range = wb.worksheet_range(&name).unwrap();
            let rows = range.rows().map(|r| r.to_vec()).collect();
            (name, rows)
        })
        .collect()
}

/// A workbook cell as the CSV writer would print it: numbers as integers,
/// shares with four decimals.
fn as_csv(d: &Data, column: &str) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(x) if column == "share" => format!("{x:.4}"),
        Data::Float(x) => format!("{x}"),
        Data::Int(x) => x.to_string(),
        other => panic!("unexpected cell {other:?} in column {column}"),
    }
}

/// The raw XML of a part of the workbook.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// Every sheet equals the CSV of its level; the matrix equals the topic rows.
fn check_workbook(input: &str, bytes: Vec<u8>) {
    let sheets = sheets(bytes);
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Sentences", "Speakers", "Topics", "Speaker × topic"]);
    for ((name, rows), level) in sheets.iter().zip(["sentences", "speakers", "topics"]) {
        let csv = csv_rows(input, level);
        assert!(csv.len() > 1, "{level}: the fixture has rows");
        let header: Vec<String> = rows[0].iter().map(|d| as_csv(d, "")).collect();
        assert_eq!(header, csv[0], "{name}: header");
        // calamine drops trailing empty rows/columns: pad to the CSV's width
        assert_eq!(rows.len(), csv.len(), "{name}: rows");
        for (i, (row, expected)) in rows.iter().zip(&csv).enumerate().skip(1) {
            let got: Vec<String> =
                (0..expected.len()).map(|c| row.get(c).map_or(String::new(), |d| as_csv(d, &csv[0][c]))).collect();
            assert_eq!(&got, expected, "{name} row {i}");
            for (c, d) in row.iter().enumerate() {
                let numeric = ["index", "start", "end", "paragraph", "sentences", "words", "share"];
                if numeric.contains(&csv[0][c].as_str()) {
                    assert!(
                        matches!(d, Data::Float(_) | Data::Int(_)),
                        "{name} row {i} {}: a number, got {d:?}",
                        csv[0][c]
                    );
                }
            }
        }
    }
    // the matrix: one row per speaker, counts from the topic rows
    let topics = csv_rows(input, "topics");
    let mut expected: BTreeMap<(String, String, String), String> = BTreeMap::new();
    let labels: HashMap<&str, &str> = topics[1..].iter().map(|r| (r[3].as_str(), r[2].as_str())).collect();
    for r in &topics[1..] {
        if !r[1].is_empty() {
            expected.insert((r[0].clone(), r[1].clone(), r[2].clone()), r[5].clone());
        }
    }
    let (_, matrix) = &sheets[3];
    let header: Vec<String> = matrix[0].iter().map(|d| as_csv(d, "")).collect();
    assert_eq!(header[..2], ["source", "speaker"]);
    let speakers = csv_rows(input, "speakers");
    assert_eq!(matrix.len(), speakers.len(), "a matrix row per speaker");
    let mut got = BTreeMap::new();
    for (row, sp) in matrix[1..].iter().zip(&speakers[1..]) {
        assert_eq!([as_csv(&row[0], ""), as_csv(&row[1], "")], [sp[0].clone(), sp[1].clone()]);
        for (c, d) in row.iter().enumerate().skip(2) {
            if *d != Data::Empty {
                let topic = labels[header[c].as_str()].to_string();
                got.insert((as_csv(&row[0], ""), as_csv(&row[1], ""), topic), as_csv(d, ""));
            }
        }
    }
    assert_eq!(got, expected, "matrix counts = topic rows");
}

#[test]
fn workbook_matches_csv_for_a_folder() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("all.xlsx");
    let out = run(&["--format", "xlsx", "-o", path.to_str().unwrap(), "fixtures/reports"]);
    assert!(out.is_empty(), "nothing on stdout with --output");
    let bytes = fs::read(&path).unwrap();
    // the sheet XML: header frozen, autofilter, share as a percentage, never a formula
    for (i, cols) in [(1, "A1:P"), (2, "A1:L"), (3, "A1:G")] {
        let xml = part(&bytes, &format!("xl/worksheets/sheet{i}.xml"));
        assert!(xml.contains("ySplit=\"1\""), "sheet {i}: header row frozen");
        assert!(xml.contains(&format!("<autoFilter ref=\"{cols}")), "sheet {i}: autofilter over every column");
        assert!(!xml.contains("<f>"), "sheet {i}: no formula");
    }
    let styles = part(&bytes, "xl/styles.xml");
    assert!(styles.contains("<b/>") && styles.contains("0.0%") && styles.contains("wrapText=\"1\""));
    check_workbook("fixtures/reports", bytes);
}

#[test]
fn workbook_on_stdout_one_report_and_parallel_batch() {
    // a single report, streamed to a pipe
    let one = run(&["--format", "xlsx", "fixtures/reports/16_youth_workshop.txt"]);
    assert!(one.starts_with(b"PK"), "a zip container");
    check_workbook("fixtures/reports/16_youth_workshop.txt", one);
    // a batch on one thread and on two: the same cells
    let a = sheets(run(&["--format", "xlsx", "-j", "1", "fixtures/reports"]));
    let b = sheets(run(&["--format", "xlsx", "-j", "2", "fixtures/reports"]));
    assert_eq!(a, b);
}

#[test]
fn workbook_cells_are_never_formulas() {
    let dir = TempDir::new().unwrap();
    let report = dir.path().join("=evil.txt");
    fs::write(
        &report,
        "Ms Lena Varga (Head of Policy, =HYPERLINK(\"x\")) said +1 matters.\n\n=SUM(A1:A9) was her reply. -2 @cmd she added.\n",
    )
    .unwrap();
    let bytes = run(&["--format", "xlsx", report.to_str().unwrap()]);
    for i in 1..=4 {
        assert!(!part(&bytes, &format!("xl/worksheets/sheet{i}.xml")).contains("<f>"), "sheet {i}");
    }
    let sheets = sheets(bytes);
    let texts: Vec<String> = sheets[0].1[1..].iter().map(|r| as_csv(&r[15], "text")).collect();
    assert!(texts.iter().any(|t| t.starts_with("=SUM(A1:A9)")), "{texts:?}");
    assert_eq!(as_csv(&sheets[0].1[1][0], "source"), report.display().to_string(), "the source stays as written");
    // counter-case: the CSV of the same run does neutralise it
    let csv = run(&["--format", "csv", report.to_str().unwrap()]);
    assert!(String::from_utf8(csv).unwrap().contains("'=SUM(A1:A9)"));
}

#[test]
fn workbook_per_input_under_out_dir() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("out");
    run(&["--format", "xlsx", "--out-dir", out.to_str().unwrap(), "fixtures/reports"]);
    let n = fs::read_dir("fixtures/reports").unwrap().count();
    let books: Vec<_> = fs::read_dir(&out).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(books.len(), n);
    // named by the --out-dir rule: the whole file name plus the extension
    assert!(books.iter().all(|b| b.to_string_lossy().ends_with(".txt.xlsx")), "{books:?}");
    let one = out.join("16_youth_workshop.txt.xlsx");
    let speakers = &sheets(fs::read(one).unwrap())[1].1;
    assert_eq!(speakers.len(), 4, "header and three speakers");
}

#[test]
fn level_is_refused_with_xlsx_and_html() {
    for format in ["xlsx", "html"] {
        whosaid()
            .args(["--format", format, "--level", "speakers", "fixtures/reports/01_layout.txt"])
            .assert()
            .code(2)
            .stderr(predicates::str::contains("every level"));
    }
}

fn select(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// The page of one fixture against its JSON: sentences, speakers, colours.
#[test]
fn page_shows_every_sentence_in_its_speakers_colour() {
    let input = "fixtures/reports/16_youth_workshop.txt";
    let json: serde_json::Value = serde_json::from_slice(&run(&["--format", "json", input])).unwrap();
    let page = Html::parse_document(&String::from_utf8(run(&["--format", "html", input])).unwrap());
    let spans: Vec<_> = page.select(&select("article span.s")).collect();
    let sentences = json["sentences"].as_array().unwrap();
    assert_eq!(spans.len(), sentences.len());
    // the speaker table's swatches: one colour per speaker, all different
    let mut colour_of = HashMap::new();
    for row in page.select(&select("table.speakers tbody tr")) {
        let name = row.select(&select("td")).nth(1).unwrap().text().collect::<String>();
        let style = row.select(&select(".sw")).next().unwrap().attr("style").unwrap().to_string();
        colour_of.insert(name, style);
    }
    assert_eq!(colour_of.len(), json["speakers"].as_array().unwrap().len());
    let distinct: std::collections::HashSet<_> = colour_of.values().collect();
    assert_eq!(distinct.len(), colour_of.len(), "each speaker has a colour of its own");
    for (span, s) in spans.iter().zip(sentences) {
        let how = s["attribution"].as_str().unwrap();
        assert!(span.attr("class").unwrap().split(' ').any(|c| c == how), "marked {how}");
        match s["speaker"].as_str() {
            Some(name) => {
                assert_eq!(span.attr("style"), Some(colour_of[name].as_str()), "{name}'s colour");
                assert!(span.attr("title").unwrap().starts_with(name), "the tooltip names the speaker");
            }
            None => assert_eq!(span.attr("style"), None, "no tint without a speaker"),
        }
        // the sentence text is all there (the mark is a <sup> after it)
        let text: String = span.text().collect();
        let mark: String = span.select(&select("sup")).flat_map(|m| m.text()).collect();
        assert_eq!(text.strip_suffix(&mark).unwrap(), s["text"].as_str().unwrap());
        if let Some(e) = s["evidence"]["text"].as_str() {
            assert!(span.attr("title").unwrap().contains(e), "the tooltip shows the evidence");
        }
    }
    let keywords = page.select(&select("u.kw")).count();
    let matches: usize = sentences.iter().map(|s| s["topic_matches"].as_array().unwrap().len()).sum();
    assert!(keywords > 0 && keywords <= matches);
    assert_eq!(page.select(&select("svg.bars rect")).count(), colour_of.len(), "a bar per speaker");
    assert!(page.select(&select("script, link, img")).next().is_none(), "self-contained, no script");
}

#[test]
fn page_escapes_report_text() {
    let report = "<script>alert(1)</script>\n\nMs Lena Varga (Head of <b>Policy</b>, \"Quote\" & Co) said that privacy matters.\n";
    let html = String::from_utf8(
        whosaid().args(["--format", "html"]).write_stdin(report).assert().success().get_output().stdout.clone(),
    )
    .unwrap();
    let page = Html::parse_document(&html);
    assert!(page.select(&select("script")).next().is_none(), "no script element");
    assert!(page.select(&select("article b")).next().is_none(), "no markup from the report");
    let text: String = page.select(&select("article")).flat_map(|a| a.text()).collect();
    assert!(text.contains("<script>alert(1)</script>"), "shown as text: {text}");
    let title: String = page.select(&select("table.speakers td")).flat_map(|t| t.text()).collect();
    assert!(title.contains("Head of <b>Policy</b>, \"Quote\" & Co"), "{title}");
    // counter-case: the raw page has the escaped form, not the tag
    assert!(html.contains("&lt;script&gt;") && !html.contains("<script>"));
}

#[test]
fn folder_pages_and_index() {
    let dir = TempDir::new().unwrap();
    let (src, out) = (dir.path().join("in"), dir.path().join("out"));
    fs::create_dir_all(src.join("sub dir")).unwrap();
    fs::copy("fixtures/reports/16_youth_workshop.txt", src.join("a.txt")).unwrap();
    fs::copy("fixtures/reports/09_references.txt", src.join("sub dir/b #2.txt")).unwrap();
    run(&["--format", "html", "--out-dir", out.to_str().unwrap(), src.to_str().unwrap()]);
    let index = Html::parse_document(&fs::read_to_string(out.join("index.html")).unwrap());
    let rows: Vec<_> = index.select(&select("tbody tr")).collect();
    assert_eq!(rows.len(), 2);
    for row in rows {
        let href = row.select(&select("a")).next().unwrap().attr("href").unwrap().to_string();
        let file = out.join(String::from_utf8(whosaid::outdir::unescape(&href)).unwrap());
        let page = Html::parse_document(&fs::read_to_string(&file).unwrap_or_else(|_| panic!("{href} links a page")));
        let cells: Vec<String> = row.select(&select("td")).map(|c| c.text().collect()).collect();
        let sentences = page.select(&select("article span.s")).count();
        assert_eq!(cells[1], sentences.to_string(), "{href}: sentence count");
        let speakers = page.select(&select("table.speakers tbody tr")).count();
        assert_eq!(cells[2], speakers.to_string(), "{href}: speaker count");
    }
    assert!(Path::new(&out.join("sub dir/b #2.txt.html")).exists());
}

/// Pages of a corpus whose ids need escaping or collide, one of them with
/// the index's own name: every page is linked and none is overwritten.
#[test]
fn index_links_planned_names_and_keeps_its_own() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("out");
    let text = fs::read_to_string("fixtures/reports/16_youth_workshop.txt").unwrap();
    let doc = |id: &str| serde_json::json!({"id": id, "text": text}).to_string();
    let ids = ["index", "a/b:c", "dup", "dup", "Index.html"];
    let corpus: String = ids.iter().map(|id| doc(id) + "\n").collect();
    let o = whosaid()
        .args(["--input", "jsonl", "--format", "html", "--out-dir", out.to_str().unwrap()])
        .write_stdin(corpus)
        .output()
        .unwrap();
    assert!(o.status.success() && o.stdout.is_empty());
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("and the index of pages both map to"), "{err}");
    assert!(err.contains("5 inputs, 5 files written"), "{err}");
    let mut files: Vec<String> =
        fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    files.sort();
    let expected = ["Index.html.html", "a%2Fb%3Ac.html", "dup.html", "dup~2.html", "index.html", "index~2.html"];
    assert_eq!(files, expected);
    let index = Html::parse_document(&fs::read_to_string(out.join("index.html")).unwrap());
    let links: Vec<(String, String)> = index
        .select(&select("tbody tr"))
        .map(|row| {
            let a = row.select(&select("a")).next().unwrap();
            (a.text().collect(), a.attr("href").unwrap().to_string())
        })
        .collect();
    let sources: Vec<&str> = links.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(sources, ids, "a row per report, in input order");
    for (source, href) in &links {
        let file = out.join(String::from_utf8(whosaid::outdir::unescape(href)).unwrap());
        assert_ne!(file, out.join("index.html"), "{source} links a page, not the index");
        let page = fs::read_to_string(&file).unwrap_or_else(|_| panic!("{source}: {href} links a file"));
        assert!(Html::parse_document(&page).select(&select("article span.s")).next().is_some(), "{source}");
    }
}
