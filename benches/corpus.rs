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

/// One report of roughly 2–6 KB.
fn report(r: &mut Lcg, n: usize, out: &mut String) {
    use std::fmt::Write;
    let _ = write!(
        out,
        "Session {n}: digital cooperation and security\n\n{} Nov 2021 10:00h - 11:30h\n\nEvent report\n\n",
        1 + r.next() % 28
    );
    let speakers = 2 + r.next() % 4;
    for _ in 0..speakers {
        let (hon, first) = *r.pick(FIRST);
        let last = *r.pick(LAST);
        let pron = if matches!(hon, "Ms" | "Ms." | "Mrs") { "She" } else { "He" };
        let _ = write!(out, "{hon} {first} {last} ({}) {} that {}. ", r.pick(TITLES), r.pick(VERBS), r.pick(CLAUSES));
        for _ in 0..(1 + r.next() % 3) {
            let _ = write!(out, "{pron} {} that {}. ", r.pick(VERBS), r.pick(CLAUSES));
        }
        let _ = write!(out, "{} ", r.pick(CONTINUATIONS));
        let surname = last.rsplit(' ').next().unwrap_or(last);
        let _ = write!(out, "\n\n{surname} also {} that {}. ", r.pick(VERBS), r.pick(CLAUSES));
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

/// `count` separate reports, made one at a time (a large corpus is never held whole).
pub fn reports(count: usize) -> impl Iterator<Item = String> {
    let mut r = Lcg(7);
    (0..count).map(move |n| {
        let mut s = String::new();
        report(&mut r, n, &mut s);
        s
    })
}
