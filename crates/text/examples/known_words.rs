//! Builds `data/words/known_words.fst`, the set of folded French and Dutch dictionary words
//! (see `data/words/README.md`): `known_words OUT.fst LIST...`, each list one word per line
//! (a Hunspell `/flags` suffix and an elided article are dropped).

use std::collections::BTreeSet;

/// Shorter words are never read as typos anyway (the matcher allows one edit from 5 letters).
const MIN_LETTERS: usize = 4;
/// Longer strings are no words.
const MAX_LETTERS: usize = 40;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = args.next().ok_or("usage: known_words OUT.fst LIST...")?;
    let mut words = BTreeSet::new();
    for list in args {
        let text = std::fs::read_to_string(&list)?;
        for line in text.lines() {
            let entry = line.split(['/', ' ', '\t']).next().unwrap_or_default();
            // `l'abandon` folds to `l abandon`: the word is the last token.
            let folded = orienta_text::fold(entry);
            let Some(word) = folded.split(' ').next_back() else {
                continue;
            };
            let letters = word.chars().count();
            let plain = word.chars().all(|letter| letter.is_ascii_lowercase());
            if plain && (MIN_LETTERS..=MAX_LETTERS).contains(&letters) {
                words.insert(word.to_owned());
            }
        }
    }
    let set = fst::Set::from_iter(&words)?;
    std::fs::write(&out, set.as_fst().as_bytes())?;
    println!(
        "{} words, {} bytes -> {out}",
        words.len(),
        set.as_fst().as_bytes().len()
    );
    Ok(())
}
