//! The HSDS ids of Orienta's objects: stable UUIDs derived from their keys (shared by the
//! HSDS view and the catalogue that looks them up).

use uuid::Uuid;

/// A stable UUID for an Orienta object of `kind` (`service`, `phone`…) keyed by `key`.
pub fn derived_id(kind: &str, key: &str) -> String {
    Uuid::new_v5(
        &Uuid::NAMESPACE_URL,
        format!("urn:orienta:hsds:{kind}:{key}").as_bytes(),
    )
    .to_string()
}

/// The id itself when it is a UUID, else a UUID derived from it.
pub fn as_uuid(kind: &str, id: &str) -> String {
    match Uuid::parse_str(id) {
        Ok(uuid) => uuid.to_string(),
        Err(_) => derived_id(kind, id),
    }
}

/// The taxonomy term id of a need concept.
pub fn term_id(concept: &str) -> String {
    derived_id("need", concept)
}

/// The default service id of an organisation.
pub fn service_id(organisation_id: &str) -> String {
    derived_id("service", organisation_id)
}
