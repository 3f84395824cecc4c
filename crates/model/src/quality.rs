//! Quality flags: what was wrong with a record and what was done about it.

use serde::{Deserialize, Serialize};

/// How serious a quality issue is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A value was normalised; nothing is lost.
    Info,
    /// A value was dropped, repaired or is doubtful.
    Warning,
    /// The record was rejected.
    Error,
}

/// A stable, machine-readable code for a quality issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QualityCode {
    /// No usable coordinates and no address to place the record.
    MissingGeo,
    /// Coordinates were (0,0) or another placeholder.
    PlaceholderCoordinates,
    /// Latitude and longitude were swapped and have been fixed.
    SwappedLatLon,
    /// Coordinates were converted from Belgian Lambert 72.
    ConvertedFromLambert72,
    /// The point was placed from the street (midpoint) or postcode.
    Geocoded,
    /// The point lies outside the Brussels-Capital Region.
    GeoOutsideRegion,
    /// The postal address lies outside the Region (postcode or country).
    AddressOutsideRegion,
    /// The address is outside Belgium.
    ForeignAddress,
    /// The point and the address disagree.
    GeoAddressConflict,
    /// The postcode does not belong to the stated commune.
    PostcodeCommuneMismatch,
    /// The city was a postal district or sub-municipality, normalised via the postcode.
    CityNormalised,
    /// The house number or box was split out of another field.
    AddressSplit,
    /// The service area was decided (declared, read from a text or by a rule).
    ServiceArea,
    /// The street's name in the other language was taken from the BeST street list.
    StreetTranslated,
    /// The postcode was cleaned (prefix, spaces, type).
    PostcodeCleaned,
    /// The postcode is missing or unreadable.
    InvalidPostcode,
    /// An enterprise number failed validation and was dropped.
    InvalidKbo,
    /// A phone number could not be normalised and was dropped.
    InvalidPhone,
    /// A phone number was normalised to E.164.
    PhoneNormalised,
    /// An e-mail address was invalid and dropped.
    InvalidEmail,
    /// An e-mail address was cleaned.
    EmailCleaned,
    /// A URL was invalid and dropped.
    InvalidUrl,
    /// A URL was cleaned (scheme added, split).
    UrlCleaned,
    /// The French text is missing.
    MissingFr,
    /// The Dutch text is missing.
    MissingNl,
    /// A text is in the wrong language or is a copy of the other language.
    SuspectLanguage,
    /// The language status contradicts the filled fields.
    LangStatusConflict,
    /// Mojibake was repaired.
    Mojibake,
    /// HTML tags or entities were removed.
    HtmlStripped,
    /// The display name was derived from an upper-case official name.
    NameNormalised,
    /// Opening hours are free text only.
    HoursUnstructured,
    /// A date could not be parsed.
    InvalidDate,
    /// A two-digit year was expanded.
    TwoDigitYear,
    /// The source's last update is old.
    StaleRecord,
    /// Another record was merged into this one.
    Merged,
    /// The record may duplicate another one (not merged).
    DuplicateCandidate,
    /// A required field is missing: the record is rejected.
    MissingField,
    /// The record could not be parsed: it is rejected.
    Unparsable,
    /// Empty lists and nulls were treated alike.
    NullAsEmpty,
    /// A value Orienta does not know (a column, a language name, a concept id) was ignored.
    UnknownValue,
    /// A field was longer than the import limit and was cut (the message gives its length).
    FieldTruncated,
}

impl QualityCode {
    /// The snake_case code as it appears in reports and the API.
    pub fn as_str(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|value| value.as_str().map(str::to_owned))
            .unwrap_or_default()
    }
}

/// One quality issue of one field of a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QualityIssue {
    /// Stable code.
    pub code: QualityCode,
    /// The field concerned, in source terms (`address.zipCode`, `telFr[2]`).
    pub field: String,
    /// Lowercase sentence saying what was found and done.
    pub message: String,
    /// How serious it is.
    pub severity: Severity,
}

impl QualityIssue {
    /// Builds an issue.
    pub fn new(
        code: QualityCode,
        severity: Severity,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            code,
            field: field.into(),
            message: message.into(),
            severity,
        }
    }
}
