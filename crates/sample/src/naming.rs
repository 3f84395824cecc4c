//! Provider names: templates filled with quartiers, streets, communes, plants, people and
//! landmarks; UPPER CASE official names; slugs for the fictitious e-mail and web addresses.

use crate::catalogue::{Catalogue, Pair};
use crate::communes;
use crate::place::Place;
use rand::Rng;

/// The proper names one record's templates can use, chosen once per record so the FR and NL
/// names speak of the same place and plant.
pub(crate) struct NameContext<'a> {
    commune: (String, String),
    quartier: (String, String),
    street: (String, String),
    plant: &'a Pair,
    motto: &'a Pair,
    saint: &'a Pair,
    person: &'a str,
    landmark: (&'a str, &'a str, &'a str),
}

impl<'a> NameContext<'a> {
    /// Draws the proper names for a record located at `place`.
    pub fn new(rng: &mut impl Rng, catalogue: &'a Catalogue, place: &Place) -> Self {
        let landmark = &catalogue.landmarks[rng.random_range(0..catalogue.landmarks.len())];
        Self {
            commune: (place.commune_fr.clone(), place.commune_nl.clone()),
            quartier: (
                short_quartier(&place.quartier_fr),
                short_quartier(&place.quartier_nl),
            ),
            street: (place.street_fr.clone(), place.street_nl.clone()),
            plant: &catalogue.plants[rng.random_range(0..catalogue.plants.len())],
            motto: &catalogue.mottos[rng.random_range(0..catalogue.mottos.len())],
            saint: &catalogue.saints[rng.random_range(0..catalogue.saints.len())],
            person: &catalogue.persons[rng.random_range(0..catalogue.persons.len())],
            landmark: (&landmark.0, &landmark.1, &landmark.2),
        }
    }

    /// Fills a template; `dutch` selects the NL side of every pair.
    pub fn render(&self, template: &str, dutch: bool) -> String {
        let pick = |pair: &(String, String)| {
            if dutch {
                pair.1.clone()
            } else {
                pair.0.clone()
            }
        };
        let pick_pair = |pair: &Pair| {
            if dutch {
                pair.1.clone()
            } else {
                pair.0.clone()
            }
        };
        let mut text = String::with_capacity(template.len() + 24);
        let mut rest = template;
        while let Some(start) = rest.find('{') {
            text.push_str(&rest[..start]);
            let Some(length) = rest[start..].find('}') else {
                break;
            };
            let value = match &rest[start + 1..start + length] {
                "commune" => pick(&self.commune),
                "de_commune" if dutch => self.commune.1.clone(),
                "de_commune" => communes::de(&self.commune.0),
                "quartier" => pick(&self.quartier),
                "street" => pick(&self.street),
                "plant" => pick_pair(self.plant),
                "motto" => pick_pair(self.motto),
                "saint" => pick_pair(self.saint),
                "person" => self.person.to_owned(),
                "landmark" if dutch => self.landmark.2.to_owned(),
                "landmark" => self.landmark.0.to_owned(),
                "de_landmark" if dutch => self.landmark.2.to_owned(),
                "de_landmark" => self.landmark.1.to_owned(),
                other => format!("{{{other}}}"),
            };
            text.push_str(&value);
            rest = &rest[start + length + 1..];
        }
        text.push_str(rest);
        text
    }
}

/// The first part of a Monitoring quartier name, in title case: "HEYMBOSCH - AZ-JETTE" → "Heymbosch".
fn short_quartier(upper: &str) -> String {
    let first = upper.split(" - ").next().unwrap_or(upper);
    title_case(&first.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// "ANDERLECHT CENTRE - WAYEZ" → "Anderlecht Centre - Wayez"; "PORTE DE NAMUR" → "Porte de Namur".
pub(crate) fn title_case(upper: &str) -> String {
    const SMALL: [&str; 12] = [
        "de", "du", "des", "la", "le", "les", "et", "en", "van", "ten", "aux", "het",
    ];
    let mut words = Vec::new();
    for (position, word) in upper.split(' ').enumerate() {
        let lower = word.to_lowercase();
        if position > 0 && SMALL.contains(&lower.as_str()) {
            words.push(lower);
            continue;
        }
        let mut capitalised = String::with_capacity(lower.len());
        let mut start_of_part = true;
        for character in lower.chars() {
            if start_of_part {
                capitalised.extend(character.to_uppercase());
            } else {
                capitalised.push(character);
            }
            start_of_part = matches!(character, '-' | '\'' | '(' | '.');
        }
        words.push(capitalised);
    }
    words.join(" ")
}

/// Another spelling of the same name, as duplicates show it: other case, other punctuation.
/// `dutch` picks the legal-form suffix ("vzw" rather than "asbl") when one is added.
pub(crate) fn variant(rng: &mut impl Rng, name: &str, dutch: bool) -> String {
    let mut changed = if name.chars().any(char::is_lowercase) {
        name.to_uppercase()
    } else {
        title_case(name)
    };
    if rng.random_bool(0.5) {
        changed = changed.replace(" – ", " - ").replace('\'', "’");
    }
    if rng.random_bool(0.3) {
        changed = changed
            .replace("CPAS", "C.P.A.S.")
            .replace("OCMW", "O.C.M.W.");
    }
    if changed == name || rng.random_bool(0.3) {
        changed.push_str(if dutch { " vzw" } else { " asbl" });
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_case_keeps_particles_small() {
        assert_eq!(
            title_case("ANDERLECHT CENTRE - WAYEZ"),
            "Anderlecht Centre - Wayez"
        );
        assert_eq!(title_case("PORTE DE NAMUR"), "Porte de Namur");
        assert_eq!(title_case("SAINT-JOSSE CENTRE"), "Saint-Josse Centre");
        assert_eq!(title_case("ÉTANGS D'IXELLES"), "Étangs D'Ixelles");
        assert_eq!(short_quartier("SAINTE-ALIX  - JOLI BOIS"), "Sainte-Alix");
    }

    #[test]
    fn variants_differ_only_in_case_and_punctuation() {
        use rand::SeedableRng;
        let letters = |text: &str| -> String {
            text.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect()
        };
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(1);
        for name in [
            "MAISON MÉDICALE LE PONT",
            "Crèche Les Lilas",
            "CPAS d'Evere – Antenne Evere",
        ] {
            let other = variant(&mut rng, name, false);
            assert_ne!(other, name);
            assert!(letters(&other).starts_with(&letters(name)), "{other}");
        }
    }
}
