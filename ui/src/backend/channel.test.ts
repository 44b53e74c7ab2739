import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { Exchange } from './channel';

// The vector of `the_exchange_matches_the_browsers_vector` in `src/sync/channel.rs`:
// code KXR4TZ, the browser's random bytes all 0x11, the hub's all 0x22.
const OPENING = '415ae1a97f16c8496adf85c881f73259652309edde74dbb098ab3a643240e097cf';
const REPLY = '42fdb01bbf0cf8f97911c5df7f22f8a6cf6c1306f276debab0c5027782eb47290f';
const WELCOME = 'd7809fc80ccf63b4de4b061508b036f73a671fe9fb9cf1e7c8a87169c9d1f49912a783';

describe('the encrypted channel', () => {
  it('computes the Rust crate’s exchange byte for byte', () => {
    const exchange = new Exchange('KXR4TZ', new Uint8Array(64).fill(0x11));
    const opening = exchange.opening('c');
    expect(String.fromCharCode(opening[0])).toBe('c');
    expect(bytesToHex(opening.subarray(1))).toBe(OPENING);
    const keys = exchange.finish(hexToBytes(REPLY));
    expect(keys.open(hexToBytes(WELCOME))).toBe('{"event":"welcome"}');
  });

  it('opens nothing with a wrong code', () => {
    const keys = new Exchange('ZZZZZZ', new Uint8Array(64).fill(0x11)).finish(hexToBytes(REPLY));
    expect(() => keys.open(hexToBytes(WELCOME))).toThrow();
  });

});
