//! Lists read from paths or from their publishers' URLs, and where a
//! downloaded list came from ([`Origin`]), kept with it so `sanctions
//! update` can ask the publisher again.
//!
//! Downloads go to a temporary folder and are parsed completely before
//! anything is stored; the caller then saves the list atomically, so a
//! failed, cut-short or malformed download leaves the last good list.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::fetch::{self, Fetched, Limits, Validators};
use super::{Error, ImportedList};
use crate::registry::store::Error as StoreError;

/// The importers, as `sanctions import` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// OFAC: the XML file, or the CSV files (primary, aliases, addresses).
    Ofac,
    /// The UN Security Council consolidated list (XML).
    Un,
    /// The documented generic CSV.
    Csv,
    /// FollowTheMoney JSON lines.
    Ftm,
}

/// What a file of a list holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The list itself (OFAC's primary file).
    List,
    /// OFAC's aliases file (alt.csv).
    Aliases,
    /// OFAC's addresses file (add.csv).
    Addresses,
}

/// One downloaded file of a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OriginFile {
    /// What it holds.
    pub role: Role,
    /// Where it was downloaded from.
    pub url: String,
    /// What the server said identifies this version.
    #[serde(flatten)]
    pub validators: Validators,
}

/// Where a downloaded list came from: enough to download it again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// The importer that read it.
    pub format: Format,
    /// Its files, the list first.
    pub files: Vec<OriginFile>,
}

/// A list to import: each file a path or an `http(s)://` URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The name to store it under.
    pub source: String,
    /// The importer.
    pub format: Format,
    /// The list (OFAC's primary file).
    pub list: String,
    /// OFAC's aliases file.
    pub aliases: Option<String>,
    /// OFAC's addresses file.
    pub addresses: Option<String>,
}

impl Request {
    /// A request that downloads what `origin` names again.
    pub fn again(source: &str, origin: &Origin) -> Request {
        let url_of =
            |role| origin.files.iter().find(|file| file.role == role).map(|file| file.url.clone());
        Request {
            source: source.to_string(),
            format: origin.format,
            list: url_of(Role::List).unwrap_or_default(),
            aliases: url_of(Role::Aliases),
            addresses: url_of(Role::Addresses),
        }
    }

    /// The files with their roles, the list first.
    fn files(&self) -> Vec<(Role, &str)> {
        let mut files = vec![(Role::List, self.list.as_str())];
        files.extend(self.aliases.as_deref().map(|location| (Role::Aliases, location)));
        files.extend(self.addresses.as_deref().map(|location| (Role::Addresses, location)));
        files
    }
}

/// What an import found.
#[derive(Debug, Clone, PartialEq)]
pub enum Imported {
    /// The publisher has nothing newer than `previous` (a 304, or the same
    /// bytes): nothing to store.
    Unchanged,
    /// A list read completely, ready to store (with its origin when
    /// downloaded).
    List(Box<ImportedList>),
}

/// Reads the list `request` names, downloading the files that are URLs
/// (asking only for versions newer than `previous`'s when it came from the
/// same URLs).
pub fn import(
    request: &Request,
    previous: Option<&ImportedList>,
    limits: &Limits,
) -> Result<Imported, Error> {
    let files = request.files();
    let urls = files.iter().filter(|(_, location)| fetch::is_url(location)).count();
    if urls == 0 {
        let paths: Vec<PathBuf> =
            files.iter().map(|(_, location)| PathBuf::from(location)).collect();
        return read(request, &paths).map(|list| Imported::List(Box::new(list)));
    }
    if urls < files.len() {
        return Err(Error::Format {
            path: PathBuf::from(&request.list),
            message: "give every file of a list as a URL, or every one as a path".to_string(),
        });
    }
    let folder = tempfile::tempdir().map_err(|source| StoreError::Io {
        path: std::env::temp_dir(),
        action: "cannot create a temporary folder in",
        source,
    })?;
    let known = |role: Role, url: &str| {
        previous
            .and_then(|list| list.origin.as_ref())
            .filter(|origin| origin.format == request.format)
            .and_then(|origin| {
                origin.files.iter().find(|file| file.role == role && file.url == url)
            })
            .map(|file| file.validators.clone())
    };
    let mut downloads = Vec::new();
    for (role, url) in &files {
        let dir = folder.path().join(role_folder(*role));
        std::fs::create_dir_all(&dir).map_err(|source| StoreError::Io {
            path: dir.clone(),
            action: "cannot create folder",
            source,
        })?;
        let path = dir.join(fetch::file_name_of(url));
        let validators = known(*role, url);
        let fetched = fetch::get(url, validators.as_ref(), &path, limits)?;
        downloads.push((*role, url.to_string(), path, validators, fetched));
    }
    if downloads.iter().all(|download| download.4 == Fetched::NotModified) {
        return Ok(Imported::Unchanged);
    }
    // Some changed: the ones that did not are needed whole as well.
    let mut origin = Origin { format: request.format, files: Vec::new() };
    for (role, url, path, validators, fetched) in &mut downloads {
        if *fetched == Fetched::NotModified {
            *fetched = fetch::get(url, None, path, limits)?;
        }
        let validators = match fetched {
            Fetched::Written { validators, .. } => validators.clone(),
            Fetched::NotModified => validators.clone().unwrap_or_default(),
        };
        origin.files.push(OriginFile { role: *role, url: url.clone(), validators });
    }
    let paths: Vec<PathBuf> = downloads.iter().map(|download| download.2.clone()).collect();
    let mut list = read(request, &paths)?;
    for file in &mut list.files {
        if let Some(download) =
            downloads.iter().find(|download| download.2.display().to_string() == file.path)
        {
            file.path.clone_from(&download.1);
        }
    }
    // The same bytes from the same place: nothing new (a server that sends
    // no validators). From another place, the new origin is worth storing.
    let same_bytes = previous.is_some_and(|previous| {
        previous.origin.as_ref().is_some_and(|known| same_urls(known, &origin))
            && previous.format == list.format
            && previous.files.len() == list.files.len()
            && previous.files.iter().zip(&list.files).all(|(old, new)| old.sha256 == new.sha256)
    });
    if same_bytes {
        return Ok(Imported::Unchanged);
    }
    list.origin = Some(origin);
    Ok(Imported::List(Box::new(list)))
}

/// Whether two origins name the same files at the same URLs.
fn same_urls(a: &Origin, b: &Origin) -> bool {
    a.format == b.format
        && a.files.len() == b.files.len()
        && a.files.iter().zip(&b.files).all(|(a, b)| a.role == b.role && a.url == b.url)
}

/// The subfolder a file of this role is downloaded into, so files keep
/// their own names (importers report rows by file name).
fn role_folder(role: Role) -> &'static str {
    match role {
        Role::List => "list",
        Role::Aliases => "aliases",
        Role::Addresses => "addresses",
    }
}

/// Runs the importer on local files (the list first, then aliases and
/// addresses as the request has them).
fn read(request: &Request, paths: &[PathBuf]) -> Result<ImportedList, Error> {
    let list = paths.first().map(PathBuf::as_path).unwrap_or(Path::new(""));
    let extra = |role: Role| {
        request
            .files()
            .iter()
            .position(|(file_role, _)| *file_role == role)
            .and_then(|index| paths.get(index))
            .map(PathBuf::as_path)
    };
    match request.format {
        Format::Ofac if is_xml(list) => {
            if request.aliases.is_some() || request.addresses.is_some() {
                return Err(Error::Format {
                    path: list.to_path_buf(),
                    message: "aliases and addresses files go with the CSV files; the XML file holds them itself".to_string(),
                });
            }
            super::ofac_xml::import(&request.source, list)
        }
        Format::Ofac => super::ofac::import(
            &request.source,
            super::ofac::Files {
                primary: list,
                aliases: extra(Role::Aliases),
                addresses: extra(Role::Addresses),
            },
        ),
        Format::Un => super::un::import(&request.source, list),
        Format::Csv => super::table::import(&request.source, list),
        Format::Ftm => super::ftm::import(&request.source, list),
    }
}

/// Whether `path` names an XML file.
pub fn is_xml(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("xml"))
}
