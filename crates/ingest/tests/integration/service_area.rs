//! Service areas read from text, graded on area texts written blind (by an author who never
//! saw the extractor): `tests/service_area/dev.toml`, which the extractor's authors may read,
//! and `tests/service_area/heldout/areas.toml`, which they do not. Each case's answer is a
//! set of units (`region`, `commune:<nis>`, `bassin:<slug>`, `except:<nis>`); precision and
//! recall are counted over all units of a file.

use super::common::tagger;
use orienta_ingest::service_area::{extract, Home};
use orienta_territory::PlaceName;
use serde::Deserialize;
use std::collections::BTreeSet;

#[derive(Debug, Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
struct Case {
    id: String,
    located_in: Option<String>,
    text: String,
    #[serde(default)]
    region: bool,
    #[serde(default)]
    communes: Vec<String>,
    #[serde(default)]
    bassins: Vec<String>,
    #[serde(default)]
    except: Vec<String>,
}

/// Precision and recall of one file, and the cases that missed.
struct Score {
    cases: usize,
    precision: f64,
    recall: f64,
    misses: Vec<String>,
}

fn nis(name: &str) -> String {
    match tagger().read_place_name(name) {
        PlaceName::Commune(nis) => nis,
        other => panic!("the gold names `{name}`, not a commune ({other:?})"),
    }
}

fn expected(case: &Case) -> BTreeSet<String> {
    let mut units = BTreeSet::new();
    if case.region {
        units.insert("region".to_owned());
    }
    units.extend(
        case.communes
            .iter()
            .map(|name| format!("commune:{}", nis(name))),
    );
    units.extend(case.bassins.iter().map(|slug| format!("bassin:{slug}")));
    units.extend(
        case.except
            .iter()
            .map(|name| format!("except:{}", nis(name))),
    );
    units
}

fn found(case: &Case) -> BTreeSet<String> {
    let own = case.located_in.as_deref().map(nis);
    let home = Home {
        commune: own.as_deref(),
        quartier: None,
    };
    let read = extract(&case.text, home, tagger());
    let mut units = BTreeSet::new();
    if read.region {
        units.insert("region".to_owned());
    }
    units.extend(read.communes.iter().map(|nis| format!("commune:{nis}")));
    units.extend(
        read.bassins
            .iter()
            .map(|bassin| format!("bassin:{}", bassin.slug())),
    );
    units.extend(
        read.except_communes
            .iter()
            .map(|nis| format!("except:{nis}")),
    );
    units
}

fn score(path: &str) -> Score {
    let file = format!(
        "{}/../../tests/service_area/{path}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&file).unwrap_or_else(|error| panic!("{file}: {error}"));
    let cases: Cases = toml::from_str(&text).unwrap_or_else(|error| panic!("{file}: {error}"));
    let (mut true_positives, mut found_total, mut expected_total) = (0, 0, 0);
    let mut misses = Vec::new();
    for case in &cases.case {
        let expected = expected(case);
        let found = found(case);
        true_positives += expected.intersection(&found).count();
        found_total += found.len();
        expected_total += expected.len();
        if expected != found {
            misses.push(format!(
                "{}: expected {expected:?}, found {found:?}",
                case.id
            ));
        }
    }
    let ratio = |part: usize, whole: usize| {
        if whole == 0 {
            1.0
        } else {
            part as f64 / whole as f64
        }
    };
    Score {
        cases: cases.case.len(),
        precision: ratio(true_positives, found_total),
        recall: ratio(true_positives, expected_total),
        misses,
    }
}

fn print(name: &str, score: &Score, show_misses: bool) {
    eprintln!(
        "service areas, {name}: {} cases, precision {:.3}, recall {:.3}, {} cases not exact",
        score.cases,
        score.precision,
        score.recall,
        score.misses.len()
    );
    if show_misses {
        score.misses.iter().for_each(|miss| eprintln!("  {miss}"));
    }
}

#[test]
fn development_set_is_read_with_high_precision_and_recall() {
    let score = score("dev.toml");
    print("development", &score, true);
    assert!(score.cases >= 60, "{} cases", score.cases);
    assert!(score.precision >= 0.95, "precision {:.3}", score.precision);
    assert!(score.recall >= 0.90, "recall {:.3}", score.recall);
}

/// The held-out half: its misses are not printed, so that tuning cannot read them.
#[test]
fn held_out_set_meets_the_targets() {
    let score = score("heldout/areas.toml");
    print("held-out", &score, false);
    assert!(score.cases >= 150, "{} cases", score.cases);
    assert!(score.precision >= 0.95, "precision {:.3}", score.precision);
    assert!(score.recall >= 0.90, "recall {:.3}", score.recall);
}
