//! Fuzzes the search parameter parser of the API: any query string answers a search spec
//! or a 4xx error, never a panic.
#![no_main]

use orienta_api::params::QueryParams;
use orienta_api::search::spec::{self, SpecContext};
use orienta_territory::places::Geocoder;
use orienta_territory::Tagger;
use orienta_thesaurus::Thesaurus;
use std::sync::OnceLock;

fn context() -> &'static (Tagger, Thesaurus, Geocoder) {
    static CONTEXT: OnceLock<(Tagger, Thesaurus, Geocoder)> = OnceLock::new();
    CONTEXT.get_or_init(|| {
        let tagger = Tagger::bundled().expect("bundled territory layers");
        let geocoder = Geocoder::new(&tagger);
        (tagger, Thesaurus::bundled(), geocoder)
    })
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    let (tagger, thesaurus, geocoder) = context();
    let context = SpecContext {
        thesaurus,
        tagger,
        accept_language: Some("fr-BE,nl;q=0.8"),
        geocoder,
    };
    let answer = QueryParams::parse(&query).and_then(|params| spec::parse(&params, &context, None));
    match answer {
        Ok(mut spec) => {
            assert!(spec.page >= 1, "page {}", spec.page);
            // A street named in the text is read without panicking, whatever the text.
            spec::understand_street(&mut spec, geocoder);
            let max = orienta_api::params::MAX_PER_PAGE;
            assert!(
                (1..=max).contains(&spec.per_page),
                "per_page {}",
                spec.per_page
            );
        }
        Err(error) => {
            let status = error.code.status().as_u16();
            assert!((400..500).contains(&status), "{status} for {query:?}");
        }
    }
});
