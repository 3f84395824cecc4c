//! Property test of the search parameter parser: any query string answers a validated
//! search or a 4xx problem, never a panic.

use crate::support::tagger;
use orienta_api::params::QueryParams;
use orienta_api::search::spec::{self, SpecContext};
use orienta_api::FixedFilters;
use orienta_thesaurus::Thesaurus;
use proptest::prelude::*;
use std::sync::OnceLock;

fn thesaurus() -> &'static Thesaurus {
    static THESAURUS: OnceLock<Thesaurus> = OnceLock::new();
    THESAURUS.get_or_init(Thesaurus::bundled)
}

const NAMES: [&str; 24] = [
    "q",
    "lang",
    "need",
    "language",
    "audience",
    "commune",
    "quartier",
    "qss",
    "bassin",
    "near",
    "radius",
    "sort",
    "open_at",
    "open_now",
    "synthetic",
    "stepped_care",
    "facets",
    "highlight",
    "page",
    "per_page",
    "format",
    "api_key",
    "x",
    "",
];

/// One `name=value` pair: a known name (or none) with a value made of the characters
/// parsers split on, numbers, escapes and any text.
fn pair() -> impl Strategy<Value = String> {
    let value = prop_oneof![
        "[-a-z0-9,.:;+=% ]{0,24}",
        "\\PC{0,40}",
        "-?[0-9]{1,3}(\\.[0-9]{1,8})?,-?[0-9]{1,3}(\\.[0-9]{1,8})?",
        "[0-9]{1,25}",
        Just("food-aid".to_owned()),
        Just("21015".to_owned()),
        Just("sud".to_owned()),
    ];
    (proptest::sample::select(NAMES.to_vec()), value)
        .prop_map(|(name, value)| format!("{name}={value}"))
}

/// A whole query string: structured pairs, or arbitrary text.
fn query() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::collection::vec(pair(), 0..40).prop_map(|pairs| pairs.join("&")),
        "\\PC{0,200}",
        ".{0,200}",
    ]
}

/// The geocoder, built once.
fn geocoder() -> &'static orienta_territory::places::Geocoder {
    static GEOCODER: std::sync::OnceLock<orienta_territory::places::Geocoder> =
        std::sync::OnceLock::new();
    GEOCODER.get_or_init(|| orienta_territory::places::Geocoder::new(&tagger()))
}

fn check(query: &str, fixed: Option<&FixedFilters>) -> Result<(), TestCaseError> {
    let params = match QueryParams::parse(query) {
        Ok(params) => params,
        Err(error) => {
            prop_assert_eq!(error.code.status().as_u16(), 400, "{}", query);
            return Ok(());
        }
    };
    let tagger = tagger();
    let context = SpecContext {
        thesaurus: thesaurus(),
        tagger: &tagger,
        accept_language: Some("nl-BE,fr;q=0.8"),
        geocoder: geocoder(),
    };
    match spec::parse(&params, &context, fixed) {
        Ok(parsed) => {
            prop_assert!((1..=100).contains(&parsed.per_page));
            prop_assert!(parsed.page >= 1);
            prop_assert!(parsed.request.needs.len() <= spec::MAX_NEEDS);
        }
        Err(error) => {
            prop_assert_eq!(error.code.status().as_u16(), 400, "{} → {:?}", query, error);
            prop_assert!(
                error.detail.en.chars().count() < 600,
                "detail too long: {}",
                error.detail.en
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn any_query_string_is_a_search_or_a_400(query in query()) {
        check(&query, None)?;
        let partner = FixedFilters {
            bassins: vec!["sud".to_owned()],
            needs: vec!["food-aid".to_owned()],
            ..FixedFilters::default()
        };
        check(&query, Some(&partner))?;
    }
}
