//! Integration tests of the territory tagger on the bundled layers.

#[path = "integration/accessors.rs"]
mod accessors;
#[path = "integration/addresses.rs"]
mod addresses;
#[path = "integration/points.rs"]
mod points;
#[path = "integration/qss.rs"]
mod qss;

use orienta_territory::Tagger;
use std::sync::OnceLock;

/// The bundled tagger, built once for all tests.
pub fn tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(|| Tagger::bundled().expect("bundled layers load"))
}
