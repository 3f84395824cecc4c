//! Dutch compounds: `gokverslaving` is `gok` and `verslaving`, `schuldenlast` is
//! `schulden` and `last`, `jongerenpsycholoog` is `jongeren` and `psycholoog`. Dutch writes compounds as
//! one word, often with a linking `-s-` or `-en-` (`arbeidsongeval`, `pannenkoek`), so a
//! compound nobody listed finds nothing unless it is cut into words that are known.
//!
//! What counts as a known word is the caller's: the index's vocabulary and the thesaurus.

/// Shortest part of a compound, in characters.
pub const MIN_PART_CHARS: usize = 3;

/// Shortest word ever cut, in characters.
pub const MIN_COMPOUND_CHARS: usize = 7;

/// Linking morphemes between the parts of a Dutch compound, tried in this order.
const LINKS: [&str; 4] = ["", "s", "en", "e"];

/// Most parts a compound is cut into.
const MAX_PARTS: usize = 3;

/// The parts of a folded word when it is a compound of known words (linking `-s-`, `-en-`,
/// `-e-` dropped); `None` when it is not. Among the ways to cut it, the fewest parts win,
/// then the one whose shortest part is longest.
pub fn split<'a>(word: &'a str, is_word: &dyn Fn(&str) -> bool) -> Option<Vec<&'a str>> {
    let cuts = cuts(word, is_word, MAX_PARTS);
    cuts.into_iter().min_by_key(|parts| {
        let shortest = parts.iter().map(|part| part.chars().count()).min();
        (parts.len(), std::cmp::Reverse(shortest.unwrap_or(0)))
    })
}

/// Every way to cut `word` into at most `most` known parts (at least two).
fn cuts<'a>(word: &'a str, is_word: &dyn Fn(&str) -> bool, most: usize) -> Vec<Vec<&'a str>> {
    let mut found = Vec::new();
    if most < 2 {
        return found;
    }
    let boundaries = word
        .char_indices()
        .map(|(position, _)| position)
        .skip(MIN_PART_CHARS);
    for cut in boundaries {
        let (head, rest) = word.split_at(cut);
        if !is_word(head) {
            continue;
        }
        for link in LINKS {
            let Some(tail) = rest.strip_prefix(link) else {
                continue;
            };
            if tail.chars().count() < MIN_PART_CHARS {
                continue;
            }
            if is_word(tail) {
                found.push(vec![head, tail]);
            }
            for mut parts in cuts(tail, is_word, most - 1) {
                parts.insert(0, head);
                found.push(parts);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const KNOWN: &[&str] = &[
        "gok",
        "verslaving",
        "schuld",
        "schulden",
        "last",
        "thuis",
        "hulp",
        "budget",
        "jongeren",
        "psycholoog",
        "energie",
        "armoede",
        "huur",
        "achterstand",
        "arbeid",
        "ongeval",
        "ver",
    ];

    fn parts(word: &str) -> Option<Vec<&str>> {
        split(word, &|part| KNOWN.contains(&part))
    }

    #[test]
    fn cuts_compounds_into_known_words() {
        assert_eq!(parts("gokverslaving"), Some(vec!["gok", "verslaving"]));
        assert_eq!(parts("budgethulp"), Some(vec!["budget", "hulp"]));
        assert_eq!(parts("thuishulp"), Some(vec!["thuis", "hulp"]));
        assert_eq!(
            parts("jongerenpsycholoog"),
            Some(vec!["jongeren", "psycholoog"])
        );
        assert_eq!(parts("energiearmoede"), Some(vec!["energie", "armoede"]));
        assert_eq!(parts("huurachterstand"), Some(vec!["huur", "achterstand"]));
    }

    #[test]
    fn drops_linking_morphemes() {
        assert_eq!(parts("arbeidsongeval"), Some(vec!["arbeid", "ongeval"]));
        let schulden = parts("schuldenlast").expect("a compound");
        assert_eq!(schulden.last(), Some(&"last"));
    }

    #[test]
    fn leaves_unknown_and_short_words_whole() {
        assert_eq!(parts("kinderopvang"), None);
        assert_eq!(parts("gokhulp"), Some(vec!["gok", "hulp"]));
        assert_eq!(parts("hulp"), None);
        assert_eq!(parts("goklast"), Some(vec!["gok", "last"]));
        assert_eq!(parts("éénhulp"), None);
    }
}
