//! The `sanctions` binary: extract, entities and show, and their errors.

use std::fs;

use serde_json::Value;
use tempfile::TempDir;

use crate::common::{root, run_cli, stderr, stdout};

/// A data folder holding copies of the seed sources.
fn data_with_seeds() -> TempDir {
    let data = TempDir::new().unwrap();
    let sources = data.path().join("sources");
    fs::create_dir(&sources).unwrap();
    for entry in fs::read_dir(root().join("data/sources")).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, sources.join(path.file_name().unwrap())).unwrap();
    }
    data
}

#[test]
fn extract_then_list_and_show() {
    let data = data_with_seeds();
    let output = run_cli(data.path(), &["extract"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("13 designations, 1 batches"), "{}", stderr(&output));

    let people = run_cli(data.path(), &["entities", "--kind", "person", "--json"]);
    let people: Vec<Value> = serde_json::from_str(&stdout(&people)).unwrap();
    assert_eq!(people.len(), 7);
    assert!(people.iter().all(|person| person["status"] == "active"));

    let expired = run_cli(
        data.path(),
        &[
            "entities",
            "--authority",
            "inksna",
            "--status",
            "expired",
            "--as-of",
            "2026-11-23",
            "--json",
        ],
    );
    let expired: Vec<Value> = serde_json::from_str(&stdout(&expired)).unwrap();
    assert_eq!(expired.len(), 4, "INKSNA measures of 2020-11-25 lapsed on 2022-11-25");
    let still_active = run_cli(
        data.path(),
        &["entities", "--status", "active", "--as-of", "2021-06-01", "--json"],
    );
    assert_eq!(serde_json::from_str::<Vec<Value>>(&stdout(&still_active)).unwrap().len(), 13);

    let table = stdout(&run_cli(data.path(), &["entities", "--authority", "OFAC-SDN"]));
    assert!(table.starts_with("ID "), "{table}");
    assert!(table.contains("KIM Yo Jong") && !table.contains("Nilco"), "{table}");

    let id =
        people.iter().find(|p| p["name"] == "金与正").unwrap()["id"].as_str().unwrap().to_string();
    let shown = run_cli(data.path(), &["show", &id]);
    assert!(shown.status.success());
    let text = stdout(&shown);
    assert!(
        text.contains("»金与正«") && text.contains("OFAC-SDN") && text.contains("2017-01-11"),
        "{text}"
    );
}

#[test]
fn extracting_twice_gives_the_same_file() {
    let data = data_with_seeds();
    assert!(run_cli(data.path(), &["extract"]).status.success());
    let first = fs::read(data.path().join("registry.json")).unwrap();
    assert!(run_cli(data.path(), &["extract"]).status.success());
    assert_eq!(first, fs::read(data.path().join("registry.json")).unwrap());
}

#[test]
fn unknown_id_is_a_runtime_error_naming_it() {
    let data = data_with_seeds();
    assert!(run_cli(data.path(), &["extract"]).status.success());
    let output = run_cli(data.path(), &["show", "org-000000000000"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("org-000000000000"), "{}", stderr(&output));
}

#[test]
fn invalid_utf8_names_the_file_and_keeps_the_old_registry() {
    let data = data_with_seeds();
    assert!(run_cli(data.path(), &["extract"]).status.success());
    let before = fs::read(data.path().join("registry.json")).unwrap();
    fs::write(data.path().join("sources/zz_broken.txt"), b"ok \xff\xfe broken").unwrap();
    let output = run_cli(data.path(), &["extract"]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.contains("zz_broken.txt") && message.contains("byte 3"), "{message}");
    assert_eq!(before, fs::read(data.path().join("registry.json")).unwrap());
}

#[test]
fn missing_or_empty_sources_and_unwritable_output_are_clear_errors() {
    let data = TempDir::new().unwrap();
    let output = run_cli(data.path(), &["extract"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("sources"), "{}", stderr(&output));

    fs::create_dir(data.path().join("sources")).unwrap();
    let output = run_cli(data.path(), &["extract"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("no source texts"), "{}", stderr(&output));

    // A folder that cannot be made (a file is in the way) is named.
    let seeded = data_with_seeds();
    fs::write(seeded.path().join("blocker"), b"a file").unwrap();
    let out = seeded.path().join("blocker/registry.json");
    let output = run_cli(seeded.path(), &["extract", "--out", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("blocker"), "{}", stderr(&output));
}

#[test]
fn corrupt_registry_names_line_and_column() {
    let data = TempDir::new().unwrap();
    fs::write(
        data.path().join("registry.json"),
        "{\n  \"schema_version\": 1,\n  \"designations\": [oops]\n}",
    )
    .unwrap();
    let output = run_cli(data.path(), &["entities"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("line 3"), "{}", stderr(&output));

    fs::write(
        data.path().join("registry.json"),
        r#"{"schema_version": 99, "designations": [], "batches": []}"#,
    )
    .unwrap();
    let output = run_cli(data.path(), &["entities"]);
    assert!(stderr(&output).contains("schema_version 99, expected 1"), "{}", stderr(&output));
}

#[test]
fn usage_errors_exit_with_two() {
    let data = TempDir::new().unwrap();
    assert_eq!(run_cli(data.path(), &["entities", "--kind", "spaceship"]).status.code(), Some(2));
    assert_eq!(run_cli(data.path(), &["entities", "--as-of", "yesterday"]).status.code(), Some(2));
    assert_eq!(run_cli(data.path(), &["no-such-command"]).status.code(), Some(2));
}

#[test]
fn a_new_data_folder_screens_imported_lists_without_a_registry() {
    let parent = TempDir::new().unwrap();
    let data = parent.path().join("new").join("data");
    let list = root().join("tests/data/lists/watchlist.csv");
    let output = run_cli(&data, &["import", "csv", list.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let output = run_cli(&data, &["screen", "Ivan Sidorov"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("W-1"), "{}", stdout(&output));
    assert_eq!(stderr(&output).matches("no registry.json").count(), 1, "{}", stderr(&output));
    let output = run_cli(&data, &["entities"]);
    assert!(output.status.success(), "{}", stderr(&output));
    // A registry written into a folder that does not exist yet.
    let out = parent.path().join("elsewhere/registry.json");
    let sources = root().join("data/sources");
    let output = run_cli(
        &data,
        &["extract", "--sources", sources.to_str().unwrap(), "--out", out.to_str().unwrap()],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(out.exists());
}

#[cfg(unix)]
#[test]
fn written_files_take_the_process_umask() {
    use std::os::unix::fs::PermissionsExt;
    let list = root().join("tests/data/lists/watchlist.csv");
    for (umask, mode) in [("022", 0o644), ("077", 0o600)] {
        let data = TempDir::new().unwrap();
        let script = format!(
            "umask {umask} && exec \"$0\" --data \"$1\" import csv \"$2\" && exec \"$0\" --data \"$1\" screen Sidorov"
        );
        let output = std::process::Command::new("sh")
            .args(["-c", &script, env!("CARGO_BIN_EXE_sanctions")])
            .arg(data.path())
            .arg(&list)
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        let stored = data.path().join("lists/watchlist.json");
        let found = fs::metadata(&stored).unwrap().permissions().mode() & 0o777;
        assert_eq!(found, mode, "umask {umask}: {}", stored.display());
    }
}
