//! The HSDS 3.0 objects Orienta publishes (a subset of each object's fields), following
//! the Open Referral schemas (CC BY-SA 4.0, https://openreferral.org/).

use serde::Serialize;
use utoipa::ToSchema;

/// `GET /hsds/`: this API and its relation to HSDS.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct ApiInfo {
    /// HSDS version.
    #[schema(example = "3.0")]
    pub version: String,
    /// The HSDS profile (none: the base specification).
    pub profile: String,
    /// The OpenAPI document of this API.
    pub openapi_url: String,
}

/// An HSDS paged list.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Page<T: ToSchema> {
    /// Matching entities in all pages.
    pub total_items: usize,
    /// Pages.
    pub total_pages: usize,
    /// This page, from 1.
    pub page_number: usize,
    /// Entities in this page.
    pub size: usize,
    /// True on the first page.
    pub first_page: bool,
    /// True on the last page.
    pub last_page: bool,
    /// True when nothing matched.
    pub empty: bool,
    /// The entities.
    pub contents: Vec<T>,
}

impl<T: ToSchema> Page<T> {
    /// A page of `contents` out of `total_items`.
    pub fn new(contents: Vec<T>, total_items: usize, page_number: usize, per_page: usize) -> Self {
        let total_pages = total_items.div_ceil(per_page.max(1));
        Self {
            total_items,
            total_pages,
            page_number,
            size: contents.len(),
            first_page: page_number == 1,
            last_page: page_number >= total_pages,
            empty: total_items == 0,
            contents,
        }
    }
}

/// An organization.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Organization {
    /// UUID.
    pub id: String,
    /// Name.
    pub name: String,
    /// Acronym or other name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alternate_name: Option<String>,
    /// Description (empty when the source has none).
    pub description: String,
    /// E-mail.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Website.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Legal status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legal_status: Option<String>,
    /// Enterprise number (KBO/BCE).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tax_id: Option<String>,
    /// The record at its source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// Phones.
    pub phones: Vec<Phone>,
    /// Ids in other systems.
    pub organization_identifiers: Vec<OrganizationIdentifier>,
    /// Locations.
    pub locations: Vec<Location>,
    /// Its services (one default service per organisation).
    pub services: Vec<Service>,
}

/// An identifier of the organization in another system.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct OrganizationIdentifier {
    /// UUID.
    pub id: String,
    /// Organization id.
    pub organization_id: String,
    /// Scheme (`BE-BCE_KBO` is an org-id.guide scheme).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identifier_scheme: Option<String>,
    /// Kind of identifier.
    pub identifier_type: String,
    /// The identifier.
    pub identifier: String,
}

/// A service: social.brussels has no service shape, so one default service per organisation.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Service {
    /// UUID.
    pub id: String,
    /// Organization id.
    pub organization_id: String,
    /// Name.
    pub name: String,
    /// Acronym or other name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alternate_name: Option<String>,
    /// Description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Website.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// E-mail.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Always `active` (closed services leave the index).
    pub status: String,
    /// Interpretation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interpretation_services: Option<String>,
    /// How to get in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub application_process: Option<String>,
    /// Who it is for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eligibility_description: Option<String>,
    /// When Orienta's record last changed (RFC 3339).
    pub last_modified: String,
    /// Phones.
    pub phones: Vec<Phone>,
    /// Opening hours.
    pub schedules: Vec<Schedule>,
    /// Languages spoken.
    pub languages: Vec<Language>,
    /// Need concepts as taxonomy terms.
    pub attributes: Vec<Attribute>,
    /// Where it is delivered (only in `GET /hsds/services/{id}`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_at_locations: Option<Vec<ServiceAtLocation>>,
    /// The organization (only in `GET /hsds/services/{id}`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(no_recursion)]
    pub organization: Option<Box<Organization>>,
}

/// A service at a location.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct ServiceAtLocation {
    /// UUID.
    pub id: String,
    /// Service id.
    pub service_id: String,
    /// Location id.
    pub location_id: String,
    /// The location.
    pub location: Location,
}

/// A physical location.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Location {
    /// UUID.
    pub id: String,
    /// Always `physical`.
    pub location_type: String,
    /// Organization id.
    pub organization_id: String,
    /// Site name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Latitude (WGS84).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    /// Longitude (WGS84).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
    /// The commune NIS code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_identifier: Option<String>,
    /// `nis-commune` when `external_identifier` is set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_identifier_type: Option<String>,
    /// Postal address.
    pub addresses: Vec<AddressHsds>,
}

/// A postal address.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct AddressHsds {
    /// UUID.
    pub id: String,
    /// Location id.
    pub location_id: String,
    /// Street and number.
    pub address_1: String,
    /// City or commune.
    pub city: String,
    /// Region.
    pub state_province: String,
    /// Postcode.
    pub postal_code: String,
    /// ISO 3166 country code.
    pub country: String,
    /// Always `physical`.
    pub address_type: String,
}

/// A phone.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Phone {
    /// UUID.
    pub id: String,
    /// Number, E.164.
    pub number: String,
    /// `voice`, `fax` or `cell`.
    #[serde(rename = "type")]
    pub kind: String,
}

/// Opening hours: one weekly slot, or the source's text only.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Schedule {
    /// UUID.
    pub id: String,
    /// Service id.
    pub service_id: String,
    /// `WEEKLY` for a slot.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub freq: Option<String>,
    /// `MO` … `SU`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byday: Option<String>,
    /// Opening time, local (Europe/Brussels).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opens_at: Option<String>,
    /// Closing time, local.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closes_at: Option<String>,
    /// The hours as the source wrote them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A spoken language.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Language {
    /// UUID.
    pub id: String,
    /// Service id.
    pub service_id: String,
    /// Name.
    pub name: String,
    /// ISO 639-1 code.
    pub code: String,
}

/// A need concept attached to a service.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Attribute {
    /// UUID.
    pub id: String,
    /// Service id.
    pub link_id: String,
    /// `service`.
    pub link_type: String,
    /// `service`.
    pub link_entity: String,
    /// Taxonomy term id.
    pub taxonomy_term_id: String,
    /// The term.
    pub taxonomy_term: TaxonomyTerm,
}

/// A term of Orienta's needs taxonomy.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct TaxonomyTerm {
    /// UUID (derived from the concept id).
    pub id: String,
    /// The concept id, e.g. `food-aid`.
    pub code: String,
    /// Label.
    pub name: String,
    /// Description (the label in the other languages).
    pub description: String,
    /// Broader term.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<String>,
    /// `orienta-needs`.
    pub taxonomy: String,
    /// Language of `name`.
    pub language: String,
}
