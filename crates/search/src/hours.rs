//! Opening hours as fast-field values and the `open_at` predicate.

use orienta_model::Schedule;

/// Minutes in a week.
pub const WEEK_MINUTES: u32 = 7 * 1440;

/// Encodes a schedule's weekly slots as `start << 16 | end`, minutes of the week.
pub fn encode(schedule: &Schedule) -> Vec<u64> {
    schedule
        .weekly
        .iter()
        .filter(|slot| slot.closes > slot.opens)
        .map(|slot| {
            let day_start = slot.day.index() as u64 * 1440;
            let start = day_start + u64::from(slot.opens);
            let end = day_start + u64::from(slot.closes.min(1440));
            (start << 16) | end
        })
        .collect()
}

/// True when one of the encoded slots contains `minute_of_week`.
pub fn contains(encoded_slots: impl Iterator<Item = u64>, minute_of_week: u32) -> bool {
    let minute = u64::from(minute_of_week);
    encoded_slots.into_iter().any(|slot| {
        let start = slot >> 16;
        let end = slot & 0xFFFF;
        start <= minute && minute < end
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use orienta_model::{OpeningSlot, Weekday};

    #[test]
    fn slot_contains_minute() {
        let schedule = Schedule {
            weekly: vec![OpeningSlot {
                day: Weekday::Tue,
                opens: 510,
                closes: 960,
            }],
            ..Schedule::default()
        };
        let encoded = encode(&schedule);
        assert!(contains(encoded.iter().copied(), 1440 + 600));
        assert!(!contains(encoded.iter().copied(), 600));
        assert!(!contains(encoded.iter().copied(), 1440 + 960));
    }
}
