//! Shared helpers for the store tests: real yrs updates and file fingerprints.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use paja::store::Loaded;
use yrs::types::ToJson;
use yrs::updates::decoder::Decode;
use yrs::{Any, Doc, Map, MapRef, ReadTxn, StateVector, Transact, Update};

/// A yrs document with one map, producing one encoded update per change.
pub struct Writer {
    pub doc: Doc,
    map: MapRef,
}

impl Writer {
    pub fn new() -> Writer {
        Writer::from_blobs(&[])
    }

    /// A writer that continues from stored blobs (snapshot, then log).
    pub fn from_blobs(blobs: &[Vec<u8>]) -> Writer {
        let doc = rebuild(blobs);
        let map = doc.get_or_insert_map("m");
        Writer { doc, map }
    }

    /// Sets `key` and returns the update that change produced.
    pub fn set(&self, key: &str, value: i64) -> Vec<u8> {
        let mut txn = self.doc.transact_mut();
        self.map.insert(&mut txn, key, value);
        txn.encode_update_v1()
    }

    /// The whole state as one update, as compaction stores it.
    pub fn state(&self) -> Vec<u8> {
        self.doc
            .transact()
            .encode_state_as_update_v1(&StateVector::default())
    }

    pub fn json(&self) -> Any {
        json(&self.doc)
    }
}

/// A fresh document with every blob applied in order. The root map is declared
/// first: yrs only knows a root's type once someone asks for it by type.
pub fn rebuild(blobs: &[Vec<u8>]) -> Doc {
    let doc = Doc::new();
    doc.get_or_insert_map("m");
    {
        let mut txn = doc.transact_mut();
        for blob in blobs {
            let update = Update::decode_v1(blob).expect("every stored blob is a valid yrs update");
            txn.apply_update(update)
                .expect("every stored update applies");
        }
    }
    doc
}

pub fn json(doc: &Doc) -> Any {
    doc.to_json(&doc.transact())
}

/// Does the rebuilt content document's map hold `key`?
pub fn has_key(doc: &Doc, key: &str) -> bool {
    let map = doc.get_or_insert_map("m");
    map.get(&doc.transact(), key).is_some()
}

pub fn content_doc(loaded: &Loaded) -> Doc {
    rebuild(&loaded.content)
}

pub fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

/// Bytes of the file, and whether its -wal and -shm exist.
pub fn fingerprint(path: &Path) -> (Vec<u8>, bool, bool) {
    let bytes = std::fs::read(path).expect("the file under test is readable");
    (
        bytes,
        sidecar(path, "-wal").exists(),
        sidecar(path, "-shm").exists(),
    )
}

/// Bytes the store occupies on disk: the main file plus its write-ahead log.
pub fn disk_size(path: &Path) -> u64 {
    let size = |p: PathBuf| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    size(path.to_path_buf()) + size(sidecar(path, "-wal"))
}
