//! The provider-type catalogue: the types of docs/domain.md §5 with their labels, sectors, weights,
//! name templates and phrase banks, read from the TOML files embedded from `catalogue/`.

use rand::distr::weighted::WeightedIndex;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::LazyLock;

const POOLS: &str = include_str!("../catalogue/pools.toml");
const TYPE_FILES: [&str; 6] = [
    include_str!("../catalogue/types_social.toml"),
    include_str!("../catalogue/types_housing.toml"),
    include_str!("../catalogue/types_health.toml"),
    include_str!("../catalogue/types_ageing.toml"),
    include_str!("../catalogue/types_family.toml"),
    include_str!("../catalogue/types_migration.toml"),
];

/// A French / Dutch pair; an empty Dutch text means "no Dutch version".
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Pair(pub String, pub String);

/// A labelled code: sector or legal status.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Labelled {
    pub key: String,
    pub id: u64,
    pub fr: String,
    pub nl: String,
}

/// Which language community an authority works in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Side {
    Fr,
    Nl,
    Both,
}

/// An authority that approves or funds providers.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Authority {
    pub key: String,
    pub side: Side,
    pub fr: String,
    pub nl: String,
}

/// A landmark: plain FR name, FR name with "de" + article, NL name.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Landmark(pub String, pub String, pub String);

/// The opening-hours pattern family of a provider type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum HoursProfile {
    Office,
    Appointment,
    H24,
    Night,
    Daycenter,
    Creche,
    Meals,
    Shop,
    Distribution,
    Residential,
    Afterschool,
    Hospital,
    Courses,
}

/// Which languages a provider type may be described in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum TypeLang {
    /// Bilingual, French-only or Dutch-only.
    #[default]
    Any,
    /// French-only (the type has no Dutch name).
    Fr,
}

/// One provider type as written in the TOML catalogue.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct ProviderType {
    pub key: String,
    pub id: u64,
    pub fr: String,
    #[serde(default)]
    pub nl: Option<String>,
    pub sectors: Vec<String>,
    pub weight: u32,
    #[serde(default)]
    pub lang: TypeLang,
    pub legal: Vec<String>,
    pub authorities: Vec<String>,
    pub hours: HoursProfile,
    #[serde(default)]
    pub related: Vec<String>,
    #[serde(default)]
    pub acronyms: Vec<Pair>,
    pub names: Vec<Pair>,
    #[serde(default)]
    pub services: Vec<Pair>,
    pub mission: Vec<Pair>,
    pub activities: Vec<Pair>,
    pub public: Vec<Pair>,
}

/// A provider type with its references resolved to indices.
#[derive(Debug)]
pub(crate) struct TypeEntry {
    /// Index in [`Catalogue::types`].
    pub position: usize,
    pub def: ProviderType,
    pub sectors: Vec<usize>,
    pub legal: Vec<usize>,
    pub authorities: Vec<usize>,
    pub related: Vec<usize>,
}

#[derive(Debug, Deserialize)]
struct PoolsFile {
    sectors: Vec<Labelled>,
    legal_statuses: Vec<Labelled>,
    authorities: Vec<Authority>,
    plants: Vec<Pair>,
    mottos: Vec<Pair>,
    saints: Vec<Pair>,
    persons: Vec<String>,
    landmarks: Vec<Landmark>,
    access_modes: Vec<Pair>,
    remarks: Vec<Pair>,
    publications: Vec<Pair>,
    hours_notes: Vec<Pair>,
}

#[derive(Debug, Deserialize)]
struct TypesFile {
    types: Vec<ProviderType>,
}

/// The whole catalogue, resolved.
#[derive(Debug)]
pub(crate) struct Catalogue {
    pub types: Vec<TypeEntry>,
    pub type_weights: WeightedIndex<u32>,
    pub sectors: Vec<Labelled>,
    pub legal_statuses: Vec<Labelled>,
    pub authorities: Vec<Authority>,
    pub plants: Vec<Pair>,
    pub mottos: Vec<Pair>,
    pub saints: Vec<Pair>,
    pub persons: Vec<String>,
    pub landmarks: Vec<Landmark>,
    pub access_modes: Vec<Pair>,
    pub remarks: Vec<Pair>,
    pub publications: Vec<Pair>,
    pub hours_notes: Vec<Pair>,
}

/// The embedded catalogue. Its validity is an invariant checked by this module's tests.
pub(crate) static CATALOGUE: LazyLock<Catalogue> =
    LazyLock::new(|| load().expect("embedded catalogue is valid (see catalogue tests)"));

const PLACEHOLDERS: [&str; 10] = [
    "commune",
    "de_commune",
    "quartier",
    "street",
    "plant",
    "motto",
    "saint",
    "person",
    "landmark",
    "de_landmark",
];

/// Parses and validates the embedded TOML files.
pub(crate) fn load() -> Result<Catalogue, String> {
    let pools: PoolsFile = toml::from_str(POOLS).map_err(|error| format!("pools.toml: {error}"))?;
    let mut definitions = Vec::new();
    for (index, text) in TYPE_FILES.iter().enumerate() {
        let file: TypesFile =
            toml::from_str(text).map_err(|error| format!("type file {index}: {error}"))?;
        definitions.extend(file.types);
    }
    let type_index = index_of(definitions.iter().map(|def| def.key.as_str()), "type")?;
    let sector_index = index_of(
        pools.sectors.iter().map(|sector| sector.key.as_str()),
        "sector",
    )?;
    let legal_index = index_of(
        pools.legal_statuses.iter().map(|legal| legal.key.as_str()),
        "legal",
    )?;
    let authority_index = index_of(
        pools.authorities.iter().map(|a| a.key.as_str()),
        "authority",
    )?;
    let mut ids: Vec<u64> = definitions.iter().map(|def| def.id).collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.len() != definitions.len() {
        return Err("duplicate category id".into());
    }

    let mut types = Vec::with_capacity(definitions.len());
    for def in definitions {
        check_type(&def)?;
        let resolve = |keys: &[String], index: &HashMap<String, usize>| {
            keys.iter()
                .map(|key| {
                    index
                        .get(key)
                        .copied()
                        .ok_or(format!("{}: unknown key {key}", def.key))
                })
                .collect::<Result<Vec<usize>, String>>()
        };
        types.push(TypeEntry {
            position: types.len(),
            sectors: resolve(&def.sectors, &sector_index)?,
            legal: resolve(&def.legal, &legal_index)?,
            authorities: resolve(&def.authorities, &authority_index)?,
            related: resolve(&def.related, &type_index)?,
            def,
        });
    }
    let type_weights = WeightedIndex::new(types.iter().map(|entry| entry.def.weight))
        .map_err(|error| format!("type weights: {error}"))?;
    Ok(Catalogue {
        types,
        type_weights,
        sectors: pools.sectors,
        legal_statuses: pools.legal_statuses,
        authorities: pools.authorities,
        plants: pools.plants,
        mottos: pools.mottos,
        saints: pools.saints,
        persons: pools.persons,
        landmarks: pools.landmarks,
        access_modes: pools.access_modes,
        remarks: pools.remarks,
        publications: pools.publications,
        hours_notes: pools.hours_notes,
    })
}

fn index_of<'a>(
    keys: impl Iterator<Item = &'a str>,
    what: &str,
) -> Result<HashMap<String, usize>, String> {
    let mut index = HashMap::new();
    for (position, key) in keys.enumerate() {
        if index.insert(key.to_owned(), position).is_some() {
            return Err(format!("duplicate {what} key {key}"));
        }
    }
    Ok(index)
}

fn check_type(def: &ProviderType) -> Result<(), String> {
    let key = &def.key;
    let french_only = def.lang == TypeLang::Fr;
    if french_only == def.nl.is_some() {
        return Err(format!(
            "{key}: a type has a Dutch name unless it is French-only"
        ));
    }
    if def.names.is_empty() || def.mission.is_empty() || def.activities.len() < 2 {
        return Err(format!("{key}: needs names, a mission and two activities"));
    }
    if def.public.is_empty() || def.sectors.is_empty() || def.legal.is_empty() {
        return Err(format!(
            "{key}: needs an audience, a sector and a legal status"
        ));
    }
    if def.authorities.is_empty() || def.weight == 0 {
        return Err(format!("{key}: needs an authority and a weight"));
    }
    let banks = [
        &def.names,
        &def.mission,
        &def.activities,
        &def.public,
        &def.services,
    ];
    for pair in banks.into_iter().flatten() {
        if pair.0.is_empty() || french_only != pair.1.is_empty() {
            return Err(format!(
                "{key}: text pair {:?} does not match the type's languages",
                pair.0
            ));
        }
    }
    for template in def.names.iter().flat_map(|pair| [&pair.0, &pair.1]) {
        check_placeholders(template).map_err(|error| format!("{key}: {error}"))?;
    }
    Ok(())
}

fn check_placeholders(template: &str) -> Result<(), String> {
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let Some(length) = rest[start..].find('}') else {
            return Err(format!("unclosed placeholder in {template:?}"));
        };
        let name = &rest[start + 1..start + length];
        if !PLACEHOLDERS.contains(&name) {
            return Err(format!("unknown placeholder {{{name}}} in {template:?}"));
        }
        rest = &rest[start + length + 1..];
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_catalogue_is_valid() {
        let catalogue = load().unwrap();
        assert_eq!(
            catalogue.types.len(),
            45,
            "one type per row of docs/domain.md §5"
        );
        assert_eq!(catalogue.sectors.len(), 17);
        let mut used_sectors: Vec<usize> = catalogue
            .types
            .iter()
            .flat_map(|entry| entry.sectors.clone())
            .collect();
        used_sectors.sort_unstable();
        used_sectors.dedup();
        assert_eq!(used_sectors.len(), 17, "every sector is used by a type");
    }

    #[test]
    fn cdcs_ids_and_made_up_ids() {
        let catalogue = load().unwrap();
        let label_of = |id: u64| {
            catalogue
                .types
                .iter()
                .find(|entry| entry.def.id == id)
                .map(|entry| {
                    (
                        entry.def.fr.clone(),
                        entry.def.nl.clone().unwrap_or_default(),
                    )
                })
        };
        assert_eq!(
            label_of(43),
            Some(("Restaurants sociaux".into(), "Sociale restaurants".into()))
        );
        assert_eq!(
            label_of(454),
            Some(("Épiceries sociales".into(), "Sociale kruideniers".into()))
        );
        for entry in &catalogue.types {
            assert!(
                matches!(entry.def.id, 43 | 454 | 10_000..),
                "{}",
                entry.def.key
            );
        }
    }

    #[test]
    fn placeholders_are_checked() {
        assert!(check_placeholders("Maison médicale {plant}").is_ok());
        assert!(check_placeholders("Maison {nope}").is_err());
        assert!(check_placeholders("Maison {plant").is_err());
    }
}
