//! The real record shape (social.brussels organisation 13219: 52 keys, 23 in `address`) and
//! the provider-type table of docs/domain.md §5, written out here independently of the generator.

use serde_json::Value;

/// Keys whose value is a list of strings in the real record.
const LIST_KEYS: [&str; 32] = [
    "accessFr",
    "accessNl",
    "emailFr",
    "emailNl",
    "faxFr",
    "faxNl",
    "nameAlternativeFr",
    "nameAlternativeNl",
    "nameFormerFr",
    "nameFormerNl",
    "nameServiceFr",
    "nameServiceNl",
    "otherAgreementFr",
    "otherAgreementNl",
    "pmRp",
    "publicationFr",
    "publicationNl",
    "subventionFr",
    "subventionNl",
    "telFr",
    "telNl",
    "websiteBelgianOfficialJournalFr",
    "websiteBelgianOfficialJournalNl",
    "websiteInfoFr",
    "websiteInfoNl",
    "websiteOfficialFr",
    "websiteOfficialNl",
    "websiteUnofficialFr",
    "websiteUnofficialNl",
    "categoriesObject",
    "languages",
    "sectorsObjects",
];

/// Keys whose value is a string or null.
const TEXT_KEYS: [&str; 16] = [
    "activitiesFr",
    "activitiesNl",
    "descriptionFr",
    "descriptionNl",
    "nameOfficialFr",
    "nameOfficialNl",
    "permanencyFr",
    "permanencyNl",
    "publicFr",
    "publicNl",
    "remarkFr",
    "remarkNl",
    "startDate",
    "type",
    "categories",
    "lastUpdate",
];

/// The 52 keys of the real record.
const REAL_KEYS: [&str; 52] = [
    "id",
    "legalStatus",
    "isInterpreting",
    "address",
    "categories",
    "categoriesObject",
    "sectorsObjects",
    "nameOfficialFr",
    "nameOfficialNl",
    "descriptionFr",
    "descriptionNl",
    "activitiesFr",
    "activitiesNl",
    "accessFr",
    "accessNl",
    "permanencyFr",
    "permanencyNl",
    "publicFr",
    "publicNl",
    "publicationFr",
    "publicationNl",
    "remarkFr",
    "remarkNl",
    "pmRp",
    "langStatus",
    "lastUpdate",
    "startDate",
    "type",
    "nameAlternativeFr",
    "nameAlternativeNl",
    "nameFormerFr",
    "nameFormerNl",
    "nameServiceFr",
    "nameServiceNl",
    "telFr",
    "telNl",
    "emailFr",
    "emailNl",
    "faxFr",
    "faxNl",
    "websiteOfficialFr",
    "websiteOfficialNl",
    "websiteUnofficialFr",
    "websiteUnofficialNl",
    "websiteBelgianOfficialJournalFr",
    "websiteBelgianOfficialJournalNl",
    "websiteInfoFr",
    "websiteInfoNl",
    "otherAgreementFr",
    "otherAgreementNl",
    "subventionFr",
    "subventionNl",
];

/// The 23 keys of the real `address`.
const ADDRESS_KEYS: [&str; 23] = [
    "id",
    "x",
    "y",
    "lon",
    "lat",
    "municipalityFr",
    "municipalityNl",
    "streetFr",
    "streetNl",
    "number",
    "numberBuilding",
    "zipCode",
    "postalBox",
    "postalCodeFr",
    "postalCodeNl",
    "districtFr",
    "districtNl",
    "districtCode",
    "statisticsCode",
    "remarkFr",
    "remarkNl",
    "statisticsNameFr",
    "statisticsNameNl",
];

/// The 19 communes as `municipalityFr` writes them.
pub const COMMUNES_FR: [&str; 19] = [
    "ANDERLECHT",
    "AUDERGHEM",
    "BERCHEM-SAINTE-AGATHE",
    "BRUXELLES",
    "ETTERBEEK",
    "EVERE",
    "FOREST",
    "GANSHOREN",
    "IXELLES",
    "JETTE",
    "KOEKELBERG",
    "MOLENBEEK-SAINT-JEAN",
    "SAINT-GILLES",
    "SAINT-JOSSE-TEN-NOODE",
    "SCHAERBEEK",
    "UCCLE",
    "WATERMAEL-BOITSFORT",
    "WOLUWE-SAINT-LAMBERT",
    "WOLUWE-SAINT-PIERRE",
];

/// Every row of the provider-type table of docs/domain.md §5 (FR, NL; "—" rows have no NL name);
/// 43 and 454 carry the social.brussels category labels.
pub const PROVIDER_TYPES: [(&str, Option<&str>); 45] = [
    ("CPAS", Some("OCMW")),
    ("CASG (action sociale globale)", None),
    (
        "Centre d'aide aux personnes",
        Some("CAW (algemeen welzijnswerk)"),
    ),
    ("Médiation de dettes", Some("Schuldbemiddeling")),
    ("Restaurants sociaux", Some("Sociale restaurants")),
    ("Épiceries sociales", Some("Sociale kruideniers")),
    ("Colis alimentaires", Some("Voedselpakketten")),
    ("Maison médicale", Some("Wijkgezondheidscentrum")),
    (
        "Service de santé mentale",
        Some("Geestelijke gezondheidszorg (CGG)"),
    ),
    ("Planning familial", Some("Gezinsplanning")),
    ("Toxicomanies", Some("Verslavingszorg")),
    ("Maison d'accueil", Some("Onthaaltehuis")),
    ("Asile de nuit", Some("Nachtopvang")),
    ("Accueil de jour sans-abri", Some("Dagcentrum thuislozen")),
    ("Housing First", Some("Housing First")),
    ("Guidance à domicile", Some("Woonbegeleiding")),
    ("Aide aux familles", Some("Gezinszorg")),
    ("Soins infirmiers à domicile", Some("Thuisverpleging")),
    ("Coordination à domicile", Some("Thuiszorgcoördinatie")),
    ("Maison de repos (MR)", Some("Woonzorgcentrum")),
    (
        "Maison de repos et de soins",
        Some("Rust- en verzorgingstehuis"),
    ),
    ("Centre de jour (âgés)", Some("Dagverzorgingscentrum")),
    ("Résidence-services", Some("Assistentiewoningen")),
    ("Hôpital", Some("Ziekenhuis")),
    ("Habitation protégée (IHP)", Some("Beschut wonen")),
    (
        "Soins psychiatriques (MSP)",
        Some("Psychiatrisch verzorgingstehuis"),
    ),
    ("Aide aux justiciables", Some("Justitieel welzijnswerk")),
    ("Aide aux victimes", Some("Slachtofferhulp")),
    ("Accueil demandeurs d'asile", Some("Opvang asielzoekers")),
    ("Agence immobilière sociale", Some("Sociaal verhuurkantoor")),
    (
        "Logement social (SISP)",
        Some("Openbare vastgoedmaatschappij"),
    ),
    ("Accompagnement handicap", Some("Begeleidingsdienst")),
    ("Centre de jour handicap", Some("Dagcentrum")),
    ("Travail adapté (ETA)", Some("Maatwerkbedrijf")),
    ("Aide en milieu ouvert", None),
    ("Consultation ONE", Some("Kind en Gezin")),
    ("Crèche", Some("Kinderopvang")),
    ("École de devoirs", Some("Huiswerkbegeleiding")),
    ("Alphabétisation", Some("Alfabetisering")),
    ("Interprétariat social", Some("Sociaal tolken")),
    ("BAPA primo-arrivants", Some("Onthaalbureau inburgering")),
    ("Maison de quartier", Some("Buurthuis")),
    ("Télévigilance", Some("Personenalarmcentrale")),
    (
        "Service social mutualité",
        Some("Maatschappelijk werk ziekenfonds"),
    ),
    ("Centre PMS", Some("Leerlingenbegeleiding (CLB)")),
];

fn is_dd_mm_yy(date: &str) -> bool {
    let parts: Vec<&str> = date.split('/').collect();
    let numbers: Vec<u32> = parts.iter().filter_map(|part| part.parse().ok()).collect();
    parts.len() == 3
        && parts.iter().all(|part| part.len() == 2)
        && numbers.len() == 3
        && (1..=31).contains(&numbers[0])
        && (1..=12).contains(&numbers[1])
        && (19..=26).contains(&numbers[2])
}

/// Panics unless `record` has the real keys with the real types.
pub fn check(record: &Value) {
    let object = record.as_object().expect("record is an object");
    let mut expected: Vec<&str> = REAL_KEYS.to_vec();
    expected.extend(["synthetic", "languages"]);
    let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
    keys.sort_unstable();
    expected.sort_unstable();
    assert_eq!(keys, expected);
    for key in LIST_KEYS {
        let value = &record[key];
        assert!(
            value.is_array() || (key == "sectorsObjects" && value.is_null()),
            "{key}: {value}"
        );
    }
    for key in TEXT_KEYS {
        assert!(record[key].is_string() || record[key].is_null(), "{key}");
    }
    assert!(record["id"].is_u64() && record["isInterpreting"].is_boolean());
    assert!(
        is_dd_mm_yy(record["lastUpdate"].as_str().unwrap()),
        "{}",
        record["lastUpdate"]
    );
    let legal = &record["legalStatus"];
    assert!(legal["id"].is_u64() && legal["labelFr"].is_string() && legal["labelNl"].is_string());
    let categories = record["categoriesObject"].as_array().unwrap();
    assert!((1..=3).contains(&categories.len()));

    let address = record["address"].as_object().expect("address is an object");
    let mut keys: Vec<&str> = address.keys().map(String::as_str).collect();
    let mut expected = ADDRESS_KEYS.to_vec();
    keys.sort_unstable();
    expected.sort_unstable();
    assert_eq!(keys, expected);
    let zip = address["zipCode"].as_u64().expect("zipCode is an integer");
    let municipality = address["municipalityFr"].as_str().unwrap();
    assert_eq!(
        address["postalCodeFr"].as_str().unwrap(),
        format!("{zip} {municipality}")
    );
    assert_eq!(municipality, municipality.to_uppercase());
    assert!(address["x"].is_i64() || address["x"].is_null());
    assert!(address["districtCode"].is_string() || address["districtCode"].is_null());

    // A French-only record has no Dutch text, and the reverse.
    let status = record["langStatus"].as_str().unwrap();
    for (suffix, absent_when) in [("Nl", "FR"), ("Fr", "NL")] {
        if status != absent_when {
            continue;
        }
        for (key, value) in object.iter().filter(|(key, _)| key.ends_with(suffix)) {
            let empty = value.is_null() || value.as_array().is_some_and(Vec::is_empty);
            assert!(empty, "{status} record has {key}: {value}");
        }
    }
    let languages: Vec<&str> = record["languages"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(languages.contains(&"fr"), status != "NL");
    assert_eq!(languages.contains(&"nl"), status != "FR");
}
