//! The code's shape: no import circle between the top-level modules of a crate (a module
//! and its own children may use each other; siblings must depend one way).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

mod size;

/// Top-level module → the other top-level modules its code names (`crate::x`).
type Graph = BTreeMap<String, BTreeSet<String>>;

fn rust_files(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
}

/// The top-level module a file belongs to (`None` for the crate root).
fn top_module(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).ok()?;
    let first = relative.components().next()?.as_os_str().to_string_lossy();
    let name = first.trim_end_matches(".rs").to_owned();
    (!matches!(name.as_str(), "lib" | "main")).then_some(name)
}

/// Module names a source text refers to as `crate::name` or in `use crate::{name, …}`,
/// outside comments and before its test module.
fn referenced_modules(text: &str) -> BTreeSet<String> {
    let code: String = text
        .split("#[cfg(test)]")
        .next()
        .unwrap_or_default()
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut names = BTreeSet::new();
    let identifier = |rest: &str| -> String {
        rest.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    for (index, _) in code.match_indices("crate::") {
        let rest = &code[index + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for part in group[..end].split(',') {
                names.insert(identifier(part.trim()));
            }
        } else {
            names.insert(identifier(rest));
        }
    }
    names
}

fn module_graph(src: &Path) -> Graph {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut graph = Graph::new();
    for file in &files {
        let Some(module) = top_module(src, file) else {
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap_or_default();
        graph
            .entry(module)
            .or_default()
            .extend(referenced_modules(&text));
    }
    let modules: BTreeSet<String> = graph.keys().cloned().collect();
    for (module, references) in graph.iter_mut() {
        references.retain(|name| name != module && modules.contains(name));
    }
    graph
}

/// The modules that `start` reaches through the graph.
fn reachable(graph: &Graph, start: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut stack: Vec<&str> = graph[start].iter().map(String::as_str).collect();
    while let Some(module) = stack.pop() {
        if seen.insert(module.to_owned()) {
            stack.extend(graph[module].iter().map(String::as_str));
        }
    }
    seen
}

/// Pairs of modules each reachable from the other.
fn circles(graph: &Graph) -> Vec<(String, String)> {
    let reach: BTreeMap<&String, BTreeSet<String>> = graph
        .keys()
        .map(|module| (module, reachable(graph, module)))
        .collect();
    let mut found = Vec::new();
    for (module, reached) in &reach {
        for other in reached {
            if *module < other && reach[other].contains(*module) {
                found.push(((*module).clone(), other.clone()));
            }
        }
    }
    found
}

#[test]
fn no_crate_has_an_import_circle_between_its_modules() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = vec![root.join("src")];
    let mut crates: Vec<PathBuf> = std::fs::read_dir(root.join("crates"))
        .expect("crates/")
        .flatten()
        .map(|entry| entry.path().join("src"))
        .filter(|src| src.is_dir())
        .collect();
    crates.sort();
    sources.extend(crates);
    let mut problems = Vec::new();
    for src in &sources {
        for (left, right) in circles(&module_graph(src)) {
            problems.push(format!("{}: {left} <-> {right}", src.display()));
        }
    }
    assert!(
        problems.is_empty(),
        "modules that depend on each other:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_circle_check_finds_a_circle() {
    let work = tempfile::tempdir().expect("tempdir");
    let src = work.path();
    std::fs::write(src.join("lib.rs"), "mod a;\nmod b;\nmod c;\n").unwrap();
    std::fs::write(
        src.join("a.rs"),
        "use crate::b::B;\n// crate::c in a comment\n",
    )
    .unwrap();
    std::fs::write(src.join("b.rs"), "use crate::{c::C, d};\n").unwrap();
    std::fs::write(src.join("c.rs"), "pub fn f() { crate::a::g() }\n").unwrap();
    let found = circles(&module_graph(src));
    assert!(
        found.contains(&("a".to_owned(), "b".to_owned())),
        "{found:?}"
    );
    assert!(
        found.contains(&("b".to_owned(), "c".to_owned())),
        "{found:?}"
    );
    std::fs::write(src.join("c.rs"), "pub fn f() {}\n").unwrap();
    assert!(circles(&module_graph(src)).is_empty());
}
