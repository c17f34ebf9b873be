//! A deterministic generator of report-like English text for benchmarks:
//! titles, date lines, speakers introduced with honorifics and descriptors,
//! surname, pronoun and continuation sentences, abbreviations and topic words.
//! The same seed always gives the same text.

#![allow(dead_code)]

const FIRST: &[(&str, &str)] = &[
    ("Ms", "Lena"),
    ("Mr", "Omar"),
    ("Dr", "Mei"),
    ("Ms", "Ingrid"),
    ("Mr", "Kwame"),
    ("Prof.", "Ana"),
    ("Mr.", "Jonas"),
    ("Ms.", "Priya"),
    ("H.E. Mr.", "Rashid"),
    ("Amb.", "Sophie"),
    ("Mrs", "Evelyn"),
    ("Dr.", "Viktor"),
];
const LAST: &[&str] = &[
    "Varga",
    "Haddad",
    "Tan",
    "Solberg",
    "Asante",
    "Ribeiro",
    "Berg",
    "Nair",
    "Al-Mansoori",
    "Lefebvre",
    "Osei",
    "Novak",
    "van der Berg",
    "Ruiz Pardo",
    "Öztürk",
    "Kowalczyk",
];
const TITLES: &[&str] = &[
    "Head of Policy, Northwind Foundation",
    "Director, Civic Lab",
    "Senior Counsel, Harbor Bank",
    "Special Envoy on Technology",
    "Chief Economist, Meridian Institute",
    "Programme Lead, Open Spectrum Alliance",
    "Researcher, Delft Institute of Technology",
    "Permanent Representative to the U.N. in Geneva",
];
const VERBS: &[&str] =
    &["said", "stressed", "noted", "argued", "warned", "explained", "added", "pointed out", "highlighted", "recalled"];
const CLAUSES: &[&str] = &[
    "cyber-attacks on hospitals have become more frequent since the pandemic",
    "capacity building must come before new commitments in the U.N. process",
    "privacy and data protection rules differ widely across regions, e.g. in Africa and Asia",
    "the digital divide is widening in rural areas without broadband",
    "human rights apply online as they do offline",
    "artificial intelligence will change the future of work by 2030",
    "confidence-building measures need points of contact in every state",
    "critical infrastructure operators should share threat information at 9 a.m. each day",
    "multistakeholder consultations give civil society a real voice",
    "encryption protects journalists and human rights defenders",
    "the OEWG and the GGE have produced 11 norms of responsible state behaviour",
    "content moderation at scale still fails in smaller languages",
];
const CONTINUATIONS: &[&str] = &[
    "Furthermore, the costs of inaction are rising.",
    "This requires sustained funding of 3.5 million dollars a year.",
    "Another problem is that people rotate regularly in their roles.",
    "In addition, regional organisations can help smaller states.",
];

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.next() % v.len()]
    }
}

/// Syllables of the made-up surnames of [`corpus_with_speakers`].
const SYLLABLES: &[&str] = &["ka", "ro", "vel", "min", "do", "sa", "tu", "len", "bra", "nik", "os", "ter"];

/// The `i`-th made-up surname: `i` in base 12, a syllable per digit, so
/// every index gives a different name (`Karovel`, `Minsados` …).
fn surname(i: usize) -> String {
    let mut s = String::new();
    let mut n = i;
    for _ in 0..4 {
        s.push_str(SYLLABLES[n % SYLLABLES.len()]);
        n /= SYLLABLES.len();
    }
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// A spelling one letter off (two inner letters swapped): `Karovel` → `Kraovel`.
fn misspelt(w: &str) -> String {
    let mut b: Vec<char> = w.chars().collect();
    if b.len() > 3 {
        b.swap(1, 2);
    }
    b.into_iter().collect()
}

/// Who a report may introduce: the fixed name lists, or a pool of made-up ones.
enum Pool {
    Lists,
    /// (honorific, given name, surname) of every speaker.
    Made(Vec<(&'static str, &'static str, String)>),
}

/// One report of roughly 2–6 KB.
fn report(r: &mut Lcg, n: usize, out: &mut String) {
    report_from(r, n, out, &Pool::Lists);
}

/// One report of roughly 2–6 KB, its speakers drawn from `pool`.
fn report_from(r: &mut Lcg, n: usize, out: &mut String, pool: &Pool) {
    use std::fmt::Write;
    let _ = write!(
        out,
        "Session {n}: digital cooperation and security\n\n{} Nov 2021 10:00h - 11:30h\n\nEvent report\n\n",
        1 + r.next() % 28
    );
    let speakers = 2 + r.next() % 4;
    for _ in 0..speakers {
        let (hon, first, last) = match pool {
            Pool::Lists => {
                let (hon, first) = *r.pick(FIRST);
                (hon, first, *r.pick(LAST))
            }
            Pool::Made(v) => {
                let (hon, first, last) = r.pick(v);
                (*hon, *first, last.as_str())
            }
        };
        let pron = if matches!(hon, "Ms" | "Ms." | "Mrs") { "She" } else { "He" };
        let _ = write!(out, "{hon} {first} {last} ({}) {} that {}. ", r.pick(TITLES), r.pick(VERBS), r.pick(CLAUSES));
        for _ in 0..(1 + r.next() % 3) {
            let _ = write!(out, "{pron} {} that {}. ", r.pick(VERBS), r.pick(CLAUSES));
        }
        let _ = write!(out, "{} ", r.pick(CONTINUATIONS));
        let surname = last.rsplit(' ').next().unwrap_or(last);
        // a made-up pool also misspells a surname now and then: the fuzzy alias look-up
        let also = match pool {
            Pool::Made(_) if r.next().is_multiple_of(4) => misspelt(surname),
            _ => surname.to_string(),
        };
        let _ = write!(out, "\n\n{also} also {} that {}. ", r.pick(VERBS), r.pick(CLAUSES));
        let _ = write!(out, "According to {surname}, {}.\n\n", r.pick(CLAUSES));
    }
    out.push_str("The final remarks touched upon the need for more interregional dialogue.\n\n\n");
}

/// About `bytes` bytes of report-like text (whole reports).
pub fn corpus(bytes: usize) -> String {
    let mut r = Lcg(42);
    let mut out = String::with_capacity(bytes + 8192);
    let mut n = 0;
    while out.len() < bytes {
        report(&mut r, n, &mut out);
        n += 1;
    }
    out
}

/// About `bytes` bytes of one report-like text whose speakers come from a
/// pool of `speakers` distinct made-up names (so the speaker table grows to
/// about that size), with an occasional misspelt surname.
pub fn corpus_with_speakers(bytes: usize, speakers: usize) -> String {
    let pool = Pool::Made(
        (0..speakers)
            .map(|i| {
                let (hon, first) = FIRST[i % FIRST.len()];
                (hon, first, surname(i))
            })
            .collect(),
    );
    let mut r = Lcg(42);
    let mut out = String::with_capacity(bytes + 8192);
    let mut n = 0;
    while out.len() < bytes {
        report_from(&mut r, n, &mut out, &pool);
        n += 1;
    }
    out
}

/// `count` separate reports, made one at a time (a large corpus is never held whole).
pub fn reports(count: usize) -> impl Iterator<Item = String> {
    let mut r = Lcg(7);
    (0..count).map(move |n| {
        let mut s = String::new();
        report(&mut r, n, &mut s);
        s
    })
}
