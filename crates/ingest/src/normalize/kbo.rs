//! Enterprise numbers (KBO/BCE): validated mod 97; invalid ones dropped with a warning.

use super::warning;
use orienta_model::{external_id_scheme, ExternalId, Kbo, QualityCode, QualityIssue};

/// The public KBO search page of an enterprise number.
pub fn kbo_url(kbo: &Kbo) -> String {
    format!(
        "https://kbopub.economie.fgov.be/kbopub/zoeknummerform.html?nummer={}",
        kbo.digits()
    )
}

/// Validates one raw enterprise number; appends the external id when valid and new.
pub fn normalise(
    raw: &str,
    field: &str,
    external_ids: &mut Vec<ExternalId>,
    issues: &mut Vec<QualityIssue>,
) -> Option<Kbo> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    match Kbo::parse(raw) {
        Ok(kbo) => {
            let already = external_ids
                .iter()
                .any(|id| id.scheme == external_id_scheme::KBO && id.value == kbo.digits());
            if !already {
                external_ids.push(ExternalId {
                    scheme: external_id_scheme::KBO.to_owned(),
                    value: kbo.digits().to_owned(),
                    url: Some(kbo_url(&kbo)),
                });
            }
            Some(kbo)
        }
        Err(error) => {
            issues.push(warning(
                QualityCode::InvalidKbo,
                field,
                format!("dropped enterprise number `{raw}`: {error}"),
            ));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_valid_drops_invalid() {
        let mut ids = Vec::new();
        let mut issues = Vec::new();
        assert!(normalise("0212.347.945", "pmRp[0]", &mut ids, &mut issues).is_some());
        assert!(normalise("0212.347.946", "pmRp[1]", &mut ids, &mut issues).is_none());
        assert_eq!(ids.len(), 1);
        assert_eq!(ids[0].value, "0212347945");
        assert_eq!(issues[0].code, QualityCode::InvalidKbo);
    }
}
