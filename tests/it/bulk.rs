//! `sanctions screen --csv` through the built binary, on small files with
//! each quirk of real customer files, checked row for row.

use std::path::Path;

use crate::common::{data_with_fixtures, run_cli, stderr};

/// Runs `screen --csv` on `input` (written to a file) with `extra`
/// arguments; returns the exit success, the output file's bytes (empty when
/// none was written) and stderr.
fn screen_file(data: &Path, input: &[u8], extra: &[&str]) -> (bool, Vec<u8>, String) {
    let folder = tempfile::tempdir().unwrap();
    let input_path = folder.path().join("customers.csv");
    std::fs::write(&input_path, input).unwrap();
    let out = folder.path().join("result.csv");
    let mut args =
        vec!["screen", "--csv", input_path.to_str().unwrap(), "--out", out.to_str().unwrap()];
    args.extend(extra);
    let output = run_cli(data, &args);
    let written = std::fs::read(&out).unwrap_or_default();
    let leftovers: Vec<String> = std::fs::read_dir(folder.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "customers.csv" && name != "result.csv")
        .collect();
    assert!(leftovers.is_empty(), "temporary files left behind: {leftovers:?}");
    (output.status.success(), written, stderr(&output))
}

/// The output's rows (header first) as lossy strings, read with `delimiter`.
fn rows(output: &[u8], delimiter: u8) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(output)
        .byte_records()
        .map(|record| {
            record
                .unwrap()
                .iter()
                .map(|field| String::from_utf8_lossy(field).into_owned())
                .collect()
        })
        .collect()
}

/// The value of `column` in data row `row` (0-based).
fn cell<'a>(rows: &'a [Vec<String>], row: usize, column: &str) -> &'a str {
    let at = rows[0].iter().position(|header| header == column).unwrap();
    &rows[row + 1][at]
}

#[test]
fn each_row_comes_out_once_in_order_with_its_match_or_its_error() {
    let data = data_with_fixtures();
    let input: &[u8] = b"\xEF\xBB\xBFcustomer;name;note\r\n\
        1;KANG Phil Hun;plain\r\n\
        2;\"Ocean\r\nStar\";embedded newline\r\n\
        3;;empty name\r\n\
        4;\xff\xfeKim;bad bytes\r\n\
        5;one;two;three\r\n\
        6;Nobody Special Whatsoever;no match\r\n";
    let (success, output, messages) = screen_file(data.path(), input, &[]);
    assert!(success, "{messages}");
    assert!(messages.contains("screened 6 rows"), "{messages}");
    assert!(messages.contains("3 could not be screened"), "{messages}");
    let table = rows(&output, b';');
    assert_eq!(table.len(), 7, "a header and one row per input row: {table:?}");
    assert_eq!(table[0][..3], ["customer", "name", "note"], "the BOM is not part of the header");
    for (row, customer) in ["1", "2", "3", "4", "5", "6"].iter().enumerate() {
        assert_eq!(cell(&table, row, "customer"), *customer);
    }
    assert_eq!(cell(&table, 0, "match_id"), "ofac-9002");
    assert_eq!(cell(&table, 0, "error"), "");
    assert_eq!(cell(&table, 1, "name"), "Ocean\r\nStar");
    assert_eq!(cell(&table, 1, "match_id"), "ofac-9004");
    assert_eq!(cell(&table, 2, "error"), "empty name");
    assert!(cell(&table, 3, "error").contains("not valid UTF-8"));
    assert!(output.windows(5).any(|w| w == b"\xff\xfeKim"), "bad bytes are kept as they were");
    assert!(cell(&table, 4, "error").contains("fields beyond the header: three"));
    assert_eq!(cell(&table, 5, "match_id"), "");
    assert_eq!(cell(&table, 5, "error"), "");
}

#[test]
fn delimiters_are_detected_or_given() {
    let data = data_with_fixtures();
    let (success, output, messages) =
        screen_file(data.path(), b"id\tname\n1\tOcean Star\n", &["--kind", "vessel"]);
    assert!(success, "{messages}");
    assert_eq!(cell(&rows(&output, b'\t'), 0, "match_id"), "ofac-9004");
    let (success, output, messages) =
        screen_file(data.path(), b"name|id\nKANG Phil Hun|7\n", &["--delimiter", "pipe"]);
    assert!(success, "{messages}");
    assert_eq!(cell(&rows(&output, b'|'), 0, "id"), "7");
}

#[test]
fn kind_and_country_columns_are_evidence_and_all_matches_writes_each() {
    let data = data_with_fixtures();
    let input = b"name,type,country\nKANG Phil Hun,person,prk\nOcean Star,organization,\n\
                  Nobody at all here,robot,Atlantis\n";
    let (success, output, messages) =
        screen_file(data.path(), input, &["--kind-column", "type", "--country-column", "country"]);
    assert!(success, "{messages}");
    let table = rows(&output, b',');
    // The registry's designation lists KP (given here as ISO alpha-3, in
    // lower case); the SDN entry lists no country.
    assert!(cell(&table, 0, "match_id").starts_with("per-"), "{table:?}");
    assert!(cell(&table, 0, "match_explanation").ends_with("country KP agrees"));
    assert_eq!(cell(&table, 0, "error"), "");
    assert_ne!(cell(&table, 1, "match_kind"), "vessel", "the kind column restricts");
    // Unreadable evidence is a warning: the row is still screened.
    let warning = cell(&table, 2, "error");
    assert!(warning.starts_with("warning: ") && warning.contains("\"Atlantis\""), "{warning}");
    assert!(messages.contains("0 could not be screened"), "{messages}");

    let (success, output, _) =
        screen_file(data.path(), b"name\nKANG Phil Hun\nNobody at all here\n", &["--all-matches"]);
    assert!(success);
    let table = rows(&output, b',');
    let ids: Vec<&str> = (0..table.len() - 1).map(|row| cell(&table, row, "match_id")).collect();
    assert!(ids.contains(&"ofac-9002") && ids.iter().any(|id| id.starts_with("per-")), "{ids:?}");
    assert_eq!(ids.last(), Some(&""), "a row without a match still gets its row");
}

#[test]
fn unusable_files_fail_clearly_and_write_nothing() {
    let data = data_with_fixtures();
    let (success, output, messages) = screen_file(data.path(), b"id,surname\n1,Kim\n", &[]);
    assert!(!success);
    assert!(output.is_empty(), "no output file for a failed run");
    assert!(messages.contains("id, surname"), "the headers seen are named: {messages}");
    let (success, _, messages) = screen_file(data.path(), b"id,name\n", &["--column", "nom"]);
    assert!(!success);
    assert!(messages.contains("no column \"nom\""), "{messages}");
    let (success, output, messages) = screen_file(data.path(), b"", &[]);
    assert!(!success);
    assert!(output.is_empty());
    assert!(messages.contains("empty"), "{messages}");
    let (success, output, messages) = screen_file(data.path(), b"id,name\r\n", &[]);
    assert!(success, "{messages}");
    assert_eq!(rows(&output, b',').len(), 1, "a header-only file gives a header-only result");
    assert!(messages.contains("screened 0 rows"), "{messages}");
}

#[test]
fn stdout_is_the_default_output() {
    let data = data_with_fixtures();
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("in.csv");
    std::fs::write(&input, "name\nKANG Phil Hun\n").unwrap();
    let output = run_cli(data.path(), &["screen", "--csv", input.to_str().unwrap()]);
    assert!(output.status.success());
    let table = rows(&output.stdout, b',');
    assert_eq!(cell(&table, 0, "match_id"), "ofac-9002");
}

/// An output that is a named pipe (or `/dev/null`) is written into, not
/// replaced by a renamed plain file: a rename onto `/dev/null` as root
/// turns it into a file every later read of `/dev/null` returns.
#[cfg(unix)]
#[test]
fn output_to_a_named_pipe_is_written_into_it_not_replaced() {
    use std::io::Read;
    use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
    /// `O_NONBLOCK` on Linux: the test's read end opens without a writer,
    /// and reads end instead of waiting when nothing was written.
    const O_NONBLOCK: i32 = 0o4000;
    let data = data_with_fixtures();
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("customers.csv");
    std::fs::write(&input, "name\nKANG Phil Hun\nJane Example\n").unwrap();
    let commands = [vec!["screen", "--csv", input.to_str().unwrap()], vec!["export"]];
    for (index, command) in commands.into_iter().enumerate() {
        let pipe = folder.path().join(format!("out-{index}.pipe"));
        let made = std::process::Command::new("mkfifo").arg(&pipe).status().unwrap();
        assert!(made.success());
        // Held open for reading, so the command's write end opens at once;
        // the outputs fit in the pipe's buffer.
        let mut reader =
            std::fs::OpenOptions::new().read(true).custom_flags(O_NONBLOCK).open(&pipe).unwrap();
        let mut args = command.clone();
        args.extend(["--out", pipe.to_str().unwrap()]);
        let output = run_cli(data.path(), &args);
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
        let still = std::fs::symlink_metadata(&pipe).unwrap().file_type();
        assert!(still.is_fifo(), "{args:?} replaced the pipe: {still:?}");
        let mut received = Vec::new();
        reader.read_to_end(&mut received).unwrap();
        assert!(!received.is_empty(), "{args:?} wrote nothing into the pipe");
    }
}
