//! The 19 communes of the Brussels-Capital Region with their names as written in prose.

/// A commune: NIS code and the FR / NL names in ordinary case (the source tables are UPPER CASE).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Commune {
    /// NIS code, 21001–21019.
    pub nis: u32,
    /// French name, e.g. "Saint-Josse-ten-Noode".
    pub fr: &'static str,
    /// Dutch name, e.g. "Sint-Joost-ten-Node".
    pub nl: &'static str,
}

/// The 19 communes, in NIS order.
pub(crate) const COMMUNES: [Commune; 19] = [
    Commune {
        nis: 21001,
        fr: "Anderlecht",
        nl: "Anderlecht",
    },
    Commune {
        nis: 21002,
        fr: "Auderghem",
        nl: "Oudergem",
    },
    Commune {
        nis: 21003,
        fr: "Berchem-Sainte-Agathe",
        nl: "Sint-Agatha-Berchem",
    },
    Commune {
        nis: 21004,
        fr: "Bruxelles",
        nl: "Brussel",
    },
    Commune {
        nis: 21005,
        fr: "Etterbeek",
        nl: "Etterbeek",
    },
    Commune {
        nis: 21006,
        fr: "Evere",
        nl: "Evere",
    },
    Commune {
        nis: 21007,
        fr: "Forest",
        nl: "Vorst",
    },
    Commune {
        nis: 21008,
        fr: "Ganshoren",
        nl: "Ganshoren",
    },
    Commune {
        nis: 21009,
        fr: "Ixelles",
        nl: "Elsene",
    },
    Commune {
        nis: 21010,
        fr: "Jette",
        nl: "Jette",
    },
    Commune {
        nis: 21011,
        fr: "Koekelberg",
        nl: "Koekelberg",
    },
    Commune {
        nis: 21012,
        fr: "Molenbeek-Saint-Jean",
        nl: "Sint-Jans-Molenbeek",
    },
    Commune {
        nis: 21013,
        fr: "Saint-Gilles",
        nl: "Sint-Gillis",
    },
    Commune {
        nis: 21014,
        fr: "Saint-Josse-ten-Noode",
        nl: "Sint-Joost-ten-Node",
    },
    Commune {
        nis: 21015,
        fr: "Schaerbeek",
        nl: "Schaarbeek",
    },
    Commune {
        nis: 21016,
        fr: "Uccle",
        nl: "Ukkel",
    },
    Commune {
        nis: 21017,
        fr: "Watermael-Boitsfort",
        nl: "Watermaal-Bosvoorde",
    },
    Commune {
        nis: 21018,
        fr: "Woluwe-Saint-Lambert",
        nl: "Sint-Lambrechts-Woluwe",
    },
    Commune {
        nis: 21019,
        fr: "Woluwe-Saint-Pierre",
        nl: "Sint-Pieters-Woluwe",
    },
];

/// The commune with this NIS code.
pub(crate) fn by_nis(nis: u32) -> Option<&'static Commune> {
    COMMUNES.iter().find(|commune| commune.nis == nis)
}

/// French "de" + name with elision: "d'Anderlecht", "de Jette".
pub(crate) fn de(name: &str) -> String {
    let elides = name
        .chars()
        .next()
        .is_some_and(|first| "AEIOUÉÈaeiouéè".contains(first));
    if elides {
        format!("d'{name}")
    } else {
        format!("de {name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elision() {
        assert_eq!(de("Anderlecht"), "d'Anderlecht");
        assert_eq!(de("Ixelles"), "d'Ixelles");
        assert_eq!(de("Uccle"), "d'Uccle");
        assert_eq!(de("Jette"), "de Jette");
        assert_eq!(de("Saint-Gilles"), "de Saint-Gilles");
    }

    #[test]
    fn nineteen_distinct_codes() {
        let mut codes: Vec<u32> = COMMUNES.iter().map(|commune| commune.nis).collect();
        codes.dedup();
        assert_eq!(codes.len(), 19);
        assert_eq!(
            by_nis(21014).map(|commune| commune.nl),
            Some("Sint-Joost-ten-Node")
        );
    }
}
