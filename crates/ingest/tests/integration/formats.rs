//! The other formats: partner CSV, HSDS 3.0, hospital sites, and rejected records.

use crate::common::{data, run, temp_file};
use orienta_ingest::SourceKind;
use orienta_model::{CareLine, Lang, PhoneKind, QualityCode, Severity, Weekday};

#[test]
fn partner_csv_example() {
    let outcome = run(&[data("examples/partner.csv")]);
    let source = &outcome.report.sources[0];
    assert_eq!(source.kind, SourceKind::PartnerCsv);
    assert_eq!((source.read, source.accepted, source.rejected), (3, 3, 0));
    let find = |id: &str| {
        outcome
            .organisations
            .iter()
            .find(|o| o.primary_source().id == id)
            .expect(id)
    };
    let grocery = find("P-001");
    assert_eq!(grocery.locations.len(), 2, "two rows, one organisation");
    assert_eq!(
        grocery.locations[0].address.box_number.as_deref(),
        Some("3")
    );
    assert_eq!(grocery.phones.len(), 2);
    assert_eq!(grocery.languages, ["ar", "fr", "nl"]);
    assert!(grocery.synthetic);
    assert!(
        grocery.needs.contains(&"social-grocery".to_owned()),
        "{:?}",
        grocery.needs
    );
    assert_eq!(
        grocery.categories[0].label.nl.as_deref(),
        Some("Sociale kruideniers")
    );
    assert_eq!(grocery.schedule.weekly.len(), 10);
    assert!(grocery
        .external_ids
        .iter()
        .any(|id| id.scheme == "BE-BCE_KBO"));
    let unknown_column = outcome
        .report
        .with_code(QualityCode::UnknownValue)
        .filter(|d| d.message.contains("internal_note"))
        .count();
    assert_eq!(unknown_column, 1, "unknown columns reported once");
    let medical = find("P-002");
    assert_eq!(
        medical.phones.iter().map(|p| p.kind).collect::<Vec<_>>(),
        [PhoneKind::Voice, PhoneKind::Mobile]
    );
    assert_eq!(medical.schedule.is_open(Weekday::Thu, 17 * 60), Some(true));
    let elderly = find("P-003");
    assert!(elderly.has_flag(QualityCode::MissingNl));
    assert!(!elderly.needs.contains(&"unknown-concept".to_owned()));
    assert!(outcome
        .report
        .diagnostics
        .iter()
        .any(|d| d.message.contains("unknown-concept")));
}

#[test]
fn hsds_examples() {
    let outcome = run(&[
        data("examples/hsds_brussels.json"),
        data("examples/hsds_organization_full.json"),
    ]);
    let brussels = &outcome.report.sources[0];
    assert_eq!(brussels.kind, SourceKind::Hsds);
    assert_eq!(
        (brussels.read, brussels.accepted, brussels.rejected),
        (3, 2, 1)
    );
    let find = |id: &str| {
        outcome
            .organisations
            .iter()
            .find(|o| o.primary_source().id == id)
            .expect(id)
    };
    let centre = find("hsds-example-1");
    assert_eq!(centre.name.get(Lang::Nl), Some("Centrum Voorbeeld"));
    assert_eq!(centre.name.fr, None, "no french copy");
    assert_eq!(centre.languages, ["ar", "nl"]);
    assert_eq!(centre.schedule.weekly.len(), 5);
    assert_eq!(
        centre.locations[0].address.postcode.as_deref(),
        Some("1070")
    );
    assert_eq!(
        centre.locations[0].address.street.nl.as_deref(),
        Some("Voorbeeldstraat")
    );
    assert_eq!(centre.locations[0].address.number.as_deref(), Some("7"));
    assert!(centre.has_flag(QualityCode::InvalidKbo));
    assert!(centre
        .external_ids
        .iter()
        .any(|id| id.scheme == "BE-BCE_KBO" && id.value == "0212347945"));
    let detected = find("hsds-example-2");
    assert!(detected.description.fr.is_some(), "detected as french");
    assert!(detected
        .quality
        .iter()
        .any(|i| i.code == QualityCode::SuspectLanguage && i.severity == Severity::Info));
    let official = find("d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610");
    assert_eq!(
        official.name.en.as_deref(),
        Some("Example Organization Inc.")
    );
    assert!(official.phones.iter().any(|p| p.e164 == "+441234234567"));
    assert_eq!(official.schedule.weekly.len(), 2, "byday TH,FR 10:00-18:00");
}

#[test]
fn hospital_sites() {
    let outcome = run(&[data("providers/eurostat_hospitals_brussels.csv")]);
    let source = &outcome.report.sources[0];
    assert_eq!(source.kind, SourceKind::Hospitals);
    assert_eq!((source.read, source.accepted, source.rejected), (37, 37, 0));
    let find = |id: &str| {
        outcome
            .organisations
            .iter()
            .find(|o| o.primary_source().id == id)
            .expect(id)
    };
    let st_jan = find("1310");
    assert_eq!(st_jan.official_name.nl.as_deref(), Some("KLINIEK ST.-JAN"));
    assert_eq!(
        st_jan.official_name.fr.as_deref(),
        Some("CLINIQUE ST. JEAN")
    );
    assert_eq!(st_jan.name.fr.as_deref(), Some("Clinique St. Jean"));
    assert_eq!(st_jan.locations[0].name.nl.as_deref(), Some("Kruidtuin"));
    assert_eq!(
        st_jan.locations[0].address.street.nl.as_deref(),
        Some("Kruidtuinlaan")
    );
    // The source names the street in Dutch only; the French page reads the official name.
    assert_eq!(
        st_jan.locations[0].address.street.fr.as_deref(),
        Some("Boulevard du Jardin Botanique")
    );
    assert_eq!(st_jan.locations[0].address.number.as_deref(), Some("32"));
    assert_eq!(
        st_jan
            .needs
            .iter()
            .filter(|n| ["hospital", "emergency"].contains(&n.as_str()))
            .count(),
        2
    );
    assert_eq!(st_jan.phones[0].e164, "+3222219111");
    assert!(st_jan
        .description
        .fr
        .as_deref()
        .is_some_and(|d| d.contains("394 lits")));
    let europe = find("1400");
    assert_eq!(
        europe.websites,
        [
            "http://www.cliniquesdeleurope.be",
            "http://www.europaziekenhuizen.be"
        ]
    );
    let valida = find("1490");
    assert!(!valida.needs.contains(&"emergency".to_owned()));
    let baron_lambert = find("1530");
    assert!(
        baron_lambert
            .description
            .fr
            .as_deref()
            .is_none_or(|d| !d.contains("lits")),
        "cap_beds 0 is unknown"
    );
    assert_eq!(
        find("2630").locations[0].address.number.as_deref(),
        Some("27-29")
    );
    assert!(outcome
        .organisations
        .iter()
        .all(|o| o.care_line.is_none() || o.care_line == Some(CareLine::Specialised)));
}

#[test]
fn unusable_records_are_rejected_and_the_batch_goes_on() {
    let lines = [
        r#"{"id": 1, "nameOfficialFr": "ASBL Bonne", "langStatus": "FR"}"#,
        r#"{"id": 2, "nameOfficialFr": "ASBL Tronq"#,
        r#"{"nameOfficialFr": "ASBL Sans Id", "langStatus": "FR"}"#,
        r#"{"id": 4, "nameOfficialFr": null, "nameOfficialNl": "  ", "langStatus": "FR"}"#,
        r#"{"id": "abc", "nameOfficialFr": "ASBL Id Texte", "langStatus": "FR"}"#,
    ];
    let (_dir, path) = temp_file("mixed.ndjson", &lines.join("\n"));
    let outcome = run(&[path, "/nonexistent/orienta.json".to_owned()]);
    let source = &outcome.report.sources[0];
    assert_eq!((source.read, source.accepted, source.rejected), (5, 1, 4));
    let codes: Vec<QualityCode> = outcome
        .report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.code)
        .collect();
    assert_eq!(
        codes,
        [
            QualityCode::Unparsable,
            QualityCode::MissingField,
            QualityCode::MissingField,
            QualityCode::MissingField
        ]
    );
    assert!(
        outcome.report.sources[1].error.is_some(),
        "a missing file is reported, not fatal"
    );
    assert_eq!(outcome.report.totals.read, 5);
    let json = outcome.report.to_json();
    assert!(json.contains("\"diagnostics\"") && json.contains("\"missing_field\""));
}
