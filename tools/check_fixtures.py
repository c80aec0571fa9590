#!/usr/bin/env python3
"""Check the example reports in fixtures/ against the report schema and rules.md.

Why this exists: the fixtures are the ground truth that the Rust tests build on,
so they must be right independently of the Rust code. This script checks them
with a second, independent implementation:

* the schema itself is a valid JSON Schema 2020-12 document;
* every fixtures/valid/*.json passes the schema (formats checked) and draws no
  finding from any rule of rules.md sections R and A-J (a plain-Python
  re-implementation of those rules, below);
* every fixtures/invalid/*.json breaks the schema exactly once, with the keyword,
  JSON pointer, line and column given in fixtures/invalid/expected.json, and
  draws no rule finding except from rules that read the defective value (those
  are skipped by the tool, as rules.md says);
* each invalid fixture is a copy of the valid fixture of the same State and
  year, changed in one place only.

Usage: python3 tools/check_fixtures.py [--update-expected]
  --update-expected  rewrite fixtures/invalid/expected.json from the errors and
                     source positions found (review the diff before committing).

Needs only the Python `jsonschema` package (4.x).
"""

import datetime as dt
import json
import re
import sys
from pathlib import Path

import jsonschema
from jsonschema import Draft202012Validator, FormatChecker

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "schemas" / "article7-report.schema.json"
VALID = ROOT / "fixtures" / "valid"
INVALID = ROOT / "fixtures" / "invalid"
EXPECTED = INVALID / "expected.json"


# ---------------------------------------------------------------------------
# JSON pointers and source positions
# ---------------------------------------------------------------------------

def pointer(parts):
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def parent_pointer(ptr):
    return ptr[: ptr.rfind("/")]


class Positions:
    """Line/column (1-based, in Unicode characters) of every value and key.

    A tiny JSON scanner: Python's json module gives no positions, and the
    expected.json locations must come from the file itself, never be guessed.
    """

    WS = " \t\r\n"

    def __init__(self, text):
        self.text = text
        self.i = 0
        self.value = {}  # pointer -> (line, column) of the value's first character
        self.key = {}  # pointer -> (line, column) of the key's opening quote
        # line starts, for offset -> (line, column)
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.parse_value("")
        self.skip_ws()
        if self.i != len(text):
            raise ValueError("trailing characters after the JSON value")

    def loc(self, offset):
        lo, hi = 0, len(self.starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1, offset - self.starts[lo] + 1

    def skip_ws(self):
        while self.i < len(self.text) and self.text[self.i] in self.WS:
            self.i += 1

    def parse_string(self):
        assert self.text[self.i] == '"'
        start = self.i
        self.i += 1
        while self.text[self.i] != '"':
            self.i += 2 if self.text[self.i] == "\\" else 1
        self.i += 1
        return json.loads(self.text[start : self.i])

    def parse_value(self, ptr):
        self.skip_ws()
        self.value[ptr] = self.loc(self.i)
        c = self.text[self.i]
        if c == "{":
            self.i += 1
            self.skip_ws()
            if self.text[self.i] == "}":
                self.i += 1
                return
            while True:
                self.skip_ws()
                key_at = self.loc(self.i)
                key = self.parse_string()
                child = ptr + pointer([key])
                self.key[child] = key_at
                self.skip_ws()
                assert self.text[self.i] == ":"
                self.i += 1
                self.parse_value(child)
                self.skip_ws()
                if self.text[self.i] == ",":
                    self.i += 1
                    continue
                assert self.text[self.i] == "}"
                self.i += 1
                return
        if c == "[":
            self.i += 1
            self.skip_ws()
            if self.text[self.i] == "]":
                self.i += 1
                return
            n = 0
            while True:
                self.parse_value(ptr + pointer([n]))
                n += 1
                self.skip_ws()
                if self.text[self.i] == ",":
                    self.i += 1
                    continue
                assert self.text[self.i] == "]"
                self.i += 1
                return
        if c == '"':
            self.parse_string()
            return
        m = re.compile(r"-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null").match(self.text, self.i)
        if not m:
            raise ValueError(f"unexpected character {c!r} at {self.loc(self.i)}")
        self.i = m.end()


# ---------------------------------------------------------------------------
# Schema errors -> findings in the project's convention
# ---------------------------------------------------------------------------

def kebab(keyword):
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"-\1", keyword).lower()


def schema_findings(validator, doc):
    """Each schema error as (rule, pointer, key_or_value).

    Python's jsonschema reports `required` and `additionalProperties` at the
    parent object; the project names the missing member in the pointer
    (located at the object that lacks it) and reports `additional-properties`
    at the unexpected member itself (located at its key).
    """
    out = []
    for e in validator.iter_errors(doc):
        if e.validator is None:
            raise AssertionError(f"false-schema error, keyword unknown: {e.message}")
        base = pointer(e.absolute_path)
        rule = "schema/" + kebab(e.validator)
        if e.validator == "additionalProperties":
            allowed = set(e.schema.get("properties", {}))
            patterns = list(e.schema.get("patternProperties", {}))
            for k in e.instance:
                if k not in allowed and not any(re.search(p, k) for p in patterns):
                    out.append((rule, base + pointer([k]), "key"))
        elif e.validator == "required":
            missing = re.match(r"'(.+)' is a required property", e.message).group(1)
            out.append((rule, base + pointer([missing]), "parent"))
        else:
            out.append((rule, base, "value"))
    return out


# ---------------------------------------------------------------------------
# rules.md sections R and A-J, re-implemented
# ---------------------------------------------------------------------------

class Tracked:
    """Records every JSON pointer a rule reads, so that a finding caused by a
    value the schema rejects can be recognised as a skipped rule."""

    def __init__(self, log):
        self.log = log

    def wrap(self, v, ptr):
        if isinstance(v, dict):
            return TDict(v, ptr, self)
        if isinstance(v, list):
            return TList(v, ptr, self)
        return v


class TDict:
    def __init__(self, d, ptr, t):
        self._d, self._p, self._t = d, ptr, t

    def get(self, k, default=None):
        self._t.log.add(self._p + pointer([k]))
        if k in self._d:
            return self._t.wrap(self._d[k], self._p + pointer([k]))
        return default

    def __getitem__(self, k):
        v = self.get(k, KeyError)
        if v is KeyError:
            raise KeyError(k)
        return v

    def __contains__(self, k):
        self._t.log.add(self._p + pointer([k]))
        return k in self._d

    def keys(self):
        self._t.log.add(self._p)
        return list(self._d)

    def items(self):
        return [(k, self.get(k)) for k in self.keys()]

    def __bool__(self):
        return bool(self._d)


class TList:
    def __init__(self, l, ptr, t):
        self._l, self._p, self._t = l, ptr, t

    def __iter__(self):
        self._t.log.add(self._p)
        for i in range(len(self._l)):
            yield self[i]

    def __getitem__(self, i):
        i = i if i >= 0 else len(self._l) + i
        self._t.log.add(self._p + pointer([i]))
        return self._t.wrap(self._l[i], self._p + pointer([i]))

    def __len__(self):
        self._t.log.add(self._p)
        return len(self._l)

    def __bool__(self):
        return len(self) > 0

    def indexed(self):
        return [(i, self[i]) for i in range(len(self))]


def D(s):
    return dt.date.fromisoformat(s)


def add_years(d, n):
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


def area_eq(a, b):
    return abs(a - b) <= max(1.0, 0.001 * max(abs(a), abs(b)))


def nonempty(v):
    """Present and not an empty array/string ("No X" = absent or empty)."""
    if v is None:
        return False
    if isinstance(v, (TList, list, str)):
        return len(v) > 0 if not isinstance(v, str) else v.strip() != ""
    return True


class Ctx:
    """What every rule needs: the document and the shared definitions of rules.md."""

    def __init__(self, doc):
        self.doc = doc
        self.forms = doc["forms"]
        self.p_from, self.p_to = D(doc["period"]["from"]), D(doc["period"]["to"])
        self.year = self.p_to.year  # "Year"
        self.submitted = D(doc["submitted_on"])
        self.eif = D(doc["entry_into_force"]) if "entry_into_force" in doc else None
        self.kind = doc["report_kind"]

    def form(self, x):
        return self.forms.get(x)

    def cover(self, x):
        f = self.form(x)
        return f.get("cover") if f is not None else None

    def provided(self, x):
        return self.cover(x) == "provided"

    def letters(self):
        return [k for k in self.forms.keys() if k != "extensions"]

    def clearance(self):
        return self.form("F").get("mine_clearance") if self.provided("F") else None


def items(v):
    """(index, item) pairs of an array that may be absent."""
    return v.indexed() if v else []


RULES = {}


def rule(fn):
    RULES[fn.__name__.upper()] = fn
    return fn


# ---- Report (R) ----
@rule
def r01(c):
    if c.kind == "annual" and not (c.p_from == dt.date(c.p_from.year, 1, 1) and c.p_to == dt.date(c.p_from.year, 12, 31)):
        yield "/period"


@rule
def r02(c):
    if not c.p_from <= c.p_to:
        yield "/period"
    if not c.p_to <= c.submitted:
        yield "/submitted_on"


@rule
def r03(c):
    if c.kind == "annual" and c.submitted > dt.date(c.year + 1, 4, 30):
        yield "/submitted_on"


@rule
def r04(c):
    if c.kind == "initial" and c.eif and c.submitted > c.eif + dt.timedelta(days=180):
        yield "/submitted_on"


@rule
def r05(c):
    if "email" not in c.doc["contact"] and "phone" not in c.doc["contact"]:
        yield "/contact"


@rule
def r06(c):
    for x in c.letters():
        if c.kind == "initial" and c.cover(x) == "unchanged":
            yield f"/forms/{x}/cover"


@rule
def r07(c):
    for x in c.letters():
        if c.cover(x) == "unchanged":
            lry = c.form(x)["last_reported_year"]
            if not (lry < c.year and (c.eif is None or lry >= c.eif.year)):
                yield f"/forms/{x}/last_reported_year"


@rule
def r08(c):
    if c.eif and c.eif.day != 1:
        yield "/entry_into_force"


@rule
def r09(c):
    if not c.provided("J"):
        yield "/forms"


# ---- Form A ----
def form_a(c):
    if not c.provided("A"):
        return None, []
    a = c.form("A")
    return a["measures_status"], (a.get("measures") or [])


@rule
def a01(c):
    st, ms = form_a(c)
    if st == "legislation_adopted" and not any(nonempty(m.get("title")) and m.get("adopted_on") for m in ms):
        yield "/forms/A/measures"


@rule
def a02(c):
    st, ms = form_a(c)
    if st in ("legislation_adopted", "existing_law_sufficient") and not any(m.get("penal_sanctions") is True for m in ms):
        yield "/forms/A/measures"


@rule
def a03(c):
    st, _ = form_a(c)
    if st in ("existing_law_sufficient", "in_preparation") and not nonempty(c.form("A").get("explanation")):
        yield "/forms/A/explanation"


@rule
def a04(c):
    st, _ = form_a(c)
    if st in ("in_preparation", "none") and c.p_to >= dt.date(2019, 11, 29):
        yield "/forms/A/measures_status"


@rule
def a05(c):
    st, ms = form_a(c)
    if st == "legislation_adopted":
        covered = set()
        for m in ms:
            covered |= set(m.get("covers") or [])
        if not {"use", "develop", "produce", "acquire", "stockpile", "retain", "transfer", "assist"} <= covered:
            yield "/forms/A/measures"


@rule
def a06(c):
    if c.provided("A"):
        for i, m in items(c.form("A").get("measures")):
            if m.get("adopted_on") and D(m.get("adopted_on")) > c.submitted:
                yield f"/forms/A/measures/{i}/adopted_on"


# ---- Form B ----
@rule
def b01(c):
    if c.provided("B"):
        b = c.form("B")
        if sum(r["quantity"] for r in b["stockpile"]) != b["total"]:
            yield "/forms/B/total"


@rule
def b02(c):
    if c.provided("B"):
        for i, r in items(c.form("B")["stockpile"]):
            if r["quantity"] > 0 and not nonempty(r.get("lot_numbers")):
                yield f"/forms/B/stockpile/{i}"


@rule
def b03(c):
    if c.provided("B") and c.eif and c.form("B")["total"] > 0 and c.p_to > add_years(c.eif, 4):
        yield "/forms/B/total"


@rule
def b04(c):
    if c.provided("B"):
        for i, r in items(c.form("B").get("previously_unknown")):
            d = r.get("discovered_on")
            if d is None or not (c.p_from <= D(d) <= c.p_to):
                yield f"/forms/B/previously_unknown/{i}"


# ---- Form C ----
@rule
def c01(c):
    if c.provided("C") and c.form("C")["totals"]["areas"] != len(c.form("C")["areas"]):
        yield "/forms/C/totals/areas"


@rule
def c02(c):
    if c.provided("C"):
        f = c.form("C")
        if not area_eq(sum(a["area_m2"] for a in f["areas"]), f["totals"]["area_m2"]):
            yield "/forms/C/totals/area_m2"


@rule
def c03(c):
    if c.provided("C"):
        f = c.form("C")
        t = f["totals"]
        cha = sum(a["area_m2"] for a in f["areas"] if a.get("classification") == "CHA")
        sha = sum(a["area_m2"] for a in f["areas"] if a.get("classification") == "SHA")
        if not (area_eq(t["cha_m2"] + t["sha_m2"], t["area_m2"]) and area_eq(cha, t["cha_m2"]) and area_eq(sha, t["sha_m2"])):
            yield "/forms/C/totals"


@rule
def c04(c):
    if c.provided("C"):
        for i, a in items(c.form("C")["areas"]):
            if a.get("classification") is None:
                yield f"/forms/C/areas/{i}/classification"


@rule
def c05(c):
    if c.provided("C"):
        seen = set()
        for i, a in items(c.form("C")["areas"]):
            if a["id"] in seen:
                yield f"/forms/C/areas/{i}/id"
            seen.add(a["id"])


@rule
def c06(c):
    if c.provided("C"):
        for i, a in items(c.form("C")["areas"]):
            if not nonempty(a.get("mines")) and a.get("emplaced") is None:
                yield f"/forms/C/areas/{i}"


@rule
def c07(c):
    if c.provided("C"):
        for i, a in items(c.form("C")["areas"]):
            loc = a.get("location")
            if loc is not None and loc["lat"] == 0 and loc["lon"] == 0:
                yield f"/forms/C/areas/{i}/location"


# ---- Form D ----
@rule
def d01(c):
    if c.provided("D"):
        d = c.form("D")
        if sum(r["quantity"] for r in d["retained"]) != d["total_retained"]:
            yield "/forms/D/total_retained"


@rule
def d02(c):
    if c.provided("D"):
        d = c.form("D")
        if d["total_retained"] > 0 and not nonempty(d.get("used")) and not nonempty(d.get("planned_use")):
            yield "/forms/D"


@rule
def d03(c):
    if c.provided("D"):
        for i, r in items(c.form("D")["retained"]):
            if r["quantity"] > 0 and not nonempty(r.get("lot_numbers")):
                yield f"/forms/D/retained/{i}"


@rule
def d04(c):
    if c.provided("D"):
        for i, r in items(c.form("D")["retained"]):
            if not nonempty(r.get("purpose")):
                yield f"/forms/D/retained/{i}"


# ---- Form E ----
@rule
def e01(c):
    if c.provided("E"):
        for i, f in items(c.form("E")["facilities"]):
            if f.get("status") == "completed" and f.get("completed_on") is None:
                yield f"/forms/E/facilities/{i}/completed_on"


# ---- Form F ----
PROGRAMME = ("methods", "sites", "safety_standards", "environmental_standards")


def released(mc):
    lr = mc.get("land_release")
    return sum((lr.get(k) or 0) if lr is not None else 0 for k in ("cancelled_m2", "reduced_m2", "cleared_m2"))


def milestones(mc):
    wp = mc.get("work_plan")
    return (wp.get("milestones") if wp is not None else None) or []


@rule
def f01(c):
    if c.provided("F"):
        sd = c.form("F").get("stockpile_destruction")
        if sd is not None and sd.get("status") != "completed" and not all(nonempty(sd.get(k)) for k in PROGRAMME):
            yield "/forms/F/stockpile_destruction"
        mc = c.clearance()
        if mc is not None and mc.get("completion_declared_on") is None and not all(nonempty(mc.get(k)) for k in PROGRAMME):
            yield "/forms/F/mine_clearance"


@rule
def f02(c):
    mc = c.clearance()
    if mc is not None:
        start, end = mc.get("remaining_start_m2"), mc.get("remaining_end_m2")
        if start is not None and end is not None and not area_eq(start + (mc.get("newly_identified_m2") or 0) - released(mc), end):
            yield "/forms/F/mine_clearance/remaining_end_m2"


@rule
def f03(c):
    mc = c.clearance()
    if mc is not None and mc.get("land_release") is not None:
        lr = mc.get("land_release")
        if any(lr.get(k) is None for k in ("cancelled_m2", "reduced_m2", "cleared_m2")):
            yield "/forms/F/mine_clearance/land_release"


@rule
def f04(c):
    mc = c.clearance()
    if mc is not None and c.provided("C") and mc.get("remaining_end_m2") is not None:
        if not area_eq(mc.get("remaining_end_m2"), c.form("C")["totals"]["area_m2"]):
            yield "/forms/F/mine_clearance/remaining_end_m2"


@rule
def f05(c):
    mc = c.clearance()
    if mc is not None and (mc.get("remaining_end_m2") or 0) > 0 and len(milestones(mc)) == 0:
        yield "/forms/F/mine_clearance/work_plan"


@rule
def f06(c):
    mc = c.clearance()
    if mc is not None:
        for i, m in items(milestones(mc)):
            if m.get("target_m2") is None and m.get("target_areas") is None:
                yield f"/forms/F/mine_clearance/work_plan/milestones/{i}"


@rule
def f07(c):
    mc = c.clearance()
    if mc is not None and milestones(mc):
        years = [m["year"] for m in milestones(mc)]
        deadline = mc.get("deadline")
        if any(b <= a for a, b in zip(years, years[1:])) or (deadline and years[-1] > D(deadline).year):
            yield "/forms/F/mine_clearance/work_plan/milestones"


@rule
def f08(c):
    mc = c.clearance()
    if mc is not None and milestones(mc):
        later = sum(m.get("target_m2") or 0 for m in milestones(mc) if m["year"] > c.year)
        if later < (mc.get("remaining_end_m2") or 0):
            yield "/forms/F/mine_clearance/work_plan/milestones"


@rule
def f09(c):
    mc = c.clearance()
    if (mc is not None and (mc.get("remaining_end_m2") or 0) > 0 and mc.get("completion_declared_on") is None
            and mc.get("deadline") and D(mc.get("deadline")) < c.p_to):
        yield "/forms/F/mine_clearance/deadline"


@rule
def f10(c):
    mc = c.clearance()
    if mc is not None and c.eif:
        prev = add_years(c.eif, 10)
        for i, x in items(mc.get("deadline_extensions")):
            new = D(x["new_deadline"])
            if new > add_years(prev, 10) or new <= prev:
                yield f"/forms/F/mine_clearance/deadline_extensions/{i}/new_deadline"
            prev = new


@rule
def f11(c):
    mc = c.clearance()
    wp = mc.get("work_plan") if mc is not None else None
    if wp is not None:
        cons = wp.get("consulted")
        if cons is None or cons["total"] == 0 or wp.get("gender_analysis") is not True:
            yield "/forms/F/mine_clearance/work_plan"


@rule
def f12(c):
    mc = c.clearance()
    if mc is not None:
        for m in milestones(mc):
            if m["year"] == c.year and (m.get("target_m2") or 0) > released(mc):
                yield "/forms/F/mine_clearance/land_release"


# ---- Forms G, H, I ----
@rule
def g01(c):
    mc = c.clearance()
    lr = mc.get("land_release") if mc is not None else None
    if lr is not None and (lr.get("cleared_m2") or 0) > 0:
        destroyed = 0
        if c.provided("G"):
            destroyed = sum(r["quantity"] for r in (c.form("G").get("mined_area_destroyed") or []))
        if destroyed == 0:
            yield "/forms/G/mined_area_destroyed"


@rule
def h01(c):
    if c.provided("H"):
        for i, t in items(c.form("H")["mine_types"]):
            if any(t.get(k) is None for k in ("dimensions", "fusing", "explosive_type", "explosive_g", "metal_g", "photo")):
                yield f"/forms/H/mine_types/{i}"


@rule
def h02(c):
    if c.cover("H") == "unchanged":
        return  # a rule comparing two forms treats an unchanged form as satisfied
    known = {t["mine_type"].strip().lower() for t in c.form("H")["mine_types"]} if c.provided("H") else set()
    held = []
    if c.provided("B"):
        held += [r["mine_type"] for r in c.form("B")["stockpile"]]
    if c.provided("D"):
        held += [r["mine_type"] for r in c.form("D")["retained"]]
    if any(h.strip().lower() not in known for h in held):
        yield "/forms/H/mine_types"


@rule
def i01(c):
    if c.provided("C") and len(c.form("C")["areas"]) >= 1 and c.cover("I") != "unchanged":
        if not (c.provided("I") and nonempty(c.form("I").get("measures"))):
            yield "/forms/I"


@rule
def i02(c):
    if c.provided("I") and c.cover("C") != "unchanged":
        ids = {a["id"] for a in c.form("C")["areas"]} if c.provided("C") else set()
        for i, m in items(c.form("I").get("measures")):
            for ref in (m.get("areas") or []):
                if ref != "all" and ref not in ids:
                    yield f"/forms/I/measures/{i}/areas"


@rule
def i03(c):
    if c.provided("I"):
        ed = c.form("I").get("risk_education")
        b = ed.get("beneficiaries") if ed is not None else None
        if b is not None:
            members = [b.get(k) for k in ("women", "girls", "boys", "men", "unknown")]
            if all(v is None for v in members) or (b.get("unknown") or 0) > b["total"] / 2:
                yield "/forms/I/risk_education/beneficiaries"


# ---- Form J ----
def casualties(c):
    va = c.form("J").get("victim_assistance") if c.provided("J") else None
    return va.get("casualties") if va is not None else None


def cooperation(c):
    return c.form("J").get("cooperation") if c.provided("J") else None


@rule
def j01(c):
    cas = casualties(c)
    if cas is not None:
        outs = [cas.get(k) for k in ("killed", "injured", "unknown_outcome")]
        if any(v is not None for v in outs) and sum(v or 0 for v in outs) != cas["total"]:
            yield "/forms/J/victim_assistance/casualties"


def breakdowns(v, ptr, schema_path):
    """Every Breakdown in the document, found by walking it (one selector over the whole document)."""
    if isinstance(v, TDict):
        if schema_path in BREAKDOWN_PATHS:
            yield ptr, v
        for k in v.keys():
            if k != "extensions":
                yield from breakdowns(v.get(k), ptr + pointer([k]), schema_path + "/" + k)
    elif isinstance(v, TList):
        for i, x in v.indexed():
            yield from breakdowns(x, ptr + pointer([i]), schema_path + "/*")


BREAKDOWN_PATHS = {
    "/forms/F/mine_clearance/work_plan/consulted",
    "/forms/I/risk_education/beneficiaries",
    "/forms/J/victim_assistance/casualties/by_group",
    "/forms/J/victim_assistance/survivors_assisted",
}


@rule
def j02(c):
    for ptr, b in breakdowns(c.doc, "", ""):
        form = ptr.split("/")[2]
        if not c.provided(form):
            continue
        members = [b.get(k) for k in ("women", "girls", "boys", "men", "unknown")]
        if any(v is not None for v in members) and sum(v or 0 for v in members) != b["total"]:
            yield ptr


@rule
def j03(c):
    cas = casualties(c)
    if cas is not None and cas["total"] > 0:
        g = cas.get("by_group")
        if g is None or (g.get("unknown") or 0) > cas["total"] / 2:
            yield "/forms/J/victim_assistance/casualties"


@rule
def j04(c):
    cas = casualties(c)
    s = cas.get("by_status") if cas is not None else None
    if s is not None and sum(s.get(k) or 0 for k in ("civilian", "military", "deminer", "unknown")) != cas["total"]:
        yield "/forms/J/victim_assistance/casualties/by_status"


@rule
def j05(c):
    co = cooperation(c)
    if co is not None and co.get("assistance_requested") is True:
        needs = co.get("needs") or []
        if not any(n.get("amount") is not None and n.get("currency") is not None and nonempty(n.get("purpose")) for n in needs):
            yield "/forms/J/cooperation/needs"


@rule
def j06(c):
    co = cooperation(c)
    if co is not None and co.get("assistance_requested") is True and co.get("national_contribution") is None:
        yield "/forms/J/cooperation"


@rule
def j07(c):
    co = cooperation(c)
    if co is not None:
        for i, p in items(co.get("partnerships")):
            if (not nonempty(p.get("responsibilities")) or not nonempty(p.get("objectives"))
                    or not nonempty(p.get("dialogue")) or p.get("from_year") == p.get("to_year")):
                yield f"/forms/J/cooperation/partnerships/{i}"


@rule
def j08(c):
    va = c.form("J").get("victim_assistance") if c.provided("J") else None
    plan = va.get("plan") if va is not None else None
    if plan is not None:
        for i, o in items(plan.get("objectives")):
            if any(o.get(k) is None for k in ("indicator", "target", "year")):
                yield f"/forms/J/victim_assistance/plan/objectives/{i}"


def rule_findings(doc):
    """[(rule, pointer, pointers the rule read)] for the document, rule by rule."""
    out = []
    t = Tracked(set())
    try:
        ctx = Ctx(t.wrap(doc, ""))
    except (KeyError, TypeError, ValueError) as e:
        return [("context", repr(e), frozenset(t.log))]
    shared = frozenset(t.log)
    for rid, fn in RULES.items():
        t.log = set(shared)
        try:
            for ptr in fn(ctx):
                out.append((rid, ptr, frozenset(t.log)))
        except (KeyError, TypeError, ValueError) as e:
            out.append((rid + " (raised " + repr(e) + ")", "", frozenset(t.log)))
    return out


# ---------------------------------------------------------------------------
# self-test: each rule above must fire on a one-change mutation of a valid
# fixture, or "no finding on the valid fixtures" would prove nothing
# ---------------------------------------------------------------------------

DELETE = object()
KHM, LKA, MOZ = "cambodia-2019.json", "sri-lanka-2019.json", "mozambique-2016.json"
MC = "/forms/F/mine_clearance"
MUTATIONS = [
    # (fixture, JSON pointer, new value or DELETE, rule that must fire)
    (KHM, "/period/to", "2019-12-30", "R01"),
    (KHM, "/submitted_on", "2019-12-30", "R02"),
    (KHM, "/submitted_on", "2020-05-01", "R03"),
    (KHM, "/contact", {"organisation": "CMAA"}, "R05"),
    (MOZ, "/forms/B/last_reported_year", 2016, "R07"),
    (KHM, "/entry_into_force", "2000-01-02", "R08"),
    (KHM, "/forms/J", DELETE, "R09"),
    (KHM, "/forms/A/measures/0/adopted_on", DELETE, "A01"),
    (KHM, "/forms/A/measures/0/penal_sanctions", False, "A02"),
    (LKA, "/forms/A/explanation", DELETE, "A03"),
    (MOZ, "/period", {"from": "2019-01-01", "to": "2019-12-31"}, "A04"),
    (KHM, "/forms/A/measures/0/covers", ["use"], "A05"),
    (KHM, "/forms/A/measures/0/adopted_on", "2020-05-01", "A06"),
    (LKA, "/forms/B/total", 1, "B01"),
    (LKA, "/forms/B/stockpile/0/lot_numbers", [], "B02"),
    (LKA, "/entry_into_force", "2015-06-01", "B03"),
    (LKA, "/forms/B/previously_unknown", [{"mine_type": "P4 Mk1", "quantity": 5}], "B04"),
    (KHM, "/forms/C/totals/areas", 7, "C01"),
    (KHM, "/forms/C/totals/area_m2", 1, "C02"),
    (KHM, "/forms/C/areas/0/classification", "SHA", "C03"),
    (KHM, "/forms/C/areas/0/classification", DELETE, "C04"),
    (KHM, "/forms/C/areas/1/id", "KHM-BTB-01", "C05"),
    (KHM, "/forms/C/areas/1/emplaced", DELETE, "C06"),
    (KHM, "/forms/C/areas/1/location", {"lat": 0, "lon": 0}, "C07"),
    (KHM, "/forms/D/total_retained", 3, "D01"),
    (MOZ, "/forms/D/planned_use", DELETE, "D02"),
    (KHM, "/forms/D/retained/0/lot_numbers", DELETE, "D03"),
    (KHM, "/forms/D/retained/0/purpose", DELETE, "D04"),
    (KHM, "/forms/E", {"cover": "provided", "facilities": [{"name": "x", "status": "completed"}]}, "E01"),
    (LKA, "/forms/F/stockpile_destruction/sites", [], "F01"),
    (KHM, MC + "/newly_identified_m2", 0, "F02"),
    (KHM, MC + "/land_release/reduced_m2", DELETE, "F03"),
    (KHM, "/forms/C/totals/area_m2", 1, "F04"),
    (KHM, MC + "/work_plan/milestones", [], "F05"),
    (KHM, MC + "/work_plan/milestones/0/target_m2", DELETE, "F06"),
    (KHM, MC + "/work_plan/milestones/5/year", 2026, "F07"),
    (KHM, MC + "/work_plan/milestones/5/target_m2", 1, "F08"),
    (KHM, MC + "/deadline", "2019-12-30", "F09"),
    (KHM, MC + "/deadline_extensions/1/new_deadline", "2030-01-02", "F10"),
    (KHM, MC + "/work_plan/gender_analysis", False, "F11"),
    (KHM, MC + "/work_plan/milestones/0/year", 2019, "F12"),
    (KHM, "/forms/G/mined_area_destroyed", [], "G01"),
    (KHM, "/forms/H/mine_types/0/photo", DELETE, "H01"),
    (KHM, "/forms/H/mine_types/4", DELETE, "H02"),
    (KHM, "/forms/I/measures", [], "I01"),
    (KHM, "/forms/I/measures/1/areas", ["KHM-XXX-99"], "I02"),
    (KHM, "/forms/I/risk_education/beneficiaries", {"total": 5}, "I03"),
    (KHM, "/forms/J/victim_assistance/casualties/killed", 16, "J01"),
    (KHM, "/forms/J/victim_assistance/survivors_assisted/men", 1, "J02"),
    (KHM, MC + "/work_plan/consulted/men", 1, "J02"),
    (KHM, "/forms/J/victim_assistance/casualties/by_group", DELETE, "J03"),
    (KHM, "/forms/J/victim_assistance/casualties/by_status/civilian", 1, "J04"),
    (KHM, "/forms/J/cooperation/needs/0/currency", DELETE, "J05"),
    (KHM, "/forms/J/cooperation/national_contribution", DELETE, "J06"),
    (KHM, "/forms/J/cooperation/partnerships/0/to_year", 2019, "J07"),
    (KHM, "/forms/J/victim_assistance/plan/objectives/0/indicator", DELETE, "J08"),
]


def mutate(doc, ptr, value):
    doc = json.loads(json.dumps(doc))
    tokens = [t.replace("~1", "/").replace("~0", "~") for t in ptr.split("/")[1:]]
    node = doc
    for t in tokens[:-1]:
        node = node[int(t)] if isinstance(node, list) else node[t]
    last = int(tokens[-1]) if isinstance(node, list) else tokens[-1]
    if value is DELETE:
        del node[last]
    else:
        node[last] = value
    return doc


SCHEMA_PROBES = [
    # (fixture, JSON pointer, new value or DELETE, the only schema finding expected)
    # an unknown key gives exactly one error whatever the cover mark
    (KHM, "/forms/C/totalz", 1, ("schema/additional-properties", "/forms/C/totalz")),
    (MOZ, "/forms/B/totalz", 1, ("schema/additional-properties", "/forms/B/totalz")),
    (MOZ, "/forms/C/totalz", 1, ("schema/additional-properties", "/forms/C/totalz")),
    (KHM, "/forms/C/cover", "changed", ("schema/enum", "/forms/C/cover")),
    (KHM, "/forms/C/cover", DELETE, ("schema/required", "/forms/C/cover")),
    # cover-dependent members
    (KHM, "/forms/C/reason", "none", ("schema/additional-properties", "/forms/C/reason")),
    (KHM, "/forms/C/last_reported_year", 2018, ("schema/additional-properties", "/forms/C/last_reported_year")),
    (KHM, "/forms/E/last_reported_year", 2018, ("schema/additional-properties", "/forms/E/last_reported_year")),
    (MOZ, "/forms/H/reason", "none", ("schema/additional-properties", "/forms/H/reason")),
    (KHM, "/forms/C/areas", DELETE, ("schema/required", "/forms/C/areas")),
    (KHM, "/forms/B/total", DELETE, ("schema/required", "/forms/B/total")),
    (KHM, "/forms/D/total_retained", DELETE, ("schema/required", "/forms/D/total_retained")),
    (KHM, "/forms/H/mine_types", DELETE, ("schema/required", "/forms/H/mine_types")),
    (KHM, "/forms/A/measures_status", DELETE, ("schema/required", "/forms/A/measures_status")),
    (KHM, "/forms/E", {"cover": "provided"}, ("schema/required", "/forms/E/facilities")),
    # top level and small objects
    (KHM, "/forms/K", {"cover": "provided"}, ("schema/additional-properties", "/forms/K")),
    (KHM, "/forms/I", DELETE, ("schema/required", "/forms/I")),
    (KHM, "/treaty", "CCM", ("schema/const", "/treaty")),
    (KHM, "/state/code", "KH", ("schema/pattern", "/state/code")),
    (KHM, "/submitted_on", "20200428", ("schema/format", "/submitted_on")),
    (KHM, "/contact/email", "cmaa", ("schema/format", "/contact/email")),
    (KHM, "/forms/J/cooperation/national_contribution/currency", "usd", ("schema/pattern", "/forms/J/cooperation/national_contribution/currency")),
    (KHM, "/forms/C/areas/0/location/lat", 91, ("schema/maximum", "/forms/C/areas/0/location/lat")),
    (KHM, "/forms/C/areas/0/location/lon", DELETE, ("schema/required", "/forms/C/areas/0/location/lon")),
    (KHM, "/forms/C/areas/0/area_m2", -1, ("schema/minimum", "/forms/C/areas/0/area_m2")),
    (KHM, "/forms/C/totals/sha_m2", DELETE, ("schema/required", "/forms/C/totals/sha_m2")),
    (KHM, "/forms/J/victim_assistance/casualties/total", 77.5, ("schema/type", "/forms/J/victim_assistance/casualties/total")),
    (KHM, "/forms/F/mine_clearance/deadline_extensions/0/new_deadline", DELETE, ("schema/required", "/forms/F/mine_clearance/deadline_extensions/0/new_deadline")),
    (KHM, "/forms/G/mined_area_destroyed/0/quantity", DELETE, ("schema/required", "/forms/G/mined_area_destroyed/0/quantity")),
    (KHM, "/forms/C/areas/0/location/extensions", {"datum": ["WGS 84"]}, None),
    (KHM, "/extensions", {"anything": {"goes": [1, None]}}, None),
]


def schema_probe_test(validator, valid_docs):
    problems = []
    for name, ptr, value, want in SCHEMA_PROBES:
        got = [(r, p) for r, p, _ in schema_findings(validator, mutate(valid_docs[name], ptr, value))]
        if got != ([want] if want else []):
            problems.append(f"schema probe: setting {ptr} in {name} gave {got}, want {want}")
    return problems


def self_test(valid_docs):
    problems = []
    for name, ptr, value, want in MUTATIONS:
        if name not in valid_docs:
            problems.append(f"self-test: fixture {name} missing")
            continue
        got = {r for r, _, _ in rule_findings(mutate(valid_docs[name], ptr, value))}
        if want not in got:
            problems.append(f"self-test: {want} did not fire after setting {ptr} in {name} (got {sorted(got)})")
    untested = set(RULES) - {m[3] for m in MUTATIONS} - {"R04", "R06"}  # initial-report rules: no initial fixture
    if untested:
        problems.append(f"self-test: no mutation exercises {sorted(untested)}")
    return problems


# ---------------------------------------------------------------------------
# structural diff (for "exactly one defect")
# ---------------------------------------------------------------------------

def diff(a, b, ptr=""):
    if isinstance(a, dict) and isinstance(b, dict):
        out = []
        for k in sorted(set(a) | set(b)):
            p = ptr + pointer([k])
            if k not in a or k not in b:
                out.append(p)
            else:
                out += diff(a[k], b[k], p)
        return out
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        out = []
        for i, (x, y) in enumerate(zip(a, b)):
            out += diff(x, y, ptr + pointer([i]))
        return out
    return [] if (type(a) is type(b) and a == b) else [ptr]


# ---------------------------------------------------------------------------

def schema_shape_problems(schema):
    """The house rules for the schema: every object is closed (directly, or in
    each cover branch of a form), accepts `extensions`, and every definition
    and property is titled or described for users."""
    problems = []
    defs = schema["$defs"]

    def described(s):
        if "title" in s or "description" in s:
            return True
        ref = s.get("$ref", "")
        return ref.startswith("#/$defs/") and described(defs[ref[len("#/$defs/"):]])

    def check_object(where, s):
        props = s.get("properties", {})
        if "extensions" not in props:
            problems.append(f"schema: {where} does not accept `extensions`")
        if s.get("additionalProperties") is not False:
            branches = [b.get("then") or b.get("else") for b in s.get("allOf", [])]
            if not branches or not all(b and b.get("additionalProperties") is False for b in branches):
                problems.append(f"schema: {where} is not closed (additionalProperties)")
        for k, p in props.items():
            if not described(p):
                problems.append(f"schema: {where}/properties/{k} has no title or description")

    for name, s in defs.items():
        if not described(s):
            problems.append(f"schema: $defs/{name} has no title or description")
        if s.get("type") == "object" and name != "extensions":
            check_object(f"$defs/{name}", s)
    check_object("root", schema)
    text = json.dumps(schema)
    for ref in set(re.findall(r'"\$ref": "([^"]*)"', text)):
        if not ref.startswith("#/$defs/") or ref[len("#/$defs/"):] not in defs:
            problems.append(f"schema: $ref {ref} is not a local definition")
    return problems


def main():
    update = "--update-expected" in sys.argv[1:]
    problems = []

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    try:
        Draft202012Validator.check_schema(schema)
    except jsonschema.SchemaError as e:
        problems.append(f"schema: not a valid 2020-12 schema: {e.message}")
    if schema.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
        problems.append("schema: $schema is not 2020-12")
    problems += schema_shape_problems(schema)
    validator = Draft202012Validator(schema, format_checker=FormatChecker())

    valid_docs = {}
    for path in sorted(VALID.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        valid_docs[path.name] = doc
        errs = schema_findings(validator, doc)
        for rule, ptr, _ in errs:
            problems.append(f"valid/{path.name}: {rule} at {ptr}")
        if not errs:
            for rule, ptr, _ in rule_findings(doc):
                problems.append(f"valid/{path.name}: rule {rule} fires at {ptr}")
        print(f"valid/{path.name}: {len(errs)} schema errors")

    problems += self_test(valid_docs)
    problems += schema_probe_test(validator, valid_docs)
    print(f"self-test: {len(MUTATIONS)} rule mutations, {len(SCHEMA_PROBES)} schema probes")

    expected = json.loads(EXPECTED.read_text(encoding="utf-8")) if EXPECTED.exists() else {}
    computed = {}
    for path in sorted(INVALID.glob("*.json")):
        if path.name == "expected.json":
            continue
        text = path.read_text(encoding="utf-8")
        doc = json.loads(text)
        pos = Positions(text)
        errs = schema_findings(validator, doc)
        if len(errs) != 1:
            problems.append(f"invalid/{path.name}: {len(errs)} schema errors, want 1: {errs}")
            continue
        rule, ptr, where = errs[0]
        at = ptr.rsplit("/", 1)[0] if where == "parent" else ptr
        line, col = (pos.key if where == "key" else pos.value)[at] if (at in pos.value) else (None, None)
        computed[path.name] = {"rule": rule, "pointer": ptr, "line": line, "column": col}
        want = expected.get(path.name)
        if not update and want != computed[path.name]:
            problems.append(f"invalid/{path.name}: got {computed[path.name]}, expected.json says {want}")
        print(f"invalid/{path.name}: {rule} at {ptr} ({line}:{col})")

        # one defect only: a copy of the valid fixture of the same State and year
        base = [v for v in valid_docs.values()
                if v["state"]["code"] == doc.get("state", {}).get("code")
                and v["period"]["to"][:4] == doc.get("period", {}).get("to", "")[:4]]
        if len(base) != 1:
            problems.append(f"invalid/{path.name}: no single valid fixture of the same State and year to compare with")
        else:
            d = diff(base[0], doc)
            scope = parent_pointer(ptr)
            stray = [p for p in d if not (p == scope or p.startswith(scope + "/"))]
            if not d or stray:
                problems.append(f"invalid/{path.name}: differs from its valid fixture at {d}")

        # the defect must not make a rule fire; a rule that reads the
        # defective value is skipped by the tool (rules.md, last paragraph)
        missing = {ptr}
        for r, at, read in rule_findings(doc):
            touched = any(p == m or p.startswith(m + "/") for p in read for m in missing)
            if not touched:
                problems.append(f"invalid/{path.name}: rule {r} fires at {at}")
            else:
                print(f"    {r} reads the defective value: skipped")

    names = {p.name for p in INVALID.glob("*.json")} - {"expected.json"}
    if not update and set(expected) != names:
        problems.append(f"expected.json lists {sorted(set(expected) ^ names)} wrongly")

    if update:
        EXPECTED.write_text(json.dumps(computed, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {EXPECTED.relative_to(ROOT)}")

    if problems:
        print("\nPROBLEMS:")
        for p in problems:
            print("  " + p)
        return 1
    print("\nall fixtures OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
