//! Finding speakers: parsing name-and-title introductions into a speaker table.
//!
//! Reports introduce a speaker once, with a name and a descriptor, then refer
//! to them by surname, pronoun or role. This stage reads every introduction
//! construction of `report-patterns.md` §2:
//!
//! * honorific chains (`Mr`, `Ms.`, `H.E. Mr.`, `His Excellency`, `Maj. Gen. (R)`);
//! * names of one to six parts with particles, hyphens, apostrophes, initials
//!   and diacritics (`Anne-Marie van der Berg`, `Jane K. Doe`, `Öztürk`);
//! * descriptors in parentheses (nested brackets allowed, a stray comma before
//!   them tolerated), in apposition between commas, or before the name
//!   (`Harbor Bank’s Chief Economist Lena Varga`, `Keynote speaker …`);
//! * a role in apposition (`The moderator, Mr Omar Haddad (…), opened …`).
//!
//! A name becomes a speaker when it stands where a speaker stands: as a subject,
//! after a reporting verb (`…, said Varga`), as the agent of a session act
//! (`moderated by …`), or in a list of panellists. Bylines, captions and names
//! only cited (`the work of Prof. X`) are left out.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::fuzzy;
use crate::gazetteer;
use crate::lexicon::Word;
use crate::lexicon::{self, Gender};
use crate::segment::{Layout, Segment};
use crate::text::{self, collapse, fold, folded, is_acronym, is_cap, is_lower, Kind, Tok};
use crate::view::View;

/// One person in the speaker table.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Speaker {
    /// Full name as introduced, without honorific, whitespace collapsed.
    pub name: String,
    /// Honorific as written (`Mr`, `H.E. Ms.`), or None.
    pub honorific: Option<String>,
    /// The descriptor exactly as written (whitespace collapsed), or None.
    pub title: Option<String>,
    /// The organisation, where the descriptor makes it clear.
    pub organization: Option<String>,
    /// Session role (`moderator`, `chair`, `keynote` …) where stated.
    pub role: Option<&'static str>,
    /// Gender cue from the honorific or from pronouns resolved to this speaker.
    pub gender: Option<Gender>,
    /// Gender prior of the given name (gazetteer), used for pronouns only
    /// while the text has said nothing about the speaker's gender.
    #[serde(skip)]
    pub gender_prior: Option<Gender>,
    /// Forms that refer to this speaker (full name, surname, name parts).
    pub aliases: Vec<String>,
    /// Byte span of the introducing mention.
    pub introduced_at: (usize, usize),
}

/// A parsed name-and-title mention inside one sentence.
#[derive(Debug, Clone)]
pub struct Intro {
    /// Token index range of the whole mention (honorific or pre-descriptor to name end).
    pub first_tok: usize,
    /// Token index of the first name token.
    pub name_tok: usize,
    /// One past the last name token.
    pub name_end_tok: usize,
    /// Token index just after the mention and its descriptor.
    pub after_tok: usize,
    /// Byte span of the name.
    pub name_span: (usize, usize),
    /// Byte span of the honorific chain.
    pub honorific: Option<(usize, usize)>,
    /// Byte span of the descriptor text.
    pub title: Option<(usize, usize)>,
    /// Organisation from a possessive (`The ILO’s …`).
    pub org: Option<(usize, usize)>,
    /// A role stated by apposition or descriptor.
    pub role: Option<&'static str>,
    /// Gender from the honorific.
    pub gender: Option<Gender>,
    /// Whether this introduction makes a speaker (position and shape checked).
    pub is_speaker: bool,
}

/// Parses an honorific chain at `i`; returns (index after it, gender).
pub fn honorific_chain(v: &View, i: usize) -> Option<(usize, Option<Gender>)> {
    let (src, toks) = (v.src(), v.toks());
    let mut j = i;
    let mut gender = None;
    let mut any = false;
    while let Some(t) = toks.get(j) {
        if t.kind != Kind::Word || !is_cap(t.text(src)) {
            break;
        }
        let w = t.text(src);
        let lw = folded(w);
        let has_period = toks.get(j + 1).is_some_and(|n| n.text(src) == "." && n.start == t.end);
        // "H. E." and "H.E" forms
        if lw == "h" && has_period {
            if let (Some(e), Some(_)) = (toks.get(j + 2), toks.get(j + 3)) {
                if e.text(src) == "E" {
                    j += 3;
                    if toks.get(j).is_some_and(|p| p.text(src) == ".") {
                        j += 1;
                    }
                    any = true;
                    continue;
                }
            }
        }
        if (lw == "his" || lw == "her") && toks.get(j + 1).is_some_and(|n| folded(n.text(src)).starts_with("excellenc"))
        {
            gender = Some(if lw == "his" { Gender::Male } else { Gender::Female });
            j += 2;
            any = true;
            continue;
        }
        if lw == "the"
            && toks
                .get(j + 1)
                .is_some_and(|n| matches!(folded(n.text(src)).as_ref(), "honourable" | "honorable" | "hon"))
        {
            j += 1;
            continue;
        }
        let Some(g) = lexicon::HONORIFICS.get(lw.as_ref()) else { break };
        if lexicon::honorific_needs_period(&lw) && !has_period {
            // `General`, `President` … count only when a name follows directly,
            // not a word of a longer title ("Deputy Permanent Representative")
            let title_after = toks
                .get(j + 2)
                .is_some_and(|n| is_cap(n.text(src)) && lexicon::TITLE_NOUNS.contains(folded(n.text(src)).as_ref()));
            if !v.is_name_word(j + 1) || title_after {
                break;
            }
        }
        if g.is_some() {
            gender = *g;
        }
        j += 1;
        any = true;
        if has_period {
            j += 1;
        }
        // "(R)", "(retd)", "(Ret.)" after a rank
        if toks.get(j).is_some_and(|p| p.text(src) == "(") {
            if let Some(close) = (j + 1..(j + 5).min(toks.len())).find(|&k| v.text(k) == ")") {
                let inner: Vec<String> = toks[j + 1..close].iter().map(|t| fold(t.text(src))).collect();
                if inner.iter().any(|w| matches!(w.as_str(), "r" | "retd" | "ret" | "rtd")) {
                    j = close + 1;
                }
            }
        }
    }
    any.then_some((j, gender))
}

/// A capital inside a word after a lowercase letter marks a brand or an
/// organisation (`DeepMind`, `OpenAI`, `LinkedIn`), unless a surname prefix
/// stands before it (`McDonald`, `MacArthur`, `DeSantis`, `LeBlanc`).
fn is_camel_case_brand(w: &str) -> bool {
    let mut prev_lower = false;
    for (i, c) in w.char_indices() {
        if c.is_uppercase() && prev_lower {
            return !matches!(
                &w[..i],
                "Mc" | "Mac" | "De" | "Di" | "Da" | "Du" | "Le" | "La" | "Van" | "Von" | "Fitz" | "St"
            );
        }
        prev_lower = c.is_lowercase();
    }
    false
}

/// A capitalised word that can be part of a person's name.
pub fn is_name_word(w: &str) -> bool {
    if !is_cap(w) || is_acronym(w) && w.chars().count() > 1 || is_camel_case_brand(w) {
        return false;
    }
    if w.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let (base, _) = text::strip_possessive(w);
    let lw = folded(base);
    !lexicon::NOT_NAME.contains(lw.as_ref())
        && !lexicon::is_descriptor_word(&lw)
        && !lexicon::REPORTING_VERBS.contains(lw.as_ref())
}

fn is_particle(src: &str, t: &Tok) -> bool {
    t.kind == Kind::Word && lexicon::PARTICLES.contains(t.text(src))
}

/// Parses a name starting at token `i`; returns one past its last token and the number of parts.
pub fn parse_name(v: &View, i: usize) -> Option<(usize, usize)> {
    let (src, toks) = (v.src(), v.toks());
    let mut j = i;
    let mut parts = 0;
    let mut last_ok = None;
    while j < toks.len() && parts < 6 {
        let t = &toks[j];
        if t.kind != Kind::Word {
            break;
        }
        let w = t.text(src);
        if v.is_name_word(j) {
            // a possessive ends the name
            let possessive = text::strip_possessive(w).1;
            // an initial: "K."
            let single = w.chars().count() == 1;
            if single {
                if toks.get(j + 1).is_some_and(|n| n.text(src) == "." && n.start == t.end) && j + 2 < toks.len() {
                    j += 2;
                    parts += 1;
                    continue; // an initial cannot end a name
                }
                // a bare initial before a name part, as committee minutes
                // write them: "Ms T Sithole", "Dr M J Gondwe" (not the article "A")
                if !v.is(j, Word::FunctionWord) && v.is_word(j + 1) && v.is_name_word(j + 1) {
                    j += 1;
                    parts += 1;
                    continue;
                }
                break;
            }
            j += 1;
            parts += 1;
            last_ok = Some(j);
            if possessive {
                break;
            }
            // a line of hard wrap is fine; a gap of punctuation is not
            continue;
        }
        if parts > 0 && is_particle(src, t) {
            // particles need a name part after them (possibly another particle)
            let mut k = j + 1;
            while k < toks.len() && is_particle(src, &toks[k]) {
                k += 1;
            }
            if v.is_word(k) && v.is_name_word(k) {
                j = k;
                continue;
            }
        }
        // d’Alembert, al-Rashed: a lowercase particle glued to a name part
        if parts > 0 && glued_particle(w) {
            j += 1;
            parts += 1;
            last_ok = Some(j);
            continue;
        }
        // a family name that is also an organisation word, after a given
        // name and ending the name: "Rosa Banks", not "Rosa Banks Trust"
        if parts > 0 && is_cap(w) && org_word_surname(v, j) {
            j += 1;
            parts += 1;
            last_ok = Some(j);
            break;
        }
        break;
    }
    last_ok.map(|e| (e, parts))
}

/// A name part that opens with a lowercase particle glued to it by an
/// apostrophe or a hyphen (`d’Alembert`, `al-Rashed`, `el-Sayed`); the
/// particles are data (`src/data/glued_particles.txt`).
pub fn glued_particle(w: &str) -> bool {
    // the name after the particle starts with a capital: a word without one
    // (most words, and every lowercase ASCII word) needs no look at the list
    if !w.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
        return false;
    }
    lexicon::GLUED_PARTICLES.iter().any(|p| {
        w.strip_prefix(p).is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase) && is_name_word(rest))
    })
}

/// Is the capitalised word at `j` a family name although it is an
/// organisation word (`Banks`, `Gates`)? Only right after an unambiguous
/// given name, and only as the last part of the name.
fn org_word_surname(v: &View, j: usize) -> bool {
    let (src, toks) = (v.src(), v.toks());
    let w = v.text(j);
    let lw = folded(text::strip_possessive(w).0);
    let singular = lw.strip_suffix('s').unwrap_or(&lw);
    let org_word = lexicon::ORG_WORDS.contains(lw.as_ref()) || lexicon::ORG_WORDS.contains(singular);
    org_word
        && !is_acronym(w)
        && !lexicon::TITLE_NOUNS.contains(lw.as_ref())
        && !lexicon::TITLE_NOUNS.contains(singular)
        && !lexicon::NATIONALITIES.contains(lw.as_ref())
        && !lexicon::NOT_NAME.contains(lw.as_ref())
        && j > 0
        && sure_given_name(v.text(j - 1)).is_some_and(|g| g.gender.is_some())
        // "Bergen Institute of Oceanography", "Rosa Banks Trust"
        && !toks.get(j + 1).is_some_and(|n| {
            n.kind == Kind::Word && (is_cap(n.text(src)) || lexicon::TITLE_PREPOSITIONS.contains(folded(n.text(src)).as_ref()))
        })
}

/// Index of the bracket closing the one at `open`, within the sentence.
pub fn matching_close(v: &View, open: usize) -> Option<usize> {
    let (src, toks) = (v.src(), v.toks());
    let mut depth = 0usize;
    for (k, t) in toks.iter().enumerate().skip(open) {
        match t.text(src) {
            "(" | "[" => depth += 1,
            ")" | "]" => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(k);
                }
            }
            _ => {}
        }
        if k - open > 80 {
            return None;
        }
    }
    None
}

/// A parenthesised descriptor at `open`: returns (close index, content span).
fn paren_descriptor(v: &View, open: usize) -> Option<(usize, (usize, usize))> {
    let (src, toks) = (v.src(), v.toks());
    if !matches!(toks.get(open)?.text(src), "(" | "[") {
        return None;
    }
    let close = matching_close(v, open)?;
    if close == open + 1 {
        return None;
    }
    let inner = &toks[open + 1..close];
    let words: Vec<&str> = inner.iter().filter(|t| t.kind == Kind::Word).map(|t| t.text(src)).collect();
    // a year or a number is not a descriptor: "(2019)"; an acronym is, after
    // a person's name: the body or party they speak for ("Mr Pavel Dorn (UNDP)")
    if words.len() <= 1 && words.iter().all(|w| w.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    if words.iter().any(|w| matches!(*w, "e.g" | "i.e" | "see")) {
        return None;
    }
    Some((close, (inner[0].start, inner[inner.len() - 1].end)))
}

/// An appositive descriptor after the comma at `comma`:
/// `Lena Varga, Chief Economist at Harbor Bank, argued`. Returns (index of the
/// token that ends it, content span).
pub fn appositive(v: &View, comma: usize, item: bool) -> Option<(usize, (usize, usize))> {
    let (src, toks) = (v.src(), v.toks());
    let first = toks.get(comma + 1)?;
    if first.kind != Kind::Word {
        return None;
    }
    let fw = first.text(src);
    let lfw = folded(fw);
    // a lowercase title noun opens a descriptor too: "X, president and CEO of Y, said";
    // so does a name particle before a capital: "X, de Vlieger Advisory, and Y"
    let particle = lexicon::PARTICLES.contains(fw) && toks.get(comma + 2).is_some_and(|n| is_cap(n.text(src)));
    // and a modifier before a capitalised title: "X, former Prime Minister of Y, said"
    let modified = v.is(comma + 1, Word::TitleModifier) && toks.get(comma + 2).is_some_and(|n| is_cap(n.text(src)));
    if !(is_cap(fw)
        || particle
        || modified
        || lexicon::TITLE_NOUNS.contains(lfw.as_ref())
        || matches!(
            lfw.as_ref(),
            "a" | "an" | "the" | "representing" | "from" | "of" | "on" | "speaking" | "head" | "chair"
        ))
        || matches!(
            lfw.as_ref(),
            "who"
                | "which"
                | "whose"
                | "however"
                | "he"
                | "she"
                | "they"
                | "it"
                | "we"
                | "this"
                | "that"
                | "but"
                | "and"
                | "while"
                | "as"
                | "in"
                | "for"
                | "when"
                | "after"
                | "according"
        )
    {
        return None;
    }
    let mut m = comma + 1;
    let mut descriptive = false;
    while m < toks.len() {
        if m - comma > 40 {
            return None;
        }
        let t = &toks[m];
        let w = t.text(src);
        match t.kind {
            Kind::Punct if matches!(w, "(" | "[") => {
                m = matching_close(v, m)? + 1;
                continue;
            }
            Kind::Punct if w == "," => {
                let next = toks.get(m + 1);
                let ends = match next {
                    None => true,
                    Some(n) => {
                        (n.kind == Kind::Word && is_lower(n.text(src)))
                            || n.text(src) == "“"
                            || n.text(src) == "‘"
                            || (descriptive && name_starts(v, m + 1))
                    }
                };
                if ends {
                    break;
                }
            }
            Kind::Punct if matches!(w, "." | ";" | "!" | "?" | ":") => {
                // ends the sentence (post-posed or a list item) or fails
                let rest_is_end = toks[m + 1..].iter().all(|t| t.kind == Kind::Punct);
                if rest_is_end || item {
                    break;
                }
                return None;
            }
            Kind::Punct if matches!(w, "’" | "”" | "\"" | "'") => return None,
            Kind::Word => {
                let lw = folded(w);
                // the next person of a list: "…, a data analyst (Kenya) and Ana Ruiz from …"
                if lw == "and" && descriptive && name_starts(v, m + 1) {
                    break;
                }
                // the next person with a title before the name: "X, Kesran
                // Minister of Climate Ana Lind, …" is no descriptor of X
                if titled_name_after(v, comma, m) {
                    return None;
                }
                if is_lower(w) && lw.ends_with("ed") && finite_after_descriptor(v, comma, m, descriptive) {
                    break;
                }
                if is_lower(w)
                    && lexicon::REPORTING_VERBS.contains(lw.as_ref())
                    && !matches!(lw.as_ref(), "open" | "lead" | "chair" | "report" | "view" | "host")
                {
                    // "X, the Head of Research with Elimu Forward moderated …":
                    // a descriptor left unclosed ends where a finite verb follows
                    // a capitalised word or a bracket; anything else is a clause
                    if finite_after_descriptor(v, comma, m, descriptive) {
                        break;
                    }
                    return None;
                }
                if is_lower(w) || lexicon::is_descriptor_word(&lw) || text::strip_possessive(w).1 {
                    descriptive = true;
                }
            }
            _ => {}
        }
        m += 1;
    }
    if m >= toks.len() {
        m = toks.len();
    }
    if !descriptive || m <= comma + 1 {
        return None;
    }
    let last = &toks[m - 1];
    Some((m, (first.start, last.end)))
}

/// Does a person's name start at `m`, right after the title words that began
/// at `comma + 1` (`…, Kesran Minister of Climate Policy Ana Lind`)? Then
/// what follows the comma is the next person of a list, not a descriptor.
fn titled_name_after(v: &View, comma: usize, m: usize) -> bool {
    let (src, toks) = (v.src(), v.toks());
    m > comma + 1
        && toks[m - 1].kind == Kind::Word
        && v.is_cap(m - 1)
        && v.is_cap(m)
        && sure_given_name(v.text(m)).is_some()
        && name_starts(v, m)
        && toks[comma + 1..m].iter().any(|t| lexicon::TITLE_NOUNS.contains(folded(t.text(src)).as_ref()))
}

/// Does a person's name end at `k` (exclusive) — a given name and a family
/// name right before it (`… Eva Moss and ENSA Deputy …`)? A title before a
/// name does not reach back over the previous person of a list.
fn person_ends_at(v: &View, k: usize) -> bool {
    k >= 2
        && v.is_name_word(k - 1)
        && v.is_cap(k - 2)
        && sure_given_name(v.text(k - 2)).is_some()
        && !lexicon::is_descriptor_word(&v.word(k - 2))
}

/// An appositive that lacks its closing comma ends at a finite reporting verb
/// (`…, Director General, Water Organization (WO) talked of …`) when the
/// descriptor so far is one (`descriptive`), holds at least two words, and
/// the verb follows a capitalised word or a closing bracket — the end of a
/// name. `-ing` forms are not finite (`…, Director, speaking for …`).
fn finite_after_descriptor(v: &View, comma: usize, verb: usize, descriptive: bool) -> bool {
    let toks = v.toks();
    if !descriptive || verb < comma + 3 || v.text(verb).ends_with("ing") {
        return false;
    }
    let prev = v.text(verb - 1);
    (toks[verb - 1].kind == Kind::Word && (is_cap(prev) || lexicon::TITLE_NOUNS.contains(folded(prev).as_ref())))
        || matches!(prev, ")" | "]")
}

/// Does a person's name start at `k` — an honorific, or a name of two parts
/// or more that is not a place? Lists of people end one person's descriptor
/// where the next one's name begins (`…, a data analyst (Kenya) and Ana Ruiz`).
pub fn name_starts(v: &View, k: usize) -> bool {
    let (src, toks) = (v.src(), v.toks());
    if toks.get(k).is_none_or(|t| t.kind != Kind::Word || !is_cap(t.text(src))) {
        return false;
    }
    if let Some((e, _)) = honorific_chain(v, k) {
        return parse_name(v, e).is_some();
    }
    match parse_name(v, k) {
        Some((e, parts)) if parts >= 2 => {
            let name = collapse(&src[toks[k].start..toks[e - 1].end]).to_lowercase();
            if lexicon::PLACES.contains(name.as_str()) || is_word_phrase(v, k, e) {
                return false;
            }
            // a known given name, or a name of no dictionary that a
            // descriptor or the list's end follows: "… and Fahardine Mze from …"
            gazetteer::lookup(v.text(k)).is_some_and(|g| !g.ambiguous_word)
                || toks.get(e).is_none_or(|t| {
                    matches!(t.text(src), "," | "(" | "." | ";" | "from" | "of" | "and" | "at")
                        || t.kind == Kind::Word && is_lower(t.text(src)) && predicate_at(v, e).is_some()
                })
        }
        _ => false,
    }
}

/// A descriptor before the name: `Estonian Ambassador at Large … Lena Varga`,
/// `Keynote speaker Lena Varga`, `The ILO’s Lena Varga`. Returns (first token,
/// title span, organisation span).
#[allow(clippy::type_complexity)]
fn pre_descriptor(v: &View, name_tok: usize) -> Option<(usize, Option<(usize, usize)>, Option<(usize, usize)>)> {
    let (src, toks) = (v.src(), v.toks());
    if name_tok == 0 {
        return None;
    }
    // an acronym in brackets closes the title: "District Water Board
    // Secretary (DWBS) Ama Tembo"; the walk starts before it
    let bracket =
        name_tok >= 4 && v.text(name_tok - 1) == ")" && v.text(name_tok - 3) == "(" && is_acronym(v.text(name_tok - 2));
    let (name_tok, close) = if bracket { (name_tok - 3, Some(&toks[name_tok - 1])) } else { (name_tok, None) };
    let last = &toks[name_tok - 1];
    if last.kind != Kind::Word {
        return None;
    }
    let lw = folded(last.text(src));
    let (base, possessive) = text::strip_possessive(last.text(src));
    let title_noun = |l: &str| {
        lexicon::TITLE_NOUNS.contains(l) || (l.contains('-') && l.split('-').any(|p| lexicon::TITLE_NOUNS.contains(p)))
    };
    // an honorific that is itself a title noun completes the title: "Council President X"
    // "former President X": a lowercase modifier before such an honorific opens the title
    let opens_title = is_cap(last.text(src)) || is_lower(last.text(src)) && v.is(name_tok - 1, Word::TitleModifier);
    let mut is_title = title_noun(&lw) || close.is_none() && opens_title && title_noun(&v.word(name_tok));
    // a capitalised word ends the phrase ("Minister of Water Resources Lidia
    // Marsh"); whether it is a title is decided below, by a title noun inside
    if !(is_title || possessive || is_cap(last.text(src))) {
        return None;
    }
    // walk back over the descriptor phrase
    let mut k = name_tok - 1;
    // a descriptor is a phrase, not a paragraph: look back a dozen words at most
    while k > 0 && name_tok - k < 12 {
        let t = &toks[k - 1];
        // an abbreviated title word with its period: "Asst. Dean of Students X"
        if t.text(src) == "." && k >= 2 && toks[k - 2].end == t.start && {
            let a = v.text(k - 2);
            is_cap(a) && lexicon::TITLE_NOUNS.contains(folded(a).as_ref())
        } {
            k -= 2;
            continue;
        }
        if t.kind != Kind::Word {
            break;
        }
        let w = t.text(src);
        let l = folded(w);
        // "the" only inside the phrase, after a preposition: "Director-General of the Agency"
        let inner_the = l == "the" && k >= 2 && v.is(k - 2, Word::TitlePreposition);
        let ok = is_cap(w) && !matches!(l.as_ref(), "the" | "a" | "an" | "when" | "after" | "opening" | "according")
            || matches!(l.as_ref(), "of" | "for" | "at" | "on" | "and" | "to" | "in" | "de")
            || inner_the
            || lexicon::TITLE_NOUNS.contains(l.as_ref());
        if !ok || is_cap(w) && person_ends_at(v, k) {
            break;
        }
        k -= 1;
    }
    // trim connectors at the start
    while k < name_tok - 1 && v.is_lower(k) && !v.is(k, Word::TitleNoun) {
        k += 1;
    }
    if !is_title && !possessive {
        // "… Ambassador at Large for Cyber Affairs Lena Varga": a title noun inside
        is_title = (k..name_tok - 1).any(|p| v.is_cap(p) && title_noun(&v.word(p)));
        if !is_title {
            return None;
        }
    }
    if is_title {
        let title = (toks[k].start, close.unwrap_or(last).end);
        // an organisation in possessive inside the title: "Harbor Bank’s Chief Economist"
        let org = (k..name_tok - 1).find(|&p| text::strip_possessive(v.text(p)).1).map(|p| {
            let (b, _) = text::strip_possessive(v.text(p));
            (toks[k].start, toks[p].start + b.len())
        });
        Some((with_article(v, k), Some(title), org))
    } else {
        // possessive organisation only: "The ILO’s Lena Varga"
        // "Varga’s Lena" is not an organisation; "Fiji’s Ms. Litia Naivalu" is a country's
        if is_name_word(base) && !is_acronym(base) && honorific_chain(v, name_tok).is_none() {
            return None;
        }
        Some((with_article(v, k), None, Some((toks[k].start, last.start + base.len()))))
    }
}

/// How long a title phrase that opens a sentence may be, in tokens.
const HEAD_TITLE_TOKENS: usize = 24;

/// The title phrase from the sentence start to the comma at `comma`, when it
/// is one: it holds a title noun, no finite reporting verb and no pronoun, and
/// starts with a capital or `the`. Returns its span without a leading `The`.
fn head_title(v: &View, from: usize, comma: usize) -> Option<(usize, usize)> {
    let (src, toks) = (v.src(), v.toks());
    if comma <= from || comma - from > HEAD_TITLE_TOKENS || v.text(comma) != "," {
        return None;
    }
    let head = &toks[from..comma];
    let f0 = folded(head[0].text(src));
    let start = usize::from(f0 == "the");
    if start >= head.len() || !(is_cap(head[0].text(src)) || f0 == "the") {
        return None;
    }
    let mut titled = false;
    let mut depth = 0i32;
    for t in head {
        let w = t.text(src);
        let l = folded(w);
        if t.kind == Kind::Punct {
            match w {
                "(" | "[" => depth += 1,
                ")" | "]" => depth -= 1,
                "," | "-" | "–" | "&" | "’" | "'" => {}
                _ => return None,
            }
            continue;
        }
        if lexicon::FUNCTION_WORDS.contains(l.as_ref())
            && !(lexicon::TITLE_PREPOSITIONS.contains(l.as_ref()) || matches!(l.as_ref(), "the" | "and"))
        {
            return None;
        }
        if is_lower(w) && lexicon::REPORTING_VERBS.contains(l.as_ref()) && !lexicon::TITLE_NOUNS.contains(l.as_ref()) {
            return None;
        }
        titled |= lexicon::TITLE_NOUNS.contains(l.as_ref())
            || (l.contains('-') && l.split('-').any(|p| lexicon::TITLE_NOUNS.contains(p)));
    }
    // inside a bracket is a descriptor's inside, not a sentence's head
    (titled && depth == 0).then(|| (head[start].start, head[head.len() - 1].end))
}

/// How many words a fronted phrase before a title may take.
const FRONTED_PHRASE_WORDS: usize = 6;

/// A given name that is no ordinary English word (`Rosa`, `Farida`; not
/// `Grace`, `Bill` or `Harbour`): the gazetteer's entry when there is one.
fn sure_given_name(w: &str) -> Option<gazetteer::GivenName> {
    gazetteer::lookup(w).filter(|g| !g.ambiguous_word && !lexicon::is_english_word(&folded(w)))
}

/// Is the one-word name at `k` a given name that is no ordinary word
/// (`Farida`, not `Grace` or `Hope`)?
fn single_given_name(v: &View, k: usize) -> bool {
    let w = text::strip_possessive(v.text(k)).0;
    !is_acronym(w) && sure_given_name(w).is_some() && !lexicon::PLACES.contains(folded(w).as_ref())
}

/// Where the words after a fronted phrase start, when the sentence opens
/// with one (`In his opening remark,` `On Tuesday,`) that ends at a comma
/// before `before`: a preposition or adverb first, then lowercase words or
/// possessives only.
fn fronted_phrase_end(v: &View, before: usize) -> Option<usize> {
    let toks = v.toks();
    let c = (1..before).find(|&k| v.text(k) == ",")?;
    let w0 = v.word(0);
    if !(lexicon::is(&w0, Word::TitlePreposition)
        || lexicon::is(&w0, Word::Adverb)
        || lexicon::is(&w0, Word::FrontingWord))
    {
        return None;
    }
    (c <= FRONTED_PHRASE_WORDS && toks[1..c].iter().all(|t| t.kind == Kind::Word)).then_some(c + 1)
}

/// A title's last words run into the name that follows it (`Minister for
/// Ports and Shipping Tariq Aziz`, `Minister of Water Resources Lidia Marsh`):
/// when the words before the name continue a title and the name's first part
/// is no given name while a later part is, the name starts there (leaving at
/// least two parts). Returns that token.
fn given_name_start(v: &View, name_tok: usize, name_end: usize) -> Option<usize> {
    let toks = v.toks();
    if name_tok == 0 || name_end < name_tok + 3 {
        return None;
    }
    let prev = v.text(name_tok - 1);
    let lp = folded(prev);
    let in_title = lexicon::TITLE_PREPOSITIONS.contains(lp.as_ref())
        || matches!(lp.as_ref(), "and" | "&")
        || (is_cap(prev) && lexicon::is_descriptor_word(&lp));
    let given = |k: usize| gazetteer::lookup(v.text(k)).is_some_and(|g| !g.ambiguous_word);
    if !in_title || given(name_tok) {
        return None;
    }
    (name_tok + 1..name_end - 1).find(|&k| toks[k].kind == Kind::Word && given(k))
}

/// How long a word must be before its ending marks it as a noun, not a name.
const NOUN_ENDING_MIN_CHARS: usize = 7;

/// A capitalised phrase of ordinary words (`Clean Energy`, `Patient Safety`,
/// `Marine Governance`) rather than a name: its first part is a common English
/// word that is no given name, or a given name that is also a word (`Marine`,
/// `Will`) followed by another common word. A name's first part is almost
/// always a given name or a word of no dictionary (`Thokozani`). A place or
/// nationality first (`Kesra Aquaculture`), or an organisation word right
/// after it (`… Development Authority`), marks an organisation's name.
pub fn is_word_phrase(v: &View, name_tok: usize, name_end: usize) -> bool {
    let (src, toks) = (v.src(), v.toks());
    // the start of an organisation's name or a title: "Kesra Aquaculture
    // Development Authority", "Kesra District Commissioner"
    if toks.get(name_end).is_some_and(|t| {
        t.kind == Kind::Word && is_cap(t.text(src)) && {
            let l = folded(t.text(src));
            lexicon::ORG_WORDS.contains(l.as_ref()) || lexicon::TITLE_NOUNS.contains(l.as_ref())
        }
    }) {
        return true;
    }
    let first = text::strip_possessive(v.text(name_tok)).0;
    let f = folded(first);
    if lexicon::PLACES.contains(f.as_ref()) || lexicon::NATIONALITIES.contains(f.as_ref()) {
        return true;
    }
    // a word with the ending of an abstract or plural noun, which names do
    // not have: "Antimicrobial Stewardship", "Artisanal Fisheries"
    if toks[name_tok..name_end].iter().any(|t| {
        let w = folded(text::strip_possessive(t.text(src)).0);
        w.chars().count() >= NOUN_ENDING_MIN_CHARS
            && lexicon::NOUN_ENDINGS.iter().any(|e| w.ends_with(e))
            && gazetteer::given_name(&w).is_none()
    }) {
        return true;
    }
    // a hyphenated given name is judged by its first part: "Jan-Erik"
    let head = f.split('-').next().unwrap_or(&f);
    if !lexicon::is_english_word(head) {
        return false;
    }
    match gazetteer::given_name(head) {
        None => true,
        Some(g) if g.ambiguous_word => toks[name_tok + 1..name_end].iter().any(|t| {
            let w = folded(text::strip_possessive(t.text(src)).0);
            t.kind == Kind::Word && lexicon::is_english_word(&w) && gazetteer::given_name(&w).is_none()
        }),
        Some(_) => false,
    }
}

/// Moves a mention start back over a determiner before its title (`The`,
/// `its`; data).
fn with_article(v: &View, k: usize) -> usize {
    if k > 0 && v.is(k - 1, Word::Determiner) {
        k - 1
    } else {
        k
    }
}

/// Words before a name that make it a mention, not a speaker.
fn mention_only_context(v: &View, first: usize) -> bool {
    if first == 0 {
        return false;
    }
    let prev = v.word(first - 1);
    match prev.as_ref() {
        "of" | "about" | "like" | "than" | "cited" | "citing" | "quoting" | "quoted" | "per" | "unlike" | "against"
        | "congratulated" | "thanked" | "named" | "photo" | "credit" | "image" => true,
        "for" => first >= 2,
        // "a report by Prof. X (Oxford)" is a citation; "moderated by X" is not
        "by" => !session_agent(v, first),
        _ => false,
    }
}

/// Lines that name a person who is not a speaker: bylines and captions.
pub fn is_byline(v: &View) -> bool {
    let (src, toks) = (v.src(), v.toks());
    let w = |k: usize| v.word(k);
    let w0 = w(0);
    matches!(
        w0.as_ref(),
        "by" | "photo"
            | "image"
            | "caption"
            | "credit"
            | "credits"
            | "source"
            | "author"
            | "authors"
            | "written"
            | "reported"
            | "prepared"
            | "picture"
            | "alt"
            | "pictured"
    ) || (w0 == "event" && matches!(w(1).as_ref(), "report" | "reports" | "report/s"))
        || toks.get(1).is_some_and(|t| t.text(src).eq_ignore_ascii_case("photo"))
}

/// Is the token at `k` (after skipping adverbs) a predicate of a subject before it?
pub fn predicate_at(v: &View, mut k: usize) -> Option<usize> {
    let (src, toks) = (v.src(), v.toks());
    let mut guard = 0;
    while let Some(t) = toks.get(k) {
        guard += 1;
        if guard > 6 {
            return None;
        }
        let w = t.text(src);
        if t.kind == Kind::Punct {
            // "Varga, however, argued"
            if w == "," {
                if let Some(n) = toks.get(k + 1) {
                    let nw = folded(n.text(src));
                    // "The moderator, Mr X (…), asked …"
                    if is_lower(n.text(src)) && lexicon::REPORTING_VERBS.contains(nw.as_ref()) {
                        return Some(k + 1);
                    }
                    // "Ms Varga (Northwind), the session moderator, opened …"
                    if let Some((end, _)) = appositive(v, k, false) {
                        if toks.get(end).is_some_and(|t| t.text(src) == ",") {
                            k = end + 1;
                            continue;
                        }
                        // "Atieno, the first panellist named four needs …"
                        if toks.get(end).is_some_and(|t| t.kind == Kind::Word && is_lower(t.text(src))) {
                            return Some(end);
                        }
                    }
                    // "Chen, who had not spoken until then, argued …"
                    if matches!(nw.as_ref(), "who" | "whose") {
                        let stop = (k + ASIDE_TOKENS).min(toks.len());
                        let close = (k + 2..stop).find(|&q| v.text(q) == ",");
                        // a relative clause left unclosed ends at the main verb:
                        // "Samuel, who served as the second panellist dwelt on …"
                        let main_verb = (k + 4..close.unwrap_or(stop)).find(|&q| {
                            let (w, p) = (v.text(q), v.text(q - 1));
                            is_lower(w)
                                && !w.ends_with("ing")
                                && lexicon::REPORTING_VERBS.contains(folded(w).as_ref())
                                && toks[q - 1].kind == Kind::Word
                                && is_lower(p)
                                && !lexicon::FUNCTION_WORDS.contains(folded(p).as_ref())
                                && !lexicon::ADVERBS.contains(folded(p).as_ref())
                                && !matches!(folded(p).as_ref(), "has" | "have" | "had" | "was" | "were" | "is" | "be")
                        });
                        if main_verb.is_some() {
                            return main_verb;
                        }
                        k = close?;
                        continue;
                    }
                    if lexicon::ADVERBS.contains(folded(n.text(src)).as_ref()) {
                        k += 2;
                        if toks.get(k).is_some_and(|t| t.text(src) == ",") {
                            k += 1;
                        }
                        continue;
                    }
                    // an aside between commas before the verb: "X, while giving
                    // the welcome address on behalf of the Commission, stated …"
                    if is_lower(n.text(src)) {
                        if let Some(v) = aside_then_verb(v, k) {
                            return Some(v);
                        }
                    }
                }
            }
            return None;
        }
        // a time adverbial before the verb: "Minister X on Sunday said …"
        if let Some(end) = time_adverbial_end(v, k) {
            k = end;
            continue;
        }
        if !is_lower(w) {
            return None;
        }
        // "X will discuss …", "X is the keynote speaker": a future act or a
        // description, not a statement
        if lexicon::NOT_STATEMENTS.starts_at(v, k) || lexicon::DESCRIPTIONS.starts_at(v, k) {
            return None;
        }
        let lw = folded(w);
        if lexicon::ADVERBS.contains(lw.as_ref()) && !lexicon::REPORTING_VERBS.contains(lw.as_ref()) {
            k += 1;
            continue;
        }
        // "X, …, on her part underlined …", "X for his part noted …"
        if matches!(lw.as_ref(), "on" | "for")
            && toks.get(k + 1).is_some_and(|t| matches!(folded(t.text(src)).as_ref(), "his" | "her" | "their" | "its"))
            && toks.get(k + 2).is_some_and(|t| folded(t.text(src)) == "part")
        {
            k += 3;
            if toks.get(k).is_some_and(|t| t.text(src) == ",") {
                k += 1;
            }
            continue;
        }
        if lexicon::REPORTING_VERBS.contains(lw.as_ref()) {
            return Some(k);
        }
        if lexicon::FUNCTION_WORDS.contains(lw.as_ref()) {
            // the aside right after a descriptor's closing comma: "X, Head of Unit, while …, stated"
            if k > 0 && v.text(k - 1) == "," {
                return aside_then_verb(v, k - 1);
            }
            return None;
        }
        return Some(k);
    }
    None
}

/// How far an aside between commas may run before the verb it delays.
const ASIDE_TOKENS: usize = 30;

/// `, <aside>, verb`: the comma at `comma` opens an aside that a second comma
/// closes, and a reporting verb (after adverbs) follows it. Returns the verb.
fn aside_then_verb(v: &View, comma: usize) -> Option<usize> {
    let (src, toks) = (v.src(), v.toks());
    let stop = (comma + ASIDE_TOKENS).min(toks.len());
    if let Some(verb) = unclosed_aside_verb(v, comma) {
        return Some(verb);
    }
    let close = (comma + 2..stop).find(|&q| matches!(v.text(q), "," | "." | ";" | ":"))?;
    if v.text(close) != "," {
        return None;
    }
    let mut v = close + 1;
    while toks.get(v).is_some_and(|t| lexicon::ADVERBS.contains(folded(t.text(src)).as_ref())) {
        v += 1;
    }
    let t = toks.get(v)?;
    (is_lower(t.text(src)) && lexicon::REPORTING_VERBS.contains(folded(t.text(src)).as_ref())).then_some(v)
}

/// Words an aside left unclosed may hold before its verb.
const UNCLOSED_ASIDE_WORDS: usize = 5;

/// `X, in a message said, …`: an aside opened by a preposition after the
/// comma at `comma` and never closed; the verb right after it (past, not
/// `-ing`) is the person's.
fn unclosed_aside_verb(v: &View, comma: usize) -> Option<usize> {
    let first = comma + 1;
    if !(v.is_word(first) && is_lower(v.text(first)) && v.is(first, Word::TitlePreposition)) {
        return None;
    }
    for q in first + 1..(first + 1 + UNCLOSED_ASIDE_WORDS).min(v.len()) {
        let w = v.text(q);
        if !v.is_word(q) || !is_lower(w) {
            return None;
        }
        if q >= first + 2 && v.is(q, Word::ReportingVerb) && !w.ends_with("ing") {
            return Some(q);
        }
    }
    None
}

/// `on Sunday`, `yesterday`, `here today`, `last week`: one past the end of
/// a time adverbial (lead words, then time words; data) at `k`.
fn time_adverbial_end(v: &View, k: usize) -> Option<usize> {
    let mut j = k;
    while v.is_word(j) && v.is(j, Word::TimeLead) {
        j += 1;
    }
    let from = j;
    while v.is_word(j) && v.is(j, Word::TimeWord) {
        j += 1;
    }
    (j > from).then_some(j)
}

/// `…, who was represented (at the event) by …` right after a mention at `after`.
pub fn represented_after(v: &View, after: usize) -> bool {
    let (src, toks) = (v.src(), v.toks());
    toks.get(after).is_some_and(|t| t.text(src) == ",")
        && toks.get(after + 1).is_some_and(|t| folded(t.text(src)) == "who")
        && toks[after + 2..toks.len().min(after + 5)].iter().any(|t| folded(t.text(src)) == "represented")
}

/// Is the name at `first` the representative in `X, who was represented …
/// by Y, said`? Y speaks for X; the statement is X's, and Y is not a speaker.
fn representative(v: &View, first: usize) -> bool {
    let (src, toks) = (v.src(), v.toks());
    let Some(r) = toks[..first].iter().rposition(|t| folded(t.text(src)) == "represented") else {
        return false;
    };
    toks[r + 1..first].iter().any(|t| folded(t.text(src)) == "by")
        && !toks[r + 1..first].iter().any(|t| {
            let w = t.text(src);
            is_lower(w) && lexicon::REPORTING_VERBS.contains(folded(w).as_ref()) && !w.ends_with("ing")
        })
}

/// `has said`, `had long argued`, `once wrote` after a name: speech from
/// outside the session, which a report cites (a head of state, an author).
fn outside_speech(v: &View, after: usize) -> bool {
    let w = |k: usize| v.word(k);
    if !matches!(w(after).as_ref(), "has" | "have" | "had" | "once") {
        return false;
    }
    let mut k = after + 1;
    while k < after + 3
        && (lexicon::is(&w(k), Word::Adverb)
            || matches!(w(k).as_ref(), "long" | "often" | "repeatedly" | "previously" | "famously" | "once"))
    {
        k += 1;
    }
    let v = w(k);
    // a participle of a reporting verb ("said", "argued", "written")
    lexicon::is(&v, Word::ReportingVerb) || matches!(&*v, "written" | "wrote" | "spoken")
}

/// What may stand right before a subject, for one stage's reading of
/// [`subject_place`]: the introductions' (a name in a speaker's place) and
/// attribution's (a mention in a source's place) differ in their lists.
#[derive(Debug)]
pub struct SubjectBefore {
    /// Punctuation after which a subject may stand.
    pub marks: &'static [&'static str],
    /// Words after which a subject may stand, anywhere in the sentence.
    pub words: &'static LazyLock<HashSet<&'static str>>,
    /// Words that may open the sentence right before the subject (adverbs always may).
    pub openers: &'static LazyLock<HashSet<&'static str>>,
    /// What may stand before an adverb before the subject (`, then Varga`).
    pub before_adverb: &'static [&'static str],
}

/// No words.
pub static NO_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(HashSet::default);

/// Words before an introduced name that put it in a speaker's place (`Speakers
/// included X`, `and X`), from `src/data/subject_lead_words.txt`.
static SUBJECT_LEAD_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lexicon::words(include_str!("data/subject_lead_words.txt")).collect());

/// Where an introduced name stands as a speaker ([`subject_context`]).
pub static INTRO_SUBJECT: SubjectBefore = SubjectBefore {
    marks: &[",", ";", ":", "‘", "“", "\"", "(", "•", "-", "–", "—", "*"],
    words: &SUBJECT_LEAD_WORDS,
    openers: &NO_WORDS,
    before_adverb: &[],
};

/// The core shared by the stages: is the token at `first` where a subject
/// stands, by what comes right before it — the sentence start, a mark, a
/// word of `rules`, an opener or adverb as the first word, or an adverb after
/// `rules.before_adverb`?
pub fn subject_place(v: &View, first: usize, rules: &SubjectBefore) -> bool {
    if first == 0 {
        return true;
    }
    let p = v.text(first - 1);
    if rules.marks.contains(&p) {
        return true;
    }
    let lp = folded(p);
    if rules.words.contains(lp.as_ref()) {
        return true;
    }
    let adverb = lexicon::ADVERBS.contains(lp.as_ref());
    if first == 1 {
        return adverb || rules.openers.contains(lp.as_ref());
    }
    adverb && rules.before_adverb.contains(&v.text(first - 2))
}

/// Does the token before `first` put the name in a speaker's place?
fn subject_context(v: &View, first: usize) -> bool {
    subject_place(v, first, &INTRO_SUBJECT) || session_agent(v, first)
}

/// `moderated by X`, `chaired by X`, `remarks by X`, `The floor was given to X`.
pub fn session_agent(v: &View, first: usize) -> bool {
    if first < 2 {
        return false;
    }
    let p = v.word(first - 1);
    let v = v.word(first - 2);
    // a listed session act; another passive ("appointed by", "headed by")
    // names someone only mentioned
    let act = lexicon::is(&v, Word::SessionAct);
    (p == "by" && (act || lexicon::is(&v, Word::SpeechNoun)))
        || (p == "to" && matches!(v.as_ref(), "given" | "passed" | "handed" | "turned" | "went"))
}

/// Reporting verb right before the name, itself after a comma, quote or sentence start.
pub fn postposed(v: &View, first: usize) -> bool {
    if first == 0 {
        return false;
    }
    if !v.is(first - 1, Word::ReportingVerb) {
        return false;
    }
    if first == 1 {
        return true;
    }
    let b = v.text(first - 2);
    matches!(b, "," | "’" | "”" | "\"" | "'" | "." | "?" | "!" | "—" | "–")
        || (first >= 3
            && lexicon::ADVERBS.contains(folded(b).as_ref())
            && matches!(v.text(first - 3), "," | "’" | "”" | "\""))
}

/// `of the Maghreb Internet Society`, `from Civic Lab` after a name, followed
/// by a predicate. Returns (index after it, organisation span without `the`).
fn of_organization(v: &View, at: usize) -> Option<(usize, (usize, usize))> {
    let (src, toks) = (v.src(), v.toks());
    let w = folded(toks.get(at)?.text(src));
    if w != "of" && w != "from" {
        return None;
    }
    let mut k = at + 1;
    if toks.get(k).is_some_and(|t| folded(t.text(src)) == "the") {
        k += 1;
    }
    let s = k;
    while k < toks.len()
        && toks[k].kind == Kind::Word
        && (v.is_cap(k) || (k > s && matches!(&*v.word(k), "of" | "for" | "and" | "on")))
    {
        // "from Medi-Alliance and Dr. B": the next person, not the organisation's name
        if v.word(k) == "and" && name_starts(v, k + 1) {
            break;
        }
        k += 1;
    }
    if k == s || k - s > 10 || !v.is_cap(k - 1) {
        return None;
    }
    // a bracket after it belongs to it: "from AW Learning Partners (Kenya)"
    if toks.get(k).is_some_and(|t| t.text(src) == "(") {
        if let Some(c) = matching_close(v, k) {
            k = c + 1;
        }
    }
    // a predicate follows, or the next person of a list: "A from Org and Dr. B, …, shared"
    let next_person = toks.get(k).is_some_and(|t| matches!(t.text(src), "," | "and")) && name_starts(v, k + 1);
    // or the list ends with it: "…, B (…) and C from Comoros."
    let name_tok = (0..at).rev().find(|&q| !v.is_name_word(q) && !is_particle(src, &toks[q]));
    let list_end = name_tok.is_some_and(|q| v.word(q) == "and") && toks[k..].iter().all(|t| t.kind == Kind::Punct);
    if !next_person && !list_end {
        predicate_at(v, k)?;
    }
    Some((k, (toks[s].start, toks[k - 1].end)))
}

/// A cheap pre-check: an introduction needs at least two capitalised words
/// (honorific and name, or two name parts), or one name opening the sentence
/// before a comma (a single given name with a descriptor); a sentence with
/// neither cannot hold one.
pub fn may_introduce(s: &str) -> bool {
    let mut caps = 0;
    for b in s.bytes() {
        if b.is_ascii_uppercase() || b >= 0x80 {
            caps += 1;
            if caps >= 2 {
                return true;
            }
        }
    }
    // a single given name with a descriptor: "Farida, a water user, asked …"
    caps == 1 && {
        let t = s.trim_start();
        t.starts_with(|c: char| c.is_uppercase())
            && t.find(|c: char| !c.is_alphanumeric()).is_some_and(|e| t[e..].starts_with(','))
    }
}

/// Finds every name-and-title introduction in one sentence, given its tokens.
pub fn intros(src: &str, seg: &Segment, toks: &[Tok]) -> Vec<Intro> {
    intros_in(&View::of_tokens(src, toks), seg)
}

/// Finds every name-and-title introduction in one sentence read into `v`.
pub fn intros_in(v: &View, seg: &Segment) -> Vec<Intro> {
    let (src, toks) = (v.src(), v.toks());
    let mut out = Vec::new();
    if toks.is_empty() || is_byline(v) {
        return out;
    }
    // list items end at a semicolon too: "The panel was made up of: A, Title;
    // B, Title; and C, Title."
    let colon = toks.iter().position(|t| t.text(src) == ":");
    let semicolon_list = colon.is_some_and(|c| toks[c..].iter().any(|t| t.text(src) == ";"));
    let item = seg.layout == Layout::Item || semicolon_list;
    let mut i = 0;
    while i < toks.len() {
        let start = i;
        // an honorific and a name both open with a capitalised word
        if !(v.is_word(i) && v.is_cap(i)) {
            i += 1;
            continue;
        }
        let (hon_end, gender) = match honorific_chain(v, i) {
            Some((e, g)) => (e, g),
            None => (i, None),
        };
        let has_hon = hon_end > i;
        let Some((name_end, parts)) = parse_name(v, hon_end) else {
            i += 1;
            continue;
        };
        let name_tok = hon_end;
        // a single given name speaks only in a subject's place with a
        // descriptor: "Farida, a registrar of …, questioned"
        let single = !has_hon && parts < 2;
        if single && !(start == 0 || v.text(start - 1) == ",") || single && !single_given_name(v, name_tok) {
            i = name_end;
            continue;
        }
        if !has_hon {
            if let Some(p) = given_name_start(v, name_tok, name_end) {
                i = p;
                continue;
            }
        }
        // a phrase of ordinary words, not a person: "Clean Energy", "Patient Safety"
        if !has_hon && is_word_phrase(v, name_tok, name_end) {
            i = name_end;
            continue;
        }
        // an organisation that qualifies a lowercase title before the person:
        // "Kesra Oil chief executive Ivo Marsh said …"
        if !has_hon && lowercase_title_then_name(v, name_end) {
            i = name_end;
            continue;
        }
        // a place, not a person: "Costa Rica stressed …"
        if !has_hon {
            let folded_name = text::collapse(&src[toks[name_tok].start..toks[name_end - 1].end]).to_lowercase();
            if lexicon::PLACES.contains(folded_name.as_str()) {
                i = name_end;
                continue;
            }
        }
        // descriptor after the name
        let mut after = name_end;
        let mut title = None;
        if let Some(t) = toks.get(after) {
            let w = t.text(src);
            let open =
                if w == "," && toks.get(after + 1).is_some_and(|n| n.text(src) == "(") { after + 1 } else { after };
            if let Some((close, span)) = paren_descriptor(v, open) {
                title = Some(span);
                after = close + 1;
            } else if w == "," {
                if let Some((end, span)) = appositive(v, after, item) {
                    title = Some(span);
                    after = if toks.get(end).is_some_and(|t| t.text(src) == ",") { end + 1 } else { end };
                }
            }
        }
        // "Hassan Idrissi of the Maghreb Internet Society stated …"
        let mut org = None;
        if title.is_none() {
            if let Some((end, span)) = of_organization(v, after) {
                org = Some(span);
                after = end;
            }
        }
        // descriptor before the name (or before the honorific)
        let mut first = start;
        let mut pre_role = None;
        // the honorific proper starts after title nouns that end a title before
        // it: "International Trade Minister Datuk Seri X", "Council President X"
        let mut hon_start = start;
        if let Some((k, t, o)) = pre_descriptor(v, start) {
            // "Keynote speaker Kelvin Ong, Head of …, emphasized": the mention
            // starts at the words before the name even when the title follows it
            first = k;
            if title.is_none() {
                title = t;
                org = org.or(o);
                if let Some((ts, _)) = title.filter(|_| has_hon) {
                    while hon_start < hon_end && v.is(hon_start, Word::TitleNoun) {
                        hon_start += 1;
                    }
                    if hon_start > start {
                        title = Some((ts, toks[hon_start - 1].end));
                    }
                }
            }
        }
        // a role as a label: "Moderator: Ms Lena Varga"
        if first >= 1 && v.text(first - 1) == ":" && first <= 3 {
            pre_role = toks[..first - 1].iter().find_map(|t| lexicon::role_of(&folded(t.text(src))));
        }
        // role in apposition: "The moderator, Mr Omar Haddad (…), …"
        if first >= 2 && v.text(first - 1) == "," {
            let rw = v.word(first - 2);
            if let Some(r) = lexicon::role_of(&rw) {
                pre_role = Some(r);
            }
            // a title phrase that opens the sentence, then a comma and the name:
            // "The Director-General of the Agency, Lena Varga, welcomed …",
            // "Kesra District Commissioner, Ama Tembo has stressed …"
            if title.is_none() && (has_hon || parts >= 2) && out.iter().all(|o| !o.is_speaker) {
                // after a fronted phrase: "In his opening remark, Chairperson
                // of the Coast Commission, Ivo Marek, praised …"
                let from = fronted_phrase_end(v, first - 1).unwrap_or(0);
                if let Some(span) = head_title(v, from, first - 1) {
                    title = Some(span);
                    if toks.get(after).is_some_and(|t| t.text(src) == ",") {
                        after += 1;
                    }
                    first = from;
                }
            }
            // a title phrase in apposition before the name, inside the
            // sentence: "…, the United Nations Special Envoy for Fisheries,
            // Mr. Tevita Fonua, and …"
            if title.is_none() && (has_hon || parts >= 2) {
                if let Some(c) = toks[..first - 1].iter().rposition(|t| t.text(src) == ",") {
                    if v.word(c + 1) == "the" {
                        title = head_title(v, c + 1, first - 1);
                    }
                }
            }
        }
        let name_span = (toks[name_tok].start, toks[name_end - 1].end);
        let described = title.is_some() || org.is_some();
        let excluded = mention_only_context(v, first) || representative(v, first);
        // a description ("X is the keynote speaker") introduces the person,
        // though the sentence is no statement of theirs
        let pred = predicate_at(v, after).is_some()
            || toks.get(after).is_some_and(|t| folded(t.text(src)) == "and")
            || lexicon::DESCRIPTIONS.starts_at(v, after);
        let is_speaker = !excluded
            && if single {
                // a bare "Alex argued" may be a short form of a speaker's name;
                // the descriptor opens lowercase ("Farida, a registrar …"), not
                // with the next name of a list ("Greco, Dahl and Berg agreed")
                subject_context(v, first)
                    && pred
                    && title.is_some_and(|(s, _)| src[s..].starts_with(|c: char| c.is_lowercase()))
            } else if described {
                true
            } else if outside_speech(v, after) {
                // "President Macron has said that …": cited, not speaking here
                false
            } else if has_hon {
                // "Ms Varga said" is a speaker; "… recalled that President X once said" is not
                subject_context(v, first) || postposed(v, first)
            } else {
                (subject_context(v, first) && pred) || postposed(v, first) || (item && first == 0)
            };
        // a single name that is no speaker here is no introduction at all:
        // "Greco, Dahl and Berg agreed" names speakers by their aliases
        if single && !is_speaker {
            i = name_end;
            continue;
        }
        // a role stated by the descriptor or a session verb
        let mut role = pre_role;
        if role.is_none() {
            if let Some((s, e)) = title {
                role = src[s..e]
                    .split(|c: char| !c.is_alphanumeric() && c != '-')
                    .find_map(|w| lexicon::role_of(&folded(w)));
            }
        }
        // "…, who moderated the session, …"
        if role.is_none()
            && toks.get(after).is_some_and(|t| t.text(src) == ",")
            && toks.get(after + 1).is_some_and(|t| t.text(src) == "who")
        {
            role = toks[after + 2..(after + 5).min(toks.len())]
                .iter()
                .find_map(|t| lexicon::role_of(&folded(t.text(src))));
        }
        if role.is_none() {
            if let Some(k) = predicate_at(v, after) {
                role = lexicon::role_of(&v.word(k));
            }
        }
        let honorific = (hon_end > hon_start).then(|| (toks[hon_start].start, toks[hon_end - 1].end));
        out.push(Intro {
            first_tok: first,
            name_tok,
            name_end_tok: name_end,
            after_tok: after,
            name_span,
            honorific,
            title,
            org,
            role,
            gender,
            is_speaker,
        });
        i = name_end.max(i + 1);
    }
    out
}

/// Do lowercase title nouns start at `k` and run up to a capitalised word
/// (`chief executive Ivo`, `spokesperson Ana`)? The words before them then
/// name what the title belongs to, not a person.
fn lowercase_title_then_name(v: &View, k: usize) -> bool {
    let (src, toks) = (v.src(), v.toks());
    let mut j = k;
    while toks.get(j).is_some_and(|t| {
        let w = t.text(src);
        t.kind == Kind::Word && is_lower(w) && lexicon::TITLE_NOUNS.contains(folded(w).as_ref())
    }) {
        j += 1;
    }
    j > k && v.is_word(j) && v.is_cap(j) && v.is_name_word(j)
}

/// Guesses the organisation in a descriptor: the part after the last comma,
/// or after ` at ` / ` of the `, when it looks like a name.
pub fn organization_of(title: &str) -> Option<String> {
    let candidate = if let Some(p) = title.rfind(", ") {
        &title[p + 2..]
    } else if let Some(p) = title.find(" at ") {
        &title[p + 4..]
    } else if let Some(p) = title.find(" of the ") {
        &title[p + 4..]
    } else {
        return None;
    };
    let c = candidate.trim();
    (is_cap(c) || c.starts_with("the ")).then(|| c.to_string())
}

/// Alias forms of a full name: the name, its surname and surname groups, and
/// every part that is not a particle or an initial.
pub fn aliases_of(name: &str) -> Vec<String> {
    let parts: Vec<&str> = name.split_whitespace().collect();
    let mut out = vec![name.to_string()];
    let content: Vec<&str> = parts
        .iter()
        .copied()
        .filter(|p| !lexicon::PARTICLES.contains(p) && p.trim_end_matches('.').chars().count() > 1)
        .collect();
    for w in 2..parts.len() {
        // trailing groups: "Ruiz Pardo", "van der Berg"
        let tail = parts[parts.len() - w..].join(" ");
        if tail != name {
            out.push(tail);
        }
    }
    for p in content {
        if !out.iter().any(|o| o == p) {
            out.push(p.to_string());
        }
        // hyphenated surnames: "Laurent-Petit" → "Laurent", "Petit"
        if p.contains('-') {
            for h in p.split('-') {
                if h.chars().count() > 2 && is_cap(h) && !out.iter().any(|o| o == h) {
                    out.push(h.to_string());
                }
            }
        }
    }
    out
}

fn fold_words(s: &str) -> String {
    s.split_whitespace().map(fold).collect::<Vec<_>>().join(" ")
}

/// Attendance rosters: the lines after a lead-in that ends with a colon and
/// names an audience (`… with community delegates present, including:`) list
/// people who were there, not people who spoke; their introductions are no
/// speakers'. A panel's roster (`The panel was made up of:`) is not touched.
/// `at[i]..at[i + 1]` are the introductions of segment `i`.
pub fn drop_audience_rosters(segs: &[Segment], at: &[u32], intros: &mut [Intro]) {
    let mut roster = false;
    for (i, s) in segs.iter().enumerate() {
        if s.paragraph_start {
            roster = false;
        }
        if roster {
            for it in &mut intros[at[i] as usize..at[i + 1] as usize] {
                it.is_speaker = false;
            }
        }
        let t = s.text.trim_end();
        if t.ends_with(':') {
            roster = t
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| !w.is_empty() && lexicon::AUDIENCE_WORDS.contains(folded(w).as_ref()));
        }
    }
}

/// The folded parts of a name, as [`misspelt_parts`] compares them.
fn name_parts(name: &str) -> Vec<String> {
    name.split_whitespace().map(fold).collect()
}

/// Is `pb` a misspelling of the name `pa` (both split and folded by
/// [`name_parts`]): the same number of parts (two or more), every part
/// starting with the same letter and at most a letter or two off (a
/// transposition counts two), parts of four letters or fewer exact? Two
/// people's names differ in a whole part, not in a letter. Length and
/// letters rule most pairs out before the edit distance.
fn misspelt_parts(pa: &[String], pb: &[String]) -> bool {
    pa.len() >= 2
        && pa.len() == pb.len()
        && pa != pb
        && pa.iter().zip(pb).all(|(x, y)| {
            if x == y {
                return true;
            }
            let (nx, ny) = (x.chars().count(), y.chars().count());
            let max = if nx.min(ny) <= MISSPELT_EXACT_CHARS { 0 } else { MISSPELT_MAX_EDITS };
            x.chars().next() == y.chars().next()
                && nx.abs_diff(ny) <= max
                && fuzzy::letters_allow(x, y, max)
                && text::edit_distance(x, y, max) <= max
        })
}

/// Adds `k` under `key` unless it is there already.
fn push_once(map: &mut HashMap<String, Vec<usize>>, key: String, k: usize) {
    let v = map.entry(key).or_default();
    if !v.contains(&k) {
        v.push(k);
    }
}

/// The first letters of a name's folded parts (`bagus wiratmaja` → `bw`).
fn initials(parts: &[String]) -> String {
    parts.iter().filter_map(|p| p.chars().next()).collect()
}

/// Name parts this short must be spelt the same to be the same name.
const MISSPELT_EXACT_CHARS: usize = 4;
/// How many edits a longer name part may be off.
const MISSPELT_MAX_EDITS: usize = 2;

/// The speaker table: builds it from every introduction, merging repeats.
pub fn build_table<'i>(src: &str, intros: impl IntoIterator<Item = &'i Intro>) -> Vec<Speaker> {
    let mut table: Vec<Speaker> = Vec::new();
    // folded alias → speakers, folded full name → speakers (keeps merging linear)
    let mut by_alias: HashMap<String, Vec<usize>> = HashMap::default();
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::default();
    // the folded parts of each speaker's name, for misspellings (folded once)
    let mut parts: Vec<Vec<String>> = Vec::new();
    // folded initials of the name's parts → speakers: the only names a
    // misspelling can be of ([`misspelt_parts`] keeps every first letter)
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::default();
    // speaker `k` under every key of the maps; `key` is its name's folded parts
    let index = |k: usize,
                 s: &Speaker,
                 key: &[String],
                 by_alias: &mut HashMap<String, Vec<usize>>,
                 by_name: &mut HashMap<String, Vec<usize>>,
                 by_initials: &mut HashMap<String, Vec<usize>>| {
        push_once(by_name, key.join(" "), k);
        push_once(by_initials, initials(key), k);
        for a in &s.aliases {
            push_once(by_alias, fold_words(a), k);
        }
    };
    {
        for it in intros.into_iter().filter(|it| it.is_speaker) {
            let name = collapse(&src[it.name_span.0..it.name_span.1]);
            let name = text::strip_possessive(&name).0.to_string();
            let key: Vec<String> = name_parts(&name);
            // the same person: one name is a form (alias) of the other, and
            // the honorifics do not contradict each other
            let joined = key.join(" ");
            let new_forms: Vec<String> = aliases_of(&name).iter().map(|a| fold_words(a)).collect();
            let mut cands: Vec<usize> = by_alias.get(&joined).cloned().unwrap_or_default();
            for f in &new_forms {
                cands.extend(by_name.get(f).into_iter().flatten());
            }
            cands.sort_unstable();
            let compatible = |k: &usize| !matches!((table[*k].gender, it.gender), (Some(a), Some(b)) if a != b);
            // a misspelt repeat of a name already in the table ("Bagsu
            // Wiratmaja" … "Bagus Wiratmja") is the same person
            let existing = cands.into_iter().find(compatible).or_else(|| {
                let same_initials = by_initials.get(&initials(&key)).into_iter().flatten().copied();
                same_initials.filter(|k| compatible(k) && misspelt_parts(&parts[*k], &key)).min()
            });
            let title = it.title.map(|(s, e)| collapse(&src[s..e]));
            let honorific = it.honorific.map(|(s, e)| collapse(&src[s..e]));
            let org = it.org.map(|(s, e)| collapse(&src[s..e])).or_else(|| title.as_deref().and_then(organization_of));
            match existing {
                Some(k) => {
                    let s = &mut table[k];
                    if key.len() > s.name.split_whitespace().count() {
                        s.name = name.clone();
                        parts[k] = key.clone();
                        s.aliases = aliases_of(&name);
                        index(k, s, &key, &mut by_alias, &mut by_name, &mut by_initials);
                    } else if misspelt_parts(&parts[k], &key) {
                        // the misspelt forms find the speaker too
                        for a in aliases_of(&name) {
                            if !s.aliases.contains(&a) {
                                s.aliases.push(a);
                            }
                        }
                        index(k, s, &parts[k], &mut by_alias, &mut by_name, &mut by_initials);
                    }
                    if s.title.is_none() && title.is_some() {
                        s.title = title;
                        s.organization = org;
                    }
                    if s.honorific.is_none() {
                        s.honorific = honorific;
                    }
                    s.gender = s.gender.or(it.gender);
                    s.role = s.role.or(it.role);
                }
                None => {
                    let gender_prior = name
                        .split_whitespace()
                        .next()
                        .and_then(|g| gazetteer::lookup(g.split('-').next().unwrap_or(g)))
                        .and_then(|g| g.gender);
                    let s = Speaker {
                        gender_prior,
                        aliases: aliases_of(&name),
                        name,
                        honorific,
                        title,
                        organization: org,
                        role: it.role,
                        gender: it.gender,
                        introduced_at: (it.name_span.0, it.name_span.1),
                    };
                    index(table.len(), &s, &key, &mut by_alias, &mut by_name, &mut by_initials);
                    table.push(s);
                    parts.push(key);
                }
            }
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::Segmenter;

    /// Parses the first sentence of `text`; returns (name, honorific, title, speaker?).
    fn parse(text: &str) -> Vec<(String, Option<String>, Option<String>, bool)> {
        let segs = Segmenter::default().segment(text);
        let seg = &segs[0];
        let toks = text::tokenize(text, seg.start, seg.end);
        intros(text, seg, &toks)
            .into_iter()
            .map(|i| {
                (
                    collapse(&text[i.name_span.0..i.name_span.1]),
                    i.honorific.map(|(s, e)| text[s..e].to_string()),
                    i.title.map(|(s, e)| collapse(&text[s..e])),
                    i.is_speaker,
                )
            })
            .collect()
    }

    fn one(text: &str) -> (String, Option<String>, Option<String>, bool) {
        let v = parse(text);
        assert!(!v.is_empty(), "no intro in {text:?}");
        v[0].clone()
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    /// (name, input, expected name, honorific, title)
    type Case = (&'static str, &'static str, &'static str, Option<&'static str>, Option<&'static str>);
    const CASES: &[Case] = &[
        (
            "an organisation before a lowercase title is not the person",
            "Kesra Oil chief executive Ivo Marsh said the rigs were safe.",
            "Ivo Marsh",
            None,
            Some("Kesra Oil chief executive"),
        ),
        (
            "counter-case: a two-word name followed by a verb is the person",
            "Ivo Marsh chaired the session on rigs.",
            "Ivo Marsh",
            None,
            None,
        ),
        (
            "a family name that is an organisation word",
            "Ms Rosa Banks, co-chair of the Ostrow Trust, said the clinics matter.",
            "Rosa Banks",
            Some("Ms"),
            Some("co-chair of the Ostrow Trust"),
        ),
        (
            "a lowercase particle glued to the family name",
            "Foreign Minister Dr. Abu Sami al-Rashed said the talks will help.",
            "Abu Sami al-Rashed",
            Some("Dr."),
            Some("Foreign Minister"),
        ),
        (
            "a title phrase between a fronted phrase and the name",
            "In his opening remark, Chairperson of the Coast Commission, Ivo Marek, praised the reform.",
            "Ivo Marek",
            None,
            Some("Chairperson of the Coast Commission"),
        ),
        (
            "counter-case: a fronted phrase that names a place is no title",
            "In the old harbour of Kesra, Ivo Marek praised the reform.",
            "Ivo Marek",
            None,
            None,
        ),
        (
            "a single given name with a descriptor",
            "Farida, a registrar of a college in Kesra, questioned the need for a new agency.",
            "Farida",
            None,
            Some("a registrar of a college in Kesra"),
        ),
        (
            "a title phrase in apposition before the name inside the sentence",
            "The mission hosted a debate with delegates, the Special Envoy for Fisheries, Mr. Tevita Fonua, and others.",
            "Tevita Fonua",
            Some("Mr."),
            Some("Special Envoy for Fisheries"),
        ),
        (
            "an acronym in brackets ends a title before the name",
            "District Water Board Secretary (DWBS) Ama Tembo says the wells are dry.",
            "Ama Tembo",
            None,
            Some("District Water Board Secretary (DWBS)"),
        ),
        (
            "a single given name opening a sentence of one capital",
            "Farida, a water user from the lower valley, asked who pays for the sensors.",
            "Farida",
            None,
            Some("a water user from the lower valley"),
        ),
        (
            "a description introduces the person, though it is no statement",
            "Marty Doyle is the keynote speaker at the Harbour Guild meeting.",
            "Marty Doyle",
            None,
            None,
        ),
        (
            "an abbreviated title word before a title",
            "Asst. Dean of Students Pablo J. Davis also praised the conference.",
            "Pablo J. Davis",
            None,
            Some("Asst. Dean of Students"),
        ),
        (
            "MEP before the name in an inverted attribution",
            "“We must ask hard questions,” said MEP Ana Lutz, a liberal from Kesra.",
            "Ana Lutz",
            None,
            Some("a liberal from Kesra"),
        ),
        (
            "a perfect tense with a descriptor is still an introduction",
            "Ms Ana Costa (Director, Civic Lab) has argued that it works.",
            "Ana Costa",
            Some("Ms"),
            Some("Director, Civic Lab"),
        ),
        (
            "surname prefixes keep inner capitals",
            "Mr Connor McDonald-LeBlanc (Analyst, Civic Lab) said that it works.",
            "Connor McDonald-LeBlanc",
            Some("Mr"),
            Some("Analyst, Civic Lab"),
        ),
        (
            "paren",
            "Ms Lena Varga (Head of Policy, Northwind Foundation) said that it works.",
            "Lena Varga",
            Some("Ms"),
            Some("Head of Policy, Northwind Foundation"),
        ),
        (
            "period honorific",
            "Mr. Omar Haddad (Director, Civic Lab) noted this.",
            "Omar Haddad",
            Some("Mr."),
            Some("Director, Civic Lab"),
        ),
        (
            "H.E. chain",
            "H.E. Mr. Omar Haddad (Minister of Digital Affairs) opened the session.",
            "Omar Haddad",
            Some("H.E. Mr."),
            Some("Minister of Digital Affairs"),
        ),
        ("H. E. spaced", "H. E. Ms Lena Varga (Ambassador) spoke.", "Lena Varga", Some("H. E. Ms"), Some("Ambassador")),
        (
            "His Excellency",
            "His Excellency Mr. Omar Haddad (Minister) spoke.",
            "Omar Haddad",
            Some("His Excellency Mr."),
            Some("Minister"),
        ),
        (
            "rank with (R)",
            "Maj. Gen. (R) Ali Khan (Adviser, Defence Institute) warned of risks.",
            "Ali Khan",
            Some("Maj. Gen. (R)"),
            Some("Adviser, Defence Institute"),
        ),
        (
            "stray comma",
            "Mr Tomás Ruiz, (Director, Civic Lab) noted it.",
            "Tomás Ruiz",
            Some("Mr"),
            Some("Director, Civic Lab"),
        ),
        (
            "nested parens",
            "Ms Lena Varga (Adviser, Office of the Envoy on Technology (OET)) spoke.",
            "Lena Varga",
            Some("Ms"),
            Some("Adviser, Office of the Envoy on Technology (OET)"),
        ),
        (
            "brackets",
            "Dr Omar Haddad (Chair [acting], Civic Lab) spoke.",
            "Omar Haddad",
            Some("Dr"),
            Some("Chair [acting], Civic Lab"),
        ),
        (
            "appositive",
            "Lena Varga, Chief Economist at Harbor Bank, argued that rates matter.",
            "Lena Varga",
            None,
            Some("Chief Economist at Harbor Bank"),
        ),
        (
            "representing",
            "Omar Haddad, representing Civic Lab, stressed the point.",
            "Omar Haddad",
            None,
            Some("representing Civic Lab"),
        ),
        (
            "pre-descriptor possessive",
            "Harbor Bank’s Chief Economist Lena Varga argued for it.",
            "Lena Varga",
            None,
            Some("Harbor Bank’s Chief Economist"),
        ),
        (
            "pre-descriptor keynote",
            "Keynote speaker Lena Varga opened the day.",
            "Lena Varga",
            None,
            Some("Keynote speaker"),
        ),
        ("pre-descriptor co-chair", "Co-Chair Lena Varga closed the meeting.", "Lena Varga", None, Some("Co-Chair")),
        (
            "pre-descriptor long",
            "Estonian Ambassador at Large for Cyber Affairs Lena Varga spoke next.",
            "Lena Varga",
            None,
            Some("Estonian Ambassador at Large for Cyber Affairs"),
        ),
        (
            "no honorific",
            "Lena Varga (Northwind Foundation) stressed the need.",
            "Lena Varga",
            None,
            Some("Northwind Foundation"),
        ),
        (
            "four parts",
            "Mr Carlos Andrés Ruiz Pardo (Minister) spoke.",
            "Carlos Andrés Ruiz Pardo",
            Some("Mr"),
            Some("Minister"),
        ),
        (
            "hyphens",
            "Ms Anne-Marie Laurent-Petit (Researcher) spoke.",
            "Anne-Marie Laurent-Petit",
            Some("Ms"),
            Some("Researcher"),
        ),
        (
            "particles",
            "Mr Jan van der Berg (Professor, Delft) said so.",
            "Jan van der Berg",
            Some("Mr"),
            Some("Professor, Delft"),
        ),
        ("apostrophe", "Ms Siobhán O’Neill (Lawyer) spoke.", "Siobhán O’Neill", Some("Ms"), Some("Lawyer")),
        ("initial", "Dr Jane K. Doe (Fellow, Civic Lab) spoke.", "Jane K. Doe", Some("Dr"), Some("Fellow, Civic Lab")),
        (
            "diacritics",
            "Prof. Frédérique Öztürk-Radović (Dean) spoke.",
            "Frédérique Öztürk-Radović",
            Some("Prof."),
            Some("Dean"),
        ),
        ("family name first", "Ms Tan Mei Lin (Harbor Bank) spoke.", "Tan Mei Lin", Some("Ms"), Some("Harbor Bank")),
        (
            "ambassador honorific",
            "Ambassador Lena Varga, Chair of the Working Group, opened the meeting.",
            "Lena Varga",
            Some("Ambassador"),
            Some("Chair of the Working Group"),
        ),
        (
            "postposed with appositive",
            "“We must act,” said Lena Varga, State Secretary at the Ministry, at the opening.",
            "Lena Varga",
            None,
            Some("State Secretary at the Ministry"),
        ),
        (
            "role apposition",
            "The moderator, Mr Omar Haddad (Civic Lab), opened the session.",
            "Omar Haddad",
            Some("Mr"),
            Some("Civic Lab"),
        ),
        (
            "title apposition",
            "The Director-General of the Agency, Lena Varga, welcomed everyone.",
            "Lena Varga",
            None,
            Some("Director-General of the Agency"),
        ),
        ("Hon.", "Hon. Omar Haddad (MP, Kenya) spoke.", "Omar Haddad", Some("Hon."), Some("MP, Kenya")),
        ("Dame", "Dame Lena Varga spoke.", "Lena Varga", Some("Dame"), None),
        (
            "an appositive left unclosed ends at the verb",
            "Ms Nadia Berg, the Head of Research with Tallow Forward moderated the panel.",
            "Nadia Berg",
            Some("Ms"),
            Some("the Head of Research with Tallow Forward"),
        ),
        (
            "an unclosed appositive ending in an acronym",
            "Omar Haddad, Director General, Basin Resources Organization (BRO)  talked of the risks.",
            "Omar Haddad",
            None,
            Some("Director General, Basin Resources Organization (BRO)"),
        ),
        (
            "an aside between commas before the verb",
            "Ambassador Lena Varga, Head of the Health unit, while giving the welcome address, stated that it works.",
            "Lena Varga",
            Some("Ambassador"),
            Some("Head of the Health unit"),
        ),
        (
            "a title ends where the next person's name begins",
            "Dr. Lena Varga, a Reader in geography at Norland University, Kesra and Tomas Berg, a consultant, briefed us.",
            "Lena Varga",
            Some("Dr."),
            Some("a Reader in geography at Norland University, Kesra"),
        ),
        (
            "counter-case: capitalised words after 'and' that are no name stay in the title",
            "Petra Lind, Envoy for Water and Climate Diplomacy from Norland, showcased the scheme.",
            "Petra Lind",
            None,
            Some("Envoy for Water and Climate Diplomacy from Norland"),
        ),
        (
            "counter-case: a lowercase verb after a lowercase word is a clause, not the end of a title",
            "Lena Varga, Director of the Office, which she founded, said that it works.",
            "Lena Varga",
            None,
            Some("Director of the Office"),
        ),
        (
            "a title opening the sentence, then a comma and the name",
            "Kesra District Commissioner, Ama Tembo has stressed the need for solar pumps.",
            "Ama Tembo",
            None,
            Some("Kesra District Commissioner"),
        ),
        (
            "a lowercase title with an organisation in commas before an honorific",
            "The director general, Norland Fisheries Development Authority (NFDA), Prof Yaw Mensah has said that it works.",
            "Yaw Mensah",
            Some("Prof"),
            Some("director general, Norland Fisheries Development Authority (NFDA)"),
        ),
        (
            "the last word of a title before the name is not part of the name",
            "Minister for Ports and Shipping Tariq Aziz reiterated the plan.",
            "Tariq Aziz",
            None,
            Some("Minister for Ports and Shipping"),
        ),
        (
            "a title with 'of' before the name",
            "Minister of Water Resources Lidia Marsh expressed her thanks.",
            "Lidia Marsh",
            None,
            Some("Minister of Water Resources"),
        ),
        (
            "a title with 'of the' before the name, post-posed",
            "“Neither can data,” said the Director-General of the Basin Agency Tove Rask.",
            "Tove Rask",
            None,
            Some("Director-General of the Basin Agency"),
        ),
        ("a country's possessive before an honorific", "Fiji’s Ms. Litia Naivalu described the reform.", "Litia Naivalu", Some("Ms."), None),
        (
            "a lowercase title noun opens an appositive",
            "Dana Whitford, president and CEO of the Harbor Hotel Association, said bookings had doubled.",
            "Dana Whitford",
            None,
            Some("president and CEO of the Harbor Hotel Association"),
        ),
        (
            "a title before the name and one after it",
            "Keynote speaker Kelvin Ong, Head of the Flood Agency, emphasized early action.",
            "Kelvin Ong",
            None,
            Some("Head of the Flood Agency"),
        ),
        (
            "'on her part' between the descriptor and the verb",
            "Camila Restrepo, Executive Director of the Agency, on her part underlined the plan.",
            "Camila Restrepo",
            None,
            Some("Executive Director of the Agency"),
        ),
        (
            "a title noun before the honorific ends the title",
            "International Trade Minister Datuk Seri Rahim Osman said the press mattered.",
            "Rahim Osman",
            Some("Datuk Seri"),
            Some("International Trade Minister"),
        ),
        (
            "a title noun that looks like an honorific",
            "Delivering the opening address, Council President Mireille Doka of Gabon said it works.",
            "Mireille Doka",
            None,
            Some("Council President"),
        ),
        (
            "an organisation named after a person, with a particle",
            "The debate was moderated by Sander de Vries, de Vries Advisory, and Gareth Penn, Water Department.",
            "Sander de Vries",
            None,
            Some("de Vries Advisory"),
        ),
        (
            "surname that is also a place word",
            "Ana Costa (Director, Civic Lab) agreed.",
            "Ana Costa",
            None,
            Some("Director, Civic Lab"),
        ),
        (
            "an acronym in brackets after a person's name: the body they speak for",
            "Mr Pavel Dorn (UNDP) said that water costs were high.",
            "Pavel Dorn",
            Some("Mr"),
            Some("UNDP"),
        ),
        (
            "a bare initial without its period, as minutes write names",
            "Ms T Sithole (DA) agreed and recommended a register.",
            "T Sithole",
            Some("Ms"),
            Some("DA"),
        ),
        (
            "two bare initials and an appositive title",
            "Dr M J Gondwe, Committee Content Adviser, said the mandate is clear.",
            "M J Gondwe",
            Some("Dr"),
            Some("Committee Content Adviser"),
        ),
        (
            "a time adverbial between the person and the verb",
            "Water Minister Dr Amos Kiprono on Sunday said the new dam would open in May.",
            "Amos Kiprono",
            Some("Dr"),
            Some("Water Minister"),
        ),
        (
            "an aside left unclosed before the verb",
            "Meanwhile, Agency Director Lena Ortiz, in a message said, the river was rising.",
            "Lena Ortiz",
            None,
            Some("Agency Director"),
        ),
        (
            "a lowercase modifier opens a title before the name",
            "On Monday, former President Tom Hale opened the forum.",
            "Tom Hale",
            None,
            Some("former President"),
        ),
        (
            "a lowercase modifier opens a title in apposition",
            "Ana Ruiz, former Prime Minister of Norland, spoke about leadership.",
            "Ana Ruiz",
            None,
            Some("former Prime Minister of Norland"),
        ),
        (
            "a party's acronym in brackets, no honorific",
            "Pavel Dorn (NTC) added that the pumps were old.",
            "Pavel Dorn",
            None,
            Some("NTC"),
        ),
    ];

    #[test]
    fn table() {
        let mut failed = Vec::new();
        for (name, input, want_name, want_hon, want_title) in CASES {
            let got = one(input);
            let want = (want_name.to_string(), want_hon.map(String::from), want_title.map(String::from), true);
            if got != want {
                failed.push(format!("{name}: got {got:?}\n   want {want:?}"));
            }
        }
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }

    #[test]
    fn not_speakers() {
        for text in [
            "The UN Group of Governmental Experts (GGE) met in 2019.",
            "By Jane Doe",
            "Event report/s: Jane Doe",
            "She cited the work of Prof. Anne Smith (Oxford) at length.",
            "Canada and Mexico stated their views.",
            "Photo: Lena Varga at the podium.",
            "Costa Rica stressed the need for norms.",
            "Tanaka recalled that President Jefferson once said so.",
            "Google DeepMind announced a new model last week.",
            "President Macron has said that Europe must act.",
            "Ms Ana Costa has long argued for this.",
            "Lena Korvak will discuss the outlook for the fleet.",
            "The Rosa Banks Foundation funded the clinics.",
            "Farida argued that the agency is needed.",
            "The Harbour Agency (HA) said the data was late.",
            "The Kesra Water Agency (KWA) said the pumps were old.",
            "Group B Partners said the fee was fixed.",
            "The former President of the Bank was not present.",
            "Lena Ortiz, in her village grows rice for the market.",
            "Lena Ortiz on Sunday evening the river rose.",
            "A Kesra official said the talks ended.",
            "The Plenary on Antimicrobial Stewardship, Access, and Safety gathered clinicians.",
            "Delegates of Artisanal Fisheries, the coastal union, stated their views.",
            "Grace, a quality of the old school, marked the debate.",
            "Grants from the Bergen Institute of Oceanography stated the terms.",
            "As Jacques Delors once wrote, Europe is built through crises.",
            "OpenAI Research stated that the model is safe.",
            "Patient Safety remains a priority for every hospital.",
            "Marine Governance stressed the need for rules.",
            "Ghana Aquaculture Development Authority stated its plans.",
            "Climate Diplomacy argued for a new treaty.",
            "The forum met the Expert Panel appointed by UN Secretary-General Eda Kvist to review funding rules.",
            "The panel discussed a report by the Delta Commission, headed by Oren Malik and Paul Drey.",
            "The UK Deputy Permanent Representative opened the debate.",
        ] {
            let got = parse(text);
            assert!(got.iter().all(|g| !g.3), "{text:?} gave {got:?}");
        }
    }

    #[test]
    fn lists_of_titled_people() {
        // (name, sentence, expected (name, title) of every speaker)
        type Case = (&'static str, &'static str, &'static [(&'static str, &'static str)]);
        let cases: &[Case] = &[
            (
                "titles before the names, a comma list",
                "Moreover, Norland Prime Minister Ivo Marsh, Kesran Minister of Climate Policy Ana Lind and \
                 ENSA Deputy Secretary General Rui Costa made similar points.",
                &[
                    ("Ivo Marsh", "Norland Prime Minister"),
                    ("Ana Lind", "Kesran Minister of Climate Policy"),
                    ("Rui Costa", "ENSA Deputy Secretary General"),
                ],
            ),
            (
                "a semicolon list after a colon",
                "The panel was made up of: Lena Varga, Special Envoy of the Water Alliance; Omar Haddad, \
                 Director, Kesra Lab; and Ivo Marsh, Member, National Commission for Users.",
                &[
                    ("Lena Varga", "Special Envoy of the Water Alliance"),
                    ("Omar Haddad", "Director, Kesra Lab"),
                    ("Ivo Marsh", "Member, National Commission for Users"),
                ],
            ),
            (
                "counter-case: an organisation inside a descriptor is no next person",
                "Lena Varga, Director of Policy, Kesra Water Board, said that it works.",
                &[("Lena Varga", "Director of Policy, Kesra Water Board")],
            ),
        ];
        let mut failed = Vec::new();
        for (name, text, want) in cases {
            let analyzer = crate::Analyzer::default();
            let r = analyzer.analyze("t", text);
            let got: Vec<(String, String)> =
                r.speakers.iter().map(|s| (s.name.to_string(), s.title.clone().unwrap_or_default())).collect();
            let want: Vec<(String, String)> = want.iter().map(|(n, t)| (n.to_string(), t.to_string())).collect();
            if got != want {
                failed.push(format!("{name}: got {got:?}, want {want:?}"));
            }
        }
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }

    /// The names in the speaker table of `text`, in order.
    fn table_names(text: &str) -> Vec<String> {
        let analyzer = crate::Analyzer::default();
        let r = analyzer.analyze("t", text);
        r.speakers.iter().map(|s| s.name.to_string()).collect()
    }

    #[test]
    fn misspelt_repeats() {
        // (name, text, expected speaker names)
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "a name misspelt on its second introduction is the same person",
                "The panel: Bagsu Wiratmaja (Indonesia) and Callum Reid (Canada). \
                 The first speaker, Bagus Wiratmja opened his talk by comparing models.",
                &["Bagsu Wiratmaja", "Callum Reid"],
            ),
            (
                "counter-case: short surnames a letter apart are two people",
                "Ana Lind (Kesra Lab) and Ana Lund (Norland Trust) opened the session.",
                &["Ana Lind", "Ana Lund"],
            ),
            (
                "counter-case: another given name is another person",
                "Marek Novak (Kesra Lab) and Milan Novak (Norland Trust) opened the session.",
                &["Marek Novak", "Milan Novak"],
            ),
        ];
        for (name, text, want) in cases {
            assert_eq!(table_names(text), *want, "{name}");
        }
    }

    #[test]
    fn audience_rosters() {
        // (name, text, expected speaker names)
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "people listed as present are no speakers",
                "Dr. Nadia Farouk, the campaigns lead, chaired the session with delegates present, including:\n\
                 Parisa Moradi, Caspian Water Collective\nSana Mirza, Joint Council for River Dwellers\n\n\
                 The chair summarised the concerns.",
                &["Nadia Farouk"],
            ),
            (
                "counter-case: a panel's roster lists speakers",
                "The panel was made up of:\nParisa Moradi, Director, Caspian Water Collective\n\
                 Sana Mirza, Chair, Joint Council for River Dwellers\n\nMoradi said rivers matter.",
                &["Parisa Moradi", "Sana Mirza"],
            ),
        ];
        for (name, text, want) in cases {
            assert_eq!(table_names(text), *want, "{name}");
        }
    }

    #[test]
    fn second_person_of_a_list_keeps_own_title() {
        let got = parse("Dr. Lena Varga, a Reader in geography at Norland University, Kesra and Tomas Berg, a water consultant, briefed participants.");
        let names: Vec<(String, Option<String>)> =
            got.iter().filter(|g| g.3).map(|g| (g.0.clone(), g.2.clone())).collect();
        assert_eq!(
            names,
            [
                ("Lena Varga".into(), s("a Reader in geography at Norland University, Kesra")),
                ("Tomas Berg".into(), s("a water consultant")),
            ]
        );
    }

    #[test]
    fn list_members_outside_the_gazetteer() {
        let got = parse(
            "Joining the panel were Atieno Wekesa from Kesra Learning Partners (Kenya), Wanjiku Mwangi, a data \
             analyst (Kenya) and Fahardine Mze from Comoros.",
        );
        let names: Vec<(String, Option<String>)> =
            got.iter().filter(|g| g.3).map(|g| (g.0.clone(), g.2.clone())).collect();
        assert_eq!(
            names,
            [
                ("Atieno Wekesa".into(), None),
                ("Wanjiku Mwangi".into(), s("a data analyst (Kenya)")),
                ("Fahardine Mze".into(), None)
            ]
        );
    }

    #[test]
    fn list_of_panellists() {
        let got =
            parse("Panellists were Lena Varga (Northwind), Omar Haddad (Civic Lab) and Mei Lin Tan (Harbor Bank).");
        let names: Vec<(String, Option<String>)> =
            got.iter().filter(|g| g.3).map(|g| (g.0.clone(), g.2.clone())).collect();
        assert_eq!(
            names,
            [
                ("Lena Varga".into(), s("Northwind")),
                ("Omar Haddad".into(), s("Civic Lab")),
                ("Mei Lin Tan".into(), s("Harbor Bank"))
            ]
        );
    }

    #[test]
    fn roles() {
        let role = |text: &str| -> Option<&'static str> {
            let segs = Segmenter::default().segment(text);
            let toks = text::tokenize(text, segs[0].start, segs[0].end);
            intros(text, &segs[0], &toks).into_iter().find(|i| i.is_speaker).and_then(|i| i.role)
        };
        for (text, want) in [
            ("Moderator: Ms Lena Varga (Northwind)", Some("moderator")),
            ("Ms Lena Varga, who moderated the session, thanked the panel.", Some("moderator")),
            ("The moderator, Mr Omar Haddad (Civic Lab), opened the session.", Some("moderator")),
            ("Mr Omar Haddad (Civic Lab) chaired the meeting.", Some("chair")),
            ("Ms Lena Varga (Keynote speaker, Northwind) opened the day.", Some("keynote")),
            ("Ms Lena Varga (Northwind) said so.", None),
        ] {
            assert_eq!(role(text), want, "{text}");
        }
    }

    #[test]
    fn aliases() {
        assert_eq!(
            aliases_of("Carlos Andrés Ruiz Pardo"),
            ["Carlos Andrés Ruiz Pardo", "Ruiz Pardo", "Andrés Ruiz Pardo", "Carlos", "Andrés", "Ruiz", "Pardo"]
        );
        assert_eq!(aliases_of("Jan van der Berg"), ["Jan van der Berg", "der Berg", "van der Berg", "Jan", "Berg"]);
        assert_eq!(organization_of("Senior Director, Digital Diplomacy, Microsoft").as_deref(), Some("Microsoft"));
        assert_eq!(organization_of("Chief Economist at Harbor Bank").as_deref(), Some("Harbor Bank"));
    }
}
