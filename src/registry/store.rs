//! Disk IO for the registry: reading the source texts and loading and saving
//! `registry.json`.
//!
//! **Invariant:** `registry.json` is written atomically (a temporary file in
//! the same folder, then a rename), so a reader sees the old file or the new
//! one, never half of one.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::extract::document::Document;
use crate::registry::{Registry, SCHEMA_VERSION};

/// Why the registry or its sources could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read or written.
    #[error("{path}: {action}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What was being done.
        action: &'static str,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A source text is not UTF-8.
    #[error("{path}: not valid UTF-8 at byte {offset}")]
    Utf8 {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The sources folder holds no text.
    #[error("{path}: no source texts (*.txt, *.md, *.html) found")]
    NoSources {
        /// The folder.
        path: PathBuf,
    },
    /// `registry.json` (or a stored list) is not valid JSON of the expected shape.
    #[error("{path}: invalid JSON at line {line}, column {column}")]
    Json {
        /// The file.
        path: PathBuf,
        /// Line of the error.
        line: usize,
        /// Column of the error.
        column: usize,
        /// The underlying error.
        #[source]
        source: serde_json::Error,
    },
    /// The registry could not be turned into JSON.
    #[error("{path}: cannot serialize the registry")]
    Serialize {
        /// The file that was to be written.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: serde_json::Error,
    },
    /// `registry.json` (or a stored list) was written by another version of the format.
    #[error("{path}: schema_version {got}, expected {expected}; {remedy}")]
    SchemaVersion {
        /// What to do about it.
        remedy: &'static str,
        /// The file.
        path: PathBuf,
        /// The version this build reads.
        expected: u32,
        /// The version in the file.
        got: u32,
    },
}

const SOURCE_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

/// Reads every source text in `dir` (sorted by file name).
pub fn read_sources(dir: &Path) -> Result<Vec<Document>, Error> {
    let entries = fs::read_dir(dir).map_err(|source| Error::Io {
        path: dir.to_path_buf(),
        action: "cannot read sources folder",
        source,
    })?;
    let mut paths = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| Error::Io {
            path: dir.to_path_buf(),
            action: "cannot list sources folder",
            source,
        })?;
        let path = entry.path();
        let is_source =
            path.extension().and_then(|extension| extension.to_str()).is_some_and(|extension| {
                SOURCE_EXTENSIONS.contains(&extension.to_ascii_lowercase().as_str())
            });
        if is_source && path.is_file() {
            paths.push(path);
        }
    }
    if paths.is_empty() {
        return Err(Error::NoSources { path: dir.to_path_buf() });
    }
    paths.sort();
    paths.iter().map(|path| read_source(path)).collect()
}

/// Reads one source text.
pub fn read_source(path: &Path) -> Result<Document, Error> {
    let bytes = fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        action: "cannot read source",
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|error| Error::Utf8 {
        path: path.to_path_buf(),
        offset: error.utf8_error().valid_up_to(),
    })?;
    let name = path
        .file_name()
        .map_or_else(|| path.display().to_string(), |name| name.to_string_lossy().into_owned());
    Ok(Document::new(&name, text.trim_start_matches('\u{feff}')))
}

/// Loads `registry.json`.
pub fn load(path: &Path) -> Result<Registry, Error> {
    parse(path, &read_text(path)?)
}

/// Parses `text`, the contents of the registry file at `path` (named in errors).
pub fn parse(path: &Path, text: &str) -> Result<Registry, Error> {
    parse_versioned(path, text, SCHEMA_VERSION, "re-run `sanctions extract`")
}

/// Loads a JSON file whose top-level `schema_version` must be `expected`;
/// `remedy` says what to do when it is not. Errors name the file, and the
/// line and column of invalid JSON.
pub(crate) fn load_versioned<T: serde::de::DeserializeOwned>(
    path: &Path,
    expected: u32,
    remedy: &'static str,
) -> Result<T, Error> {
    parse_versioned(path, &read_text(path)?, expected, remedy)
}

/// A file's text, with an error naming it.
pub fn read_text(path: &Path) -> Result<String, Error> {
    fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        action: "cannot read",
        source,
    })
}

/// The text at `path`, or `None` when there is no file there.
pub fn read_text_if_any(path: &Path) -> Result<Option<String>, Error> {
    match fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(source) if source.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(Error::Io { path: path.to_path_buf(), action: "cannot read", source }),
    }
}

/// [`load_versioned`] on text already read from `path`.
fn parse_versioned<T: serde::de::DeserializeOwned>(
    path: &Path,
    text: &str,
    expected: u32,
    remedy: &'static str,
) -> Result<T, Error> {
    #[derive(serde::Deserialize)]
    struct Version {
        schema_version: u32,
    }
    let json_error = |source: serde_json::Error| Error::Json {
        path: path.to_path_buf(),
        line: source.line(),
        column: source.column(),
        source,
    };
    let version: Version = serde_json::from_str(text).map_err(json_error)?;
    if version.schema_version != expected {
        return Err(Error::SchemaVersion {
            remedy,
            path: path.to_path_buf(),
            expected,
            got: version.schema_version,
        });
    }
    serde_json::from_str(text).map_err(json_error)
}

/// Serializes the registry as pretty JSON with a final newline.
pub fn to_json(registry: &Registry) -> Result<String, serde_json::Error> {
    let mut json = serde_json::to_string_pretty(registry)?;
    json.push('\n');
    Ok(json)
}

/// Writes `registry.json` atomically.
pub fn save(path: &Path, registry: &Registry) -> Result<(), Error> {
    let json = to_json(registry)
        .map_err(|source| Error::Serialize { path: path.to_path_buf(), source })?;
    write_atomically(path, json.as_bytes())
}

/// A temporary file in the folder of `path` (created if missing), to be
/// renamed onto `path` once complete. It gets the mode a new file would
/// (0666 less the process umask: 0644 under the usual 022), not the 0600 of
/// a private temporary file, so a service that reads the data can read
/// what an operator wrote.
pub fn temporary_beside(path: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&dir)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".tmp-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(&dir)
}

/// Whether `path` is there and is neither a regular file nor a folder: a
/// device (`/dev/null`) or a named pipe. Output to one is written straight
/// into it: a rename would replace the device or pipe with a plain file.
pub fn is_special_file(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|metadata| !metadata.is_file() && !metadata.is_dir())
}

/// Writes `bytes` to `path` through a temporary file in the same folder and
/// a rename, so `path` never holds a partial write. The folder is created
/// if it does not exist. A device or named pipe ([`is_special_file`]) is
/// written to directly.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let io =
        |action: &'static str| move |source| Error::Io { path: path.to_path_buf(), action, source };
    if is_special_file(path) {
        let mut file = fs::OpenOptions::new().write(true).open(path).map_err(io("cannot open"))?;
        return file.write_all(bytes).map_err(io("cannot write"));
    }
    let mut temp = temporary_beside(path).map_err(io("cannot create a temporary file beside"))?;
    temp.write_all(bytes).map_err(io("cannot write"))?;
    temp.as_file().sync_all().map_err(io("cannot flush"))?;
    temp.persist(path).map_err(|error| Error::Io {
        path: path.to_path_buf(),
        action: "cannot replace",
        source: error.error,
    })?;
    Ok(())
}
