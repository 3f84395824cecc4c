//! Turning a canonical organisation into index documents, one per location.

use crate::audience;
use crate::hours;
use crate::schema::Fields;
use orienta_model::{CareLine, I18nText, Lang, Organisation};
use orienta_text::fold;
use orienta_thesaurus::Thesaurus;
use std::collections::BTreeSet;
use tantivy::schema::Facet;
use tantivy::TantivyDocument;

/// The needs of the record's source categories, with their broader concepts. A record whose
/// categories name no need is what its name and the first sentence of its description say
/// (an energy-advice service that lists "payment plans" among its activities is not a
/// debt-mediation service); all its needs only when those say nothing either.
pub fn primary_needs(thesaurus: &Thesaurus, organisation: &Organisation) -> BTreeSet<String> {
    let from_categories: Vec<String> = organisation
        .categories
        .iter()
        .flat_map(|category| {
            thesaurus.concepts_for_category(
                category.id,
                category.label.get(Lang::Fr),
                category.label.get(Lang::Nl),
            )
        })
        .filter(|need| organisation.needs.contains(need))
        .collect();
    if !from_categories.is_empty() {
        return needs_with_broader(thesaurus, &from_categories);
    }
    let from_summary = summary_needs(thesaurus, organisation);
    if !from_summary.is_empty() {
        return needs_with_broader(thesaurus, &from_summary);
    }
    needs_with_broader(thesaurus, &organisation.needs)
}

/// The record's needs named in its names or in the first sentence of its descriptions.
fn summary_needs(thesaurus: &Thesaurus, organisation: &Organisation) -> Vec<String> {
    let mut summary = String::new();
    for lang in [Lang::Fr, Lang::Nl] {
        push_text(&mut summary, organisation.name.get(lang));
        push_text(
            &mut summary,
            organisation.description.get(lang).map(first_sentence),
        );
    }
    thesaurus
        .needs_for_text(&summary)
        .into_iter()
        .filter(|need| organisation.needs.contains(need))
        .collect()
}

/// The first sentence of the first line of a text (a list of activities often follows).
fn first_sentence(text: &str) -> &str {
    let line = text.split('\n').next().unwrap_or(text);
    orienta_text::sentences(line)
        .first()
        .copied()
        .unwrap_or(line)
}

/// The need concepts of a record plus every broader concept, so that filtering on a broad
/// need also finds records tagged with a narrower one.
pub fn needs_with_broader(thesaurus: &Thesaurus, needs: &[String]) -> BTreeSet<String> {
    let mut all = BTreeSet::new();
    let mut pending: Vec<String> = needs.to_vec();
    while let Some(need) = pending.pop() {
        if !all.insert(need.clone()) {
            continue;
        }
        if let Some(concept) = thesaurus.concept(&need) {
            pending.extend(concept.broader.iter().cloned());
        }
    }
    all
}

fn push_text(target: &mut String, text: Option<&str>) {
    let Some(text) = text else { return };
    if !target.is_empty() {
        target.push('\n');
    }
    target.push_str(text);
}

/// The texts of an organisation in one language (descriptions, categories, need labels).
pub(crate) fn language_text(
    organisation: &Organisation,
    thesaurus: &Thesaurus,
    lang: Lang,
) -> String {
    let mut text = String::new();
    let texts: [&I18nText; 4] = [
        &organisation.description,
        &organisation.audience,
        &organisation.access,
        &organisation.remark,
    ];
    for part in texts {
        push_text(&mut text, part.get(lang));
    }
    for category in &organisation.categories {
        push_text(&mut text, category.label.get(lang));
    }
    for need in &organisation.needs {
        let label = thesaurus
            .concept(need)
            .and_then(|concept| concept.label.get(lang));
        push_text(&mut text, label);
    }
    text
}

/// The documents of one organisation: one per location (one without location when it has none).
pub fn documents(
    organisation: &Organisation,
    record_json: &str,
    thesaurus: &Thesaurus,
    fields: &Fields,
) -> Vec<TantivyDocument> {
    let needs = needs_with_broader(thesaurus, &organisation.needs);
    let primary = primary_needs(thesaurus, organisation);
    let serves = crate::serves::terms(&organisation.serves);
    let audience_text = fold(&format!(
        "{} {}",
        organisation.audience.fr.as_deref().unwrap_or_default(),
        organisation.audience.nl.as_deref().unwrap_or_default()
    ));
    let audiences = audience::audiences(&audience_text, &organisation.needs);
    let text_fr = language_text(organisation, thesaurus, Lang::Fr);
    let text_nl = language_text(organisation, thesaurus, Lang::Nl);
    let mut names_any: Vec<&str> = organisation.name.iter().map(|(_, text)| text).collect();
    names_any.extend(organisation.official_name.iter().map(|(_, text)| text));
    names_any.extend(organisation.alt_names.iter().map(String::as_str));
    names_any.extend(organisation.former_names.iter().map(String::as_str));
    let first_line = u64::from(organisation.care_line == Some(CareLine::FirstLine));
    let reserved = crate::reserved::flags(organisation, &audience_text);
    let taught = taught(thesaurus, organisation, (&text_fr, &text_nl));
    let encoded_hours = hours::encode(&organisation.schedule);

    let location_count = organisation.locations.len().max(1);
    (0..location_count)
        .map(|location_index| {
            let mut doc = TantivyDocument::default();
            doc.add_text(fields.org_id, &organisation.id);
            doc.add_u64(fields.location_index, location_index as u64);
            doc.add_text(fields.record, record_json);
            for (lang, field) in [(Lang::Fr, fields.name_fr), (Lang::Nl, fields.name_nl)] {
                if let Some(name) = organisation.name.get(lang) {
                    doc.add_text(field, name);
                }
            }
            for name in &names_any {
                doc.add_text(fields.name_any, name);
            }
            doc.add_text(fields.text_fr, &text_fr);
            doc.add_text(fields.text_nl, &text_nl);
            // A Dutch name's compounds too (`Slachtofferhulp` found by `slachtoffer`).
            if let Some(name) = organisation.name.get(Lang::Nl) {
                doc.add_text(fields.parts_nl, name);
            }
            doc.add_text(fields.parts_nl, &text_nl);
            doc.add_text(fields.words, &text_fr);
            doc.add_text(fields.words, &text_nl);
            for need in &needs {
                doc.add_text(fields.need, need);
                doc.add_facet(fields.facets, Facet::from_path(["need", need.as_str()]));
            }
            for need in &primary {
                doc.add_text(fields.need_primary, need);
            }
            for term in &serves {
                doc.add_text(fields.serves, term);
            }
            for language in &organisation.languages {
                doc.add_text(fields.language, language);
                doc.add_facet(
                    fields.facets,
                    Facet::from_path(["language", language.as_str()]),
                );
            }
            add_publics(&mut doc, fields, &audiences, reserved);
            doc.add_u64(fields.synthetic, u64::from(organisation.synthetic));
            doc.add_u64(fields.first_line, first_line);
            doc.add_u64(fields.taught, taught);
            for slot in &encoded_hours {
                doc.add_u64(fields.hours, *slot);
            }
            add_location(&mut doc, organisation, location_index, fields);
            doc
        })
        .collect()
}

/// The bits of the languages a record's French and Dutch texts say its courses teach; read
/// only for a record of a need that teaches languages (a few in a hundred): the other
/// records' texts are not folded once more.
fn taught(thesaurus: &Thesaurus, organisation: &Organisation, (fr, nl): (&str, &str)) -> u64 {
    let teaches = organisation.needs.iter().any(|need| {
        let concept = thesaurus.concept(need);
        concept.is_some_and(|concept| concept.teaches_language)
    });
    if !teaches {
        return 0;
    }
    let folded = fold(&format!("{fr} {nl}"));
    let words: Vec<&str> = folded.split_whitespace().collect();
    crate::fit::taught_bits(&orienta_text::spoken::taught(&words))
}

/// The publics a record is for: its audience codes, the ages among them and the publics it
/// is reserved to.
fn add_publics(doc: &mut TantivyDocument, fields: &Fields, audiences: &[String], reserved: u64) {
    for code in audiences {
        doc.add_text(fields.audience, code);
    }
    doc.add_u64(fields.ages, audience::age_bits(audiences));
    doc.add_u64(fields.reserved, reserved);
}

fn add_location(
    doc: &mut TantivyDocument,
    organisation: &Organisation,
    location_index: usize,
    fields: &Fields,
) {
    let Some(location) = organisation.locations.get(location_index) else {
        doc.add_u64(fields.has_geo, 0);
        return;
    };
    let address = &location.address;
    let mut place = Vec::new();
    place.extend(address.street.iter().map(|(_, text)| text.to_owned()));
    let mut area: Vec<String> = Vec::new();
    area.extend(address.city.iter().map(|(_, text)| text.to_owned()));
    area.extend(address.postcode.clone());
    let territory = location.territory.as_ref();
    let in_region = territory.is_some_and(|territory| territory.in_region);
    if let Some(territory) = territory {
        if let Some(commune) = &territory.commune {
            doc.add_text(fields.commune, &commune.nis);
            doc.add_facet(
                fields.facets,
                Facet::from_path(["commune", commune.nis.as_str()]),
            );
            area.push(commune.fr.clone());
            area.push(commune.nl.clone());
        }
        if let Some(quartier) = &territory.quartier {
            let code = quartier.code.to_string();
            doc.add_text(fields.quartier, &code);
            doc.add_facet(fields.facets, Facet::from_path(["quartier", code.as_str()]));
            area.push(quartier.fr.clone());
            area.push(quartier.nl.clone());
        }
        if let Some(qss) = &territory.qss {
            doc.add_text(fields.qss, &qss.code);
        }
        if let Some(bassin) = &territory.bassin {
            doc.add_text(fields.bassin, bassin.slug.slug());
            doc.add_facet(
                fields.facets,
                Facet::from_path(["bassin", bassin.slug.slug()]),
            );
            area.push(bassin.fr.clone());
            area.push(bassin.nl.clone());
        }
    }
    for part in place {
        doc.add_text(fields.place, &part);
    }
    for part in area {
        doc.add_text(fields.area, &part);
    }
    match location.geo {
        Some(geo) if in_region => {
            doc.add_f64(fields.lat, geo.lat);
            doc.add_f64(fields.lon, geo.lon);
            doc.add_u64(fields.has_geo, 1);
        }
        _ => doc.add_u64(fields.has_geo, 0),
    }
}
