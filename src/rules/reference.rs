//! The generated reference documents: docs/rules.md from the catalogue and
//! docs/functions.md from the function table. `cargo run --example
//! gen_docs` writes them; `tests/docs.rs` fails when the committed files
//! differ from what this module generates.

use super::catalogue::{Catalogue, CATALOGUE_VERSION};

/// The command that regenerates the committed reference files.
pub const REGENERATE: &str = "cargo run --example gen_docs";

/// The files this module generates, as (path from the repository root,
/// content), from `catalogue` (the embedded one for the committed files).
pub fn files(catalogue: &Catalogue) -> Vec<(&'static str, String)> {
    vec![
        ("docs/rules.md", rules_markdown(catalogue)),
        ("docs/functions.md", super::functions::reference_markdown()),
    ]
}

/// docs/rules.md: every rule with its id, name, severity, title, why, how
/// to fix it, basis and examples, in catalogue order (English).
pub fn rules_markdown(catalogue: &Catalogue) -> String {
    let mut s = format!(
        "# Rule reference\n\n\
         <!-- Generated from rules/*.toml by `{REGENERATE}`; do not edit by hand. -->\n\n\
         The {} rules of catalogue {CATALOGUE_VERSION}. `article7 explain ID` shows a \
         rule in English, French or Spanish (`--lang`); docs/rule-format.md describes \
         how rules are written, and docs/functions.md the functions their \
         expressions call.\n\n\
         A rule rests on the treaty (it runs on every report) or on action plans \
         (`MAP` 2014–2019, `OAP` 2020–2024, `SRAAP` 2025–2029: it runs only on \
         reports held to one of them). A report is held to the plan in force for \
         its period, or to the one `--profile` names; reports outside every plan \
         get the treaty's rules only. The plans' parameters are in \
         `src/rules/profile.rs`.\n\n\
         | id | name | severity | plans | title |\n|---|---|---|---|---|\n",
        catalogue.rules.len()
    );
    for r in &catalogue.rules {
        s.push_str(&format!(
            "| [{id}](#{anchor}) | `{}` | {} | {} | {} |\n",
            r.name,
            r.severity,
            r.basis_label(),
            cell(&r.title),
            id = r.id,
            anchor = anchor(&r.id, &r.name),
        ));
    }
    for r in &catalogue.rules {
        s.push_str(&format!(
            "\n## {} {}\n\n{}\n\n- severity: {}\n- defined in: `rules/{}`\n- applies to: `{}`\n",
            r.id,
            r.name,
            r.title.trim(),
            r.severity,
            r.file,
            r.program.select_source.trim(),
        ));
        if r.plans.is_empty() {
            s.push_str("- rests on: the treaty (runs under every profile)\n");
        } else {
            s.push_str(&format!("- rests on: plans {}\n", r.basis_label()));
        }
        if !r.references.is_empty() {
            s.push_str(&format!("- basis: {}\n", r.references.join("; ")));
        }
        for (plan, refs) in &r.plan_references {
            s.push_str(&format!("- basis under {plan}: {}\n", refs.join("; ")));
        }
        for (profile, severity) in &r.profile_severity {
            s.push_str(&format!("- severity under {profile}: {severity}\n"));
        }
        s.push_str(&format!(
            "\n**Why it matters.** {}\n\n**How to fix it.** {}\n",
            r.why.trim(),
            r.help.trim()
        ));
        for (heading, valid) in [("Invalid", false), ("Valid", true)] {
            for ex in r.examples.iter().filter(|e| e.valid == valid) {
                s.push_str(&format!("\n{heading}"));
                if let Some(note) = &ex.note {
                    s.push_str(&format!(": {}", note.trim()));
                }
                s.push_str(&format!(
                    "\n\n```json\n{}\n```\n",
                    serde_json::to_string(&ex.doc).unwrap_or_default()
                ));
                if let Some(p) = &ex.previous {
                    s.push_str(&format!(
                        "\nwith this previous report:\n\n```json\n{}\n```\n",
                        serde_json::to_string(p).unwrap_or_default()
                    ));
                }
                if let Some(h) = &ex.history {
                    s.push_str(&format!(
                        "\nwith these earlier annual reports (newest first):\n\n```json\n{}\n```\n",
                        serde_json::to_string(h).unwrap_or_default()
                    ));
                }
            }
        }
    }
    s
}

/// The anchor GitHub gives the heading `## ID name`.
fn anchor(id: &str, name: &str) -> String {
    format!("{}-{name}", id.to_ascii_lowercase())
}

/// Text safe inside a Markdown table cell.
fn cell(text: &str) -> String {
    text.trim().replace('|', "\\|").replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_and_function_is_in_the_reference() {
        let c = Catalogue::embedded().unwrap();
        let rules = rules_markdown(&c);
        for r in &c.rules {
            assert!(
                rules.contains(&format!("\n## {} {}\n", r.id, r.name)),
                "{}",
                r.id
            );
        }
        let functions = super::super::functions::reference_markdown();
        for f in super::super::functions::FUNCTIONS {
            assert!(
                functions.contains(&format!("## `{}`", f.name)),
                "{}",
                f.name
            );
        }
    }
}
