//! Street names compared word by word, for what the prefix search misses: initials and
//! given names (`BD. J. GRAINDOR` is `Boulevard Joseph Graindor`, `J.J. CROCQ` `Jean-Joseph
//! Crocq`), `St` for Saint or Sint, dropped articles (`rue moulin`), a typo in a long word.

/// Street words a typed word may stand for, besides itself.
fn saint(typed: &str, street: &str) -> bool {
    matches!(typed, "st" | "ste" | "sts") && matches!(street, "saint" | "sainte" | "sint")
}

/// True when a typed word is the street word, give or take one edit in a long word.
fn same_word(typed: &str, street: &str) -> bool {
    if typed == street || saint(typed, street) {
        return true;
    }
    typed.chars().count() >= 5 && strsim::damerau_levenshtein(typed, street) <= 1
}

/// How many street words the typed words skip when each typed word, in order, is a street
/// word or the initials of the next ones; `None` when they do not align.
pub(crate) fn skipped(typed: &[&str], street: &[&str]) -> Option<usize> {
    let Some((first, rest)) = typed.split_first() else {
        return Some(street.len());
    };
    let initials = first.chars().count() <= 2 && first.chars().all(char::is_alphabetic);
    let mut best: Option<usize> = None;
    for start in 0..street.len() {
        let consumed = if same_word(first, street[start]) {
            1
        } else if initials && is_initials_of(first, &street[start..]) {
            first.chars().count()
        } else {
            continue;
        };
        let Some(after) = skipped(rest, &street[start + consumed..]) else {
            continue;
        };
        let total = start + after;
        best = Some(best.map_or(total, |known| known.min(total)));
    }
    best
}

/// True when `letters` are the first letters of the next street words, one each.
fn is_initials_of(letters: &str, street: &[&str]) -> bool {
    let count = letters.chars().count();
    street.len() >= count
        && letters
            .chars()
            .zip(street)
            .all(|(letter, word)| word.starts_with(letter))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        text.split(' ').collect()
    }

    #[test]
    fn initials_saints_articles_and_typos() {
        let graindor = words("boulevard joseph graindor");
        assert_eq!(skipped(&words("boulevard j graindor"), &graindor), Some(0));
        let crocq = words("avenue jean joseph crocq");
        assert_eq!(skipped(&words("avenue jj crocq"), &crocq), Some(0));
        let job = words("chaussee de saint job");
        assert_eq!(skipped(&words("chaussee st job"), &job), Some(1));
        assert_eq!(
            skipped(&words("rue moulin"), &words("rue du moulin")),
            Some(1)
        );
        assert_eq!(
            skipped(&words("rue mouiln"), &words("rue du moulin")),
            Some(1)
        );
        assert_eq!(skipped(&words("rue haute"), &words("rue basse")), None);
    }
}
