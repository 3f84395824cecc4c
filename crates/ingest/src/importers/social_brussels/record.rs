//! The social.brussels (CDCS) organisation record, read leniently (52 keys + `address`).

use crate::lenient::{Flag, Labelled, List, Number, Text};
use serde::Deserialize;
use serde_json::value::RawValue;

/// One organisation of `/rest/organisation/{id}`, or a fixture line wrapping one.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct CdcsRecord {
    pub id: Text,
    pub legal_status: List<Labelled>,
    pub is_interpreting: Flag,
    pub address: Option<CdcsAddress>,
    pub categories: List<Labelled>,
    pub categories_object: List<Labelled>,
    pub sectors_objects: List<Labelled>,
    pub name_official_fr: Text,
    pub name_official_nl: Text,
    pub description_fr: Text,
    pub description_nl: Text,
    pub activities_fr: Text,
    pub activities_nl: Text,
    pub access_fr: List<String>,
    pub access_nl: List<String>,
    pub permanency_fr: Text,
    pub permanency_nl: Text,
    pub public_fr: Text,
    pub public_nl: Text,
    pub remark_fr: Text,
    pub remark_nl: Text,
    pub pm_rp: List<String>,
    pub lang_status: Text,
    pub last_update: Text,
    pub name_alternative_fr: List<String>,
    pub name_alternative_nl: List<String>,
    pub name_former_fr: List<String>,
    pub name_former_nl: List<String>,
    pub name_service_fr: List<String>,
    pub name_service_nl: List<String>,
    pub tel_fr: List<String>,
    pub tel_nl: List<String>,
    pub fax_fr: List<String>,
    pub fax_nl: List<String>,
    pub email_fr: List<String>,
    pub email_nl: List<String>,
    pub website_official_fr: List<String>,
    pub website_official_nl: List<String>,
    pub website_unofficial_fr: List<String>,
    pub website_unofficial_nl: List<String>,
    pub website_info_fr: List<String>,
    pub website_info_nl: List<String>,
    pub languages: List<Labelled>,
    pub language_offer: List<Labelled>,
    pub synthetic: Flag,
    /// Fixture wrapper: the case name.
    pub case: Option<String>,
    /// Fixture wrapper: the wrapped record.
    pub record: Option<Box<RawValue>>,
}

/// The `address` object.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct CdcsAddress {
    pub x: Number,
    pub y: Number,
    pub lat: Number,
    pub lon: Number,
    pub municipality_fr: Text,
    pub municipality_nl: Text,
    pub street_fr: Text,
    pub street_nl: Text,
    pub number: Text,
    pub number_building: Text,
    pub zip_code: Text,
    pub postal_box: Text,
    pub postal_code_fr: Text,
    pub postal_code_nl: Text,
    #[serde(alias = "countryCode")]
    pub country: Text,
}

impl CdcsAddress {
    /// True when the address carries nothing.
    pub fn is_blank(&self) -> bool {
        [self.lat.0, self.lon.0, self.x.0, self.y.0]
            .iter()
            .all(Option::is_none)
            && [
                &self.street_fr,
                &self.street_nl,
                &self.zip_code,
                &self.municipality_fr,
                &self.municipality_nl,
                &self.postal_code_fr,
            ]
            .iter()
            .all(|text| text.get().is_none())
    }
}
