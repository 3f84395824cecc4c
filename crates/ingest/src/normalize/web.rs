//! Website URLs: split, `http//` fixed, scheme added, validated with the `url` crate.

use super::{keep_checked, ContactCodes};
use orienta_model::{QualityCode, QualityIssue};

/// Repairs the scheme of one candidate URL.
fn with_scheme(candidate: &str) -> String {
    let lowered = candidate.to_ascii_lowercase();
    for (broken, fixed) in [
        ("http//", "http://"),
        ("https//", "https://"),
        ("http:/", "http://"),
        ("https:/", "https://"),
        ("http:", "http://"),
        ("https:", "https://"),
    ] {
        if lowered.starts_with(broken) && !lowered.starts_with(fixed) {
            return format!("{fixed}{}", &candidate[broken.len()..]);
        }
    }
    if lowered.starts_with("http://") || lowered.starts_with("https://") {
        return candidate.to_owned();
    }
    format!("http://{candidate}")
}

fn check(url: &str) -> Result<(), &'static str> {
    let parsed = url::Url::parse(url).map_err(|_| "not a url")?;
    let host = parsed.host_str().ok_or("no host")?;
    let tld_ok = host
        .rsplit('.')
        .next()
        .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(char::is_alphabetic));
    if !host.contains('.') || !tld_ok {
        return Err("no top-level domain");
    }
    Ok(())
}

/// Normalises one raw website value and appends the valid URLs to `websites`.
pub fn normalise(
    raw: &str,
    field: &str,
    websites: &mut Vec<String>,
    issues: &mut Vec<QualityIssue>,
) {
    let candidates: Vec<&str> = raw
        .split(|c: char| c == ';' || c == ',' || c.is_whitespace())
        .map(|part| {
            part.trim()
                .trim_end_matches(['.', ')'])
                .trim_start_matches('(')
        })
        .filter(|part| !part.is_empty())
        .collect();
    let codes = ContactCodes {
        cleaned: QualityCode::UrlCleaned,
        invalid: QualityCode::InvalidUrl,
    };
    for candidate in candidates {
        let url = with_scheme(candidate);
        let checked = check(&url).map(|()| url);
        keep_checked(
            checked,
            candidate,
            raw.trim(),
            &codes,
            field,
            websites,
            issues,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixture_variants() {
        let mut websites = Vec::new();
        let mut issues = Vec::new();
        for raw in [
            "www.example.org",
            "www.example.org; www.voorbeeld.be",
            "http//example.org",
            "https://example.org",
            "javascript:void",
            "http://localhost",
        ] {
            normalise(raw, "websiteOfficialFr", &mut websites, &mut issues);
        }
        assert_eq!(
            websites,
            [
                "http://www.example.org",
                "http://www.voorbeeld.be",
                "http://example.org",
                "https://example.org"
            ]
        );
        assert!(issues.iter().any(|i| i.code == QualityCode::UrlCleaned));
        assert_eq!(
            issues
                .iter()
                .filter(|i| i.code == QualityCode::InvalidUrl)
                .count(),
            2
        );
    }
}
