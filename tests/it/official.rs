//! Official lists: the UN consolidated XML imported from a fixture written
//! for the tests (`tests/data/lists/un.xml`), errors with line and column,
//! links from extracted designations to list entries and from a batch to
//! the entries of its day; and, when `../shared` is there, the real UN and
//! SDN files.

use std::path::PathBuf;

use serde_json::Value;

use crate::common::{data_with_fixtures, root, run_cli, stderr, stdout};

fn un_fixture() -> PathBuf {
    root().join("tests/data/lists/un.xml")
}

#[test]
fn the_un_list_is_imported_with_aliases_countries_dates_and_imo_numbers() {
    let data = data_with_fixtures();
    let output = run_cli(data.path(), &["import", "un", un_fixture().to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("un.xml:78: skipped: a record without a name"),
        "{}",
        stderr(&output)
    );
    let list: Value = serde_json::from_str(
        &std::fs::read_to_string(data.path().join("lists/un-sc.json")).unwrap(),
    )
    .unwrap();
    let entries = list["entries"].as_array().unwrap();
    let ids: Vec<&str> = entries.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["un-KPi.901", "un-KPi.902", "un-QDi.901", "un-KPe.901"]);
    let ri = &entries[0];
    assert_eq!(ri["name"], "RI YONG SU");
    assert_eq!(ri["kind"], "person");
    assert_eq!(
        ri["aliases"],
        serde_json::json!(["리용수", "Ri Yong-su"]),
        "original script and good aliases"
    );
    assert_eq!(ri["countries"], serde_json::json!(["KP"]));
    assert_eq!(ri["authority"], "UNSC-1718");
    assert_eq!(ri["listed_on"], "2018-03-30");
    let remarks = ri["remarks"].as_str().unwrap();
    assert!(
        remarks.starts_with("Arranged coal shipments & transfers for a DPRK broker."),
        "{remarks}"
    );
    assert!(
        remarks.ends_with("Low-quality aliases: Yongsu."),
        "weak aliases are kept, not screened"
    );
    assert_eq!(entries[2]["authority"], "UNSC");
    assert_eq!(entries[2]["programs"], serde_json::json!(["Al-Qaida"]));
    assert_eq!(entries[2]["countries"], serde_json::json!(["YE"]));
    let company = &entries[3];
    assert_eq!(company["kind"], "organization");
    assert_eq!(company["aliases"], serde_json::json!(["PHST"]));
    assert_eq!(company["countries"], serde_json::json!(["CN"]));
    assert_eq!(company["identifiers"], serde_json::json!([{"scheme": "IMO", "value": "9123456"}]));
    assert_eq!(list["skipped"][0]["line"], 78);

    // The original-script name is screened like any other.
    let output = run_cli(data.path(), &["screen", "리용수"]);
    assert!(stdout(&output).contains("un-KPi.901"), "{}", stdout(&output));
}

#[test]
fn broken_xml_names_line_and_column_and_keeps_the_previous_import() {
    let data = data_with_fixtures();
    let output = run_cli(data.path(), &["import", "un", un_fixture().to_str().unwrap()]);
    assert!(output.status.success());
    let stored = data.path().join("lists/un-sc.json");
    let before = std::fs::read(&stored).unwrap();

    let text = std::fs::read_to_string(un_fixture()).unwrap();
    let broken = data.path().join("broken.xml");
    std::fs::write(
        &broken,
        text.replace(
            "</SECOND_NAME>\n      <UN_LIST_TYPE>DPRK",
            "</SECOND>\n      <UN_LIST_TYPE>DPRK",
        ),
    )
    .unwrap();
    let output = run_cli(data.path(), &["import", "un", broken.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.contains("broken.xml") && message.contains("line 10, column 27"), "{message}");

    let cut = data.path().join("cut.xml");
    std::fs::write(&cut, &text[..text.find("<ENTITIES>").unwrap()]).unwrap();
    let output = run_cli(data.path(), &["import", "un", cut.to_str().unwrap()]);
    assert!(stderr(&output).contains("cut short"), "{}", stderr(&output));

    let other = data.path().join("other.xml");
    std::fs::write(&other, "<?xml version=\"1.0\"?>\n<sdnList></sdnList>\n").unwrap();
    let output = run_cli(data.path(), &["import", "un", other.to_str().unwrap()]);
    assert!(stderr(&output).contains("not a UN consolidated list"), "{}", stderr(&output));

    assert_eq!(std::fs::read(&stored).unwrap(), before, "a failed import leaves the previous list");
}

#[test]
fn designations_and_batches_are_linked_to_official_entries() {
    let data = data_with_fixtures();
    let output = run_cli(data.path(), &["import", "un", un_fixture().to_str().unwrap()]);
    assert!(output.status.success());
    // 金与正 (KIM Yo Jong), designated by OFAC on 2017-01-11: the OFAC
    // fixture's entry and the UN fixture's entry of that day.
    let output = run_cli(data.path(), &["show", "per-61222c72cb03", "--json"]);
    let shown: Value = serde_json::from_slice(&output.stdout).unwrap();
    let links = shown["links"].as_array().unwrap();
    let linked: Vec<&str> = links.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert!(linked.contains(&"ofac-9001") && linked.contains(&"un-KPi.902"), "{links:#?}");
    let un = links.iter().find(|l| l["id"] == "un-KPi.902").unwrap();
    let reasons = un["reasons"].to_string();
    assert!(
        reasons.contains("country KP agrees") && reasons.contains("listed on 2017-01-11"),
        "{reasons}"
    );
    // A reviewer confirms one link, rejects another, and confirms an entry
    // no candidate found: confirmed first, rejected last and marked.
    let output = run_cli(
        data.path(),
        &[
            "review",
            "per-61222c72cb03",
            "edit",
            "--set",
            "confirmed_links=un-KPi.902; un-QDi.901",
            "--set",
            "rejected_links=ofac-9001",
            "--reviewer",
            "ana",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let output = run_cli(data.path(), &["show", "per-61222c72cb03", "--json"]);
    let shown: Value = serde_json::from_slice(&output.stdout).unwrap();
    let reviewed: Vec<(String, String)> = shown["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (l["id"].as_str().unwrap().to_string(), l["review"].as_str().unwrap_or("-").to_string())
        })
        .collect();
    assert_eq!(
        reviewed.first(),
        Some(&("un-KPi.902".to_string(), "confirmed".to_string())),
        "{reviewed:?}"
    );
    assert!(
        reviewed.contains(&("un-QDi.901".to_string(), "confirmed".to_string())),
        "{reviewed:?}"
    );
    assert_eq!(
        reviewed.last(),
        Some(&("ofac-9001".to_string(), "rejected".to_string())),
        "{reviewed:?}"
    );

    // A designation no list has is linked to nothing.
    let output = run_cli(data.path(), &["show", "org-89a17532e44b", "--json"]);
    let shown: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(shown["links"], serde_json::json!([]));

    // The UN batch of 2018-03-30, announced only by its counts.
    let output = run_cli(data.path(), &["show", "batch-96d1df5bc665", "--json"]);
    let batch: Value = serde_json::from_slice(&output.stdout).unwrap();
    let account = &batch["accounts"][0];
    assert_eq!(account["source"], "un-sc");
    assert_eq!(account["by_kind"]["person"], serde_json::json!({"announced": 1, "found": 1}));
    assert_eq!(
        account["by_kind"]["organization"],
        serde_json::json!({"announced": 21, "found": 1})
    );
    assert_eq!(account["by_kind"]["vessel"], serde_json::json!({"announced": 27, "found": 0}));
    assert_eq!(account["entries"], serde_json::json!(["un-KPi.901", "un-KPe.901"]));
    let note = account["notes"][0].as_str().unwrap();
    assert!(
        note.contains(
            "named only inside entries' comments (1 of these 2 entries mention a vessel)"
        ),
        "{note}"
    );
    let output = run_cli(data.path(), &["show", "batch-96d1df5bc665"]);
    assert!(stdout(&output).contains("organization 1 of 21"), "{}", stdout(&output));
}

/// The real lists, when `../shared` is next to the repository.
fn shared_lists() -> Option<PathBuf> {
    let path = root().join("../shared/data/lists");
    path.join("un_sc/consolidated.xml").exists().then_some(path)
}

#[test]
fn with_the_real_lists_the_seed_designations_find_their_entries() {
    let Some(lists) = shared_lists() else {
        eprintln!("skipped: ../shared/data/lists is not there");
        return;
    };
    let data = tempfile::tempdir().unwrap();
    std::fs::copy(root().join("data/registry.json"), data.path().join("registry.json")).unwrap();
    let un = lists.join("un_sc/consolidated.xml");
    let output = run_cli(data.path(), &["import", "un", un.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("1003 entries"), "{}", stderr(&output));
    let sdn = lists.join("ofac_sdn_2024-05-03/sdn.csv");
    let output = run_cli(data.path(), &["import", "ofac", sdn.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));

    // The seven people and two bodies of 11 January 2017.
    let registry: Value =
        serde_json::from_str(&std::fs::read_to_string(data.path().join("registry.json")).unwrap())
            .unwrap();
    let mut official = Vec::new();
    for designation in registry["designations"].as_array().unwrap() {
        if designation["date"] != "2017-01-11" {
            continue;
        }
        let id = designation["id"].as_str().unwrap();
        let output = run_cli(data.path(), &["show", id, "--json"]);
        let shown: Value = serde_json::from_slice(&output.stdout).unwrap();
        let first = shown["links"].as_array().unwrap().iter().find(|l| l["source"] == "ofac-sdn");
        official.push(first.map_or("-".to_string(), |l| l["id"].as_str().unwrap().to_string()));
    }
    official.sort();
    assert_eq!(
        official,
        [
            "ofac-21303",
            "ofac-21304",
            "ofac-21305",
            "ofac-21306",
            "ofac-21308",
            "ofac-21323",
            "ofac-21327",
            "ofac-21443",
            "ofac-21444"
        ]
    );

    // The UN batch of 30 March 2018: 21 companies and one individual.
    let batch_id = registry["batches"][0]["id"].as_str().unwrap();
    let output = run_cli(data.path(), &["show", batch_id, "--json"]);
    let batch: Value = serde_json::from_slice(&output.stdout).unwrap();
    let account =
        batch["accounts"].as_array().unwrap().iter().find(|a| a["source"] == "un-sc").unwrap();
    assert_eq!(account["by_kind"]["organization"]["found"], 21);
    assert_eq!(account["by_kind"]["person"]["found"], 1);
    assert_eq!(account["by_kind"]["vessel"]["found"], 0);
    assert!(account["notes"][0]
        .as_str()
        .unwrap()
        .contains("vessels are named only inside entries' comments"));
}

#[test]
fn two_versions_of_a_list_are_compared_entry_by_entry() {
    let lists = root().join("tests/data/lists");
    let data = tempfile::tempdir().unwrap();
    let older = lists.join("sdn_older.csv");
    let newer = lists.join("sdn.csv");
    let output = run_cli(
        data.path(),
        &["lists", "diff", older.to_str().unwrap(), newer.to_str().unwrap(), "--json"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let diff: Value = serde_json::from_slice(&output.stdout).unwrap();
    let ids = |section: &str| -> Vec<String> {
        diff[section]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids("added"), ["ofac-9004", "ofac-9006", "ofac-9007", "ofac-9008"]);
    assert_eq!(ids("removed"), ["ofac-8999"]);
    assert_eq!(ids("changed"), ["ofac-9002", "ofac-9003"]);
    assert_eq!(
        diff["changed"][0]["fields"][0],
        serde_json::json!({"field": "name", "old": "KANG, Pil-Hun", "new": "KANG, P'il-Hun"})
    );
    assert_eq!(diff["changed"][1]["fields"][0]["field"], "programs");
    let output =
        run_cli(data.path(), &["lists", "diff", older.to_str().unwrap(), newer.to_str().unwrap()]);
    assert!(
        stdout(&output).starts_with("5 -> 8 entries: 4 added, 1 removed, 2 changed"),
        "{}",
        stdout(&output)
    );
    let missing = lists.join("nope.csv");
    let output = run_cli(
        data.path(),
        &["lists", "diff", older.to_str().unwrap(), missing.to_str().unwrap()],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("nope.csv"), "{}", stderr(&output));

    // The real SDN files of 2023-12-28 and 2024-05-03, when they are there.
    if let Some(shared) = shared_lists() {
        let old = shared.join("ofac_sdn_2023-12-28/sdn.csv");
        let new = shared.join("ofac_sdn_2024-05-03/sdn.csv");
        let output =
            run_cli(data.path(), &["lists", "diff", old.to_str().unwrap(), new.to_str().unwrap()]);
        assert!(
            stdout(&output)
                .starts_with("13821 -> 14965 entries: 1256 added, 112 removed, 48 changed"),
            "{}",
            stdout(&output)
        );
    }
}

#[test]
fn the_ofac_xml_schema_is_imported_like_the_csv_files() {
    let data = tempfile::tempdir().unwrap();
    std::fs::copy(root().join("data/registry.json"), data.path().join("registry.json")).unwrap();
    let xml = root().join("tests/data/lists/ofac.xml");
    let output = run_cli(data.path(), &["import", "ofac", xml.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let list: Value = serde_json::from_str(
        &std::fs::read_to_string(data.path().join("lists/ofac-sdn.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(list["format"], "ofac-xml");
    let entries = list["entries"].as_array().unwrap();
    let person = &entries[0];
    assert_eq!(person["id"], "ofac-99001");
    assert_eq!(person["name"], "PAK, Min Su");
    assert_eq!(person["kind"], "person");
    assert_eq!(person["aliases"], serde_json::json!(["PAK, Min-Su"]));
    assert_eq!(person["countries"], serde_json::json!(["KP"]));
    assert_eq!(person["programs"], serde_json::json!(["DPRK3", "NPWMD"]));
    assert_eq!(person["authority"], "OFAC-SDN");
    assert_eq!(person["remarks"], "DOB 12 Mar 1975.");
    assert_eq!(entries[1]["name"], "BRIGHT HARBOR & SONS SHIPPING LTD");
    assert_eq!(entries[1]["countries"], serde_json::json!(["CN"]));
    let vessel = &entries[2];
    assert_eq!(vessel["kind"], "vessel");
    assert_eq!(
        vessel["identifiers"],
        serde_json::json!([{"scheme": "IMO", "value": "9234567"}, {"scheme": "MMSI", "value": "445123000"}])
    );
    let output = run_cli(data.path(), &["screen", "Pak Min-su"]);
    assert!(stdout(&output).contains("ofac-99001"), "{}", stdout(&output));

    let broken = data.path().join("broken.xml");
    let text = std::fs::read_to_string(&xml).unwrap();
    std::fs::write(&broken, text.replace("<sdnType>Entity</sdnType>", "<sdnType>Entity</sdntype>"))
        .unwrap();
    let output = run_cli(data.path(), &["import", "ofac", broken.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("line 44, column 20"), "{}", stderr(&output));
    let output = run_cli(data.path(), &["import", "ofac", xml.to_str().unwrap(), "--alt", "x.csv"]);
    assert!(
        stderr(&output).contains("--alt and --add go with the CSV files"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_real_ofac_xml_file_is_read_whole() {
    let Some(lists) = shared_lists() else {
        eprintln!("skipped: ../shared/data/lists is not there");
        return;
    };
    let data = tempfile::tempdir().unwrap();
    let xml = lists.join("ofac_non_sdn_consolidated/consolidated.xml");
    let output =
        run_cli(data.path(), &["import", "ofac", xml.to_str().unwrap(), "--source", "ofac-cons"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let list: Value = serde_json::from_str(
        &std::fs::read_to_string(data.path().join("lists/ofac-cons.json")).unwrap(),
    )
    .unwrap();
    let entries = list["entries"].as_array().unwrap();
    // Its Record_Count, its sdnType counts and its aka count.
    assert_eq!(entries.len(), 443);
    assert_eq!(entries.iter().filter(|e| e["kind"] == "person").count(), 80);
    assert_eq!(
        entries.iter().map(|e| e["aliases"].as_array().map_or(0, Vec::len)).sum::<usize>(),
        1136
    );
}

#[test]
fn followthemoney_entities_are_imported_and_the_registry_exported() {
    let data = tempfile::tempdir().unwrap();
    std::fs::copy(root().join("data/registry.json"), data.path().join("registry.json")).unwrap();
    let fixture = root().join("tests/data/lists/entities.ftm.json");
    let output = run_cli(
        data.path(),
        &["import", "ftm", fixture.to_str().unwrap(), "--source", "ftm-example"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let list: Value = serde_json::from_str(
        &std::fs::read_to_string(data.path().join("lists/ftm-example.json")).unwrap(),
    )
    .unwrap();
    let entries = list["entries"].as_array().unwrap();
    let ids: Vec<&str> = entries.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["ex-person-1", "ex-vessel-1", "ex-company-1"]);
    let person = &entries[0];
    assert_eq!(person["kind"], "person");
    assert_eq!(person["aliases"], serde_json::json!(["Han Song-il"]));
    assert_eq!(person["countries"], serde_json::json!(["KP"]));
    assert_eq!(person["authority"], "UN Security Council");
    assert_eq!(person["programs"], serde_json::json!(["DPRK", "DPRK2"]));
    assert_eq!(person["listed_on"], "2016-11-30", "the earliest sanction");
    assert!(person["remarks"].as_str().unwrap().ends_with("Weak aliases: Songil."));
    let vessel = &entries[1];
    assert_eq!(vessel["kind"], "vessel");
    assert_eq!(vessel["aliases"], serde_json::json!(["PLOVER STAR"]));
    assert_eq!(vessel["identifiers"], serde_json::json!([{"scheme": "IMO", "value": "9345678"}]));
    assert_eq!(vessel["countries"], serde_json::json!(["PA"]));
    assert_eq!(entries[2]["countries"], serde_json::json!(["HK"]));
    let skipped: Vec<(u64, &str)> = list["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| (row["line"].as_u64().unwrap(), row["reason"].as_str().unwrap()))
        .collect();
    assert_eq!(skipped.len(), 3, "{skipped:?}");
    assert_eq!(skipped[0].0, 9);
    assert!(skipped[0].1.starts_with("not an FtM entity"));
    assert!(skipped[1].1.contains("ex-person-2: no name"));
    assert_eq!(
        skipped[2],
        (6, "2 Address entities (not a person, organization, vessel or aircraft) not imported")
    );

    // The registry out as FtM, and back in as a list: same ids and names.
    let exported = data.path().join("registry.ftm.json");
    let output =
        run_cli(data.path(), &["export", "--format", "ftm", "--out", exported.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let lines: Vec<Value> = std::fs::read_to_string(&exported)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let registry: Value =
        serde_json::from_str(&std::fs::read_to_string(data.path().join("registry.json")).unwrap())
            .unwrap();
    let designations = registry["designations"].as_array().unwrap();
    assert_eq!(lines.len(), designations.len() * 2);
    let sanction = lines.iter().find(|line| line["schema"] == "Sanction").unwrap();
    assert_eq!(sanction["properties"]["entity"][0], designations[0]["id"]);
    assert_eq!(sanction["properties"]["startDate"][0], designations[0]["date"]);
    let output = run_cli(
        data.path(),
        &["import", "ftm", exported.to_str().unwrap(), "--source", "roundtrip"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let back: Value = serde_json::from_str(
        &std::fs::read_to_string(data.path().join("lists/roundtrip.json")).unwrap(),
    )
    .unwrap();
    for (entry, designation) in back["entries"].as_array().unwrap().iter().zip(designations) {
        assert_eq!(entry["id"], designation["id"]);
        assert_eq!(entry["name"], designation["name"]);
        assert_eq!(entry["kind"], designation["kind"]);
        assert_eq!(entry["authority"], designation["authority"]);
        assert_eq!(entry["listed_on"], designation["date"]);
    }
    // A rejected designation is left out unless asked for.
    let id = designations[0]["id"].as_str().unwrap();
    let output = run_cli(data.path(), &["review", id, "reject", "--reviewer", "ana"]);
    assert!(output.status.success());
    let output = run_cli(data.path(), &["export"]);
    assert!(!stdout(&output).contains(&format!("\"id\":\"{id}\"")));
    assert!(stderr(&output).contains("1 rejected left out"), "{}", stderr(&output));
    let output = run_cli(data.path(), &["export", "--include-rejected"]);
    assert!(stdout(&output).contains(&format!("\"id\":\"{id}\"")));
}
