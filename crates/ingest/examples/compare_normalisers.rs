//! Where the phone, e-mail and HTML normalisers differ from `phonenumber`, `email_address`
//! and `ammonia`, on the bad-input fixtures and the bundled sample (issue 14; the verdict is
//! in `docs/data-quality.md`).
//!
//! Run: `cargo run -p orienta-ingest --features compare-crates --example compare_normalisers`.

use orienta_ingest::normalize::{email, html, phone};
use orienta_model::PhoneKind;
use serde_json::Value;
use std::collections::BTreeSet;

/// The files compared: the bad inputs and the bundled sample.
const FILES: &[&str] = &[
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/examples/cdcs_bad_inputs.jsonl"
    ),
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/sample/social_brussels_sample.ndjson"
    ),
];

/// Every string of every field whose name starts with one of `prefixes`.
fn values(record: &Value, prefixes: &[&str], out: &mut BTreeSet<String>) {
    let Some(fields) = record.as_object() else {
        return;
    };
    for (name, value) in fields {
        if !prefixes.iter().any(|prefix| name.starts_with(prefix)) {
            continue;
        }
        match value {
            Value::String(text) => {
                out.insert(text.clone());
            }
            Value::Array(items) => {
                out.extend(items.iter().filter_map(Value::as_str).map(str::to_owned))
            }
            _ => {}
        }
    }
}

/// Ours: the E.164 numbers kept.
fn ours_phone(raw: &str) -> Vec<String> {
    let (mut phones, mut issues) = (Vec::new(), Vec::new());
    phone::normalise(raw, PhoneKind::Voice, "tel", &mut phones, &mut issues);
    phones.into_iter().map(|phone| phone.e164).collect()
}

/// `phonenumber`: the number parsed as Belgian, in E.164 when valid.
fn crate_phone(raw: &str) -> Vec<String> {
    let country = Some(phonenumber::country::Id::BE);
    match phonenumber::parse(country, raw) {
        Ok(number) if phonenumber::is_valid(&number) => {
            vec![number.format().mode(phonenumber::Mode::E164).to_string()]
        }
        Ok(number) => vec![format!(
            "invalid {}",
            number.format().mode(phonenumber::Mode::E164)
        )],
        Err(error) => vec![format!("error: {error}")],
    }
}

/// Ours: the addresses kept.
fn ours_email(raw: &str) -> Vec<String> {
    let (mut emails, mut issues) = (Vec::new(), Vec::new());
    email::normalise(raw, "email", &mut emails, &mut issues);
    emails
}

/// `email_address`: the trimmed value when it is one valid address.
fn crate_email(raw: &str) -> Vec<String> {
    match raw.trim().parse::<email_address::EmailAddress>() {
        Ok(address) => vec![address.to_string()],
        Err(error) => vec![format!("error: {error}")],
    }
}

/// Ours: the text without tags and entities (the text itself when it had none).
fn ours_html(raw: &str) -> String {
    html::strip(raw).unwrap_or_else(|| raw.to_owned())
}

/// `ammonia` with no tag allowed, `script` and `style` dropped with their content, then
/// the entities it writes decoded.
fn crate_html(raw: &str) -> String {
    let cleaned = ammonia::Builder::empty()
        .clean_content_tags(["script", "style"].into_iter().collect())
        .clean(raw)
        .to_string();
    html_escape::decode_html_entities(&cleaned).into_owned()
}

fn main() {
    let (mut phones, mut emails, mut texts) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
    for file in FILES {
        let content = std::fs::read_to_string(file).expect("a bundled file");
        for line in content.lines() {
            let Ok(mut record) = serde_json::from_str::<Value>(line) else {
                continue;
            };
            if let Some(inner) = record.get("record").cloned() {
                record = inner;
            }
            values(&record, &["tel", "fax"], &mut phones);
            values(&record, &["email"], &mut emails);
            let mut all = BTreeSet::new();
            values(
                &record,
                &[
                    "description",
                    "activities",
                    "remark",
                    "name",
                    "access",
                    "public",
                ],
                &mut all,
            );
            texts.extend(all.into_iter().filter(|text| text.contains(['<', '&'])));
        }
    }
    report("phone", &phones, ours_phone, crate_phone);
    report("e-mail", &emails, ours_email, crate_email);
    report(
        "html",
        &texts,
        |raw| vec![ours_html(raw)],
        |raw| vec![crate_html(raw)],
    );
}

/// Prints every value on which the two sides differ, and the counts.
fn report(
    what: &str,
    values: &BTreeSet<String>,
    ours: impl Fn(&str) -> Vec<String>,
    theirs: impl Fn(&str) -> Vec<String>,
) {
    let mut differing = 0;
    for raw in values {
        let (left, right) = (ours(raw), theirs(raw));
        if left != right {
            differing += 1;
            println!("{what}: {raw:?}\n  ours:  {left:?}\n  crate: {right:?}");
        }
    }
    println!(
        "== {what}: {differing} of {} distinct values differ\n",
        values.len()
    );
}
