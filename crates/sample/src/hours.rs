//! Opening hours as free text, the way social.brussels writes them:
//! "Du lundi au vendredi de 8h30 à 16h" / "Van maandag tot vrijdag van 8.30 uur tot 16 uur".

use crate::catalogue::HoursProfile;
use rand::seq::IndexedRandom;
use rand::Rng;

/// A time of day in minutes after midnight.
type Minutes = u16;

const fn at(hour: u16, minute: u16) -> Minutes {
    hour * 60 + minute
}

const WEEKDAYS: [(&str, &str); 4] = [
    ("Du lundi au vendredi", "Van maandag tot vrijdag"),
    ("Du lundi au vendredi", "Van maandag tot vrijdag"),
    ("Du lundi au jeudi", "Van maandag tot donderdag"),
    (
        "Lundi, mardi, jeudi et vendredi",
        "Maandag, dinsdag, donderdag en vrijdag",
    ),
];
const SOME_DAYS: [(&str, &str); 4] = [
    (
        "Lundi, mercredi et vendredi",
        "Maandag, woensdag en vrijdag",
    ),
    ("Mardi et jeudi", "Dinsdag en donderdag"),
    ("Du mardi au samedi", "Van dinsdag tot zaterdag"),
    ("Lundi et jeudi", "Maandag en donderdag"),
];
const SINGLE_DAYS: [(&str, &str); 5] = [
    ("le lundi", "op maandag"),
    ("le mardi", "op dinsdag"),
    ("le mercredi", "op woensdag"),
    ("le jeudi", "op donderdag"),
    ("le vendredi", "op vrijdag"),
];

const OFFICE_RANGES: [&[(Minutes, Minutes)]; 6] = [
    &[(at(8, 30), at(16, 0))],
    &[(at(9, 0), at(17, 0))],
    &[(at(9, 0), at(12, 0)), (at(13, 0), at(17, 0))],
    &[(at(8, 0), at(12, 30)), (at(13, 30), at(16, 30))],
    &[(at(9, 0), at(16, 0))],
    &[(at(8, 30), at(12, 0))],
];

const COURSE_RANGES: [&[(Minutes, Minutes)]; 3] = [
    &[(at(9, 0), at(12, 0))],
    &[(at(9, 0), at(12, 0)), (at(13, 0), at(15, 0))],
    &[(at(18, 0), at(21, 0))],
];

/// "8h30" / "16h".
fn french_time(time: Minutes) -> String {
    match time % 60 {
        0 => format!("{}h", time / 60),
        minutes => format!("{}h{minutes:02}", time / 60),
    }
}

/// "8.30 uur" / "16 uur".
fn dutch_time(time: Minutes) -> String {
    match time % 60 {
        0 => format!("{} uur", time / 60),
        minutes => format!("{}.{minutes:02} uur", time / 60),
    }
}

/// "de 9h à 12h et de 13h à 17h" / "van 9 uur tot 12 uur en van 13 uur tot 17 uur".
fn ranges(slots: &[(Minutes, Minutes)]) -> (String, String) {
    let french: Vec<String> = slots
        .iter()
        .map(|&(from, to)| format!("de {} à {}", french_time(from), french_time(to)))
        .collect();
    let dutch: Vec<String> = slots
        .iter()
        .map(|&(from, to)| format!("van {} tot {}", dutch_time(from), dutch_time(to)))
        .collect();
    (french.join(" et "), dutch.join(" en "))
}

fn days_and_ranges(days: (&str, &str), slots: &[(Minutes, Minutes)]) -> (String, String) {
    let (french, dutch) = ranges(slots);
    (
        format!("{} {french}", days.0),
        format!("{} {dutch}", days.1),
    )
}

fn lower_first(text: &str) -> String {
    let mut characters = text.chars();
    characters
        .next()
        .map(|first| first.to_lowercase().chain(characters).collect())
        .unwrap_or_default()
}

fn pick<T: Copy>(rng: &mut impl Rng, items: &[T]) -> T {
    // Invariant: every table above is non-empty.
    *items.choose(rng).expect("non-empty table")
}

fn office(rng: &mut impl Rng) -> (String, String) {
    let days = if rng.random_bool(0.75) {
        pick(rng, &WEEKDAYS)
    } else {
        pick(rng, &SOME_DAYS)
    };
    let (mut french, mut dutch) = days_and_ranges(days, pick(rng, &OFFICE_RANGES));
    if rng.random_bool(0.12) {
        french.push_str(", samedi de 9h à 12h");
        dutch.push_str(", zaterdag van 9 uur tot 12 uur");
    }
    (french, dutch)
}

/// The permanency text pair of a provider with this hours profile.
pub(crate) fn permanency(rng: &mut impl Rng, profile: HoursProfile) -> (String, String) {
    match profile {
        HoursProfile::Office => office(rng),
        HoursProfile::Appointment => {
            if rng.random_bool(0.55) {
                return ("Sur rendez-vous".into(), "Op afspraak".into());
            }
            let (french, dutch) = office(rng);
            (format!("Sur rendez-vous, {}", lower_first(&french)), format!("Op afspraak, {}", lower_first(&dutch)))
        }
        HoursProfile::H24 | HoursProfile::Residential if rng.random_bool(0.6) => {
            if rng.random_bool(0.5) {
                ("24h/24".into(), "24 uur op 24".into())
            } else {
                ("24h/24, 7j/7".into(), "24 uur op 24, 7 dagen op 7".into())
            }
        }
        HoursProfile::H24 => office(rng),
        HoursProfile::Residential => {
            let from = pick(rng, &[at(10, 0), at(11, 0), at(13, 0)]);
            let to = pick(rng, &[at(18, 0), at(19, 0), at(20, 0)]);
            let (french, dutch) = ranges(&[(from, to)]);
            (format!("Visites tous les jours {french}"), format!("Bezoek elke dag {dutch}"))
        }
        HoursProfile::Night => {
            let from = pick(rng, &[at(19, 0), at(20, 0), at(21, 0), at(21, 30)]);
            let to = pick(rng, &[at(7, 0), at(8, 0), at(8, 30), at(9, 0)]);
            let (french, dutch) = ranges(&[(from, to)]);
            (format!("Tous les jours {french}"), format!("Elke dag {dutch}"))
        }
        HoursProfile::Daycenter => {
            let days = if rng.random_bool(0.7) { WEEKDAYS[0] } else { ("Du lundi au samedi", "Van maandag tot zaterdag") };
            let slot = pick(rng, &[(at(8, 0), at(16, 0)), (at(9, 0), at(17, 0)), (at(8, 30), at(16, 30)), (at(9, 0), at(15, 0))]);
            days_and_ranges(days, &[slot])
        }
        HoursProfile::Creche => {
            let slot = pick(rng, &[(at(7, 0), at(18, 0)), (at(7, 30), at(18, 0)), (at(7, 0), at(18, 30)), (at(7, 30), at(17, 30))]);
            days_and_ranges(WEEKDAYS[0], &[slot])
        }
        HoursProfile::Meals => {
            let days = if rng.random_bool(0.6) { WEEKDAYS[0] } else { ("Tous les jours", "Elke dag") };
            let lunch = pick(rng, &[(at(11, 30), at(14, 0)), (at(12, 0), at(14, 0)), (at(11, 45), at(13, 30))]);
            if rng.random_bool(0.25) {
                return days_and_ranges(days, &[lunch, (at(18, 0), at(20, 0))]);
            }
            days_and_ranges(days, &[lunch])
        }
        HoursProfile::Shop => {
            let (mut french, mut dutch) = days_and_ranges(pick(rng, &SOME_DAYS), &[(at(13, 0), at(17, 0))]);
            if rng.random_bool(0.4) {
                french.push_str(", samedi de 9h à 12h");
                dutch.push_str(", zaterdag van 9 uur tot 12 uur");
            }
            (french, dutch)
        }
        HoursProfile::Distribution => {
            let day = pick(rng, &SINGLE_DAYS);
            let slot = pick(rng, &[(at(9, 0), at(12, 0)), (at(14, 0), at(16, 0)), (at(10, 0), at(12, 0))]);
            let (french, dutch) = ranges(&[slot]);
            match rng.random_range(0..3) {
                0 => (format!("Distribution {} {french}", day.0), format!("Bedeling {} {dutch}", day.1)),
                1 => (format!("Un {} sur deux {french}", &day.0[3..]), format!("Om de twee weken {} {dutch}", day.1)),
                _ => (format!("Le premier {} du mois {french}", &day.0[3..]), format!("De eerste {} van de maand {dutch}", &day.1[3..])),
            }
        }
        HoursProfile::Afterschool => (
            "Lundi, mardi, jeudi et vendredi de 15h30 à 18h, mercredi de 13h à 17h".into(),
            "Maandag, dinsdag, donderdag en vrijdag van 15.30 uur tot 18 uur, woensdag van 13 uur tot 17 uur".into(),
        ),
        HoursProfile::Hospital => (
            "24h/24 (urgences) ; consultations du lundi au vendredi de 8h à 18h".into(),
            "24 uur op 24 (spoedgevallen); consultaties van maandag tot vrijdag van 8 uur tot 18 uur".into(),
        ),
        HoursProfile::Courses => {
            let days = pick(rng, &[("Du lundi au jeudi", "Van maandag tot donderdag"), SOME_DAYS[0], SOME_DAYS[1]]);
            let slots = pick(rng, &COURSE_RANGES);
            days_and_ranges(days, slots)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn formats_like_the_source() {
        assert_eq!(french_time(at(8, 30)), "8h30");
        assert_eq!(dutch_time(at(16, 0)), "16 uur");
        let (french, dutch) = days_and_ranges(WEEKDAYS[0], &[(at(8, 30), at(16, 0))]);
        assert_eq!(french, "Du lundi au vendredi de 8h30 à 16h");
        assert_eq!(dutch, "Van maandag tot vrijdag van 8.30 uur tot 16 uur");
        let (french, dutch) = days_and_ranges(SOME_DAYS[0], OFFICE_RANGES[2]);
        assert_eq!(
            french,
            "Lundi, mercredi et vendredi de 9h à 12h et de 13h à 17h"
        );
        assert_eq!(
            dutch,
            "Maandag, woensdag en vrijdag van 9 uur tot 12 uur en van 13 uur tot 17 uur"
        );
    }

    #[test]
    fn every_profile_gives_both_languages() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(3);
        let distribution = (0..50)
            .map(|_| permanency(&mut rng, HoursProfile::Distribution))
            .collect::<Vec<_>>();
        assert!(distribution
            .iter()
            .all(|(french, dutch)| french.contains('h') && dutch.contains("uur")));
        assert!(distribution.iter().any(|(french, _)| french
            .starts_with("Le premier mercredi du mois")
            || french.starts_with("Le premier lundi du mois")));
    }
}
