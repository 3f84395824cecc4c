//! One table of tricky strings, run through every consumer of `orienta_text`: the
//! thesaurus, the search analyzers, territory, ingest (deduplication, language checks,
//! opening hours) and the sample generator's slugs must all read them the same way.

use orienta_ingest::normalize::hours;
use orienta_ingest::{ingest, IngestContext};
use orienta_model::Lang;
use orienta_search::analysis::{self, FOLD, FRENCH};
use orienta_territory::{LocationInput, Tagger};
use orienta_thesaurus::Thesaurus;
use std::sync::Arc;
use tantivy::schema::Schema;
use tantivy::Index;

/// Text → folded form (words folded, single spaces).
const FOLDED: &[(&str, &str)] = &[
    ("C.P.A.S. d'Ixelles", "cpas d ixelles"),
    ("O.C.M.W", "ocmw"),
    ("Œuvre nationale", "oeuvre nationale"),
    ("ÆSOP Straße", "aesop strasse"),
    ("IJzer ĳs", "ijzer ijs"),
    ("Thuiszorgcoördinatie", "thuiszorgcoordinatie"),
    ("L’Îlot — accueil", "l ilot accueil"),
    ("İstanbul", "istanbul"),
    ("a\u{301}gir", "agir"),
    ("24h/24 7j/7", "24h 24 7j 7"),
    ("sans-abri/SDF", "sans abri sdf"),
    ("M. Dupont, Av. Louise", "m dupont av louise"),
    ("  …  ", ""),
];

fn fold_analyzer() -> Index {
    let index = Index::create_in_ram(Schema::builder().build());
    analysis::register(&index);
    index
}

#[test]
fn every_consumer_folds_alike() {
    let index = fold_analyzer();
    for (text, folded) in FOLDED {
        assert_eq!(
            orienta_text::fold(text),
            *folded,
            "orienta_text::fold({text:?})"
        );
        let terms = analysis::analyze(&index, FOLD, text).join(" ");
        assert_eq!(terms, *folded, "search fold analyzer on {text:?}");
        let tokens = orienta_search::query::tokens(text).join(" ");
        assert_eq!(tokens, *folded, "search query tokens of {text:?}");
        let thesaurus_tokens = orienta_text::tokenize(text).folded().join(" ");
        assert_eq!(thesaurus_tokens, *folded, "thesaurus tokens of {text:?}");
    }
}

#[test]
fn acronyms_written_with_dots_are_the_acronym() {
    let thesaurus = Thesaurus::bundled();
    let index = fold_analyzer();
    for (dotted, plain) in [("C.P.A.S.", "CPAS"), ("O.C.M.W.", "OCMW")] {
        let concepts = |text: &str| -> Vec<String> {
            let matches = thesaurus.match_text(text, 0);
            matches.into_iter().map(|found| found.concept).collect()
        };
        assert!(
            !concepts(plain).is_empty(),
            "{plain} is a thesaurus acronym"
        );
        assert_eq!(concepts(dotted), concepts(plain), "thesaurus on {dotted}");
        assert_eq!(
            analysis::analyze(&index, FRENCH, dotted),
            analysis::analyze(&index, FRENCH, plain),
            "French analyzer on {dotted}"
        );
        assert_eq!(
            orienta_text::slug(dotted),
            orienta_text::slug(plain).to_lowercase()
        );
    }
}

#[test]
fn abbreviated_streets_are_one_street_for_territory_and_deduplication() {
    let tagger = Tagger::bundled().expect("territory layers");
    let locate = |street: &str| {
        let input = LocationInput {
            postcode: Some("1050"),
            street_fr: Some(street),
            ..LocationInput::default()
        };
        let outcome = tagger.tag(&input);
        outcome.geo.map(|geo| (geo.lat, geo.lon))
    };
    let full = locate("Avenue Louise");
    assert!(full.is_some(), "Avenue Louise 1050 is a known street");
    for written in ["Av. Louise", "AV LOUISE", "av. louise"] {
        assert_eq!(locate(written), full, "territory on {written:?}");
    }

    let directory = tempfile::tempdir().expect("tempdir");
    let path = directory.path().join("two.ndjson");
    let record = |id: u32, street: &str| {
        format!(
            r#"{{"id":{id},"nameOfficialFr":"Maison Exemple","address":{{"streetFr":"{street}","number":"54","zipCode":1050,"lat":50.8331,"lon":4.3637}}}}"#
        )
    };
    let lines = [record(1, "Avenue Louise"), record(2, "Av. Louise")];
    std::fs::write(&path, lines.join("\n")).expect("fixture written");
    let thesaurus = Arc::new(Thesaurus::bundled());
    let sources = [path.display().to_string()];
    let outcome = ingest(&sources, &IngestContext::new(&tagger, &thesaurus), &|_| {});
    assert_eq!(
        outcome.organisations.len(),
        1,
        "one organisation after merging"
    );
}

/// Text → language, for records (`guess_text`) and for queries (`guess_lang`).
const LANGUAGES: &[(&str, Option<Lang>)] = &[
    ("TOUT PUBLIC", Some(Lang::Fr)),
    ("Iedereen", Some(Lang::Nl)),
    ("aide à domicile pour les personnes âgées", Some(Lang::Fr)),
    ("hulp aan huis voor ouderen", Some(Lang::Nl)),
    ("C.P.A.S.", Some(Lang::Fr)),
    ("O.C.M.W.", Some(Lang::Nl)),
    ("Wij spreken Frans en Engels", Some(Lang::Nl)),
];

#[test]
fn records_and_queries_get_one_language_guess() {
    let thesaurus = Thesaurus::bundled();
    for (text, lang) in LANGUAGES {
        assert_eq!(
            orienta_text::guess_text(text),
            *lang,
            "record text {text:?}"
        );
        assert_eq!(thesaurus.guess_lang(text), *lang, "query {text:?}");
    }
    // A proper name says nothing to the record guess.
    assert_eq!(orienta_text::guess_text("Samusocial"), None);
}

#[test]
fn opening_hours_read_accents_and_capitals() {
    let plain = hours::parse("lundi 8h30-12h", Lang::Fr);
    assert!(!plain.slots.is_empty(), "plain hours parse");
    for written in ["LUNDI 8H30-12H", "Lundi 8h30-12h", "lündi 8h30-12h"] {
        let parsed = hours::parse(written, Lang::Fr);
        assert_eq!(parsed.slots, plain.slots, "{written:?}");
    }
}
