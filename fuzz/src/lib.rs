//! What every importer target checks: one source read from the fuzzer's bytes, within
//! small limits (so that cutting is exercised), and the invariants of issue 13.

use orienta_ingest::{read_body, SourceKind, SourceLimits};
use orienta_model::{I18nText, Organisation, Severity};
use orienta_thesaurus::Thesaurus;
use std::sync::OnceLock;

/// Small limits: a few hundred bytes of input reach every bound.
pub const LIMITS: SourceLimits = SourceLimits {
    max_source_bytes: 1 << 20,
    max_records: 64,
    max_text_chars: 200,
    max_name_chars: 40,
    max_contact_chars: 60,
    max_url_chars: 120,
    max_code_chars: 30,
};

fn thesaurus() -> &'static Thesaurus {
    static THESAURUS: OnceLock<Thesaurus> = OnceLock::new();
    THESAURUS.get_or_init(Thesaurus::bundled)
}

/// True when `<` is followed by what opens a tag in a browser.
pub fn has_tag_opening(text: &str) -> bool {
    text.match_indices('<').any(|(at, _)| {
        text[at + 1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'))
    })
}

fn texts(text: &I18nText) -> impl Iterator<Item = &String> {
    [&text.fr, &text.nl, &text.en].into_iter().flatten()
}

fn assert_within(value: &str, max: usize, field: &str) {
    let chars = value.chars().count();
    assert!(chars <= max, "{field}: {chars} characters > {max}");
}

/// Checks one accepted organisation: a name, every text within its bound, no tag in names.
pub fn check_organisation(organisation: &Organisation) {
    assert!(!organisation.name.is_empty(), "accepted without a name");
    let names = texts(&organisation.name)
        .chain(texts(&organisation.official_name))
        .chain(&organisation.alt_names)
        .chain(&organisation.former_names);
    for name in names {
        assert_within(name, LIMITS.max_name_chars, "name");
        assert!(!has_tag_opening(name), "a tag in a name: {name:?}");
    }
    let free_texts = [
        &organisation.description,
        &organisation.audience,
        &organisation.access,
        &organisation.remark,
        &organisation.schedule.text,
    ];
    for text in free_texts.into_iter().flat_map(texts) {
        assert_within(text, LIMITS.max_text_chars, "text");
        assert!(!has_tag_opening(text), "a tag in a text: {text:?}");
    }
    for email in &organisation.emails {
        assert_within(email, LIMITS.max_contact_chars, "email");
    }
    for phone in &organisation.phones {
        assert_within(&phone.raw, LIMITS.max_contact_chars, "phone");
    }
    for website in &organisation.websites {
        assert_within(website, LIMITS.max_url_chars, "website");
    }
    for location in &organisation.locations {
        for text in texts(&location.address.street).chain(texts(&location.address.city)) {
            assert_within(text, LIMITS.max_name_chars, "address");
        }
    }
    assert_within(
        &organisation.primary_source().id,
        LIMITS.max_code_chars,
        "id",
    );
}

/// Reads `data` as a source of `kind` and checks every invariant.
pub fn check_importer(kind: SourceKind, data: &[u8]) {
    let records = read_body(kind, data, &LIMITS, thesaurus());
    if records.error.is_some() {
        assert_eq!(records.read(), 0, "a refused source yields no record");
        return;
    }
    assert!(records.read() <= LIMITS.max_records);
    for organisation in &records.accepted {
        check_organisation(organisation);
    }
    for rejection in &records.rejected {
        assert_eq!(rejection.severity, Severity::Error);
        assert_within(&rejection.message, 500, "rejection message");
    }
}
