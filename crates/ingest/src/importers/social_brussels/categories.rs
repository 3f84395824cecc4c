//! The record's classification: legal status and categories.

use super::checks::{report_null_lists, same_term, term};
use super::record::CdcsRecord;
use orienta_model::{Organisation, QualityIssue};

/// Sets the legal status and the categories (both lists, each category once); reports
/// lists given as `null`.
pub(super) fn categories(
    organisation: &mut Organisation,
    record: &CdcsRecord,
    issues: &mut Vec<QualityIssue>,
) {
    organisation.legal_status = record.legal_status.items.first().map(term);
    for item in record
        .categories_object
        .items
        .iter()
        .chain(&record.categories.items)
    {
        let category = term(item);
        if !organisation
            .categories
            .iter()
            .any(|known| same_term(known, &category))
        {
            organisation.categories.push(category);
        }
    }
    report_null_lists(
        &[
            ("categories", record.categories.presence),
            ("categoriesObject", record.categories_object.presence),
            ("sectorsObjects", record.sectors_objects.presence),
        ],
        issues,
    );
}
