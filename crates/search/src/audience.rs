//! Audience codes derived from a record's audience text and needs.

/// The audience codes Orienta filters and counts by, with FR/NL labels.
pub const AUDIENCES: &[(&str, &str, &str)] = &[
    ("children", "Enfants", "Kinderen"),
    ("youth", "Jeunes", "Jongeren"),
    ("families", "Familles", "Gezinnen"),
    ("elderly", "Personnes âgées", "Ouderen"),
    ("women", "Femmes", "Vrouwen"),
    ("migrants", "Personnes migrantes", "Migranten"),
    ("homeless", "Personnes sans abri", "Daklozen"),
    (
        "disability",
        "Personnes handicapées",
        "Personen met een handicap",
    ),
    ("students", "Étudiants", "Studenten"),
    ("lgbtqi", "LGBTQI+", "LGBTQI+"),
];

/// Folded word stems that signal each audience in FR or NL text.
const SIGNALS: &[(&str, &[&str])] = &[
    (
        "children",
        &["enfant", "kind", "bebe", "baby", "nourrisson", "peuter"],
    ),
    ("youth", &["jeune", "jongere", "ado", "jeugd", "mineur"]),
    (
        "families",
        &["famil", "gezin", "parent", "ouder van", "ouders"],
    ),
    (
        "elderly",
        &["agee", "senior", "ouderen", "pension", "65 ans"],
    ),
    ("women", &["femme", "vrouw", "maman", "moeder", "mere"]),
    (
        "migrants",
        &[
            "migrant",
            "primo",
            "asile",
            "asiel",
            "sans papiers",
            "nieuwkomer",
            "refugie",
            "vluchteling",
        ],
    ),
    (
        "homeless",
        &["sans abri", "dakloos", "daklozen", "thuislo", "sdf"],
    ),
    ("disability", &["handicap", "beperking"]),
    ("students", &["etudiant", "student"]),
    ("lgbt", &["lgbt", "holebi", "transgen"]),
];

/// Need concepts (or prefixes of their ids) that imply an audience.
const NEED_SIGNALS: &[(&str, &str)] = &[
    ("child", "children"),
    ("creche", "children"),
    ("childcare", "children"),
    ("youth", "youth"),
    ("family", "families"),
    ("elderly", "elderly"),
    ("nursing-home", "elderly"),
    ("migra", "migrants"),
    ("asylum", "migrants"),
    ("undocumented", "migrants"),
    ("homeless", "homeless"),
    ("night-shelter", "homeless"),
    ("housing-first", "homeless"),
    ("disab", "disability"),
    ("lgbt", "lgbtqi"),
];

/// Audience codes for a record, from its audience text folded by `orienta_text::fold`
/// (hyphens become spaces) and its needs.
pub fn audiences(folded_audience_text: &str, needs: &[String]) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    for (code, signals) in SIGNALS {
        if signals
            .iter()
            .any(|signal| folded_audience_text.contains(signal))
        {
            let code = if *code == "lgbt" { "lgbtqi" } else { code };
            codes.push(code.to_owned());
        }
    }
    for need in needs {
        for (prefix, code) in NEED_SIGNALS {
            if need.contains(prefix) {
                codes.push((*code).to_owned());
            }
        }
    }
    codes.sort();
    codes.dedup();
    codes
}

/// The fast field of the ages a record is for ([`age_bits`]).
pub const AGES_FIELD: &str = "ages";

/// The age bit of services for children.
pub const CHILDREN: u64 = 1;

/// The age bit of services for the young.
pub const YOUNG: u64 = 2;

/// The age bit of services for older people.
pub const OLDER: u64 = 4;

/// The age audiences and their bits: a record for several has several, and one for
/// families is one for children and the young.
const AGE_BITS: &[(&str, u64)] = &[
    ("children", CHILDREN),
    ("families", CHILDREN | YOUNG),
    ("youth", YOUNG),
    ("students", YOUNG),
    ("elderly", OLDER),
];

/// The bits of the age audiences among `codes` (0: for any age).
pub fn age_bits<S: AsRef<str>>(codes: &[S]) -> u64 {
    let mut bits = 0;
    for code in codes {
        for (age, bit) in AGE_BITS {
            if code.as_ref() == *age {
                bits |= bit;
            }
        }
    }
    bits
}

/// The label of an audience code in `lang`, when the code is known.
pub fn label(code: &str, lang: orienta_model::Lang) -> Option<&'static str> {
    let (_, fr, nl) = AUDIENCES.iter().find(|(known, _, _)| *known == code)?;
    Some(match lang {
        orienta_model::Lang::Nl => nl,
        _ => fr,
    })
}

/// True when `code` is a known audience code.
pub fn is_known(code: &str) -> bool {
    AUDIENCES.iter().any(|(known, _, _)| *known == code)
}
