//! The local geocoder on real inputs with known answers: the 37 Brussels hospital sites as
//! Eurostat publishes them (address in capitals, abbreviated, with number ranges) against
//! their published coordinates, and 250 street + postcode strings written blind from the
//! BeST list (FR and NL, abbreviated, without accents, one typo in three).

use orienta_territory::places::{Geocoder, PlaceKind, PlacePrecision};
use orienta_territory::Tagger;
use std::sync::OnceLock;

fn geocoder() -> &'static Geocoder {
    static GEOCODER: OnceLock<Geocoder> = OnceLock::new();
    GEOCODER.get_or_init(|| Geocoder::new(&Tagger::bundled().expect("layers")))
}

fn metres(a: (f64, f64), b: (f64, f64)) -> f64 {
    let x = (b.1 - a.1) * 111_320.0 * a.0.to_radians().cos();
    let y = (b.0 - a.0) * 110_540.0;
    x.hypot(y)
}

/// Looks up every row of a street test set (`id,typed,postcode,nis,street_fr,street_nl`)
/// and returns the rows whose first place is not that street (id, typed, what was found)
/// and the number of rows.
fn wrong_streets(path: &str) -> (Vec<String>, usize) {
    let text = repository_file(path);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut wrong = Vec::new();
    let mut total = 0;
    for row in reader.records() {
        let row = row.expect("row");
        total += 1;
        let (typed, postcode, nis) = (&row[1], &row[2], &row[3]);
        let found = geocoder().lookup(typed, 5);
        let right = found.first().is_some_and(|place| {
            let names = place.street.as_ref();
            place.commune.as_deref() == Some(nis)
                && place.postcode.as_deref() == Some(postcode)
                && names.is_some_and(|(fr, nl)| fr == &row[4] && nl == &row[5])
        });
        if !right {
            let got = found.first().map(|place| place.label_fr.clone());
            wrong.push(format!("{}: {typed:?} → {got:?}", &row[0]));
        }
    }
    (wrong, total)
}

fn repository_file(path: &str) -> String {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../");
    std::fs::read_to_string(format!("{root}{path}")).expect("file readable")
}

/// Measured 2026-12-04: all 37 at address precision, median 96 m, farthest 793 m.
#[test]
fn hospital_sites_are_found_near_their_published_coordinates() {
    let text = repository_file("data/providers/eurostat_hospitals_brussels.csv");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut distances = Vec::new();
    let mut coarse = Vec::new();
    for row in reader.records() {
        let row = row.expect("row");
        let published: (f64, f64) = (row[3].parse().expect("lat"), row[4].parse().expect("lon"));
        let typed = format!("{}, {}", &row[6], &row[8]);
        let found = geocoder().lookup(&typed, 5);
        let Some(first) = found.first() else {
            coarse.push(typed);
            distances.push(f64::INFINITY);
            continue;
        };
        if !matches!(
            first.precision,
            PlacePrecision::AddressApprox | PlacePrecision::Street
        ) {
            coarse.push(typed.clone());
        }
        let point = first.point.expect("a point");
        distances.push(metres(point, published));
    }
    assert_eq!(distances.len(), 37);
    distances.sort_by(f64::total_cmp);
    let median = distances[distances.len() / 2];
    let farthest = distances[distances.len() - 1];
    println!("hospitals: median {median:.0} m, farthest {farthest:.0} m, coarse {coarse:?}");
    assert!(coarse.len() <= 2, "coarser than street: {coarse:?}");
    assert!(median <= 300.0, "median {median:.0} m");
    assert!(farthest <= 1000.0, "farthest {farthest:.0} m");
}

/// Measured 2026-12-04: see the printed share; the target is 98 %.
#[test]
fn blind_street_strings_resolve_to_their_street_and_commune() {
    let (wrong, total) = wrong_streets("tests/geocoding/streets_blind.csv");
    let share = 1.0 - wrong.len() as f64 / total as f64;
    println!(
        "blind streets: {:.1} % of {total} right; wrong: {wrong:#?}",
        share * 100.0
    );
    assert!(share >= 0.98, "{:.1} % right", share * 100.0);
}

#[test]
fn every_postcode_commune_and_quartier_name_resolves() {
    let tagger = Tagger::bundled().expect("layers");
    for commune in tagger.communes() {
        for name in [&commune.fr, &commune.nl] {
            let found = geocoder().lookup(name, 10);
            let hit = found.iter().any(|place| {
                place.kind == PlaceKind::Commune && place.commune.as_deref() == Some(&commune.nis)
            });
            assert!(hit, "{name}: {found:?}");
        }
    }
    for quartier in tagger.quartiers() {
        for name in [&quartier.fr, &quartier.nl] {
            let found = geocoder().lookup(name, 10);
            let hit = found
                .iter()
                .any(|place| place.quartier == Some(quartier.code));
            assert!(
                hit,
                "{name}: {:?}",
                found.iter().map(|p| &p.id).collect::<Vec<_>>()
            );
        }
    }
    for postcode in ["1000", "1030", "1080", "1180", "1210"] {
        let found = geocoder().lookup(postcode, 5);
        assert_eq!(
            found.first().map(|place| place.kind),
            Some(PlaceKind::Postcode)
        );
        let id = &found[0].id;
        assert_eq!(geocoder().get(id).as_ref(), found.first(), "{id}");
    }
}

/// What surrounds an address on a letter or a form: the floor, the flat, the country, a
/// `c/o`, `Bxl` for Brussels. Each of these found nothing before 2026-12-06.
#[test]
fn an_address_as_written_on_a_letter_finds_its_street() {
    for typed in [
        "rue Haute 298, 2e étage",
        "Rue Haute 298 appartement 3, 1000 Bruxelles, Belgique",
        "rue haute n°298",
        "rue haute 298a bxl",
        "chez Mme Dupont, rue Haute 298",
        "c/o CPAS, rue Haute 298",
        "bij familie Peeters, Hoogstraat 298",
        "Hoogstraat 298 gelijkvloers, België",
    ] {
        let found = geocoder().lookup(typed, 5);
        let first = found.first();
        let street = first.and_then(|place| place.street.clone());
        assert_eq!(
            street.map(|(fr, _)| fr).as_deref(),
            Some("Rue Haute"),
            "{typed}: {found:?}"
        );
        assert_eq!(
            first.and_then(|place| place.postcode.as_deref()),
            Some("1000")
        );
    }
}

/// A commune written as people write it, alone or with its postcode, is the commune; a
/// locality of Brussels is its postcode.
#[test]
fn a_commune_or_locality_written_alone_comes_first() {
    for (typed, id) in [
        ("molenbeek", "commune:21012"),
        ("St Josse", "commune:21014"),
        ("1030 schaerbeek", "commune:21015"),
        ("Uccle 1180", "commune:21016"),
        ("WSP", "commune:21019"),
        ("bxl", "commune:21004"),
        ("Laeken", "postcode:1020"),
        ("Neder-over-Heembeek", "postcode:1120"),
    ] {
        let found = geocoder().lookup(typed, 5);
        let first = found.first().map(|place| place.id.as_str());
        assert_eq!(first, Some(id), "{typed}: {found:?}");
    }
}

/// 150 more such addresses (e-mail signatures, file headers, pipes and semicolons, titles,
/// sub-localities), written blind by another author from the street list only and read by
/// nobody who edits the geocoder (`tests/geocoding/letters_heldout/`): the test prints its
/// share only, never its rows.
#[test]
fn held_out_letter_addresses_resolve_to_their_street() {
    let (wrong, total) = wrong_streets("tests/geocoding/letters_heldout/addresses_blind.csv");
    let right = total - wrong.len();
    let share = right as f64 / total as f64;
    println!(
        "held-out letter addresses: {:.1} % of {total} right",
        share * 100.0
    );
    // Measured 2026-12-06: 23.3 % with the session's starting code, 76.7 % on first
    // reading, 84.0 % once the kinds of writing its README lists (not its rows) were read.
    assert!(share >= 0.80, "{:.1} % right", share * 100.0);
}

/// A house number between 1000 and 1299 is no postcode when a postcode or a commune of
/// another postcode follows it.
#[test]
fn a_high_house_number_is_not_a_postcode() {
    for typed in [
        "Chaussée de Waterloo 1000 Uccle",
        "Ch. de Waterloo 1000, 1180",
    ] {
        let found = geocoder().lookup(typed, 5);
        let first = found.first().expect(typed);
        assert_eq!(first.kind, PlaceKind::Address, "{typed}: {found:?}");
        assert_eq!(
            first.postcode.as_deref(),
            Some("1180"),
            "{typed}: {found:?}"
        );
        assert!(
            first.label_fr.starts_with("Chaussée de Waterloo 1000,"),
            "{typed}: {found:?}"
        );
    }
}

/// 200 addresses as copied from letters, forms and files (floors, boxes, the country, a
/// recipient or `c/o` before the street, the commune before it or in both languages, notes),
/// written blind from the street list by someone who saw neither the geocoder nor its tests
/// (`tests/geocoding/letters/`). Measured 2026-12-06: 11.0 % with the session's starting
/// code, 78.0 % on first reading with the written forms, 100 % once its failures were read
/// (a development set since).
#[test]
fn blind_letter_addresses_resolve_to_their_street() {
    let (wrong, total) = wrong_streets("tests/geocoding/letters/addresses_blind.csv");
    let share = 1.0 - wrong.len() as f64 / total as f64;
    println!(
        "blind letter addresses: {:.1} % of {total} right; wrong: {wrong:#?}",
        share * 100.0
    );
    assert!(share >= 0.97, "{:.1} % right", share * 100.0);
}
