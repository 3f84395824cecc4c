//! Prints the concepts the bundled thesaurus reads in each argument, as a question would be
//! read (typos allowed): `cargo run -p orienta-thesaurus --example probe -- "je dors dehors"`;
//! with `RECORD=1`, as a record's text is read (exact forms, no situation words).

fn main() {
    let thesaurus = orienta_thesaurus::Thesaurus::bundled();
    for text in std::env::args().skip(1) {
        println!("{text}");
        if std::env::var_os("RECORD").is_some() {
            println!("  record needs {:?}", thesaurus.needs_for_text(&text));
            continue;
        }
        let found = thesaurus.match_text(&text, 2);
        if found.is_empty() {
            println!("  guessed {:?}", thesaurus.guess_needs(&text));
        }
        for found in thesaurus.resolve_shared_forms(found) {
            let (start, end) = (found.start_token, found.end_token);
            println!(
                "  {} <- {:?} [{start}..{end}] edits {}",
                found.concept, found.term, found.edits
            );
        }
    }
}
