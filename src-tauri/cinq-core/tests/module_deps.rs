//! No two top-level modules of cinq-core depend on each other: if A uses B, B does not use A (nor through others:
//! no loop at all). A folder (`calendar/`,
//! `adapt/`…) counts as one module. The test reads the crate's sources and collects every `crate::X` a module names
//! (in a `use`, a path, a doc link), tests included, except within comments that are not doc links.
//!
//! When it fails, move the piece both sides share to the lower module (usually `network`, `io`, `model`, `dates`,
//! or a small new one), so that the layers stay readable: foundations, then steps 1 to 5, then `file`, `sample`,
//! `overview` and `cli` over them.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a source file belongs to (`calendar` for `calendar/view.rs`), or None for `lib.rs`.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel.components().next()?.as_os_str().to_str()?.to_owned();
    let name = first.trim_end_matches(".rs").to_owned();
    (name != "lib").then_some(name)
}

/// The code of a line, without its plain comment (`// …`); a doc comment (`///`, `//!`) is kept, for its links.
fn code(line: &str) -> &str {
    let t = line.trim_start();
    if t.starts_with("///") || t.starts_with("//!") {
        return line;
    }
    match line.find("//") {
        Some(i) if !line[..i].contains('"') => &line[..i],
        _ => line,
    }
}

/// The modules a source names through `crate::X` (also inside `use crate::{X, Y::…}` groups).
fn named(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let all: String = text.lines().map(code).collect::<Vec<_>>().join("\n");
    let mut rest = all.as_str();
    while let Some(i) = rest.find("crate::") {
        let before = rest[..i].chars().last();
        rest = &rest[i + "crate::".len()..];
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
            continue; // `cinq_crate::`, not ours
        }
        if let Some(group) = rest.strip_prefix('{') {
            // `crate::{a, b::c, d::{e, f}}`: the first segment of each item at depth 0.
            let mut depth = 0;
            let mut item_start = true;
            for (j, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if item_start && !c.is_whitespace() => {
                        item_start = false;
                        let id = ident(&group[j..]);
                        if !id.is_empty() {
                            out.insert(id);
                        }
                    }
                    _ => {}
                }
            }
        } else {
            let id = ident(rest);
            if !id.is_empty() {
                out.insert(id);
            }
        }
    }
    out
}

#[test]
fn no_two_modules_depend_on_each_other() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let modules: BTreeSet<String> = files.iter().filter_map(|f| module_of(&src, f)).collect();
    assert!(
        modules.contains("calendar") && modules.contains("store"),
        "{modules:?}"
    );

    let mut deps: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in &files {
        let Some(m) = module_of(&src, f) else {
            continue;
        };
        let text = fs::read_to_string(f).unwrap();
        let entry = deps.entry(m.clone()).or_default();
        for d in named(&text) {
            if d != m && modules.contains(&d) {
                entry.insert(d);
            }
        }
    }

    let mut both_ways = Vec::new();
    for (a, uses) in &deps {
        for b in uses {
            if a < b && deps.get(b).is_some_and(|u| u.contains(a)) {
                both_ways.push(format!("{a} <-> {b}"));
            }
        }
    }
    assert!(
        both_ways.is_empty(),
        "modules that depend on each other both ways (move what they share to the lower one):\n  {}",
        both_ways.join("\n  ")
    );

    // Nor a longer loop (A → B → C → A): the modules stay in layers.
    if let Some(cycle) = find_cycle(&deps) {
        panic!(
            "modules that depend on each other in a loop: {}",
            cycle.join(" -> ")
        );
    }
}

/// A loop among the modules' dependencies, as the modules along it (the first repeated at the end), if there is one.
fn find_cycle(deps: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        m: &str,
        deps: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == m) {
            let mut cycle = path[i..].to_vec();
            cycle.push(m.to_owned());
            return Some(cycle);
        }
        if done.contains(m) {
            return None;
        }
        path.push(m.to_owned());
        for d in deps.get(m).into_iter().flatten() {
            if let Some(c) = visit(d, deps, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(m.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    deps.keys()
        .find_map(|m| visit(m, deps, &mut Vec::new(), &mut done))
}

#[test]
fn a_loop_of_three_is_found() {
    let deps: BTreeMap<String, BTreeSet<String>> = [("a", "b"), ("b", "c"), ("c", "a"), ("d", "a")]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), BTreeSet::from([v.to_owned()])))
        .collect();
    assert_eq!(find_cycle(&deps).unwrap(), ["a", "b", "c", "a"]);
    let layered: BTreeMap<String, BTreeSet<String>> = [("a", "b"), ("b", "c")]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), BTreeSet::from([v.to_owned()])))
        .collect();
    assert_eq!(find_cycle(&layered), None);
}

#[test]
fn the_reader_sees_grouped_and_nested_paths() {
    let found = named(
        "use crate::{audit, calendar::{view::X, Y}, error::Result};\n\
         // crate::commented_out\n\
         /// See [`crate::store::Store`].\n\
         fn f() { crate::words::plural(1); other_crate::x(); }",
    );
    let want: BTreeSet<String> = ["audit", "calendar", "error", "store", "words"]
        .into_iter()
        .map(String::from)
        .collect();
    assert_eq!(found, want);
}
