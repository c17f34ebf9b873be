//! `--format html`: a page a person reads to check whosaid's decisions.
//!
//! Each report is a `<section>`: its text in paragraphs, every sentence
//! tinted with its speaker's colour and marked with how it was decided
//! (a letter; pronoun and continuation, the weaker cues, striped), the
//! evidence in the `title` tooltip, topic keywords underlined; beside it the
//! speaker table, a bar chart of each speaker's share of words (inline SVG)
//! and a speaker × topic grid. CSS is inline, there is no script, nothing is
//! fetched: the file can be mailed or archived as it is.
//!
//! Every piece of report text goes through [`Esc`], so a report containing
//! `<script>` shows it as text. Colours come from `src/data/palette.txt`
//! (distinct for the first speakers); later speakers get generated tints
//! that stay light enough for dark text.

use std::collections::HashMap;
use std::fmt::{self, Display, Write as _};
use std::io::{self, Write};
use std::path::Path;

use crate::report::{Report, SentenceReport};

/// Everything before the first report.
pub const HEAD: &str = concat!(
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
    "<title>whosaid</title>\n<style>\n",
    include_str!("html.css"),
    "</style>\n</head>\n<body>\n"
);

/// Everything after the last report.
pub const TAIL: &str = "</body>\n</html>\n";

/// The speaker palette: one HSL tint per line.
const PALETTE: &str = include_str!("../data/palette.txt");

/// How each attribution is marked in the text, in legend order.
const MARKS: &[(&str, &str)] =
    &[("explicit", "E"), ("alias", "A"), ("role", "R"), ("pronoun", "P"), ("continuation", "C")];

/// Text escaped for HTML content and quoted attribute values.
pub struct Esc<'a>(pub &'a str);

impl Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(i) = rest.find(['&', '<', '>', '"', '\'']) {
            f.write_str(&rest[..i])?;
            f.write_str(match rest.as_bytes()[i] {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                _ => "&#39;",
            })?;
            rest = &rest[i + 1..];
        }
        f.write_str(rest)
    }
}

/// A colour as hue (degrees), saturation and lightness (%).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hsl(pub f64, pub f64, pub f64);

impl Display for Hsl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "hsl({:.0},{:.0}%,{:.0}%)", self.0, self.1, self.2)
    }
}

/// The palette's tints.
fn palette() -> Vec<Hsl> {
    PALETTE
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let v: Vec<f64> = l.split_whitespace().filter_map(|x| x.parse().ok()).collect();
            (v.len() == 3).then(|| Hsl(v[0], v[1], v[2]))
        })
        .collect()
}

/// The tint behind speaker `i`'s sentences and the darker ink of its bar
/// and marks. Past the palette, hues step by the golden angle and the tint
/// stays light.
pub fn speaker_colour(palette: &[Hsl], i: usize) -> (Hsl, Hsl) {
    let tint = palette.get(i).copied().unwrap_or_else(|| {
        let k = (i - palette.len()) as f64;
        Hsl((k * 137.508 + 15.0) % 360.0, 65.0, if i.is_multiple_of(2) { 80.0 } else { 87.0 })
    });
    (tint, Hsl(tint.0, tint.1, 38.0))
}

/// One written page, for the folder index.
#[derive(Debug, Clone)]
pub struct IndexEntry {
    /// The page, relative to the index.
    pub page: std::path::PathBuf,
    /// The report it shows.
    pub source: String,
    /// Its sentences.
    pub sentences: usize,
    /// Its speakers.
    pub speakers: usize,
}

/// The body of `index.html`: a table linking every page, with its counts.
pub fn index_body(entries: &[IndexEntry]) -> Vec<u8> {
    let mut h = String::new();
    let (sentences, speakers) = entries.iter().fold((0, 0), |(a, b), e| (a + e.sentences, b + e.speakers));
    let _ = write!(
        h,
        "<section class=\"index\">\n<h1>whosaid: {} reports</h1>\n<p class=\"meta\">{sentences} sentences · {speakers} speakers</p>\n\
         <table>\n<thead><tr><th>report</th><th class=\"n\">sentences</th><th class=\"n\">speakers</th></tr></thead>\n<tbody>\n",
        entries.len()
    );
    for e in entries {
        let _ = writeln!(
            h,
            "<tr><td><a href=\"{}\">{}</a></td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            Esc(&href(&e.page)),
            Esc(&e.source),
            e.sentences,
            e.speakers
        );
    }
    h.push_str("</tbody>\n</table>\n</section>\n");
    h.into_bytes()
}

/// A relative path as a URL path: `/` between parts, every byte but the
/// unreserved ones percent-encoded (a file may be called `a#b?.html`).
pub fn href(rel: &Path) -> String {
    let mut out = String::new();
    for (i, part) in rel.iter().enumerate() {
        if i > 0 {
            out.push('/');
        }
        for &b in part.to_string_lossy().as_bytes() {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
                out.push(b as char);
            } else {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

/// Writes one report as a `<section>` (the page's head and tail are the writer's).
pub fn write_report<W: Write>(out: &mut W, r: &Report) -> io::Result<()> {
    let mut h = String::with_capacity(r.bytes * 4 + 4096);
    // writing into a String cannot fail
    let _ = render(&mut h, r);
    out.write_all(h.as_bytes())
}

fn render(h: &mut String, r: &Report) -> fmt::Result {
    let palette = palette();
    let colours: Vec<(Hsl, Hsl)> = (0..r.speakers.len()).map(|i| speaker_colour(&palette, i)).collect();
    let by_name: HashMap<&str, usize> = r.speakers.iter().enumerate().map(|(i, s)| (&*s.name, i)).collect();
    let attributed = r.sentences.iter().filter(|s| s.speaker.is_some()).count();
    writeln!(h, "<section class=\"report\">\n<header>\n<h1>{}</h1>", Esc(&r.source))?;
    writeln!(
        h,
        "<p class=\"meta\">{} sentences · {} speakers · {} sentences attributed</p>",
        r.sentences.len(),
        r.speakers.len(),
        attributed
    )?;
    h.push_str("<p class=\"legend\">How each speaker was decided:");
    for (how, mark) in MARKS {
        write!(h, " <span class=\"how\">{mark}</span> {how}")?;
    }
    h.push_str(" (striped: the weaker cues). Hover a sentence for its evidence; underlined words are topic keywords.</p>\n</header>\n");
    h.push_str("<div class=\"cols\">\n<article class=\"text\">\n");
    let mut paragraph = None;
    for s in &r.sentences {
        if paragraph != Some(s.paragraph) {
            if paragraph.is_some() {
                h.push_str("</p>\n");
            }
            h.push_str("<p>");
            paragraph = Some(s.paragraph);
        } else {
            h.push(' ');
        }
        sentence(h, s, s.speaker.as_deref().and_then(|n| by_name.get(n)).map(|&i| colours[i]))?;
    }
    if paragraph.is_some() {
        h.push_str("</p>\n");
    }
    h.push_str("</article>\n<aside>\n");
    speaker_table(h, r, &colours)?;
    bars(h, r, &colours)?;
    grid(h, r, &by_name, &colours)?;
    h.push_str("</aside>\n</div>\n</section>\n");
    Ok(())
}

/// One sentence: a tinted span with its mark and tooltip, keywords underlined.
fn sentence(h: &mut String, s: &SentenceReport, colour: Option<(Hsl, Hsl)>) -> fmt::Result {
    let layout = super::layout_name(s.layout);
    write!(h, "<span class=\"s {} {layout}\"", s.attribution)?;
    if let Some((tint, ink)) = colour {
        write!(h, " style=\"--t:{tint};--k:{ink}\"")?;
    }
    let mut tip = match &s.speaker {
        Some(name) => format!("{name} · {}", s.attribution),
        None => "no speaker".to_string(),
    };
    if s.speakers.len() > 1 {
        let all: Vec<&str> = s.speakers.iter().map(|n| &**n).collect();
        let _ = write!(tip, "\njointly: {}", all.join(", "));
    }
    if let Some(e) = &s.evidence {
        let _ = write!(tip, "\nevidence: “{}” (bytes {}–{})", e.text, e.start, e.end);
    }
    if let Some(o) = &s.other_source {
        let _ = write!(tip, "\nsource: {} ({})", o.text, o.kind);
    }
    if !s.topics.is_empty() {
        let _ = write!(tip, "\ntopics: {}", s.topics.join(", "));
    }
    write!(h, " title=\"{}\">", Esc(&tip))?;
    // keyword spans, in order, without overlaps
    let mut hits: Vec<_> = s.topic_matches.iter().collect();
    hits.sort_by_key(|m| (m.start, m.end));
    let mut at = 0;
    for m in hits {
        if m.start < s.start + at || m.end > s.end {
            continue;
        }
        let (a, b) = (m.start - s.start, m.end - s.start);
        let (Some(before), Some(word)) = (s.text.get(at..a), s.text.get(a..b)) else {
            continue;
        };
        let tip = format!("topic: {} (keyword: {})", m.topic, m.keyword);
        write!(h, "{}<u class=\"kw\" title=\"{}\">{}</u>", Esc(before), Esc(&tip), Esc(word))?;
        at = b;
    }
    write!(h, "{}", Esc(&s.text[at..]))?;
    if let Some((_, mark)) = MARKS.iter().find(|(how, _)| *how == s.attribution) {
        write!(h, "<sup class=\"how\">{mark}</sup>")?;
    }
    h.push_str("</span>");
    Ok(())
}

fn speaker_table(h: &mut String, r: &Report, colours: &[(Hsl, Hsl)]) -> fmt::Result {
    h.push_str("<h2>Speakers</h2>\n");
    if r.speakers.is_empty() {
        h.push_str("<p class=\"meta\">No speaker was introduced by name.</p>\n");
        return Ok(());
    }
    // the descriptive columns, shown when some speaker has a value
    type Field = for<'a> fn(&'a crate::report::SpeakerReport<'_>) -> Option<&'a str>;
    let fields: [(&str, Field); 4] = [
        ("honorific", |s| s.honorific.as_deref()),
        ("title", |s| s.title.as_deref()),
        ("organisation", |s| s.organization.as_deref()),
        ("role", |s| s.role),
    ];
    let shown: Vec<_> = fields.iter().filter(|(_, f)| r.speakers.iter().any(|s| f(s).is_some())).collect();
    h.push_str("<div class=\"scroll\"><table class=\"speakers\">\n<thead><tr><th></th><th>name</th>");
    for (name, _) in &shown {
        write!(h, "<th>{name}</th>")?;
    }
    h.push_str("<th class=\"n\">sentences</th><th class=\"n\">share</th></tr></thead>\n<tbody>\n");
    for (s, (tint, ink)) in r.speakers.iter().zip(colours) {
        write!(h, "<tr><td><span class=\"sw\" style=\"--t:{tint};--k:{ink}\"></span></td><td>{}</td>", Esc(&s.name))?;
        for (_, f) in &shown {
            write!(h, "<td>{}</td>", Esc(f(s).unwrap_or("")))?;
        }
        writeln!(h, "<td class=\"n\">{}</td><td class=\"n\">{:.1}%</td></tr>", s.sentences, s.share * 100.0)?;
    }
    h.push_str("</tbody>\n</table></div>\n");
    Ok(())
}

/// Each speaker's share of the report's words, as horizontal bars scaled to the largest.
fn bars(h: &mut String, r: &Report, colours: &[(Hsl, Hsl)]) -> fmt::Result {
    if r.speakers.is_empty() {
        return Ok(());
    }
    const ROW: usize = 22;
    const LABEL: f64 = 150.0;
    const BAR: f64 = 230.0;
    let height = r.speakers.len() * ROW + 4;
    let max = r.speakers.iter().map(|s| s.share).fold(0.0, f64::max);
    h.push_str("<h2>Share of words</h2>\n");
    writeln!(
        h,
        "<svg class=\"bars\" xmlns=\"http://www.w3.org/2000/svg\" width=\"440\" height=\"{height}\" viewBox=\"0 0 440 {height}\" \
         role=\"img\" aria-label=\"share of words by speaker\">"
    )?;
    for (i, (s, (_, ink))) in r.speakers.iter().zip(colours).enumerate() {
        let y = i * ROW;
        let w = if max > 0.0 { (s.share / max * BAR).max(1.0) } else { 1.0 };
        let name: String = s.name.chars().take(22).collect();
        let name = if name.len() < s.name.len() { format!("{name}…") } else { name };
        writeln!(
            h,
            "<g><title>{}: {:.1}% of words</title><text x=\"0\" y=\"{}\">{}</text>\
             <rect x=\"{LABEL}\" y=\"{}\" width=\"{w:.1}\" height=\"14\" rx=\"2\" fill=\"{ink}\"/>\
             <text x=\"{:.1}\" y=\"{}\">{:.1}%</text></g>",
            Esc(&s.name),
            s.share * 100.0,
            y + 15,
            Esc(&name),
            y + 4,
            LABEL + w + 4.0,
            y + 15,
            s.share * 100.0
        )?;
    }
    h.push_str("</svg>\n");
    Ok(())
}

/// Speakers as rows, topics as columns, sentence counts shaded by size;
/// a last row for the tagged sentences of no speaker.
fn grid(h: &mut String, r: &Report, by_name: &HashMap<&str, usize>, colours: &[(Hsl, Hsl)]) -> fmt::Result {
    if r.topics.is_empty() || r.speakers.is_empty() {
        return Ok(());
    }
    let mut counts = vec![vec![0usize; r.topics.len()]; r.speakers.len()];
    for (t, topic) in r.topics.iter().enumerate() {
        for (name, n) in &topic.speakers {
            if let Some(&s) = by_name.get(&**name) {
                counts[s][t] = *n;
            }
        }
    }
    let max = counts.iter().flatten().copied().max().unwrap_or(0).max(1);
    h.push_str("<h2>Speaker × topic</h2>\n<div class=\"scroll\"><table class=\"grid\">\n<thead><tr><th></th>");
    for t in &r.topics {
        write!(h, "<th class=\"topic\" title=\"{}\">{}</th>", Esc(t.id), Esc(t.label))?;
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for ((s, row), (tint, ink)) in r.speakers.iter().zip(&counts).zip(colours) {
        write!(h, "<tr><th><span class=\"sw\" style=\"--t:{tint};--k:{ink}\"></span> {}</th>", Esc(&s.name))?;
        for &n in row {
            if n == 0 {
                h.push_str("<td class=\"n\"></td>");
            } else {
                let alpha = 0.15 + 0.6 * n as f64 / max as f64;
                write!(h, "<td class=\"n\" style=\"background:hsla(210,70%,50%,{alpha:.2})\">{n}</td>")?;
            }
        }
        h.push_str("</tr>\n");
    }
    // tagged sentences that belong to no speaker, so that no column is unexplained
    if r.topics.iter().any(|t| t.unattributed > 0) {
        h.push_str("<tr><th class=\"none\">no speaker</th>");
        for t in &r.topics {
            match t.unattributed {
                0 => h.push_str("<td class=\"n\"></td>"),
                n => write!(h, "<td class=\"n\">{n}</td>")?,
            }
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table></div>\n");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// sRGB channels (0–1) of an HSL colour.
    fn rgb(c: Hsl) -> [f64; 3] {
        let (h, s, l) = (c.0 / 360.0, c.1 / 100.0, c.2 / 100.0);
        let q = if l < 0.5 { l * (1.0 + s) } else { l + s - l * s };
        let p = 2.0 * l - q;
        let f = |t: f64| {
            let t = t.rem_euclid(1.0);
            if t < 1.0 / 6.0 {
                p + (q - p) * 6.0 * t
            } else if t < 0.5 {
                q
            } else if t < 2.0 / 3.0 {
                p + (q - p) * (2.0 / 3.0 - t) * 6.0
            } else {
                p
            }
        };
        [f(h + 1.0 / 3.0), f(h), f(h - 1.0 / 3.0)]
    }

    fn linear(c: f64) -> f64 {
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }

    fn luminance(c: [f64; 3]) -> f64 {
        0.2126 * linear(c[0]) + 0.7152 * linear(c[1]) + 0.0722 * linear(c[2])
    }

    /// CIE L*a*b* (D65).
    fn lab(c: [f64; 3]) -> [f64; 3] {
        let [r, g, b] = c.map(linear);
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        let f = |t: f64| if t > 0.008856 { t.cbrt() } else { 7.787 * t + 16.0 / 116.0 };
        [116.0 * f(y) - 16.0, 500.0 * (f(x) - f(y)), 200.0 * (f(y) - f(z))]
    }

    /// Contrast of the page's text colour (#1a1a1a) on `c`.
    fn contrast(c: Hsl) -> f64 {
        let text = luminance([0x1a as f64 / 255.0; 3]);
        (luminance(rgb(c)) + 0.05) / (text + 0.05)
    }

    #[test]
    fn palette_is_distinct_and_readable() {
        let p = palette();
        assert_eq!(p.len(), 12, "the palette file has 12 colours");
        for i in 0..40 {
            let (tint, _) = speaker_colour(&p, i);
            assert!(contrast(tint) >= 7.0, "speaker {i}: text on {tint} has contrast {:.1}", contrast(tint));
        }
        for i in 0..p.len() {
            for j in i + 1..p.len() {
                let (a, b) = (lab(rgb(p[i])), lab(rgb(p[j])));
                let d = ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt();
                assert!(d > 10.0, "speakers {i} and {j} look alike ({} vs {}, ΔE {d:.1})", p[i], p[j]);
            }
        }
        // counter-case: the test's measure does tell close colours apart
        assert!(contrast(Hsl(0.0, 0.0, 30.0)) < 7.0);
    }

    #[test]
    fn escaping() {
        for (name, input, expected) in [
            ("plain", "Lena Varga", "Lena Varga"),
            ("tags", "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
            ("attribute quotes", "a \"b\" 'c'", "a &quot;b&quot; &#39;c&#39;"),
            ("ampersand first", "&lt;", "&amp;lt;"),
            ("multibyte kept", "Tomás → “x”", "Tomás → “x”"),
        ] {
            assert_eq!(Esc(input).to_string(), expected, "{name}");
        }
    }

    #[test]
    fn hrefs() {
        for (name, input, expected) in [
            ("plain", "a/b.html", "a/b.html"),
            ("space and hash", "my report #2.html", "my%20report%20%232.html"),
            ("non-ASCII", "é.html", "%C3%A9.html"),
            ("an --out-dir escape stays a file name", "a%2Fb.txt.html", "a%252Fb.txt.html"),
        ] {
            assert_eq!(href(Path::new(input)), expected, "{name}");
        }
    }
}
