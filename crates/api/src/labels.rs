//! Display labels the API adds: spoken-language names in FR/NL/EN and Belgian phone
//! numbers in their usual national form.

use orienta_model::Lang;

/// Spoken languages Orienta's importers recognise: code, French, Dutch, English names.
const LANGUAGE_NAMES: &[(&str, &str, &str, &str)] = &[
    ("fr", "Français", "Frans", "French"),
    ("nl", "Néerlandais", "Nederlands", "Dutch"),
    ("en", "Anglais", "Engels", "English"),
    ("de", "Allemand", "Duits", "German"),
    ("ar", "Arabe", "Arabisch", "Arabic"),
    ("tr", "Turc", "Turks", "Turkish"),
    ("es", "Espagnol", "Spaans", "Spanish"),
    ("it", "Italien", "Italiaans", "Italian"),
    ("pt", "Portugais", "Portugees", "Portuguese"),
    ("ro", "Roumain", "Roemeens", "Romanian"),
    ("pl", "Polonais", "Pools", "Polish"),
    ("ru", "Russe", "Russisch", "Russian"),
    ("uk", "Ukrainien", "Oekraïens", "Ukrainian"),
    ("bg", "Bulgare", "Bulgaars", "Bulgarian"),
    ("el", "Grec", "Grieks", "Greek"),
    ("sq", "Albanais", "Albanees", "Albanian"),
    ("ber", "Berbère", "Berbers", "Berber"),
    ("ln", "Lingala", "Lingala", "Lingala"),
    ("sw", "Swahili", "Swahili", "Swahili"),
    ("fa", "Persan", "Perzisch", "Persian"),
    ("ps", "Pachto", "Pasjtoe", "Pashto"),
    ("ku", "Kurde", "Koerdisch", "Kurdish"),
    ("so", "Somali", "Somalisch", "Somali"),
    ("ti", "Tigrigna", "Tigrinya", "Tigrinya"),
    ("am", "Amharique", "Amhaars", "Amharic"),
    ("zh", "Chinois", "Chinees", "Chinese"),
    ("vi", "Vietnamien", "Vietnamees", "Vietnamese"),
    ("hi", "Hindi", "Hindi", "Hindi"),
    ("ur", "Ourdou", "Urdu", "Urdu"),
    ("bn", "Bengali", "Bengaals", "Bengali"),
    ("bs", "Bosnien", "Bosnisch", "Bosnian"),
    ("hr", "Croate", "Kroatisch", "Croatian"),
    ("sr", "Serbe", "Servisch", "Serbian"),
    ("sk", "Slovaque", "Slowaaks", "Slovak"),
    ("cs", "Tchèque", "Tsjechisch", "Czech"),
    ("hu", "Hongrois", "Hongaars", "Hungarian"),
    ("rom", "Romani", "Romani", "Romani"),
    ("hy", "Arménien", "Armeens", "Armenian"),
    ("ka", "Géorgien", "Georgisch", "Georgian"),
    ("wo", "Wolof", "Wolof", "Wolof"),
    ("ff", "Peul", "Fula", "Fula"),
    ("rw", "Kinyarwanda", "Kinyarwanda", "Kinyarwanda"),
    ("rn", "Kirundi", "Kirundi", "Kirundi"),
    ("kg", "Kikongo", "Kikongo", "Kikongo"),
    ("ta", "Tamoul", "Tamil", "Tamil"),
    ("ne", "Népalais", "Nepalees", "Nepali"),
    ("sgn", "Langue des signes", "Gebarentaal", "Sign language"),
];

/// Every ISO 639-1 code.
const ISO_639_1: &str = "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

/// True for an ISO 639-1 code or one of the ISO 639-2 codes the importers use (`ber`, `rom`, `sgn`).
pub fn is_language_code(code: &str) -> bool {
    ISO_639_1.split(' ').any(|known| known == code)
        || LANGUAGE_NAMES.iter().any(|(known, ..)| *known == code)
}

/// The name of a spoken language in `lang`; the code itself when Orienta has no name.
pub fn language_name(code: &str, lang: Lang) -> String {
    LANGUAGE_NAMES
        .iter()
        .find(|(known, ..)| *known == code)
        .map(|(_, fr, nl, en)| match lang {
            Lang::Fr => *fr,
            Lang::Nl => *nl,
            Lang::En => *en,
        })
        .unwrap_or(code)
        .to_owned()
}

/// Belgian zones with a one-digit prefix after the 0 (Brussels, Antwerp, Liège, Ghent).
const ONE_DIGIT_ZONES: [char; 4] = ['2', '3', '4', '9'];

/// A Belgian E.164 number in national form: `+3224355138` → `02 435 51 38`,
/// `+32475123456` → `0475 12 34 56`; other numbers are returned as given.
pub fn phone_display(e164: &str) -> String {
    let Some(national) = e164.strip_prefix("+32") else {
        return e164.to_owned();
    };
    if !national.chars().all(|character| character.is_ascii_digit()) {
        return e164.to_owned();
    }
    let group = |digits: &str, sizes: &[usize]| -> String {
        let mut parts = Vec::new();
        let mut rest = digits;
        for size in sizes {
            if rest.len() < *size {
                break;
            }
            let (head, tail) = rest.split_at(*size);
            parts.push(head.to_owned());
            rest = tail;
        }
        if !rest.is_empty() {
            parts.push(rest.to_owned());
        }
        parts.join(" ")
    };
    match (national.len(), national.chars().next()) {
        (9, Some('4')) => format!("0{}", group(national, &[3, 2, 2, 2])),
        (8, Some(zone)) if ONE_DIGIT_ZONES.contains(&zone) => {
            format!("0{}", group(national, &[1, 3, 2, 2]))
        }
        (8, Some(_)) => format!("0{}", group(national, &[2, 2, 2, 2])),
        _ => format!("0{national}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn belgian_numbers_in_national_form() {
        assert_eq!(phone_display("+3224355138"), "02 435 51 38");
        assert_eq!(phone_display("+32475123456"), "0475 12 34 56");
        assert_eq!(phone_display("+3210456789"), "010 45 67 89");
        assert_eq!(phone_display("+33142685300"), "+33142685300");
        assert_eq!(phone_display("+32"), "0");
    }

    #[test]
    fn language_codes_and_names() {
        assert!(is_language_code("ar"));
        assert!(is_language_code("sgn"));
        assert!(!is_language_code("xx"));
        assert_eq!(language_name("nl", Lang::Fr), "Néerlandais");
        assert_eq!(language_name("ar", Lang::Nl), "Arabisch");
        assert_eq!(language_name("yo", Lang::Fr), "yo");
    }
}
