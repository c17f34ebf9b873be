//! Closed word lists of the report genre: honorifics, title nouns, words that
//! build organisation names, reporting verbs, function words.
//!
//! These describe *constructions* (how a person is introduced and referred
//! to), never particular people. They are immutable sets built once.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// Gender cue carried by an honorific or a pronoun.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    /// he / his / him
    Male,
    /// she / her / hers
    Female,
}

fn set(words: &[&'static str]) -> HashSet<&'static str> {
    words.iter().copied().collect()
}

/// Honorifics (lowercase, without final period) with the gender they imply.
pub static HONORIFICS: LazyLock<HashMap<&'static str, Option<Gender>>> = LazyLock::new(|| {
    use Gender::*;
    let mut m = HashMap::default();
    for w in ["mr", "sir", "lord", "prince", "sheikh", "king", "messrs", "monsieur", "herr", "señor", "sr", "alhaji"] {
        m.insert(w, Some(Male));
    }
    for w in [
        "ms", "mrs", "miss", "dame", "lady", "princess", "queen", "madam", "madame", "mme", "mlle", "frau", "señora",
        "sra", "hajiya", "hajia", "alhaja", "datin",
    ] {
        m.insert(w, Some(Female));
    }
    for w in [
        "mx",
        "dr",
        "prof",
        "professor",
        "amb",
        "ambassador",
        "hon",
        "honourable",
        "honorable",
        "minister",
        "senator",
        "sen",
        "judge",
        "justice",
        "rev",
        "reverend",
        "gen",
        "general",
        "maj",
        "major",
        "col",
        "colonel",
        "capt",
        "captain",
        "lt",
        "lieutenant",
        "adm",
        "admiral",
        "brig",
        "brigadier",
        "cmdr",
        "commander",
        "councillor",
        "councilor",
        "cllr",
        "commissioner",
        "president",
        "rep",
        "deputy",
        "excellency",
        "h.e",
        "he",
        "chancellor",
        "mayor",
        "governor",
        "sheikha",
        "father",
        "sister",
        // Malaysian and Bruneian styles: "Datuk Seri", "Tun" ("Sri" is Sri Lanka's)
        "datuk",
        "dato",
        "seri",
        "tun",
        "engr",
    ] {
        m.insert(w, None);
    }
    m
});

/// Honorifics that may stand alone as a capitalised word without a period
/// and still need care: `He` is a pronoun, `General` an adjective.
pub fn honorific_needs_period(w: &str) -> bool {
    matches!(
        w,
        "he" | "general"
            | "major"
            | "sister"
            | "father"
            | "deputy"
            | "president"
            | "governor"
            | "mayor"
            | "chancellor"
            | "justice"
            | "commissioner"
            | "lieutenant"
            | "captain"
            | "commander"
            | "councillor"
            | "councilor"
            | "rep"
            | "sen"
    )
}

/// Nouns that head a job title or role: `Director`, `Chair`, `moderator`.
pub static TITLE_NOUNS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "adviser",
        "advisor",
        "advocate",
        "activist",
        "administrator",
        "ambassador",
        "analyst",
        "architect",
        "attaché",
        "attache",
        "auditor",
        "author",
        "campaigner",
        "ceo",
        "cfo",
        "chair",
        "chairman",
        "chairperson",
        "chairwoman",
        "chancellor",
        "chief",
        "co-chair",
        "co-founder",
        "commissioner",
        "consultant",
        "coordinator",
        "co-ordinator",
        "councillor",
        "counsellor",
        "counselor",
        "counsel",
        "cto",
        "coo",
        "cio",
        "ciso",
        "dean",
        "delegate",
        "deputy",
        "designer",
        "diplomat",
        "director",
        "director-general",
        "economist",
        "editor",
        "engineer",
        "envoy",
        "executive",
        "expert",
        "facilitator",
        "fellow",
        "founder",
        "governor",
        "head",
        "host",
        "inspector",
        "journalist",
        "judge",
        "keynote",
        "lawyer",
        "lead",
        "leader",
        "lecturer",
        "manager",
        "mayor",
        "member",
        "minister",
        "moderator",
        "mp",
        "mep",
        "officer",
        "ombudsman",
        "ombudsperson",
        "panellist",
        "panelist",
        "partner",
        "premier",
        "president",
        "principal",
        "professor",
        "provost",
        "rapporteur",
        "rector",
        "registrar",
        "representative",
        "researcher",
        "scholar",
        "scientist",
        "secretary",
        "secretary-general",
        "senator",
        "specialist",
        "speaker",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "strategist",
        "student",
        "superintendent",
        "treasurer",
        "trustee",
        "under-secretary-general",
        "vice-chair",
        "vice-president",
        "vice-chancellor",
        "commander",
        "general",
        "colonel",
        "admiral",
        "presenter",
        "convenor",
        "convener",
        "organiser",
        "organizer",
        "professor",
        "associate",
        "assistant",
        "senior",
        "programme",
        "program",
        "project",
        "policy",
        "legal",
        "technical",
        "regional",
        "co-ordinator",
    ])
});

/// Words that build names of organisations, bodies, places and events; a
/// capitalised one is not part of a person's name.
pub static ORG_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "academy",
        "access",
        "affairs",
        "agency",
        "agenda",
        "alliance",
        "assembly",
        "association",
        "authority",
        "bank",
        "board",
        "bureau",
        "campaign",
        "center",
        "centre",
        "chamber",
        "coalition",
        "college",
        "commission",
        "committee",
        "community",
        "company",
        "conference",
        "congress",
        "consortium",
        "corporation",
        "council",
        "court",
        "cyber",
        "department",
        "digital",
        "division",
        "embassy",
        "experts",
        "federation",
        "forum",
        "foundation",
        "fund",
        "global",
        "government",
        "group",
        "governmental",
        "hub",
        "initiative",
        "institute",
        "institution",
        "international",
        "internet",
        "lab",
        "labs",
        "league",
        "ltd",
        "inc",
        "ministry",
        "mission",
        "movement",
        "national",
        "nations",
        "network",
        "observatory",
        "office",
        "organisation",
        "organization",
        "panel",
        "parliament",
        "partnership",
        "platform",
        "programme",
        "program",
        "project",
        "regional",
        "republic",
        "kingdom",
        "school",
        "secretariat",
        "security",
        "service",
        "services",
        "session",
        "society",
        "states",
        "summit",
        "team",
        "technology",
        "technologies",
        "union",
        "united",
        "university",
        "working",
        "world",
        "policy",
        "research",
        "rights",
        "development",
        "affairs",
        "economic",
        "european",
        "african",
        "american",
        "asian",
        "arab",
        "pacific",
        "atlantic",
        "public",
        "private",
        "civil",
        "new",
        "general",
        "human",
        "data",
        "media",
        "news",
        "times",
        "post",
        "daily",
        "report",
        "reports",
        "house",
        "hall",
        "street",
        "square",
        "road",
        "city",
        "state",
        "county",
        "province",
        "region",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "open-ended",
        "ai",
        "week",
        "day",
        "year",
        "resolution",
        "convention",
        "treaty",
        "act",
        "law",
        "declaration",
        "charter",
        "strategy",
        "framework",
        "protocol",
        "principles",
        "guidelines",
        "index",
        "award",
        "prize",
    ])
});

/// Nationality adjectives that precede titles (`Estonian Ambassador`).
pub static NATIONALITIES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "afghan",
        "albanian",
        "algerian",
        "argentine",
        "argentinian",
        "armenian",
        "australian",
        "austrian",
        "azerbaijani",
        "bangladeshi",
        "belgian",
        "bolivian",
        "bosnian",
        "brazilian",
        "british",
        "bulgarian",
        "cambodian",
        "cameroonian",
        "canadian",
        "chilean",
        "chinese",
        "colombian",
        "croatian",
        "cuban",
        "cypriot",
        "czech",
        "danish",
        "dutch",
        "ecuadorian",
        "egyptian",
        "emirati",
        "english",
        "estonian",
        "ethiopian",
        "filipino",
        "finnish",
        "french",
        "georgian",
        "german",
        "ghanaian",
        "greek",
        "hungarian",
        "icelandic",
        "indian",
        "indonesian",
        "iranian",
        "iraqi",
        "irish",
        "israeli",
        "italian",
        "jamaican",
        "japanese",
        "jordanian",
        "kazakh",
        "kenyan",
        "korean",
        "kuwaiti",
        "latvian",
        "lebanese",
        "libyan",
        "lithuanian",
        "luxembourgish",
        "malaysian",
        "maltese",
        "mexican",
        "moldovan",
        "mongolian",
        "moroccan",
        "nepalese",
        "nigerian",
        "norwegian",
        "pakistani",
        "palestinian",
        "peruvian",
        "polish",
        "portuguese",
        "qatari",
        "romanian",
        "russian",
        "rwandan",
        "saudi",
        "scottish",
        "senegalese",
        "serbian",
        "singaporean",
        "slovak",
        "slovenian",
        "somali",
        "spanish",
        "sri",
        "swedish",
        "swiss",
        "syrian",
        "taiwanese",
        "tanzanian",
        "thai",
        "tunisian",
        "turkish",
        "ugandan",
        "ukrainian",
        "uruguayan",
        "uzbek",
        "venezuelan",
        "vietnamese",
        "welsh",
        "yemeni",
        "zambian",
        "zimbabwean",
        "european",
        "african",
        "american",
        "asian",
        "arab",
        "latin",
        "nordic",
        "caribbean",
    ])
});

/// Multi-word names of countries, regions and cities, folded: `Costa Rica
/// stressed …` is a state speaking, not a person called Costa Rica.
pub static PLACES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "costa rica",
        "sri lanka",
        "el salvador",
        "burkina faso",
        "sierra leone",
        "cabo verde",
        "cape verde",
        "san marino",
        "saint lucia",
        "saint kitts",
        "puerto rico",
        "hong kong",
        "viet nam",
        "equatorial guinea",
        "marshall islands",
        "solomon islands",
        "cook islands",
        "faroe islands",
        "timor leste",
        "middle east",
        "sub-saharan africa",
        "addis ababa",
        "buenos aires",
        "rio de janeiro",
        "são paulo",
        "sao paulo",
        "abu dhabi",
        "kuala lumpur",
        "tel aviv",
        "los angeles",
        "san francisco",
        "santo domingo",
        "dar es salaam",
        "cape town",
        "sharm el-sheikh",
        "la paz",
        "san josé",
        "san jose",
        "port louis",
        "port moresby",
        "kingston town",
        "santa cruz",
        "las vegas",
        "silicon valley",
        "wall street",
        "latin america",
        "western balkans",
    ])
});

/// Lowercase particles inside names (`van der`, `de`, `bin`).
pub static PARTICLES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "de", "da", "das", "do", "dos", "du", "del", "della", "delle", "di", "van", "der", "den", "von", "zu", "bin",
        "binti", "bint", "al", "el", "la", "le", "ter", "ten", "y", "ibn", "ben", "af", "dela", "st",
    ])
});

/// Capitalised words that never begin or belong to a person's name.
pub static NOT_NAME: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "the",
        "a",
        "an",
        "in",
        "on",
        "at",
        "and",
        "but",
        "for",
        "of",
        "to",
        "with",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "as",
        "after",
        "before",
        "when",
        "while",
        "according",
        "both",
        "also",
        "then",
        "however",
        "furthermore",
        "moreover",
        "finally",
        "firstly",
        "secondly",
        "lastly",
        "additionally",
        "meanwhile",
        "nevertheless",
        "thus",
        "therefore",
        "hence",
        "yet",
        "so",
        "if",
        "although",
        "though",
        "because",
        "since",
        "during",
        "despite",
        "following",
        "opening",
        "closing",
        "concluding",
        "speaking",
        "responding",
        "turning",
        "asked",
        "regarding",
        "on",
        "another",
        "other",
        "some",
        "many",
        "most",
        "all",
        "each",
        "every",
        "no",
        "not",
        "one",
        "two",
        "three",
        "there",
        "here",
        "what",
        "who",
        "why",
        "how",
        "where",
        "which",
        "whose",
        "event",
        "session",
        "panel",
        "panellists",
        "panelists",
        "participants",
        "speakers",
        "moderator",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "covid-19",
        "covid",
        "by",
        "from",
        "about",
        "into",
        "over",
        "under",
        "video",
        "photo",
        "image",
        "source",
        "download",
        "official",
        "website",
        "update",
        "updates",
        "key",
        "takeaways",
        "summary",
        "background",
        "introduction",
        "conclusion",
        "conclusions",
        "recommendations",
        "questions",
        "answers",
        "q",
        "part",
        "chapter",
        "section",
        "page",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "minister",
        "ambassador",
        "excellency",
        "his",
        "her",
        "both",
        "whereas",
        "instead",
        "overall",
        "indeed",
        "still",
        "rather",
        "later",
        "earlier",
        "now",
        "today",
        "yesterday",
        "tomorrow",
        "recently",
        "currently",
        "new",
        "should",
        "would",
        "could",
        "can",
        "will",
        "must",
        "might",
        "did",
        "do",
        "does",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "be",
        "been",
        "being",
        "let",
        "per",
        "via",
        "vs",
        "etc",
        "ie",
        "eg",
    ])
});

/// Verbs that report speech or a session act (past, present and base forms).
pub static REPORTING_VERBS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let stems = [
        "say:said:says",
        "tell:told:tells:telling",
        "state",
        "note",
        "add",
        "argue",
        "stress",
        "emphasise",
        "emphasize",
        "underline",
        "underscore",
        "highlight",
        "point",
        "explain",
        "warn",
        "urge",
        "call",
        "suggest",
        "propose",
        "recall",
        "remind",
        "mention",
        "agree",
        "conclude",
        "ask",
        "respond",
        "reply:replied:replies",
        "share",
        "present",
        "introduce",
        "describe",
        "welcome",
        "open",
        "moderate",
        "chair",
        "close",
        "talk",
        "speak:spoke:speaks:spoken",
        "observe",
        "remark",
        "insist",
        "acknowledge",
        "admit",
        "believe",
        "think:thought:thinks",
        "feel:felt:feels",
        "claim",
        "contend",
        "maintain",
        "reiterate",
        "affirm",
        "announce",
        "caution",
        "comment",
        "continue",
        "elaborate",
        "express",
        "focus",
        "give:gave:gives",
        "illustrate",
        "indicate",
        "outline",
        "provide",
        "question",
        "raise",
        "recommend",
        "refer",
        "reflect",
        "report",
        "reveal",
        "show",
        "summarise",
        "summarize",
        "support",
        "touch",
        "turn",
        "wonder",
        "address",
        "advocate",
        "answer",
        "bring:brought:brings",
        "cite",
        "clarify:clarified:clarifies",
        "compare",
        "confirm",
        "consider",
        "define",
        "deliver",
        "discuss",
        "draw:drew:draws",
        "encourage",
        "echo:echoed:echoes",
        "offer",
        "pose",
        "praise",
        "recognise",
        "recognize",
        "reaffirm",
        "thank",
        "follow",
        "invite",
        "list",
        "identify:identified:identifies",
        "detail",
        "tackle",
        "opine",
        "posit",
        "declare",
        "assert",
        "observe",
        "underscore",
        "spell",
        "lament",
        "regret",
        "hope",
        "call",
        "demand",
        "request",
        "inform",
        "tell:told:tells",
        "write:wrote:writes",
        "explore",
        "examine",
        "emphasise",
        "recount",
        "predict",
        "doubt",
        "criticise",
        "criticize",
        "accept",
        "reject",
        "challenge",
        "counter",
        "voice",
        "place",
        "put:put:puts",
        "lay:laid:lays",
        "lead:led:leads",
        "kick",
        "begin:began:begins",
        "start",
        "wrap",
        "end",
        "sum",
        "stress",
        "zero",
        "draw",
        "take:took:takes",
        "make:made:makes",
        "see:saw:sees",
        "view",
        "consider",
        "characterise",
        "characterize",
        "compare",
        "contrast",
        "frame",
        "flag",
        "reference",
        "quote",
        "launch",
        "dwell:dwelt:dwells:dwelled",
    ];
    let mut s: HashSet<String> = HashSet::default();
    for entry in stems {
        let forms: Vec<&'static str> = entry.split(':').collect();
        if forms.len() > 1 {
            s.extend(forms.iter().map(|f| f.to_string()));
            continue;
        }
        let base = forms[0];
        s.insert(base.to_string());
        let owned: Vec<String> = if let Some(stem) = base.strip_suffix('e') {
            vec![format!("{base}d"), format!("{base}s"), format!("{stem}ing")]
        } else if base.ends_with(['s', 'h', 'x']) {
            vec![format!("{base}ed"), format!("{base}es"), format!("{base}ing")]
        } else {
            vec![format!("{base}ed"), format!("{base}s"), format!("{base}ing")]
        };
        s.extend(owned);
    }
    s
});

/// Short forms of given names that do not begin the full name (`tom` →
/// `thomas`), from `src/data/short_names.txt`; lowercase.
pub static SHORT_NAMES: LazyLock<HashMap<&'static str, Vec<&'static str>>> = LazyLock::new(|| {
    include_str!("data/short_names.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut words = l.split_whitespace();
            Some((words.next()?, words.collect()))
        })
        .collect()
});

/// Adverbs that may stand between a subject and its verb (`Varga also noted`).
pub static ADVERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "also",
        "then",
        "further",
        "later",
        "again",
        "finally",
        "additionally",
        "subsequently",
        "similarly",
        "likewise",
        "first",
        "firstly",
        "briefly",
        "strongly",
        "clearly",
        "particularly",
        "specifically",
        "repeatedly",
        "rightly",
        "notably",
        "moreover",
        "furthermore",
        "too",
        "however",
        "therefore",
        "thus",
        "equally",
        "meanwhile",
        "next",
        "lastly",
        "secondly",
        "thirdly",
        "explicitly",
        "openly",
        "directly",
        "earlier",
        "previously",
        "instead",
        "nevertheless",
        "herself",
        "himself",
        "themselves",
        "both",
        "all",
        "jointly",
        "together",
        "once",
        "still",
        "specially",
        "especially",
        "eventually",
        "ultimately",
        "now",
        "even",
    ])
});

/// Lowercase words that cannot be a verb right after a subject.
pub static FUNCTION_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "of", "in", "on", "at", "for", "from", "to", "with", "by", "and", "or", "nor", "the", "a", "an", "that", "who",
        "whom", "which", "whose", "as", "about", "like", "than", "via", "per", "into", "onto", "over", "under",
        "between", "among", "across", "during", "within", "without", "through", "its", "his", "her", "their", "our",
        "my", "your", "this", "these", "those", "but", "if", "when", "while", "where", "whereas", "because", "since",
        "until", "after", "before", "upon", "toward", "towards", "against", "along", "around", "behind", "beyond",
        "near", "off", "out", "up", "down", "so", "yet", "both", "either", "neither", "not", "no", "all", "each",
        "such", "whether", "how", "what", "why", "it", "they", "we", "he", "she", "i", "you", "them", "us", "him",
        "me", "there", "here", "s", "et", "al",
    ])
});

/// Nouns for the event itself or for groups: `The session …`, `Participants …`.
pub static FRAMING_NOUNS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "session",
        "sessions",
        "discussion",
        "discussions",
        "panel",
        "panels",
        "workshop",
        "event",
        "meeting",
        "roundtable",
        "round-table",
        "debate",
        "dialogue",
        "dialog",
        "remarks",
        "report",
        "conference",
        "forum",
        "webinar",
        "speakers",
        "participants",
        "panellists",
        "panelists",
        "audience",
        "attendees",
        "delegates",
        "discussants",
        "presenters",
        "organisers",
        "organizers",
        "conversation",
        "exchange",
        "summit",
        "programme",
        "agenda",
        "floor",
        "q&a",
        "question",
        "questions",
        "group",
        "groups",
        "members",
        "experts",
        "contributors",
        "stakeholders",
        "interventions",
        "intervention",
        "comments",
        "comment",
        "discussants",
        "break-out",
        "breakout",
        "outcome",
        "outcomes",
        "recording",
        "transcript",
        "summary",
        "lab",
        "launch",
        "debate",
    ])
});

/// Subjects that report a group or an unnamed person: `A participant asked …`.
pub static GROUP_HEADS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "participant",
        "participants",
        "panellists",
        "panelists",
        "speakers",
        "speaker",
        "attendee",
        "attendees",
        "audience",
        "delegates",
        "delegate",
        "several",
        "some",
        "many",
        "others",
        "all",
        "everyone",
        "most",
        "both",
        "few",
        "one",
        "member",
        "members",
        "representatives",
        "representative",
        "experts",
        "contributors",
        "respondents",
        "stakeholders",
        "discussants",
        "questions",
        "comments",
        "another",
    ])
});

/// Nouns that refer back to a speaker in general (`the speaker added`).
pub static GENERIC_ROLE_NOUNS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "speaker",
        "panellist",
        "panelist",
        "expert",
        "presenter",
        "author",
        "interviewee",
        "guest",
        "diplomat",
        "official",
        "researcher",
        "scholar",
    ])
});

/// Roles a descriptor or session verb can give a speaker.
pub fn role_of(word_lower: &str) -> Option<&'static str> {
    Some(match word_lower {
        "moderator" | "moderated" | "moderating" | "moderates" | "co-moderator" => "moderator",
        "chair" | "chaired" | "chairs" | "chairing" | "chairman" | "chairwoman" | "chairperson" => "chair",
        "co-chair" | "co-chairs" | "co-chaired" => "co-chair",
        "keynote" => "keynote",
        "rapporteur" => "rapporteur",
        "facilitator" | "facilitated" => "facilitator",
        "host" | "hosted" => "host",
        "panellist" | "panelist" => "panellist",
        "discussant" => "discussant",
        _ => return None,
    })
}

/// Is this capitalised word descriptive vocabulary (title, organisation, nationality)?
pub fn is_descriptor_word(lower: &str) -> bool {
    let parts_hit = lower.contains('-') && lower.split('-').any(|p| TITLE_NOUNS.contains(p) || ORG_WORDS.contains(p));
    TITLE_NOUNS.contains(lower)
        || ORG_WORDS.contains(lower)
        || NATIONALITIES.contains(lower)
        || parts_hit
        || lower.strip_suffix('s').is_some_and(|s| TITLE_NOUNS.contains(s) || ORG_WORDS.contains(s))
}

/// Common English words (lowercase, sorted bytewise, one per line): SCOWL
/// size 35, see `src/data/english_words.NOTICE`.
static ENGLISH_WORDS: &str = include_str!("data/english_words.txt");

/// Is `line` one of the lines of `sorted` (lines in bytewise order)? A binary
/// search over byte offsets: no table is built, so start-up costs nothing.
fn sorted_lines_contain(sorted: &str, line: &str) -> bool {
    let b = sorted.as_bytes();
    let (mut lo, mut hi) = (0, b.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        // the line holding byte `mid`
        let start = b[..mid].iter().rposition(|&c| c == b'\n').map_or(0, |p| p + 1);
        let end = memchr::memchr(b'\n', &b[mid..]).map_or(b.len(), |p| mid + p);
        match sorted[start..end].cmp(line) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

/// Is this (folded) word a common English word?
pub fn is_english_word(folded: &str) -> bool {
    !folded.is_empty() && sorted_lines_contain(ENGLISH_WORDS, folded)
}

/// Verbs of the writer's comment (`This highlights …`), base and `-s` forms,
/// from `src/data/framing_verbs.txt`.
pub static FRAMING_VERBS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut s = HashSet::default();
    for base in include_str!("data/framing_verbs.txt").lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        s.insert(base.to_string());
        let third = if base.ends_with(['s', 'h', 'x']) { format!("{base}es") } else { format!("{base}s") };
        s.insert(third);
    }
    s
});

/// Nouns of a speech act (`remarks by X`), from `src/data/speech_nouns.txt`.
pub static SPEECH_NOUNS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("data/speech_nouns.txt").lines().filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
});

/// Participles of a session act (`moderated by X`), from `src/data/session_acts.txt`.
pub static SESSION_ACTS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("data/session_acts.txt").lines().filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
});

/// Prepositions inside a title (`Minister of …`, `Envoy for …`), from
/// `src/data/title_prepositions.txt`.
pub static TITLE_PREPOSITIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("data/title_prepositions.txt").lines().filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
});

/// Words that open a coordinated main clause after a comma (`, and`, `, but`).
pub static CLAUSE_JOINERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("data/clause_joiners.txt").lines().filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
});

/// Auxiliary verbs: a name followed by one is a clause's subject (`X was joined by`).
pub static AUXILIARIES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("data/auxiliaries.txt").lines().filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
});

/// Word sequences (folded, one per line) that open a verb phrase which is
/// not a statement: future acts and descriptions (`will discuss`, `is the
/// keynote speaker`), from `src/data/not_statements.txt`.
pub static NOT_STATEMENTS: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(include_str!("data/not_statements.txt")));

/// A list of short word sequences, looked up by their first word.
pub struct Phrases {
    by_first: HashMap<&'static str, Vec<Vec<&'static str>>>,
}

impl Phrases {
    /// Parses one phrase per line; `#` starts a comment line.
    pub fn new(data: &'static str) -> Self {
        let mut by_first: HashMap<&'static str, Vec<Vec<&'static str>>> = HashMap::default();
        for line in data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let words: Vec<&'static str> = line.split_whitespace().collect();
            by_first.entry(words[0]).or_default().push(words);
        }
        Phrases { by_first }
    }

    /// Does one of the phrases start at token `k`?
    pub fn starts_at(&self, src: &str, toks: &[crate::text::Tok], k: usize) -> bool {
        let Some(first) = toks.get(k) else { return false };
        let Some(list) = self.by_first.get(crate::text::folded(first.text(src)).as_ref()) else {
            return false;
        };
        list.iter().any(|words| {
            words
                .iter()
                .enumerate()
                .skip(1)
                .all(|(j, w)| toks.get(k + j).is_some_and(|t| crate::text::folded(t.text(src)) == *w))
        })
    }
}

/// Lowercase particles glued to a family name (`d’`, `al-`), from
/// `src/data/glued_particles.txt`.
pub static GLUED_PARTICLES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    include_str!("data/glued_particles.txt").lines().filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
});

/// Words that open a fronted phrase before the subject (`During the debate,`),
/// besides the title prepositions and adverbs, from `src/data/fronting_words.txt`.
pub static FRONTING_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("data/fronting_words.txt").lines().filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
});

/// Words that name an audience in the lead-in of a roster (`delegates
/// present, including:`), from `src/data/audience_words.txt`.
pub static AUDIENCE_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("data/audience_words.txt").lines().filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
});

/// Endings of abstract and plural nouns that people's names do not have
/// (`-ship`, `-eries`), from `src/data/noun_endings.txt`.
pub static NOUN_ENDINGS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    include_str!("data/noun_endings.txt").lines().filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
});
