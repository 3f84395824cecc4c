//! An address as copied from a letter, a form or a file, cut into its parts (`c/o CPAS, Rue
//! Haute 298 / 1000 Bruxelles - porte de gauche`): the recipient (`c/o …`, `chez …`, `Dhr.
//! …`, `Familie …`), the notes for the door (`porte de gauche`, `ingang via de binnenkoer`,
//! `aanbellen bij …`), the contacts and file lines (`Tél. 02 …`, an e-mail, `Dossier n°
//! …`, a date of birth) and a form's label (`Adresse :`) are left out; the parts that
//! remain keep their order.

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

/// Words that open a part holding no place: contacts and the lines of a file.
const OTHER_LINE_WORDS: &[&str] = &[
    "tel",
    "tél",
    "gsm",
    "fax",
    "mobile",
    "portable",
    "telephone",
    "telefoon",
    "email",
    "mail",
    "courriel",
    "web",
    "www",
    "dossier",
    "dossiernummer",
    "ref",
    "reference",
    "referentie",
    "ne",
    "nee",
    "geboren",
    "ddn",
    "naissance",
    "rrn",
    "niss",
    "rijksregisternummer",
];

/// Labels of a form's address field, dropped with their colon (`Adresse :`, `Adres:`).
const LABELS: &[&str] = &[
    "adresse",
    "adres",
    "address",
    "domicile",
    "woonplaats",
    "residence",
    "verblijfplaats",
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

/// The most characters of a written address read (a signature or a file's header
/// included); the place itself is then read from its first 200.
const MAX_CHARS: usize = 600;

/// The parts of a written address (cut at commas, semicolons, slashes and dashes written
/// apart), without the recipient's and the notes; a note at the end of a part is cut off.
pub fn parts(text: &str) -> Vec<String> {
    let text: String = text.chars().take(MAX_CHARS).collect();
    let marked = text
        .replace("c/o", " co ")
        .replace("C/O", " co ")
        .replace("p/a", " pa ")
        .replace("P/A", " pa ");
    cut(&marked)
        .into_iter()
        .map(|part| without_label(&part))
        .filter(|part| !is_recipient(part) && !is_other_line(part))
        .filter_map(|part| without_note(&part))
        .collect()
}

/// Whether a part holds a contact or a file's line (`Tél. 02 511 00 00`,
/// `info@example.org`, `Dossier n° 2024/123`, `né le 12/03/1980`), not the place.
fn is_other_line(part: &str) -> bool {
    let words = folded_words(part);
    let opens = words.first().is_some_and(|first| {
        let first = first.trim_end_matches(':');
        OTHER_LINE_WORDS.contains(&first) || first.starts_with('°')
    });
    let contact = part.contains('@') || part.trim_start().starts_with('+');
    opens || contact
}

/// The part without a form's label before the address (`Adresse : Rue Haute 298`).
fn without_label(part: &str) -> String {
    let Some((label, rest)) = part.split_once(':') else {
        return part.to_owned();
    };
    let is_label = folded_words(label)
        .last()
        .is_some_and(|word| LABELS.contains(&word.as_str()));
    if is_label {
        rest.trim().to_owned()
    } else {
        part.to_owned()
    }
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
        let range = || {
            let previous = chars[..at].iter().rev().find(|c| !c.is_whitespace());
            let next = chars[at + 1..].iter().find(|c| !c.is_whitespace());
            previous.is_some_and(char::is_ascii_digit) && next.is_some_and(char::is_ascii_digit)
        };
        let separator = match c {
            ',' | ';' | '|' | '\n' | '\t' => true,
            '/' => !(before.is_some_and(|c| c.is_ascii_digit()) && glued(after)),
            '-' | '–' | '—' => !(glued(before) && glued(after) || range()),
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
            parts("Adresse : Rue Haute 298 | 1000 Bruxelles | Tél. 02 511 00 00 | a@b.be"),
            ["Rue Haute 298", "1000 Bruxelles"]
        );
        assert_eq!(
            parts("Dossier n° 2024/123\nMme X, née le 12/03/1980\nHoogstraat 298, 1000"),
            ["Hoogstraat 298", "1000"]
        );
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
