//! Opening hours: common FR/NL free-text patterns parsed into weekly slots.
//!
//! Handles "Du lundi au vendredi de 8h30 à 16h", "lundi, mercredi et vendredi de 9h à 12h et
//! de 13h à 17h", "Van maandag tot vrijdag van 8.30 uur tot 16 uur", "ma-vr 9u-17u",
//! "24h/24", "sur rendez-vous". The text is always kept; what is not understood is reported.

mod lexicon;
mod tokens;

use orienta_model::{Lang, OpeningSlot, Weekday};
use tokens::Token;

/// What could be read from an opening-hours text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedHours {
    /// Weekly slots, sorted by day and time.
    pub slots: Vec<OpeningSlot>,
    /// Words that were not understood (`sauf jours fériés`).
    pub leftover: Vec<String>,
    /// The text says "by appointment".
    pub appointment: bool,
}

impl ParsedHours {
    /// True when slots were found and nothing else was left over.
    pub fn is_complete(&self) -> bool {
        !self.slots.is_empty() && self.leftover.is_empty()
    }
}

fn day_range(from: Weekday, to: Weekday) -> Vec<Weekday> {
    let (start, end) = (from.index(), to.index());
    let length = if end >= start {
        end - start
    } else {
        end + 7 - start
    };
    (0..=length)
        .map(|offset| Weekday::ALL[(start + offset) % 7])
        .collect()
}

fn as_minutes(token: &Token) -> Option<(u16, bool)> {
    match token {
        Token::Time(minutes) => Some((*minutes, true)),
        Token::Number(hour) if *hour <= 24 => Some((hour * 60, false)),
        _ => None,
    }
}

/// The state of the clause being read.
#[derive(Default)]
struct Clause {
    days: Vec<Weekday>,
    ranges: Vec<(u16, u16)>,
    closed: bool,
}

impl Clause {
    fn flush(&mut self, slots: &mut Vec<OpeningSlot>) {
        if !self.closed {
            for day in &self.days {
                for (opens, closes) in &self.ranges {
                    slots.push(OpeningSlot {
                        day: *day,
                        opens: *opens,
                        closes: *closes,
                    });
                }
            }
        }
        *self = Clause::default();
    }
}

/// Parses an opening-hours text written in `lang`.
pub fn parse(text: &str, lang: Lang) -> ParsedHours {
    let tokens = tokens::tokenize(text, lang);
    let mut parsed = ParsedHours::default();
    let mut clause = Clause::default();
    let mut index = 0;
    while index < tokens.len() {
        let token = &tokens[index];
        let next = |offset: usize| tokens.get(index + offset);
        match token {
            Token::Day(from) => {
                if !clause.ranges.is_empty() && !clause.days.is_empty() {
                    clause.flush(&mut parsed.slots);
                }
                if let (Some(Token::Range), Some(Token::Day(to))) = (next(1), next(2)) {
                    clause.days.extend(day_range(*from, *to));
                    index += 3;
                    continue;
                }
                clause.days.push(*from);
            }
            Token::Time(_) | Token::Number(_) => {
                let start = as_minutes(token);
                let mut offset = 1;
                while next(offset) == Some(&Token::Range) {
                    offset += 1;
                }
                let end = (offset > 1)
                    .then(|| next(offset).and_then(as_minutes))
                    .flatten();
                match (start, end) {
                    (Some((opens, explicit_open)), Some((closes, explicit_close)))
                        if explicit_open || explicit_close =>
                    {
                        let closes = if closes == 0 { 24 * 60 } else { closes };
                        if opens < closes {
                            clause.ranges.push((opens, closes));
                        } else {
                            parsed
                                .leftover
                                .push(format!("{}h-{}h", opens / 60, closes / 60));
                        }
                        index += offset + 1;
                        continue;
                    }
                    _ => {
                        if let Some((minutes, true)) = start {
                            parsed
                                .leftover
                                .push(format!("{}h{:02}", minutes / 60, minutes % 60));
                        }
                    }
                }
            }
            Token::EveryDay => clause.days.extend(Weekday::ALL),
            Token::RoundTheClock => {
                if clause.days.is_empty() {
                    clause.days.extend(Weekday::ALL);
                }
                clause.ranges.push((0, 24 * 60));
            }
            Token::Break => {
                if !clause.ranges.is_empty() {
                    clause.flush(&mut parsed.slots);
                }
            }
            Token::Word(word) => {
                let word = word.as_str();
                if lexicon::APPOINTMENT_WORDS.contains(&word) {
                    parsed.appointment |=
                        matches!(word, "rendez" | "rdv" | "afspraak" | "appointment");
                } else if lexicon::CLOSED_WORDS.contains(&word) {
                    clause.closed = true;
                } else if !lexicon::FILLER_WORDS.contains(&word)
                    && !lexicon::LIST_WORDS.contains(&word)
                {
                    parsed.leftover.push(word.to_owned());
                }
            }
            Token::Range | Token::List => {}
        }
        index += 1;
    }
    if !clause.ranges.is_empty() {
        if clause.days.is_empty() && !parsed.slots.is_empty() {
            parsed.leftover.push("hours without days".to_owned());
        }
        clause.flush(&mut parsed.slots);
    }
    parsed
        .slots
        .sort_by_key(|slot| (slot.day, slot.opens, slot.closes));
    parsed.slots.dedup();
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slots(text: &str, lang: Lang) -> Vec<(Weekday, u16, u16)> {
        parse(text, lang)
            .slots
            .iter()
            .map(|s| (s.day, s.opens, s.closes))
            .collect()
    }

    fn weekdays(opens: u16, closes: u16) -> Vec<(Weekday, u16, u16)> {
        Weekday::ALL[..5]
            .iter()
            .map(|d| (*d, opens, closes))
            .collect()
    }

    #[test]
    fn french_patterns() {
        assert_eq!(
            slots("Du lundi au vendredi de 8h30 à 16h", Lang::Fr),
            weekdays(510, 960)
        );
        assert_eq!(
            slots(
                "lundi, mercredi et vendredi de 9h à 12h et de 13h à 17h",
                Lang::Fr
            ),
            [Weekday::Mon, Weekday::Wed, Weekday::Fri]
                .iter()
                .flat_map(|d| [(*d, 540, 720), (*d, 780, 1020)])
                .collect::<Vec<_>>()
        );
        assert_eq!(slots("24h/24", Lang::Fr).len(), 7);
        let appointment = parse("sur rendez-vous", Lang::Fr);
        assert!(
            appointment.appointment
                && appointment.slots.is_empty()
                && appointment.leftover.is_empty()
        );
        assert_eq!(
            slots("Lundi : 9h-12h ; mardi : 14h-16h", Lang::Fr),
            [(Weekday::Mon, 540, 720), (Weekday::Tue, 840, 960)]
        );
    }

    #[test]
    fn dutch_patterns() {
        assert_eq!(
            slots("Van maandag tot vrijdag van 8.30 uur tot 16 uur", Lang::Nl),
            weekdays(510, 960)
        );
        assert_eq!(slots("ma-vr 9u-17u", Lang::Nl), weekdays(540, 1020));
        let mut expected = weekdays(510, 720);
        expected.extend(weekdays(780, 960));
        expected.sort();
        assert_eq!(slots("Ma-vr 8.30-12 u en 13-16 u", Lang::Nl), expected);
    }

    #[test]
    fn leftovers_are_reported() {
        let parsed = parse(
            "Lu-ve 8h30-12h et 13h-16h, sauf jours fériés; sur rendez-vous",
            Lang::Fr,
        );
        assert_eq!(parsed.slots.len(), 10);
        assert_eq!(parsed.leftover, ["sauf", "jours", "feries"]);
        assert!(parsed.appointment);
        assert!(parse("Voir site web", Lang::Fr).slots.is_empty());
    }
}
