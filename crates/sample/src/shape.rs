//! The record shape of the social.brussels organisation API (52 keys, 23 in `address`), plus
//! `synthetic` and `languages`. Fields are declared in sorted key order, so serialising the
//! struct gives the same bytes as serialising its `serde_json::Value` (whose maps are sorted).

use serde::Serialize;

/// `{id, labelFr, labelNl}`: legal status, category or sector.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Labelled {
    pub id: u64,
    pub label_fr: String,
    pub label_nl: Option<String>,
}

/// The `address` object.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Address {
    pub district_code: Option<String>,
    pub district_fr: Option<String>,
    pub district_nl: Option<String>,
    pub id: Option<u64>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub municipality_fr: String,
    pub municipality_nl: String,
    pub number: String,
    pub number_building: Option<String>,
    pub postal_box: Option<String>,
    pub postal_code_fr: String,
    pub postal_code_nl: String,
    pub remark_fr: Option<String>,
    pub remark_nl: Option<String>,
    pub statistics_code: Option<String>,
    pub statistics_name_fr: Option<String>,
    pub statistics_name_nl: Option<String>,
    pub street_fr: String,
    pub street_nl: String,
    pub x: Option<i64>,
    pub y: Option<i64>,
    pub zip_code: u16,
}

/// One organisation record.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Record {
    pub access_fr: Vec<String>,
    pub access_nl: Vec<String>,
    pub activities_fr: Option<String>,
    pub activities_nl: Option<String>,
    pub address: Address,
    /// Legacy field, always null.
    pub categories: Option<()>,
    pub categories_object: Vec<Labelled>,
    pub description_fr: Option<String>,
    pub description_nl: Option<String>,
    pub email_fr: Vec<String>,
    pub email_nl: Vec<String>,
    pub fax_fr: Vec<String>,
    pub fax_nl: Vec<String>,
    pub id: u64,
    pub is_interpreting: bool,
    pub lang_status: &'static str,
    pub languages: Vec<&'static str>,
    pub last_update: String,
    pub legal_status: Labelled,
    pub name_alternative_fr: Vec<String>,
    pub name_alternative_nl: Vec<String>,
    pub name_former_fr: Vec<String>,
    pub name_former_nl: Vec<String>,
    pub name_official_fr: Option<String>,
    pub name_official_nl: Option<String>,
    pub name_service_fr: Vec<String>,
    pub name_service_nl: Vec<String>,
    pub other_agreement_fr: Vec<String>,
    pub other_agreement_nl: Vec<String>,
    pub permanency_fr: Option<String>,
    pub permanency_nl: Option<String>,
    pub pm_rp: Vec<String>,
    pub public_fr: Option<String>,
    pub public_nl: Option<String>,
    pub publication_fr: Vec<String>,
    pub publication_nl: Vec<String>,
    pub remark_fr: Option<String>,
    pub remark_nl: Option<String>,
    pub sectors_objects: Option<Vec<Labelled>>,
    /// Always null, as in the source.
    pub start_date: Option<()>,
    pub subvention_fr: Vec<String>,
    pub subvention_nl: Vec<String>,
    /// Always true: the record is made up.
    pub synthetic: bool,
    pub tel_fr: Vec<String>,
    pub tel_nl: Vec<String>,
    /// Always null, as in the source.
    pub r#type: Option<()>,
    pub website_belgian_official_journal_fr: Vec<String>,
    pub website_belgian_official_journal_nl: Vec<String>,
    pub website_info_fr: Vec<String>,
    pub website_info_nl: Vec<String>,
    pub website_official_fr: Vec<String>,
    pub website_official_nl: Vec<String>,
    pub website_unofficial_fr: Vec<String>,
    pub website_unofficial_nl: Vec<String>,
}
