//! HTML removal: tags stripped, entities unescaped, line breaks kept.

/// Tags that end a line.
const BREAKING_TAGS: &[&str] = &[
    "br", "p", "div", "li", "ul", "ol", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
];

fn looks_like_tag(rest: &str) -> bool {
    let mut chars = rest.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    (first.is_ascii_alphabetic() || first == '/' || first == '!') && rest.contains('>')
}

fn tag_name(tag: &str) -> String {
    tag.trim_start_matches(['/', '!'])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Strips tags and unescapes entities; `None` when the text had neither.
pub fn strip(text: &str) -> Option<String> {
    let has_tag = text
        .match_indices('<')
        .any(|(index, _)| looks_like_tag(&text[index + 1..]));
    let has_entity = text.contains('&') && text.contains(';');
    if !has_tag && !has_entity {
        return None;
    }
    let mut output = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        output.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        if !looks_like_tag(after) {
            output.push('<');
            rest = after;
            continue;
        }
        let end = after.find('>').unwrap_or(after.len());
        let name = tag_name(&after[..end]);
        if BREAKING_TAGS.contains(&name.as_str()) && !output.ends_with('\n') && !output.is_empty() {
            output.push('\n');
        }
        if name == "li" && !after.starts_with('/') {
            output.push_str("- ");
        }
        rest = after.get(end + 1..).unwrap_or_default();
    }
    output.push_str(rest);
    let unescaped = html_escape::decode_html_entities(&output).into_owned();
    (unescaped != text).then_some(unescaped)
}

#[cfg(test)]
mod tests {
    use super::strip;

    #[test]
    fn strips_tags_and_keeps_breaks() {
        assert_eq!(
            strip("<p>Accueil &amp; orientation<br/>Sur rendez-vous</p>").as_deref(),
            Some("Accueil & orientation\nSur rendez-vous\n")
        );
        assert_eq!(
            strip("<ul><li>un</li><li>deux</li></ul>").as_deref(),
            Some("- un\n- deux\n")
        );
    }

    #[test]
    fn leaves_plain_text() {
        assert_eq!(strip("enfants < 12 ans & parents"), None);
        assert_eq!(strip("a < b > c"), None);
    }
}
