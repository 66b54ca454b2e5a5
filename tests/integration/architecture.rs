//! docs/architecture.md against the code: every file uses only the layers its row of the
//! layer table allows, the binary uses only the public face, and every `src/` path the page
//! names exists.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::helpers::repo;

/// One row of the layer table: a folder (ending in `/`) or a file, and the crate's top-level
/// modules it may use.
struct Layer {
    path: String,
    may_use: BTreeSet<String>,
    public_face_only: bool,
}

fn architecture() -> String {
    std::fs::read_to_string(repo().join("docs/architecture.md")).unwrap()
}

/// The rows of the table under "## Layers".
fn layers() -> Vec<Layer> {
    let page = architecture();
    let section = page
        .split("## Layers")
        .nth(1)
        .expect("docs/architecture.md has a Layers section");
    let mut layers = Vec::new();
    for line in section.lines().filter(|l| l.starts_with("| `src/")) {
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        let may_use = cells[2];
        let names = |cell: &str| -> Vec<String> {
            cell.split(',')
                .map(|c| c.trim().trim_matches('`').to_owned())
                .filter(|c| !c.is_empty())
                .collect()
        };
        for path in names(cells[0]) {
            layers.push(Layer {
                path,
                may_use: match may_use {
                    "nothing" | "everything" | "the public face only" => BTreeSet::new(),
                    cell => names(cell).into_iter().collect(),
                },
                public_face_only: may_use == "the public face only",
            });
        }
        if may_use == "everything" {
            layers.pop();
        }
    }
    assert!(layers.len() >= 10, "the layer table was not read");
    layers
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file before its unit tests, without comments.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let before_tests = text.split("#[cfg(test)]").next().unwrap_or("");
    before_tests
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The crate's top-level modules a piece of code names (`crate::stats::...` -> `stats`).
fn modules_used(code: &str) -> BTreeSet<String> {
    code.match_indices("crate::")
        .map(|(i, m)| {
            code[i + m.len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .filter(|m| !m.is_empty())
        .collect()
}

#[test]
fn every_file_uses_only_the_layers_below_it() {
    let layers = layers();
    let src = repo().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut checked = 0;
    for file in files {
        let relative = format!(
            "src/{}",
            file.strip_prefix(&src)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        );
        if relative == "src/lib.rs" {
            continue;
        }
        let layer = layers
            .iter()
            .filter(|l| {
                relative == l.path || (l.path.ends_with('/') && relative.starts_with(&l.path))
            })
            .max_by_key(|l| l.path.len())
            .unwrap_or_else(|| panic!("{relative} is in no row of the layer table"));
        let code = code(&file);
        if layer.public_face_only {
            assert!(
                !code.contains("speechstat::internals"),
                "{relative} uses internals"
            );
            assert!(
                modules_used(&code).is_empty(),
                "{relative} reaches into the crate"
            );
        } else {
            let own = layer.path.trim_start_matches("src/").trim_end_matches('/');
            let own = own.trim_end_matches(".rs");
            for module in modules_used(&code) {
                assert!(
                    module == own || layer.may_use.contains(&module),
                    "{relative} uses crate::{module}, which its layer ({}) may not",
                    layer.path
                );
            }
        }
        checked += 1;
    }
    assert!(checked > 40, "only {checked} files checked");
}

#[test]
fn every_path_the_architecture_page_names_exists() {
    let page = architecture();
    let mut named = BTreeSet::new();
    for (i, _) in page.match_indices("src/") {
        let path: String = page[i..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || "/_.-".contains(*c))
            .collect();
        let path = path.trim_end_matches('.');
        if !path.contains('<') && !path.ends_with("src/") {
            named.insert(path.to_owned());
        }
    }
    assert!(named.len() > 15, "{named:?}");
    for path in named {
        assert!(
            repo().join(&path).exists(),
            "docs/architecture.md names {path}, which does not exist"
        );
    }
}

#[test]
fn the_checker_sees_crate_paths() {
    let used = modules_used("use crate::stats::counts::X;\nlet x = crate::error::Error::Y;");
    assert_eq!(used.into_iter().collect::<Vec<_>>(), ["error", "stats"]);
}
