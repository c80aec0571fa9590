//! The web page's own words in English, French and Spanish, and how a
//! request's language is chosen.

use crate::Severity;

/// The languages of the page (those of the rule catalogue's messages).
pub const LANGUAGES: [&str; 3] = ["en", "fr", "es"];

/// The language for a request: `?lang=` when it names one of
/// [`LANGUAGES`], else the best of `Accept-Language` (by its `q` weights,
/// ties in the order given), else `fallback`.
pub fn negotiate(
    query: Option<&str>,
    accept_language: Option<&str>,
    fallback: &'static str,
) -> &'static str {
    if let Some(l) = query.and_then(known) {
        return l;
    }
    let mut best: Option<(f32, &'static str)> = None;
    for part in accept_language.unwrap_or("").split(',') {
        let mut pieces = part.split(';');
        let tag = pieces.next().unwrap_or("").trim();
        let q = pieces
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        // `fr-CA` is French; the primary subtag decides.
        let primary = tag.split('-').next().unwrap_or("");
        if let Some(l) = known(primary) {
            if q > 0.0 && best.is_none_or(|(bq, _)| q > bq) {
                best = Some((q, l));
            }
        }
    }
    best.map(|(_, l)| l).unwrap_or(fallback)
}

/// `code` as one of [`LANGUAGES`], case-insensitively.
pub fn known(code: &str) -> Option<&'static str> {
    LANGUAGES
        .iter()
        .copied()
        .find(|l| l.eq_ignore_ascii_case(code.trim()))
}

/// A text of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum T {
    Title,
    Intro,
    Checks,
    Check1,
    Check2,
    Check3,
    Check4,
    Choose,
    Accepted,
    Drop,
    Submit,
    Template,
    TemplateJson,
    Privacy,
    Results,
    Again,
    Errors,
    Warnings,
    Infos,
    NoProblem,
    NotRun,
    Whole,
    Form,
    SeverityHead,
    Rule,
    Problem,
    Where,
    Fix,
    Why,
    Basis,
    Line,
    Column,
    Sheet,
    Cell,
    Row,
    Download,
    Language,
    Sev(Severity),
    WrongType,
    TooLarge,
    NoFile,
    BadUpload,
    Busy,
    Timeout,
    Internal,
    NotFound,
}

/// The text `t` in `lang` (English for an unknown language).
pub fn t(t: T, lang: &str) -> &'static str {
    let (en, fr, es) = match t {
        T::Title => (
            "Check an Article 7 report",
            "Vérifier un rapport au titre de l’article 7",
            "Verificar un informe del artículo 7",
        ),
        T::Intro => (
            "Choose your transparency report (Anti-Personnel Mine Ban Convention) and read what to correct before you submit it. The file is checked on this server and forgotten at once.",
            "Choisissez votre rapport de transparence (Convention sur l’interdiction des mines antipersonnel) et lisez ce qu’il faut corriger avant de le soumettre. Le fichier est vérifié sur ce serveur puis aussitôt oublié.",
            "Elija su informe de transparencia (Convención sobre la prohibición de las minas antipersonal) y lea lo que debe corregir antes de presentarlo. El archivo se verifica en este servidor y se olvida de inmediato.",
        ),
        T::Checks => ("What is checked", "Ce qui est vérifié", "Qué se verifica"),
        T::Check1 => (
            "that the file can be read: well-formed JSON, XML or Excel laid out as the template;",
            "que le fichier se lit : JSON, XML ou Excel bien formé, disposé comme le modèle ;",
            "que el archivo se puede leer: JSON, XML o Excel bien formado, con la disposición de la plantilla;",
        ),
        T::Check2 => (
            "that every form has the information the Convention asks for, in the expected form (dates, codes, numbers);",
            "que chaque formulaire contient les informations demandées par la Convention, sous la forme attendue (dates, codes, nombres) ;",
            "que cada formulario contiene la información que pide la Convención, en la forma esperada (fechas, códigos, números);",
        ),
        T::Check3 => (
            "that the figures add up: totals, areas released, mines destroyed and retained;",
            "que les chiffres concordent : totaux, zones remises à disposition, mines détruites et conservées ;",
            "que las cifras cuadran: totales, zonas liberadas, minas destruidas y retenidas;",
        ),
        T::Check4 => (
            "the commitments of the Maputo Action Plan: deadlines, sex- and age-disaggregated data, measurable plans.",
            "les engagements du Plan d’action de Maputo : échéances, données ventilées par sexe et par âge, plans mesurables.",
            "los compromisos del Plan de Acción de Maputo: plazos, datos desglosados por sexo y edad, planes medibles.",
        ),
        T::Choose => (
            "Report files",
            "Fichiers du rapport",
            "Archivos del informe",
        ),
        T::Accepted => (
            "Accepted: JSON (.json), XML (.xml) and Excel workbooks (.xlsx) laid out as the template; several files at once.",
            "Acceptés : JSON (.json), XML (.xml) et classeurs Excel (.xlsx) disposés comme le modèle ; plusieurs fichiers à la fois.",
            "Se aceptan: JSON (.json), XML (.xml) y libros de Excel (.xlsx) con la disposición de la plantilla; varios archivos a la vez.",
        ),
        T::Drop => (
            "or drop the files here",
            "ou déposez les fichiers ici",
            "o suelte los archivos aquí",
        ),
        T::Submit => ("Check", "Vérifier", "Verificar"),
        T::Template => (
            "Download the blank Excel template",
            "Télécharger le modèle Excel vierge",
            "Descargar la plantilla de Excel en blanco",
        ),
        T::TemplateJson => ("JSON template", "modèle JSON", "plantilla JSON"),
        T::Privacy => (
            "Nothing you upload is written to disk or kept after the answer is sent.",
            "Rien de ce que vous envoyez n’est écrit sur disque ni conservé après l’envoi de la réponse.",
            "Nada de lo que envía se escribe en disco ni se conserva después de enviar la respuesta.",
        ),
        T::Results => ("Results", "Résultats", "Resultados"),
        T::Again => (
            "Check other files",
            "Vérifier d’autres fichiers",
            "Verificar otros archivos",
        ),
        T::Errors => ("errors", "erreurs", "errores"),
        T::Warnings => ("warnings", "avertissements", "advertencias"),
        T::Infos => ("infos", "remarques", "observaciones"),
        T::NoProblem => (
            "No problem found.",
            "Aucun problème trouvé.",
            "No se encontró ningún problema.",
        ),
        T::NotRun => (
            "Checks not run",
            "Vérifications non effectuées",
            "Verificaciones no realizadas",
        ),
        T::Whole => (
            "Cover page and whole report",
            "Page de couverture et rapport entier",
            "Portada e informe completo",
        ),
        T::Form => ("Form", "Formulaire", "Formulario"),
        T::SeverityHead => ("severity", "gravité", "gravedad"),
        T::Rule => ("rule", "règle", "regla"),
        T::Problem => ("problem", "problème", "problema"),
        T::Where => ("where", "où", "dónde"),
        T::Fix => ("how to fix", "comment corriger", "cómo corregirlo"),
        T::Why => ("Why it matters", "Pourquoi c’est important", "Por qué importa"),
        T::Basis => ("Basis", "Fondement", "Fundamento"),
        T::Line => ("line", "ligne", "línea"),
        T::Column => ("column", "colonne", "columna"),
        T::Sheet => ("sheet", "feuille", "hoja"),
        T::Cell => ("cell", "cellule", "celda"),
        T::Row => ("row", "ligne du tableau", "fila"),
        T::Download => (
            "Download these results:",
            "Télécharger ces résultats :",
            "Descargar estos resultados:",
        ),
        T::Language => ("Language", "Langue", "Idioma"),
        T::Sev(Severity::Error) => ("error", "erreur", "error"),
        T::Sev(Severity::Warning) => ("warning", "avertissement", "advertencia"),
        T::Sev(Severity::Info) => ("info", "remarque", "observación"),
        T::WrongType => (
            "This file cannot be checked: only JSON (.json), XML (.xml) and Excel (.xlsx) reports are accepted, not Word, PDF or other documents. Fill in the Excel template and upload it.",
            "Ce fichier ne peut pas être vérifié : seuls les rapports JSON (.json), XML (.xml) et Excel (.xlsx) sont acceptés, pas les documents Word, PDF ou autres. Remplissez le modèle Excel et envoyez-le.",
            "Este archivo no se puede verificar: solo se aceptan informes JSON (.json), XML (.xml) y Excel (.xlsx), no documentos Word, PDF u otros. Rellene la plantilla de Excel y envíela.",
        ),
        T::TooLarge => (
            "The upload is larger than this server accepts",
            "L’envoi dépasse la taille que ce serveur accepte",
            "El envío supera el tamaño que acepta este servidor",
        ),
        T::NoFile => (
            "No file was chosen.",
            "Aucun fichier n’a été choisi.",
            "No se eligió ningún archivo.",
        ),
        T::BadUpload => (
            "The upload could not be read",
            "L’envoi n’a pas pu être lu",
            "No se pudo leer el envío",
        ),
        T::Busy => (
            "The server is busy checking other reports; try again in a minute.",
            "Le serveur vérifie d’autres rapports ; réessayez dans une minute.",
            "El servidor está verificando otros informes; vuelva a intentarlo en un minuto.",
        ),
        T::Timeout => (
            "Checking took longer than this server allows",
            "La vérification a pris plus de temps que ce serveur ne l’autorise",
            "La verificación tardó más de lo que permite este servidor",
        ),
        T::Internal => (
            "The check failed inside the server; please report this file to the maintainers.",
            "La vérification a échoué dans le serveur ; merci de signaler ce fichier aux responsables.",
            "La verificación falló dentro del servidor; informe de este archivo a los responsables.",
        ),
        T::NotFound => (
            "There is no such page.",
            "Cette page n’existe pas.",
            "Esta página no existe.",
        ),
    };
    match lang {
        "fr" => fr,
        "es" => es,
        _ => en,
    }
}

/// The title of a form's group of findings.
pub fn form_title(form: Option<&str>, lang: &str) -> String {
    let Some(form) = form else {
        return t(T::Whole, lang).to_owned();
    };
    let name = match form {
        "A" => (
            "national implementation measures",
            "mesures d’application nationales",
            "medidas de aplicación nacionales",
        ),
        "B" => (
            "stockpiled anti-personnel mines",
            "stocks de mines antipersonnel",
            "existencias de minas antipersonal",
        ),
        "C" => ("mined areas", "zones minées", "zonas minadas"),
        "D" => (
            "mines retained or transferred",
            "mines conservées ou transférées",
            "minas retenidas o transferidas",
        ),
        "E" => (
            "production facilities",
            "installations de production",
            "instalaciones de producción",
        ),
        "F" => (
            "destruction programmes",
            "programmes de destruction",
            "programas de destrucción",
        ),
        "G" => ("mines destroyed", "mines détruites", "minas destruidas"),
        "H" => (
            "technical characteristics",
            "caractéristiques techniques",
            "características técnicas",
        ),
        "I" => (
            "warning the population",
            "mise en garde de la population",
            "advertencia a la población",
        ),
        "J" => (
            "other relevant matters",
            "autres questions pertinentes",
            "otras cuestiones pertinentes",
        ),
        _ => ("", "", ""),
    };
    let name = match lang {
        "fr" => name.1,
        "es" => name.2,
        _ => name.0,
    };
    if name.is_empty() {
        format!("{} {form}", t(T::Form, lang))
    } else {
        format!("{} {form} — {name}", t(T::Form, lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_then_header_then_fallback() {
        assert_eq!(negotiate(Some("es"), Some("fr"), "en"), "es");
        assert_eq!(negotiate(Some("de"), Some("fr-CH, en;q=0.8"), "en"), "fr");
        assert_eq!(negotiate(None, Some("de, en;q=0.5, es;q=0.9"), "fr"), "es");
        assert_eq!(negotiate(None, Some("de"), "fr"), "fr");
        assert_eq!(negotiate(None, Some("fr;q=0"), "en"), "en");
        assert_eq!(negotiate(None, None, "es"), "es");
    }

    #[test]
    fn every_text_exists_in_every_language() {
        for lang in LANGUAGES {
            assert!(!t(T::Title, lang).is_empty());
        }
        assert_ne!(t(T::WrongType, "fr"), t(T::WrongType, "en"));
    }
}
