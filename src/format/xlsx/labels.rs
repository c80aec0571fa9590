//! Human texts of the Excel workbook in English, French and Spanish: field
//! labels (translations of the schema's titles), sheet descriptions, the
//! column captions of key/value sheets and the instructions sheet.
//!
//! English is the schema's own text; French and Spanish come from the tables
//! below and fall back to English where a text has no translation. The
//! reader uses the same tables to recognise the label row of a table sheet
//! whatever language the workbook was written in.

pub use crate::i18n::LANGUAGES;

/// Normalises a `--lang` value: `fr`, `es`, anything else is English.
pub fn lang(code: &str) -> &'static str {
    crate::i18n::Lang::or_english(code).code()
}

fn pick(en: &'static str, fr: &'static str, es: &'static str, lang: &str) -> &'static str {
    match lang {
        "fr" if !fr.is_empty() => fr,
        "es" if !es.is_empty() => es,
        _ => en,
    }
}

/// English schema title → (French, Spanish).
const TITLES: &[(&str, &str, &str)] = &[
    ("Action", "Action", "Acción"),
    (
        "Activities covered",
        "Activités visées",
        "Actividades abarcadas",
    ),
    ("Activity", "Activité", "Actividad"),
    (
        "Administrative unit",
        "Unité administrative",
        "Unidad administrativa",
    ),
    ("Adopted on", "Adopté le", "Aprobado el"),
    ("Amount of money", "Montant", "Importe"),
    (
        "Area identifier",
        "Identifiant de la zone",
        "Identificador de la zona",
    ),
    ("Areas", "Zones", "Zonas"),
    (
        "Article 4 deadline",
        "Échéance de l'article 4",
        "Plazo del artículo 4",
    ),
    (
        "Article 5 deadline",
        "Échéance de l'article 5",
        "Plazo del artículo 5",
    ),
    (
        "Article 9 status",
        "Situation au regard de l'article 9",
        "Situación respecto del artículo 9",
    ),
    (
        "Assistance requested",
        "Assistance demandée",
        "Asistencia solicitada",
    ),
    ("Beneficiaries", "Bénéficiaires", "Beneficiarios"),
    ("Boys", "Garçons", "Niños"),
    ("By sex and age", "Par sexe et âge", "Por sexo y edad"),
    ("By status", "Par statut", "Por condición"),
    ("Cancelled (m²)", "Annulée (m²)", "Cancelada (m²)"),
    ("Casualties", "Victimes", "Víctimas"),
    ("Civilians", "Civils", "Civiles"),
    ("Classification", "Classification", "Clasificación"),
    ("Cleared (m²)", "Déminée (m²)", "Despejada (m²)"),
    (
        "Colour photograph",
        "Photographie en couleur",
        "Fotografía en color",
    ),
    ("Completed on", "Achevé le", "Finalizado el"),
    (
        "Completion declared on",
        "Achèvement déclaré le",
        "Finalización declarada el",
    ),
    ("Confirmed (m²)", "Confirmée (m²)", "Confirmada (m²)"),
    (
        "Cooperation and assistance",
        "Coopération et assistance",
        "Cooperación y asistencia",
    ),
    ("Country code", "Code du pays", "Código del país"),
    (
        "Cover-page mark",
        "Case de la page de couverture",
        "Casilla de la portada",
    ),
    ("Currency", "Monnaie", "Moneda"),
    (
        "Deadline extensions",
        "Prolongations de l'échéance",
        "Prórrogas del plazo",
    ),
    ("Decided at", "Décidée lors de", "Decidida en"),
    ("Decided on", "Décidée le", "Decidida el"),
    ("Deminers", "Démineurs", "Desminadores"),
    ("Description", "Description", "Descripción"),
    ("Destroyed on", "Détruites le", "Destruidas el"),
    (
        "Destruction sites",
        "Sites de destruction",
        "Lugares de destrucción",
    ),
    ("Dialogue", "Dialogue", "Diálogo"),
    ("Dimensions", "Dimensions", "Dimensiones"),
    ("Discovered on", "Découvertes le", "Descubiertas el"),
    ("E-mail", "Courriel", "Correo electrónico"),
    ("Emplaced", "Mise en place", "Colocación"),
    ("Entry into force", "Entrée en vigueur", "Entrada en vigor"),
    (
        "Environmental standards",
        "Normes environnementales",
        "Normas ambientales",
    ),
    ("Explanation", "Explication", "Explicación"),
    (
        "Explosive content (g)",
        "Charge explosive (g)",
        "Carga explosiva (g)",
    ),
    ("Explosive type", "Type d'explosif", "Tipo de explosivo"),
    ("Extensions", "Extensions", "Extensiones"),
    ("Facilities", "Installations", "Instalaciones"),
    ("Focal point", "Point focal", "Punto focal"),
    (
        "Form A: national implementation measures",
        "Formulaire A : mesures d'application nationales",
        "Formulario A: medidas de aplicación nacionales",
    ),
    (
        "Form B: stockpiled anti-personnel mines",
        "Formulaire B : mines antipersonnel stockées",
        "Formulario B: minas antipersonal almacenadas",
    ),
    (
        "Form C: mined areas",
        "Formulaire C : zones minées",
        "Formulario C: zonas minadas",
    ),
    (
        "Form D: mines retained or transferred",
        "Formulaire D : mines conservées ou transférées",
        "Formulario D: minas retenidas o transferidas",
    ),
    (
        "Form E: production facilities",
        "Formulaire E : installations de fabrication",
        "Formulario E: instalaciones de producción",
    ),
    (
        "Form F: destruction programmes",
        "Formulaire F : programmes de destruction",
        "Formulario F: programas de destrucción",
    ),
    (
        "Form G: mines destroyed",
        "Formulaire G : mines détruites",
        "Formulario G: minas destruidas",
    ),
    (
        "Form H: technical characteristics",
        "Formulaire H : caractéristiques techniques",
        "Formulario H: características técnicas",
    ),
    (
        "Form I: warning the population",
        "Formulaire I : mise en garde de la population",
        "Formulario I: advertencia a la población",
    ),
    (
        "Form J: other relevant matters",
        "Formulaire J : autres questions pertinentes",
        "Formulario J: otras cuestiones pertinentes",
    ),
    ("Format version", "Version du format", "Versión del formato"),
    ("Forms", "Formulaires", "Formularios"),
    ("From", "Du", "Desde"),
    ("From year", "De l'année", "Desde el año"),
    ("Fusing", "Mise à feu", "Espoleta"),
    ("Gender analysis", "Analyse de genre", "Análisis de género"),
    ("Girls", "Filles", "Niñas"),
    ("In force on", "En vigueur le", "En vigor el"),
    ("Indicator", "Indicateur", "Indicador"),
    (
        "Individualised approach",
        "Approche individualisée",
        "Enfoque individualizado",
    ),
    ("Injured", "Blessés", "Heridos"),
    ("Institution", "Institution", "Institución"),
    ("Killed", "Tués", "Muertos"),
    ("Kind", "Nature", "Tipo"),
    (
        "Land released",
        "Terres remises à disposition",
        "Tierras liberadas",
    ),
    ("Language", "Langue", "Idioma"),
    (
        "Last reported in",
        "Dernier rapport en",
        "Último informe en",
    ),
    ("Latitude", "Latitude", "Latitud"),
    ("Location", "Emplacement", "Ubicación"),
    ("Longitude", "Longitude", "Longitud"),
    ("Lot numbers", "Numéros de lot", "Números de lote"),
    ("Measures", "Mesures", "Medidas"),
    ("Men", "Hommes", "Hombres"),
    (
        "Metal content (g)",
        "Teneur en métal (g)",
        "Contenido metálico (g)",
    ),
    ("Methods", "Méthodes", "Métodos"),
    ("Milestones", "Étapes", "Hitos"),
    ("Military", "Militaires", "Militares"),
    ("Mine clearance", "Déminage", "Remoción de minas"),
    ("Mine type", "Type de mine", "Tipo de mina"),
    ("Mine types", "Types de mines", "Tipos de minas"),
    (
        "Mines destroyed in mined areas",
        "Mines détruites dans les zones minées",
        "Minas destruidas en zonas minadas",
    ),
    (
        "Mines in the area",
        "Mines dans la zone",
        "Minas en la zona",
    ),
    ("Name", "Nom", "Nombre"),
    (
        "National contribution",
        "Contribution nationale",
        "Contribución nacional",
    ),
    (
        "National point of contact",
        "Point de contact national",
        "Punto de contacto nacional",
    ),
    ("Needs", "Besoins", "Necesidades"),
    ("New deadline", "Nouvelle échéance", "Nuevo plazo"),
    (
        "Newly identified",
        "Nouvellement identifiée",
        "Recién identificada",
    ),
    (
        "Newly identified (m²)",
        "Nouvellement identifiée (m²)",
        "Recién identificada (m²)",
    ),
    ("Note", "Note", "Nota"),
    ("Number of areas", "Nombre de zones", "Número de zonas"),
    ("Objectives", "Objectifs", "Objetivos"),
    ("Organisation", "Organisme", "Organismo"),
    ("Other matters", "Autres questions", "Otras cuestiones"),
    ("Outcome unknown", "Issue inconnue", "Desenlace desconocido"),
    ("Partner", "Partenaire", "Asociado"),
    ("Partnerships", "Partenariats", "Asociaciones"),
    ("Penal sanctions", "Sanctions pénales", "Sanciones penales"),
    (
        "People consulted",
        "Personnes consultées",
        "Personas consultadas",
    ),
    ("Plan", "Plan", "Plan"),
    ("Planned use", "Utilisation prévue", "Uso previsto"),
    ("Possessed", "Détenu", "Poseído"),
    (
        "Previously unknown stockpiles",
        "Stocks jusque-là inconnus",
        "Existencias antes desconocidas",
    ),
    (
        "Previously unknown stockpiles destroyed",
        "Stocks jusque-là inconnus détruits",
        "Existencias antes desconocidas destruidas",
    ),
    ("Produced", "Fabriqué", "Producido"),
    ("Provided", "Fournie", "Prestada"),
    ("Provisions", "Dispositions", "Disposiciones"),
    ("Purpose", "Objet", "Finalidad"),
    ("Quantity", "Quantité", "Cantidad"),
    ("Reason", "Motif", "Motivo"),
    ("Received", "Reçue", "Recibida"),
    ("Recipient", "Destinataire", "Destinatario"),
    ("Reduced (m²)", "Réduite (m²)", "Reducida (m²)"),
    (
        "Remaining at end (m²)",
        "Restant à la fin (m²)",
        "Restante al final (m²)",
    ),
    (
        "Remaining at start (m²)",
        "Restant au début (m²)",
        "Restante al inicio (m²)",
    ),
    ("Report kind", "Type de rapport", "Tipo de informe"),
    ("Reporting period", "Période couverte", "Período abarcado"),
    ("Responsibilities", "Responsabilités", "Responsabilidades"),
    ("Retained", "Conservées", "Retenidas"),
    (
        "Risk education",
        "Éducation aux risques",
        "Educación sobre el riesgo",
    ),
    (
        "Safety standards",
        "Normes de sécurité",
        "Normas de seguridad",
    ),
    ("Sessions", "Séances", "Sesiones"),
    (
        "Sex or age unknown",
        "Sexe ou âge inconnu",
        "Sexo o edad desconocidos",
    ),
    ("Size (m²)", "Superficie (m²)", "Superficie (m²)"),
    ("State Party", "État partie", "Estado parte"),
    ("Status", "État d'avancement", "Situación"),
    ("Status unknown", "Statut inconnu", "Condición desconocida"),
    ("Stockpile", "Stock", "Existencias"),
    (
        "Stockpile destruction",
        "Destruction des stocks",
        "Destrucción de existencias",
    ),
    (
        "Stockpiled mines destroyed",
        "Mines stockées détruites",
        "Minas almacenadas destruidas",
    ),
    ("Submitted on", "Soumis le", "Presentado el"),
    (
        "Survivors assisted",
        "Survivants assistés",
        "Supervivientes asistidos",
    ),
    ("Suspected (m²)", "Soupçonnée (m²)", "Sospechosa (m²)"),
    ("Target", "Cible", "Meta"),
    (
        "Target area (m²)",
        "Superficie visée (m²)",
        "Superficie prevista (m²)",
    ),
    ("Target areas", "Zones visées", "Zonas previstas"),
    ("Telephone", "Téléphone", "Teléfono"),
    ("Title", "Titre", "Título"),
    ("To", "Au", "Hasta"),
    ("To year", "À l'année", "Hasta el año"),
    ("Total", "Total", "Total"),
    ("Total retained", "Total conservé", "Total retenido"),
    (
        "Total size (m²)",
        "Superficie totale (m²)",
        "Superficie total (m²)",
    ),
    ("Totals", "Totaux", "Totales"),
    ("Transferred", "Transférées", "Transferidas"),
    ("Transferred on", "Transférées le", "Transferidas el"),
    ("Treaty", "Traité", "Tratado"),
    ("Used", "Utilisées", "Utilizadas"),
    (
        "Victim assistance",
        "Assistance aux victimes",
        "Asistencia a las víctimas",
    ),
    ("Women", "Femmes", "Mujeres"),
    ("Work plan", "Plan de travail", "Plan de trabajo"),
    ("Year", "Année", "Año"),
];

/// A schema title (English) in `lang`; English when there is no translation.
pub fn title(english: &str, lang: &str) -> String {
    match TITLES.iter().find(|(en, _, _)| *en == english) {
        Some((en, fr, es)) => pick(en, fr, es, lang).to_owned(),
        None => english.to_owned(),
    }
}

/// Every spelling of a schema title (English, French, Spanish).
pub fn title_variants(english: &str) -> Vec<String> {
    match TITLES.iter().find(|(en, _, _)| *en == english) {
        Some((en, fr, es)) => vec![(*en).to_owned(), (*fr).to_owned(), (*es).to_owned()],
        None => vec![english.to_owned()],
    }
}

/// What a sheet holds, by sheet name: (English, French, Spanish).
const SHEETS: &[(&str, &str, &str, &str)] = &[
    (
        "Report",
        "The report: State, period, date of submission, contact",
        "Le rapport : État, période, date de soumission, contact",
        "El informe: Estado, período, fecha de presentación, contacto",
    ),
    (
        "A",
        "Form A: national implementation measures (Art. 7.1.a)",
        "Formulaire A : mesures d'application nationales (art. 7.1.a)",
        "Formulario A: medidas de aplicación nacionales (art. 7.1.a)",
    ),
    (
        "A.measures",
        "Form A: laws, decrees and regulations, one per row",
        "Formulaire A : lois, décrets et règlements, un par ligne",
        "Formulario A: leyes, decretos y reglamentos, uno por fila",
    ),
    (
        "B",
        "Form B: stockpiled anti-personnel mines (Art. 7.1.b)",
        "Formulaire B : mines antipersonnel stockées (art. 7.1.b)",
        "Formulario B: minas antipersonal almacenadas (art. 7.1.b)",
    ),
    (
        "B.stockpile",
        "Form B: the stockpile, one mine type per row",
        "Formulaire B : le stock, un type de mine par ligne",
        "Formulario B: las existencias, un tipo de mina por fila",
    ),
    (
        "B.previously_unknown",
        "Form B: stockpiles discovered after the deadline",
        "Formulaire B : stocks découverts après l'échéance",
        "Formulario B: existencias descubiertas después del plazo",
    ),
    (
        "C",
        "Form C: mined areas (Art. 7.1.c) and their totals",
        "Formulaire C : zones minées (art. 7.1.c) et leurs totaux",
        "Formulario C: zonas minadas (art. 7.1.c) y sus totales",
    ),
    (
        "C.areas",
        "Form C: one mined area per row",
        "Formulaire C : une zone minée par ligne",
        "Formulario C: una zona minada por fila",
    ),
    (
        "C.areas.mines",
        "Form C: mines in each area (area_id = the area's id)",
        "Formulaire C : mines de chaque zone (area_id = l'id de la zone)",
        "Formulario C: minas de cada zona (area_id = el id de la zona)",
    ),
    (
        "D",
        "Form D: mines retained or transferred (Art. 7.1.d)",
        "Formulaire D : mines conservées ou transférées (art. 7.1.d)",
        "Formulario D: minas retenidas o transferidas (art. 7.1.d)",
    ),
    (
        "D.retained",
        "Form D: mines retained, one institution and type per row",
        "Formulaire D : mines conservées, une institution et un type par ligne",
        "Formulario D: minas retenidas, una institución y tipo por fila",
    ),
    (
        "D.used",
        "Form D: retained mines used during the period",
        "Formulaire D : mines conservées utilisées pendant la période",
        "Formulario D: minas retenidas utilizadas durante el período",
    ),
    (
        "D.transferred",
        "Form D: transfers during the period",
        "Formulaire D : transferts pendant la période",
        "Formulario D: transferencias durante el período",
    ),
    (
        "E",
        "Form E: production facilities (Art. 7.1.e)",
        "Formulaire E : installations de fabrication (art. 7.1.e)",
        "Formulario E: instalaciones de producción (art. 7.1.e)",
    ),
    (
        "E.facilities",
        "Form E: one facility per row",
        "Formulaire E : une installation par ligne",
        "Formulario E: una instalación por fila",
    ),
    (
        "F",
        "Form F: destruction programmes (Art. 7.1.f); stockpile destruction",
        "Formulaire F : programmes de destruction (art. 7.1.f) ; destruction des stocks",
        "Formulario F: programas de destrucción (art. 7.1.f); destrucción de existencias",
    ),
    (
        "F.mine_clearance",
        "Form F: the Article 5 mine clearance programme",
        "Formulaire F : le programme de déminage de l'article 5",
        "Formulario F: el programa de remoción de minas del artículo 5",
    ),
    (
        "F.deadline_extensions",
        "Form F: extensions of the Article 5 deadline, oldest first",
        "Formulaire F : prolongations de l'échéance de l'article 5, la plus ancienne d'abord",
        "Formulario F: prórrogas del plazo del artículo 5, la más antigua primero",
    ),
    (
        "F.mine_clearance.work_plan",
        "Form F: the national work plan",
        "Formulaire F : le plan de travail national",
        "Formulario F: el plan de trabajo nacional",
    ),
    (
        "F.work_plan.milestones",
        "Form F: milestones of the work plan, one per row",
        "Formulaire F : étapes du plan de travail, une par ligne",
        "Formulario F: hitos del plan de trabajo, uno por fila",
    ),
    (
        "G",
        "Form G: mines destroyed (Art. 7.1.g)",
        "Formulaire G : mines détruites (art. 7.1.g)",
        "Formulario G: minas destruidas (art. 7.1.g)",
    ),
    (
        "G.stockpile_destroyed",
        "Form G: stockpiled mines destroyed (Art. 4)",
        "Formulaire G : mines stockées détruites (art. 4)",
        "Formulario G: minas almacenadas destruidas (art. 4)",
    ),
    (
        "G.mined_area_destroyed",
        "Form G: mines destroyed in mined areas (Art. 5)",
        "Formulaire G : mines détruites dans les zones minées (art. 5)",
        "Formulario G: minas destruidas en zonas minadas (art. 5)",
    ),
    (
        "G.previously_unknown_destroyed",
        "Form G: previously unknown stockpiles destroyed",
        "Formulaire G : stocks jusque-là inconnus détruits",
        "Formulario G: existencias antes desconocidas destruidas",
    ),
    (
        "H",
        "Form H: technical characteristics (Art. 7.1.h)",
        "Formulaire H : caractéristiques techniques (art. 7.1.h)",
        "Formulario H: características técnicas (art. 7.1.h)",
    ),
    (
        "H.mine_types",
        "Form H: one mine type per row",
        "Formulaire H : un type de mine par ligne",
        "Formulario H: un tipo de mina por fila",
    ),
    (
        "I",
        "Form I: warning the population (Art. 7.1.i); risk education",
        "Formulaire I : mise en garde de la population (art. 7.1.i) ; éducation aux risques",
        "Formulario I: advertencia a la población (art. 7.1.i); educación sobre el riesgo",
    ),
    (
        "I.measures",
        "Form I: warning measures, one per row",
        "Formulaire I : mesures de mise en garde, une par ligne",
        "Formulario I: medidas de advertencia, una por fila",
    ),
    (
        "J",
        "Form J: other relevant matters (voluntary)",
        "Formulaire J : autres questions pertinentes (facultatif)",
        "Formulario J: otras cuestiones pertinentes (voluntario)",
    ),
    (
        "J.victim_assistance",
        "Form J: victim assistance",
        "Formulaire J : assistance aux victimes",
        "Formulario J: asistencia a las víctimas",
    ),
    (
        "J.victim_assistance.plan",
        "Form J: the victim assistance plan",
        "Formulaire J : le plan d'assistance aux victimes",
        "Formulario J: el plan de asistencia a las víctimas",
    ),
    (
        "J.plan.objectives",
        "Form J: objectives of the plan, one per row",
        "Formulaire J : objectifs du plan, un par ligne",
        "Formulario J: objetivos del plan, uno por fila",
    ),
    (
        "J.cooperation",
        "Form J: cooperation and assistance",
        "Formulaire J : coopération et assistance",
        "Formulario J: cooperación y asistencia",
    ),
    (
        "J.cooperation.needs",
        "Form J: assistance needed, one need per row",
        "Formulaire J : assistance nécessaire, un besoin par ligne",
        "Formulario J: asistencia necesaria, una necesidad por fila",
    ),
    (
        "J.cooperation.received",
        "Form J: funding received",
        "Formulaire J : financements reçus",
        "Formulario J: financiación recibida",
    ),
    (
        "J.cooperation.provided",
        "Form J: funding provided",
        "Formulaire J : financements fournis",
        "Formulario J: financiación prestada",
    ),
    (
        "J.cooperation.partnerships",
        "Form J: partnerships",
        "Formulaire J : partenariats",
        "Formulario J: asociaciones",
    ),
];

/// What the sheet named `sheet` holds, in `lang`.
pub fn sheet_description(sheet: &str, lang: &str) -> Option<&'static str> {
    SHEETS
        .iter()
        .find(|(name, ..)| *name == sheet)
        .map(|(_, en, fr, es)| pick(en, fr, es, lang))
}

/// Short interface texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ui {
    /// Caption of column A of key/value sheets.
    Key,
    /// Caption of column B.
    Value,
    /// Caption of column C.
    Label,
    /// Caption of column D.
    Help,
    /// "see sheet", before a sheet name on a link row.
    SeeSheet,
    /// Caption of the sheet column in the instructions' table of contents.
    Sheet,
    /// Caption of the description column there.
    Holds,
    /// Name of the instructions sheet.
    Instructions,
    /// Title of an error message shown by a drop-down list.
    NotAllowed,
    /// Body of that message.
    PickFromList,
    /// Body of the message of a whole-number cell.
    WholeNumber,
    /// Body of the message of a number cell.
    Number,
    /// Caption of the parent-key column's label.
    ParentKey,
}

/// A short interface text in `lang`.
pub fn ui(text: Ui, lang: &str) -> &'static str {
    let (en, fr, es) = match text {
        Ui::Key => ("key", "clé", "clave"),
        Ui::Value => ("value", "valeur", "valor"),
        Ui::Label => ("label", "libellé", "etiqueta"),
        Ui::Help => ("help", "aide", "ayuda"),
        Ui::SeeSheet => ("see sheet", "voir la feuille", "ver la hoja"),
        Ui::Sheet => ("Sheet", "Feuille", "Hoja"),
        Ui::Holds => ("What it holds", "Contenu", "Contenido"),
        Ui::Instructions => ("Instructions", "Instructions", "Instrucciones"),
        Ui::NotAllowed => (
            "Value not allowed",
            "Valeur non admise",
            "Valor no admitido",
        ),
        Ui::PickFromList => (
            "Choose one of the values of the list.",
            "Choisissez l'une des valeurs de la liste.",
            "Elija uno de los valores de la lista.",
        ),
        Ui::WholeNumber => (
            "Write a whole number.",
            "Écrivez un nombre entier.",
            "Escriba un número entero.",
        ),
        Ui::Number => (
            "Write a number.",
            "Écrivez un nombre.",
            "Escriba un número.",
        ),
        Ui::ParentKey => (
            "Parent row (its id)",
            "Ligne parente (son id)",
            "Fila principal (su id)",
        ),
    };
    pick(en, fr, es, lang)
}

/// Names the instructions sheet may have; the reader skips all of them.
pub fn instruction_sheet_names() -> [&'static str; 2] {
    ["Instructions", "Instrucciones"]
}

/// The title line of the instructions sheet.
pub fn instructions_title(lang: &str) -> &'static str {
    pick(
        "Article 7 transparency report: Anti-Personnel Mine Ban Convention (report model 1.0)",
        "Rapport de transparence au titre de l'article 7 : Convention sur l'interdiction des mines antipersonnel (modèle de rapport 1.0)",
        "Informe de transparencia en virtud del artículo 7: Convención sobre la prohibición de las minas antipersonal (modelo de informe 1.0)",
        lang,
    )
}

/// The paragraphs of the instructions sheet.
pub fn instructions(lang: &str) -> Vec<&'static str> {
    const EN: &[&str] = &[
        "This workbook is one report. Fill in the sheet Report, then one sheet per form (A to J) and the sheets that follow each form.",
        "Key/value sheets (Report, A, B, ..., F.mine_clearance, ...): column A holds the key, column B the value. Columns C and D explain the field; they are not read. Do not change the keys in column A.",
        "Table sheets (A.measures, C.areas, ...): row 1 holds the keys and row 2 their labels; write one item per row from row 3 on. Do not change row 1. Empty rows are skipped.",
        "Nested tables name their parent row in the first column: in C.areas.mines, area_id is the id of the area in C.areas.",
        "Each form starts with its cover-page mark: provided (fill in the form), unchanged (give last_reported_year) or not_applicable (give the reason). Forms A to I are required; Form J is voluntary.",
        "Dates: write them as dates or as text in the form yyyy-mm-dd, for example 2019-12-31.",
        "Lists in one cell (lot numbers, methods, sites, activities covered, areas): separate the items with a semicolon, or put one item per line.",
        "Leave a cell empty when there is nothing to report. Write [] for a list that is deliberately empty (for example a stockpile of zero).",
        "Drop-down lists offer the allowed codes; whole-number and date cells refuse other input. Numbers are plain numbers: square metres, never km².",
        "Do not rename, delete or add sheets: a sheet the report model does not know is reported. This sheet is not read.",
        "Check the report with: article7 validate report.xlsx (every finding names the sheet and the cell).",
    ];
    const FR: &[&str] = &[
        "Ce classeur est un rapport. Remplissez la feuille Report, puis une feuille par formulaire (A à J) et les feuilles qui suivent chaque formulaire.",
        "Feuilles clé/valeur (Report, A, B, ..., F.mine_clearance, ...) : la colonne A contient la clé, la colonne B la valeur. Les colonnes C et D expliquent le champ ; elles ne sont pas lues. Ne modifiez pas les clés de la colonne A.",
        "Feuilles de tableau (A.measures, C.areas, ...) : la ligne 1 contient les clés et la ligne 2 leurs libellés ; écrivez un élément par ligne à partir de la ligne 3. Ne modifiez pas la ligne 1. Les lignes vides sont ignorées.",
        "Les tableaux imbriqués désignent leur ligne parente dans la première colonne : dans C.areas.mines, area_id est l'id de la zone dans C.areas.",
        "Chaque formulaire commence par sa case de couverture : provided (remplissez le formulaire), unchanged (indiquez last_reported_year) ou not_applicable (indiquez le motif). Les formulaires A à I sont obligatoires ; le formulaire J est facultatif.",
        "Dates : écrivez-les comme dates ou comme texte de la forme aaaa-mm-jj, par exemple 2019-12-31.",
        "Listes dans une cellule (numéros de lot, méthodes, sites, activités visées, zones) : séparez les éléments par un point-virgule, ou mettez un élément par ligne.",
        "Laissez une cellule vide s'il n'y a rien à signaler. Écrivez [] pour une liste délibérément vide (par exemple un stock nul).",
        "Les listes déroulantes proposent les codes admis ; les cellules de nombres entiers et de dates refusent les autres saisies. Les superficies sont en mètres carrés, jamais en km².",
        "Ne renommez, ne supprimez ni n'ajoutez de feuilles : une feuille que le modèle de rapport ne connaît pas est signalée. Cette feuille n'est pas lue.",
        "Vérifiez le rapport avec : article7 validate rapport.xlsx (chaque constat nomme la feuille et la cellule).",
    ];
    const ES: &[&str] = &[
        "Este libro es un informe. Rellene la hoja Report, luego una hoja por formulario (A a J) y las hojas que siguen a cada formulario.",
        "Hojas de clave/valor (Report, A, B, ..., F.mine_clearance, ...): la columna A contiene la clave, la columna B el valor. Las columnas C y D explican el campo; no se leen. No modifique las claves de la columna A.",
        "Hojas de tabla (A.measures, C.areas, ...): la fila 1 contiene las claves y la fila 2 sus etiquetas; escriba un elemento por fila a partir de la fila 3. No modifique la fila 1. Las filas vacías se omiten.",
        "Las tablas anidadas indican su fila principal en la primera columna: en C.areas.mines, area_id es el id de la zona en C.areas.",
        "Cada formulario empieza con su casilla de portada: provided (rellene el formulario), unchanged (indique last_reported_year) o not_applicable (indique el motivo). Los formularios A a I son obligatorios; el formulario J es voluntario.",
        "Fechas: escríbalas como fechas o como texto con la forma aaaa-mm-dd, por ejemplo 2019-12-31.",
        "Listas en una celda (números de lote, métodos, lugares, actividades abarcadas, zonas): separe los elementos con un punto y coma, o ponga un elemento por línea.",
        "Deje una celda vacía cuando no haya nada que informar. Escriba [] para una lista vacía a propósito (por ejemplo, existencias nulas).",
        "Las listas desplegables ofrecen los códigos admitidos; las celdas de números enteros y de fechas rechazan otros valores. Las superficies se expresan en metros cuadrados, nunca en km².",
        "No cambie el nombre de las hojas, ni las elimine ni añada otras: se señala toda hoja que el modelo de informe no conoce. Esta hoja no se lee.",
        "Verifique el informe con: article7 validate informe.xlsx (cada constatación nombra la hoja y la celda).",
    ];
    match lang {
        "fr" => FR.to_vec(),
        "es" => ES.to_vec(),
        _ => EN.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translations_fall_back_to_english() {
        assert_eq!(title("Mine type", "fr"), "Type de mine");
        assert_eq!(title("Mine type", "es"), "Tipo de mina");
        assert_eq!(title("Mine type", "en"), "Mine type");
        assert_eq!(title("Something new", "fr"), "Something new");
        assert_eq!(lang("FR"), "fr");
        assert_eq!(lang("de"), "en");
    }

    #[test]
    fn every_language_has_the_same_instructions() {
        let n = instructions("en").len();
        assert_eq!(instructions("fr").len(), n);
        assert_eq!(instructions("es").len(), n);
    }

    #[test]
    fn titles_are_listed_once() {
        let mut seen = std::collections::HashSet::new();
        for (en, _, _) in TITLES {
            assert!(seen.insert(*en), "{en} twice");
        }
    }
}
