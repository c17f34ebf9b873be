//! The real seed report against its gold file (`../shared/examples/`), when
//! present: every gold segment exactly, every attribution, the speaker table
//! with titles, and the topic tags of its key sentences. Skipped (with a
//! message) where `../shared` is absent.

use std::path::PathBuf;

use whosaid::Analyzer;

fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/examples");
    p.join("gold/seed.json").exists().then_some(p)
}

#[test]
fn seed_matches_gold() {
    let Some(dir) = shared() else {
        eprintln!("../shared/examples not found; skipped");
        return;
    };
    let text = std::fs::read_to_string(dir.join("seed.txt")).unwrap();
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("gold/seed.json")).unwrap()).unwrap();
    let analyzer = Analyzer::default();
    let r = analyzer.analyze("seed.txt", &text);

    let mut misses = Vec::new();
    for g in gold["segments"].as_array().unwrap() {
        let (s, e) = (g["start"].as_u64().unwrap() as usize, g["end"].as_u64().unwrap() as usize);
        let want: Vec<&str> = g["speakers"].as_array().unwrap().iter().map(|x| x.as_str().unwrap()).collect();
        match r.sentences.iter().find(|x| x.start == s && x.end == e) {
            None => misses.push(format!("no sentence at {s}..{e}: {}", g["head"])),
            Some(x) => {
                let got: Vec<&str> = x.speakers.iter().map(|n| &**n).collect();
                if got != want {
                    misses.push(format!("{}: got {got:?}, want {want:?}", g["head"]));
                }
            }
        }
    }
    assert_eq!(r.sentences.len(), gold["segments"].as_array().unwrap().len(), "sentence count");
    for g in gold["speakers"].as_array().unwrap() {
        let name = g["name"].as_str().unwrap();
        match r.speakers.iter().find(|s| &*s.name == name) {
            None => misses.push(format!("speaker {name} missing")),
            Some(s) => {
                if s.honorific.as_deref() != g["honorific"].as_str() || s.title.as_deref() != g["title"].as_str() {
                    misses.push(format!("speaker {name}: {:?} / {:?}", s.honorific, s.title));
                }
            }
        }
    }
    assert_eq!(r.speakers.len(), gold["speakers"].as_array().unwrap().len(), "no extra speakers");
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}

#[test]
fn seed_topics() {
    let Some(dir) = shared() else {
        return;
    };
    let text = std::fs::read_to_string(dir.join("seed.txt")).unwrap();
    let analyzer = Analyzer::default();
    let r = analyzer.analyze("seed.txt", &text);
    let topics_of = |needle: &str| -> Vec<&str> {
        r.sentences.iter().find(|s| s.text.contains(needle)).unwrap_or_else(|| panic!("{needle}")).topics.clone()
    };
    for (needle, want) in [
        ("cyber-attacks, Ms Kaja Ciglic", &["cybersecurity", "critical-infrastructure"][..]),
        ("recent attacks on hospitals", &["critical-infrastructure"]),
        ("connect the technical community and the human rights community", &["human-rights"]),
        ("technical capacity building", &["capacity-development"]),
        ("accreditation to participate in OEWG consultations", &["un-processes"]),
        ("Group of Governmental Experts (GGE)", &["un-processes"]),
        ("interregional dialogues on cybersecurity", &["cybersecurity"]),
    ] {
        let got = topics_of(needle);
        for w in want {
            assert!(got.contains(w), "{needle:?}: {got:?} lacks {w}");
        }
    }
}
