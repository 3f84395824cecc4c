//! Bounds on what a source may hand the importer: bytes per file or URL, records per
//! source and characters per field. A source over a byte or record bound fails as a whole
//! (nothing of it is imported, the report says which bound); a field over its bound is cut
//! at a character boundary and the record carries a `field_truncated` diagnostic.

use orienta_model::{I18nText, Organisation, QualityCode, QualityIssue, Severity, Term};

/// The bounds of one import run (see [`crate::IngestContext::with_limits`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceLimits {
    /// Bytes read from one file or one URL response.
    pub max_source_bytes: u64,
    /// Records read from one source (a file, or one response).
    pub max_records: usize,
    /// Characters of a free text (description, audience, access, remark, hours).
    pub max_text_chars: usize,
    /// Characters of a name, a street, a city or a category label.
    pub max_name_chars: usize,
    /// Characters of a phone number or an e-mail address.
    pub max_contact_chars: usize,
    /// Characters of a URL.
    pub max_url_chars: usize,
    /// Characters of a code: a source id, an external id, a postcode, a house number.
    /// A record whose id is longer is rejected (an id cannot be cut).
    pub max_code_chars: usize,
}

/// Default bytes per source: 512 MiB.
pub const DEFAULT_MAX_SOURCE_BYTES: u64 = 512 * 1024 * 1024;

impl Default for SourceLimits {
    fn default() -> Self {
        Self {
            max_source_bytes: DEFAULT_MAX_SOURCE_BYTES,
            max_records: 2_000_000,
            max_text_chars: 10_000,
            max_name_chars: 300,
            max_contact_chars: 254,
            max_url_chars: 2_048,
            max_code_chars: 200,
        }
    }
}

/// Characters of a quality message kept (messages may quote a value).
const MAX_MESSAGE_CHARS: usize = 500;

/// Cuts `text` to at most `max` characters; the original length in characters when cut.
pub fn truncate_chars(text: &mut String, max: usize) -> Option<usize> {
    let (cut_at, _) = text.char_indices().nth(max)?;
    let original = max + text[cut_at..].chars().count();
    text.truncate(cut_at);
    Some(original)
}

/// Cuts one field, recording a `field_truncated` issue.
fn cut(text: &mut String, max: usize, field: &str, issues: &mut Vec<QualityIssue>) {
    if let Some(original) = truncate_chars(text, max) {
        issues.push(QualityIssue::new(
            QualityCode::FieldTruncated,
            Severity::Warning,
            field,
            format!("{original} characters cut to {max}"),
        ));
    }
}

fn cut_i18n(text: &mut I18nText, max: usize, field: &str, issues: &mut Vec<QualityIssue>) {
    for (lang, value) in [
        ("fr", &mut text.fr),
        ("nl", &mut text.nl),
        ("en", &mut text.en),
    ] {
        if let Some(value) = value {
            cut(value, max, &format!("{field}.{lang}"), issues);
        }
    }
}

fn cut_all(values: &mut [String], max: usize, field: &str, issues: &mut Vec<QualityIssue>) {
    for (index, value) in values.iter_mut().enumerate() {
        cut(value, max, &format!("{field}[{index}]"), issues);
    }
}

fn cut_term(term: &mut Term, max: usize, field: &str, issues: &mut Vec<QualityIssue>) {
    cut_i18n(&mut term.label, max, field, issues);
}

/// Why a record cannot be kept within the limits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdTooLong {
    /// Characters of the id.
    pub chars: usize,
}

impl SourceLimits {
    /// Cuts every text of an organisation to its bound, adding one `field_truncated` issue
    /// per cut field to the organisation's quality; an id over [`Self::max_code_chars`]
    /// cannot be cut and is an error.
    pub fn bound(&self, organisation: &mut Organisation) -> Result<(), IdTooLong> {
        if let Some(source) = organisation.sources.first() {
            let chars = source.id.chars().count();
            if chars > self.max_code_chars {
                return Err(IdTooLong { chars });
            }
        }
        let mut issues = Vec::new();
        self.bound_names_and_texts(organisation, &mut issues);
        self.bound_contacts(organisation, &mut issues);
        self.bound_locations(organisation, &mut issues);
        for issue in &mut organisation.quality {
            truncate_chars(&mut issue.message, MAX_MESSAGE_CHARS);
            truncate_chars(&mut issue.field, self.max_name_chars);
        }
        organisation.quality.extend(issues);
        Ok(())
    }

    fn bound_names_and_texts(&self, org: &mut Organisation, issues: &mut Vec<QualityIssue>) {
        let (name, text) = (self.max_name_chars, self.max_text_chars);
        cut_i18n(&mut org.name, name, "name", issues);
        cut_i18n(&mut org.official_name, name, "official_name", issues);
        cut_all(&mut org.alt_names, name, "alt_names", issues);
        cut_all(&mut org.former_names, name, "former_names", issues);
        cut_i18n(&mut org.description, text, "description", issues);
        cut_i18n(&mut org.audience, text, "audience", issues);
        cut_i18n(&mut org.access, text, "access", issues);
        cut_i18n(&mut org.remark, text, "remark", issues);
        cut_i18n(&mut org.schedule.text, text, "schedule.text", issues);
        if let Some(term) = &mut org.legal_status {
            cut_term(term, name, "legal_status", issues);
        }
        for (index, term) in org.categories.iter_mut().enumerate() {
            cut_term(term, name, &format!("categories[{index}]"), issues);
        }
        cut_all(&mut org.languages, self.max_code_chars, "languages", issues);
        cut_all(&mut org.needs, self.max_code_chars, "needs", issues);
    }

    fn bound_contacts(&self, org: &mut Organisation, issues: &mut Vec<QualityIssue>) {
        let contact = self.max_contact_chars;
        for (index, phone) in org.phones.iter_mut().enumerate() {
            cut(
                &mut phone.e164,
                contact,
                &format!("phones[{index}].e164"),
                issues,
            );
            cut(
                &mut phone.raw,
                contact,
                &format!("phones[{index}].raw"),
                issues,
            );
        }
        cut_all(&mut org.emails, contact, "emails", issues);
        cut_all(&mut org.websites, self.max_url_chars, "websites", issues);
        for (index, external) in org.external_ids.iter_mut().enumerate() {
            let field = format!("external_ids[{index}]");
            cut(&mut external.scheme, self.max_code_chars, &field, issues);
            cut(&mut external.value, self.max_code_chars, &field, issues);
            if let Some(url) = &mut external.url {
                cut(url, self.max_url_chars, &format!("{field}.url"), issues);
            }
        }
    }

    fn bound_locations(&self, org: &mut Organisation, issues: &mut Vec<QualityIssue>) {
        let (name, code) = (self.max_name_chars, self.max_code_chars);
        for (index, location) in org.locations.iter_mut().enumerate() {
            let field = format!("locations[{index}]");
            cut_i18n(&mut location.name, name, &format!("{field}.name"), issues);
            let address = &mut location.address;
            cut_i18n(
                &mut address.street,
                name,
                &format!("{field}.street"),
                issues,
            );
            cut_i18n(&mut address.city, name, &format!("{field}.city"), issues);
            for (part, value) in [
                ("number", &mut address.number),
                ("box_number", &mut address.box_number),
                ("postcode", &mut address.postcode),
            ] {
                if let Some(value) = value {
                    cut(value, code, &format!("{field}.{part}"), issues);
                }
            }
            cut(
                &mut address.country,
                code,
                &format!("{field}.country"),
                issues,
            );
            // The raw address joins the parts above: a few names long at most.
            cut(&mut address.raw, name * 4, &format!("{field}.raw"), issues);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_at_a_char_boundary() {
        let mut text = "éàü€x".to_owned();
        assert_eq!(truncate_chars(&mut text, 3), Some(5));
        assert_eq!(text, "éàü");
        let mut short = "abc".to_owned();
        assert_eq!(truncate_chars(&mut short, 3), None);
        assert_eq!(short, "abc");
        let mut empty = String::new();
        assert_eq!(truncate_chars(&mut empty, 0), None);
    }
}
