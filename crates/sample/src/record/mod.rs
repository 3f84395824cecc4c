//! One synthetic organisation record in the social.brussels (CDCS) shape: the 52 keys of the
//! real API, plus `synthetic: true` and the spoken `languages`.

use crate::catalogue::{Catalogue, Labelled, TypeEntry};
use crate::contact;
use crate::naming::NameContext;
use crate::place::Place;
use crate::shape::{self, Address, Record};
use crate::texts::{self, LangStatus};
use drawn_texts::{recognition, record_texts, Recognition, RecordTexts};
use rand::distr::Distribution;
use rand::seq::IndexedRandom;
use rand::Rng;

mod drawn_texts;

/// Inputs of a record besides the random stream.
pub(crate) struct OrganisationInput<'a> {
    pub catalogue: &'a Catalogue,
    pub place: Place,
    pub entry: &'a TypeEntry,
    pub status: LangStatus,
    /// The enterprise number, when the record has one.
    pub kbo: Option<String>,
}

/// Draws the provider type and the record's languages.
pub(crate) fn draw_type<'a>(
    rng: &mut impl Rng,
    catalogue: &'a Catalogue,
) -> (&'a TypeEntry, LangStatus) {
    let entry = &catalogue.types[catalogue.type_weights.sample(rng)];
    let status = texts::lang_status(rng, entry);
    (entry, status)
}

fn labelled(label: &Labelled) -> shape::Labelled {
    shape::Labelled {
        id: label.id,
        label_fr: label.fr.clone(),
        label_nl: Some(label.nl.clone()),
    }
}

/// The `address` object of a place.
pub(crate) fn address(rng: &mut impl Rng, place: &Place, status: LangStatus) -> Address {
    let district = place.district.as_ref();
    let (remark_fr, remark_nl) = match rng.random_range(0..100) {
        0..2 => texts::keep(status, "2e étage".into(), "2de verdieping".into()),
        2..4 => texts::keep(
            status,
            "Entrée par la cour".into(),
            "Ingang via de binnenplaats".into(),
        ),
        _ => (None, None),
    };
    Address {
        district_code: district.map(|d| d.mdrc.to_string()),
        district_fr: district.map(|d| d.quartier_fr.clone()),
        district_nl: district.map(|d| d.quartier_nl.clone()),
        id: None,
        lat: place.lat,
        lon: place.lon,
        municipality_fr: place.municipality_fr.clone(),
        municipality_nl: place.municipality_nl.clone(),
        number: place.number.clone(),
        number_building: place.building.clone(),
        postal_box: place.postal_box.clone(),
        postal_code_fr: format!("{} {}", place.postcode, place.municipality_fr),
        postal_code_nl: format!("{} {}", place.postcode, place.municipality_nl),
        remark_fr,
        remark_nl,
        statistics_code: district.map(|d| d.sector_code.clone()),
        statistics_name_fr: district.map(|d| d.sector_fr.clone()),
        statistics_name_nl: district.map(|d| d.sector_nl.clone()),
        street_fr: place.street_fr.clone(),
        street_nl: place.street_nl.clone(),
        x: place.x,
        y: place.y,
        zip_code: place.postcode,
    }
}

/// Primary category plus 0–2 related ones, the union of their sectors, and the first related type.
fn classification(
    rng: &mut impl Rng,
    catalogue: &Catalogue,
    entry: &TypeEntry,
) -> (
    Vec<shape::Labelled>,
    Option<Vec<shape::Labelled>>,
    Option<usize>,
) {
    let extra = match rng.random_range(0..100) {
        0..50 => 0,
        50..85 => 1,
        _ => 2,
    };
    let mut types: Vec<usize> = vec![entry.position];
    for _ in 0..extra {
        if let Some(&related) = entry.related.choose(rng) {
            if !types.contains(&related) {
                types.push(related);
            }
        }
    }
    let mut sectors: Vec<usize> = Vec::new();
    for &position in &types {
        for &sector in &catalogue.types[position].sectors {
            if !sectors.contains(&sector) {
                sectors.push(sector);
            }
        }
    }
    let categories = types
        .iter()
        .map(|&position| {
            let def = &catalogue.types[position].def;
            shape::Labelled {
                id: def.id,
                label_fr: def.fr.clone(),
                label_nl: def.nl.clone(),
            }
        })
        .collect();
    let sectors = (!rng.random_bool(0.05)).then(|| {
        sectors
            .iter()
            .map(|&sector| labelled(&catalogue.sectors[sector]))
            .collect()
    });
    (categories, sectors, types.get(1).copied())
}

/// Official, alternative, former and service names, and the slug of the official name.
struct Names {
    official: (Option<String>, Option<String>),
    alternative: (Vec<String>, Vec<String>),
    former: (Vec<String>, Vec<String>),
    services: (Vec<String>, Vec<String>),
    slug: String,
}

fn names(
    rng: &mut impl Rng,
    catalogue: &Catalogue,
    entry: &TypeEntry,
    place: &Place,
    status: LangStatus,
    legal: &Labelled,
) -> Names {
    let def = &entry.def;
    let context = NameContext::new(rng, catalogue, place);
    // Invariant: every type has at least one name template (checked when loading).
    let template = def.names.choose(rng).unwrap_or(&def.names[0]);
    let shout = rng.random_bool(0.4);
    let suffix = legal.key == "asbl" && rng.random_bool(0.15);
    let official = |template: &str, dutch: bool| {
        let mut name = context.render(template, dutch);
        if suffix {
            name.push_str(if dutch { " VZW" } else { " ASBL" });
        }
        if shout {
            name.to_uppercase()
        } else {
            name
        }
    };
    let official = texts::keep(
        status,
        official(&template.0, false),
        official(&template.1, true),
    );
    let slug = orienta_text::slug(
        official
            .0
            .as_deref()
            .or(official.1.as_deref())
            .unwrap_or("service"),
    );
    let acronyms: Vec<_> = def
        .acronyms
        .first()
        .filter(|_| rng.random_bool(0.5))
        .into_iter()
        .collect();
    let former: Vec<_> = def
        .names
        .choose(rng)
        .filter(|other| !std::ptr::eq(*other, template) && rng.random_bool(0.05))
        .into_iter()
        .collect();
    let (former_fr, former_nl) = texts::lists(status, &former);
    let render_all = |items: Vec<String>, dutch: bool| -> Vec<String> {
        items
            .iter()
            .map(|item| context.render(item, dutch))
            .collect()
    };
    let services = if rng.random_bool(0.35) {
        texts::some_of(rng, &def.services, 1, 2)
    } else {
        Vec::new()
    };
    Names {
        official,
        alternative: texts::lists(status, &acronyms),
        former: (render_all(former_fr, false), render_all(former_nl, true)),
        services: texts::lists(status, &services),
        slug,
    }
}

/// Everything drawn for one record.
struct Drawn<'a> {
    /// The record's languages.
    status: LangStatus,
    /// The legal status.
    legal: &'a Labelled,
    /// The names.
    names: Names,
    /// `categoriesObject`.
    categories: Vec<shape::Labelled>,
    /// `sectorsObjects`.
    sectors: Option<Vec<shape::Labelled>>,
    /// The texts.
    texts: RecordTexts,
    /// Agreement and subsidy.
    recognition: Recognition,
    /// `isInterpreting`.
    is_interpreting: bool,
    /// Phones, e-mails and websites.
    contacts: contact::Contacts,
    /// `lastUpdate`.
    last_update: String,
    /// `address`.
    address: Address,
    /// The spoken languages.
    languages: Vec<&'static str>,
    /// The enterprise number, when the record has one.
    kbo: Option<String>,
}

/// Builds the record (its `id` is set by the caller).
pub(crate) fn organisation(rng: &mut impl Rng, input: OrganisationInput<'_>) -> Record {
    let OrganisationInput {
        catalogue,
        place,
        entry,
        status,
        kbo,
    } = input;
    // Invariant: every type has at least one legal status (checked when loading).
    let legal = &catalogue.legal_statuses[*entry.legal.choose(rng).unwrap_or(&entry.legal[0])];
    let names = names(rng, catalogue, entry, &place, status, legal);
    let (categories, sectors, related) = classification(rng, catalogue, entry);
    let related = related.map(|position| &catalogue.types[position]);
    let drawn_texts = record_texts(rng, catalogue, entry, related, status);
    let recognition = recognition(rng, catalogue, entry, status);
    let is_interpreting = rng.random_bool(0.1);
    let contacts = contact::contacts(rng, status, &names.slug, kbo.as_deref());
    let last_update = texts::last_update(rng);
    let address = address(rng, &place, status);
    let languages = texts::spoken_languages(rng, status);
    assemble(Drawn {
        status,
        legal,
        names,
        categories,
        sectors,
        texts: drawn_texts,
        recognition,
        is_interpreting,
        contacts,
        last_update,
        address,
        languages,
        kbo,
    })
}

/// The record of what was drawn, in the API's shape.
fn assemble(drawn: Drawn<'_>) -> Record {
    let Drawn {
        status,
        legal,
        names,
        categories,
        sectors,
        texts,
        recognition,
        is_interpreting,
        contacts,
        last_update,
        address,
        languages,
        kbo,
    } = drawn;
    Record {
        access_fr: texts.access.0,
        access_nl: texts.access.1,
        activities_fr: texts.activities.0,
        activities_nl: texts.activities.1,
        address,
        categories: None,
        categories_object: categories,
        description_fr: texts.description.0,
        description_nl: texts.description.1,
        email_fr: contacts.email.0,
        email_nl: contacts.email.1,
        fax_fr: contacts.fax.0,
        fax_nl: contacts.fax.1,
        id: 0,
        is_interpreting,
        lang_status: status.code(),
        languages,
        last_update,
        legal_status: labelled(legal),
        name_alternative_fr: names.alternative.0,
        name_alternative_nl: names.alternative.1,
        name_former_fr: names.former.0,
        name_former_nl: names.former.1,
        name_official_fr: names.official.0,
        name_official_nl: names.official.1,
        name_service_fr: names.services.0,
        name_service_nl: names.services.1,
        other_agreement_fr: recognition.agreement.0,
        other_agreement_nl: recognition.agreement.1,
        permanency_fr: texts.permanency.0,
        permanency_nl: texts.permanency.1,
        pm_rp: kbo.into_iter().collect(),
        public_fr: texts.audience.0,
        public_nl: texts.audience.1,
        publication_fr: texts.publication.0,
        publication_nl: texts.publication.1,
        remark_fr: texts.remark.0,
        remark_nl: texts.remark.1,
        sectors_objects: sectors,
        start_date: None,
        subvention_fr: recognition.subsidy.0,
        subvention_nl: recognition.subsidy.1,
        synthetic: true,
        tel_fr: contacts.tel.0,
        tel_nl: contacts.tel.1,
        r#type: None,
        website_belgian_official_journal_fr: contacts.journal.0,
        website_belgian_official_journal_nl: contacts.journal.1,
        website_info_fr: contacts.info.0,
        website_info_nl: contacts.info.1,
        website_official_fr: contacts.official.0,
        website_official_nl: contacts.official.1,
        website_unofficial_fr: contacts.unofficial.0,
        website_unofficial_nl: contacts.unofficial.1,
    }
}
