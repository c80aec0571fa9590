//! Why a rule did not run on a report: a [`SkipReason`] per rule, rendered
//! through the Fluent messages `skip-*` of `i18n/*.ftl`.

use super::profile::Profile;
use crate::i18n::{self, MessageKey};
use serde::{Serialize, Serializer};
use std::fmt;

/// A rule that was not evaluated on a file, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The rule id.
    pub rule: String,
    /// Why it did not run (serialised as its English text).
    pub reason: SkipReason,
}

/// Why a rule was not evaluated on a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// `requires` names a value (a JSON pointer) the report does not give.
    MissingValue {
        /// The pointer, as written in `requires` (`/entry_into_force`).
        pointer: String,
    },
    /// The rule needs the State's previous annual report; none was found.
    NoPrevious,
    /// The rule needs an earlier report of the State; none was found.
    NoEarlier,
    /// The rule needs more of the State's earlier annual reports than were
    /// found (`requires = ["history:N"]`).
    ShortHistory {
        /// How many it needs.
        needed: usize,
        /// How many were found.
        found: usize,
    },
    /// The rule reads a value the report schema rejected.
    ReadsRejected {
        /// The rejected pointer (`/forms/B/total`).
        pointer: String,
    },
    /// An expression failed on a report that breaks the schema (there the
    /// failure says more about the report than about the rule).
    FailedOnInvalid {
        /// The expression's error, as the engine wrote it.
        error: String,
    },
    /// The rule rests on action plans other than the report's profile.
    NotInProfile {
        /// The profile the report is held to.
        profile: Profile,
        /// The plans the rule rests on.
        plans: Vec<Profile>,
    },
}

impl SkipReason {
    /// The Fluent message and its arguments.
    pub fn message(&self) -> MessageKey {
        match self {
            SkipReason::MissingValue { pointer } => {
                MessageKey::new("skip-missing-value").arg("value", pointer.trim_start_matches('/'))
            }
            SkipReason::NoPrevious => MessageKey::new("skip-no-previous"),
            SkipReason::NoEarlier => MessageKey::new("skip-no-earlier"),
            SkipReason::ShortHistory { needed, found } => MessageKey::new("skip-short-history")
                .arg("needed", *needed as i64)
                .arg("found", *found as i64),
            SkipReason::ReadsRejected { pointer } => {
                MessageKey::new("skip-reads-rejected").arg("pointer", pointer.as_str())
            }
            SkipReason::FailedOnInvalid { error } => {
                MessageKey::new("skip-failed-on-invalid").arg("error", error.as_str())
            }
            SkipReason::NotInProfile { profile, plans } => {
                let plans: Vec<&str> = plans.iter().map(|p| p.code()).collect();
                MessageKey::new("skip-not-in-profile")
                    .arg("profile", profile.code())
                    .arg("plans", plans.join(", "))
            }
        }
    }

    /// Whether the rule was held back because the schema (or the reader)
    /// rejected what it reads: it will run once those errors are fixed.
    pub fn held_back_by_schema(&self) -> bool {
        matches!(
            self,
            SkipReason::ReadsRejected { .. } | SkipReason::FailedOnInvalid { .. }
        )
    }

    /// The reason in `lang` (`en`, `fr`, `es`; others fall back to English).
    pub fn text(&self, lang: &str) -> String {
        i18n::text(lang, &self.message())
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text("en"))
    }
}

/// Serialised as the English text: the JSON output's `skipped[].reason` is
/// a string, as it was before the reasons were typed.
impl Serialize for SkipReason {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_reason() -> Vec<SkipReason> {
        vec![
            SkipReason::MissingValue {
                pointer: "/entry_into_force".into(),
            },
            SkipReason::NoPrevious,
            SkipReason::NoEarlier,
            SkipReason::ShortHistory {
                needed: 2,
                found: 1,
            },
            SkipReason::ReadsRejected {
                pointer: "/forms/B/total".into(),
            },
            SkipReason::FailedOnInvalid {
                error: "`assert` failed: No such key: total".into(),
            },
            SkipReason::NotInProfile {
                profile: Profile::Oap,
                plans: vec![Profile::Map],
            },
            SkipReason::NotInProfile {
                profile: Profile::Treaty,
                plans: vec![Profile::Oap, Profile::Sraap],
            },
        ]
    }

    /// The English texts are those the JSON output has always carried
    /// (tools read `skipped[].reason`): a change to en.ftl that alters them
    /// is a change of the output format.
    #[test]
    fn english_texts_are_the_established_ones() {
        let texts: Vec<String> = every_reason().iter().map(ToString::to_string).collect();
        assert_eq!(
            texts,
            [
                "needs `entry_into_force`, which the report does not give",
                "needs the State's previous annual report, which was not found (in the batch or under --history)",
                "needs an earlier report of the same State, and none was found (in the batch or under --history)",
                "needs 2 earlier annual reports of the State, and 1 was found (in the batch or under --history)",
                "reads `/forms/B/total`, which breaks the report schema",
                "could not run on a report that breaks the schema: `assert` failed: No such key: total",
                "not part of the OAP: rests on MAP",
                "not part of the treaty profile (the Convention alone): rests on OAP, SRAAP",
            ]
        );
        let json = serde_json::to_value(Skipped {
            rule: "Y01".into(),
            reason: SkipReason::NoPrevious,
        })
        .unwrap();
        assert_eq!(json["reason"], texts[1].as_str());
    }

    /// Each reason's message is written in every language (not only found
    /// through the fallback to English), with its arguments shown.
    #[test]
    fn every_reason_exists_in_every_language() {
        for (lang, source) in i18n::SOURCES {
            for reason in every_reason() {
                let key = reason.message();
                let defined = source
                    .lines()
                    .any(|l| l.split_once(" =").is_some_and(|(id, _)| id == key.id));
                assert!(defined, "i18n/{lang}.ftl lacks `{}`", key.id);
                let text = reason.text(lang);
                for (_, arg) in &key.args {
                    if let i18n::Arg::Text(value) = arg {
                        assert!(text.contains(value.as_str()), "{lang}: {text}");
                    }
                }
            }
        }
        assert_ne!(
            SkipReason::NoPrevious.text("fr"),
            SkipReason::NoPrevious.text("en")
        );
    }
}
