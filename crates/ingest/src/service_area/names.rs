//! Place names of area texts that need the words around them: postcodes (and ranges), bassins
//! (`bassin d'aide et de soins Nord-Est`, `zorgbassin Zuid`), "Bruxelles" alone (the city or
//! the Region) and a misspelt commune (`Schaerbeeck`).

use super::extract::{Mention, Token};
use orienta_model::Bassin;
use orienta_territory::Tagger;

/// Words allowed between `bassin` and its name.
const BASSIN_FILLERS: &[&str] = &[
    "d", "aide", "et", "de", "soins", "du", "le", "la", "van", "het", "zorg", "en", "welzijn",
    "hulp",
];

/// Bassin names, folded, as one or two words.
const BASSIN_NAMES: &[(&str, Bassin)] = &[
    ("nord est", Bassin::NordEst),
    ("noord oost", Bassin::NordEst),
    ("noordoost", Bassin::NordEst),
    ("nord", Bassin::Nord),
    ("noord", Bassin::Nord),
    ("centre ouest", Bassin::CentreOuest),
    ("centrum west", Bassin::CentreOuest),
    ("sud est", Bassin::SudEst),
    ("zuid oost", Bassin::SudEst),
    ("zuidoost", Bassin::SudEst),
    ("sud", Bassin::Sud),
    ("zuid", Bassin::Sud),
];

/// The bassins named at `position` (`bassin Nord-Est`, `bassins Sud et Sud-Est`,
/// `zorgbassin Noord en Centrum-West`) and the words they span.
pub(super) fn bassins_at(tokens: &[Token], position: usize) -> Option<(Vec<Bassin>, usize)> {
    let first = tokens[position].key.as_str();
    if !matches!(first, "bassin" | "bassins" | "zorgbassin" | "zorgbassins") {
        return None;
    }
    let mut next = position + 1;
    while next < tokens.len()
        && next - position <= 6
        && BASSIN_FILLERS.contains(&&*tokens[next].key)
    {
        next += 1;
    }
    let mut bassins = Vec::new();
    while let Some((bassin, words)) = bassin_name_at(tokens, next) {
        bassins.push(bassin);
        next += words;
        let joined = tokens
            .get(next)
            .is_some_and(|token| matches!(&*token.key, "et" | "en" | "and" | "ou" | "of"));
        let listed = tokens.get(next).is_some_and(|token| token.after_mark);
        match (joined, listed) {
            (true, _) => next += 1,
            (false, true) => {}
            (false, false) => break,
        }
    }
    let spanned = next - position;
    (!bassins.is_empty()).then_some((bassins, spanned))
}

/// A bassin's name (one or two words) at `position`.
fn bassin_name_at(tokens: &[Token], position: usize) -> Option<(Bassin, usize)> {
    let two = tokens
        .get(position..position + 2)
        .map(|pair| format!("{} {}", pair[0].key, pair[1].key));
    let one = tokens.get(position).map(|token| token.key.clone());
    [(two, 2), (one, 1)].into_iter().find_map(|(name, words)| {
        let name = name?;
        BASSIN_NAMES
            .iter()
            .find(|(known, _)| *known == name)
            .map(|(_, bassin)| (*bassin, words))
    })
}

/// A Brussels postcode at `position` (`1030`), or a range (`1080-1083`, `1080 à 1083`),
/// read as the communes most of their streets lie in. A number after a house number or a
/// street is an address, not an area.
pub(super) fn postcodes_at(
    tokens: &[Token],
    position: usize,
    tagger: &Tagger,
) -> Option<(Mention, usize)> {
    let first = postcode(&tokens[position].key)?;
    let after_house_number = position > 0 && postcode(&tokens[position - 1].key).is_none() && {
        let previous = &tokens[position - 1].key;
        previous.starts_with(|c: char| c.is_ascii_digit())
            || matches!(&**previous, "bte" | "bus" | "box")
    };
    if after_house_number {
        return None;
    }
    let (last, words) = range_end(tokens, position).unwrap_or((first, 1));
    let mut communes: Vec<String> = Vec::new();
    for code in first..=last.max(first) {
        let Some(commune) = tagger.postcode_main_commune(&code.to_string()) else {
            continue;
        };
        if !communes.contains(&commune.nis) {
            communes.push(commune.nis.clone());
        }
    }
    (!communes.is_empty()).then_some((Mention::Communes(communes), words))
}

/// `1080-1083`, `1080 à 1083`, `1080 tot 1083`: the last postcode and the words spanned.
/// Postcodes joined by a dash but out of order or far apart (`1140 - 1030`) are a list.
fn range_end(tokens: &[Token], position: usize) -> Option<(u32, usize)> {
    let first = postcode(&tokens[position].key)?;
    let is_range = |last: u32| last > first && last - first <= MAX_RANGE;
    let next = tokens.get(position + 1)?;
    if let Some(last) = postcode(&next.key).filter(|last| next.after_dash && is_range(*last)) {
        return Some((last, 2));
    }
    let joined = matches!(&*next.key, "a" | "au" | "tot" | "t" | "to");
    let last = postcode(&tokens.get(position + 2)?.key).filter(|last| joined && is_range(*last))?;
    Some((last, 3))
}

/// Widest postcode range read as a range (`1080-1083`).
const MAX_RANGE: u32 = 20;

/// A number that can be a Brussels postcode (1000 to 1299).
fn postcode(word: &str) -> Option<u32> {
    let number: u32 = word.parse().ok().filter(|_| word.len() == 4)?;
    (1000..1300).contains(&number).then_some(number)
}

/// "Bruxelles" or "Brussel" alone: the city when a city word or its postcode is next to it
/// (`Bruxelles-Ville` is a name of its own), nothing when it locates a part (`le nord-ouest
/// de Bruxelles`), otherwise the Region, as most readers take it.
pub(super) fn bruxelles_alone(tokens: &[Token], position: usize, next: usize) -> Option<Mention> {
    let after = tokens.get(next).map(|token| token.key.as_str());
    let before: Vec<&str> = tokens[position.saturating_sub(3)..position]
        .iter()
        .map(|token| token.key.as_str())
        .collect();
    let city = matches!(
        after,
        Some("ville" | "stad" | "centre" | "centrum" | "1000")
    ) || matches!(before.last(), Some(&("1000" | "stad" | "ville")));
    if city {
        return Some(Mention::Communes(vec![BRUXELLES_NIS.to_owned()]));
    }
    let part = before.iter().any(|word| PARTS.contains(word));
    (!part).then_some(Mention::Region)
}

/// Words that locate a part of the city (`le nord-ouest de Bruxelles`).
const PARTS: &[&str] = &[
    "nord",
    "sud",
    "est",
    "ouest",
    "centre",
    "noorden",
    "zuiden",
    "oosten",
    "westen",
    "noord",
    "zuid",
    "oost",
    "west",
    "partie",
    "deel",
    "quartiers",
    "wijken",
];

const BRUXELLES_NIS: &str = "21004";

/// A commune name (one or two words, six letters or more) written with one typo at
/// `position` (`schaerbeeck`, `sint gilis`): its NIS code and the words it spans.
pub(super) fn misspelt_commune_at(
    words: &[&str],
    position: usize,
    names: &[(String, String)],
) -> Option<(String, usize)> {
    (1..=2).rev().find_map(|count| {
        let phrase = words.get(position..position + count)?.join(" ");
        if phrase.len() < 6 || phrase.bytes().any(|byte| byte.is_ascii_digit()) {
            return None;
        }
        // One typo keeps the length within one and, nearly always, the first letter.
        let close = |name: &str| {
            name.len().abs_diff(phrase.len()) <= 1
                && name.as_bytes().first() == phrase.as_bytes().first()
                && name.split(' ').count() == count
                && strsim::damerau_levenshtein(&phrase, name) == 1
        };
        names
            .iter()
            .find(|(name, _)| close(name))
            .map(|(_, nis)| (nis.clone(), count))
    })
}

/// Residents' names (`Saint-Gillois`, `Ixellois`, `Schaarbekenaren`), by the folded start
/// of the word and the communes they name; `Bruxellois` is the Region (see `cues`).
const RESIDENTS: &[(&str, &[&str])] = &[
    ("anderlechtois", &["21001"]),
    ("anderlechtena", &["21001"]),
    ("auderghemois", &["21002"]),
    ("oudergemmena", &["21002"]),
    ("berchemois", &["21003"]),
    ("etterbeekois", &["21005"]),
    ("etterbekena", &["21005"]),
    ("everois", &["21006"]),
    ("everna", &["21006"]),
    ("forestois", &["21007"]),
    ("vorstena", &["21007"]),
    ("ganshorenois", &["21008"]),
    ("ixellois", &["21009"]),
    ("elsena", &["21009"]),
    ("jettois", &["21010"]),
    ("jettena", &["21010"]),
    ("koekelbergeois", &["21011"]),
    ("koekelbergena", &["21011"]),
    ("molenbeekois", &["21012"]),
    ("molenbekena", &["21012"]),
    ("molenbeekena", &["21012"]),
    ("saint gillois", &["21013"]),
    ("gillois", &["21013"]),
    ("sint gillisena", &["21013"]),
    ("saint jossois", &["21014"]),
    ("jossois", &["21014"]),
    ("schaerbeekois", &["21015"]),
    ("schaarbekena", &["21015"]),
    ("schaarbeekna", &["21015"]),
    ("ucclois", &["21016"]),
    ("ukkela", &["21016"]),
    ("watermaelien", &["21017"]),
    ("boitsfortois", &["21017"]),
    ("woluwean", &["21018", "21019"]),
    ("woluween", &["21018", "21019"]),
];

/// The communes a residents' name at `position` names (`ixelloises`, `ukkelaars`,
/// `saint gillois`) and the words it spans.
pub(super) fn residents_at(words: &[&str], position: usize) -> Option<(Vec<String>, usize)> {
    let first = words[position];
    if first.len() < 5 {
        return None;
    }
    let inflected = |word: &str, stem: &str| word.starts_with(stem) && word.len() <= stem.len() + 4;
    RESIDENTS.iter().find_map(|(stem, communes)| {
        let count = match stem.split_once(' ') {
            None => inflected(first, stem).then_some(1)?,
            Some((head, tail)) => {
                let next = words.get(position + 1)?;
                (first == head && inflected(next, tail)).then_some(2)?
            }
        };
        Some((
            communes.iter().map(|nis| (*nis).to_owned()).collect(),
            count,
        ))
    })
}
