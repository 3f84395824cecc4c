//! Integration tests of the search crate over a real on-disk index.

mod fit;
mod fixtures;
mod understanding;

use fixtures::{organisation, Spec};
use orienta_model::Bassin;
use orienta_search::{
    build_version, versions, IndexHandle, Near, SearchRequest, Sort, SyntheticFilter,
};
use orienta_thesaurus::Thesaurus;
use std::sync::Arc;

fn corpus() -> Vec<orienta_model::Organisation> {
    vec![
        organisation(Spec {
            id: "resto",
            name_fr: Some("Restaurant social Le Pivot"),
            name_nl: None,
            description_fr: Some("Repas chauds à prix démocratique pour les personnes sans-abri."),
            needs: &["social-restaurant"],
            lat: 50.8467,
            lon: 4.3524,
            commune: ("21004", "Bruxelles", "Brussel"),
            bassin: Bassin::CentreOuest,
            languages: &["fr"],
            synthetic: false,
            ..Spec::default()
        }),
        organisation(Spec {
            id: "ocmw",
            name_fr: Some("CPAS de Schaerbeek"),
            name_nl: Some("OCMW Schaarbeek"),
            description_fr: Some("Aide sociale, revenu d'intégration, médiation de dettes."),
            description_nl: Some("Sociale hulp, leefloon, schuldbemiddeling."),
            needs: &["cpas", "debt-mediation"],
            lat: 50.8675,
            lon: 4.3770,
            commune: ("21015", "Schaerbeek", "Schaarbeek"),
            bassin: Bassin::NordEst,
            languages: &["fr", "nl", "ar"],
            synthetic: true,
        }),
        organisation(Spec {
            id: "mm",
            name_fr: Some("Maison médicale des Marolles"),
            name_nl: Some("Wijkgezondheidscentrum Marollen"),
            description_fr: Some(
                "Médecine générale, soins infirmiers et kinésithérapie au forfait.",
            ),
            description_nl: Some("Huisartsgeneeskunde, verpleging en kinesitherapie."),
            needs: &["community-health-centre"],
            lat: 50.8365,
            lon: 4.3478,
            commune: ("21004", "Bruxelles", "Brussel"),
            bassin: Bassin::CentreOuest,
            languages: &["fr", "nl"],
            synthetic: true,
        }),
        organisation(Spec {
            id: "uccle",
            name_fr: Some("Service de santé mentale d'Uccle"),
            name_nl: None,
            description_fr: Some("Consultations psychologiques pour adultes et enfants."),
            needs: &["mental-health-service"],
            lat: 50.8000,
            lon: 4.3370,
            commune: ("21016", "Uccle", "Ukkel"),
            bassin: Bassin::Sud,
            languages: &["fr", "en"],
            synthetic: true,
            ..Spec::default()
        }),
    ]
}

fn handle() -> (tempfile::TempDir, IndexHandle) {
    let dir = tempfile::tempdir().expect("tempdir");
    let thesaurus = Arc::new(Thesaurus::bundled());
    build_version(dir.path(), &corpus(), &thesaurus, &["test".into()]).expect("build");
    let handle = IndexHandle::open(dir.path(), thesaurus).expect("open");
    (dir, handle)
}

fn ids(results: &orienta_search::SearchResults) -> Vec<String> {
    results
        .hits
        .iter()
        .map(|hit| hit.organisation.external_ids[0].value.clone())
        .collect()
}

#[test]
fn french_text_with_stemming_and_accents() {
    let (_dir, handle) = handle();
    let index = handle.get();
    // Words that name no need: found in descriptions through the French analyzer
    // (no accents typed, plural for singular).
    let results = index
        .search(&SearchRequest::text("forfaits kinesitherapie"))
        .unwrap();
    assert_eq!(ids(&results), vec!["mm"]);
    let results = index
        .search(&SearchRequest::text("prix democratiques"))
        .unwrap();
    assert_eq!(ids(&results), vec!["resto"]);
}

#[test]
fn typo_is_tolerated() {
    let (_dir, handle) = handle();
    let results = handle
        .get()
        .search(&SearchRequest::text("kinesiterapie"))
        .unwrap();
    assert_eq!(ids(&results), vec!["mm"]);
}

#[test]
fn bassin_language_and_synthetic_filters() {
    let (_dir, handle) = handle();
    let index = handle.get();
    let mut request = SearchRequest::browse();
    request.bassins = vec![Bassin::CentreOuest];
    let results = index.search(&request).unwrap();
    assert_eq!(results.total, 2);
    request.languages = vec!["nl".into()];
    assert_eq!(ids(&index.search(&request).unwrap()), vec!["mm"]);
    let mut request = SearchRequest::browse();
    request.synthetic = SyntheticFilter::Exclude;
    assert_eq!(ids(&index.search(&request).unwrap()), vec!["resto"]);
}

#[test]
fn radius_and_distance_sort() {
    let (_dir, handle) = handle();
    let index = handle.get();
    let mut request = SearchRequest::browse();
    request.near = Some(Near {
        lat: 50.8467,
        lon: 4.3524,
        radius_m: Some(1_500.0),
    });
    request.sort = Sort::Distance;
    let results = index.search(&request).unwrap();
    assert_eq!(ids(&results), vec!["resto", "mm"]);
    assert_eq!(results.hits[0].distance_m, Some(0.0));
    assert!(results.hits[1].distance_m.unwrap() > 1_000.0);
}

#[test]
fn facets_count_all_matches() {
    let (_dir, handle) = handle();
    let results = handle.get().search(&SearchRequest::browse()).unwrap();
    assert_eq!(results.total, 4);
    let bassins: Vec<_> = results
        .facets
        .bassins
        .iter()
        .map(|(b, c)| (b.as_str(), *c))
        .collect();
    assert_eq!(bassins[0], ("centre-ouest", 2));
    assert!(results.facets.languages.contains(&("fr".to_owned(), 4)));
}

/// Every facet count equals the number of results once that value is chosen as a filter,
/// whether the counts come from every document, a few matches or many.
#[test]
fn facet_counts_match_filtered_totals() {
    let (_dir, handle) = handle();
    let index = handle.get();
    let base_requests = [
        SearchRequest::browse(),
        SearchRequest {
            languages: vec!["fr".to_owned()],
            ..SearchRequest::browse()
        },
        SearchRequest {
            bassins: vec![Bassin::NordEst],
            ..SearchRequest::browse()
        },
        SearchRequest::text("santé mentale"),
    ];
    for base in base_requests {
        let results = index.search(&base).unwrap();
        let facets = &results.facets;
        assert!(!facets.languages.is_empty(), "{base:?}");
        let mut checked = 0;
        let mut check = |filtered: SearchRequest, count: u64, value: &str| {
            let total = index.search(&filtered).unwrap().total;
            assert_eq!(total, count as usize, "{value} in {base:?}");
            checked += 1;
        };
        for (need, count) in &facets.needs {
            let needs = vec![need.clone()];
            check(
                SearchRequest {
                    needs,
                    ..base.clone()
                },
                *count,
                need,
            );
        }
        // A language filter replaces the base's own: only checked when it has none.
        for (language, count) in facets
            .languages
            .iter()
            .filter(|_| base.languages.is_empty())
        {
            let languages = vec![language.clone()];
            check(
                SearchRequest {
                    languages,
                    ..base.clone()
                },
                *count,
                language,
            );
        }
        for (commune, count) in &facets.communes {
            let communes = vec![commune.clone()];
            check(
                SearchRequest {
                    communes,
                    ..base.clone()
                },
                *count,
                commune,
            );
        }
        assert!(checked >= 3, "{base:?}");
    }
}

#[test]
fn highlights_mark_matches() {
    let (_dir, handle) = handle();
    let results = handle
        .get()
        .search(&SearchRequest::text("Marolles"))
        .unwrap();
    let name = results.hits[0]
        .highlights
        .get("name")
        .expect("name highlight");
    assert!(name.contains("<mark>Marolles</mark>"), "{name}");
}

#[test]
fn new_version_is_picked_up_and_crash_leaves_previous() {
    let (dir, handle) = handle();
    let first = versions::current_version(dir.path()).unwrap();
    // A crashed build: a half-written directory that is never published.
    std::fs::create_dir_all(dir.path().join(".building-vcrash")).unwrap();
    assert!(!handle.refresh().unwrap());
    assert_eq!(versions::current_version(dir.path()).unwrap(), first);

    let mut smaller = corpus();
    smaller.pop();
    let thesaurus = Thesaurus::bundled();
    build_version(dir.path(), &smaller, &thesaurus, &[]).unwrap();
    let before = handle.get();
    assert!(handle.refresh().unwrap());
    assert_eq!(
        before.num_docs(),
        4,
        "a request in flight keeps its version"
    );
    assert_eq!(handle.get().num_docs(), 3);
    let feed = orienta_search::changes::read_feed(dir.path());
    let deleted = feed
        .iter()
        .filter(|event| event.change == orienta_search::changes::ChangeKind::Deleted)
        .count();
    assert_eq!(deleted, 1);
    assert!(!dir.path().join(".building-vcrash").exists());
}
