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

/// The days from `from` to `to`, wrapping past Sunday.
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

/// The minutes of a time or hour token, and whether it was written as a time.
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

/// An hours text being read: the finished slots and the clause being filled.
struct Reader<'t> {
    /// The text's tokens.
    tokens: &'t [Token],
    /// What was read so far.
    parsed: ParsedHours,
    /// The clause being filled.
    clause: Clause,
}

impl Reader<'_> {
    /// The token `offset` places after `index`.
    fn next(&self, index: usize, offset: usize) -> Option<&Token> {
        self.tokens.get(index + offset)
    }

    /// Reads the token at `index`; returns how many tokens it used.
    fn read(&mut self, index: usize) -> usize {
        let token = &self.tokens[index];
        match token {
            Token::Day(from) => return self.day(index, *from),
            Token::Time(_) | Token::Number(_) => return self.time(index, token),
            Token::EveryDay => self.clause.days.extend(Weekday::ALL),
            Token::RoundTheClock => {
                if self.clause.days.is_empty() {
                    self.clause.days.extend(Weekday::ALL);
                }
                self.clause.ranges.push((0, 24 * 60));
            }
            Token::Break => {
                if !self.clause.ranges.is_empty() {
                    self.clause.flush(&mut self.parsed.slots);
                }
            }
            Token::Word(word) => self.word(word),
            Token::Range | Token::List => {}
        }
        1
    }

    /// A day, or a range of days (`lundi au vendredi`); a day after a complete clause
    /// starts the next one.
    fn day(&mut self, index: usize, from: Weekday) -> usize {
        if !self.clause.ranges.is_empty() && !self.clause.days.is_empty() {
            self.clause.flush(&mut self.parsed.slots);
        }
        if let (Some(Token::Range), Some(Token::Day(to))) =
            (self.next(index, 1), self.next(index, 2))
        {
            self.clause.days.extend(day_range(from, *to));
            return 3;
        }
        self.clause.days.push(from);
        1
    }

    /// A time range (`8h30 à 16h`, at least one end written as a time), or a lone time
    /// (left over).
    fn time(&mut self, index: usize, token: &Token) -> usize {
        let start = as_minutes(token);
        let mut offset = 1;
        while self.next(index, offset) == Some(&Token::Range) {
            offset += 1;
        }
        let end = (offset > 1)
            .then(|| self.next(index, offset).and_then(as_minutes))
            .flatten();
        match (start, end) {
            (Some((opens, explicit_open)), Some((closes, explicit_close)))
                if explicit_open || explicit_close =>
            {
                let closes = if closes == 0 { 24 * 60 } else { closes };
                if opens < closes {
                    self.clause.ranges.push((opens, closes));
                } else {
                    self.parsed
                        .leftover
                        .push(format!("{}h-{}h", opens / 60, closes / 60));
                }
                offset + 1
            }
            _ => {
                if let Some((minutes, true)) = start {
                    self.parsed
                        .leftover
                        .push(format!("{}h{:02}", minutes / 60, minutes % 60));
                }
                1
            }
        }
    }

    /// A word: appointment, closed, filler, or left over.
    fn word(&mut self, word: &str) {
        if lexicon::APPOINTMENT_WORDS.contains(&word) {
            self.parsed.appointment |=
                matches!(word, "rendez" | "rdv" | "afspraak" | "appointment");
        } else if lexicon::CLOSED_WORDS.contains(&word) {
            self.clause.closed = true;
        } else if !lexicon::FILLER_WORDS.contains(&word) && !lexicon::LIST_WORDS.contains(&word) {
            self.parsed.leftover.push(word.to_owned());
        }
    }

    /// The last clause flushed; slots sorted, each once.
    fn finish(mut self) -> ParsedHours {
        let parsed = &mut self.parsed;
        if !self.clause.ranges.is_empty() {
            if self.clause.days.is_empty() && !parsed.slots.is_empty() {
                parsed.leftover.push("hours without days".to_owned());
            }
            self.clause.flush(&mut parsed.slots);
        }
        parsed
            .slots
            .sort_by_key(|slot| (slot.day, slot.opens, slot.closes));
        parsed.slots.dedup();
        self.parsed
    }
}

/// Parses an opening-hours text written in `lang`.
pub fn parse(text: &str, lang: Lang) -> ParsedHours {
    let tokens = tokens::tokenize(text, lang);
    let mut reader = Reader {
        tokens: &tokens,
        parsed: ParsedHours::default(),
        clause: Clause::default(),
    };
    let mut index = 0;
    while index < tokens.len() {
        index += reader.read(index);
    }
    reader.finish()
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
