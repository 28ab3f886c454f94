//! Adding a source text to a data folder: the text saved under
//! `DATA/sources/`, every source extracted again, and `registry.json`
//! written atomically. What `sanctions add` and `POST /sources` do.

use std::collections::HashSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::model::{Batch, Designation};
use crate::registry::{store, Registry};

/// The longest file name accepted, in bytes.
const MAX_NAME_BYTES: usize = 200;

/// Why a text could not be added. Nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum AddError {
    /// The file name is not a plain `.txt`, `.md`, `.html` or `.htm` name in the folder.
    #[error("file name {0:?} refused: {1}")]
    BadName(String, &'static str),
    /// A source with this name exists.
    #[error("a source named {0:?} exists in {1}; choose another name")]
    Exists(String, PathBuf),
    /// The text is empty.
    #[error("the text is empty")]
    Empty,
    /// Reading, writing or extracting failed.
    #[error(transparent)]
    Store(#[from] store::Error),
    /// The file could not be written.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// What adding a text changed.
#[derive(Debug, serde::Serialize)]
pub struct Added {
    /// Where the text was saved.
    pub path: PathBuf,
    /// Designations the registry did not have before (pending review).
    pub designations: Vec<Designation>,
    /// Batches the registry did not have before.
    pub batches: Vec<Batch>,
}

/// Saves `text` as `DATA/sources/NAME`, extracts every source again and
/// writes `DATA/registry.json`. A name that exists, escapes the folder or
/// has another extension is refused, and so is an empty text; a failure
/// after the text was saved removes it again, so nothing changes.
pub fn add(data: &Path, name: &str, text: &str) -> Result<Added, AddError> {
    check_name(name)?;
    if text.trim().is_empty() {
        return Err(AddError::Empty);
    }
    let folder = data.join("sources");
    let path = folder.join(name);
    let registry_path = data.join("registry.json");
    let before: Option<Registry> = match store::read_text_if_any(&registry_path)? {
        Some(text) => Some(store::parse(&registry_path, &text)?),
        None => None,
    };
    let io = |source| AddError::Io { path: path.clone(), source };
    let mut temporary = store::temporary_beside(&path).map_err(io)?;
    temporary.write_all(text.as_bytes()).map_err(io)?;
    temporary.as_file().sync_all().map_err(io)?;
    // Never replaces a file of that name, even one written meanwhile.
    temporary.persist_noclobber(&path).map_err(|error| {
        if error.error.kind() == std::io::ErrorKind::AlreadyExists {
            AddError::Exists(name.to_string(), folder.clone())
        } else {
            AddError::Io { path: path.clone(), source: error.error }
        }
    })?;
    let written = store::read_sources(&folder).and_then(|documents| {
        let registry = Registry::from_documents(&documents);
        store::save(&registry_path, &registry)?;
        Ok(registry)
    });
    let registry = match written {
        Ok(registry) => registry,
        Err(error) => {
            let _ = std::fs::remove_file(&path);
            return Err(error.into());
        }
    };
    let old = before.as_ref();
    let designations =
        new_items(&registry.designations, old.map(|r| &r.designations[..]), |d| &d.id);
    let batches = new_items(&registry.batches, old.map(|r| &r.batches[..]), |b| &b.id);
    Ok(Added { path, designations, batches })
}

/// The items of `now` whose id `before` lacks.
fn new_items<T: Clone>(now: &[T], before: Option<&[T]>, id: impl Fn(&T) -> &String) -> Vec<T> {
    let known: HashSet<&String> = before.unwrap_or_default().iter().map(&id).collect();
    now.iter().filter(|item| !known.contains(id(item))).cloned().collect()
}

/// Refuses a name that is not a plain file name with a source extension.
fn check_name(name: &str) -> Result<(), AddError> {
    let refuse = |why| Err(AddError::BadName(name.to_string(), why));
    if name.is_empty() || name.len() > MAX_NAME_BYTES {
        return refuse("it must be 1 to 200 bytes");
    }
    if name.contains(['/', '\\', '\0']) || name == "." || name == ".." || name.starts_with('.') {
        return refuse("it must be a file name in the sources folder, without a path");
    }
    if name.chars().any(char::is_control) {
        return refuse("it has control characters");
    }
    let extension = Path::new(name).extension().and_then(|e| e.to_str()).unwrap_or("");
    if !matches!(extension.to_ascii_lowercase().as_str(), "txt" | "md" | "html" | "htm") {
        return refuse("it must end in .txt, .md, .html or .htm");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const RELEASE: &str = "WASHINGTON - Today, the Department of the Treasury's Office of \
        Foreign Assets Control (OFAC) designated Ostrava Brightline Trading Co., Ltd. pursuant \
        to Executive Order 13382.";

    #[test]
    fn a_text_is_saved_extracted_and_its_designations_returned() {
        let data = tempfile::tempdir().unwrap();
        let added = add(data.path(), "release one.txt", RELEASE).unwrap();
        assert!(added.path.exists());
        assert!(
            added.designations.iter().any(|d| d.name.contains("Ostrava Brightline")),
            "{:?}",
            added.designations
        );
        assert!(data.path().join("registry.json").exists());
        // The same designation again is not new.
        let again = add(data.path(), "release two.txt", RELEASE).unwrap();
        assert!(again.designations.is_empty(), "{:?}", again.designations);
    }

    #[test]
    fn bad_names_existing_names_and_empty_texts_change_nothing() {
        let data = tempfile::tempdir().unwrap();
        for name in ["../escape.txt", "a/b.txt", ".hidden.txt", "notes.exe", "", "..", "a\u{7}.txt"]
        {
            assert!(
                matches!(add(data.path(), name, RELEASE), Err(AddError::BadName(..))),
                "{name}"
            );
        }
        assert!(matches!(add(data.path(), "empty.txt", " \n"), Err(AddError::Empty)));
        assert!(!data.path().join("registry.json").exists());
        add(data.path(), "release.txt", RELEASE).unwrap();
        let registry = std::fs::read(data.path().join("registry.json")).unwrap();
        assert!(matches!(add(data.path(), "release.txt", "other"), Err(AddError::Exists(..))));
        assert_eq!(std::fs::read(data.path().join("registry.json")).unwrap(), registry);
        assert_eq!(
            std::fs::read_to_string(data.path().join("sources/release.txt")).unwrap(),
            RELEASE
        );
    }
}
