//! Values written in both languages in one field: `Rue Haute - Hoogstraat`,
//! `KRUIDTUIN / BOTANIQUE`.

/// Separators between the two languages of one value (a hyphen inside a word, as in
/// `Jean-Baptiste`, is not one).
const SEPARATORS: [&str; 3] = [" - ", " – ", " / "];

/// The two halves of a value around each separator it holds (first occurrence), trimmed:
/// a caller keeps the first pair whose halves are in two languages.
pub fn halves(text: &str) -> impl Iterator<Item = (&str, &str)> {
    SEPARATORS.iter().filter_map(move |separator| {
        let (left, right) = text.split_once(separator)?;
        Some((left.trim(), right.trim()))
    })
}

/// Every part of a value between separators, trimmed, empty parts left out.
pub fn parts(text: &str) -> Vec<&str> {
    let mut parts = vec![text];
    for separator in SEPARATORS {
        parts = parts
            .into_iter()
            .flat_map(|part| part.split(separator))
            .collect();
    }
    parts
        .into_iter()
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_values_in_two_languages() {
        let first = |text| halves(text).next();
        assert_eq!(
            first("Rue Haute - Hoogstraat"),
            Some(("Rue Haute", "Hoogstraat"))
        );
        assert_eq!(
            first("KRUIDTUIN / BOTANIQUE"),
            Some(("KRUIDTUIN", "BOTANIQUE"))
        );
        assert_eq!(first("Rue Jean-Baptiste"), None);
        assert_eq!(parts("Rue Haute - Hoogstraat"), ["Rue Haute", "Hoogstraat"]);
        assert_eq!(parts("Rue Jean-Baptiste"), ["Rue Jean-Baptiste"]);
    }
}
