//! A service's area in the reader's language ("Dessert Schaerbeek, Evere", "Heel het
//! Brussels Gewest", "Zone non précisée"), with how it is known, and why a service serves a
//! person's residence when searching by responsibility.

use super::LangCode;
use orienta_model::{AreaStatus, Lang, ServiceArea};
use orienta_search::serves::{Level, Residence};
use orienta_territory::Tagger;
use serde::Serialize;
use utoipa::ToSchema;

/// Whom a service serves.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct AreaView {
    /// `declared` (a structured source field), `extracted` (read in the record's text),
    /// `inferred` (a rule: a CPAS serves its commune) or `unknown`.
    pub status: String,
    /// The whole Brussels-Capital Region.
    pub region: bool,
    /// Communes served (NIS codes).
    pub communes: Vec<String>,
    /// Bassins served (slugs).
    pub bassins: Vec<String>,
    /// Monitoring quartiers served (codes).
    pub quartiers: Vec<u32>,
    /// Communes left out (NIS codes).
    pub except_communes: Vec<String>,
    /// The area in words, in `lang`.
    pub text: String,
    /// How it is known, in words, in `lang`.
    pub status_text: String,
    /// Language of the two texts.
    pub lang: LangCode,
    /// The sentence it was read from or the rule applied (staff views only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

/// Why a result serves the residence searched (`serves=`).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct ServesReason {
    /// `quartier`, `commune`, `bassin`, `region` or `unknown` (area not stated; kept).
    pub level: String,
    /// In words, in the response language: "dessert Schaerbeek", "toute la Région".
    pub text: String,
}

fn pick(lang: Lang, [fr, nl, en]: [&str; 3]) -> &str {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
        _ => fr,
    }
}

fn commune_name(tagger: &Tagger, nis: &str, lang: Lang) -> String {
    tagger.commune(nis).map_or_else(
        || nis.to_owned(),
        |commune| pick(lang, [&commune.fr, &commune.nl, &commune.fr]).to_owned(),
    )
}

fn quartier_name(tagger: &Tagger, code: u32, lang: Lang) -> String {
    tagger.quartier(code).map_or_else(
        || code.to_string(),
        |quartier| pick(lang, [&quartier.fr, &quartier.nl, &quartier.fr]).to_owned(),
    )
}

/// The places of an area joined in words (without the Region).
fn places(area: &ServiceArea, tagger: &Tagger, lang: Lang) -> Vec<String> {
    let bassin_word = pick(lang, ["le bassin", "het zorgbassin", "bassin"]);
    let quartier_word = pick(lang, ["le quartier", "de wijk", "the quartier"]);
    let mut names: Vec<String> = area
        .communes
        .iter()
        .map(|nis| commune_name(tagger, nis, lang))
        .collect();
    names.extend(area.bassins.iter().map(|bassin| {
        let label = pick(
            lang,
            [bassin.label_fr(), bassin.label_nl(), bassin.label_fr()],
        );
        format!("{bassin_word} {label}")
    }));
    names.extend(
        area.quartiers
            .iter()
            .map(|code| format!("{quartier_word} {}", quartier_name(tagger, *code, lang))),
    );
    names
}

/// The area in words.
fn area_text(area: &ServiceArea, tagger: &Tagger, lang: Lang) -> String {
    let mut text = if area.region {
        pick(
            lang,
            [
                "Toute la Région bruxelloise",
                "Heel het Brussels Gewest",
                "The whole Brussels Region",
            ],
        )
        .to_owned()
    } else if area.is_unknown() {
        pick(
            lang,
            [
                "Zone non précisée",
                "Werkingsgebied niet vermeld",
                "Area not stated",
            ],
        )
        .to_owned()
    } else {
        let serves = pick(lang, ["Dessert", "Bedient", "Serves"]);
        format!("{serves} {}", places(area, tagger, lang).join(", "))
    };
    if !area.except_communes.is_empty() {
        let except = pick(lang, ["sauf", "behalve", "except"]);
        let names: Vec<String> = area
            .except_communes
            .iter()
            .map(|nis| commune_name(tagger, nis, lang))
            .collect();
        text.push_str(&format!(" ({except} {})", names.join(", ")));
    }
    text
}

fn status_name(status: AreaStatus) -> &'static str {
    match status {
        AreaStatus::Declared => "declared",
        AreaStatus::Extracted => "extracted",
        AreaStatus::Inferred => "inferred",
        AreaStatus::Unknown => "unknown",
    }
}

fn status_text(status: AreaStatus, lang: Lang) -> &'static str {
    let texts = match status {
        AreaStatus::Declared => [
            "déclarée par la source",
            "opgegeven door de bron",
            "stated by the source",
        ],
        AreaStatus::Extracted => [
            "lue dans la fiche",
            "gelezen in de fiche",
            "read in the record",
        ],
        AreaStatus::Inferred => [
            "déduite : un CPAS ou un service communal dessert sa commune",
            "afgeleid: een OCMW of gemeentelijke dienst bedient zijn gemeente",
            "inferred: a CPAS or a commune's service serves its commune",
        ],
        AreaStatus::Unknown => [
            "la fiche ne le dit pas",
            "de fiche vermeldt het niet",
            "the record does not say",
        ],
    };
    match lang {
        Lang::Nl => texts[1],
        Lang::En => texts[2],
        _ => texts[0],
    }
}

impl AreaView {
    /// The view of an area in `lang`; `staff` adds the evidence.
    pub fn new(area: &ServiceArea, tagger: &Tagger, lang: Lang, staff: bool) -> Self {
        let status = if area.is_unknown() {
            AreaStatus::Unknown
        } else {
            area.status
        };
        Self {
            status: status_name(status).to_owned(),
            region: area.region,
            communes: area.communes.clone(),
            bassins: area.bassins.iter().map(|b| b.slug().to_owned()).collect(),
            quartiers: area.quartiers.clone(),
            except_communes: area.except_communes.clone(),
            text: area_text(area, tagger, lang),
            status_text: status_text(status, lang).to_owned(),
            lang: lang.into(),
            evidence: area.evidence.clone().filter(|_| staff),
        }
    }
}

impl ServesReason {
    /// Why `area` serves `residence`, if it does.
    pub fn new(
        area: &ServiceArea,
        residence: &Residence,
        tagger: &Tagger,
        lang: Lang,
    ) -> Option<Self> {
        let level = orienta_search::serves::level(area, residence)?;
        let serves = pick(lang, ["dessert", "bedient", "serves"]);
        let text = match level {
            Level::Quartier => {
                let code = residence.quartier?;
                let word = pick(lang, ["le quartier", "de wijk", "the quartier"]);
                format!("{serves} {word} {}", quartier_name(tagger, code, lang))
            }
            Level::Commune => {
                let nis = residence.commune.as_deref()?;
                format!("{serves} {}", commune_name(tagger, nis, lang))
            }
            Level::Bassin => {
                let bassin = residence.bassin?;
                let word = pick(lang, ["le bassin", "het zorgbassin", "bassin"]);
                let label = pick(
                    lang,
                    [bassin.label_fr(), bassin.label_nl(), bassin.label_fr()],
                );
                format!("{serves} {word} {label}")
            }
            Level::Region => pick(
                lang,
                ["toute la Région", "heel het Gewest", "the whole Region"],
            )
            .to_owned(),
            Level::Unknown => pick(
                lang,
                [
                    "zone non précisée",
                    "werkingsgebied niet vermeld",
                    "area not stated",
                ],
            )
            .to_owned(),
        };
        let level = match level {
            Level::Quartier => "quartier",
            Level::Commune => "commune",
            Level::Bassin => "bassin",
            Level::Region => "region",
            Level::Unknown => "unknown",
        };
        Some(Self {
            level: level.to_owned(),
            text,
        })
    }
}
