#!/usr/bin/env python3
"""Build the complete-report fixtures of rules G01, H01, H02, I01-I03 and J01-J08.

For each rule this writes, under fixtures/rules/<ID>/:

* pass.json     — a valid fixture (fixtures/valid/), perhaps adjusted so that the
                  rule's condition is exercised but satisfied; draws no finding;
* fail.json     — the same kind of copy with one targeted change (plus any
                  compensating change) so that exactly this rule fires, once;
* expected.json — {"pointer": "<JSON pointer of that one finding>"}.

Each fixture is a valid fixture plus a small patch (below), so the files are
reproducible: edit a patch here and run the script again, never the JSON.

Before writing, every document is checked with tools/check_fixtures.py, the
project's independent Python re-implementation of the schema and of rules.md
sections R and A-J: it must pass the schema, and fail.json must draw exactly
[(ID, pointer)] while pass.json draws nothing at all.

Usage: python3 tools/make_rule_fixtures_ghij.py [--check]
  --check  only verify that the files on disk are what the patches give
"""

import copy
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import check_fixtures as cf  # noqa: E402  (the reference implementation)

ROOT = Path(__file__).resolve().parent.parent
VALID = ROOT / "fixtures" / "valid"
OUT = ROOT / "fixtures" / "rules"

KHM, LKA, MOZ = "cambodia-2019.json", "sri-lanka-2019.json", "mozambique-2016.json"
DELETE = object()
MC = "/forms/F/mine_clearance"
VA = "/forms/J/victim_assistance"
CO = "/forms/J/cooperation"

# id: (fail base, fail patch, expected pointer, pass base, pass patch)
# A patch is a list of (JSON pointer, new value or DELETE), applied in order.
FIXTURES = {
    # Clearance in Form F, but Form G no longer lists the mines destroyed in
    # mined areas (its note is reworded to match).
    "G01": (
        KHM,
        [("/forms/G/mined_area_destroyed", DELETE),
         ("/forms/G/note", "Mines destroyed during clearance in 2019 were not recorded by type.")],
        "/forms/G/mined_area_destroyed",
        LKA, [],
    ),
    # PMN-2 loses its explosive content and photograph mark.
    "H01": (
        KHM,
        [("/forms/H/mine_types/0/explosive_g", DELETE),
         ("/forms/H/mine_types/0/photo", DELETE)],
        "/forms/H/mine_types/0",
        KHM, [],
    ),
    # PMD-6M is retained (Form D) but its Form H entry is removed; the pass
    # fixture spells held types with other case and stray spaces.
    "H02": (
        KHM,
        [("/forms/H/mine_types/4", DELETE)],
        "/forms/H/mine_types",
        LKA,
        [("/forms/B/stockpile/0/mine_type", "p4 MK1 "),
         ("/forms/D/retained/3/mine_type", " vs-50")],
    ),
    # Eight mined areas in Form C, and Form I keeps only its risk education
    # figures: no warning measure.
    "I01": (
        KHM,
        [("/forms/I/measures", DELETE)],
        "/forms/I",
        KHM, [],
    ),
    # The monitoring measure names a misspelt area id.
    "I02": (
        KHM,
        [("/forms/I/measures/1/areas", ["KHM-BMC-03"])],
        "/forms/I/measures/1/areas",
        KHM, [],
    ),
    # More than half of the beneficiaries are of unknown sex or age (the
    # breakdown still adds up, so J02 stays quiet); the pass fixture has
    # exactly half unknown, which is accepted.
    "I03": (
        MOZ,
        [("/forms/I/risk_education/beneficiaries",
          {"women": 2000, "girls": 1500, "boys": 2225, "men": 2000, "unknown": 10000, "total": 17725})],
        "/forms/I/risk_education/beneficiaries",
        MOZ,
        [("/forms/I/risk_education/beneficiaries",
          {"women": 2000, "girls": 1500, "boys": 2225, "men": 2000, "unknown": 7725, "total": 15450})],
    ),
    # 16 killed + 60 injured + 0 = 76, total 77.
    "J01": (
        KHM,
        [(VA + "/casualties/killed", 16)],
        VA + "/casualties",
        KHM, [],
    ),
    # A Breakdown outside Form J: the people consulted for the work plan.
    "J02": (
        LKA,
        [(MC + "/work_plan/consulted/unknown", 63)],
        MC + "/work_plan/consulted",
        MOZ, [],
    ),
    # Casualties without any breakdown by sex and age.
    "J03": (
        KHM,
        [(VA + "/casualties/by_group", DELETE)],
        VA + "/casualties",
        KHM, [],
    ),
    # 74 + 1 + 1 + 0 = 76 casualties by status, total 77.
    "J04": (
        KHM,
        [(VA + "/casualties/by_status/civilian", 74)],
        VA + "/casualties/by_status",
        KHM, [],
    ),
    # The only need has no currency.
    "J05": (
        KHM,
        [(CO + "/needs/0/currency", DELETE)],
        CO + "/needs",
        LKA, [],
    ),
    # Assistance requested, national contribution left out.
    "J06": (
        KHM,
        [(CO + "/national_contribution", DELETE)],
        CO,
        LKA, [],
    ),
    # A partnership for a single year.
    "J07": (
        KHM,
        [(CO + "/partnerships/0/to_year", 2019)],
        CO + "/partnerships/0",
        MOZ, [],
    ),
    # An objective without an indicator.
    "J08": (
        KHM,
        [(VA + "/plan/objectives/1/indicator", DELETE)],
        VA + "/plan/objectives/1",
        KHM, [],
    ),
}


def tokens(ptr):
    return [t.replace("~1", "/").replace("~0", "~") for t in ptr.split("/")[1:]]


def patched(doc, patch):
    doc = copy.deepcopy(doc)
    for ptr, value in patch:
        toks = tokens(ptr)
        node = doc
        for t in toks[:-1]:
            node = node[int(t)] if isinstance(node, list) else node[t]
        last = int(toks[-1]) if isinstance(node, list) else toks[-1]
        if value is DELETE:
            del node[last]
        else:
            node[last] = value
    return doc


def text(doc):
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def main():
    check_only = "--check" in sys.argv[1:]
    schema = json.loads(cf.SCHEMA.read_text(encoding="utf-8"))
    validator = cf.Draft202012Validator(schema, format_checker=cf.FormatChecker())
    valid = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in VALID.glob("*.json")}

    problems = []
    for rid, (fail_base, fail_patch, pointer, pass_base, pass_patch) in FIXTURES.items():
        fail = patched(valid[fail_base], fail_patch)
        ok = patched(valid[pass_base], pass_patch)
        for name, doc, want in (("fail", fail, [(rid, pointer)]), ("pass", ok, [])):
            errs = cf.schema_findings(validator, doc)
            if errs:
                problems.append(f"{rid}/{name}.json breaks the schema: {errs}")
            got = [(r, p) for r, p, _ in cf.rule_findings(doc)]
            if got != want:
                problems.append(f"{rid}/{name}.json draws {got}, want {want}")
        files = {
            "fail.json": text(fail),
            "pass.json": text(ok),
            "expected.json": text({"pointer": pointer}),
        }
        for fname, content in files.items():
            path = OUT / rid / fname
            if check_only:
                if not path.exists() or path.read_text(encoding="utf-8") != content:
                    problems.append(f"{path.relative_to(ROOT)} is not what the patch gives")
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(content, encoding="utf-8")
        print(f"{rid}: fail at {pointer}")

    if problems:
        print("\nPROBLEMS:")
        for p in problems:
            print("  " + p)
        return 1
    print("\nall fixtures OK" if check_only else "\nwritten; all fixtures OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
