//! Titles, column headings and status names of the summary in English,
//! French and Spanish. Ids stay in English in JSON and CSV; these are for
//! the human, XLSX and HTML outputs.

/// `(id, en, fr, es)`.
const LABELS: &[(&str, &str, &str, &str)] = &[
    // Tables.
    ("reporting", "Reporting", "Établissement des rapports", "Presentación de informes"),
    ("reporting_counts", "Reporting: counts", "Rapports : décomptes", "Informes: recuentos"),
    ("article9", "Article 9: national implementation measures", "Article 9 : mesures d'application nationales", "Artículo 9: medidas de aplicación nacionales"),
    ("stockpiles", "Stockpiled mines (Forms B and G)", "Mines stockées (formulaires B et G)", "Minas almacenadas (formularios B y G)"),
    ("retained", "Mines retained (Form D)", "Mines conservées (formulaire D)", "Minas conservadas (formulario D)"),
    ("retained_distribution", "Mines retained: distribution", "Mines conservées : répartition", "Minas conservadas: distribución"),
    ("mined_areas", "Mined areas remaining and Article 5 deadlines (Forms C and F)", "Zones minées restantes et échéances de l'article 5 (formulaires C et F)", "Zonas minadas pendientes y plazos del artículo 5 (formularios C y F)"),
    ("remaining_by_year", "Mined area remaining at the end of each year", "Superficie minée restante à la fin de chaque année", "Superficie minada pendiente al final de cada año"),
    ("milestones", "Work-plan milestones", "Jalons des plans de travail", "Hitos de los planes de trabajo"),
    ("land_release", "Land released by method", "Terres remises à disposition, par méthode", "Tierras liberadas por método"),
    ("land_release_by_year", "Land released per year", "Terres remises à disposition par année", "Tierras liberadas por año"),
    ("casualties", "Casualties (Form J)", "Victimes (formulaire J)", "Víctimas (formulario J)"),
    ("cooperation", "Cooperation and assistance, by year and currency", "Coopération et assistance, par année et monnaie", "Cooperación y asistencia, por año y moneda"),
    ("cooperation_cross_check", "Cooperation: what donors say they gave against what recipients say they received", "Coopération : ce que les donateurs disent avoir donné et ce que les bénéficiaires disent avoir reçu", "Cooperación: lo que los donantes dicen haber dado frente a lo que los receptores dicen haber recibido"),
    // Columns.
    ("status", "status", "statut", "estado"),
    ("submitted_on", "submitted on", "soumis le", "presentado el"),
    ("file", "file", "fichier", "archivo"),
    ("latest_year", "latest year", "dernière année", "último año"),
    ("latest_file", "latest report", "dernier rapport", "último informe"),
    ("years_missed_in_row", "years missed in a row", "années manquées d'affilée", "años omitidos seguidos"),
    ("count", "count", "nombre", "número"),
    ("states", "States", "États", "Estados"),
    ("remaining", "remaining", "restantes", "restantes"),
    ("destroyed", "destroyed in the year", "détruites dans l'année", "destruidas en el año"),
    ("last", "last declared", "dernière déclaration", "última declaración"),
    ("initial", "initial declaration", "déclaration initiale", "declaración inicial"),
    ("used", "used in the year", "utilisées dans l'année", "utilizadas en el año"),
    ("change", "change", "variation", "variación"),
    ("area_m2", "area (m²)", "superficie (m²)", "superficie (m²)"),
    ("cha_m2", "confirmed, CHA (m²)", "confirmée, ZDC (m²)", "confirmada, ZPC (m²)"),
    ("sha_m2", "suspected, SHA (m²)", "soupçonnée, ZSD (m²)", "presunta, ZPP (m²)"),
    ("deadline", "Article 5 deadline", "échéance de l'article 5", "plazo del artículo 5"),
    ("extensions", "extensions", "prolongations", "prórrogas"),
    ("latest_extension", "latest extension to", "dernière prolongation jusqu'au", "última prórroga hasta"),
    ("state", "State", "État", "Estado"),
    ("year", "year", "année", "año"),
    ("target_m2", "target (m²)", "objectif (m²)", "meta (m²)"),
    ("cancelled_m2", "cancelled (m²)", "annulées (m²)", "canceladas (m²)"),
    ("reduced_m2", "reduced (m²)", "réduites (m²)", "reducidas (m²)"),
    ("cleared_m2", "cleared (m²)", "dépolluées (m²)", "despejadas (m²)"),
    ("total_m2", "total (m²)", "total (m²)", "total (m²)"),
    ("total", "total", "total", "total"),
    ("killed", "killed", "tués", "muertos"),
    ("injured", "injured", "blessés", "heridos"),
    ("unknown_outcome", "outcome unknown", "issue inconnue", "resultado desconocido"),
    ("women", "women", "femmes", "mujeres"),
    ("girls", "girls", "filles", "niñas"),
    ("boys", "boys", "garçons", "niños"),
    ("men", "men", "hommes", "hombres"),
    ("sex_age_unknown", "sex/age unknown", "sexe/âge inconnus", "sexo/edad desconocidos"),
    ("civilian", "civilians", "civils", "civiles"),
    ("military", "military", "militaires", "militares"),
    ("deminer", "deminers", "démineurs", "desminadores"),
    ("status_unknown", "status unknown", "statut inconnu", "condición desconocida"),
    ("currency", "currency", "monnaie", "moneda"),
    ("provided", "provided", "fournie", "prestada"),
    ("received", "received", "reçue", "recibida"),
    ("national_contribution", "national contribution", "contribution nationale", "contribución nacional"),
    ("donor", "donor", "donateur", "donante"),
    ("recipient", "recipient", "bénéficiaire", "receptor"),
    ("difference", "difference", "écart", "diferencia"),
    // Values.
    ("on_time", "on time", "à temps", "a tiempo"),
    ("late", "late", "en retard", "con retraso"),
    ("missing", "missing", "manquant", "falta"),
    ("not_due", "not yet due", "pas encore dû", "aún no debido"),
    ("date_invalid", "submission date invalid", "date de soumission invalide", "fecha de presentación no válida"),
    ("legislation_adopted", "legislation adopted", "législation adoptée", "legislación aprobada"),
    ("existing_law_sufficient", "existing law sufficient", "droit existant suffisant", "derecho vigente suficiente"),
    ("in_preparation", "in preparation", "en préparation", "en preparación"),
    ("none", "none", "aucune", "ninguna"),
    ("not_reported", "nothing reported", "rien de déclaré", "nada informado"),
    ("1-1000", "1 to 1,000", "1 à 1 000", "1 a 1.000"),
    ("1001-12000", "1,001 to 12,000", "1 001 à 12 000", "1.001 a 12.000"),
    ("above-12000", "above 12,000", "plus de 12 000", "más de 12.000"),
    ("agree", "agree", "concordent", "coinciden"),
    ("differ", "differ", "diffèrent", "difieren"),
    ("not_in_recipient_report", "not in the recipient's report", "absent du rapport du bénéficiaire", "no figura en el informe del receptor"),
    ("recipient_report_missing", "no report from the recipient", "pas de rapport du bénéficiaire", "sin informe del receptor"),
    ("not_in_donor_report", "not in the donor's report", "absent du rapport du donateur", "no figura en el informe del donante"),
    ("donor_report_missing", "no report from the donor", "pas de rapport du donateur", "sin informe del donante"),
    // Page.
    ("summary-title", "Article 7 reports: summary for", "Rapports au titre de l'article 7 : synthèse pour", "Informes del artículo 7: resumen de"),
    ("excluded", "Reports left out of this table", "Rapports écartés de ce tableau", "Informes excluidos de este cuadro"),
    ("sources", "Files", "Fichiers", "Archivos"),
    ("read", "read", "lus", "leídos"),
    ("unused", "not used", "non utilisés", "no utilizados"),
    ("unreadable", "unreadable", "illisibles", "ilegibles"),
    ("chart-land", "Land released per year (km²)", "Terres remises à disposition par année (km²)", "Tierras liberadas por año (km²)"),
    ("chart-remaining", "Remaining area against milestones and deadline (km²)", "Superficie restante, jalons et échéance (km²)", "Superficie restante frente a hitos y plazo (km²)"),
    ("chart-retained", "Mines retained per State", "Mines conservées par État", "Minas conservadas por Estado"),
    ("chart-remaining-now", "remaining", "restante", "restante"),
    ("chart-milestone", "milestone", "jalon", "hito"),
    ("chart-deadline", "deadline", "échéance", "plazo"),
    ("files-of-cell", "from", "d'après", "según"),
];

/// The label of `id` in `lang`; the id itself when there is none.
pub fn label<'a>(lang: &str, id: &'a str) -> &'a str {
    match LABELS.iter().find(|(k, ..)| *k == id) {
        Some((_, en, fr, es)) => match lang {
            "fr" => fr,
            "es" => es,
            _ => en,
        },
        None => id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_has_three_languages_and_ids_are_unique() {
        let mut ids: Vec<_> = LABELS.iter().map(|l| l.0).collect();
        ids.sort();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate label ids");
        for (id, en, fr, es) in LABELS {
            assert!(!en.is_empty() && !fr.is_empty() && !es.is_empty(), "{id}");
        }
        assert_eq!(label("fr", "killed"), "tués");
        assert_eq!(label("de", "killed"), "killed");
        assert_eq!(label("en", "no-such-id"), "no-such-id");
    }
}
