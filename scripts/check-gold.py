#!/usr/bin/env python3
"""Validate the test corpus: testdata/articles/* and the gold annotations in testdata/gold/*.json.

The gold format is the one of ../shared/spec/gold-format.md (what score-extraction.py reads). Checks:

  articles  every .json parses to an object with a non-empty string `body` (and, when present, an ISO
            `published` date or date-time and a `language` of ar/en); every .jsonl line does the same;
            every .txt has a headline and a non-empty body
  gold      every gold file parses; `file` names an existing article whose name (without extension)
            equals the gold file's, as the scorer pairs them; `published` is an ISO date or null and
            agrees with the article's own `published`; `language` agrees with the article's
  codes     `countries`, `optionalCountries`, person countries, event countries, position holders and
            targets are ISO 3166-1 alpha-2 codes (XK allowed); event and position countries should
            also be listed in `countries` or `optionalCountries` (warning otherwise)
  vocab     person `title` from the title vocabulary (or null), event `group`, position `stance` and
            `topic` from the contract's vocabularies
  match     the last token of every `match` key written in the article's script (Arabic keys for an
            Arabic article, Latin keys for an English one), folded as the scorer folds it (diacritics,
            alef/ya/ta-marbuta, `ال`/`al-` dropped), occurs as a token of the article text; every
            required person has at least one such key. Keys in the other script are transliteration
            variants and are not checked. Optional persons only warn; persons marked `roleOnly: true`
            (optional, referred to only by role) are not checked.

Usage: scripts/check-gold.py [--articles DIR] [--gold DIR] [--prefix ar-] [--quiet]
Defaults are testdata/articles and testdata/gold beside this script's repository.
Exit status: 0 clean (warnings allowed), 1 errors. Python 3 standard library only.
"""
import argparse
import datetime
import json
import os
import re
import sys
import unicodedata

# ISO 3166-1 alpha-2, all officially assigned codes, plus XK (Kosovo, user-assigned but widely used).
ISO2 = set("""
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW
BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI
FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN
IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME
MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF
PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV
SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE
YT ZA ZM ZW XK
""".split())

TITLES = {"HEAD_OF_STATE", "PRESIDENT", "VICE_PRESIDENT", "KING", "EMIR", "SULTAN", "CROWN_PRINCE",
          "PRIME_MINISTER", "DEPUTY_PRIME_MINISTER", "FOREIGN_MINISTER", "DEPUTY_FOREIGN_MINISTER",
          "DEFENSE_MINISTER", "INTERIOR_MINISTER", "MINISTER", "AMBASSADOR", "ENVOY", "SPOKESPERSON",
          "SECRETARY_GENERAL", "SPEAKER", "LAWMAKER", "MILITARY_CHIEF", "INTELLIGENCE_CHIEF", "OFFICIAL"}
GROUPS = {"CONSULT", "AGREE"}
STANCES = {"SUPPORTS", "OPPOSES"}
TOPICS = {"TERRITORIAL_INTEGRITY", "SOVEREIGNTY", "PARTITION", "FOREIGN_INTERFERENCE", "MILITARY_ACTION",
          "SANCTIONS", "TERRORISM", "BILATERAL_RELATIONS", "MILITARY_COOPERATION", "ECONOMIC_COOPERATION",
          "RECONSTRUCTION", "POLITICAL_SETTLEMENT", "CEASEFIRE", "HUMANITARIAN_AID", "REFUGEE_RETURN",
          "PALESTINIAN_STATE", "OCCUPATION", "NUCLEAR_PROGRAM"}
MODALITIES = {"ASSERTED", "PLANNED", "NEGATED", "HYPOTHETICAL"}
LANGS = {"ar", "en"}

# Folding, exactly as ../shared/tools/score-extraction.py does it.
AR_DIAC = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
ARABIC = re.compile(r"[\u0600-\u06FF]")
LATIN = re.compile(r"[A-Za-z]")


def norm(s):
    s = unicodedata.normalize("NFKC", s or "").lower()
    s = AR_DIAC.sub("", s)
    s = re.sub("[إأآٱ]", "ا", s).replace("ى", "ي").replace("ة", "ه").replace("ؤ", "و").replace("ئ", "ي")
    s = re.sub(r"[\-'’`ʿʾ‘]", " ", s)
    return " ".join(s.split())


def tokens(s):
    out = []
    for t in norm(s).split():
        out.append(t)
        for p in ("وال", "بال", "لل", "ال", "al", "el"):
            if t.startswith(p) and len(t) > len(p) + 2:
                out.append(t[len(p):])
    return out


def text_tokens(text):
    """Tokens of running text: folded, split on anything that is not a letter or digit."""
    words = re.findall(r"\w+", norm(text))
    return set(tokens(" ".join(words)))


class Report:
    def __init__(self, quiet):
        self.errors = 0
        self.warnings = 0
        self.quiet = quiet

    def err(self, where, msg):
        self.errors += 1
        print(f"ERROR {where}: {msg}")

    def warn(self, where, msg):
        self.warnings += 1
        if not self.quiet:
            print(f"warn  {where}: {msg}")


def iso_date_ok(s, allow_time=False):
    if not isinstance(s, str):
        return False
    try:
        if allow_time and len(s) > 10:
            datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
        else:
            datetime.date.fromisoformat(s)
        return True
    except ValueError:
        return False


def check_article_obj(rep, where, obj):
    if not isinstance(obj, dict):
        rep.err(where, "not a JSON object")
        return None
    body = obj.get("body")
    if not isinstance(body, str) or not body.strip():
        rep.err(where, "missing or empty body")
        return None
    if "published" in obj and not iso_date_ok(obj["published"], allow_time=True):
        rep.err(where, f"published {obj['published']!r} is not an ISO 8601 date or date-time")
    if "language" in obj and obj["language"] not in LANGS:
        rep.err(where, f"language {obj['language']!r} not in {sorted(LANGS)}")
    for k in ("id", "title", "url", "source"):
        if k in obj and not isinstance(obj[k], str):
            rep.err(where, f"{k} is not a string")
    return obj


def load_article(rep, path):
    """Returns (text used for the match check, article metadata dict or None) or None on failure."""
    name = os.path.basename(path)
    try:
        raw = open(path, encoding="utf-8").read()
    except (OSError, UnicodeDecodeError) as e:
        rep.err(name, f"cannot read: {e}")
        return None
    if name.endswith(".jsonl"):
        texts = []
        lines = [l for l in raw.splitlines() if l.strip()]
        if not lines:
            rep.err(name, "empty JSON Lines file")
        for i, line in enumerate(lines, 1):
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                rep.err(f"{name}:{i}", f"invalid JSON: {e}")
                continue
            if check_article_obj(rep, f"{name}:{i}", obj):
                texts.append((obj.get("title") or "") + "\n" + obj["body"])
        return "\n".join(texts), None
    if name.endswith(".json"):
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as e:
            rep.err(name, f"invalid JSON: {e}")
            return None
        if not check_article_obj(rep, name, obj):
            return None
        return (obj.get("title") or "") + "\n" + obj["body"], obj
    # plain text: headline on the first line, body after it
    lines = raw.splitlines()
    if not lines or not lines[0].strip():
        rep.err(name, "plain-text article without a headline on the first line")
        return None
    if not "\n".join(lines[1:]).strip():
        rep.err(name, "plain-text article with an empty body")
        return None
    return raw, None


def script_of(lang, text):
    if lang in LANGS:
        return lang
    return "ar" if len(ARABIC.findall(text)) > len(LATIN.findall(text)) else "en"


def check_gold(rep, gpath, articles_dir, articles):
    gname = os.path.basename(gpath)
    stem = gname[:-5]
    try:
        g = json.load(open(gpath, encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        rep.err(gname, f"invalid JSON: {e}")
        return
    if not isinstance(g, dict):
        rep.err(gname, "not a JSON object")
        return
    where = gname
    f = g.get("file")
    if not isinstance(f, str) or not f:
        rep.err(where, "missing `file`")
        return
    if os.path.splitext(f)[0] != stem or os.path.splitext(f)[1] not in (".json", ".txt"):
        rep.err(where, f"`file` {f!r} must be {stem}.json or {stem}.txt (the scorer pairs them by name)")
    for ext in (".json", ".txt"):
        if ext != os.path.splitext(f)[1] and os.path.exists(os.path.join(articles_dir, stem + ext)):
            rep.err(where, f"both {stem}.json and {stem}.txt exist; the scorer would read {stem}.json")
    if f not in articles:
        rep.err(where, f"article {f!r} not found or unreadable in {articles_dir}")
        return
    text, meta = articles[f]
    lang = g.get("language")
    if lang not in LANGS:
        rep.err(where, f"language {lang!r} not in {sorted(LANGS)}")
    if meta and meta.get("language") and meta["language"] != lang:
        rep.err(where, f"language {lang!r} differs from the article's {meta['language']!r}")
    pub = g.get("published")
    if pub is not None and not iso_date_ok(pub):
        rep.err(where, f"published {pub!r} is not an ISO date (YYYY-MM-DD)")
    if meta and meta.get("published") and pub and str(meta["published"])[:10] != pub:
        rep.err(where, f"published {pub!r} differs from the article's {meta['published']!r}")
    if meta and not meta.get("published") and not pub:
        rep.warn(where, "neither the article nor the gold gives a publication date")

    def codes(field):
        v = g.get(field, [])
        if not isinstance(v, list):
            rep.err(where, f"`{field}` is not a list")
            return set()
        for c in v:
            if c not in ISO2:
                rep.err(where, f"`{field}`: {c!r} is not an ISO 3166-1 alpha-2 code")
        if len(set(v)) != len(v):
            rep.warn(where, f"`{field}` lists a code twice")
        return set(v)

    if "countries" not in g:
        rep.err(where, "missing `countries`")
    countries = codes("countries")
    optional = codes("optionalCountries")
    if countries & optional:
        rep.err(where, f"codes both required and optional: {sorted(countries & optional)}")
    known = countries | optional

    def code_ok(ctx, c, allow_null):
        if c is None:
            if not allow_null:
                rep.err(where, f"{ctx}: null not allowed")
            return
        if c not in ISO2:
            rep.err(where, f"{ctx}: {c!r} is not an ISO 3166-1 alpha-2 code")
        elif c not in known:
            rep.warn(where, f"{ctx}: {c} is not in countries/optionalCountries")

    scr = script_of(lang, text)
    toks = text_tokens(text)
    persons = g.get("persons", [])
    if not isinstance(persons, list):
        rep.err(where, "`persons` is not a list")
        persons = []
    for p in persons:
        pw = f"person {p.get('name')!r}"
        if not isinstance(p, dict) or not p.get("name"):
            rep.err(where, "person without a name")
            continue
        keys = p.get("match")
        if not isinstance(keys, list) or not keys or not all(isinstance(k, str) and k.strip() for k in keys):
            rep.err(where, f"{pw}: `match` must be a non-empty list of strings")
            continue
        if p.get("country") is not None:
            if p["country"] not in ISO2:
                rep.err(where, f"{pw}: country {p['country']!r} is not an ISO 3166-1 alpha-2 code")
            elif p["country"] not in known and not p.get("optional"):
                rep.warn(where, f"{pw}: country {p['country']} is not in countries/optionalCountries")
        if "country" not in p:
            rep.err(where, f"{pw}: missing `country` (null for an organization's officer)")
        if p.get("title") is not None and p["title"] not in TITLES:
            rep.err(where, f"{pw}: title {p['title']!r} not in the title vocabulary")
        if "former" in p and not isinstance(p["former"], bool):
            rep.err(where, f"{pw}: `former` must be true or false")
        if "roleOnly" in p and not isinstance(p["roleOnly"], bool):
            rep.err(where, f"{pw}: `roleOnly` must be true or false")
        if p.get("roleOnly"):
            # referred to only by role: the keys are the real name, absent from the text by design
            if not p.get("optional"):
                rep.err(where, f"{pw}: a roleOnly person must be optional")
            continue
        present = 0
        for k in keys:
            in_script = bool(ARABIC.search(k)) if scr == "ar" else bool(LATIN.search(k))
            if not in_script:
                continue
            kt = tokens(k)
            if not kt:
                rep.err(where, f"{pw}: key {k!r} folds to nothing")
                continue
            if kt[-1] in toks:
                present += 1
            elif p.get("optional"):
                rep.warn(where, f"{pw} (optional): key {k!r} (last token {kt[-1]!r}) not in the text")
            else:
                rep.err(where, f"{pw}: key {k!r} (last token {kt[-1]!r}) does not occur in the article text")
        if not present and not p.get("optional"):
            rep.err(where, f"{pw}: no `match` key in the article's script occurs in the text")

    for e in g.get("events", []) or []:
        ew = f"event {e.get('group')} {e.get('countries')}"
        if e.get("group") not in GROUPS:
            rep.err(where, f"{ew}: group must be one of {sorted(GROUPS)}")
        cs = e.get("countries")
        if not isinstance(cs, list) or not cs:
            rep.err(where, f"{ew}: `countries` must be a non-empty list")
        else:
            for c in cs:
                code_ok(ew, c, False)
        if e.get("date") is not None and not iso_date_ok(e["date"]):
            rep.err(where, f"{ew}: date {e['date']!r} is not YYYY-MM-DD or null")
        if "modality" in e and e["modality"] not in MODALITIES:
            rep.err(where, f"{ew}: modality {e['modality']!r} not in {sorted(MODALITIES)}")
        if e.get("modality") not in (None, "ASSERTED") and not e.get("optional"):
            rep.err(where, f"{ew}: a {e['modality']} event must be optional (the scorer skips it)")

    seen = {}
    for s in g.get("positions", []) or []:
        sw = f"position {s.get('holder')} {s.get('stance')} {s.get('topic')} {s.get('target')}"
        code_ok(sw + " holder", s.get("holder"), False)
        code_ok(sw + " target", s.get("target"), True)
        if s.get("stance") not in STANCES:
            rep.err(where, f"{sw}: stance must be SUPPORTS or OPPOSES")
        if s.get("topic") not in TOPICS:
            rep.err(where, f"{sw}: topic not in the contract's table")
        key = (s.get("holder"), s.get("stance"), s.get("topic"), s.get("target"))
        if key in seen:
            rep.warn(where, f"{sw}: listed twice" + (" (once required, once optional)"
                                                     if seen[key] != bool(s.get("optional")) else ""))
        seen[key] = bool(s.get("optional"))
    if "cases" in g and not (isinstance(g["cases"], list) and all(isinstance(c, str) for c in g["cases"])):
        rep.err(where, "`cases` must be a list of strings")


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", default=os.path.join(root, "testdata", "articles"))
    ap.add_argument("--gold", default=os.path.join(root, "testdata", "gold"))
    ap.add_argument("--prefix", default="", help="only files whose names start with this (e.g. ar- or en-)")
    ap.add_argument("--quiet", action="store_true", help="do not print warnings")
    a = ap.parse_args()
    rep = Report(a.quiet)

    articles = {}
    for name in sorted(os.listdir(a.articles)):
        if not name.startswith(a.prefix) or not name.endswith((".json", ".jsonl", ".txt")):
            continue
        got = load_article(rep, os.path.join(a.articles, name))
        if got is not None:
            articles[name] = got
    golds = sorted(n for n in os.listdir(a.gold) if n.endswith(".json") and n.startswith(a.prefix))
    for n in golds:
        check_gold(rep, os.path.join(a.gold, n), a.articles, articles)
    paired = {os.path.splitext(n)[0] for n in golds}
    for name in articles:
        stem, ext = os.path.splitext(name)
        if ext != ".jsonl" and stem not in paired:
            rep.warn(name, "article without gold")
    print(f"articles {len(articles)} gold {len(golds)} errors {rep.errors} warnings {rep.warnings}")
    sys.exit(1 if rep.errors else 0)


if __name__ == "__main__":
    main()
