// The browser's encrypted channel to the hub (`src/sync/channel.rs` is the other side).
//
// SPAKE2 over Ed25519 exactly as the Rust `spake2` crate computes it (side A, the hub is
// side B), proving one secret: the typed join code, the join link's key, or the
// co-facilitator link's key. Then one ChaCha20-Poly1305 key per direction (HKDF-SHA256
// of the SPAKE2 key), the nonce a counter per direction. Only audited @noble code
// computes; WebCrypto is absent on a plain-HTTP page.
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/** Which secret the browser proves: `c` a typed code, `k` the link's key, `l` the co-facilitator's key. */
export type Secret = 'c' | 'k' | 'l';

const Point = ed25519.Point;
const ORDER = Point.Fn.ORDER;
// The spake2 crate's Ed25519 constants M and N.
const M = Point.fromBytes(hexToBytes('15cfd18e385952982b6a8f8c7854963b58e34388c8e6dae891db756481a02312'));
const N = Point.fromBytes(hexToBytes('f04f2e7eb734b2a8f8b472eaf9c3c632576ac64aea650b496a8a20ff00e583c3'));
const BROWSER_ID = utf8ToBytes('paja browser');
const HUB_ID = utf8ToBytes('paja hub');
const TO_HUB = utf8ToBytes('paja rpc browser to hub');
const TO_BROWSER = utf8ToBytes('paja rpc hub to browser');

const bigBE = (bytes: Uint8Array) => BigInt(`0x${bytesToHex(bytes) || '0'}`);
const bigLE = (bytes: Uint8Array) => bigBE(Uint8Array.from(bytes).reverse());

/** The password as the crate hashes it to a scalar (HKDF-SHA256, info "SPAKE2 pw", 48 bytes, big-endian). */
function passwordScalar(password: Uint8Array): bigint {
  return bigBE(hkdf(sha256, password, new Uint8Array(0), utf8ToBytes('SPAKE2 pw'), 48)) % ORDER;
}

/** One exchange in progress. `random` (64 bytes) is for test vectors only. */
export class Exchange {
  private readonly password: Uint8Array;
  private readonly pw: bigint;
  private readonly x: bigint;
  private readonly message: Uint8Array;

  constructor(password: string, random: Uint8Array = randomBytes(64)) {
    this.password = utf8ToBytes(password);
    this.pw = passwordScalar(this.password);
    this.x = bigLE(random) % ORDER;
    this.message = Point.BASE.multiply(this.x).add(M.multiply(this.pw)).toBytes();
  }

  /** The first frame: the secret's letter, then `A` and the SPAKE2 message. */
  opening(secret: Secret): Uint8Array {
    return concatBytes(utf8ToBytes(secret), utf8ToBytes('A'), this.message);
  }

  /** Completes the exchange with the hub's `B` message; throws on anything else. */
  finish(reply: Uint8Array): Keys {
    if (reply.length !== 33 || reply[0] !== 0x42) throw new Error('The hub did not answer the key exchange.');
    const theirs = reply.subarray(1);
    const k = Point.fromBytes(theirs).subtract(N.multiply(this.pw)).multiply(this.x).toBytes();
    const transcript = concatBytes(sha256(this.password), sha256(BROWSER_ID), sha256(HUB_ID), this.message, theirs, k);
    return new Keys(sha256(transcript));
  }
}

function nonce(counter: number): Uint8Array {
  const out = new Uint8Array(12);
  new DataView(out.buffer).setBigUint64(4, BigInt(counter), true);
  return out;
}

/** The browser's two keys and counters. */
export class Keys {
  private readonly send: Uint8Array;
  private readonly receive: Uint8Array;
  private sent = 0;
  private received = 0;

  constructor(shared: Uint8Array) {
    this.send = hkdf(sha256, shared, undefined, TO_HUB, 32);
    this.receive = hkdf(sha256, shared, undefined, TO_BROWSER, 32);
  }

  seal(text: string): Uint8Array {
    return chacha20poly1305(this.send, nonce(this.sent++)).encrypt(utf8ToBytes(text));
  }

  /** The next frame's text; throws when it does not open (the hub does not know the secret). */
  open(frame: Uint8Array): string {
    const plain = chacha20poly1305(this.receive, nonce(this.received)).decrypt(frame);
    this.received++;
    return new TextDecoder().decode(plain);
  }
}
