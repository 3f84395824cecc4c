//! A service area stated as a list of places in a structured field: `Schaerbeek; Evere`,
//! `1030, 1140`, `21015`, `region` / `Brussels Gewest`, `bassin:nord` / `Bassin Nord-Est`.

use orienta_model::{AreaStatus, Bassin, ServiceArea};
use orienta_territory::{PlaceName, Tagger};

/// Most items a list may hold (a bound on what a source controls).
const MAX_ITEMS: usize = 200;

/// The area when every item of the list names a place; `None` otherwise (read as text).
pub(super) fn list(text: &str, tagger: &Tagger) -> Option<ServiceArea> {
    let mut area = ServiceArea {
        status: AreaStatus::Declared,
        ..ServiceArea::default()
    };
    let items: Vec<&str> = text
        .split([';', ',', '/', '|', '\n'])
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .collect();
    if items.is_empty() || items.len() > MAX_ITEMS {
        return None;
    }
    for item in items {
        add(&mut area, item, tagger)?;
    }
    Some(area)
}

/// Adds one item; `None` when it names no place.
fn add(area: &mut ServiceArea, item: &str, tagger: &Tagger) -> Option<()> {
    let folded = orienta_text::fold(item);
    if matches!(
        &*folded,
        "region" | "gewest" | "brussels" | "bruxelles" | "brussel"
    ) || super::cues::REGION.contains(&&*folded)
    {
        area.region = true;
        return Some(());
    }
    if let Some(bassin) = bassin(&folded) {
        area.bassins.push(bassin);
        return Some(());
    }
    if folded.len() == 4 && folded.bytes().all(|byte| byte.is_ascii_digit()) {
        let commune = tagger.postcode_main_commune(&folded)?;
        area.communes.push(commune.nis.clone());
        return Some(());
    }
    if let Some(commune) = tagger.commune(&folded) {
        area.communes.push(commune.nis.clone());
        return Some(());
    }
    match tagger.read_place_name(item) {
        PlaceName::Commune(nis) => area.communes.push(nis),
        PlaceName::Region => area.region = true,
        PlaceName::Unknown => return None,
    }
    Some(())
}

/// `bassin nord est`, `bassin:nord-est` (folded `bassin nord est`), `zorgbassin noord`.
fn bassin(folded: &str) -> Option<Bassin> {
    let name = folded
        .strip_prefix("bassin ")
        .or_else(|| folded.strip_prefix("zorgbassin "))?;
    Bassin::ALL.into_iter().find(|bassin| {
        [bassin.slug(), bassin.label_fr(), bassin.label_nl()]
            .iter()
            .any(|label| orienta_text::fold(label) == name)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tagger() -> &'static Tagger {
        static TAGGER: std::sync::OnceLock<Tagger> = std::sync::OnceLock::new();
        TAGGER.get_or_init(|| Tagger::bundled().unwrap())
    }

    #[test]
    fn reads_lists_of_places_and_refuses_sentences() {
        let area = list("Schaerbeek; Evere, 1210 / 21004", tagger()).unwrap();
        assert_eq!(area.communes, ["21015", "21006", "21014", "21004"]);
        assert_eq!(area.status, AreaStatus::Declared);
        assert!(
            list("Brussels Hoofdstedelijk Gewest", tagger())
                .unwrap()
                .region
        );
        let bassins = list("bassin:nord-est; Bassin Sud", tagger()).unwrap();
        assert_eq!(bassins.bassins, [Bassin::NordEst, Bassin::Sud]);
        assert!(list("Pour les habitants de Jette", tagger()).is_none());
        assert!(list("", tagger()).is_none());
    }
}
