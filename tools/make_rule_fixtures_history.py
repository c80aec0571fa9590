#!/usr/bin/env python3
"""Build fixtures/rules/<ID>/ for the year-over-year rules of batch "history"
(Y01-Y06).

Each rule's directory holds complete reports:

- `fail.json` and `pass.json`: a report for one year (a copy of a valid
  report of fixtures/valid/ with a few targeted changes);
- `previous.json`: the same State's annual report for the year before,
  consistent with them (continuous areas, stockpile and retained mines),
  except for the one thing a fail fixture breaks. For Y05 there is instead an
  `earlier.json`, three years older than `fail.json`, and `pass.json` is the
  report for the year that follows `earlier.json` (so that `earlier.json` is
  its previous report);
- `expected.json`: the pointer of the one finding `fail.json` draws.

The reports for earlier years are made by `roll_back`, which turns a report
into the one the State would have submitted the year before: the area
remaining at its end is the later report's area at the start, the mines
destroyed and used are added back to the stockpile and to the retained
mines, and the areas identified during the later year are taken out of Form C.
Every report written is schema-valid and, on its own, draws no finding.

Usage: python3 tools/make_rule_fixtures_history.py [--check]
  --check  also run ./target/debug/article7 on every fixture with its history
           and compare with what is expected (build it first with
           `cargo build`). The authoritative check remains
           `cargo test --test catalogue`.
"""

import copy
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VALID = ROOT / "fixtures" / "valid"
OUT = ROOT / "fixtures" / "rules"


def load(name):
    return json.loads((VALID / name).read_text(encoding="utf-8"))


KHM = load("cambodia-2019.json")
LKA = load("sri-lanka-2019.json")


def year(report):
    return int(report["period"]["to"][:4])


def released(clearance):
    lr = clearance.get("land_release", {})
    return sum(lr.get(k, 0) for k in ("cancelled_m2", "reduced_m2", "cleared_m2"))


def split_release(total):
    """A plausible split of `total` m² between the three methods."""
    cancelled = round(total * 0.34)
    reduced = round(total * 0.19)
    return {"cancelled_m2": cancelled, "reduced_m2": reduced,
            "cleared_m2": total - cancelled - reduced}


def add_rows(rows, extra, key="quantity"):
    """Adds quantities ({mine_type: n}) to the rows of the same mine type."""
    for mine_type, n in extra.items():
        row = next(r for r in rows if r["mine_type"] == mine_type)
        row[key] += n


def by_type(rows):
    out = {}
    for r in rows or []:
        out[r["mine_type"]] = out.get(r["mine_type"], 0) + r["quantity"]
    return out


def roll_back(r, release, milestone=None, remaining_end=None, deadline=None,
              last_year=None):
    """The State's annual report for the year before `r`, consistent with it.

    release: m² released during that earlier year;
    milestone: its work plan's target (m²) for r's year (default: the area r
        released, rounded down to the million, i.e. a milestone r meets);
    remaining_end: its area at the end of the year (default: r's area at the
        start, i.e. continuous);
    deadline: its Article 5 deadline (default: r's), extensions decided after
        its submission are dropped;
    last_year: the year of its work plan's last milestone (default: the
        deadline's year).
    """
    p = copy.deepcopy(r)
    y = year(r) - 1
    p["period"] = {"from": f"{y}-01-01", "to": f"{y}-12-31"}
    p["submitted_on"] = f"{y + 1}-04-28"
    f_r = r["forms"]
    f_p = p["forms"]

    # Form F: the clearance balance of the earlier year.
    mc_r = f_r["F"]["mine_clearance"]
    mc = f_p["F"]["mine_clearance"]
    end = mc_r["remaining_start_m2"] if remaining_end is None else remaining_end
    mc["remaining_end_m2"] = end
    mc["newly_identified_m2"] = 0
    mc["land_release"] = split_release(release)
    mc["remaining_start_m2"] = end + release
    if deadline is not None:
        mc["deadline"] = deadline
    mc["deadline_extensions"] = [
        e for e in mc.get("deadline_extensions", []) if e["decided_on"] < p["submitted_on"]
    ]
    if not mc["deadline_extensions"]:
        mc.pop("deadline_extensions")
    last = last_year or int(mc["deadline"][:4])
    first_target = milestone
    if first_target is None:
        first_target = released(mc_r) // 1_000_000 * 1_000_000
    years = list(range(y + 1, last + 1))
    rest = end - first_target
    n = len(years) - 1
    targets = [first_target] + [rest // n + (1 if i < rest % n else 0) for i in range(n)]
    mc["work_plan"] = {
        **{k: v for k, v in mc["work_plan"].items() if k in ("consulted", "gender_analysis")},
        "title": f"Work plan {y + 1}–{last}",
        "adopted_on": f"{y}-03-30",
        "milestones": [
            {"year": yy, "target_m2": t, "description": f"Land release planned for {yy}"}
            for yy, t in zip(years, targets)
        ],
    }

    # Form C: the areas identified during r's year did not exist yet, and
    # what r released was still there (added to the largest confirmed area).
    c = f_p["C"]
    c["areas"] = [a for a in c["areas"] if not a.get("newly_identified")]
    largest = max((a for a in c["areas"] if a.get("classification") == "CHA"),
                  key=lambda a: a["area_m2"])
    largest["area_m2"] += end - sum(a["area_m2"] for a in c["areas"])
    c["totals"] = {
        "areas": len(c["areas"]),
        "area_m2": sum(a["area_m2"] for a in c["areas"]),
        "cha_m2": sum(a["area_m2"] for a in c["areas"] if a.get("classification") == "CHA"),
        "sha_m2": sum(a["area_m2"] for a in c["areas"] if a.get("classification") == "SHA"),
    }
    known = {a["id"] for a in c["areas"]} | {"all"}
    measures = []
    for m in f_p["I"].get("measures", []):
        m["areas"] = [a for a in m.get("areas", []) if a in known]
        if m["areas"]:
            measures.append(m)
    f_p["I"]["measures"] = measures

    # Form D: the mines used during r's year were still retained.
    d = f_p["D"]
    if d["cover"] == "provided":
        add_rows(d["retained"], by_type(f_r["D"].get("used")))
        d["total_retained"] = sum(row["quantity"] for row in d["retained"])
        d.pop("note", None)

    # Form B: the mines destroyed during r's year were still stockpiled, the
    # ones discovered during it not yet known; no stockpile destroyed in the
    # earlier year is reported (Form G below keeps only the mined areas).
    b = f_p["B"]
    if b["cover"] == "provided":
        add_rows(b["stockpile"], by_type(f_r["G"].get("stockpile_destroyed")))
        for mine_type, n in by_type(b.get("previously_unknown")).items():
            add_rows(b["stockpile"], {mine_type: -n})
        b.pop("previously_unknown", None)
        b["total"] = sum(row["quantity"] for row in b["stockpile"])
    g = f_p["G"]
    g.pop("stockpile_destroyed", None)
    g.pop("note", None)
    return p


def patch_rows(rows, mine_type, delta):
    add_rows(rows, {mine_type: delta})


# --- the reports ------------------------------------------------------------

# Cambodia: 2018, 2017 and 2016, before the Oslo extension (deadline 1 January
# 2020), each work plan running to 2020.
KHM_2018 = roll_back(KHM, release=41_210_577, deadline="2020-01-01")
KHM_2017 = roll_back(KHM_2018, release=38_604_112)
KHM_2016 = roll_back(KHM_2017, release=35_912_640)

# Sri Lanka: 2018, with a completion strategy running to 2024.
LKA_2018 = roll_back(LKA, release=4_870_225, last_year=2024)


def y01():
    # The 2019 report starts from 1,500,000 m² less than the 2018 report left
    # (and counts them as newly identified, so that its own balance holds).
    failing = copy.deepcopy(KHM)
    mc = failing["forms"]["F"]["mine_clearance"]
    mc["remaining_start_m2"] -= 1_500_000
    mc["newly_identified_m2"] += 1_500_000
    return ({"previous.json": KHM_2018}, KHM, failing,
            "/forms/F/mine_clearance/remaining_start_m2")


def y02():
    # 500 VS-50 mines are missing from the 2019 stockpile: none destroyed,
    # none moved to Form D.
    failing = copy.deepcopy(LKA)
    patch_rows(failing["forms"]["B"]["stockpile"], "VS-50", -500)
    failing["forms"]["B"]["total"] -= 500
    return ({"previous.json": LKA_2018}, LKA, failing, "/forms/B/total")


def y03():
    # 500 P4 Mk1 mines moved from the stockpile to the retained mines, and no
    # retained mine used: total_retained rises from 21,153 to 21,653 and the
    # stockpile falls by 500 more (so Y02 still holds).
    raised = copy.deepcopy(LKA)
    d = raised["forms"]["D"]
    add_rows(d["retained"], by_type(d.pop("used")))
    patch_rows(d["retained"], "P4 Mk1", 500)
    d["total_retained"] = sum(row["quantity"] for row in d["retained"])
    assert d["total_retained"] == LKA_2018["forms"]["D"]["total_retained"] + 500
    patch_rows(raised["forms"]["B"]["stockpile"], "P4 Mk1", -500)
    raised["forms"]["B"]["total"] -= 500
    passing = copy.deepcopy(raised)
    passing["forms"]["D"]["note"] = (
        "In 2019, 500 P4 Mk1 mines were transferred from the stockpile to the "
        "Engineer Brigade for the trials of new detectors; no retained mine was "
        "used during the year.")
    failing = copy.deepcopy(raised)
    del failing["forms"]["D"]["note"]
    return ({"previous.json": LKA_2018}, passing, failing, "/forms/D/total_retained")


def y04():
    # The 2018 report retained 3,974 mines, as many as the 2019 one. The
    # failing report used none of them; the passing one (the valid report)
    # used 144 and replaced them.
    idle = copy.deepcopy(KHM)
    del idle["forms"]["D"]["used"]
    prev = roll_back(idle, release=41_210_577, deadline="2020-01-01")
    assert prev["forms"]["D"]["total_retained"] == idle["forms"]["D"]["total_retained"]
    return ({"previous.json": prev}, KHM, idle, "/forms/D/used")


def y05():
    # The newest report before 2019 is the one for 2016; the report for 2017
    # follows it without a gap.
    return ({"earlier.json": KHM_2016}, KHM_2017, KHM, "/period")


def y06():
    # The 2018 report planned 44,500,000 m² for 2019. The valid report
    # released 43,981,693 m²; the passing one released 1,000,000 m² more
    # (and identified as much, so that its balance holds).
    prev = roll_back(KHM, release=41_210_577, deadline="2020-01-01", milestone=44_500_000)
    passing = copy.deepcopy(KHM)
    mc = passing["forms"]["F"]["mine_clearance"]
    mc["land_release"]["cleared_m2"] += 1_000_000
    mc["newly_identified_m2"] += 1_000_000
    return ({"previous.json": prev}, passing, KHM,
            "/forms/F/mine_clearance/land_release")


RULES = {"Y01": y01, "Y02": y02, "Y03": y03, "Y04": y04, "Y05": y05, "Y06": y06}


def write(path, value):
    path.write_text(json.dumps(value, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def build():
    written = {}
    for rule, make in RULES.items():
        # pass.json and fail.json share one directory, hence one history.
        history, passing, failing, ptr = make()
        d = OUT / rule
        d.mkdir(parents=True, exist_ok=True)
        for name in ("previous.json", "earlier.json"):
            if name not in history and (d / name).exists():
                (d / name).unlink()
        for name, value in history.items():
            write(d / name, value)
        write(d / "pass.json", passing)
        write(d / "fail.json", failing)
        write(d / "expected.json", {"pointer": ptr})
        written[rule] = (d, ptr)
    return written


def findings(binary, files):
    out = subprocess.run([str(binary), "validate", *map(str, files), "--format", "json",
                          "--fail-on", "never"],
                         capture_output=True, text=True, check=True).stdout
    return {Path(f["file"]).name: [(x["rule"], x["pointer"]) for x in f["findings"]]
            for f in json.loads(out)["files"]}


def check(written):
    binary = ROOT / "target" / "debug" / "article7"
    problems = []
    for rule, (d, ptr) in written.items():
        history = [d / n for n in ("previous.json", "earlier.json") if (d / n).exists()]
        for name, want in (("fail.json", [(rule, ptr)]), ("pass.json", [])):
            got = findings(binary, history + [d / name])
            if got[name] != want:
                problems.append(f"{rule}/{name}: expected {want}, got {got[name]}")
            for h in history:
                if got[h.name]:
                    problems.append(f"{rule}/{h.name} (history) draws {got[h.name]}")
    for p in problems:
        print(p)
    return not problems


if __name__ == "__main__":
    written = build()
    print(f"wrote fixtures for {', '.join(written)}")
    if "--check" in sys.argv[1:] and not check(written):
        sys.exit(1)
