//! Profiles: which action plan a report is held to, and that plan's
//! parameters. One table ([`PROFILES`]) holds every plan parameter (the
//! Article 9 deadline, the axes of disaggregation expected), so that no rule
//! expression carries a plan's date: rules read them as `profile.*`.
//!
//! The profile of a report is chosen from the year of `period.to`
//! ([`Profile::for_year`]) unless the user forces one (`--profile`). Rules
//! that rest on the treaty run under every profile; a rule with `plans`
//! runs only under those plans.

use serde::Serialize;
use serde_json::{json, Value};
use std::fmt;

/// An action plan a report can be held to, or the treaty alone.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Profile {
    /// No plan: the treaty's rules only (reports before 2014, or after the
    /// last plan encoded).
    #[default]
    #[serde(rename = "treaty")]
    Treaty,
    /// Maputo Action Plan, 2014–2019.
    #[serde(rename = "MAP")]
    Map,
    /// Oslo Action Plan (APLC/CONF/2019/5/Add.1), 2020–2024.
    #[serde(rename = "OAP")]
    Oap,
    /// Siem Reap–Angkor Action Plan, 2025–2029.
    #[serde(rename = "SRAAP")]
    Sraap,
}

/// A plan's parameters: what the rules of that plan compare against.
#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// The profile.
    pub profile: Profile,
    /// Full name.
    pub name: &'static str,
    /// Years of `period.to` it covers (inclusive); `None` for the treaty.
    pub years: Option<(i32, i32)>,
    /// Date by which States were to report Article 9 measures, if the plan
    /// (or, for the SRAAP, the last plan that set one) sets it.
    pub article9_deadline: Option<&'static str>,
    /// The meeting that date is, as an abbreviation (language-neutral).
    pub article9_deadline_by: Option<&'static str>,
    /// Axes of disaggregation the plan expects (`sex`, `age`, `disability`).
    pub disaggregation: &'static [&'static str],
}

/// The profile table. Dates marked unverified in `docs/decisions.md` are
/// kept here and nowhere else, so a correction is one line.
pub const PROFILES: &[Params] = &[
    Params {
        profile: Profile::Treaty,
        name: "Convention only (no action plan encoded)",
        years: None,
        article9_deadline: None,
        article9_deadline_by: None,
        disaggregation: &[],
    },
    Params {
        profile: Profile::Map,
        name: "Maputo Action Plan (2014–2019)",
        years: Some((2014, 2019)),
        // The Fourth Review Conference (Oslo), the MAP deadline.
        article9_deadline: Some("2019-11-29"),
        article9_deadline_by: Some("4RC"),
        disaggregation: &["sex", "age"],
    },
    Params {
        profile: Profile::Oap,
        name: "Oslo Action Plan (2020–2024)",
        years: Some((2020, 2024)),
        // OAP Action 50: report by the Twentieth Meeting of the States
        // Parties. Its closing date is unverified (see docs/decisions.md).
        article9_deadline: Some("2022-11-25"),
        article9_deadline_by: Some("20MSP"),
        disaggregation: &["sex", "age", "disability"],
    },
    Params {
        profile: Profile::Sraap,
        name: "Siem Reap–Angkor Action Plan (2025–2029)",
        years: Some((2025, 2029)),
        // The SRAAP's own Article 9 action is not verified; the deadline
        // last set (OAP Action 50) stays passed.
        article9_deadline: Some("2022-11-25"),
        article9_deadline_by: Some("20MSP"),
        disaggregation: &["sex", "age", "disability"],
    },
];

impl Profile {
    /// Every profile, oldest plan last-but-one, treaty first.
    pub const ALL: [Profile; 4] = [Profile::Treaty, Profile::Map, Profile::Oap, Profile::Sraap];

    /// The code used in rule files and outputs (`treaty`, `MAP`, `OAP`, `SRAAP`).
    pub fn code(self) -> &'static str {
        match self {
            Profile::Treaty => "treaty",
            Profile::Map => "MAP",
            Profile::Oap => "OAP",
            Profile::Sraap => "SRAAP",
        }
    }

    /// Parses a code, case-insensitively (`oap`, `OAP`, `treaty`).
    pub fn parse(s: &str) -> Option<Profile> {
        Profile::ALL
            .into_iter()
            .find(|p| p.code().eq_ignore_ascii_case(s.trim()))
    }

    /// Whether this is a plan (not the treaty alone).
    pub fn is_plan(self) -> bool {
        self != Profile::Treaty
    }

    /// Its parameters.
    pub fn params(self) -> &'static Params {
        PROFILES
            .iter()
            .find(|p| p.profile == self)
            .unwrap_or(&PROFILES[0])
    }

    /// The plan in force for a report whose period ends in `year`.
    pub fn for_year(year: i32) -> Profile {
        PROFILES
            .iter()
            .find(|p| p.years.is_some_and(|(a, b)| (a..=b).contains(&year)))
            .map_or(Profile::Treaty, |p| p.profile)
    }

    /// The plan in force for a report: from the year of `period.to`
    /// (the treaty alone when it cannot be read).
    pub fn for_report(value: &Value) -> Profile {
        value
            .pointer("/period/to")
            .and_then(Value::as_str)
            .and_then(|s| s.get(..4))
            .and_then(|y| y.parse().ok())
            .map_or(Profile::Treaty, Profile::for_year)
    }

    /// The parameters as the rules read them (`profile.article9_deadline`).
    pub fn to_json(self) -> Value {
        let p = self.params();
        json!({
            "id": self.code(),
            "article9_deadline": p.article9_deadline,
            "article9_deadline_by": p.article9_deadline_by,
            "disaggregation": p.disaggregation,
            "first_year": p.years.map(|y| y.0),
            "last_year": p.years.map(|y| y.1),
        })
    }
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_period_chooses_the_plan() {
        assert_eq!(Profile::for_year(2013), Profile::Treaty);
        assert_eq!(Profile::for_year(2014), Profile::Map);
        assert_eq!(Profile::for_year(2019), Profile::Map);
        assert_eq!(Profile::for_year(2020), Profile::Oap);
        assert_eq!(Profile::for_year(2024), Profile::Oap);
        assert_eq!(Profile::for_year(2025), Profile::Sraap);
        assert_eq!(Profile::for_year(2029), Profile::Sraap);
        assert_eq!(Profile::for_year(2030), Profile::Treaty);
        let r = json!({"period": {"from": "2021-01-01", "to": "2021-12-31"}});
        assert_eq!(Profile::for_report(&r), Profile::Oap);
        assert_eq!(Profile::for_report(&json!({})), Profile::Treaty);
    }

    #[test]
    fn codes_parse_back() {
        for p in Profile::ALL {
            assert_eq!(Profile::parse(p.code()), Some(p));
        }
        assert_eq!(Profile::parse("oap"), Some(Profile::Oap));
        assert_eq!(Profile::parse("cartagena"), None);
    }
}
