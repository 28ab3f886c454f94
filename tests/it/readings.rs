//! The extractor against careful readings written by hand: the five seeds
//! (`tests/data/seeds_expected.json`, a copy of the shared expected reading)
//! and the test texts in `tests/data/texts/` (`expected.json` beside them).

use std::collections::BTreeSet;
use std::path::Path;

use sanctions::model::Designation;
use sanctions::registry::store;
use sanctions::registry::Registry;
use serde_json::Value;

use crate::common::root;

/// English names the seed reading gives that appear nowhere in the text
/// (贝斯特 = "Best" and 艾利默 = "Elim" are transliterations only an official
/// list can confirm); the extractor must leave these empty, not invent them.
const NAME_EN_NOT_IN_TEXT: &[&str] = &["成都贝斯特新材料有限公司", "淄博艾利默贸易有限公司"];

#[test]
fn seeds_read_as_expected() {
    let expected: Value = read_json(&root().join("tests/data/seeds_expected.json"));
    let registry =
        Registry::from_documents(&store::read_sources(&root().join("data/sources")).unwrap());
    let expected_designations = expected["designations"].as_array().unwrap();
    check_designations(&registry, expected_designations, NAME_EN_NOT_IN_TEXT);

    let batches = expected["unnamed_batches"].as_array().unwrap();
    assert_eq!(registry.batches.len(), batches.len(), "{:#?}", registry.batches);
    for (batch, want) in registry.batches.iter().zip(batches) {
        assert_eq!(batch.authority, want["authority"].as_str().unwrap());
        assert_eq!(batch.date.unwrap().to_string(), want["date"].as_str().unwrap());
        assert_eq!(batch.total.map(u64::from), want["total"].as_u64());
        for (kind, count) in want["counts"].as_object().unwrap() {
            let kind = kind.parse().unwrap();
            assert_eq!(u64::from(batch.counts[&kind]), count.as_u64().unwrap(), "{kind}");
        }
    }
    check_not_designated(&registry.designations, &expected["not_designated"]);
    assert!(registry.warnings.is_empty(), "{:#?}", registry.warnings);
}

#[test]
fn test_texts_read_as_expected() {
    let dir = root().join("tests/data/texts");
    let expected: Value = read_json(&dir.join("expected.json"));
    let registry = Registry::from_documents(&store::read_sources(&dir).unwrap());
    let texts = expected["texts"].as_object().unwrap();
    assert!(texts.len() >= 6);
    let mut all_expected = Vec::new();
    for (doc, reading) in texts {
        for designation in reading["designations"].as_array().unwrap() {
            let mut designation = designation.clone();
            designation["doc"] = Value::from(doc.as_str());
            all_expected.push(designation);
        }
        check_not_designated(&registry.designations, &reading["not_designated"]);
        let batches: Vec<_> =
            registry.batches.iter().filter(|batch| batch.evidence.doc == *doc).collect();
        let expected_batches = reading["batches"].as_array().unwrap();
        assert_eq!(batches.len(), expected_batches.len(), "batches in {doc}: {batches:#?}");
        for want in expected_batches {
            let found = batches.iter().any(|batch| {
                Some(batch.authority.as_str()) == want["authority"].as_str()
                    && batch.total.map(u64::from) == want["total"].as_u64()
            });
            assert!(found, "{doc}: no batch {want} among {batches:#?}");
        }
    }
    check_designations(&registry, &all_expected, &[]);
    assert!(
        registry
            .designations
            .iter()
            .all(|designation| designation.evidence.doc != "zh_no_designation.txt"),
        "a text with no designation yields none"
    );
}

#[test]
fn committed_registry_is_what_extract_produces_now() {
    let committed = std::fs::read_to_string(root().join("data/registry.json")).unwrap();
    let registry =
        Registry::from_documents(&store::read_sources(&root().join("data/sources")).unwrap());
    assert!(
        committed == store::to_json(&registry).unwrap(),
        "data/registry.json is stale: run `cargo run --release -- extract` and commit it"
    );
}

#[test]
fn ids_are_stable_across_runs_and_unique() {
    let documents = store::read_sources(&root().join("data/sources")).unwrap();
    let first = Registry::from_documents(&documents);
    let second = Registry::from_documents(&documents);
    assert_eq!(first, second);
    let ids: BTreeSet<&str> = first.designations.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids.len(), first.designations.len());
}

#[test]
fn evidence_span_points_at_the_name() {
    let documents = store::read_sources(&root().join("data/sources")).unwrap();
    let registry = Registry::from_documents(&documents);
    for designation in &registry.designations {
        let document = documents.iter().find(|d| d.name == designation.evidence.doc).unwrap();
        let [start, end] = designation.evidence.span;
        let spanned: String = document.text.chars().skip(start).take(end - start).collect();
        assert_eq!(spanned, designation.name, "{}", designation.id);
        assert!(designation.evidence.sentence.contains(&designation.name));
    }
}

/// Every expected designation is produced with the expected fields, and
/// nothing else is.
fn check_designations(registry: &Registry, expected: &[Value], name_en_not_in_text: &[&str]) {
    let mut failures = Vec::new();
    for want in expected {
        let doc = want["doc"].as_str().unwrap();
        let name = want["name"].as_str().unwrap();
        let Some(got) =
            registry.designations.iter().find(|d| d.evidence.doc == doc && d.name == name)
        else {
            failures.push(format!("{doc}: missing {name}"));
            continue;
        };
        let mut field = |label: &str, got: Option<String>, want: Option<&str>| {
            if let Some(want) = want {
                if got.as_deref() != Some(want) {
                    failures.push(format!("{name}: {label} {got:?}, expected {want:?}"));
                }
            }
        };
        field("kind", Some(got.kind.to_string()), want["kind"].as_str());
        field("country", got.country.clone(), want["country"].as_str());
        field("authority", Some(got.authority.clone()), want["authority"].as_str());
        field("date", got.date.map(|d| d.to_string()), want["date"].as_str());
        field("announced", got.announced.map(|d| d.to_string()), want["announced"].as_str());
        field("expires", got.expires.map(|d| d.to_string()), want["expires"].as_str());
        field("imo", got.identifiers.first().map(|id| id.value.clone()), want["imo"].as_str());
        if name_en_not_in_text.contains(&name) {
            if got.name_en.is_some() {
                failures.push(format!("{name}: invented name_en {:?}", got.name_en));
            }
        } else {
            field("name_en", got.name_en.clone(), want["name_en"].as_str());
        }
        if let Some(aliases) = want["aliases"].as_array() {
            let aliases: Vec<&str> = aliases.iter().map(|a| a.as_str().unwrap()).collect();
            if got.aliases != aliases {
                failures.push(format!("{name}: aliases {:?}, expected {aliases:?}", got.aliases));
            }
        }
        if let Some(also) = want["authority_also"].as_array() {
            for code in also {
                if !got.authority_also.iter().any(|have| have == code.as_str().unwrap()) {
                    failures.push(format!(
                        "{name}: authority_also {:?} lacks {code}",
                        got.authority_also
                    ));
                }
            }
        }
    }
    for got in &registry.designations {
        let wanted = expected.iter().any(|want| {
            want["doc"].as_str() == Some(got.evidence.doc.as_str())
                && want["name"].as_str() == Some(got.name.as_str())
        });
        if !wanted {
            failures.push(format!(
                "{}: unexpected designation {:?} ({})",
                got.evidence.doc, got.name, got.kind
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// None of the names in the JSON array `mentioned` is registered.
fn check_not_designated(designations: &[Designation], mentioned: &Value) {
    for name in mentioned.as_array().unwrap().iter().map(|name| name.as_str().unwrap()) {
        let registered =
            designations.iter().find(|d| d.name == *name || d.aliases.iter().any(|a| a == name));
        assert!(registered.is_none(), "{name} is only mentioned but was registered");
    }
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}
