//! The screening index stored between runs (`DATA/index/screen.idx`), so a
//! command or a server start reads it instead of rebuilding it.
//!
//! The file holds a key, the digest of its payload and the payload (the
//! index without its entities, in `postcard`'s compact binary form). The key
//! is a digest of the entities the index was built over (registry, lists,
//! reviews and the day their statuses were judged on) and of the code that
//! builds it, so an index of other data or of another build is never used.
//! A file that is cut short, altered, or of another format is rebuilt, and
//! writing goes through a temporary file renamed into place, so a crash
//! while writing leaves the old file or none. Failing to write (a read-only
//! data folder) costs only the time of building.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::index::Index;
use super::Entity;

/// The file's first bytes: its format, bumped when the layout changes.
const MAGIC: &[u8; 8] = b"SRIDX\x00\x00\x01";
/// The index file's name inside the index folder.
pub const FILE_NAME: &str = "screen.idx";
/// The sources the index is built by: a change to any makes stored
/// indexes stale.
const BUILDER_SOURCES: &[&str] = &[
    include_str!("arabic.rs"),
    include_str!("cyrillic.rs"),
    include_str!("index.rs"),
    include_str!("normalize.rs"),
    include_str!("slavic.rs"),
    include_str!("translit.rs"),
    include_str!("../romanize.rs"),
];

/// Where the index of the data folder `data` is stored.
pub fn dir_of(data: &Path) -> PathBuf {
    data.join("index")
}

/// The index over `entities`: read from `dir` if a valid one of the same
/// key is there, else built and written there.
pub fn load_or_build(dir: &Path, entities: Vec<Entity>) -> Index {
    let key = key_of(&entities);
    let path = dir.join(FILE_NAME);
    match read(&path, &key, entities.len()) {
        Ok(mut index) => {
            index.entities = entities;
            index
        }
        Err(reason) => {
            if path.exists() {
                tracing::info!(path = %path.display(), %reason, "rebuilding the screening index");
            }
            let index = Index::build(entities);
            if let Err(error) = write(&path, &key, &index) {
                tracing::warn!(path = %path.display(), %error, "could not store the screening index");
            }
            index
        }
    }
}

/// The key of an index over `entities` built by this code.
fn key_of(entities: &[Entity]) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    for source in BUILDER_SOURCES {
        hasher.update(source.len().to_le_bytes());
        hasher.update(source.as_bytes());
    }
    match serde_json::to_vec(entities) {
        Ok(bytes) => hasher.update(bytes),
        // Unreachable for these plain types; a key no file has then.
        Err(_) => hasher.update(b"unserializable"),
    }
    hasher.finalize().into()
}

/// Why a stored index was not used.
#[derive(Debug, thiserror::Error)]
pub enum Stale {
    /// There is no file, or it cannot be read.
    #[error("cannot read it: {0}")]
    Unreadable(#[from] std::io::Error),
    /// Not an index file of this format.
    #[error("not an index file of this format")]
    Format,
    /// Built from other data or by other code.
    #[error("built from other data or by another version")]
    OtherKey,
    /// Cut short or altered.
    #[error("its content does not match its digest")]
    Corrupt,
    /// The payload does not decode, or points past the entities.
    #[error("its content does not decode: {0}")]
    Undecodable(String),
}

fn read(path: &Path, key: &[u8; 32], entity_count: usize) -> Result<Index, Stale> {
    let bytes = fs::read(path)?;
    let (magic, rest) = bytes.split_at_checked(MAGIC.len()).ok_or(Stale::Format)?;
    if magic != MAGIC {
        return Err(Stale::Format);
    }
    let (stored_key, rest) = rest.split_at_checked(32).ok_or(Stale::Format)?;
    if stored_key != key {
        return Err(Stale::OtherKey);
    }
    let (digest, payload) = rest.split_at_checked(32).ok_or(Stale::Corrupt)?;
    if digest != Sha256::digest(payload).as_slice() {
        return Err(Stale::Corrupt);
    }
    let index: Index =
        postcard::from_bytes(payload).map_err(|error| Stale::Undecodable(error.to_string()))?;
    if index.forms.iter().any(|form| form.entity as usize >= entity_count) {
        return Err(Stale::Undecodable("a spelling of an entity that is not there".into()));
    }
    Ok(index)
}

fn write(path: &Path, key: &[u8; 32], index: &Index) -> anyhow::Result<()> {
    let payload = postcard::to_stdvec(index)?;
    let mut file = crate::registry::store::temporary_beside(path)?;
    file.write_all(MAGIC)?;
    file.write_all(key)?;
    file.write_all(Sha256::digest(&payload).as_slice())?;
    file.write_all(&payload)?;
    file.as_file().sync_all()?;
    file.persist(path)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityKind, Identifier, Status};
    use crate::screen::{Query, Screener};

    fn entity(id: &str, names: &[&str]) -> Entity {
        Entity {
            id: id.to_string(),
            kind: Some(EntityKind::Organization),
            names: names.iter().map(|name| (*name).to_string()).collect(),
            source: "test".to_string(),
            authority: None,
            programs: Vec::new(),
            countries: Vec::new(),
            status: Status::Active,
            identifiers: vec![Identifier { scheme: "imo".into(), value: "9123456".into() }],
            review: None,
        }
    }

    fn entities() -> Vec<Entity> {
        vec![
            entity("a", &["Kestrel Trading LLC", "甲乙贸易有限公司"]),
            entity("b", &["Orlov Shipping Company", "Орлов Шиппинг"]),
        ]
    }

    /// The ids and scores `screener` finds for a few queries.
    fn answers(screener: &Screener) -> Vec<(String, String)> {
        ["Kestrel Trading", "Kestral Tradin", "Orlov Shiping", "Орлов", "甲乙贸易"]
            .iter()
            .flat_map(|name| screener.screen(&Query::new(name)).unwrap_or_default())
            .map(|found| (found.entity.id.clone(), format!("{:.4}", found.score)))
            .collect()
    }

    #[test]
    fn a_stored_index_screens_like_a_built_one() {
        let dir = tempfile::tempdir().unwrap();
        let built = answers(&Screener::new(entities()));
        assert!(!built.is_empty());
        let first = Screener::stored_in(dir.path(), entities());
        assert!(dir.path().join(FILE_NAME).is_file(), "the first run stores the index");
        let stored_at = fs::metadata(dir.path().join(FILE_NAME)).unwrap().modified().unwrap();
        let second = Screener::stored_in(dir.path(), entities());
        assert_eq!(answers(&first), built);
        assert_eq!(answers(&second), built);
        let read_at = fs::metadata(dir.path().join(FILE_NAME)).unwrap().modified().unwrap();
        assert_eq!(stored_at, read_at, "the second run reads it and leaves it");
        assert_eq!(second.index.by_identifier("imo", "9123456"), [0, 1]);
    }

    #[test]
    fn other_data_or_a_damaged_file_is_rebuilt_never_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        Screener::stored_in(dir.path(), entities());
        let key = key_of(&entities());
        assert!(read(&path, &key, 2).is_ok());

        // Other entities: another key.
        let mut fewer = entities();
        fewer.pop();
        assert!(matches!(read(&path, &key_of(&fewer), 1), Err(Stale::OtherKey)));
        let rebuilt = Screener::stored_in(dir.path(), fewer.clone());
        assert_eq!(rebuilt.entities().len(), 1);
        assert!(read(&path, &key_of(&fewer), 1).is_ok(), "the new index replaced the old");

        // A flipped byte, a file cut short, another file.
        let good = fs::read(&path).unwrap();
        let mut flipped = good.clone();
        if let Some(last) = flipped.last_mut() {
            *last ^= 0xff;
        }
        fs::write(&path, &flipped).unwrap();
        assert!(matches!(read(&path, &key_of(&fewer), 1), Err(Stale::Corrupt)));
        fs::write(&path, &good[..good.len() / 2]).unwrap();
        assert!(matches!(read(&path, &key_of(&fewer), 1), Err(Stale::Corrupt)));
        fs::write(&path, b"{\"not\": \"an index\"}").unwrap();
        assert!(matches!(read(&path, &key_of(&fewer), 1), Err(Stale::Format)));
        let again = Screener::stored_in(dir.path(), fewer.clone());
        assert_eq!(answers(&again), answers(&Screener::new(fewer.clone())));
        assert!(read(&path, &key_of(&fewer), 1).is_ok(), "a damaged file is rewritten");
    }

    #[test]
    fn an_unwritable_folder_only_costs_the_build() {
        let dir = tempfile::tempdir().unwrap();
        // A file where the index folder should be: nothing can be stored.
        let blocked = dir.path().join("index");
        fs::write(&blocked, b"a file").unwrap();
        let screener = Screener::stored_in(&blocked, entities());
        assert_eq!(answers(&screener), answers(&Screener::new(entities())));
    }
}
