//! Importing lists and screening names through the built binary, on small
//! fixtures in the OFAC and generic CSV formats written for these tests, and
//! on the real SDN list when `../shared/data/lists` is there.

use std::path::{Path, PathBuf};

use crate::common::{data_with_fixtures, root, run_cli, stderr, stdout};

/// The top match's id and score for `name`, or `None`.
fn top(data: &Path, name: &str, extra: &[&str]) -> Option<(String, f64)> {
    let mut args = vec!["screen", name, "--json"];
    args.extend(extra);
    let output = run_cli(data, &args);
    assert!(output.status.success(), "{name}: {}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let first = json["matches"].as_array().unwrap().first()?.clone();
    Some((first["entity"]["id"].as_str().unwrap().to_string(), first["score"].as_f64().unwrap()))
}

/// The ids of every match at the default threshold, best first.
fn matches(data: &Path, name: &str) -> Vec<String> {
    let output = run_cli(data, &["screen", name, "--json"]);
    assert!(output.status.success(), "{name}: {}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    json["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|found| found["entity"]["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn import_reports_bad_rows_by_line_and_lists_shows_counts() {
    let data = tempfile::tempdir().unwrap();
    let lists = root().join("tests/data/lists");
    let output = run_cli(
        data.path(),
        &[
            "import",
            "ofac",
            lists.join("sdn.csv").to_str().unwrap(),
            "--alt",
            lists.join("alt.csv").to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let messages = stderr(&output);
    assert!(messages.contains("sdn.csv:8: skipped"), "{messages}");
    assert!(messages.contains("alt.csv:3: skipped: alias for ent_num 9999"), "{messages}");
    assert!(
        messages.contains("imported ofac-sdn: 8 entries, 2 aliases, 2 rows skipped"),
        "{messages}"
    );
    let listed = stdout(&run_cli(data.path(), &["lists"]));
    assert!(listed.contains("ofac-sdn") && listed.contains("ofac-csv"), "{listed}");

    let output =
        run_cli(data.path(), &["import", "csv", lists.join("watchlist.csv").to_str().unwrap()]);
    let messages = stderr(&output);
    assert!(messages.contains("watchlist.csv:4: skipped: unknown kind \"starship\""), "{messages}");
    assert!(messages.contains("watchlist.csv:5: skipped: empty name"), "{messages}");
    assert!(messages.contains("imported watchlist: 2 entries"), "{messages}");
    let stored = std::fs::read_to_string(data.path().join("lists/watchlist.json")).unwrap();
    assert!(stored.contains("\"id\": \"W-1\"") && stored.contains("\"line\": 4"), "{stored}");
}

#[test]
fn invalid_utf8_rows_are_skipped_with_their_line() {
    let data = tempfile::tempdir().unwrap();
    let file = root().join("tests/data/lists/not_utf8.csv");
    let output =
        run_cli(data.path(), &["import", "csv", file.to_str().unwrap(), "--source", "latin1"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let messages = stderr(&output);
    assert!(messages.contains("not_utf8.csv:2: skipped: field 3 is not valid UTF-8"), "{messages}");
    assert!(messages.contains("imported latin1: 1 entries"), "{messages}");
}

#[test]
fn a_failed_import_leaves_the_previous_list_untouched() {
    let data = data_with_fixtures();
    let before = std::fs::read(data.path().join("lists/ofac-sdn.json")).unwrap();
    let empty = data.path().join("empty.csv");
    std::fs::write(&empty, "").unwrap();
    let output = run_cli(data.path(), &["import", "ofac", empty.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("empty.csv"), "{}", stderr(&output));
    assert_eq!(std::fs::read(data.path().join("lists/ofac-sdn.json")).unwrap(), before);
}

#[test]
fn true_matches_across_scripts_spellings_and_order() {
    let data = data_with_fixtures();
    for (query, expected) in [
        ("KIM, Yo Jong", "ofac-9001"),
        ("Yo Jong Kim", "ofac-9001"),
        ("김여정", "ofac-9001"),
        ("Kang Pil Hoon", "ofac-9002"),
        ("上海东风航运有限公司", "ofac-9003"),
        ("Shanghai Dongfeng Shipping Company Limited", "ofac-9003"),
        ("IMO 9876543", "ofac-9004"),
        ("Петров Сергей Иванович", "ofac-9005"),
        ("Sergey Petrov", "ofac-9005"),
        ("Northern Light Trading Limited Liability Company", "ofac-9006"),
        ("Severnoe Siyanie LLC", "ofac-9006"),
        ("Ivan Sidorov", "W-1"),
        ("Иван Сидоров", "W-1"),
        ("Blue Harbour Logistics", "W-2"),
    ] {
        let found = matches(data.path(), query);
        assert!(found.iter().any(|id| id == expected), "{query}: {found:?}");
        if query.is_ascii() {
            assert_eq!(found.first().map(String::as_str), Some(expected), "{query}: {found:?}");
        }
    }
    // The registry's own designations are screened too.
    let found = top(data.path(), "金与正", &["--limit", "5"]).unwrap();
    assert!(found.1 >= 0.99, "{found:?}");
}

#[test]
fn arabic_script_chinese_and_russian_companies_and_vowel_variants_meet_their_latin_forms() {
    let data = data_with_fixtures();
    let list = data.path().join("invented.csv");
    std::fs::write(
        &list,
        "id,kind,name\nO-1,organization,青岛艾利科贸易有限公司\n\
         P-1,person,\"AL-HAMADANI, Mahmoud Yunis\"\nP-2,person,\"ABDULRAHMAN, Khalid\"\n\
         O-2,organization,STATE CORPORATION ROMASHKA\n",
    )
    .unwrap();
    let output = run_cli(data.path(), &["import", "csv", list.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    for (query, expected) in [
        // Pinyin words, the foreign name by sound, business words translated.
        ("Qingdao Elike Trade Co., Ltd.", "O-1"),
        // Arabic script with its article, and `abd` joined to a name.
        ("محمود يونس الهمداني", "P-1"),
        ("خالد عبدالرحمن", "P-2"),
        // Latin spellings that differ in vowels, article and joining.
        ("Muhmud Yonis al-Hamadani", "P-1"),
        ("Mahmood Younis Hamadani", "P-1"),
        ("Khaled Abdel Rahman", "P-2"),
        ("Khalid Abd al-Rahman", "P-2"),
        // Russian business words translated as the list translates them.
        ("Государственная корпорация Ромашка", "O-2"),
    ] {
        assert_eq!(
            top(data.path(), query, &[]).map(|found| found.0),
            Some(expected.into()),
            "{query}"
        );
    }
    for query in ["Qingdao Ocean Trading Co Ltd", "Mahmoud Hamadi", "Khalid Rahmani"] {
        assert_eq!(top(data.path(), query, &[]), None, "{query}");
    }
}

#[test]
fn false_matches_stay_below_the_default_threshold() {
    let data = data_with_fixtures();
    for query in [
        "Kim",
        "Trading",
        "Kim Min Jun",
        "John Smith",
        "Ocean",
        "Sergei Ivanov",
        "Blue Ocean Foods GmbH",
    ] {
        assert_eq!(top(data.path(), query, &[]), None, "{query}");
    }
    // A person query does not match a vessel with the same words.
    assert_eq!(top(data.path(), "Ocean Star", &["--kind", "person"]), None);
    assert_eq!(top(data.path(), "Ocean Star", &["--kind", "vessel"]).unwrap().0, "ofac-9004");
}

#[test]
fn matches_explain_themselves() {
    let data = data_with_fixtures();
    let output = run_cli(data.path(), &["screen", "Kang Phil Hun", "--json", "--limit", "1"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let found = &json["matches"][0];
    assert_eq!(found["entity"]["source"], "ofac-sdn");
    assert_eq!(found["entity"]["status"], "active");
    assert_eq!(found["entity"]["authority"], "OFAC-SDN");
    assert!(found["explanation"]["pairs"].as_array().is_some_and(|pairs| !pairs.is_empty()));
    let table = stdout(&run_cli(data.path(), &["screen", "김여정"]));
    assert!(table.contains("Hangul romanization [kim yo jong]"), "{table}");
}

#[test]
fn bad_queries_get_clear_answers() {
    let data = data_with_fixtures();
    for (name, message) in [
        ("", "empty name"),
        ("   ", "empty name"),
        ("?!.,", "no letters or digits"),
        ("Co., Ltd.", "no letters or digits"),
    ] {
        let output = run_cli(data.path(), &["screen", name]);
        assert_eq!(output.status.code(), Some(1), "{name:?}");
        assert!(stderr(&output).contains(message), "{name:?}: {}", stderr(&output));
    }
    let long = "A".repeat(10_000);
    let output = run_cli(data.path(), &["screen", &long]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("name too long: 10000 characters"), "{}", stderr(&output));
    let output = run_cli(data.path(), &["screen", "Kim", "--threshold", "2"]);
    assert_eq!(output.status.code(), Some(2));
}

/// The real OFAC SDN list of 2024-05-03, when `../shared` is next to the repo.
fn shared_sdn() -> Option<PathBuf> {
    let path = root().join("../shared/data/lists/ofac_sdn_2024-05-03/sdn.csv");
    path.exists().then_some(path)
}

#[test]
fn real_sdn_list_imports_and_screens() {
    let Some(sdn) = shared_sdn() else {
        eprintln!("skipped: ../shared/data/lists not present");
        return;
    };
    let data = tempfile::tempdir().unwrap();
    std::fs::copy(root().join("data/registry.json"), data.path().join("registry.json")).unwrap();
    let output = run_cli(data.path(), &["import", "ofac", sdn.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("imported ofac-sdn: 14965 entries"), "{}", stderr(&output));
    for (query, expected) in [
        ("Kim Yo Jong", "ofac-21444"),
        ("金与正", "ofac-21444"),
        ("Kang Phil Hun", "ofac-21304"),
        ("Jo Yong Won", "ofac-21303"),
        ("上海东风航运有限公司", "ofac-23779"),
    ] {
        let found = matches(data.path(), query);
        assert!(found.iter().any(|id| id == expected), "{query}: {found:?}");
    }
    assert_eq!(top(data.path(), "John Smith", &[]), None);
}
