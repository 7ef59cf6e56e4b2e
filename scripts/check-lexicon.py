#!/usr/bin/env python3
"""Validate lexicon/data/{countries,organizations,places}.tsv (format: docs/lexicons.md).

Checks: header columns and per-row column counts, required cells, ISO alpha-2 codes, one row per
country code and the expected set of 198 countries, organization codes, place countries, script of
Arabic/English cells, empty '|' values, and names that fold to the same key but map to different ids
across the three files. A collision is "intended" when its folded name occurs in a trailing
'# ambiguous' comment line of countries.tsv; only unlisted collisions fail the check.

Usage: scripts/check-lexicon.py [LEXICON_DIR] [--article] [--quiet]
  --article  also fold a leading Arabic article (ال), and look for Arabic names that read as a proclitic
             (و ف ب ل ك) + another entry's name; report the collisions this adds (warnings)
Exit status: 0 clean, 1 errors or unlisted collisions.
Python 3 standard library only.
"""
import os
import re
import sys
import unicodedata

EXPECTED_COLUMNS = {
    "countries.tsv": ["code", "en", "ar", "names_en", "names_ar", "demonyms_en", "nisba_ar",
                      "capitals_en", "capitals_ar", "seats_en", "seats_ar"],
    "organizations.tsv": ["code", "en", "ar", "names_en", "names_ar", "seat"],
    "places.tsv": ["en", "ar", "names_en", "names_ar", "country"],
}
REQUIRED = {
    "countries.tsv": ["code", "en", "ar", "capitals_en", "capitals_ar"],
    "organizations.tsv": ["code", "en", "ar"],
    "places.tsv": ["en", "ar", "country"],
}
# Columns holding names (folded and compared across files).
NAME_COLUMNS = {
    "countries.tsv": ["en", "ar", "names_en", "names_ar", "demonyms_en", "nisba_ar",
                      "capitals_en", "capitals_ar", "seats_en", "seats_ar"],
    "organizations.tsv": ["en", "ar", "names_en", "names_ar"],
    "places.tsv": ["en", "ar", "names_en", "names_ar"],
}

# The 193 UN member states (ISO 3166-1 alpha-2).
UN_MEMBERS = set("""
AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ CA CD CF CG
CH CI CL CM CN CO CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FM FR GA GB GD GE GH
GM GN GQ GR GT GW GY HN HR HT HU ID IE IL IN IQ IR IS IT JM JO JP KE KG KH KI KM KN KP KR KW KZ
LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MH MK ML MM MN MR MT MU MV MW MX MY MZ NA NE NG
NI NL NO NP NR NZ OM PA PE PG PH PK PL PT PW PY QA RO RS RU RW SA SB SC SD SE SG SI SK SL SM SN
SO SR SS ST SV SY SZ TD TG TH TJ TL TM TN TO TR TT TV TZ UA UG US UY UZ VC VE VN VU WS YE ZA ZM
ZW
""".split())
# Observers and the other entities the lexicon lists.
EXTRA = {"PS", "VA", "TW", "XK", "EH"}
EXPECTED_COUNTRIES = UN_MEMBERS | EXTRA
EXPECTED_COUNT = 198

ARABIC_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # harakat, shadda, sukun, tatweel
ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f]")
LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")
ISO2 = re.compile("^[A-Z]{2}$")
ORG_CODE = re.compile("^[A-Z0-9_]+$")


def fold(s, article=False):
    """Fold a name the way the matcher does (without proclitic stripping)."""
    s = unicodedata.normalize("NFC", s)
    s = ARABIC_DIACRITICS.sub("", s)
    s = s.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا").replace("ٱ", "ا")
    s = s.replace("ى", "ي").replace("ة", "ه")
    s = s.lower()
    s = " ".join(s.split())
    if article:
        s = " ".join(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in s.split(" "))
    return s


def tokens(s):
    """Folded text reduced to word tokens, for looking names up in comment lines."""
    return " " + " ".join(re.findall(r"\w+", fold(s))) + " "


class Report:
    def __init__(self):
        self.errors = []
        self.warnings = []

    def error(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    def warn(self, where, msg):
        self.warnings.append(f"{where}: {msg}")


def read_tsv(path, rep):
    """Return (header, rows, comments); rows are (line_no, dict); comments after the header are kept."""
    name = os.path.basename(path)
    header, rows, trailing = None, [], []
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n").rstrip("\r")
            if line.startswith("#"):
                if header is not None:
                    trailing.append(line)
                continue
            if not line.strip():
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                want = EXPECTED_COLUMNS[name]
                if header != want:
                    rep.error(f"{name}:{n}", f"header {header} != expected {want}")
                continue
            if len(cells) != len(header):
                rep.error(f"{name}:{n}", f"{len(cells)} columns, header has {len(header)}")
                cells = (cells + [""] * len(header))[: len(header)]
            rows.append((n, dict(zip(header, cells))))
    if header is None:
        rep.error(name, "no header row")
    return header, rows, trailing


def split_values(cell):
    return [v for v in cell.split("|")] if cell else []


def check_cells(name, n, row, rep):
    for col, cell in row.items():
        if cell != cell.strip():
            rep.error(f"{name}:{n}", f"{col}: leading/trailing space in {cell!r}")
        if col in ("code", "country", "seat") or not cell:
            continue
        seen = set()
        for v in split_values(cell):
            if not v.strip():
                rep.error(f"{name}:{n}", f"{col}: empty value in {cell!r}")
                continue
            if v != v.strip() or "  " in v:
                rep.error(f"{name}:{n}", f"{col}: stray spaces in {v!r}")
            arabic_col = col == "ar" or col.endswith("_ar")
            if arabic_col and (not ARABIC_LETTER.search(v) or LATIN_LETTER.search(v)):
                rep.error(f"{name}:{n}", f"{col}: not Arabic script: {v!r}")
            if not arabic_col and ARABIC_LETTER.search(v):
                rep.error(f"{name}:{n}", f"{col}: Arabic script in an English column: {v!r}")
            k = fold(v) if arabic_col else v
            if k in seen:
                rep.warn(f"{name}:{n}", f"{col}: {v!r} repeats another value after folding")
            seen.add(k)


def check(lexdir, article=False):
    rep = Report()
    data = {}
    for fname in EXPECTED_COLUMNS:
        path = os.path.join(lexdir, fname)
        if not os.path.exists(path):
            rep.error(fname, "missing")
            data[fname] = (None, [], [])
            continue
        data[fname] = read_tsv(path, rep)
        for n, row in data[fname][1]:
            check_cells(fname, n, row, rep)
            for col in REQUIRED[fname]:
                if not row.get(col, "").strip():
                    rep.error(f"{fname}:{n}", f"empty required column {col}")

    # countries
    codes = {}
    for n, row in data["countries.tsv"][1]:
        c = row.get("code", "")
        if not ISO2.match(c):
            rep.error(f"countries.tsv:{n}", f"code {c!r} is not ISO 3166-1 alpha-2")
        elif c not in EXPECTED_COUNTRIES:
            rep.warn(f"countries.tsv:{n}", f"code {c} is not a UN member or listed observer")
        if c in codes:
            rep.error(f"countries.tsv:{n}", f"code {c} already on line {codes[c]}")
        codes.setdefault(c, n)
    missing = sorted(EXPECTED_COUNTRIES - set(codes))
    if missing:
        rep.error("countries.tsv", f"missing countries: {' '.join(missing)}")
    if len(codes) != EXPECTED_COUNT:
        rep.error("countries.tsv", f"{len(codes)} countries, expected {EXPECTED_COUNT}")

    # organizations
    orgs = {}
    for n, row in data["organizations.tsv"][1]:
        c = row.get("code", "")
        if not ORG_CODE.match(c):
            rep.error(f"organizations.tsv:{n}", f"code {c!r} does not match ^[A-Z0-9_]+$")
        if c in orgs:
            rep.error(f"organizations.tsv:{n}", f"code {c} already on line {orgs[c]}")
        orgs.setdefault(c, n)
        seat = row.get("seat", "")
        if seat and (not ISO2.match(seat) or seat not in codes):
            rep.error(f"organizations.tsv:{n}", f"seat {seat!r} is not a code in countries.tsv")

    # places
    places = {}
    for n, row in data["places.tsv"][1]:
        c = row.get("country", "")
        if not ISO2.match(c):
            rep.error(f"places.tsv:{n}", f"country {c!r} is not ISO 3166-1 alpha-2")
        elif c not in codes:
            rep.error(f"places.tsv:{n}", f"country {c} is not in countries.tsv")
        key = (fold(row.get("en", "")), c)
        if key in places:
            rep.error(f"places.tsv:{n}", f"place {row.get('en')!r} ({c}) already on line {places[key]}")
        places.setdefault(key, n)

    # names mapping to different ids across the three files
    def index(article_fold):
        idx = {}
        for fname, (_, rows, _) in data.items():
            for n, row in rows:
                if fname == "organizations.tsv":
                    ident = "org:" + row.get("code", "")
                elif fname == "places.tsv":
                    ident = row.get("country", "")
                else:
                    ident = row.get("code", "")
                for col in NAME_COLUMNS[fname]:
                    for v in split_values(row.get(col, "")):
                        k = fold(v, article_fold)
                        if k:
                            idx.setdefault(k, {}).setdefault(ident, []).append(
                                f"{fname.split('.')[0]}:{n} {col} {v!r}")
        return {k: ids for k, ids in idx.items() if len(ids) > 1}

    declared = ""
    started = False
    for line in data["countries.tsv"][2]:
        if re.match(r"#\s*ambiguous", line, re.I):
            started = True
        if started:
            declared += " " + line
    declared = tokens(declared)

    intended, unlisted = [], []
    collisions = index(False)
    for k in sorted(collisions):
        entry = (k, collisions[k])
        (intended if tokens(k) in declared else unlisted).append(entry)
    extra = []
    if article:
        for k, ids in sorted(index(True).items()):
            if k in collisions or tokens(k) in declared:
                continue
            values = [w.split(" ", 2)[2].strip("'\"") for ws in ids.values() for w in ws]
            if any(tokens(v) in declared for v in values):
                continue
            extra.append((k, ids))
    clitic = []
    if article:
        # an Arabic name that reads as a proclitic (و ف ب ل ك) + another entry's name
        plain = {}
        for fname, (_, rows, _) in data.items():
            for n, row in rows:
                ident = ("org:" + row["code"]) if fname == "organizations.tsv" else row.get("country") or row.get("code")
                for col in NAME_COLUMNS[fname]:
                    if col != "ar" and not col.endswith("_ar"):
                        continue
                    for v in split_values(row.get(col, "")):
                        plain.setdefault(fold(v), {}).setdefault(ident, []).append(f"{fname.split('.')[0]}:{n} {col} {v!r}")
        for k, ids in sorted(plain.items()):
            if k[:1] in "وفبلك" and len(k) > 3:
                rest = plain.get(k[1:])
                if rest and set(rest) - set(ids) and tokens(k) not in declared:
                    merged = dict(rest)
                    merged.update(ids)
                    clitic.append((k, merged))
    return rep, codes, orgs, data, intended, unlisted, extra + clitic


def show(k, ids):
    parts = "; ".join(f"{ident} ← {', '.join(ws)}" for ident, ws in sorted(ids.items()))
    return f"  {k!r}: {parts}"


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    article = "--article" in argv
    quiet = "--quiet" in argv
    here = os.path.dirname(os.path.abspath(__file__))
    lexdir = args[0] if args else os.path.join(here, "..", "lexicon", "data")
    rep, codes, orgs, data, intended, unlisted, extra = check(lexdir, article)

    counts = ", ".join(f"{f}: {len(data[f][1])} rows" for f in EXPECTED_COLUMNS)
    print(f"{counts}; {len(codes)} country codes, {len(orgs)} organizations")
    for e in rep.errors:
        print("ERROR", e)
    if not quiet:
        for w in rep.warnings:
            print("warning", w)
    if unlisted:
        print(f"{len(unlisted)} names map to different ids and are not declared in countries.tsv '# ambiguous' lines:")
        for k, ids in unlisted:
            print(show(k, ids))
    if intended and not quiet:
        print(f"{len(intended)} declared ambiguities:")
        for k, ids in intended:
            print(show(k, ids))
    if extra:
        print(f"{len(extra)} further collisions once a leading ال or a proclitic is taken off (warnings):")
        for k, ids in extra:
            print(show(k, ids))
    ok = not rep.errors and not unlisted
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
