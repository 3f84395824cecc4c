//! Obviously fictitious contact data: phones in the unassigned 02/000 range, `.example.org`
//! addresses, and enterprise numbers in the unused 0999 range that still pass the mod-97 check.

use crate::texts::{by_language, LangStatus};
use rand::seq::IndexedRandom;
use rand::Rng;

/// A Brussels landline in the unassigned 02/000 block: "02/000.12.34".
pub(crate) fn phone(rng: &mut impl Rng) -> String {
    format!(
        "02/000.{:02}.{:02}",
        rng.random_range(0..100),
        rng.random_range(0..100)
    )
}

/// `contact@<slug>.example.org` (or another mailbox name).
pub(crate) fn email(mailbox: &str, slug: &str) -> String {
    format!("{mailbox}@{slug}.example.org")
}

/// `https://<slug>.example.org`.
pub(crate) fn website(slug: &str) -> String {
    format!("https://{slug}.example.org")
}

/// Enterprise numbers 0999.xxx.xxx: 10,000 distinct valid numbers, handed out in a
/// seed-dependent order so that the first 10,000 organisations of a run never share one.
#[derive(Debug, Clone, Copy)]
pub(crate) struct KboSequence {
    multiplier: u64,
    offset: u64,
}

/// How many distinct numbers the 0999 range holds.
pub(crate) const KBO_SPACE: u64 = 10_000;

impl KboSequence {
    /// A permutation of the range chosen by the seed.
    pub fn new(seed: u64) -> Self {
        // Any multiplier coprime with 10,000 (odd, not a multiple of 5) permutes the range.
        let mut multiplier = (seed % 4_999) * 2 + 1;
        if multiplier.is_multiple_of(5) {
            multiplier += 2;
        }
        Self {
            multiplier,
            offset: (seed / 7) % KBO_SPACE,
        }
    }

    /// The formatted number ("0999.123.456") of the `index`-th organisation.
    pub fn number(&self, index: u64) -> String {
        let serial = (self.multiplier * (index % KBO_SPACE) + self.offset) % KBO_SPACE;
        let head = 9_990_000 + serial;
        let check = 97 - head % 97;
        let digits = format!("{head:08}{check:02}");
        format!("{}.{}.{}", &digits[..4], &digits[4..7], &digits[7..])
    }
}

/// The Moniteur belge search link that social.brussels derives from an enterprise number.
pub(crate) fn official_journal(kbo: &str, language: &str) -> String {
    let digits: String = kbo.chars().filter(char::is_ascii_digit).collect();
    format!("http://www.ejustice.just.fgov.be/cgi_tsv/tsv_rech.pl?language={language}&btw={digits}&liste=Liste")
}

/// Contact lists per language, all fictitious.
pub(crate) struct Contacts {
    pub tel: (Vec<String>, Vec<String>),
    pub fax: (Vec<String>, Vec<String>),
    pub email: (Vec<String>, Vec<String>),
    pub official: (Vec<String>, Vec<String>),
    pub unofficial: (Vec<String>, Vec<String>),
    pub info: (Vec<String>, Vec<String>),
    pub journal: (Vec<String>, Vec<String>),
}

pub(crate) fn contacts(
    rng: &mut impl Rng,
    status: LangStatus,
    slug: &str,
    kbo: Option<&str>,
) -> Contacts {
    let phones: Vec<String> = match rng.random_range(0..100) {
        0..5 => Vec::new(),
        5..75 => vec![phone(rng)],
        _ => vec![phone(rng), phone(rng)],
    };
    let fax: Vec<String> = rng
        .random_bool(0.15)
        .then(|| phone(rng))
        .into_iter()
        .collect();
    let mut emails = Vec::new();
    if rng.random_bool(0.85) {
        emails.push(email("contact", slug));
        if rng.random_bool(0.15) {
            let mailbox = ["info", "accueil", "secretariat"]
                .choose(rng)
                .copied()
                .unwrap_or("info");
            emails.push(email(mailbox, slug));
        }
    }
    let official: Vec<String> = rng
        .random_bool(0.65)
        .then(|| website(slug))
        .into_iter()
        .collect();
    let unofficial: Vec<String> = rng
        .random_bool(0.05)
        .then(|| format!("https://social.example.org/{slug}"))
        .into_iter()
        .collect();
    let info: Vec<String> = rng
        .random_bool(0.03)
        .then(|| format!("{}/infos", website(slug)))
        .into_iter()
        .collect();
    let journal = kbo.filter(|_| rng.random_bool(0.6));
    let journal_fr = journal
        .filter(|_| status.french())
        .map(|kbo| official_journal(kbo, "fr"));
    let journal_nl = journal
        .filter(|_| status.dutch())
        .map(|kbo| official_journal(kbo, "nl"));
    Contacts {
        tel: by_language(status, phones),
        fax: by_language(status, fax),
        email: by_language(status, emails),
        official: by_language(status, official),
        unofficial: by_language(status, unofficial),
        info: by_language(status, info),
        journal: (
            journal_fr.into_iter().collect(),
            journal_nl.into_iter().collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use orienta_model::Kbo;
    use std::collections::HashSet;

    #[test]
    fn numbers_are_valid_unique_and_in_the_0999_range() {
        for seed in [0, 1, 20_261_127, u64::MAX] {
            let sequence = KboSequence::new(seed);
            let numbers: HashSet<String> =
                (0..KBO_SPACE).map(|index| sequence.number(index)).collect();
            assert_eq!(numbers.len(), KBO_SPACE as usize);
            for number in numbers.iter().take(500) {
                assert!(number.starts_with("0999."), "{number}");
                assert_eq!(Kbo::parse(number).unwrap().formatted(), *number);
            }
        }
    }

    #[test]
    fn fictitious_contacts() {
        use rand::SeedableRng;
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(5);
        let number = phone(&mut rng);
        assert!(
            number.starts_with("02/000.") && number.len() == 12,
            "{number}"
        );
        assert_eq!(email("contact", "le-pont"), "contact@le-pont.example.org");
        assert_eq!(website("le-pont"), "https://le-pont.example.org");
    }
}
