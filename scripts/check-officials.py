#!/usr/bin/env python3
"""Check the officials lexicons (lexicon/data/officials/*.tsv) against docs/lexicons.md.

Usage: python3 scripts/check-officials.py [DIR_OR_FILE ...]

Without arguments it reads every lexicon/data/officials/*.tsv of the repository. Errors (wrong column
count, unknown titles, bad country codes, bad dates, `from` after `to`, malformed ids or Wikidata ids, a
person whose first row has no `name` or `nameAr`) make the exit status 1. Warnings (the same folded name or
alias listed for two persons whose terms overlap, one Wikidata id on two persons) are printed but do not
fail. A count of persons per country closes the report. Standard library only.
"""

import calendar
import collections
import glob
import os
import re
import sys

TITLES = {
    "HEAD_OF_STATE", "PRESIDENT", "VICE_PRESIDENT", "KING", "EMIR", "SULTAN", "CROWN_PRINCE",
    "PRIME_MINISTER", "DEPUTY_PRIME_MINISTER", "FOREIGN_MINISTER", "DEPUTY_FOREIGN_MINISTER",
    "DEFENSE_MINISTER", "INTERIOR_MINISTER", "MINISTER", "AMBASSADOR", "ENVOY", "SPOKESPERSON",
    "SECRETARY_GENERAL", "SPEAKER", "LAWMAKER", "MILITARY_CHIEF", "INTELLIGENCE_CHIEF", "OFFICIAL",
}
REQUIRED = ["id", "title", "country"]
ID_RE = re.compile(r"^person:[a-z0-9-]+$")
COUNTRY_RE = re.compile(r"^(?:[A-Z]{2}|org:[A-Z_]+)$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

# Arabic harakat, superscript alef and tatweel; the alef, alef maqsura and ta marbuta folds of the tool.
ARABIC_MARKS = re.compile("[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
LETTER_FOLDS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})


def fold(text):
    """Fold a name the way the matcher compares names."""
    text = ARABIC_MARKS.sub("", text).translate(LETTER_FOLDS).lower()
    return " ".join(text.split())


def parse_date(value):
    """Return (low, high) ISO day strings for a date at any precision, or None when malformed."""
    m = DATE_RE.match(value)
    if not m:
        return None
    year, month, day = m.group(1), m.group(2), m.group(3)
    y = int(year)
    if month is None:
        return (f"{year}-01-01", f"{year}-12-31")
    mo = int(month)
    if not 1 <= mo <= 12:
        return None
    last = calendar.monthrange(y, mo)[1]
    if day is None:
        return (f"{year}-{month}-01", f"{year}-{month}-{last:02d}")
    if not 1 <= int(day) <= last:
        return None
    return (value, value)


class Report:
    def __init__(self):
        self.errors = 0
        self.warnings = 0

    def error(self, where, msg):
        self.errors += 1
        print(f"ERROR {where}: {msg}")

    def warn(self, where, msg):
        self.warnings += 1
        print(f"WARN  {where}: {msg}")


def read_file(path, report, persons, order):
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    header = None
    for lineno, raw in enumerate(lines, 1):
        line = raw.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        where = f"{os.path.basename(path)}:{lineno}"
        if header is None:
            header = cells
            missing = [c for c in REQUIRED if c not in header]
            if missing:
                report.error(where, f"header lacks column(s) {', '.join(missing)}")
                return
            continue
        if len(cells) != len(header):
            report.error(where, f"{len(cells)} columns, header has {len(header)}")
        row = {name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(header)}
        pid = row.get("id", "")
        if not ID_RE.match(pid):
            report.error(where, f"id {pid!r} does not match ^person:[a-z0-9-]+$")
        title = row.get("title", "")
        if title not in TITLES:
            report.error(where, f"title {title!r} is not in the title vocabulary")
        country = row.get("country", "")
        if not COUNTRY_RE.match(country):
            report.error(where, f"country {country!r} is neither ISO alpha-2 nor org:CODE")
        span = [None, None]
        for k, col in enumerate(("from", "to")):
            value = row.get(col, "")
            if value:
                parsed = parse_date(value)
                if parsed is None:
                    report.error(where, f"bad {col} date {value!r}")
                else:
                    span[k] = parsed
        if span[0] and span[1] and span[0][0] > span[1][1]:
            report.error(where, f"from {row.get('from')} is after to {row.get('to')}")
        qid = row.get("wikidata", "")
        if qid and not QID_RE.match(qid):
            report.error(where, f"wikidata {qid!r} is not a QID")

        person = persons.get(pid)
        if person is None:
            if not row.get("name") or not row.get("nameAr"):
                report.error(where, f"first row of {pid} lacks name or nameAr")
            person = persons[pid] = {
                "where": where, "names": {}, "terms": [], "countries": set(), "qids": set(),
            }
            order.append(pid)
        names = [row.get("name", ""), row.get("nameAr", "")]
        names += row.get("aliases", "").split("|")
        for name in names:
            key = fold(name)
            if key:
                person["names"].setdefault(key, name.strip())
        low = span[0][0] if span[0] else "0000-01-01"
        high = span[1][1] if span[1] else "9999-12-31"
        person["terms"].append((low, high))
        person["countries"].add(country)
        if qid:
            person["qids"].add(qid)


def overlapping(a, b):
    return any(lo1 <= hi2 and lo2 <= hi1 for lo1, hi1 in a for lo2, hi2 in b)


def main(argv):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    targets = argv or [os.path.join(root, "lexicon", "data", "officials")]
    paths = []
    for target in targets:
        if os.path.isdir(target):
            paths += sorted(glob.glob(os.path.join(target, "*.tsv")))
        else:
            paths.append(target)
    if not paths:
        print("no officials files found")
        return 1

    report = Report()
    persons, order = {}, []
    for path in paths:
        read_file(path, report, persons, order)

    # The same folded name or alias on two persons whose terms overlap in time.
    by_name = collections.defaultdict(list)
    for pid in order:
        for key, shown in persons[pid]["names"].items():
            by_name[key].append(pid)
    for key, pids in sorted(by_name.items()):
        for i, a in enumerate(pids):
            for b in pids[i + 1:]:
                if overlapping(persons[a]["terms"], persons[b]["terms"]):
                    shown = persons[a]["names"][key]
                    report.warn(persons[b]["where"], f"name/alias {shown!r} is listed for both {a} and {b}, whose terms overlap")

    # One Wikidata id on two persons.
    by_qid = collections.defaultdict(list)
    for pid in order:
        for qid in persons[pid]["qids"]:
            by_qid[qid].append(pid)
        if len(persons[pid]["qids"]) > 1:
            report.warn(persons[pid]["where"], f"{pid} has several Wikidata ids: {sorted(persons[pid]['qids'])}")
    for qid, pids in sorted(by_qid.items()):
        if len(pids) > 1:
            report.warn(persons[pids[1]]["where"], f"{qid} is used by {', '.join(pids)}")

    per_country = collections.Counter()
    for pid in order:
        for country in persons[pid]["countries"]:
            per_country[country] += 1
    rows = sum(len(p["terms"]) for p in persons.values())
    print()
    print(f"{len(paths)} file(s), {len(persons)} persons, {rows} rows, {report.errors} error(s), {report.warnings} warning(s)")
    print("persons per country:")
    for country, n in sorted(per_country.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {country:<20} {n}")
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
