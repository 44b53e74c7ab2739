//! Updates a hostile client crafts by hand, in yrs's v1 encoding: an item under a parent
//! that is not a type, structs whose predecessors nobody has, deletions of items nobody
//! has, and honest updates mutated at random.
#![allow(dead_code)]

use yrs::updates::decoder::Decode;
use yrs::{Doc, ReadTxn, Transact, Update};

fn var(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn string(out: &mut Vec<u8>, s: &str) {
    var(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// Where a crafted item hangs: under an item by id, or under a root type by name.
pub enum Parent<'a> {
    Item(u64, u64),
    Root(&'a str),
}

/// One map entry `key` holding a string, written by `client` at `clock`, under `parent`.
pub fn entry(parent: Parent, client: u64, clock: u64, key: &str) -> Vec<u8> {
    let mut u = Vec::new();
    var(&mut u, 1);
    var(&mut u, 1);
    var(&mut u, client);
    var(&mut u, clock);
    u.push(8 | 0x20); // any content, with a map key
    match parent {
        Parent::Item(client, clock) => {
            var(&mut u, 0);
            var(&mut u, client);
            var(&mut u, clock);
        }
        Parent::Root(name) => {
            var(&mut u, 1);
            string(&mut u, name);
        }
    }
    string(&mut u, key);
    var(&mut u, 1);
    u.push(119); // a string
    string(&mut u, "crafted");
    var(&mut u, 0); // no deletions
    u
}

/// Deletes `len` items of `client` from `clock` on, and adds nothing.
pub fn deletion(client: u64, clock: u64, len: u64) -> Vec<u8> {
    let mut u = Vec::new();
    var(&mut u, 0);
    var(&mut u, 1);
    var(&mut u, client);
    var(&mut u, 1);
    var(&mut u, clock);
    var(&mut u, len);
    u
}

fn doc_of(state: &[u8]) -> Doc {
    let doc = Doc::new();
    doc.transact_mut().apply_update(Update::decode_v1(state).expect("a state")).expect("it applies");
    doc
}

/// The id of an item of `state` that is not a type (a plain value): an entry under it
/// fails to apply on the real document, though it applies on an empty one.
pub fn plain_item(state: &[u8]) -> (u64, u64) {
    let sv = doc_of(state).transact().state_vector();
    for (client, end) in sv.iter() {
        for clock in 0..*end {
            let crafted = entry(Parent::Item(client.get(), clock as u64), 4_242_424, 0, "x");
            let doc = doc_of(state);
            if doc.transact_mut().apply_update(Update::decode_v1(&crafted).expect("it reads")).is_err() {
                return (client.get(), clock as u64);
            }
        }
    }
    panic!("the workshop holds no plain value")
}

/// A small deterministic random source (xorshift), so a failure can be replayed.
pub struct Dice(pub u64);

impl Dice {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// `honest` with a few bytes flipped, inserted, removed, or cut off.
pub fn mutated(honest: &[u8], dice: &mut Dice) -> Vec<u8> {
    let mut u = honest.to_vec();
    for _ in 0..=dice.below(4) {
        let at = dice.below(u.len());
        match dice.below(4) {
            0 if !u.is_empty() => u[at] ^= 1 << dice.below(8),
            1 => u.insert(at, dice.next() as u8),
            2 if !u.is_empty() => {
                u.remove(at);
            }
            _ => u.truncate(at.max(1)),
        }
    }
    u
}

/// The `n`th of the structural crafts against `state`: a parent that is not a type, a
/// struct with missing predecessors, or a deletion of items nobody has.
pub fn structural(n: u64, plain: (u64, u64)) -> Vec<u8> {
    let client = 9_000_000 + n;
    match n % 3 {
        0 => entry(Parent::Item(plain.0, plain.1), client, 0, "x"),
        1 => entry(Parent::Root("workshop"), client, 5, "x"),
        _ => deletion(client, 0, 3),
    }
}
