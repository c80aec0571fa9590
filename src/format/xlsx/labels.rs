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
    ("Country code", "Code de l'État", "Código del Estado"),
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
        "Last reported (year covered)",
        "Dernier rapport (année couverte)",
        "Último informe (año cubierto)",
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
    ("Milestones", "Jalons", "Hitos"),
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
    ("Stockpile", "Stocks", "Existencias"),
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
    ("Submitted on", "Présenté le", "Presentado el"),
    (
        "Survivors assisted",
        "Survivants assistés",
        "Supervivientes asistidos",
    ),
    ("Suspected (m²)", "Soupçonnée (m²)", "Presunta (m²)"),
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
    (
        "Anti-personnel mine",
        "Mine antipersonnel",
        "Mina antipersonal",
    ),
    (
        "Area in square metres",
        "Superficie en mètres carrés",
        "Superficie en metros cuadrados",
    ),
    (
        "Article 7 transparency report",
        "Rapport de transparence au titre de l'article 7",
        "Informe de transparencia con arreglo al artículo 7",
    ),
    (
        "Assistance provided",
        "Assistance fournie",
        "Asistencia prestada",
    ),
    (
        "Assistance received",
        "Assistance reçue",
        "Asistencia recibida",
    ),
    (
        "Baseline adjustment",
        "Ajustement de la base de référence",
        "Ajuste de la base de referencia",
    ),
    (
        "Baseline adjustments",
        "Ajustements de la base de référence",
        "Ajustes de la base de referencia",
    ),
    ("By device", "Par engin", "Por artefacto"),
    (
        "Casualties by device",
        "Victimes par engin",
        "Víctimas por artefacto",
    ),
    (
        "Casualties by status",
        "Victimes par statut",
        "Víctimas por condición",
    ),
    ("Change (m²)", "Variation (m²)", "Variación (m²)"),
    ("Count", "Nombre", "Número"),
    ("Date", "Date", "Fecha"),
    (
        "Deadline extension",
        "Prolongation de l'échéance",
        "Prórroga del plazo",
    ),
    (
        "Implementation measure",
        "Mesure d'application",
        "Medida de aplicación",
    ),
    ("Improvised", "Improvisées", "Improvisadas"),
    ("Improvised mine", "Mine improvisée", "Mina improvisada"),
    (
        "Improvised mines",
        "Mines improvisées",
        "Minas improvisadas",
    ),
    ("List of texts", "Liste de textes", "Lista de textos"),
    ("Mass in grams", "Masse en grammes", "Masa en gramos"),
    ("Milestone", "Jalon", "Hito"),
    (
        "Mine clearance programme",
        "Programme de déminage",
        "Programa de remoción de minas",
    ),
    ("Mined area", "Zone minée", "Zona minada"),
    (
        "Mined area totals",
        "Totaux des zones minées",
        "Totales de las zonas minadas",
    ),
    ("Mines of one type", "Mines d'un type", "Minas de un tipo"),
    (
        "Mines transferred",
        "Mines transférées",
        "Minas transferidas",
    ),
    ("Need", "Besoin", "Necesidad"),
    ("Objective", "Objectif", "Objetivo"),
    ("Other", "Autres", "Otros"),
    ("Partnership", "Partenariat", "Asociación"),
    (
        "Previously unknown stockpile",
        "Stock jusque-là inconnu",
        "Existencias antes desconocidas",
    ),
    (
        "Previously unknown stockpile destroyed",
        "Stock jusque-là inconnu détruit",
        "Existencias antes desconocidas destruidas",
    ),
    (
        "Production facility",
        "Installation de fabrication",
        "Instalación de producción",
    ),
    ("Received on", "Reçues le", "Recibidas el"),
    (
        "Retained mines of one type",
        "Mines conservées d'un type",
        "Minas retenidas de un tipo",
    ),
    (
        "Retained mines received",
        "Mines reçues pour être conservées",
        "Minas recibidas para su retención",
    ),
    (
        "Retained mines used",
        "Mines conservées utilisées",
        "Minas retenidas utilizadas",
    ),
    ("Sector", "Secteur", "Sector"),
    (
        "Sex-and-age breakdown",
        "Ventilation par sexe et âge",
        "Desglose por sexo y edad",
    ),
    (
        "Stockpile destruction programme",
        "Programme de destruction des stocks",
        "Programa de destrucción de existencias",
    ),
    (
        "Stockpiled mines of one type",
        "Mines stockées d'un type",
        "Minas almacenadas de un tipo",
    ),
    (
        "Technical characteristics of a mine type",
        "Caractéristiques techniques d'un type de mine",
        "Características técnicas de un tipo de mina",
    ),
    ("Text", "Texte", "Texto"),
    (
        "Unclassified (m²)",
        "Non classée (m²)",
        "Sin clasificar (m²)",
    ),
    (
        "Victim assistance plan",
        "Plan d'assistance aux victimes",
        "Plan de asistencia a las víctimas",
    ),
    (
        "Warning measure",
        "Mesure de mise en garde",
        "Medida de advertencia",
    ),
    ("With disability", "Avec un handicap", "Con discapacidad"),
];

/// Labels and sheet names of earlier templates that a translator's pass
/// changed, by language: (language, current text, earlier text). The reader
/// still takes the earlier ones.
const EARLIER: &[(&str, &str, &str)] = &[
    ("fr", "Présenté le", "Soumis le"),
    ("fr", "Jalons", "Étapes"),
    ("fr", "Stocks", "Stock"),
    ("fr", "Code de l'État", "Code du pays"),
    ("es", "Código del Estado", "Código del país"),
    ("es", "Presunta (m²)", "Sospechosa (m²)"),
    ("es", "D.retenidas", "D.conservadas"),
    // Renamed in 1.1: "last reported in 2019" read as a year of submission.
    ("en", "Last reported (year covered)", "Last reported in"),
    (
        "fr",
        "Dernier rapport (année couverte)",
        "Dernier rapport en",
    ),
    ("es", "Último informe (año cubierto)", "Último informe en"),
];

/// `text` (a label or sheet name in `lang`) as earlier templates wrote it,
/// when a translator's pass changed a part of it.
pub fn earlier_spellings(text: &str, lang: &str) -> Vec<String> {
    EARLIER
        .iter()
        .filter(|(l, now, _)| *l == lang && text.contains(now))
        .map(|(_, now, before)| text.replace(now, before))
        .collect()
}

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
        "Le rapport : État, période, date de présentation, contact",
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
        "Formulaire B : les stocks, un type de mine par ligne",
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
        "Formulaire C : mines de chaque zone (première colonne : l'identifiant de la zone)",
        "Formulario C: minas de cada zona (primera columna: el identificador de la zona)",
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
        "Formulaire F : jalons du plan de travail, un par ligne",
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
        "Formulario J: financiación aportada",
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

/// Sheet names in French and Spanish, by the layout's (English) name. Forms
/// `A`..`J` keep their letter. Every name fits Excel's 31 characters and
/// avoids the characters Excel forbids (`[]:*?/\\`).
const SHEET_NAMES: &[(&str, &str, &str)] = &[
    ("Report", "Rapport", "Informe"),
    ("A.measures", "A.mesures", "A.medidas"),
    ("B.stockpile", "B.stocks", "B.existencias"),
    (
        "B.previously_unknown",
        "B.stocks découverts",
        "B.existencias descubiertas",
    ),
    ("C.areas", "C.zones", "C.zonas"),
    ("C.areas.mines", "C.zones.mines", "C.zonas.minas"),
    ("D.retained", "D.conservées", "D.retenidas"),
    ("D.used", "D.utilisées", "D.utilizadas"),
    ("D.transferred", "D.transférées", "D.transferidas"),
    ("E.facilities", "E.installations", "E.instalaciones"),
    ("F.mine_clearance", "F.déminage", "F.desminado"),
    ("F.deadline_extensions", "F.prolongations", "F.prórrogas"),
    (
        "F.mine_clearance.work_plan",
        "F.déminage.plan de travail",
        "F.desminado.plan de trabajo",
    ),
    (
        "F.work_plan.milestones",
        "F.plan de travail.jalons",
        "F.plan de trabajo.hitos",
    ),
    (
        "G.stockpile_destroyed",
        "G.stocks détruits",
        "G.existencias destruidas",
    ),
    (
        "G.mined_area_destroyed",
        "G.détruites en zones minées",
        "G.destruidas en zonas minadas",
    ),
    (
        "G.previously_unknown_destroyed",
        "G.découvertes détruites",
        "G.descubiertas destruidas",
    ),
    ("H.mine_types", "H.types de mines", "H.tipos de minas"),
    ("I.measures", "I.mesures", "I.medidas"),
    (
        "J.victim_assistance",
        "J.assistance aux victimes",
        "J.asistencia a las víctimas",
    ),
    (
        "J.victim_assistance.plan",
        "J.assistance aux victimes.plan",
        "J.asistencia a víctimas.plan",
    ),
    ("J.plan.objectives", "J.plan.objectifs", "J.plan.objetivos"),
    ("J.cooperation", "J.coopération", "J.cooperación"),
    (
        "J.cooperation.needs",
        "J.coopération.besoins",
        "J.cooperación.necesidades",
    ),
    (
        "J.cooperation.received",
        "J.coopération.reçue",
        "J.cooperación.recibida",
    ),
    (
        "J.cooperation.provided",
        "J.coopération.fournie",
        "J.cooperación.prestada",
    ),
    (
        "J.cooperation.partnerships",
        "J.coopération.partenariats",
        "J.cooperación.asociaciones",
    ),
];

/// The name of sheet `name` (the layout's) in a workbook written in `lang`.
pub fn sheet_name(name: &str, lang: &str) -> String {
    SHEET_NAMES
        .iter()
        .find(|(en, ..)| *en == name)
        .map(|(en, fr, es)| pick(en, fr, es, lang))
        .unwrap_or(name)
        .to_owned()
}

/// The layout's name of a sheet called `written` in a workbook of any
/// language (ignoring case), with the language its name is in (`None` for
/// a name that is the same in every language, such as `A`).
pub fn sheet_by_name(written: &str) -> Option<(&'static str, Option<&'static str>)> {
    let same = |a: &str| a == written || a.to_lowercase() == written.to_lowercase();
    // A name an earlier template used (`D.conservadas`).
    let written = EARLIER
        .iter()
        .find(|(_, _, before)| same(before))
        .map_or(written, |(_, now, _)| *now);
    let same = |a: &str| a == written || a.to_lowercase() == written.to_lowercase();
    SHEET_NAMES.iter().find_map(|(en, fr, es)| {
        if same(en) {
            Some((*en, Some("en")))
        } else if same(fr) {
            Some((*en, Some("fr")))
        } else if same(es) {
            Some((*en, Some("es")))
        } else {
            None
        }
    })
}

/// The label of a code of the report model (`provided` → "fourni").
pub fn code(code: &str, lang: &str) -> String {
    crate::i18n::code_label(code, lang).unwrap_or_else(|| code.to_owned())
}

/// Lowercases and collapses spaces, so that `  Fourni ` matches `fourni`.
pub fn normal(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The code among `codes` that `text` names: the code itself or its label
/// in any language, ignoring case and repeated spaces.
pub fn code_of<'c>(text: &str, codes: &'c [String]) -> Option<&'c str> {
    let t = normal(text);
    // `ZDC (zone dangereuse confirmée)` is also typed `ZDC` or spelt out.
    let names = |label: String| {
        let label = normal(&label);
        let mut out = vec![label.clone()];
        if let Some((short, long)) = label.strip_suffix(')').and_then(|l| l.split_once(" (")) {
            out.push(short.to_owned());
            out.push(long.to_owned());
        }
        out
    };
    codes
        .iter()
        .map(String::as_str)
        .find(|c| normal(c) == t || LANGUAGES.iter().any(|l| names(code(c, l)).contains(&t)))
}

/// A boolean as people type it in any of the workbook languages (`VRAI`,
/// `oui`, `sí`, `TRUE`, `1`, …).
pub fn boolean(text: &str) -> Option<bool> {
    match normal(text).as_str() {
        "true" | "yes" | "vrai" | "oui" | "verdadero" | "sí" | "si" | "1" => Some(true),
        "false" | "no" | "faux" | "non" | "falso" | "0" => Some(false),
        _ => None,
    }
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
    /// Caption of column A of key/value sheets (the field's label).
    Field,
    /// "Required." before a help text.
    Required,
    /// Help of a text field.
    HelpText,
    /// Help of a date field.
    HelpDate,
    /// Help of a whole-number field.
    HelpInteger,
    /// Help of a number field.
    HelpNumber,
    /// Help of a true/false field.
    HelpBoolean,
    /// Help of a list in one cell.
    HelpList,
    /// Body of the message of a date cell given something else.
    Date,
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
            "Ligne parente (son identifiant)",
            "Fila principal (su identificador)",
        ),
        Ui::Field => ("field", "champ", "campo"),
        Ui::Required => ("Required.", "Obligatoire.", "Obligatorio."),
        Ui::HelpText => ("Text.", "Texte libre.", "Texto libre."),
        Ui::HelpDate => (
            "A date, for example 2020-04-30.",
            "Une date, par exemple 30/04/2020.",
            "Una fecha, por ejemplo 30/04/2020.",
        ),
        Ui::HelpInteger => (
            "A whole number, in digits (1234 or 1,234).",
            "Un nombre entier, en chiffres (1234 ou 1 234).",
            "Un número entero, en cifras (1234 o 1.234).",
        ),
        Ui::HelpNumber => (
            "A number, with a decimal point (12.5).",
            "Un nombre, avec une virgule décimale (12,5).",
            "Un número, con coma decimal (12,5).",
        ),
        Ui::HelpBoolean => ("yes or no.", "oui ou non.", "sí o no."),
        Ui::HelpList => (
            "One or more items, separated by semicolons (;) or one per line.",
            "Un ou plusieurs éléments, séparés par des points-virgules (;) ou un par ligne.",
            "Uno o varios elementos, separados por punto y coma (;) o uno por línea.",
        ),
        Ui::Date => (
            "Write a date, for example 2020-04-30.",
            "Écrivez une date, par exemple 30/04/2020.",
            "Escriba una fecha, por ejemplo 30/04/2020.",
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
        "Sheets of fields (Report, A, B, …): column A names the field, column B holds its value. Column C holds the field's technical key and column D explains the field; they are not read. Do not change columns A and C.",
        "Table sheets (A.measures, C.areas, …): row 1 names the columns and row 2 holds their technical keys; write one item per row from row 3 on. Do not change rows 1 and 2. Empty rows are skipped.",
        "Nested tables name their parent row in the first column: in C.areas.mines, it holds the identifier of the area in C.areas.",
        "Each form starts with its cover-page mark: provided (fill in the form), unchanged (give the year covered by the report that last gave the form, not the year it was submitted) or not applicable (give the reason). Forms A to I are required; Form J is voluntary.",
        "Dates: type them as your spreadsheet accepts dates, or as text in the form yyyy-mm-dd, for example 2019-12-31.",
        "Numbers: type them as usual in English (1,234.5). Text such as 1.000, which could mean one or one thousand, is reported with the way it was read.",
        "Lists in one cell (lot numbers, methods, sites, activities covered, areas): separate the items with a semicolon, or put one item per line.",
        "Leave a cell empty when there is nothing to report. Write [] for a list that is deliberately empty (for example a stockpile of zero).",
        "Drop-down lists offer the allowed values; whole-number and date cells warn about other input. Areas are in square metres, never km².",
        "Do not rename, delete or add sheets: a sheet the report model does not know is reported. This sheet is not read.",
        "Check the report with: article7 validate report.xlsx (every finding names the field, the sheet and the cell).",
    ];
    const FR: &[&str] = &[
        "Ce classeur constitue un rapport. Remplissez la feuille Rapport, puis une feuille par formulaire (A à J) et les feuilles qui suivent chaque formulaire.",
        "Feuilles de champs (Rapport, A, B, …) : la colonne A nomme le champ, la colonne B en contient la valeur. La colonne C donne la clé technique du champ et la colonne D l'explique ; elles ne sont pas lues. Ne modifiez pas les colonnes A et C.",
        "Feuilles de tableau (A.mesures, C.zones, …) : la ligne 1 nomme les colonnes et la ligne 2 donne leurs clés techniques ; inscrivez un élément par ligne à partir de la ligne 3. Ne modifiez pas les lignes 1 et 2. Les lignes vides sont ignorées.",
        "Les tableaux imbriqués indiquent leur ligne parente dans la première colonne : dans C.zones.mines, celle-ci contient l'identifiant de la zone dans C.zones.",
        "Chaque formulaire commence par sa case de la page de couverture : fourni (remplissez le formulaire), inchangé (indiquez l'année couverte par le rapport qui a donné le formulaire en dernier, et non l'année de sa soumission) ou sans objet (indiquez le motif). Les formulaires A à I sont obligatoires ; le formulaire J est facultatif.",
        "Dates : saisissez-les comme votre tableur accepte les dates (30/04/2020), ou sous forme de texte aaaa-mm-jj, par exemple 2019-12-31.",
        "Nombres : saisissez-les comme d'habitude en français (1 234,5). Un texte tel que 1.000, qui peut signifier un ou mille, est signalé avec la lecture retenue.",
        "Listes dans une cellule (numéros de lot, méthodes, sites, activités visées, zones) : séparez les éléments par un point-virgule, ou inscrivez un élément par ligne.",
        "Laissez une cellule vide s'il n'y a rien à signaler. Écrivez [] pour une liste délibérément vide (par exemple un stock nul).",
        "Les listes déroulantes proposent les valeurs admises ; les cellules de nombres entiers et de dates signalent toute autre saisie. Les superficies sont en mètres carrés, jamais en km².",
        "Ne renommez, ne supprimez ni n'ajoutez de feuilles : une feuille que le modèle de rapport ne connaît pas est signalée. Cette feuille n'est pas lue.",
        "Vérifiez le rapport avec : article7 validate rapport.xlsx --lang fr (chaque constat nomme le champ, la feuille et la cellule).",
    ];
    const ES: &[&str] = &[
        "Este libro constituye un informe. Rellene la hoja Informe, luego una hoja por formulario (A a J) y las hojas que siguen a cada formulario.",
        "Hojas de campos (Informe, A, B, …): la columna A nombra el campo y la columna B contiene su valor. La columna C indica la clave técnica del campo y la columna D lo explica; no se leen. No modifique las columnas A y C.",
        "Hojas de tabla (A.medidas, C.zonas, …): la fila 1 nombra las columnas y la fila 2 indica sus claves técnicas; escriba un elemento por fila a partir de la fila 3. No modifique las filas 1 y 2. Las filas vacías se omiten.",
        "Las tablas anidadas indican su fila principal en la primera columna: en C.zonas.minas, esta contiene el identificador de la zona en C.zonas.",
        "Cada formulario empieza con su casilla de portada: presentado (rellene el formulario), sin cambios (indique el año cubierto por el último informe que proporcionó el formulario, no el año de su presentación) o no aplicable (indique el motivo). Los formularios A a I son obligatorios; el formulario J es voluntario.",
        "Fechas: escríbalas como su hoja de cálculo acepta las fechas (30/04/2020), o como texto con la forma aaaa-mm-dd, por ejemplo 2019-12-31.",
        "Números: escríbalos como de costumbre en español (1.234,5). Un texto como 1.000, que puede significar uno o mil, se señala indicando cómo se leyó.",
        "Listas en una celda (números de lote, métodos, lugares, actividades abarcadas, zonas): separe los elementos con punto y coma, o escriba un elemento por línea.",
        "Deje la celda vacía cuando no haya nada que informar. Escriba [] para una lista vacía a propósito (por ejemplo, existencias nulas).",
        "Las listas desplegables ofrecen los valores admitidos; las celdas de números enteros y de fechas advierten de cualquier otro valor. Las superficies se expresan en metros cuadrados, nunca en km².",
        "No cambie el nombre de las hojas, ni las elimine ni añada otras: se señala toda hoja que el modelo de informe no conoce. Esta hoja no se lee.",
        "Verifique el informe con: article7 validate informe.xlsx --lang es (cada constatación nombra el campo, la hoja y la celda).",
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
    fn earlier_spellings_still_name_their_field_and_sheet() {
        assert_eq!(
            sheet_by_name("D.conservadas"),
            Some(("D.retained", Some("es")))
        );
        assert_eq!(
            sheet_by_name("D.retenidas"),
            Some(("D.retained", Some("es")))
        );
        assert_eq!(
            earlier_spellings("Jalons › Année", "fr"),
            ["Étapes › Année"]
        );
        let l = super::super::layout::Layout::get();
        let report = &l.sheets[l.sheet("Report").unwrap()];
        assert_eq!(
            report.field_by_key_or_label("Soumis le"),
            report.field("submitted_on")
        );
        assert_eq!(
            report.field_by_key_or_label("Présenté le"),
            report.field("submitted_on")
        );
        // Every earlier text is in use: its current text is a title or a
        // sheet name of its language.
        for (lang, now, _) in EARLIER {
            let used = TITLES.iter().any(|t| pick(t.0, t.1, t.2, lang) == *now)
                || SHEET_NAMES
                    .iter()
                    .any(|t| pick(t.0, t.1, t.2, lang) == *now);
            assert!(used, "{now}");
        }
    }

    /// Every title of the schema has its French and Spanish: a label the
    /// workbook shows, or a field a finding names.
    #[test]
    fn every_schema_title_is_translated() {
        fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
            match v {
                serde_json::Value::Object(m) => {
                    if let Some(serde_json::Value::String(t)) = m.get("title") {
                        out.push(t.clone());
                    }
                    m.values().for_each(|x| walk(x, out));
                }
                serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
                _ => {}
            }
        }
        let schema: serde_json::Value =
            serde_json::from_str(crate::schema::EMBEDDED_SCHEMA).unwrap();
        let mut titles = Vec::new();
        walk(&schema, &mut titles);
        let missing: Vec<_> = titles
            .iter()
            .filter(|t| {
                !TITLES
                    .iter()
                    .any(|(en, fr, es)| en == t && !fr.is_empty() && !es.is_empty())
            })
            .collect();
        assert!(missing.is_empty(), "{missing:?}");
    }

    #[test]
    fn titles_are_listed_once() {
        let mut seen = std::collections::HashSet::new();
        for (en, _, _) in TITLES {
            assert!(seen.insert(*en), "{en} twice");
        }
    }
}
