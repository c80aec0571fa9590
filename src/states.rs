//! The States Parties to the Convention, shipped as data
//! (`schemas/states-parties.json`, described in `docs/states-parties.md`):
//! ISO 3166-1 alpha-3 code, names in English, French and Spanish, and the
//! date of entry into force where it is known.

use serde::Deserialize;
use std::sync::OnceLock;

/// The embedded list, as JSON.
pub const STATES_PARTIES_JSON: &str = include_str!("../schemas/states-parties.json");

/// One State Party.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct StateParty {
    /// ISO 3166-1 alpha-3 code (`KHM`).
    pub code: String,
    /// Names by language.
    pub names: Names,
    /// Entry into force of the Convention for the State (`YYYY-MM-DD`), when
    /// the data gives it.
    pub entry_into_force: Option<String>,
    /// Other English names a report may use for the State.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A State's name in the three languages of the tool.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Names {
    /// English.
    pub en: String,
    /// French.
    pub fr: String,
    /// Spanish.
    pub es: String,
}

impl StateParty {
    /// The name in `lang` (`en`, `fr`, `es`; English otherwise).
    pub fn name(&self, lang: &str) -> &str {
        match lang {
            "fr" => &self.names.fr,
            "es" => &self.names.es,
            _ => &self.names.en,
        }
    }

    /// Whether the Convention was in force for the State on `date`
    /// (`YYYY-MM-DD`); `None` when the entry into force is not known.
    pub fn in_force_on(&self, date: &str) -> Option<bool> {
        self.entry_into_force.as_deref().map(|eif| eif <= date)
    }
}

/// A list of States Parties, dated.
#[derive(Debug, Clone, Deserialize)]
pub struct StatesParties {
    /// The date the list describes.
    pub as_of: String,
    /// The States, sorted by code.
    pub states_parties: Vec<StateParty>,
}

impl StatesParties {
    /// Parses a list in the shape of `schemas/states-parties.json`.
    pub fn parse(json: &str) -> Result<StatesParties, serde_json::Error> {
        let mut list: StatesParties = serde_json::from_str(json)?;
        list.states_parties.sort_by(|a, b| a.code.cmp(&b.code));
        Ok(list)
    }

    /// The embedded list.
    pub fn embedded() -> &'static StatesParties {
        static LIST: OnceLock<StatesParties> = OnceLock::new();
        LIST.get_or_init(|| {
            StatesParties::parse(STATES_PARTIES_JSON).expect("the embedded list of States parses")
        })
    }

    /// The State with ISO code `code`.
    pub fn get(&self, code: &str) -> Option<&StateParty> {
        self.states_parties
            .binary_search_by(|s| s.code.as_str().cmp(code))
            .ok()
            .map(|i| &self.states_parties[i])
    }

    /// Whether `code` is a State Party.
    pub fn contains(&self, code: &str) -> bool {
        self.get(code).is_some()
    }

    /// The State a report names in free text (a donor, a recipient): its
    /// code, or any of its names or aliases, compared without regard to
    /// case, accents, punctuation or a leading "the".
    pub fn find_by_name(&self, text: &str) -> Option<&StateParty> {
        let trimmed = text.trim();
        if let Some(s) = self.get(trimmed) {
            return Some(s);
        }
        let wanted = fold(trimmed);
        if wanted.is_empty() {
            return None;
        }
        self.states_parties.iter().find(|s| {
            [&s.names.en, &s.names.fr, &s.names.es]
                .into_iter()
                .chain(&s.aliases)
                .any(|n| fold(n) == wanted)
        })
    }

    /// The codes, in order.
    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.states_parties.iter().map(|s| s.code.as_str())
    }
}

/// Lower case, without accents, punctuation or a leading "the"; words
/// separated by one space. ISO writes "Bolivia, Plurinational State of"
/// where a report may write "Plurinational State of Bolivia": both fold to
/// the same words, which are then sorted.
fn fold(s: &str) -> String {
    let mut words: Vec<String> = s
        .chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'À' | 'Á' | 'Â' | 'Ä' => 'a',
            'ç' | 'Ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'É' | 'È' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'Í' => 'i',
            'ñ' | 'Ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'Ó' | 'Ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'Ú' | 'Ü' => 'u',
            c if c.is_alphanumeric() => c.to_ascii_lowercase(),
            _ => ' ',
        })
        .collect::<String>()
        .split_whitespace()
        .filter(|w| !matches!(*w, "the" | "of" | "de" | "du" | "del" | "la" | "le" | "el"))
        .map(str::to_owned)
        .collect();
    words.sort();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_list_has_the_164_states_parties_of_2024() {
        let list = StatesParties::embedded();
        assert_eq!(list.states_parties.len(), 164);
        assert!(list.contains("KHM"));
        assert!(list.contains("PSE"), "the State of Palestine is a Party");
        assert!(!list.contains("USA"), "the United States is not a Party");
        let codes: Vec<_> = list.codes().collect();
        let mut sorted = codes.clone();
        sorted.dedup();
        assert_eq!(codes, sorted, "codes are sorted and unique");
        for s in &list.states_parties {
            assert_eq!(s.code.len(), 3, "{}", s.code);
            assert!(s.code.bytes().all(|b| b.is_ascii_uppercase()), "{}", s.code);
            for n in [&s.names.en, &s.names.fr, &s.names.es] {
                assert!(!n.trim().is_empty(), "{}", s.code);
            }
            if let Some(d) = &s.entry_into_force {
                assert!(
                    chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok(),
                    "{}: {d}",
                    s.code
                );
                assert!(
                    d.as_str() >= "1999-03-01",
                    "{}: before the Convention",
                    s.code
                );
            }
        }
    }

    #[test]
    fn names_in_three_languages_and_lookup_by_name() {
        let list = StatesParties::embedded();
        let khm = list.get("KHM").unwrap();
        assert_eq!(khm.name("fr"), "Cambodge");
        assert_eq!(khm.name("es"), "Camboya");
        assert_eq!(khm.in_force_on("2000-01-01"), Some(true));
        assert_eq!(khm.in_force_on("1999-12-31"), Some(false));
        assert_eq!(list.find_by_name("Japan").map(|s| &*s.code), Some("JPN"));
        assert_eq!(list.find_by_name(" japon ").map(|s| &*s.code), Some("JPN"));
        assert_eq!(list.find_by_name("NOR").map(|s| &*s.code), Some("NOR"));
        assert_eq!(
            list.find_by_name("Plurinational State of Bolivia")
                .map(|s| &*s.code),
            Some("BOL")
        );
        assert_eq!(list.find_by_name("United States of America"), None);
        assert_eq!(list.find_by_name(""), None);
    }
}
