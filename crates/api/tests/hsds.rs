//! The HSDS 3.0 view, validated against the Open Referral JSON Schemas.

use crate::support::shared;
use jsonschema::{Retrieve, Uri, Validator};
use serde_json::Value;
use std::path::PathBuf;

fn schema_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/hsds-schema")
}

fn read_schema(name: &str) -> Value {
    let text = std::fs::read_to_string(schema_dir().join(name)).expect("schema file");
    serde_json::from_str(&text).expect("schema json")
}

/// Resolves `phone.json`-style references to the copied schema files.
struct LocalSchemas;

impl Retrieve for LocalSchemas {
    fn retrieve(
        &self,
        uri: &Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let name = uri
            .as_str()
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_owned();
        Ok(read_schema(&name))
    }
}

fn validator(name: &str) -> Validator {
    jsonschema::options()
        .with_base_uri("https://hsds.invalid/schema/")
        .with_retriever(LocalSchemas)
        .should_validate_formats(true)
        .build(&read_schema(name))
        .expect("valid HSDS schema")
}

fn assert_valid(validator: &Validator, instance: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what} is not valid HSDS: {errors:#?}");
}

fn assert_page(page: &Value, expected_total: u64) {
    for key in [
        "total_items",
        "total_pages",
        "page_number",
        "size",
        "first_page",
        "last_page",
        "empty",
        "contents",
    ] {
        assert!(page.get(key).is_some(), "page without {key}");
    }
    assert_eq!(page["total_items"], expected_total);
}

#[test]
fn api_info() {
    let info = shared().json("/hsds/");
    assert_eq!(info["version"], "3.0");
    assert!(info["openapi_url"]
        .as_str()
        .unwrap()
        .ends_with("/openapi.json"));
}

#[test]
fn lists_and_entities_follow_the_schemas() {
    let server = shared();
    let service_schema = validator("service.json");
    let organization_schema = validator("organization.json");
    let at_location_schema = validator("service_at_location.json");

    let services = server.json("/hsds/services?per_page=100");
    assert_page(&services, 8);
    assert_eq!(services["first_page"], true);
    assert_eq!(services["last_page"], true);
    for service in services["contents"].as_array().unwrap() {
        assert_valid(&service_schema, service, "a listed service");
    }
    let organizations = server.json("/hsds/organizations?per_page=3&page=2&lang=nl");
    assert_page(&organizations, 8);
    assert_eq!(organizations["total_pages"], 3);
    assert_eq!(organizations["size"], 3);
    for organization in organizations["contents"].as_array().unwrap() {
        assert_valid(&organization_schema, organization, "a listed organization");
    }
    let at_locations = server.json("/hsds/service_at_locations?per_page=100");
    assert_page(&at_locations, 9);
    for at_location in at_locations["contents"].as_array().unwrap() {
        assert_valid(&at_location_schema, at_location, "a service at location");
    }

    let cpas = orienta_model::record_uuid("social_brussels", "13219");
    let organization = server.json(&format!("/hsds/organizations/{cpas}?lang=nl"));
    assert_valid(&organization_schema, &organization, "the CPAS organization");
    assert_eq!(organization["name"], "OCMW van Schaarbeek");
    assert_eq!(organization["tax_id"], "0212347945");
    let service_id = organization["services"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let service = server.json(&format!("/hsds/services/{service_id}"));
    assert_valid(&service_schema, &service, "the CPAS service");
    assert_eq!(service["name"], "CPAS de Schaerbeek");
    assert_eq!(service["organization"]["id"], cpas);
    assert_eq!(service["schedules"][0]["byday"], "MO");
    assert_eq!(service["schedules"][0]["opens_at"], "08:30");
    assert_eq!(
        service["service_at_locations"][0]["location"]["addresses"][0]["postal_code"],
        "1030"
    );
    assert!(service["attributes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["taxonomy_term"]["code"] == "food-aid"));
}

#[test]
fn hsds_filters() {
    let server = shared();
    let food = server.json("/hsds/services?taxonomy_term_id=food-aid");
    assert_page(&food, 3);
    let term = food["contents"][0]["attributes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| {
            a["taxonomy_term"]["code"] == "food-aid"
                || a["taxonomy_term"]["code"] == "social-restaurant"
                || a["taxonomy_term"]["code"] == "social-grocery"
        })
        .unwrap()["taxonomy_term_id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        server.json(&format!("/hsds/services?taxonomy_term_id={term}"))["total_items"]
            .as_u64()
            .unwrap()
            >= 1
    );
    assert_eq!(
        server.json("/hsds/services?search=schaerbeek")["total_items"],
        1
    );
    assert_eq!(
        server.json("/hsds/service_at_locations?postcode=1000")["total_items"],
        3
    );
    let near = server.json("/hsds/service_at_locations?postcode=1030&proximity=3000");
    assert!(near["total_items"].as_u64().unwrap() >= 1);
    assert!(near["total_items"].as_u64().unwrap() < 9);
    assert_eq!(
        server.json("/hsds/services?modified_after=2000-01-01T00:00:00Z")["total_items"],
        8
    );
    // A place from the place box: a commune is its territory, a street a circle around it.
    let count = |query: &str| {
        server.json(&format!("/hsds/service_at_locations?{query}"))["total_items"]
            .as_u64()
            .unwrap()
    };
    // Every location lies in one commune: the 19 communes' places share out the whole.
    let communes = server.json("/v1/territories/communes?geometry=false");
    let per_commune: u64 = communes["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|feature| {
            count(&format!(
                "place=commune:{}",
                feature["properties"]["nis"].as_str().unwrap()
            ))
        })
        .sum();
    assert_eq!(per_commune, count("per_page=1"));
    assert!(count("place=commune:21015") <= count("postcode=1030"));
    let street = server.json("/v1/places?q=Rue%20Josaphat%201030")["places"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let around = server.json(&format!(
        "/hsds/service_at_locations?place={street}&proximity=3000"
    ));
    assert!(around["total_items"].as_u64().unwrap() >= 1);
    assert!(around["total_items"].as_u64().unwrap() < 9);
    for bad in ["place=commune:21015&postcode=1030", "place=nowhere"] {
        let response = server.get(&format!("/hsds/services?{bad}"));
        assert_eq!(response.status(), 400, "{bad}");
        let problem: serde_json::Value = response.json().unwrap();
        assert_eq!(problem["parameter"], "place", "{bad}");
    }
    let future = server.json("/hsds/services?modified_after=2999-01-01T00:00:00Z");
    assert_eq!(future["total_items"], 0);
    assert_eq!(future["empty"], true);
    let cpas = orienta_model::record_uuid("social_brussels", "13219");
    assert_eq!(
        server.json(&format!("/hsds/services?organization_id={cpas}"))["total_items"],
        1
    );
}
