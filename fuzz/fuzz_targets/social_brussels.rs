//! Fuzzes the social_brussels importer: bytes in, records out, invariants of `orienta_fuzz`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    orienta_fuzz::check_importer(orienta_ingest::SourceKind::SocialBrussels, data);
});
