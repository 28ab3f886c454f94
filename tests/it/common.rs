//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::Output;

/// The repository root.
pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the built `sanctions` binary with `args` and data folder `data`.
pub(crate) fn run_cli(data: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_sanctions"))
        .arg("--data")
        .arg(data)
        .args(args)
        .env_remove("SANCTIONS_DATA")
        .output()
        .expect("the sanctions binary runs")
}

/// Standard output as text.
pub(crate) fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Standard error as text.
pub(crate) fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A data folder with the shipped registry and the fixture lists imported.
pub(crate) fn data_with_fixtures() -> tempfile::TempDir {
    let data = tempfile::tempdir().unwrap();
    std::fs::copy(root().join("data/registry.json"), data.path().join("registry.json")).unwrap();
    let lists = root().join("tests/data/lists");
    let sdn = lists.join("sdn.csv");
    let alt = lists.join("alt.csv");
    let add = lists.join("add.csv");
    let output = run_cli(
        data.path(),
        &[
            "import",
            "ofac",
            sdn.to_str().unwrap(),
            "--alt",
            alt.to_str().unwrap(),
            "--add",
            add.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let output =
        run_cli(data.path(), &["import", "csv", lists.join("watchlist.csv").to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    data
}
