//! FR/NL pairs where one side is a copy of the other or in the wrong language (the
//! language guess itself is `orienta_text`'s).
//!
//! A text is never moved into the other language's field: a copy or a text in the wrong
//! language is simply not used for that language (a `SuspectLanguage` warning quotes it).

use super::text::short;
use super::warning;
use orienta_model::{Lang, QualityCode, QualityIssue};
use orienta_text::{fold, guess_name, guess_text};

/// Whether a text is a name (judged on legal forms only) or a running text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// An organisation name: proper names are often the same in both languages.
    Name,
    /// A description, audience or other running text.
    Text,
}

/// Characters of each text folded first when comparing them.
const SAME_TEXT_PREFIX_CHARS: usize = 48;

/// True when two texts are the same up to case, accents and punctuation.
///
/// The folded beginnings are compared first: folding a prefix gives a prefix of the folded
/// text, so two texts that fold alike have folded beginnings of which one starts the other.
/// Most FR/NL pairs differ there, and long texts are then not folded whole.
fn same_text(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if a.len().abs_diff(b.len()) > 8 {
        return false;
    }
    let head = |text: &str| -> String {
        let end = text
            .char_indices()
            .nth(SAME_TEXT_PREFIX_CHARS)
            .map_or(text.len(), |(position, _)| position);
        fold(&text[..end])
    };
    let (head_a, head_b) = (head(a), head(b));
    let shared = head_a.len().min(head_b.len());
    if head_a.as_bytes()[..shared] != head_b.as_bytes()[..shared] {
        return false;
    }
    fold(a) == fold(b)
}

fn lang_word(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "french",
        Lang::Nl => "dutch",
        Lang::En => "english",
    }
}

/// Checks a French/Dutch pair and returns what may be used for each language.
pub fn check_pair(
    fr: Option<String>,
    nl: Option<String>,
    fields: [&str; 2],
    kind: TextKind,
    issues: &mut Vec<QualityIssue>,
) -> (Option<String>, Option<String>) {
    let [fr_field, nl_field] = fields;
    let mut drop = |value: &str, field: &str, found: Lang, expected: Lang, copy: bool| {
        let message = if copy {
            format!(
                "`{}` is a copy of the {} text; not used as {}",
                short(value),
                lang_word(found),
                lang_word(expected)
            )
        } else {
            format!(
                "`{}` is in {}; not used as {}",
                short(value),
                lang_word(found),
                lang_word(expected)
            )
        };
        issues.push(warning(QualityCode::SuspectLanguage, field, message));
    };
    let detect_kind = |text: &str| match kind {
        TextKind::Name => guess_name(text),
        TextKind::Text => guess_text(text),
    };
    match (fr, nl) {
        (Some(fr), Some(nl)) if same_text(&fr, &nl) => match detect_kind(&fr) {
            Some(Lang::Nl) => {
                drop(&fr, fr_field, Lang::Nl, Lang::Fr, true);
                (None, Some(nl))
            }
            Some(Lang::Fr) => {
                drop(&nl, nl_field, Lang::Fr, Lang::Nl, true);
                (Some(fr), None)
            }
            _ => (Some(fr), Some(nl)),
        },
        (fr, nl) if kind == TextKind::Name => (fr, nl),
        (fr, nl) => {
            let fr = fr.filter(|text| match guess_text(text) {
                Some(Lang::Nl) => {
                    drop(text, fr_field, Lang::Nl, Lang::Fr, false);
                    false
                }
                _ => true,
            });
            let nl = nl.filter(|text| match guess_text(text) {
                Some(Lang::Fr) => {
                    drop(text, nl_field, Lang::Fr, Lang::Nl, false);
                    false
                }
                _ => true,
            });
            (fr, nl)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIELDS: [&str; 2] = ["publicFr", "publicNl"];

    #[test]
    fn same_text_ignores_case_accents_and_punctuation() {
        let long = "Accueil, écoute et orientation des personnes sans abri; ".repeat(3);
        assert!(same_text(&long, &long.to_uppercase().replace('é', "e")));
        assert!(same_text(
            "L'Îlot — accueil de jour",
            "l ilot accueil de jour"
        ));
        assert!(!same_text(&long, &long.replace("abri;", "toit;")));
        assert!(!same_text(
            "Onthaal en begeleiding",
            "Accueil et orientation"
        ));
    }

    #[test]
    fn copies_are_not_used() {
        let mut issues = Vec::new();
        let (fr, nl) = check_pair(
            Some("ASBL Exemple 16".into()),
            Some("ASBL Exemple 16".into()),
            ["nameOfficialFr", "nameOfficialNl"],
            TextKind::Name,
            &mut issues,
        );
        assert_eq!((fr.as_deref(), nl), (Some("ASBL Exemple 16"), None));
        assert!(
            issues[0].message.contains("ASBL Exemple 16"),
            "{}",
            issues[0].message
        );
        let (fr, nl) = check_pair(
            None,
            Some("Tout public".into()),
            FIELDS,
            TextKind::Text,
            &mut issues,
        );
        assert_eq!((fr, nl), (None, None));
        assert_eq!(issues.len(), 2);
        let (fr, nl) = check_pair(
            Some("Samusocial".into()),
            Some("Samusocial".into()),
            FIELDS,
            TextKind::Name,
            &mut issues,
        );
        assert!(fr.is_some() && nl.is_some());
        let (_, nl) = check_pair(
            Some("Le Foyer".into()),
            Some("Le Foyer".into()),
            FIELDS,
            TextKind::Name,
            &mut issues,
        );
        assert!(nl.is_some());
    }
}
