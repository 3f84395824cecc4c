//! Opening hours: the source text is always kept; weekly slots when it could be parsed.

use crate::i18n::I18nText;
use serde::{Deserialize, Serialize};

/// A day of the week, Monday first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    /// Monday.
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
    /// Saturday.
    Sat,
    /// Sunday.
    Sun,
}

impl Weekday {
    /// Monday to Sunday.
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    /// 0 for Monday to 6 for Sunday.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// One opening period on one day, in local time (Europe/Brussels), minutes since midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpeningSlot {
    /// The day.
    pub day: Weekday,
    /// Opening time, minutes since midnight.
    pub opens: u16,
    /// Closing time, minutes since midnight (> `opens`).
    pub closes: u16,
}

/// Opening hours of a service or location.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    /// The hours as the source wrote them, per language (always kept).
    pub text: I18nText,
    /// Weekly slots, when the text could be parsed; empty when unknown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weekly: Vec<OpeningSlot>,
}

impl Schedule {
    /// True when structured hours are known.
    pub fn is_structured(&self) -> bool {
        !self.weekly.is_empty()
    }

    /// Whether open on `day` at `minute` (minutes since midnight); `None` when hours are unknown.
    pub fn is_open(&self, day: Weekday, minute: u16) -> Option<bool> {
        if !self.is_structured() {
            return None;
        }
        Some(
            self.weekly
                .iter()
                .any(|slot| slot.day == day && slot.opens <= minute && minute < slot.closes),
        )
    }
}
