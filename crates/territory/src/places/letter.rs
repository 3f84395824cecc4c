//! An address as copied from a letter or a form, cut into its parts (`c/o CPAS, Rue Haute
//! 298 / 1000 Bruxelles - porte de gauche`): the recipient (`c/o …`, `chez …`, `Dhr. …`,
//! `Familie …`) and the notes for the door (`porte de gauche`, `ingang via de binnenkoer`,
//! `aanbellen bij …`) are left out; the parts that remain keep their order.

/// Words that open a recipient's part (folded, dots and slashes dropped).
const RECIPIENT_WORDS: &[&str] = &[
    "co", "pa", "chez", "bij", "tav", "attn", "dhr", "mevr", "mr", "m", "mme", "mlle", "mrs", "ms",
    "familie", "famille", "fam", "monsieur", "madame", "meneer", "mevrouw",
];

/// Words that open a note for the door or the bell.
const NOTE_WORDS: &[&str] = &[
    "ingang",
    "entree",
    "achterdeur",
    "voordeur",
    "sonnette",
    "sonner",
    "aanbellen",
    "bellen",
    "sonnez",
];

/// Notes that open with a word streets also use (`Porte de Hal`), whole.
const NOTE_PHRASES: &[&str] = &[
    "linkse deur",
    "rechtse deur",
    "porte de gauche",
    "porte de droite",
    "porte d entree",
    "porte arriere",
    "entree par",
];

/// The parts of a written address (cut at commas, semicolons, slashes and dashes written
/// apart), without the recipient's and the notes; a note at the end of a part is cut off.
pub fn parts(text: &str) -> Vec<String> {
    let marked = text
        .replace("c/o", " co ")
        .replace("C/O", " co ")
        .replace("p/a", " pa ")
        .replace("P/A", " pa ");
    cut(&marked)
        .into_iter()
        .filter(|part| !is_recipient(part))
        .filter_map(|part| without_note(&part))
        .collect()
}

/// Whether a part is the recipient's alone (`c/o CPAS`, `Familie Peeters`): it opens with
/// a recipient word and holds no number and no street word (`chez Mme X rue Haute` keeps
/// its street).
fn is_recipient(part: &str) -> bool {
    let words = folded_words(part);
    let has_street = words
        .iter()
        .skip(1)
        .any(|word| orienta_text::street::is_street_word(word));
    let has_number = part.chars().any(|c| c.is_ascii_digit());
    opens_with(part, RECIPIENT_WORDS) && !has_street && !has_number
}

/// The text cut at its separators; a slash between a number and what follows it (`57/4`)
/// and a dash inside a word or a range (`Saint-Josse`, `8-10`) are no separators.
fn cut(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut parts: Vec<String> = vec![String::new()];
    for (at, &c) in chars.iter().enumerate() {
        let before = at.checked_sub(1).map(|i| chars[i]);
        let after = chars.get(at + 1).copied();
        let glued = |side: Option<char>| side.is_some_and(|c| !c.is_whitespace());
        // `27 - 29`: a range of numbers written with spaces.
        let previous = chars[..at].iter().rev().find(|c| !c.is_whitespace());
        let next = chars[at + 1..].iter().find(|c| !c.is_whitespace());
        let range =
            previous.is_some_and(char::is_ascii_digit) && next.is_some_and(char::is_ascii_digit);
        let separator = match c {
            ',' | ';' => true,
            '/' => !(before.is_some_and(|c| c.is_ascii_digit()) && glued(after)),
            '-' | '–' | '—' => !(range || glued(before) && glued(after)),
            _ => false,
        };
        if separator {
            parts.push(String::new());
        } else if let Some(part) = parts.last_mut() {
            part.push(c);
        }
    }
    parts
        .into_iter()
        .map(|part| part.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|part| !part.is_empty())
        .collect()
}

/// The folded words of a part, dots and apostrophes as spaces.
fn folded_words(part: &str) -> Vec<String> {
    orienta_text::fold(part)
        .split(|c: char| c.is_whitespace() || c == '.' || c == '\'')
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Whether a part opens with one of `words`.
fn opens_with(part: &str, words: &[&str]) -> bool {
    folded_words(part)
        .first()
        .is_some_and(|first| words.contains(&first.as_str()))
}

/// The part without the note it ends with (`1030 Schaerbeek porte de droite`); `None`
/// when the part is all note.
fn without_note(part: &str) -> Option<String> {
    let words: Vec<&str> = part.split_whitespace().collect();
    let folded: Vec<String> = words
        .iter()
        .map(|word| folded_words(word).join(" "))
        .collect();
    let note_at = (0..words.len()).find(|&at| {
        let rest = folded[at..].join(" ");
        NOTE_WORDS.contains(&folded[at].as_str())
            || NOTE_PHRASES.iter().any(|phrase| rest.starts_with(phrase))
    });
    let kept = match note_at {
        Some(0) => return None,
        Some(at) => words[..at].join(" "),
        None => part.to_owned(),
    };
    // A bracket the note left open (`Anderlecht (2x bellen)`) goes with it.
    match kept.rfind('(') {
        Some(open) if !kept[open..].contains(')') => Some(kept[..open].trim_end().to_owned()),
        _ => Some(kept),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recipients_and_notes_are_left_out() {
        assert_eq!(
            parts("c/o CPAS, Rue Haute 298 / 1000 Bruxelles - porte de gauche"),
            ["Rue Haute 298", "1000 Bruxelles"]
        );
        assert_eq!(
            parts("Dhr. Youssef Nguyen, Léon Nicodèmestraat 131/4, Bus 31C - 1070 Anderlecht"),
            ["Léon Nicodèmestraat 131/4", "Bus 31C", "1070 Anderlecht"]
        );
        assert_eq!(
            parts("Rue Adolphe Marbotin 171/6, 1030 Schaerbeek porte de droite"),
            ["Rue Adolphe Marbotin 171/6", "1030 Schaerbeek"]
        );
        assert_eq!(
            parts("Avenue de la Porte de Hal 5, 1060 Saint-Gilles (aanbellen bij X)"),
            ["Avenue de la Porte de Hal 5", "1060 Saint-Gilles"]
        );
        assert_eq!(parts("Chaussée de Gand 8-10"), ["Chaussée de Gand 8-10"]);
        assert_eq!(
            parts("RUE DU MOULIN 27 - 29, 1210"),
            ["RUE DU MOULIN 27 - 29", "1210"]
        );
        assert_eq!(parts("Brussel/Bruxelles"), ["Brussel", "Bruxelles"]);
        assert_eq!(
            parts("Victor Olivierlaan 209, B-1070 Anderlecht (2x bellen)"),
            ["Victor Olivierlaan 209", "B-1070 Anderlecht"]
        );
        assert_eq!(
            parts("chez Olga Popescu Chemin du Rossignol, 160"),
            ["chez Olga Popescu Chemin du Rossignol", "160"]
        );
    }
}
