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

/// Tags whose content is code, not text: dropped with their content.
const CODE_TAGS: &[&str] = &["script", "style"];

/// Passes of decoding and stripping at most (each pass that changes a text shortens it;
/// the bound only guards against an entity that decodes longer than it is written).
const MAX_PASSES: usize = 16;

/// True when `<` is followed by what could open a tag in a browser.
fn opens_tag(rest: &str) -> bool {
    rest.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'))
}

/// Unescapes entities, then strips tags, again until the text no longer changes (so an
/// entity-encoded or double-encoded tag is removed, not revealed); a `<` still followed by
/// a letter is then parted from it. The result never holds `<` followed by a letter, `/`,
/// `!` or `?`. `None` when the text had neither tags nor entities.
pub fn strip(text: &str) -> Option<String> {
    let has_tag = text
        .match_indices('<')
        .any(|(index, _)| opens_tag(&text[index + 1..]));
    let has_entity = text.contains('&');
    if !has_tag && !has_entity {
        return None;
    }
    let mut current = text.to_owned();
    for _ in 0..MAX_PASSES {
        let decoded = html_escape::decode_html_entities(&current);
        let stripped = strip_tags(&decoded);
        if stripped == current {
            break;
        }
        current = stripped;
    }
    let defused = defuse(&current);
    (defused != text).then_some(defused)
}

/// A space after every `<` that could still open a tag (`a<b` → `a< b`).
fn defuse(text: &str) -> String {
    let mut output = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        output.push_str(&rest[..=start]);
        rest = &rest[start + 1..];
        if opens_tag(rest) {
            output.push(' ');
        }
    }
    output.push_str(rest);
    output
}

/// One pass of tag removal: tags go, breaking tags leave a line break, list items a dash,
/// `script` and `style` go with their content.
fn strip_tags(text: &str) -> String {
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
        if CODE_TAGS.contains(&name.as_str()) && !after.starts_with('/') {
            rest = after_closing_tag(rest, &name);
        }
    }
    output.push_str(rest);
    output
}

/// The text after `</name…>` (ASCII case ignored), or nothing when it is never closed.
fn after_closing_tag<'a>(text: &'a str, name: &str) -> &'a str {
    let closing = format!("</{name}");
    let lower = text.to_ascii_lowercase();
    let Some(start) = lower.find(&closing) else {
        return "";
    };
    let tail = &text[start..];
    tail.find('>').map_or("", |end| &tail[end + 1..])
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
        assert_eq!(strip("enfants < 12 ans et parents"), None);
        assert_eq!(strip("a < b > c"), None);
        assert_eq!(strip("enfants < 12 ans & parents").as_deref(), None);
    }

    /// Entities are decoded before tags are stripped: an encoded tag is removed, never
    /// revealed (finding 6 of issue 13).
    #[test]
    fn encoded_tags_are_removed_not_revealed() {
        let cases = [
            ("&lt;img src=x onerror=alert(1)&gt;Maison", "Maison"),
            (
                "A &amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; B",
                "A  B",
            ),
            ("Nom<script>alert(1)</script> fin", "Nom fin"),
            ("<<a>b>x", "x"),
            ("x &lt;b onclick=y", "x < b onclick=y"),
            ("a<b", "a< b"),
            ("<STYLE>p{}</STYLE>texte", "texte"),
        ];
        for (input, expected) in cases {
            let output = strip(input).unwrap_or_else(|| input.to_owned());
            assert_eq!(output, expected, "{input}");
        }
    }

    #[test]
    fn never_leaves_a_tag_opening() {
        let inputs = [
            "&amp;amp;lt;svg onload=x&amp;amp;gt;",
            "&#60;iframe&#62;",
            "&#x3c;a href=x&#x3e;lien",
            "<<<b>>>",
            "<scr<script>ipt>alert(1)",
            "&lt;!-- x --&gt;",
        ];
        for input in inputs {
            let output = strip(input).unwrap_or_else(|| input.to_owned());
            let opening = output
                .match_indices('<')
                .any(|(at, _)| super::opens_tag(&output[at + 1..]));
            assert!(!opening, "{input} → {output}");
        }
    }
}
