//! Synthetic (sample) records never point at real registries: their social.brussels ids and
//! enterprise numbers are made up, so a link to social.brussels or to the KBO lookup would
//! send a reader to someone else's page. The ids stay, as plain values.

use orienta_model::Organisation;

/// Removes every outside link of a synthetic record (source pages, external-id lookups);
/// real records are left as they are.
pub(crate) fn unlink(organisation: &mut Organisation) {
    if !organisation.synthetic {
        return;
    }
    for external in &mut organisation.external_ids {
        external.url = None;
    }
    for source in &mut organisation.sources {
        source.url = None;
    }
    for location in &mut organisation.locations {
        location.source.url = None;
    }
}
