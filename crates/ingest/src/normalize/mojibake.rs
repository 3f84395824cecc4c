//! Repair of mojibake: UTF-8 text that was decoded as cp1252 or latin-1 (`SociÃ©tÃ©` → `Société`).
//!
//! Like ftfy, only runs of non-ASCII characters are re-encoded as cp1252 and decoded as
//! UTF-8, and a run is replaced only when the result is valid UTF-8 and shorter and cleaner
//! than the input. Correct text (`é` alone, `Coördinatie`) is never touched.

use encoding_rs::WINDOWS_1252;

/// Characters that betray mojibake when they start a run of non-ASCII characters.
fn is_suspicious_lead(c: char) -> bool {
    matches!(c, '\u{00C2}'..='\u{00F4}')
}

/// Characters a repair may produce: Latin letters, general punctuation, symbols, emoji.
fn is_plausible(c: char) -> bool {
    matches!(c, '\u{00A0}'..='\u{024F}' | '\u{2000}'..='\u{214F}' | '\u{1F000}'..)
}

/// Re-encodes one run of non-ASCII characters as cp1252 bytes and decodes them as UTF-8.
fn repair_run(run: &str) -> Option<String> {
    let first = run.chars().next()?;
    if !is_suspicious_lead(first) || run.chars().count() < 2 {
        return None;
    }
    let (bytes, _, had_errors) = WINDOWS_1252.encode(run);
    if had_errors {
        return None;
    }
    let decoded = std::str::from_utf8(&bytes).ok()?;
    let cleaner = decoded.chars().count() < run.chars().count()
        && decoded.chars().all(|c| c.is_ascii() || is_plausible(c));
    cleaner.then(|| decoded.to_owned())
}

/// True when some run of non-ASCII characters can be repaired (checked without allocating
/// the output).
///
/// Only runs that start with a suspicious lead can be, and those leads (U+00C2–U+00F4) are
/// the bytes `C3 82`–`C3 B4`: they are found by a vectorised search for `C3`, and a run is
/// the bytes from there up to the next ASCII byte.
fn has_repairable_run(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(0xc3, bytes).any(|start| {
        let starts_run = start == 0 || bytes[start - 1].is_ascii();
        let suspicious = matches!(bytes.get(start + 1), Some(0x82..=0xb4));
        if !starts_run || !suspicious {
            return false;
        }
        let end = bytes[start..]
            .iter()
            .position(u8::is_ascii)
            .map_or(bytes.len(), |length| start + length);
        end - start > 2 && repair_run(&text[start..end]).is_some()
    })
}

/// One pass over the text; `None` when nothing was repaired.
fn repair_once(text: &str) -> Option<String> {
    if !has_repairable_run(text) {
        return None;
    }
    let mut output = String::with_capacity(text.len());
    let mut changed = false;
    let mut run_start: Option<usize> = None;
    let flush = |output: &mut String, run: &str, changed: &mut bool| match repair_run(run) {
        Some(fixed) => {
            output.push_str(&fixed);
            *changed = true;
        }
        None => output.push_str(run),
    };
    for (index, c) in text.char_indices() {
        match (c.is_ascii(), run_start) {
            (false, None) => run_start = Some(index),
            (true, Some(start)) => {
                flush(&mut output, &text[start..index], &mut changed);
                run_start = None;
                output.push(c);
            }
            (true, None) => output.push(c),
            (false, Some(_)) => {}
        }
    }
    if let Some(start) = run_start {
        flush(&mut output, &text[start..], &mut changed);
    }
    changed.then_some(output)
}

/// Repairs mojibake; `None` when the text had none (the common case, checked cheaply).
pub fn repair(text: &str) -> Option<String> {
    let mut repaired = repair_once(text)?;
    // Double-encoded text needs a second pass.
    if let Some(again) = repair_once(&repaired) {
        repaired = again;
    }
    Some(repaired)
}

#[cfg(test)]
mod tests {
    use super::repair;

    #[test]
    fn repairs_cp1252_mojibake() {
        assert_eq!(
            repair("SociÃ©tÃ© dâ€™entraide").as_deref(),
            Some("Société d’entraide")
        );
        assert_eq!(repair("CoÃ¶rdinatie").as_deref(), Some("Coördinatie"));
        assert_eq!(repair("Ã  Bruxelles").as_deref(), None);
        assert_eq!(repair("Ã\u{a0}Bruxelles").as_deref(), Some("àBruxelles"));
    }

    /// The run-by-run reading the byte search replaces.
    fn has_repairable_run_by_chars(text: &str) -> bool {
        let mut run_start: Option<usize> = None;
        for (index, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            match (c.is_ascii(), run_start) {
                (false, None) => run_start = Some(index),
                (true, Some(start)) => {
                    let run = &text[start..index];
                    if run.len() > 2 && super::repair_run(run).is_some() {
                        return true;
                    }
                    run_start = None;
                }
                _ => {}
            }
        }
        false
    }

    /// Every string of up to four pieces over ASCII, correct accents and mojibake.
    #[test]
    fn byte_search_finds_the_runs_of_the_char_reading() {
        let pieces = [
            "a", " ", "é", "Ã©", "â€™", "Ã", "\u{a0}", "’", "Ã¶", "ÿ", "Â",
        ];
        for string in crate::normalize::strings_of_pieces(&pieces, 4) {
            assert_eq!(
                super::has_repairable_run(&string),
                has_repairable_run_by_chars(&string),
                "{string:?}"
            );
        }
    }

    #[test]
    fn leaves_correct_text_alone() {
        for text in [
            "Société d’entraide",
            "Coördinatie",
            "crèche – été",
            "ÉCOLE",
            "plain",
        ] {
            assert_eq!(repair(text), None, "{text}");
        }
    }
}
