//! The French and Dutch names of a Brussels street, from the bundled BeST street list:
//! an address published in one language ("KRUIDTUINLAAN 32, 1000") can be shown in the
//! reader's language ("Boulevard du Jardin Botanique").

use crate::bundled;
use orienta_text::street::street_key;
use std::collections::HashMap;
use std::sync::OnceLock;

/// (postcode, folded street name) → (French name, Dutch name); `None` when one key names
/// two different streets in the same postcode, which then stays untranslated.
type Names = HashMap<(String, String), Option<(String, String)>>;

/// The official French and Dutch names of the street called `name` (in either language,
/// any case or accents) in `postcode`, if the street list knows exactly one such street.
pub fn street_in_both_languages(
    postcode: &str,
    name: &str,
) -> Option<(&'static str, &'static str)> {
    let key = (postcode.to_owned(), street_key(name));
    let (fr, nl) = names().get(&key)?.as_ref()?;
    Some((fr.as_str(), nl.as_str()))
}

fn names() -> &'static Names {
    static NAMES: OnceLock<Names> = OnceLock::new();
    NAMES.get_or_init(read_names)
}

fn read_names() -> Names {
    let mut names = Names::new();
    let mut reader = csv::Reader::from_reader(bundled::STREETS.as_bytes());
    for row in reader.records().filter_map(Result::ok) {
        let (Some(postcode), Some(fr), Some(nl)) = (row.get(0), row.get(4), row.get(5)) else {
            continue;
        };
        if fr.trim().is_empty() || nl.trim().is_empty() {
            continue;
        }
        let pair = (fr.trim().to_owned(), nl.trim().to_owned());
        for name in [fr, nl] {
            let key = (postcode.to_owned(), street_key(name));
            names
                .entry(key)
                .and_modify(|known| {
                    if known.as_ref() != Some(&pair) {
                        *known = None;
                    }
                })
                .or_insert_with(|| Some(pair.clone()));
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_other_language_from_either_name_in_capitals() {
        let (fr, nl) = street_in_both_languages("1000", "KRUIDTUINLAAN").unwrap();
        assert_eq!(nl, "Kruidtuinlaan");
        assert!(fr.starts_with("Boulevard"), "{fr}");
        let again = street_in_both_languages("1000", fr).unwrap();
        assert_eq!(again, (fr, nl));
    }

    #[test]
    fn an_unknown_street_or_postcode_stays_untranslated() {
        assert_eq!(street_in_both_languages("1000", "Rue Imaginaire"), None);
        assert_eq!(street_in_both_languages("9999", "Kruidtuinlaan"), None);
    }
}
