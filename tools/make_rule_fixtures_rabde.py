#!/usr/bin/env python3
"""Build fixtures/rules/<ID>/{pass,fail,expected}.json for the rules of batch
"rabde" (R01-R09, A01-A06, B01-B04, D01-D04, E01).

Each fixture is a complete report: a copy of one of the valid reports in
fixtures/valid/ with a few targeted changes. `fail.json` must draw exactly one
finding (the rule's own, at the pointer written to `expected.json`) and
`pass.json` none at all; both stay schema-valid.

Usage: python3 tools/make_rule_fixtures_rabde.py [--check]
  --check  also check every fixture written against the report schema and
           against the plain-Python re-implementation of rules.md in
           tools/check_fixtures.py (needs the `jsonschema` package). The
           authoritative check remains `cargo test --test catalogue`.
"""

import copy
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VALID = ROOT / "fixtures" / "valid"
OUT = ROOT / "fixtures" / "rules"

DELETE = object()


def load(name):
    return json.loads((VALID / name).read_text(encoding="utf-8"))


KHM = load("cambodia-2019.json")
LKA = load("sri-lanka-2019.json")
MOZ = load("mozambique-2016.json")


def tokens(ptr):
    return [t.replace("~1", "/").replace("~0", "~") for t in ptr.split("/")[1:]]


def patch(doc, changes):
    """A deep copy of `doc` with each (pointer, value) applied; DELETE removes
    the member or array item; a pointer ending in `/-` appends."""
    doc = copy.deepcopy(doc)
    for ptr, value in changes:
        toks = tokens(ptr)
        node = doc
        for t in toks[:-1]:
            node = node[int(t)] if isinstance(node, list) else node[t]
        last = toks[-1]
        if isinstance(node, list):
            if last == "-":
                node.append(copy.deepcopy(value))
                continue
            last = int(last)
        if value is DELETE:
            del node[last]
        else:
            node[last] = copy.deepcopy(value)
    return doc


# An initial report: Sri Lanka's annual report made into an initial report
# submitted within 180 days of entry into force. Every form is provided or
# not_applicable (never unchanged), the period is not a calendar year (R01
# applies to annual reports only) and ends before the submission; entry into
# force is moved to 1 December 2018 so that the report's year (2019) follows
# the year of entry into force, and the Article 4 and Article 5 deadlines
# move with it.
INITIAL = patch(LKA, [
    ("/report_kind", "initial"),
    ("/entry_into_force", "2018-12-01"),
    ("/period", {"from": "2018-12-01", "to": "2019-03-31"}),
    ("/submitted_on", "2019-04-30"),
    ("/forms/F/stockpile_destruction/deadline", "2022-12-01"),
    ("/forms/F/mine_clearance/deadline", "2028-12-01"),
    ("/forms/D/note", DELETE),
])

KHM_DECREE = {
    "title": "Sub-decree on the implementation of the Law to Prohibit the Use of Anti-Personnel Mines",
    "kind": "decree",
    "adopted_on": "2020-02-14",
    "penal_sanctions": False,
    "provisions": "Articles 2 to 6 (licensing of demining operators and reporting of finds)",
    "covers": ["stockpile", "transfer"],
}

KHM_UNKNOWN = {
    "mine_type": "PMN-2",
    "quantity": 52,
    "lot_numbers": ["PMN2-BTB-1986-04"],
    "discovered_on": "2019-08-14",
    "note": "Found in a former military depot in Battambang province and destroyed in September 2019.",
}

LKA_FACILITY_DONE = {
    "name": "Former mine filling line, Ordnance Factory (illustrative)",
    "action": "decommissioning",
    "status": "completed",
    "completed_on": "2003-06-30",
}
LKA_FACILITY_WIP = {
    "name": "Former fuse workshop (illustrative)",
    "action": "conversion",
    "status": "in_process",
}

# id -> (base for pass, changes for pass, base for fail, changes for fail, pointer)
CASES = {
    # ---- Report (R) ----
    "R01": (KHM, [], KHM, [("/period/to", "2019-12-30")], "/period"),
    "R02": (KHM, [], KHM, [("/submitted_on", "2019-12-30")], "/submitted_on"),
    "R03": (KHM, [("/submitted_on", "2020-04-30")],
            KHM, [("/submitted_on", "2020-05-04")], "/submitted_on"),
    "R04": (INITIAL, [],
            INITIAL, [("/submitted_on", "2019-07-01")], "/submitted_on"),
    "R05": (KHM, [("/contact/email", DELETE)],
            KHM, [("/contact/email", DELETE), ("/contact/phone", DELETE)], "/contact"),
    "R06": (INITIAL, [],
            INITIAL, [("/forms/E", {"cover": "unchanged", "last_reported_year": 2018})], "/forms/E/cover"),
    "R07": (MOZ, [], MOZ, [("/forms/B/last_reported_year", 2016)], "/forms/B/last_reported_year"),
    "R08": (KHM, [], KHM, [("/entry_into_force", "2000-01-02")], "/entry_into_force"),
    "R09": (KHM, [], KHM, [("/forms/J", DELETE)], "/forms"),
    # ---- Form A ----
    "A01": (KHM, [], KHM, [("/forms/A/measures/0/adopted_on", DELETE)], "/forms/A/measures"),
    "A02": (LKA, [], KHM, [("/forms/A/measures/0/penal_sanctions", False)], "/forms/A/measures"),
    "A03": (LKA, [], LKA, [("/forms/A/explanation", DELETE)], "/forms/A/explanation"),
    "A04": (MOZ, [],
            MOZ, [("/period", {"from": "2019-01-01", "to": "2019-12-31"}), ("/submitted_on", "2020-04-28")],
            "/forms/A/measures_status"),
    "A05": (KHM, [], KHM, [("/forms/A/measures/0/covers", ["use", "develop", "produce", "acquire", "stockpile", "retain"])],
            "/forms/A/measures"),
    "A06": (KHM, [("/forms/A/measures/-", KHM_DECREE)],
            KHM, [("/forms/A/measures/-", dict(KHM_DECREE, adopted_on="2020-06-15"))],
            "/forms/A/measures/1/adopted_on"),
    # ---- Form B ----
    "B01": (LKA, [], LKA, [("/forms/B/total", 57866)], "/forms/B/total"),
    "B02": (LKA, [], LKA, [("/forms/B/stockpile/1/lot_numbers", DELETE)], "/forms/B/stockpile/1"),
    "B03": (LKA, [], LKA, [("/entry_into_force", "2015-06-01")], "/forms/B/total"),
    "B04": (KHM, [("/forms/B/previously_unknown", [KHM_UNKNOWN])],
            KHM, [("/forms/B/previously_unknown", [dict(KHM_UNKNOWN, discovered_on="2018-11-02")])],
            "/forms/B/previously_unknown/0"),
    # ---- Form D ----
    "D01": (KHM, [], KHM, [("/forms/D/total_retained", 3975)], "/forms/D/total_retained"),
    "D02": (MOZ, [], MOZ, [("/forms/D/planned_use", DELETE)], "/forms/D"),
    "D03": (KHM, [], KHM, [("/forms/D/retained/0/lot_numbers", DELETE)], "/forms/D/retained/0"),
    "D04": (KHM, [], KHM, [("/forms/D/retained/2/purpose", DELETE)], "/forms/D/retained/2"),
    # ---- Form E ----
    "E01": (LKA, [("/forms/E", {"cover": "provided", "facilities": [LKA_FACILITY_DONE, LKA_FACILITY_WIP]})],
            LKA, [("/forms/E", {"cover": "provided", "facilities": [
                {k: v for k, v in LKA_FACILITY_DONE.items() if k != "completed_on"}, LKA_FACILITY_WIP]})],
            "/forms/E/facilities/0/completed_on"),
}


def write(path, value):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def build():
    written = {}
    for rid, (pbase, pchanges, fbase, fchanges, ptr) in CASES.items():
        d = OUT / rid
        passing, failing = patch(pbase, pchanges), patch(fbase, fchanges)
        write(d / "pass.json", passing)
        write(d / "fail.json", failing)
        write(d / "expected.json", {"pointer": ptr})
        written[rid] = (passing, failing, ptr)
    return written


def check(written):
    sys.path.insert(0, str(ROOT / "tools"))
    import check_fixtures as cf  # the independent re-implementation of rules.md
    from jsonschema import Draft202012Validator, FormatChecker

    schema = json.loads(cf.SCHEMA.read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    bad = 0
    for rid, (passing, failing, ptr) in written.items():
        for kind, doc, want in (("pass", passing, []), ("fail", failing, [(rid, ptr)])):
            errors = cf.schema_findings(validator, doc)
            got = [(r, p) for r, p, _ in cf.rule_findings(doc)]
            if errors or got != want:
                bad += 1
                print(f"{rid}/{kind}.json: schema {errors}, rules {got}, expected {want}")
    print(f"{len(written)} rules, {bad} problems")
    return bad == 0


if __name__ == "__main__":
    w = build()
    if "--check" in sys.argv[1:]:
        sys.exit(0 if check(w) else 1)
