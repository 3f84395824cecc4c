//! Hand-made canonical organisations on real Brussels addresses, tagged by the real
//! territory layers.

use orienta_model::{
    external_id_scheme, Address, CareLine, ExternalId, Geo, GeoMethod, I18nText, Location,
    OpeningSlot, Organisation, Phone, PhoneKind, Precision, Provenance, QualityCode, QualityIssue,
    Schedule, Severity, SourceSystem, Weekday,
};
use orienta_territory::Tagger;

/// One location of a test record.
pub struct Place {
    pub street_fr: &'static str,
    pub street_nl: &'static str,
    pub number: &'static str,
    pub postcode: &'static str,
    pub city_fr: &'static str,
    pub city_nl: &'static str,
    pub lat: f64,
    pub lon: f64,
}

/// What varies between test records.
pub struct Spec {
    pub source_id: &'static str,
    pub name_fr: Option<&'static str>,
    pub name_nl: Option<&'static str>,
    pub description_fr: Option<&'static str>,
    pub description_nl: Option<&'static str>,
    pub audience_fr: Option<&'static str>,
    pub needs: &'static [&'static str],
    pub languages: &'static [&'static str],
    pub places: Vec<Place>,
    pub phones: &'static [&'static str],
    pub emails: &'static [&'static str],
    pub websites: &'static [&'static str],
    pub weekdays_open: Option<(u16, u16)>,
    pub hours_fr: Option<&'static str>,
    pub care_line: Option<CareLine>,
    /// Whom the service serves (unknown unless said).
    pub serves: orienta_model::ServiceArea,
    pub synthetic: bool,
    pub alt_names: &'static [&'static str],
    /// When the source last updated the record (2025-06-01 unless said).
    pub updated: (i32, u32, u32),
}

impl Default for Spec {
    fn default() -> Self {
        Self {
            source_id: "",
            name_fr: None,
            name_nl: None,
            description_fr: None,
            description_nl: None,
            audience_fr: None,
            needs: &[],
            languages: &["fr"],
            places: Vec::new(),
            phones: &[],
            emails: &[],
            websites: &[],
            weekdays_open: None,
            hours_fr: None,
            care_line: None,
            serves: Default::default(),
            synthetic: true,
            alt_names: &[],
            updated: (2025, 6, 1),
        }
    }
}

fn text(fr: Option<&str>, nl: Option<&str>) -> I18nText {
    I18nText::new(fr.map(str::to_owned), nl.map(str::to_owned))
}

/// The provenance of a record; as the importer does, only a real record links to its public
/// page at social.brussels.
fn provenance(source_id: &str, (year, month, day): (i32, u32, u32), synthetic: bool) -> Provenance {
    Provenance {
        system: SourceSystem::SocialBrussels,
        id: source_id.to_owned(),
        url: (!synthetic).then(|| format!("https://social.brussels/organisation/{source_id}")),
        origin: "/srv/orienta/data/providers/test.ndjson".to_owned(),
        fetched_at: chrono::Utc::now(),
        updated_at: chrono::NaiveDate::from_ymd_opt(year, month, day),
        raw_hash: "0".to_owned(),
    }
}

/// A canonical organisation from a spec, its locations tagged by `tagger`.
pub fn organisation(spec: Spec, tagger: &Tagger) -> Organisation {
    let source = provenance(spec.source_id, spec.updated, spec.synthetic);
    let locations = spec
        .places
        .iter()
        .enumerate()
        .map(|(position, place)| {
            let mut territory = tagger.tag_point(place.lat, place.lon);
            territory.method = GeoMethod::Coordinates;
            Location {
                id: orienta_model::record_uuid(
                    "social_brussels",
                    &format!("{}/{position}", spec.source_id),
                ),
                name: I18nText::default(),
                address: Address {
                    street: text(Some(place.street_fr), Some(place.street_nl)),
                    number: Some(place.number.to_owned()),
                    box_number: None,
                    postcode: Some(place.postcode.to_owned()),
                    city: text(Some(place.city_fr), Some(place.city_nl)),
                    country: "BE".to_owned(),
                    raw: format!(
                        "{} {}, {} {}",
                        place.street_fr, place.number, place.postcode, place.city_fr
                    ),
                },
                geo: Some(Geo {
                    lat: place.lat,
                    lon: place.lon,
                    method: GeoMethod::Coordinates,
                    precision: Precision::Rooftop,
                }),
                territory: Some(territory),
                source: source.clone(),
            }
        })
        .collect();
    let weekly = spec
        .weekdays_open
        .map(|(opens, closes)| {
            Weekday::ALL[..5]
                .iter()
                .map(|day| OpeningSlot {
                    day: *day,
                    opens,
                    closes,
                })
                .collect()
        })
        .unwrap_or_default();
    let name = text(spec.name_fr, spec.name_nl);
    let mut organisation = Organisation {
        id: orienta_model::record_uuid("social_brussels", spec.source_id),
        name: name.clone(),
        official_name: name,
        alt_names: spec
            .alt_names
            .iter()
            .map(|name| (*name).to_owned())
            .collect(),
        former_names: Vec::new(),
        description: text(spec.description_fr, spec.description_nl),
        audience: text(spec.audience_fr, None),
        access: I18nText::default(),
        remark: I18nText::default(),
        legal_status: None,
        lang_status: None,
        languages: spec
            .languages
            .iter()
            .map(|code| (*code).to_owned())
            .collect(),
        interpretation: false,
        categories: Vec::new(),
        needs: spec.needs.iter().map(|need| (*need).to_owned()).collect(),
        care_line: spec.care_line,
        serves: spec.serves.clone(),
        phones: spec
            .phones
            .iter()
            .map(|e164| Phone {
                e164: (*e164).to_owned(),
                raw: (*e164).to_owned(),
                kind: PhoneKind::Voice,
            })
            .collect(),
        emails: spec
            .emails
            .iter()
            .map(|email| (*email).to_owned())
            .collect(),
        websites: spec.websites.iter().map(|url| (*url).to_owned()).collect(),
        schedule: Schedule {
            text: text(spec.hours_fr, None),
            weekly,
        },
        external_ids: vec![
            ExternalId {
                scheme: external_id_scheme::CDCS_ORGANISATION.to_owned(),
                value: spec.source_id.to_owned(),
                url: None,
            },
            ExternalId {
                scheme: external_id_scheme::KBO.to_owned(),
                value: "0212347945".to_owned(),
                url: None,
            },
        ],
        locations,
        sources: vec![source],
        quality: vec![QualityIssue::new(
            QualityCode::PhoneNormalised,
            Severity::Info,
            "telFr",
            "phone normalised to e.164",
        )],
        synthetic: spec.synthetic,
    };
    // The area as the import decides it (text, CPAS rule or unknown), unless the spec says.
    if organisation.serves == orienta_model::ServiceArea::default() {
        orienta_ingest::service_area::assign(&mut organisation, tagger);
    }
    organisation
}

pub fn place(
    street: (&'static str, &'static str),
    number: &'static str,
    postcode: &'static str,
    city: (&'static str, &'static str),
    point: (f64, f64),
) -> Place {
    Place {
        street_fr: street.0,
        street_nl: street.1,
        number,
        postcode,
        city_fr: city.0,
        city_nl: city.1,
        lat: point.0,
        lon: point.1,
    }
}

/// The test corpus: eight organisations, nine locations, all bassins but one.
pub fn corpus(tagger: &Tagger) -> Vec<Organisation> {
    let specs = vec![
        Spec {
            source_id: "13219",
            name_fr: Some("CPAS de Schaerbeek"),
            name_nl: Some("OCMW van Schaarbeek"),
            description_fr: Some(
                "Aide sociale, revenu d'intégration, aide alimentaire et médiation de dettes.",
            ),
            description_nl: Some("Sociale hulp, leefloon, voedselhulp en schuldbemiddeling."),
            needs: &["cpas", "food-aid", "debt-mediation"],
            languages: &["fr", "nl", "ar"],
            places: vec![place(
                ("Boulevard Auguste Reyers", "Auguste Reyerslaan"),
                "70",
                "1030",
                ("Schaerbeek", "Schaarbeek"),
                (50.8531, 4.4003),
            )],
            phones: &["+3224355138"],
            emails: &["info@cpas-schaerbeek.be"],
            websites: &["https://www.cpas-schaerbeek.be"],
            weekdays_open: Some((510, 960)),
            hours_fr: Some("Du lundi au vendredi de 8h30 à 16h"),
            care_line: Some(CareLine::FirstLine),
            synthetic: false,
            alt_names: &["CPAS 1030"],
            ..Spec::default()
        },
        Spec {
            source_id: "20001",
            name_fr: Some("Restaurant social Le Pivot"),
            description_fr: Some("Repas chauds à prix démocratique pour les personnes sans-abri."),
            audience_fr: Some("Personnes sans abri"),
            needs: &["social-restaurant"],
            updated: (2019, 3, 14),
            places: vec![place(
                ("Rue du Marché au Charbon", "Kolenmarkt"),
                "12",
                "1000",
                ("Bruxelles", "Brussel"),
                (50.8462, 4.3495),
            )],
            phones: &["+3225111111"],
            synthetic: false,
            ..Spec::default()
        },
        Spec {
            source_id: "20002",
            name_fr: Some("Maison médicale des Marolles"),
            name_nl: Some("Wijkgezondheidscentrum Marollen"),
            description_fr: Some(
                "Médecine générale, soins infirmiers et kinésithérapie au forfait.",
            ),
            description_nl: Some("Huisartsgeneeskunde, verpleging en kinesitherapie."),
            needs: &["community-health-centre"],
            languages: &["fr", "nl", "es"],
            places: vec![place(
                ("Rue Haute", "Hoogstraat"),
                "250",
                "1000",
                ("Bruxelles", "Brussel"),
                (50.8368, 4.3471),
            )],
            care_line: Some(CareLine::FirstLine),
            ..Spec::default()
        },
        Spec {
            source_id: "20003",
            name_fr: Some("Service de santé mentale d'Uccle"),
            description_fr: Some("Consultations psychologiques pour adultes et enfants."),
            needs: &["mental-health-service"],
            places: vec![place(
                ("Rue de Stalle", "Stallestraat"),
                "98",
                "1180",
                ("Uccle", "Ukkel"),
                (50.8003, 4.3370),
            )],
            care_line: Some(CareLine::Specialised),
            ..Spec::default()
        },
        Spec {
            source_id: "20004",
            name_nl: Some("Buurthuis Molenbeek"),
            description_nl: Some("Ontmoeting, taallessen Nederlands en hulp bij administratie."),
            needs: &["neighbourhood-house", "language-classes"],
            languages: &["nl", "tr"],
            places: vec![place(
                ("Rue de Ribaucourt", "Ribaucourtstraat"),
                "4",
                "1080",
                ("Molenbeek-Saint-Jean", "Sint-Jans-Molenbeek"),
                (50.8573, 4.3410),
            )],
            ..Spec::default()
        },
        Spec {
            source_id: "20005",
            name_fr: Some("Infor-Drogues"),
            name_nl: Some("Infor-Drogues"),
            description_fr: Some(
                "Écoute, information et accompagnement en matière de drogues et d'assuétudes.",
            ),
            audience_fr: Some("Toute personne habitant la Région bruxelloise"),
            needs: &["addiction-care"],
            places: vec![
                place(
                    ("Rue du Marché aux Herbes", "Grasmarkt"),
                    "105",
                    "1000",
                    ("Bruxelles", "Brussel"),
                    (50.8472, 4.3540),
                ),
                place(
                    ("Chaussée d'Ixelles", "Elsensesteenweg"),
                    "200",
                    "1050",
                    ("Ixelles", "Elsene"),
                    (50.8310, 4.3672),
                ),
            ],
            care_line: Some(CareLine::Specialised),
            ..Spec::default()
        },
        Spec {
            source_id: "20006",
            name_fr: Some("Épicerie sociale d'Anderlecht"),
            description_fr: Some("Produits alimentaires à prix réduits sur orientation du CPAS."),
            needs: &["social-grocery"],
            languages: &["fr", "tr"],
            places: vec![place(
                ("Rue Wayez", "Wayezstraat"),
                "30",
                "1070",
                ("Anderlecht", "Anderlecht"),
                (50.8370, 4.3085),
            )],
            ..Spec::default()
        },
        Spec {
            source_id: "20007",
            name_fr: Some("Centre d'accueil d'urgence de Woluwe"),
            name_nl: Some("Noodopvang Woluwe"),
            description_fr: Some("Hébergement d'urgence pour familles."),
            audience_fr: Some("Familles avec enfants"),
            needs: &["night-shelter"],
            places: vec![place(
                ("Avenue de Tervueren", "Tervurenlaan"),
                "300",
                "1150",
                ("Woluwe-Saint-Pierre", "Sint-Pieters-Woluwe"),
                (50.8330, 4.4330),
            )],
            ..Spec::default()
        },
    ];
    specs
        .into_iter()
        .map(|spec| organisation(spec, tagger))
        .collect()
}
