//! Identifiers: record UUIDs and typed external ids (social.brussels, KBO/BCE).

use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

/// Names of the external id schemes Orienta knows.
pub mod external_id_scheme {
    /// A social.brussels (CDCS) organisation id.
    pub const CDCS_ORGANISATION: &str = "cdcs:organisation";
    /// A social.brussels category id.
    pub const CDCS_CATEGORY: &str = "cdcs:category";
    /// A Belgian enterprise number (KBO/BCE), validated mod 97.
    pub const KBO: &str = "BE-BCE_KBO";
    /// An FPS Public Health hospital site number.
    pub const HOSPITAL_SITE: &str = "be:fps-hospital-site";
    /// An id in a partner's CSV file.
    pub const PARTNER_CSV: &str = "partner:csv";
    /// An HSDS organization id.
    pub const HSDS: &str = "hsds:organization";
}

const ORIENTA_NAMESPACE: Uuid = Uuid::from_u128(0x6f72_6965_6e74_6100_8000_0000_0000_0001);

/// The stable UUID of a record: UUIDv5 of its source system and source id.
pub fn record_uuid(source_system: &str, source_id: &str) -> String {
    let name = format!("{source_system}/{source_id}");
    Uuid::new_v5(&ORIENTA_NAMESPACE, name.as_bytes()).to_string()
}

/// An identifier of the record in another system.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ExternalId {
    /// The scheme, one of [`external_id_scheme`].
    pub scheme: String,
    /// The identifier within the scheme.
    pub value: String,
    /// Where the identified thing can be seen, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A valid Belgian enterprise number (KBO/BCE), stored as 10 digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Kbo(String);

/// Why a text is not a valid enterprise number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KboError {
    /// Not 9 or 10 digits once punctuation is removed.
    #[error("enterprise number must have 10 digits, found {0}")]
    Length(usize),
    /// The mod-97 check digits do not match.
    #[error("enterprise number check digits {found:02} do not match the expected {expected:02}")]
    Checksum {
        /// Check digits found in the number.
        found: u64,
        /// Check digits the first eight digits call for.
        expected: u64,
    },
}

impl Kbo {
    /// Parses `0212.347.945`, `BE 0212347945` or `212347945`; validates the mod-97 check.
    pub fn parse(text: &str) -> Result<Self, KboError> {
        let mut digits = String::with_capacity(text.len());
        digits.extend(text.chars().filter(|c| c.is_ascii_digit()));
        let digits = match digits.len() {
            9 => format!("0{digits}"),
            10 => digits,
            other => return Err(KboError::Length(other)),
        };
        let head: u64 = digits[..8].parse().unwrap_or(0);
        let found: u64 = digits[8..].parse().unwrap_or(0);
        let expected = 97 - head % 97;
        if found != expected {
            return Err(KboError::Checksum { found, expected });
        }
        Ok(Self(digits))
    }

    /// The 10 digits.
    pub fn digits(&self) -> &str {
        &self.0
    }

    /// The usual display form `0212.347.945`.
    pub fn formatted(&self) -> String {
        let d = &self.0;
        format!("{}.{}.{}", &d[..4], &d[4..7], &d[7..])
    }
}

impl fmt::Display for Kbo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.formatted())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kbo_mod97() {
        let kbo = Kbo::parse("0212.347.945").unwrap();
        assert_eq!(kbo.digits(), "0212347945");
        assert_eq!(kbo.formatted(), "0212.347.945");
        assert!(matches!(
            Kbo::parse("0212.347.946"),
            Err(KboError::Checksum { .. })
        ));
        assert!(matches!(Kbo::parse("12"), Err(KboError::Length(2))));
    }

    #[test]
    fn uuid_is_stable() {
        assert_eq!(record_uuid("cdcs", "13219"), record_uuid("cdcs", "13219"));
        assert_ne!(record_uuid("cdcs", "13219"), record_uuid("csv", "13219"));
    }
}
