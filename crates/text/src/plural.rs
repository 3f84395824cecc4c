//! Matching keys: a folded token without its plural ending, so that singular and plural
//! forms meet.

/// Words whose `-en` is not a plural ending worth dropping: "ouderen" (older people)
/// must not become "ouder" (parent), nor "jongeren" (young people) "jonger" (younger).
const NO_STEM: [&str; 2] = ["ouderen", "jongeren"];

/// The matching key of one folded token: the token without a plural ending when it is
/// longer than 4 letters.
///
/// French: `-s`, `-x` dropped, `-aux` → `-al` (sociaux = social), `-eaux` → `-eau`, and
/// `-ée` → `-é` (décédée = décédé, épuisées = épuisé).
/// Dutch: `-en` and `-s` dropped, with the spelling undone (pakketten = pakket,
/// ziekenhuizen = ziekenhuis, brieven = brief). Applied the same way to thesaurus
/// terms and texts, it only needs to be consistent, not linguistically exact.
pub fn match_key(token: &str) -> String {
    let (kept, suffix) = key_parts(token);
    let mut key = String::with_capacity(kept + suffix.len());
    key.push_str(&token[..kept]);
    key.push_str(suffix);
    key
}

/// The key of a token as the length of the token's prefix it keeps and a suffix to
/// append ("sociaux" → 4, "al"; "pakketten" → 6, ""; "brieven" → 4, "f").
pub(crate) fn key_parts(token: &str) -> (usize, &'static str) {
    let bytes = token.as_bytes();
    let stemmable = bytes.len() > 4 && bytes.iter().all(u8::is_ascii_lowercase);
    if !stemmable || NO_STEM.contains(&token) {
        return (bytes.len(), "");
    }
    let mut kept = bytes.len();
    if token.ends_with("eaux") {
        kept -= 1;
    } else if token.ends_with("aux") {
        return (kept - 3, "al");
    } else if token.ends_with('s') || token.ends_with('x') {
        kept -= 1;
    }
    // French feminine participles and adjectives meet the masculine (décédée = décédé).
    if kept > 4 && token[..kept].ends_with("ee") {
        return (kept - 1, "");
    }
    if kept > 4 && token[..kept].ends_with("en") {
        kept -= 2;
        return undo_dutch_plural_spelling(&token[..kept]);
    }
    (kept, "")
}

/// After dropping `-en`, the key of the singular Dutch spelling gives
/// ([`crate::dutch::closed_end`]): `pakkett` → `pakket`, `briev` → `brief`, and `huiz` →
/// the key of `huis` (`ziekenhuiz` → `ziekenhui`, as `ziekenhuis` loses its `-s`).
fn undo_dutch_plural_spelling(stem: &str) -> (usize, &'static str) {
    let (kept, end) = crate::dutch::closed_end(stem);
    let singular_len = kept + end.len();
    if end == "s" && singular_len > 4 {
        return (kept, "");
    }
    (kept, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_join_singular_and_plural() {
        let same = |left: &str, right: &str| assert_eq!(match_key(left), match_key(right));
        same("alimentaires", "alimentaire");
        same("restaurants", "restaurant");
        same("sociaux", "social");
        same("bureaux", "bureau");
        same("voedselpakketten", "voedselpakket");
        same("ziekenhuizen", "ziekenhuis");
        same("huizen", "huis");
        same("reizen", "reis");
        same("gezinnen", "gezin");
        same("brieven", "brief");
        same("citoyens", "citoyen");
        same("verslavingen", "verslaving");
        same("decedee", "decede");
        same("epuisees", "epuise");
    }

    #[test]
    fn keys_keep_short_and_protected_words() {
        assert_eq!(match_key("sans"), "sans");
        assert_eq!(match_key("cpas"), "cpas");
        assert_eq!(match_key("ouderen"), "ouderen");
        assert_ne!(match_key("ouderen"), match_key("ouders"));
        assert_eq!(match_key("nt2"), "nt2");
    }
}
