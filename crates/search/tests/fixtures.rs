//! Hand-built canonical records for the search tests.

use orienta_model::{
    Address, Bassin, BassinTag, CommuneTag, ExternalId, Geo, GeoMethod, I18nText, Location,
    Organisation, Precision, Provenance, SourceSystem, TagStatus, Territory,
};

/// What varies between test records.
pub struct Spec {
    pub id: &'static str,
    pub name_fr: Option<&'static str>,
    pub name_nl: Option<&'static str>,
    pub description_fr: Option<&'static str>,
    pub description_nl: Option<&'static str>,
    pub needs: &'static [&'static str],
    pub lat: f64,
    pub lon: f64,
    pub commune: (&'static str, &'static str, &'static str),
    pub bassin: Bassin,
    pub languages: &'static [&'static str],
    pub synthetic: bool,
}

impl Default for Spec {
    fn default() -> Self {
        Self {
            id: "",
            name_fr: None,
            name_nl: None,
            description_fr: None,
            description_nl: None,
            needs: &[],
            lat: 50.85,
            lon: 4.35,
            commune: ("21004", "Bruxelles", "Brussel"),
            bassin: Bassin::CentreOuest,
            languages: &[],
            synthetic: true,
        }
    }
}

fn text(fr: Option<&str>, nl: Option<&str>) -> I18nText {
    I18nText::new(fr.map(str::to_owned), nl.map(str::to_owned))
}

/// A canonical organisation with one tagged location.
pub fn organisation(spec: Spec) -> Organisation {
    let source = Provenance {
        system: SourceSystem::SocialBrussels,
        id: spec.id.to_owned(),
        url: None,
        origin: "test".to_owned(),
        fetched_at: chrono::Utc::now(),
        updated_at: None,
        raw_hash: String::new(),
    };
    let territory = Territory {
        method: GeoMethod::Coordinates,
        precision: Precision::Rooftop,
        in_region: true,
        commune: Some(CommuneTag {
            nis: spec.commune.0.to_owned(),
            fr: spec.commune.1.to_owned(),
            nl: spec.commune.2.to_owned(),
        }),
        sector: None,
        quartier: None,
        bassin: Some(BassinTag::new(spec.bassin, TagStatus::Official)),
        qss: None,
    };
    let location = Location {
        id: format!("{}-loc", spec.id),
        name: I18nText::default(),
        address: Address {
            country: "BE".into(),
            // The main postcode of the communes the tests use.
            postcode: match spec.commune.0 {
                "21004" => Some("1000".into()),
                "21015" => Some("1030".into()),
                _ => None,
            },
            ..Address::default()
        },
        geo: Some(Geo {
            lat: spec.lat,
            lon: spec.lon,
            method: GeoMethod::Coordinates,
            precision: Precision::Rooftop,
        }),
        territory: Some(territory),
        source: source.clone(),
    };
    let name = text(spec.name_fr, spec.name_nl);
    Organisation {
        id: orienta_model::record_uuid("test", spec.id),
        name: name.clone(),
        official_name: name,
        alt_names: Vec::new(),
        former_names: Vec::new(),
        description: text(spec.description_fr, spec.description_nl),
        audience: I18nText::default(),
        access: I18nText::default(),
        remark: I18nText::default(),
        legal_status: None,
        lang_status: None,
        languages: spec.languages.iter().map(|l| (*l).to_owned()).collect(),
        interpretation: false,
        categories: Vec::new(),
        needs: spec.needs.iter().map(|n| (*n).to_owned()).collect(),
        care_line: None,
        serves: Default::default(),
        phones: Vec::new(),
        emails: Vec::new(),
        websites: Vec::new(),
        schedule: Default::default(),
        external_ids: vec![ExternalId {
            scheme: "test".into(),
            value: spec.id.to_owned(),
            url: None,
        }],
        locations: vec![location],
        sources: vec![source],
        quality: Vec::new(),
        synthetic: spec.synthetic,
    }
}
