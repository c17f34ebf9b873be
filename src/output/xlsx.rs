//! `--format xlsx`: one workbook for the whole run, a sheet per table.
//!
//! The sheets are `Sentences`, `Speakers` and `Topics` (the CSV levels, same
//! columns) and `Speaker × topic` (sentence counts, speakers as rows). Rows
//! arrive as the text cells the CSV writer makes, so a sheet and the CSV of
//! the same run hold the same values; the columns named in [`STYLES`] are
//! stored as numbers or percentages, every other cell with `write_string`, so
//! no text from a report is ever read as a formula.
//!
//! Memory stays bounded: every sheet is a constant-memory worksheet (its rows
//! go to a temporary file as they are written), and the matrix rows wait in a
//! temporary file until the run is over and the topic columns are known.
//!
//! Excel's limits are met by continuing, not by failing: a sheet that reaches
//! 1,048,576 rows goes on in `Sentences (2)`, `Sentences (3)` … with the same
//! header, and a cell longer than 32,767 characters is cut, ending with a
//! marker that says how long it was (the whole text is in the CSV and JSON).
//!
//! Printed, a sheet is landscape, one page wide, its header on every page.
//!
//! In a parallel batch, workers cannot share the workbook: they render their
//! rows as [`Book::encode`] records (CSV with the table first), which the
//! writing thread hands to [`Book::decode`].

use std::borrow::Cow;
use std::io::{self, Seek, Write};

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::{SENTENCE_COLUMNS, SPEAKER_COLUMNS, TOPIC_COLUMNS};

/// Which sheet a row belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Table {
    /// A row of the sentence level.
    Sentences,
    /// A row of the speaker level.
    Speakers,
    /// A row of the topic level.
    Topics,
    /// `source, speaker`, then `topic id, label, count` for each of the speaker's topics.
    Matrix,
}

impl Table {
    const ALL: [Table; 4] = [Table::Sentences, Table::Speakers, Table::Topics, Table::Matrix];

    /// The tag of an encoded record.
    fn tag(self) -> &'static str {
        match self {
            Table::Sentences => "s",
            Table::Speakers => "p",
            Table::Topics => "t",
            Table::Matrix => "m",
        }
    }
}

/// How a column's cells are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A string on one line.
    Text,
    /// A string, wrapped.
    Wrap,
    /// A number (an empty cell stays empty).
    Number,
    /// A number shown as a percentage.
    Percent,
}

/// Column name → how it is stored and its width in characters. A name not
/// listed is short text.
const STYLES: &[(&str, Kind, f64)] = &[
    ("source", Kind::Text, 24.0),
    ("index", Kind::Number, 7.0),
    ("start", Kind::Number, 9.0),
    ("end", Kind::Number, 9.0),
    ("paragraph", Kind::Number, 10.0),
    ("speaker", Kind::Text, 20.0),
    ("speakers", Kind::Text, 20.0),
    ("attribution", Kind::Text, 12.0),
    ("evidence", Kind::Wrap, 24.0),
    ("evidence_start", Kind::Number, 13.0),
    ("evidence_end", Kind::Number, 13.0),
    ("other_source", Kind::Wrap, 20.0),
    ("topics", Kind::Wrap, 24.0),
    ("text", Kind::Wrap, 80.0),
    ("name", Kind::Text, 20.0),
    ("title", Kind::Wrap, 32.0),
    ("organization", Kind::Wrap, 24.0),
    ("aliases", Kind::Wrap, 28.0),
    ("sentences", Kind::Number, 10.0),
    ("words", Kind::Number, 8.0),
    ("score", Kind::Number, 8.0),
    ("share", Kind::Percent, 8.0),
    ("label", Kind::Text, 28.0),
];

fn style(name: &str) -> (Kind, f64) {
    STYLES.iter().find(|(n, ..)| *n == name).map_or((Kind::Text, 12.0), |&(_, k, w)| (k, w))
}

/// The sheet names, in workbook order.
pub(crate) const SHEETS: [&str; 4] = ["Sentences", "Speakers", "Topics", "Speaker × topic"];

/// Excel's limits: rows in a sheet, characters in a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Limits {
    /// Rows per sheet, header included.
    pub rows: u32,
    /// Characters per cell.
    pub chars: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { rows: 1_048_576, chars: 32_767 }
    }
}

/// Cuts `s` to `max` characters, ending with a marker that says how long it was.
fn fit(s: &str, max: usize) -> Cow<'_, str> {
    // a byte count at most `max` means at most `max` characters: no need to count
    if s.len() <= max {
        return Cow::Borrowed(s);
    }
    let n = s.chars().count();
    if n <= max {
        return Cow::Borrowed(s);
    }
    let marker = format!(" … [cut: {n} characters]");
    let keep = max.saturating_sub(marker.chars().count());
    let mut out: String = s.chars().take(keep).collect();
    out.push_str(&marker);
    Cow::Owned(out)
}

/// One table: its header and the worksheets it has filled so far.
struct Sheet {
    name: &'static str,
    columns: Vec<(String, Kind, f64)>,
    parts: Vec<Worksheet>,
    /// The next row of the last part.
    row: u32,
}

/// Cell formats shared by every sheet.
struct Formats {
    header: Format,
    wrap: Format,
    percent: Format,
}

/// The workbook of one run.
pub(crate) struct Book {
    workbook: Workbook,
    sheets: [Sheet; 4],
    formats: Formats,
    limits: Limits,
    /// Matrix rows (as [`Table::Matrix`] records), kept until the topic columns are known.
    spool: csv::Writer<std::fs::File>,
    /// Topic id and label of each matrix column, in order of first appearance.
    topics: Vec<(String, String)>,
}

fn io_err(e: XlsxError) -> io::Error {
    io::Error::other(e)
}

impl std::fmt::Debug for Book {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Book").field("limits", &self.limits).finish_non_exhaustive()
    }
}

impl Book {
    /// An empty workbook with Excel's limits.
    pub fn new() -> io::Result<Book> {
        Book::with_limits(Limits::default())
    }

    /// An empty workbook with other limits (tests reach them with little data).
    pub fn with_limits(limits: Limits) -> io::Result<Book> {
        let columns = |cols: &[&str]| cols.iter().map(|c| (c.to_string(), style(c).0, style(c).1)).collect();
        let matrix = vec![("source".to_string(), Kind::Text, 24.0), ("speaker".to_string(), Kind::Text, 22.0)];
        let sheet = |name, columns| Sheet { name, columns, parts: Vec::new(), row: 0 };
        let mut book = Book {
            workbook: Workbook::new(),
            sheets: [
                sheet(SHEETS[0], columns(SENTENCE_COLUMNS)),
                sheet(SHEETS[1], columns(SPEAKER_COLUMNS)),
                sheet(SHEETS[2], columns(TOPIC_COLUMNS)),
                sheet(SHEETS[3], matrix),
            ],
            formats: Formats {
                header: Format::new().set_bold(),
                wrap: Format::new().set_text_wrap(),
                percent: Format::new().set_num_format("0.0%"),
            },
            limits,
            spool: csv::WriterBuilder::new().flexible(true).has_headers(false).from_writer(tempfile::tempfile()?),
            topics: Vec::new(),
        };
        // the three level sheets exist even when the run has no rows
        for t in 0..3 {
            book.new_part(t)?;
        }
        Ok(book)
    }

    /// Starts another worksheet for table `t`: named, header bold and frozen, widths set.
    fn new_part(&mut self, t: usize) -> io::Result<()> {
        let mut ws = self.workbook.new_worksheet_with_constant_memory().map_err(io_err)?;
        let sheet = &mut self.sheets[t];
        let n = sheet.parts.len() + 1;
        let name = if n == 1 { sheet.name.to_string() } else { format!("{} ({n})", sheet.name) };
        ws.set_name(name).map_err(io_err)?;
        ws.set_freeze_panes(1, 0).map_err(io_err)?;
        // printed: landscape, one page wide, the header on every page
        ws.set_landscape().set_print_fit_to_pages(1, 0).set_print_gridlines(true);
        ws.set_repeat_rows(0, 0).map_err(io_err)?;
        for (c, (title, _, width)) in sheet.columns.iter().enumerate() {
            let c = col(c)?;
            ws.set_column_width(c, *width).map_err(io_err)?;
            ws.write_string_with_format(0, c, title, &self.formats.header).map_err(io_err)?;
        }
        sheet.parts.push(ws);
        sheet.row = 1;
        Ok(())
    }

    /// Writes one row of `table`, given as the CSV writer's text cells.
    pub fn row(&mut self, table: Table, cells: &[&str]) -> io::Result<()> {
        match table {
            Table::Matrix => {
                // `source, speaker, (id, label, count)*`: the ids become columns at the end
                for topic in cells.get(2..).unwrap_or_default().chunks(3) {
                    if let [id, label, _] = topic {
                        if !self.topics.iter().any(|(i, _)| i == id) {
                            self.topics.push((id.to_string(), label.to_string()));
                        }
                    }
                }
                self.spool.write_record(cells)?;
                Ok(())
            }
            _ => self.put(table as usize, cells.iter().map(|c| Cow::Borrowed(*c))),
        }
    }

    /// Writes one row of sheet `t`, starting another part at the row limit.
    fn put<'c>(&mut self, t: usize, cells: impl IntoIterator<Item = Cow<'c, str>>) -> io::Result<()> {
        if self.sheets[t].row >= self.limits.rows {
            self.new_part(t)?;
        }
        let (sheet, formats, max) = (&mut self.sheets[t], &self.formats, self.limits.chars);
        let row = sheet.row;
        let ws = sheet.parts.last_mut().expect("a sheet has a part once written to");
        let mut lines = 1;
        for (c, cell) in cells.into_iter().enumerate() {
            let (kind, width) = sheet.columns.get(c).map_or((Kind::Text, 0.0), |col| (col.1, col.2));
            if kind == Kind::Wrap {
                lines = lines.max(wrapped_lines(&cell, width));
            }
            let c = col(c)?;
            let number = match kind {
                Kind::Number | Kind::Percent if !cell.is_empty() => cell.parse::<f64>().ok(),
                _ => None,
            };
            let r = match (kind, number) {
                (_, None) if cell.is_empty() => continue,
                (Kind::Percent, Some(x)) => ws.write_number_with_format(row, c, x, &formats.percent),
                (_, Some(x)) => ws.write_number(row, c, x),
                (Kind::Wrap, None) => ws.write_string_with_format(row, c, fit(&cell, max), &formats.wrap),
                (_, None) => ws.write_string(row, c, fit(&cell, max)),
            };
            r.map_err(io_err)?;
        }
        // not every application sizes a wrapped row when it opens the file: say how tall it is
        if lines > 1 {
            ws.set_row_height(row, ROW_HEIGHT * lines.min(MAX_LINES) as f64).map_err(io_err)?;
        }
        sheet.row += 1;
        Ok(())
    }

    /// Encodes a row for [`Book::decode`]: a CSV record, the table's tag first.
    pub fn encode<W: Write>(out: &mut W, table: Table, cells: &[&str]) -> io::Result<()> {
        let mut w = csv::WriterBuilder::new().flexible(true).has_headers(false).from_writer(out);
        w.write_field(table.tag())?;
        w.write_record(cells)?;
        w.flush()
    }

    /// Writes the rows of a body made by [`Book::encode`].
    pub fn decode(&mut self, body: &[u8]) -> io::Result<()> {
        let mut rdr = csv::ReaderBuilder::new().flexible(true).has_headers(false).from_reader(body);
        let mut rec = csv::StringRecord::new();
        while rdr.read_record(&mut rec)? {
            let tag = rec.get(0).unwrap_or_default();
            let table = Table::ALL
                .into_iter()
                .find(|t| t.tag() == tag)
                .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, format!("unknown table tag {tag:?}")))?;
            let cells: Vec<&str> = rec.iter().skip(1).collect();
            self.row(table, &cells)?;
        }
        Ok(())
    }

    /// Writes the matrix sheet, closes every sheet (autofilter over its rows)
    /// and writes the workbook to `out`.
    pub fn save<W: Write>(mut self, out: &mut W) -> io::Result<()> {
        self.write_matrix()?;
        for sheet in &mut self.sheets {
            let last_col = col(sheet.columns.len() - 1)?;
            let parts = sheet.parts.len();
            for (i, ws) in sheet.parts.iter_mut().enumerate() {
                let last_row = if i + 1 == parts { sheet.row - 1 } else { self.limits.rows - 1 };
                ws.autofilter(0, 0, last_row, last_col).map_err(io_err)?;
            }
        }
        for sheet in &mut self.sheets {
            for ws in sheet.parts.drain(..) {
                self.workbook.push_worksheet(ws);
            }
        }
        // the zip goes to a temporary file first: the writer must be `Send`, and stdout's lock is not
        let mut tmp = tempfile::tempfile()?;
        self.workbook.save_to_writer(&mut tmp).map_err(io_err)?;
        tmp.rewind()?;
        io::copy(&mut tmp, out)?;
        Ok(())
    }

    /// The matrix: a column per topic that any speaker has, a row per speaker.
    fn write_matrix(&mut self) -> io::Result<()> {
        let t = Table::Matrix as usize;
        let topics = std::mem::take(&mut self.topics);
        self.sheets[t].columns.extend(topics.iter().map(|(_, label)| (label.clone(), Kind::Number, 12.0)));
        self.new_part(t)?;
        let spooled = std::mem::replace(&mut self.spool, csv::Writer::from_writer(tempfile::tempfile()?));
        let mut file = spooled.into_inner().map_err(|e| io::Error::other(e.to_string()))?;
        file.rewind()?;
        let mut rdr = csv::ReaderBuilder::new().flexible(true).has_headers(false).from_reader(io::BufReader::new(file));
        let mut rec = csv::StringRecord::new();
        let mut row: Vec<Cow<str>> = Vec::new();
        while rdr.read_record(&mut rec)? {
            row.clear();
            row.extend(rec.iter().take(2).map(|c| Cow::Owned(c.to_string())));
            row.resize(2 + topics.len(), Cow::Borrowed(""));
            for topic in rec.iter().skip(2).collect::<Vec<_>>().chunks(3) {
                if let [id, _, n] = topic {
                    if let Some(i) = topics.iter().position(|(t, _)| t == id) {
                        row[2 + i] = Cow::Owned(n.to_string());
                    }
                }
            }
            self.put(t, row.drain(..))?;
        }
        Ok(())
    }
}

/// Height of one line of text, in points.
const ROW_HEIGHT: f64 = 15.0;
/// A row grows to at most this many lines (Excel's rows stop at 409 points).
const MAX_LINES: usize = 20;

/// About how many lines `s` takes wrapped in a column `width` characters wide
/// (text averages narrower than the digit '0' a width counts).
fn wrapped_lines(s: &str, width: f64) -> usize {
    let per_line = (width * 1.15).max(1.0) as usize;
    s.split('\n').map(|l| l.chars().count().div_ceil(per_line).max(1)).sum()
}

fn col(c: usize) -> io::Result<u16> {
    u16::try_from(c).map_err(|_| io::Error::other("more columns than a worksheet holds"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_fit() {
        for (name, input, max, expected) in [
            ("short stays", "abc", 10, "abc"),
            ("exactly the limit stays", "abcdefghij", 10, "abcdefghij"),
            ("multibyte under the limit by characters stays", "ééééé", 5, "ééééé"),
            ("long is cut with its length", &"x".repeat(40), 30, "xxxxxxx … [cut: 40 characters]"),
        ] {
            let got = fit(input, max);
            assert_eq!(got, expected, "{name}");
            assert!(got.chars().count() <= max, "{name}");
        }
    }

    #[test]
    fn row_heights() {
        for (name, input, width, expected) in [
            ("empty is one line", "", 10.0, 1),
            ("fits", "short text", 10.0, 1),
            ("two lines of 11", &"x".repeat(22), 10.0, 2),
            ("one more wraps again", &"x".repeat(23), 10.0, 3),
            ("line breaks count", "a\nb\nc", 10.0, 3),
        ] {
            assert_eq!(wrapped_lines(input, width), expected, "{name}");
        }
    }

    #[test]
    fn styles() {
        for (name, column, expected) in [
            ("offsets are numbers", "start", Kind::Number),
            ("share is a percentage", "share", Kind::Percent),
            ("evidence is text", "evidence", Kind::Wrap),
            ("an unlisted column is text", "basket", Kind::Text),
        ] {
            assert_eq!(style(column).0, expected, "{name}");
        }
    }

    /// Rows past the limit go on in a second sheet with the same header;
    /// long cells are cut; the other sheets keep their order.
    #[test]
    fn limits_continue_on_another_sheet() {
        use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
        let mut book = Book::with_limits(Limits { rows: 4, chars: 40 }).unwrap();
        let long = "y".repeat(100);
        for i in 0..5 {
            let n = i.to_string();
            let text = if i == 4 { long.as_str() } else { "short" };
            let mut cells = vec!["r.txt", &n, "0", "5", "0", "text", "", "", "none", "", "", "", "", "", ""];
            cells.push(text);
            book.row(Table::Sentences, &cells).unwrap();
        }
        let mut bytes = Vec::new();
        book.save(&mut bytes).unwrap();
        let mut wb: Xlsx<_> = open_workbook_from_rs(io::Cursor::new(bytes)).unwrap();
        let names = wb.sheet_names();
        assert_eq!(names, ["Sentences", "Sentences (2)", "Speakers", "Topics", "Speaker × topic"]);
        let first = wb.worksheet_range("Sentences").unwrap();
        let second = wb.worksheet_range("Sentences (2)").unwrap();
        assert_eq!((first.height(), second.height()), (4, 3), "header + 3, header + 2");
        assert_eq!(second.get((0, 15)), Some(&Data::String("text".into())), "the header again");
        assert_eq!(second.get((2, 1)), Some(&Data::Float(4.0)), "numbers stay numbers");
        match second.get((2, 15)) {
            Some(Data::String(s)) => assert!(s.ends_with("[cut: 100 characters]") && s.chars().count() <= 40, "{s}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn encoded_rows_come_back() {
        let mut body = Vec::new();
        Book::encode(&mut body, Table::Topics, &["a.txt", "Ann", "ai", "AI, \"quoted\"\nlabel", "", "2"]).unwrap();
        Book::encode(&mut body, Table::Matrix, &["a.txt", "Ann", "ai", "AI", "2"]).unwrap();
        let mut book = Book::new().unwrap();
        book.decode(&body).unwrap();
        assert_eq!(book.sheets[2].row, 2);
        assert_eq!(book.topics, [("ai".to_string(), "AI".to_string())]);
        assert!(book.decode(b"z,1\n").is_err(), "an unknown tag is an error, not a dropped row");
    }
}
