//! The official QSS table, loaded from a data directory.

use orienta_model::{Bassin, TagStatus};
use orienta_territory::Tagger;
use std::io::Write;

#[test]
fn qss_table_is_loaded_from_the_data_dir() {
    let data_dir = tempfile::tempdir().unwrap();
    let without = Tagger::load(data_dir.path()).unwrap();
    assert!(!without.has_qss());

    std::fs::create_dir(data_dir.path().join("geo")).unwrap();
    let mut file = std::fs::File::create(data_dir.path().join("geo/qss_sectors.csv")).unwrap();
    writeln!(
        file,
        "CodeSector;QuartierSS_Gwwijk;NomQuartierSSFR;NaamGWwijkNL;BassinFR;ZoneNL"
    )
    .unwrap();
    writeln!(
        file,
        "21015A77-;NE-7;Reyers (test);Reyers (test);Nord-Est;Noordoost"
    )
    .unwrap();
    writeln!(file, "21004A001;CO-1;Centre historique (test);Historisch centrum (test);Centre-Ouest;Centrum-West").unwrap();
    drop(file);

    let tagger = Tagger::load(data_dir.path()).unwrap();
    assert!(tagger.has_qss());
    let grand_place = tagger.tag_point(50.8467, 4.3524);
    let qss = grand_place.qss.as_ref().unwrap();
    assert_eq!(
        (qss.code.as_str(), qss.fr.as_str(), qss.nl.as_str()),
        (
            "CO-1",
            "Centre historique (test)",
            "Historisch centrum (test)"
        )
    );
    let bassin = grand_place.bassin.as_ref().unwrap();
    assert_eq!(
        (bassin.slug, bassin.status),
        (Bassin::CentreOuest, TagStatus::Official)
    );
    assert_eq!(
        tagger.bassin_info(Bassin::CentreOuest).status,
        TagStatus::Official
    );

    // A sector the table does not list keeps the rule's bassin and has no QSS.
    let louise = tagger.tag_point(50.8270, 4.3640);
    assert!(louise.qss.is_none());
    assert_eq!(louise.bassin.as_ref().unwrap().status, TagStatus::Inferred);
}

#[test]
fn a_table_of_unknown_sectors_is_rejected() {
    let table = "CodeSector,QuartierSS_Gwwijk,NomQuartierSSFR,NaamGWwijkNL,BassinFR,ZoneNL\n99999X00-,1,x,x,Sud,Zuid\n";
    let result = Tagger::bundled().unwrap().with_qss_table(table.as_bytes());
    assert!(result.is_err());
}
