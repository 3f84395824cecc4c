//! Whom a service serves, decided once its locations are tagged: an area a source declared
//! in a structured field stays; otherwise one read from the record's texts (audience,
//! remark, access, description); otherwise a rule of its kind (a CPAS, a commune's service
//! serves its commune); otherwise unknown. Each decision is an info diagnostic.

mod cues;
mod declared;
mod extract;
mod lexicon;
mod names;
mod sentence;

pub use extract::{extract, Extracted, Home};

use crate::normalize::info;
use orienta_model::{AreaStatus, I18nText, Organisation, QualityCode, ServiceArea};
use orienta_territory::Tagger;

/// Legal statuses and categories whose services serve their own commune (folded words).
const OWN_COMMUNE_KINDS: &[&str] = &[
    "cpas",
    "ocmw",
    "service public commune",
    "openbare dienst gemeente",
];

/// Sets `organisation.serves` and reports how it was decided (once the locations are tagged).
pub fn assign(organisation: &mut Organisation, tagger: &Tagger) {
    let territory = organisation
        .locations
        .first()
        .and_then(|location| location.territory.as_ref())
        .filter(|territory| territory.in_region);
    let own_commune = territory
        .and_then(|t| t.commune.as_ref())
        .map(|c| c.nis.clone());
    let home = Home {
        commune: own_commune.as_deref(),
        quartier: territory.and_then(|t| t.quartier.as_ref()).map(|q| q.code),
    };
    if let Some(area) = read_stated(&organisation.serves, home, tagger) {
        let how = if area.status == AreaStatus::Declared {
            "declared"
        } else {
            "extracted"
        };
        organisation.serves = area;
        report(organisation, tagger, how);
        return;
    }
    organisation.serves = ServiceArea::default();
    if let Some(area) = from_texts(organisation, home, tagger) {
        organisation.serves = area;
        report(organisation, tagger, "extracted");
        return;
    }
    if let Some(nis) = own_commune.filter(|_| serves_own_commune(organisation)) {
        organisation.serves = ServiceArea {
            communes: vec![nis],
            status: AreaStatus::Inferred,
            evidence: Some("rule: a CPAS or a commune's service serves its commune".to_owned()),
            ..ServiceArea::default()
        };
        report(organisation, tagger, "inferred");
    }
}

/// An area a source states in a structured field (HSDS `service_areas`, a partner's `serves`
/// column), to read once the record is tagged.
pub(crate) fn stated(text: String, field: &str) -> ServiceArea {
    ServiceArea {
        evidence: Some(text),
        field: Some(field.to_owned()),
        ..ServiceArea::default()
    }
}

/// A stated area: declared when it is a list of places (`Schaerbeek; Evere`, `1030, 1140`,
/// `region`, `bassin:nord`, NIS codes), otherwise read as text.
fn read_stated(stated: &ServiceArea, home: Home<'_>, tagger: &Tagger) -> Option<ServiceArea> {
    let text = stated.evidence.as_deref()?;
    let mut area = match declared::list(text, tagger) {
        Some(area) => area,
        None => {
            let found = extract(text, home, tagger);
            if found.is_empty() {
                return None;
            }
            found.into_area()
        }
    };
    area.evidence = Some(text.to_owned());
    area.field = stated.field.clone();
    area.normalise();
    Some(area)
}

/// The area the texts state, the first field that says one winning.
fn from_texts(organisation: &Organisation, home: Home<'_>, tagger: &Tagger) -> Option<ServiceArea> {
    let fields: [(&str, &I18nText); 4] = [
        ("audience", &organisation.audience),
        ("remark", &organisation.remark),
        ("access", &organisation.access),
        ("description", &organisation.description),
    ];
    for (name, text) in fields {
        for (lang, value) in [("fr", &text.fr), ("nl", &text.nl), ("en", &text.en)] {
            let Some(value) = value.as_deref() else {
                continue;
            };
            let found = extract(value, home, tagger);
            if found.is_empty() {
                continue;
            }
            let evidence = found.evidence.join(" ");
            let mut area = found.into_area();
            area.evidence = Some(evidence);
            area.field = Some(format!("{name}.{lang}"));
            area.normalise();
            return Some(area);
        }
    }
    None
}

fn serves_own_commune(organisation: &Organisation) -> bool {
    let legal = organisation.legal_status.iter();
    let labels = legal
        .chain(&organisation.categories)
        .flat_map(|term| [&term.label.fr, &term.label.nl])
        .flatten();
    let names = [&organisation.name.fr, &organisation.name.nl]
        .into_iter()
        .flatten();
    let kind_word = |text: &String| {
        let folded = orienta_text::fold(text);
        OWN_COMMUNE_KINDS.iter().any(|kind| {
            folded == *kind
                || folded.starts_with(&format!("{kind} "))
                || folded.ends_with(&format!(" {kind}"))
        })
    };
    labels.chain(names).any(kind_word)
}

/// An info diagnostic saying what the area is and how it is known.
fn report(organisation: &mut Organisation, tagger: &Tagger, how: &str) {
    let area = &organisation.serves;
    let mut parts: Vec<String> = Vec::new();
    if area.region {
        parts.push("the whole Region".to_owned());
    }
    let commune_name = |nis: &String| {
        tagger
            .commune(nis)
            .map_or_else(|| nis.clone(), |c| c.fr.clone())
    };
    parts.extend(area.communes.iter().map(commune_name));
    parts.extend(
        area.bassins
            .iter()
            .map(|bassin| format!("bassin {}", bassin.label_fr())),
    );
    parts.extend(area.quartiers.iter().map(|code| format!("quartier {code}")));
    let excluded: Vec<String> = area.except_communes.iter().map(commune_name).collect();
    let mut message = format!("serves {} ({how}", parts.join(", "));
    if parts.is_empty() {
        message = format!("serves an unnamed area ({how}");
    }
    if let Some(evidence) = &area.evidence {
        message.push_str(&format!(
            ": `{}`",
            evidence.chars().take(200).collect::<String>()
        ));
    }
    message.push(')');
    if !excluded.is_empty() {
        message.push_str(&format!("; except {}", excluded.join(", ")));
    }
    let field = area.field.clone().unwrap_or_else(|| "serves".to_owned());
    organisation
        .quality
        .push(info(QualityCode::ServiceArea, &field, message));
    organisation.quality.shrink_to_fit();
}
