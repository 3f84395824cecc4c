//! Brussels postcodes: their communes, and the cleaning of a postcode as given.

use crate::bundled;
use crate::TerritoryError;
use orienta_model::Bassin;

/// How a (postcode, commune) pair is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PostcodeKind {
    /// The postcode's ordinary territory (Statbel table).
    Geographic,
    /// A handful of streets of a neighbouring commune carry the postcode.
    GeographicMinor,
    /// An institutional postcode (1047 European Parliament…).
    Special,
}

/// One (postcode, commune) pair of `postal_codes.csv`.
#[derive(Debug, Clone)]
pub struct PostcodeRow {
    /// 4-digit postcode.
    pub postcode: String,
    /// NIS code of the commune.
    pub nis: String,
    /// How the pair is used.
    pub kind: PostcodeKind,
    /// BeST streets with that pair (2022).
    pub street_count: u32,
    /// bpost label, French (`Bruxelles (Laeken)`).
    pub label_fr: String,
    /// bpost label, Dutch (`Brussel (Laken)`).
    pub label_nl: String,
}

/// The (postcode, commune) pairs of the Region.
#[derive(Debug, Clone)]
pub struct PostcodeTable {
    rows: Vec<PostcodeRow>,
}

/// Bassin of the Bruxelles-Ville part of a postcode (docs/domain.md §1.4); the other
/// communes take their own bassin.
const BRUXELLES_POSTCODE_BASSINS: &[(&str, Bassin)] = &[
    ("1000", Bassin::CentreOuest),
    ("1020", Bassin::Nord),
    ("1040", Bassin::CentreOuest),
    ("1050", Bassin::Sud),
    ("1120", Bassin::Nord),
    ("1130", Bassin::Nord),
];

impl PostcodeTable {
    /// Reads the bundled `postal_codes.csv`.
    pub fn bundled() -> Result<Self, TerritoryError> {
        #[derive(serde::Deserialize)]
        struct Row {
            postcode: String,
            nis_commune: String,
            postal_label_fr: String,
            postal_label_nl: String,
            street_count_best_2022: u32,
            kind: String,
        }
        let mut reader = csv::Reader::from_reader(bundled::POSTAL_CODES.as_bytes());
        let mut rows = Vec::new();
        for row in reader.deserialize::<Row>() {
            let row = row.map_err(|error| TerritoryError::layer("postal_codes.csv", error))?;
            let kind = match row.kind.as_str() {
                "geographic" => PostcodeKind::Geographic,
                "geographic-minor" => PostcodeKind::GeographicMinor,
                _ => PostcodeKind::Special,
            };
            rows.push(PostcodeRow {
                postcode: row.postcode,
                nis: row.nis_commune,
                kind,
                street_count: row.street_count_best_2022,
                label_fr: row.postal_label_fr,
                label_nl: row.postal_label_nl,
            });
        }
        // Main commune first: geographic before minor and special, then by street count.
        rows.sort_by(|left, right| {
            (
                &left.postcode,
                left.kind,
                std::cmp::Reverse(left.street_count),
            )
                .cmp(&(
                    &right.postcode,
                    right.kind,
                    std::cmp::Reverse(right.street_count),
                ))
        });
        Ok(Self { rows })
    }

    /// Every pair.
    pub fn rows(&self) -> &[PostcodeRow] {
        &self.rows
    }

    /// The communes of a postcode, main commune first.
    pub fn communes<'a, 'b>(
        &'a self,
        postcode: &'b str,
    ) -> impl Iterator<Item = &'a PostcodeRow> + use<'a, 'b> {
        self.rows.iter().filter(move |row| row.postcode == postcode)
    }
}

/// The bassin of the Bruxelles-Ville part of a postcode, from docs/domain.md §1.4.
pub fn bruxelles_postcode_bassin(postcode: &str) -> Option<Bassin> {
    BRUXELLES_POSTCODE_BASSINS
        .iter()
        .find(|(code, _)| *code == postcode)
        .map(|(_, bassin)| *bassin)
}

/// A postcode as given, cleaned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Postcode {
    /// A 4-digit Belgian postcode.
    Belgian(String),
    /// Anything else (foreign postcode).
    Foreign(String),
}

impl Postcode {
    /// Cleans a postcode: trims, drops a `B-` / `BE-` prefix; `None` when empty.
    pub fn parse(text: &str) -> Option<Self> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return None;
        }
        let upper = trimmed.to_uppercase();
        let digits = ["BE-", "BE ", "B-", "B ", "BE", "B"]
            .iter()
            .find_map(|prefix| upper.strip_prefix(prefix))
            .unwrap_or(&upper)
            .trim();
        if digits.len() == 4 && digits.bytes().all(|byte| byte.is_ascii_digit()) {
            return Some(Self::Belgian(digits.to_owned()));
        }
        Some(Self::Foreign(trimmed.to_owned()))
    }

    /// The 4 digits of a Brussels postcode (1000–1299).
    pub fn brussels(&self) -> Option<&str> {
        match self {
            Self::Belgian(code) if ("1000".."1300").contains(&code.as_str()) => Some(code),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_postcodes() {
        assert_eq!(
            Postcode::parse("B-1050 "),
            Some(Postcode::Belgian("1050".into()))
        );
        assert_eq!(
            Postcode::parse("1930"),
            Some(Postcode::Belgian("1930".into()))
        );
        assert_eq!(
            Postcode::parse("75011"),
            Some(Postcode::Foreign("75011".into()))
        );
        assert_eq!(Postcode::parse(" "), None);
        assert_eq!(Postcode::parse("1299").unwrap().brussels(), Some("1299"));
        assert_eq!(Postcode::parse("1930").unwrap().brussels(), None);
        assert_eq!(Postcode::parse("0999").unwrap().brussels(), None);
    }

    #[test]
    fn orders_the_main_commune_first() {
        let table = PostcodeTable::bundled().unwrap();
        let communes = |postcode| -> Vec<&str> {
            table
                .communes(postcode)
                .map(|row| row.nis.as_str())
                .collect()
        };
        assert_eq!(communes("1040"), vec!["21005", "21004", "21019"]);
        assert_eq!(communes("1050"), vec!["21009", "21004", "21013"]);
        assert_eq!(communes("1030"), vec!["21015", "21004"]);
        assert_eq!(communes("1070"), vec!["21001", "21004"]);
        assert!(communes("1930").is_empty());
    }
}
