//! The command line: exit statuses, both output formats (snapshot-tested),
//! determinism, `-o`, and broken rule files.

use assert_cmd::Command;
use std::path::Path;

fn article7() -> Command {
    let mut c = Command::cargo_bin("article7").unwrap();
    c.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1");
    c
}

fn stdout(args: &[&str]) -> (i32, String) {
    let out = article7().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

/// Reports in `fixtures/valid`: each example in every format it is kept in.
fn valid_fixture_count() -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/valid");
    std::fs::read_dir(dir)
        .unwrap()
        .filter(|e| {
            let path = e.as_ref().unwrap().path();
            article7::batch::REPORT_EXTENSIONS
                .iter()
                .any(|ext| path.extension().is_some_and(|e| e == *ext))
        })
        .count()
}

#[test]
fn valid_reports_exit_0_with_a_clean_summary() {
    let (code, out) = stdout(&["validate", "fixtures/valid"]);
    assert_eq!(code, 0, "{out}");
    let n = valid_fixture_count();
    assert!(n >= 3);
    // One line per file naming the plan it was held to, then the summary.
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), n + 1, "{out}");
    assert!(
        lines[..n]
            .iter()
            .all(|l| l.contains(": profile MAP, Maputo")),
        "{out}"
    );
    assert_eq!(
        lines[n],
        format!("{n} files checked: 0 errors, 0 warnings, 0 infos")
    );
}

#[test]
fn human_output_shows_the_snippet_message_and_help() {
    let (code, out) = stdout(&["validate", "fixtures/invalid/enum.json"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("human_enum", out);
}

#[test]
fn json_output_is_one_document() {
    let (code, out) = stdout(&[
        "validate",
        "fixtures/invalid/additional-properties.json",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    let mut v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["tool"]["name"], "article7");
    // The catalogue's hash and size change whenever a rule file does.
    assert!(v["catalogue"]["hash"].as_str().unwrap().len() == 16);
    v["catalogue"]["hash"] = "[hash]".into();
    v["catalogue"]["rules"] = "[count]".into();
    v["tool"]["version"] = "[version]".into();
    insta::assert_snapshot!(
        "json_additional_properties",
        serde_json::to_string_pretty(&v).unwrap()
    );
}

#[test]
fn fail_on_controls_the_exit_status() {
    // B02 is info-level: a report drawing only infos passes by default.
    let (code, _) = stdout(&[
        "validate",
        "fixtures/invalid/enum.json",
        "--fail-on",
        "never",
    ]);
    assert_eq!(code, 0);
    let (code, _) = stdout(&["validate", "fixtures/valid", "--fail-on", "info"]);
    assert_eq!(code, 0);
}

#[test]
fn unreadable_and_unsupported_inputs_are_findings_not_crashes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.json"), "{ not json").unwrap();
    std::fs::write(dir.path().join("a.json"), "{}").unwrap();
    let missing = dir.path().join("missing.json");
    let out = article7()
        .args(["validate", "--format", "json"])
        .arg(dir.path())
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 3);
    assert_eq!(files[1]["findings"][0]["rule"], "input/syntax");
    assert_eq!(files[2]["findings"][0]["rule"], "input/unreadable");
    assert!(files[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"] == "schema/required"));
}

/// A workbook with reader findings (rows naming no parent) was still read:
/// the summary does not count it as a file that could not be read.
#[test]
fn reader_findings_on_a_read_workbook_do_not_make_it_unreadable() {
    let (code, out) = stdout(&[
        "validate",
        "fixtures/ingest/xlsx/libreoffice-hand-edits.xlsx",
        "--quiet",
    ]);
    assert_eq!(code, 1);
    assert_eq!(out, "1 file checked: 5 errors, 0 warnings, 0 infos\n");
}

/// The readers' own findings come out in the language asked for, like
/// every other message: an XML file with a DOCTYPE, a workbook with a
/// sheet the layout does not know.
#[test]
fn reader_findings_are_in_french_with_lang_fr() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("rapport.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    wb.add_worksheet()
        .set_name("Notes")
        .unwrap()
        .write(0, 0, "à faire")
        .unwrap();
    wb.save(&xlsx).unwrap();
    let out = article7()
        .args([
            "validate",
            "--lang",
            "fr",
            "fixtures/ingest/xml/external-dtd.xml",
        ])
        .arg(&xlsx)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    for french in [
        "le fichier contient une déclaration DOCTYPE ; les déclarations DOCTYPE et les \
         définitions d'entités ne sont pas admises dans un rapport",
        "supprimez le bloc `<!DOCTYPE …>`",
        "dans fixtures/ingest/xml/external-dtd.xml:2:1",
        "la feuille `Notes` ne fait pas partie de la structure du rapport ; rien de ce qu'elle \
         contient n'est lu",
        "donnez-lui le nom de l'une des feuilles du rapport",
        "› feuille Notes, cellule A1",
        "2 fichiers vérifiés",
    ] {
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let flat = flat.replace(" │ ", " ").replace("│ ", "");
        assert!(flat.contains(french), "{french:?} not in:\n{text}");
    }
    assert!(!text.contains("DOCTYPE declaration"), "{text}");
    assert!(!text.contains("is not part of the report layout"), "{text}");

    let out = article7()
        .args(["validate", "--lang", "fr", "--format", "json"])
        .arg(&xlsx)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sheet = v["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "input/unknown-sheet")
        .unwrap()
        .clone();
    assert_eq!(
        sheet["message"],
        "la feuille `Notes` ne fait pas partie de la structure du rapport ; rien de ce qu'elle \
         contient n'est lu"
    );
    assert_eq!(sheet["severity"], "warning");
}

#[test]
fn the_same_input_prints_the_same_bytes() {
    let args = ["validate", "fixtures", "--format", "json", "-j", "2"];
    let (_, a) = stdout(&args);
    let (_, b) = stdout(&args);
    assert!(a.len() > 1000);
    assert_eq!(a, b);
}

/// `validate fixtures/valid --format json -o PATH`.
fn validate_valid_fixtures_to(path: &Path) -> std::process::Output {
    article7()
        .args(["validate", "fixtures/valid", "--format", "json", "-o"])
        .arg(path)
        .output()
        .unwrap()
}

#[test]
fn output_file_is_written_and_stdout_stays_empty() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.json");
    let out = validate_valid_fixtures_to(&path);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(v["summary"]["files"], valid_fixture_count());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "the output is readable like any written file");
    }
    // Only the output file is left: the temporary file was renamed.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

/// `-o` onto something that is not a regular file writes into it: renaming
/// a temporary file over a device or a pipe would replace it with an
/// ordinary file (run as root, `-o /dev/null` once broke `/dev/null` for
/// the whole machine). A named pipe stands in for the device here.
#[cfg(unix)]
#[test]
fn output_into_a_named_pipe_keeps_the_pipe() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let c_path = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo has no other requirement.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let out = validate_valid_fixtures_to(&fifo);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Checked before waiting for the reader: had the pipe been replaced,
    // the reader would wait on it for ever.
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(kind.is_fifo(), "the pipe is still a pipe: {kind:?}");
    let text = reader.join().unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["summary"]["files"], valid_fixture_count());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
}

/// `-o` through a symbolic link writes the file the link names; the link
/// stays a link.
#[cfg(unix)]
#[test]
fn output_through_a_symbolic_link_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real");
    std::fs::create_dir(&real).unwrap();
    let target = real.join("out.json");
    std::fs::write(&target, "old").unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let out = validate_valid_fixtures_to(&link);
    assert_eq!(out.status.code(), Some(0));
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&target).unwrap()).unwrap();
    assert_eq!(v["summary"]["files"], valid_fixture_count());
    assert_eq!(
        std::fs::read_dir(&real).unwrap().count(),
        1,
        "no temporary file left"
    );
}

#[test]
fn bad_arguments_exit_2() {
    let (code, _) = stdout(&["validate", "fixtures/valid", "--format", "yaml"]);
    assert_eq!(code, 2);
    let (code, _) = stdout(&["validate", "fixtures/valid", "--disable", "ZZ99"]);
    assert_eq!(code, 2);
    let (code, _) = stdout(&["validate", "fixtures/valid", "--severity", "B01=fatal"]);
    assert_eq!(code, 2);
}

#[test]
fn a_broken_rule_file_exits_2_and_points_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/form-b.toml"))
            .unwrap();
    // Break the first assert expression.
    let broken = text.replacen("== item.total", "== (item.total", 1);
    let line = broken
        .lines()
        .position(|l| l.contains("== (item.total"))
        .unwrap()
        + 1;
    std::fs::write(dir.path().join("form-b.toml"), broken).unwrap();
    let out = article7()
        .args(["validate", "fixtures/valid", "--rules"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains(&format!("form-b.toml:{line}:")), "{err}");

    std::fs::write(
        dir.path().join("form-b.toml"),
        "[[rules]]\nid = \"X1\"\nbogus = 1\n",
    )
    .unwrap();
    let out = article7()
        .args(["rules", "--rules"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("form-b.toml:3:"));
}

#[test]
fn rules_lists_the_catalogue_and_explain_documents_a_rule() {
    let (code, out) = stdout(&["rules", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["rules"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["id"] == "B01"));
    let (code, out) = stdout(&["explain", "B01"]);
    assert_eq!(code, 0);
    for section in [
        "What it checks",
        "Why it matters",
        "How to fix it",
        "Basis",
        "An invalid example",
        "A valid example",
    ] {
        assert!(out.contains(section), "{section}");
    }
    let (code, _) = stdout(&["explain", "NOPE"]);
    assert_eq!(code, 2);
}

#[test]
fn schema_command_prints_the_embedded_schema() {
    let (code, out) = stdout(&["schema"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
}

#[test]
fn lang_fr_gives_french_messages_throughout() {
    let (code, out) = stdout(&[
        "validate",
        "--lang",
        "fr",
        "fixtures/invalid/enum.json",
        "fixtures/examples/rule-finding-b01.json",
        "fixtures/invalid/missing-file.json",
    ]);
    assert_eq!(code, 1);
    assert!(out.contains("doit être l'une des valeurs"), "{out}");
    assert!(out.contains("utilisez l'un des codes"), "{out}");
    assert!(out.contains("le fichier n'a pas pu être lu"), "{out}");
    assert!(out.contains("3 fichiers vérifiés : 3 erreurs"), "{out}");
    // The rule's own French text, with French number formatting.
    let b01 = article7::rules::Catalogue::embedded().unwrap();
    let fr = &b01.get("B01").unwrap().translations["fr"];
    let opening: String = fr.message.chars().take_while(|c| *c != '{').collect();
    assert!(out.contains(opening.trim()), "{out}");
    assert!(
        !out.contains("is required") && !out.contains("must be one of"),
        "{out}"
    );
}

#[test]
fn convert_round_trips_every_valid_fixture_through_xml_and_excel() {
    let dir = tempfile::tempdir().unwrap();
    let valid = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/valid");
    for entry in std::fs::read_dir(&valid).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let original: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for via in ["xml", "xlsx"] {
            let mid = dir.path().join(format!("mid.{via}"));
            let back = dir.path().join(format!("back-{via}.json"));
            let run = |a: &Path, b: &Path| {
                article7()
                    .arg("convert")
                    .arg(a)
                    .arg("-o")
                    .arg(b)
                    .arg("--force")
                    .output()
                    .unwrap()
            };
            assert_eq!(
                run(&path, &mid).status.code(),
                Some(0),
                "{}",
                path.display()
            );
            assert_eq!(
                run(&mid, &back).status.code(),
                Some(0),
                "{}",
                path.display()
            );
            let again: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&back).unwrap()).unwrap();
            assert_eq!(original, again, "{} via {via}", path.display());
        }
    }
}

#[test]
fn convert_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.xml");
    std::fs::write(&out, "keep me").unwrap();
    let o = article7()
        .args(["convert", "fixtures/valid/cambodia-2019.json", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
}

#[test]
fn templates_read_back_as_reports_to_fill_in() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["xlsx", "json", "xml"] {
        let path = dir.path().join(format!("t.{format}"));
        let o = article7()
            .args(["template", "--format", format, "-o"])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{format}");
        let o = article7()
            .args(["validate", "--format", "json"])
            .arg(&path)
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let findings = v["files"][0]["findings"].as_array().unwrap();
        assert!(
            !findings.is_empty(),
            "{format}: a blank template has things to fill in"
        );
        assert!(
            findings
                .iter()
                .all(|f| !f["rule"].as_str().unwrap().starts_with("input/")),
            "{format}: {findings:#?}"
        );
    }
}
