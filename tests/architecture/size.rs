//! The code's size: no function outside tests longer than 80 lines and no source file longer
//! than 450 lines. A careful brace counter (comments, strings and character literals blanked
//! first) stands in for a parser: `syn` is in the lock file, but `proc-macro2` is built
//! without span locations, so a parsed item cannot tell its lines.

use std::ops::Range;
use std::path::{Path, PathBuf};

/// The most lines a function may span, from its `fn` line to its closing brace.
const MAX_FUNCTION_LINES: usize = 80;
/// The most lines a source file may have, its `#[cfg(test)]` modules not counted.
const MAX_FILE_LINES: usize = 450;
/// Folders whose files are not library or binary code.
const SKIPPED_FOLDERS: [&str; 4] = ["tests", "benches", "fuzz", "target"];

/// A function that is too long.
#[derive(Debug, PartialEq)]
struct LongFunction {
    /// The function's name.
    name: String,
    /// The 1-based line of its `fn` keyword.
    line: usize,
    /// How many lines it spans.
    lines: usize,
}

/// Every `.rs` file under `dir`, skipping test, bench and fuzz folders.
fn source_files(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if path.is_dir() {
            if !SKIPPED_FOLDERS.iter().any(|skipped| name == *skipped) {
                source_files(&path, files);
            }
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
}

/// Whether `byte` can be part of an identifier.
fn is_identifier_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte >= 0x80
}

/// Where the string literal starting at `start` (its `"` or raw prefix `r`) ends, exclusive.
fn string_end(bytes: &[u8], start: usize) -> usize {
    if bytes[start] == b'r' {
        let hashes = bytes[start + 1..]
            .iter()
            .take_while(|&&b| b == b'#')
            .count();
        let body = start + 1 + hashes + 1;
        let closing: Vec<u8> = std::iter::once(b'"')
            .chain(std::iter::repeat_n(b'#', hashes))
            .collect();
        return bytes[body..]
            .windows(closing.len())
            .position(|window| window == closing.as_slice())
            .map_or(bytes.len(), |offset| body + offset + closing.len());
    }
    let mut index = start + 1;
    while index < bytes.len() {
        match bytes[index] {
            b'\\' => index += 2,
            b'"' => return index + 1,
            _ => index += 1,
        }
    }
    bytes.len()
}

/// Where the block comment starting at `start` ends (nested comments included), exclusive.
fn block_comment_end(bytes: &[u8], start: usize) -> usize {
    let mut depth = 0;
    let mut index = start;
    while index + 1 < bytes.len() {
        match &bytes[index..index + 2] {
            b"/*" => {
                depth += 1;
                index += 2;
            }
            b"*/" => {
                depth -= 1;
                index += 2;
                if depth == 0 {
                    return index;
                }
            }
            _ => index += 1,
        }
    }
    bytes.len()
}

/// Where the character literal starting at the quote `start` ends, or `None` for a lifetime.
fn char_literal_end(text: &str, start: usize) -> Option<usize> {
    let rest = &text[start + 1..];
    if rest.starts_with('\\') {
        return rest[2..]
            .find('\'')
            .map(|offset| start + 1 + 2 + offset + 1);
    }
    let first = rest.chars().next()?;
    let after = start + 1 + first.len_utf8();
    (text.as_bytes().get(after) == Some(&b'\'')).then_some(after + 1)
}

/// Where the comment, string or character literal at `index` ends, if one starts there.
fn literal_or_comment_end(text: &str, index: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let follows_identifier = index > 0 && is_identifier_byte(bytes[index - 1]);
    match bytes[index] {
        b'/' if bytes.get(index + 1) == Some(&b'/') => Some(
            text[index..]
                .find('\n')
                .map_or(text.len(), |end| index + end),
        ),
        b'/' if bytes.get(index + 1) == Some(&b'*') => Some(block_comment_end(bytes, index)),
        b'"' => Some(string_end(bytes, index)),
        b'r' if !follows_identifier || (index > 0 && bytes[index - 1] == b'b') => {
            let hashes = bytes[index + 1..]
                .iter()
                .take_while(|&&b| b == b'#')
                .count();
            (bytes.get(index + 1 + hashes) == Some(&b'"')).then(|| string_end(bytes, index))
        }
        b'\'' => char_literal_end(text, index),
        _ => None,
    }
}

/// The text with comments, strings and character literals blanked to spaces (newlines kept),
/// so that every brace left is code.
fn code_only(text: &str) -> String {
    let mut code = text.as_bytes().to_vec();
    let mut index = 0;
    while index < text.len() {
        let Some(end) = literal_or_comment_end(text, index) else {
            index += 1;
            continue;
        };
        for byte in &mut code[index..end] {
            if *byte != b'\n' {
                *byte = b' ';
            }
        }
        index = end;
    }
    String::from_utf8_lossy(&code).into_owned()
}

/// The end (exclusive) of the item whose header starts at `start`: after the brace matching
/// its first `{`, or after its `;` when it has no body. Parentheses and brackets are skipped
/// so that a `;` in `[u8; 4]` does not end the header.
fn item_end(code: &[u8], start: usize) -> usize {
    let mut nesting = 0usize;
    let mut index = start;
    while index < code.len() {
        match code[index] {
            b'(' | b'[' => nesting += 1,
            b')' | b']' => nesting = nesting.saturating_sub(1),
            b';' if nesting == 0 => return index + 1,
            b'{' if nesting == 0 => return matching_brace(code, index),
            _ => {}
        }
        index += 1;
    }
    code.len()
}

/// The index after the brace that closes the one at `open`.
fn matching_brace(code: &[u8], open: usize) -> usize {
    let mut depth = 0usize;
    for (index, byte) in code.iter().enumerate().skip(open) {
        match byte {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return index + 1;
                }
            }
            _ => {}
        }
    }
    code.len()
}

/// The byte ranges of the items marked `#[cfg(test)]`.
fn test_items(code: &str) -> Vec<Range<usize>> {
    const MARK: &str = "#[cfg(test)]";
    code.match_indices(MARK)
        .map(|(start, _)| start..item_end(code.as_bytes(), start + MARK.len()))
        .collect()
}

/// The 1-based line of byte `index`.
fn line_of(code: &str, index: usize) -> usize {
    code[..index].matches('\n').count() + 1
}

/// The functions (methods and nested functions included) longer than `limit` lines, outside
/// `#[cfg(test)]` items.
fn long_functions(text: &str, limit: usize) -> Vec<LongFunction> {
    let code = code_only(text);
    let bytes = code.as_bytes();
    let skipped = test_items(&code);
    let mut found = Vec::new();
    for (start, _) in code.match_indices("fn") {
        let is_keyword = (start == 0 || !is_identifier_byte(bytes[start - 1]))
            && bytes
                .get(start + 2)
                .is_some_and(|byte| byte.is_ascii_whitespace());
        if !is_keyword || skipped.iter().any(|range| range.contains(&start)) {
            continue;
        }
        let name: String = code[start + 2..]
            .trim_start()
            .chars()
            .take_while(|&c| c.is_alphanumeric() || c == '_')
            .collect();
        let end = item_end(bytes, start);
        let lines = line_of(&code, end) - line_of(&code, start) + 1;
        if lines > limit {
            let line = line_of(&code, start);
            found.push(LongFunction { name, line, lines });
        }
    }
    found
}

/// How many lines the file has once its `#[cfg(test)]` items are left out.
fn lines_outside_tests(text: &str) -> usize {
    let code = code_only(text);
    let test_lines: usize = test_items(&code)
        .iter()
        .map(|range| line_of(&code, range.end) - line_of(&code, range.start) + 1)
        .sum();
    text.lines().count().saturating_sub(test_lines)
}

#[test]
fn no_function_or_file_is_too_long() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    source_files(&root.join("src"), &mut files);
    source_files(&root.join("crates"), &mut files);
    files.sort();
    let mut problems = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("source file");
        let shown = file.strip_prefix(root).unwrap_or(file).display();
        let file_lines = lines_outside_tests(&text);
        if file_lines > MAX_FILE_LINES {
            problems.push(format!("{shown}: {file_lines} lines"));
        }
        for function in long_functions(&text, MAX_FUNCTION_LINES) {
            let LongFunction { name, line, lines } = function;
            problems.push(format!("{shown}:{line}: fn {name} spans {lines} lines"));
        }
    }
    assert!(
        problems.is_empty(),
        "functions longer than {MAX_FUNCTION_LINES} lines or files longer than \
         {MAX_FILE_LINES} lines:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_size_check_finds_a_long_function() {
    let body = "    let x = 1;\n".repeat(5);
    let fixture = format!(
        "/// Docs {{ with a brace.\nfn long(a: [u8; 4]) -> u8 {{\n    let s = \"}}\";\n    \
         let c = '}}';\n    let r = r#\"}}\"#;\n    // }} in a comment\n{body}    a[0]\n}}\n\
         fn short<'a>(s: &'a str) -> &'a str {{ s }}\n\
         trait T {{\n    fn declared(&self);\n}}\n\
         #[cfg(test)]\nmod tests {{\n    fn long_test() {{\n{body}    }}\n}}\n"
    );
    let found = long_functions(&fixture, 5);
    assert_eq!(
        found,
        vec![LongFunction {
            name: "long".to_owned(),
            line: 2,
            lines: 12,
        }]
    );
    assert_eq!(long_functions(&fixture, 12), vec![]);
    assert_eq!(lines_outside_tests(&fixture), fixture.lines().count() - 10);
}
