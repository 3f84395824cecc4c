//! The mixed orientation query set every engine runs: the same queries, in the same order,
//! with the same result budget (top 10 plus the total count; facet counts for the facet kind).

use orienta_model::Bassin;
use orienta_search::{Near, SearchRequest, Sort};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::fmt;

/// What a query exercises.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum QueryKind {
    /// Free text in French or Dutch.
    Text,
    /// Free text restricted to one bassin.
    TextBassin,
    /// Free text within a radius, nearest first.
    TextRadius,
    /// Free text restricted to a spoken language.
    Language,
    /// No text: browse with facet counts (optionally within a bassin).
    Facets,
}

impl QueryKind {
    /// Every kind, in report order.
    pub const ALL: [QueryKind; 5] = [
        QueryKind::Text,
        QueryKind::TextBassin,
        QueryKind::TextRadius,
        QueryKind::Language,
        QueryKind::Facets,
    ];

    /// Stable name used in reports and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            QueryKind::Text => "text",
            QueryKind::TextBassin => "text+bassin",
            QueryKind::TextRadius => "text+radius by distance",
            QueryKind::Language => "text+spoken language",
            QueryKind::Facets => "facets (browse)",
        }
    }

    /// Parses [`QueryKind::slug`].
    pub fn from_slug(slug: &str) -> Option<QueryKind> {
        QueryKind::ALL.into_iter().find(|kind| kind.slug() == slug)
    }

    /// Short identifier (`text`, `text_bassin`, …).
    pub fn slug(self) -> &'static str {
        match self {
            QueryKind::Text => "text",
            QueryKind::TextBassin => "text_bassin",
            QueryKind::TextRadius => "text_radius",
            QueryKind::Language => "language",
            QueryKind::Facets => "facets",
        }
    }
}

impl fmt::Display for QueryKind {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.name())
    }
}

/// Orientation queries people type, French and Dutch, one or several words.
pub const TEXTS: &[&str] = &[
    "maison médicale",
    "médiation de dettes",
    "colis alimentaire",
    "restaurant social",
    "épicerie sociale",
    "asile de nuit",
    "santé mentale",
    "crèche",
    "maison de repos",
    "soins infirmiers à domicile",
    "planning familial",
    "alphabétisation",
    "aide aux victimes",
    "logement social",
    "école de devoirs",
    "toxicomanie",
    "aide juridique",
    "sans-abri",
    "aide familiale",
    "handicap",
    "wijkgezondheidscentrum",
    "schuldbemiddeling",
    "voedselpakketten",
    "sociaal restaurant",
    "nachtopvang",
    "geestelijke gezondheid",
    "kinderopvang",
    "woonzorgcentrum",
    "thuisverpleging",
    "gezinsplanning",
    "alfabetisering",
    "slachtofferhulp",
    "huiswerkbegeleiding",
    "verslaving",
    "rechtshulp",
    "dakloos",
    "gezinszorg",
    "CPAS",
    "OCMW",
    "jeunesse",
];

/// Places of the Region a radius query is centred on: (lat, lon).
pub const PLACES: &[(f64, f64)] = &[
    (50.8467, 4.3524), // Grand-Place
    (50.8355, 4.3363), // Gare du Midi
    (50.8605, 4.3614), // Gare du Nord
    (50.8676, 4.3737), // Schaerbeek
    (50.8270, 4.3640), // Ixelles
    (50.8366, 4.3087), // Anderlecht
    (50.8550, 4.3260), // Molenbeek
    (50.8010, 4.3370), // Uccle
    (50.8380, 4.3890), // Etterbeek
    (50.8460, 4.4240), // Woluwe-Saint-Lambert
    (50.8940, 4.3850), // Evere
    (50.8260, 4.4060), // Auderghem
];

/// Spoken languages a person may ask for.
pub const SPOKEN_LANGUAGES: &[&str] = &["en", "ar", "tr", "es", "de", "nl", "fr"];

/// Radii of the radius queries, metres.
pub const RADII_M: &[f64] = &[1000.0, 1500.0, 2000.0, 3000.0];

/// One query of the set.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct QuerySpec {
    /// Its kind.
    pub kind: QueryKind,
    /// Free text (absent for the facet kind).
    pub text: Option<String>,
    /// Bassin filter.
    pub bassin: Option<Bassin>,
    /// Point and radius (metres), nearest first.
    pub near: Option<(f64, f64, f64)>,
    /// Spoken-language filter (ISO 639-1).
    pub language: Option<String>,
}

/// Results returned per query.
pub const TOP_K: usize = 10;

impl QuerySpec {
    /// A random query of `kind` (texts from [`TEXTS`]).
    pub fn random(kind: QueryKind, rng: &mut ChaCha8Rng) -> Self {
        Self::random_from(kind, TEXTS, rng)
    }

    /// A random query of `kind` with a text from `texts`.
    pub fn random_from(kind: QueryKind, texts: &[&str], rng: &mut ChaCha8Rng) -> Self {
        let text = texts[rng.random_range(0..texts.len())].to_owned();
        let bassin = Bassin::ALL[rng.random_range(0..Bassin::ALL.len())];
        let mut spec = QuerySpec {
            kind,
            text: Some(text),
            bassin: None,
            near: None,
            language: None,
        };
        match kind {
            QueryKind::Text => {}
            QueryKind::TextBassin => spec.bassin = Some(bassin),
            QueryKind::TextRadius => {
                let (lat, lon) = PLACES[rng.random_range(0..PLACES.len())];
                let radius = RADII_M[rng.random_range(0..RADII_M.len())];
                spec.near = Some((lat, lon, radius));
            }
            QueryKind::Language => {
                let language = SPOKEN_LANGUAGES[rng.random_range(0..SPOKEN_LANGUAGES.len())];
                spec.language = Some(language.to_owned());
            }
            QueryKind::Facets => {
                spec.text = None;
                // One browse in six covers the whole Region, the others one bassin.
                spec.bassin = rng.random_bool(5.0 / 6.0).then_some(bassin);
            }
        }
        spec
    }

    /// The in-process request: top 10 and the total; facets only for the facet kind and
    /// no highlights (the peer's budget), or facets and highlights always (`api_budget`, what
    /// the JSON API computes for every search).
    pub fn to_request(&self, api_budget: bool) -> SearchRequest {
        let mut request = SearchRequest {
            text: self.text.clone(),
            limit: TOP_K,
            facets: api_budget || self.kind == QueryKind::Facets,
            highlight: api_budget,
            ..SearchRequest::default()
        };
        request.bassins.extend(self.bassin);
        request.languages.extend(self.language.clone());
        if let Some((lat, lon, radius_m)) = self.near {
            request.near = Some(Near {
                lat,
                lon,
                radius_m: Some(radius_m),
            });
            request.sort = Sort::Distance;
        }
        request
    }

    /// The path and query string of Orienta's HTTP search endpoint.
    pub fn to_http_path(&self) -> String {
        let mut parameters: Vec<(&str, String)> = Vec::new();
        if let Some(text) = &self.text {
            parameters.push(("q", text.clone()));
        }
        if let Some(bassin) = self.bassin {
            parameters.push(("bassin", bassin.slug().to_owned()));
        }
        if let Some((lat, lon, radius_m)) = self.near {
            parameters.push(("near", format!("{lat},{lon}")));
            parameters.push(("radius", format!("{radius_m}")));
            parameters.push(("sort", "distance".to_owned()));
        }
        if let Some(language) = &self.language {
            parameters.push(("language", language.clone()));
        }
        parameters.push(("per_page", TOP_K.to_string()));
        let query = parameters
            .iter()
            .map(|(key, value)| format!("{key}={}", percent_encode(value)))
            .collect::<Vec<_>>()
            .join("&");
        format!("/v1/search?{query}")
    }
}

/// Percent-encodes a query-string value (RFC 3986 unreserved characters kept).
fn percent_encode(value: &str) -> String {
    let mut encoded = String::with_capacity(value.len() * 3);
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b',' => {
                encoded.push(byte as char)
            }
            _ => encoded.push_str(&format!("%{byte:02X}")),
        }
    }
    encoded
}

/// `per_kind` queries of each kind, interleaved, the same for a given seed.
pub fn mixed_set(per_kind: usize, seed: u64) -> Vec<QuerySpec> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut queries = Vec::with_capacity(per_kind * QueryKind::ALL.len());
    for _ in 0..per_kind {
        for kind in QueryKind::ALL {
            queries.push(QuerySpec::random(kind, &mut rng));
        }
    }
    queries
}

/// Seed of the warm-up set ([`warmup_set`]).
pub const WARMUP_SEED: u64 = 4242;

/// Queries the warm-up runs and the timed set never does (none is in [`TEXTS`]).
pub const WARMUP_TEXTS: &[&str] = &[
    "kinésithérapie",
    "aide alimentaire",
    "centre de jour",
    "accueil de la petite enfance",
    "insertion professionnelle",
    "violence conjugale",
    "assuétudes",
    "maison d'accueil",
    "tandarts",
    "thuiszorg",
    "gezinsbijstand",
    "inloopcentrum",
];

/// `per_kind` queries of each kind with a text, drawn from [`WARMUP_TEXTS`] with
/// [`WARMUP_SEED`]: the index is warmed (pages, decoded records, stems) on queries the
/// run does not time. The facet kind has no text to hold apart, so it is left out (its
/// counts come from the facet table built when the index opens).
pub fn warmup_set(per_kind: usize) -> Vec<QuerySpec> {
    let mut rng = ChaCha8Rng::seed_from_u64(WARMUP_SEED);
    let kinds = QueryKind::ALL
        .into_iter()
        .filter(|kind| *kind != QueryKind::Facets);
    let kinds: Vec<QueryKind> = kinds.collect();
    let mut queries = Vec::with_capacity(per_kind * kinds.len());
    for _ in 0..per_kind {
        for &kind in &kinds {
            queries.push(QuerySpec::random_from(kind, WARMUP_TEXTS, &mut rng));
        }
    }
    queries
}

/// The queries of one kind from a set.
pub fn of_kind(queries: &[QuerySpec], kind: QueryKind) -> Vec<QuerySpec> {
    queries
        .iter()
        .filter(|query| query.kind == kind)
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixed_set_is_deterministic_and_balanced() {
        let first = mixed_set(20, 7);
        assert_eq!(first, mixed_set(20, 7));
        assert_ne!(first, mixed_set(20, 8));
        for kind in QueryKind::ALL {
            assert_eq!(of_kind(&first, kind).len(), 20);
        }
        assert!(of_kind(&first, QueryKind::Facets)
            .iter()
            .all(|query| query.text.is_none()));
        assert!(of_kind(&first, QueryKind::TextRadius)
            .iter()
            .all(|query| query.near.is_some()));
    }

    #[test]
    fn warmup_set_shares_no_text_with_the_timed_set() {
        let warmup = warmup_set(50);
        assert_eq!(warmup.len(), 50 * (QueryKind::ALL.len() - 1));
        for query in &warmup {
            let text = query
                .text
                .as_deref()
                .expect("every warm-up query has a text");
            assert!(!TEXTS.contains(&text), "{text}");
            assert_ne!(query.kind, QueryKind::Facets);
        }
    }

    #[test]
    fn http_path_encodes_every_filter() {
        let spec = QuerySpec {
            kind: QueryKind::TextRadius,
            text: Some("maison médicale".to_owned()),
            bassin: Some(Bassin::NordEst),
            near: Some((50.8467, 4.3524, 1500.0)),
            language: Some("ar".to_owned()),
        };
        assert_eq!(
            spec.to_http_path(),
            "/v1/search?q=maison%20m%C3%A9dicale&bassin=nord-est&near=50.8467,4.3524&radius=1500&sort=distance&language=ar&per_page=10"
        );
    }

    #[test]
    fn request_mirrors_the_spec() {
        let spec = QuerySpec {
            kind: QueryKind::TextRadius,
            text: Some("crèche".to_owned()),
            bassin: None,
            near: Some((50.8, 4.3, 1000.0)),
            language: None,
        };
        let request = spec.to_request(false);
        assert_eq!(request.sort, Sort::Distance);
        assert_eq!(request.limit, TOP_K);
        assert!(!request.facets && !request.highlight);
        assert_eq!(request.near.and_then(|near| near.radius_m), Some(1000.0));
        let api = spec.to_request(true);
        assert!(api.facets && api.highlight);
    }

    #[test]
    fn kinds_round_trip_through_their_slug() {
        for kind in QueryKind::ALL {
            assert_eq!(QueryKind::from_slug(kind.slug()), Some(kind));
        }
    }
}
