#!/usr/bin/env python3
"""Writes schemas/states-parties.json: the States Parties to the
Anti-Personnel Mine Ban Convention, with names in English, French and
Spanish from the ISO 3166-1 tables of the `pycountry` package (Debian's
iso-codes data) and the dates of entry into force listed in ENTRY_INTO_FORCE.

Membership: every UN member State except the 33 that had not joined by the
end of 2024, plus the Cook Islands, the Holy See, Niue and the State of
Palestine (164 in all, the figure the ISU gave for 2024). Run from the
repository root: `python3 tools/states-parties.py`.
"""
import gettext, json, pycountry

# ISO 3166-1 entries that are not UN member States (territories,
# dependencies, Antarctica; Taiwan; Western Sahara) and so cannot be Parties.
NOT_STATES = set("""
ABW AIA ALA ASM ATA ATF BES BLM BMU BVT CCK COK CUW CXR CYM ESH FLK FRO GGY GIB GLP GRL GUF GUM HKG HMD IMN IOT JEY MAC MAF MNP MSR MTQ MYT NCL NFK NIU PCN PRI PSE PYF REU SGS SHN SJM SPM SXM TCA TKL TWN UMI VAT VGB VIR WLF
""".split())
# UN member States not party at the end of 2024.
NOT_PARTY = set("""
ARM AZE BHR CHN CUB EGY GEO IND IRN ISR KAZ KGZ LAO LBN LBY MHL FSM MNG MAR MMR NPL PRK PAK RUS SAU SGP KOR SYR TON ARE USA UZB VNM
""".split())
# Parties that are not UN member States.
EXTRA = {"COK", "NIU", "PSE", "VAT"}

# Entry into force for the State (Art. 17: the first day of the sixth month
# after deposit; 1 March 1999 for the first forty). Only dates the author was
# sure of; NOT checked against the depositary's record on this machine.
ENTRY_INTO_FORCE = {
    "AFG": "2003-03-01", "AGO": "2003-01-01", "BIH": "1999-03-01",
    "CAN": "1999-03-01", "COL": "2001-03-01", "KHM": "2000-01-01",
    "IRQ": "2008-02-01", "LKA": "2018-06-01", "MOZ": "1999-03-01",
    "NOR": "1999-03-01", "PSE": "2018-06-01", "UKR": "2006-06-01",
    "ZWE": "1999-03-01", "IRL": "1999-03-01", "MUS": "1999-03-01",
    "AUT": "1999-03-01", "SSD": "2011-07-09", "TUV": "2012-03-01",
    "FIN": "2012-07-01", "POL": "2013-06-01", "OMN": "2015-02-01",
    "TUR": "2004-03-01", "GRC": "2004-03-01", "BLR": "2004-03-01",
    "ETH": "2005-06-01", "IDN": "2007-08-01", "KWT": "2007-12-01",
    "TJK": "2000-04-01", "SEN": "1999-03-01", "PER": "1999-03-01",
    "ECU": "1999-10-01", "THA": "1999-05-01", "TCD": "1999-11-01",
    "YEM": "1999-03-01", "CYP": "2003-07-01", "SOM": "2012-10-01",
}

fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
es = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["es"])
parties = []
for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
    code = c.alpha_3
    if (code in NOT_STATES and code not in EXTRA) or code in NOT_PARTY:
        continue
    en = c.name
    entry = {
        "code": code,
        "names": {"en": en, "fr": fr.gettext(en), "es": es.gettext(en)},
        "entry_into_force": ENTRY_INTO_FORCE.get(code),
    }
    # Other English names a report may use for the State (matching donors
    # and recipients in Form J); ISO's common and official names.
    aliases = sorted({getattr(c, a) for a in ("common_name", "official_name") if hasattr(c, a)} - {en})
    if aliases:
        entry["aliases"] = aliases
    parties.append(entry)
assert len(parties) == 164, len(parties)
doc = {
    "$comment": "States Parties to the Anti-Personnel Mine Ban Convention; see docs/states-parties.md for sources and what is unverified. Written by tools/states-parties.py.",
    "as_of": "2024-12-31",
    "states_parties": parties,
}
with open("schemas/states-parties.json", "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False, indent=1)
    f.write("\n")
print(len(parties), "States Parties,", sum(1 for p in parties if p["entry_into_force"]), "with a date")
