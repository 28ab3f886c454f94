//! Downloads of list files from their publishers over HTTP(S), with the
//! limits made explicit: a time limit per request and for connecting, a
//! size cap, a redirect limit, and conditional requests (`If-None-Match`,
//! `If-Modified-Since`) so an unchanged list costs one `304`.
//!
//! A download goes to a file the caller names (a temporary folder), never
//! over a list; a body cut short, over the cap or answered with an error
//! status is an error naming the URL.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// The limits every download runs under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// The most bytes a body may have (after decompression).
    pub max_bytes: u64,
    /// The longest a whole request may take, body included.
    pub timeout: Duration,
    /// The longest connecting (DNS, TCP, TLS) may take.
    pub connect_timeout: Duration,
    /// Redirects followed before giving up.
    pub max_redirects: u32,
}

impl Default for Limits {
    /// 512 MiB, 10 minutes a request, 30 s to connect, 5 redirects: OFAC's
    /// largest file is about 120 MB.
    fn default() -> Limits {
        Limits {
            max_bytes: 512 << 20,
            timeout: Duration::from_secs(600),
            connect_timeout: Duration::from_secs(30),
            max_redirects: 5,
        }
    }
}

/// What a server said identifies a version of a file, sent back on the next
/// request so an unchanged file is not sent again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Validators {
    /// The `ETag` header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// The `Last-Modified` header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

/// The outcome of a download that did not fail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    /// `304 Not Modified`: the version the validators name is current.
    NotModified,
    /// The body was written whole to the file; with the new validators.
    Written {
        /// Bytes written.
        bytes: u64,
        /// The validators of this version.
        validators: Validators,
    },
}

/// Why a download failed.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// Not an `http://` or `https://` URL.
    #[error("{0:?} is not an http:// or https:// URL")]
    NotHttp(String),
    /// The server answered with a status other than 200 or 304.
    #[error("{url} answered {status}")]
    Status {
        /// The URL asked for.
        url: String,
        /// The status line's code and reason.
        status: String,
    },
    /// The body is larger than [`Limits::max_bytes`].
    #[error("{url}: the download is larger than the cap of {max_bytes} bytes")]
    TooLarge {
        /// The URL asked for.
        url: String,
        /// The cap.
        max_bytes: u64,
    },
    /// Connecting, a redirect, the time limit or the transfer failed (a body
    /// cut short among them).
    #[error("{url}: {message}")]
    Transfer {
        /// The URL asked for.
        url: String,
        /// What went wrong.
        message: String,
    },
    /// The file the body goes to could not be written.
    #[error("cannot write the download to {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
}

/// Whether `location` is an `http(s)://` URL rather than a path.
pub fn is_url(location: &str) -> bool {
    let lower = location.get(..8).unwrap_or(location).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// The last path segment of a URL (without query or fragment), for naming
/// the downloaded file so importers see its extension; `download` when the
/// URL has none.
pub fn file_name_of(url: &str) -> String {
    let without_query = url.split(['?', '#']).next().unwrap_or(url);
    let after_host = without_query.splitn(4, '/').nth(3).unwrap_or("");
    let segment = after_host.rsplit('/').next().unwrap_or("");
    let safe: String = segment
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect();
    if safe.trim_matches('.').is_empty() {
        "download".to_string()
    } else {
        safe
    }
}

/// The file name of a path, or of a URL as [`file_name_of`] gives it.
pub fn file_name_of_location(location: &str) -> String {
    if is_url(location) {
        return file_name_of(location);
    }
    Path::new(location)
        .file_name()
        .map_or_else(String::new, |name| name.to_string_lossy().into_owned())
}

/// Downloads `url` into `destination` (created or truncated), asking only
/// for a version other than `known` when given.
pub fn get(
    url: &str,
    known: Option<&Validators>,
    destination: &Path,
    limits: &Limits,
) -> Result<Fetched, FetchError> {
    if !is_url(url) {
        return Err(FetchError::NotHttp(url.to_string()));
    }
    let transfer = |error: ureq::Error| match error {
        ureq::Error::BodyExceedsLimit(_) => {
            FetchError::TooLarge { url: url.to_string(), max_bytes: limits.max_bytes }
        }
        other => FetchError::Transfer { url: url.to_string(), message: describe(&other) },
    };
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(limits.max_redirects)
        .max_redirects_will_error(true)
        .timeout_global(Some(limits.timeout))
        .timeout_connect(Some(limits.connect_timeout))
        .user_agent(concat!("sanctions-registry/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut request = agent.get(url);
    if let Some(known) = known {
        if let Some(etag) = &known.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(last_modified) = &known.last_modified {
            request = request.header("If-Modified-Since", last_modified);
        }
    }
    let mut response = request.call().map_err(transfer)?;
    let status = response.status();
    if status == ureq::http::StatusCode::NOT_MODIFIED && known.is_some() {
        return Ok(Fetched::NotModified);
    }
    if status != ureq::http::StatusCode::OK {
        return Err(FetchError::Status { url: url.to_string(), status: status.to_string() });
    }
    if response.body().content_length().is_some_and(|length| length > limits.max_bytes) {
        return Err(FetchError::TooLarge { url: url.to_string(), max_bytes: limits.max_bytes });
    }
    let header = |name: &str| {
        response.headers().get(name).and_then(|value| value.to_str().ok()).map(str::to_string)
    };
    let validators = Validators { etag: header("etag"), last_modified: header("last-modified") };
    let io_error = |source| FetchError::Io { path: destination.to_path_buf(), source };
    let mut file = File::create(destination).map_err(io_error)?;
    let mut body = response.body_mut().with_config().limit(limits.max_bytes).reader();
    let bytes = io::copy(&mut body, &mut file).map_err(|error| {
        match error.get_ref().and_then(|inner| inner.downcast_ref::<ureq::Error>()) {
            Some(ureq::Error::BodyExceedsLimit(_)) => {
                FetchError::TooLarge { url: url.to_string(), max_bytes: limits.max_bytes }
            }
            _ if error.kind() == io::ErrorKind::UnexpectedEof => FetchError::Transfer {
                url: url.to_string(),
                message: "the download was cut short (the connection closed before the whole body arrived)".to_string(),
            },
            _ => FetchError::Transfer { url: url.to_string(), message: error.to_string() },
        }
    })?;
    file.flush().map_err(io_error)?;
    Ok(Fetched::Written { bytes, validators })
}

/// A transfer error in words.
fn describe(error: &ureq::Error) -> String {
    match error {
        ureq::Error::TooManyRedirects => "more redirects than allowed".to_string(),
        ureq::Error::Timeout(_) => format!("no answer in time ({error})"),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_told_from_paths() {
        assert!(is_url("https://example.org/sdn.csv"));
        assert!(is_url("HTTP://example.org/sdn.csv"));
        assert!(!is_url("data/sdn.csv"));
        assert!(!is_url("ftp://example.org/sdn.csv"));
    }

    #[test]
    fn a_download_is_named_by_the_last_segment_of_its_url() {
        assert_eq!(file_name_of("https://example.org/exports/SDN.CSV?x=1"), "SDN.CSV");
        assert_eq!(
            file_name_of("https://example.org/resources/xml/en/consolidated.xml"),
            "consolidated.xml"
        );
        assert_eq!(file_name_of("https://example.org/"), "download");
        assert_eq!(file_name_of("https://example.org"), "download");
        assert_eq!(file_name_of("https://example.org/a/%2e%2e"), "2e2e");
    }
}
