//! The browser's encrypted channel on `/rpc`: a SPAKE2 exchange (Ed25519 group, the
//! `spake2` crate), then ChaCha20-Poly1305 frames with a counter per direction.
//!
//! The browser opens with one binary frame: a byte naming the secret it proves (`c` the
//! typed join code, `k` the join link's key, `l` the co-facilitator's link key) and its
//! SPAKE2 message (side A, 33 bytes). The hub answers with its message (side B). Both
//! hash the SPAKE2 key with HKDF-SHA256 into one key per direction; every later frame is
//! `ChaCha20-Poly1305(key, nonce = 4 zero bytes ‖ counter as u64 little-endian)` of one
//! JSON text. A frame that does not open ends the connection: someone who does not know
//! the secret learns nothing, and gets one guess per try.

use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::ChaCha20Poly1305;
use hkdf::Hkdf;
use sha2::Sha256;
use spake2::{Ed25519Group, Identity, Password, Spake2};

/// The identities both sides bind into the exchange.
pub const BROWSER_ID: &[u8] = b"paja browser";
pub const HUB_ID: &[u8] = b"paja hub";
/// A Paja app joining with the code: its exchange is bound to the certificate it pinned.
pub const APP_ID: &[u8] = b"paja app";

/// The hub's identity in an app's exchange: its certificate's fingerprint, so a fake
/// hub (another certificate) that passes the exchange through to the real one fails it.
pub fn hub_identity(fingerprint: Option<&str>) -> Vec<u8> {
    format!("paja hub {}", fingerprint.unwrap_or("")).into_bytes()
}
const TO_HUB: &[u8] = b"paja rpc browser to hub";
const TO_BROWSER: &[u8] = b"paja rpc hub to browser";

/// Which secret a browser proves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Secret {
    /// The join code a person typed.
    Code,
    /// The high-entropy key in the join link's fragment.
    LinkKey,
    /// The key in the co-facilitator's link: the facilitator's role.
    LeadKey,
}

impl Secret {
    pub fn byte(self) -> u8 {
        match self {
            Secret::Code => b'c',
            Secret::LinkKey => b'k',
            Secret::LeadKey => b'l',
        }
    }

    fn from_byte(byte: u8) -> Option<Secret> {
        match byte {
            b'c' => Some(Secret::Code),
            b'k' => Some(Secret::LinkKey),
            b'l' => Some(Secret::LeadKey),
            _ => None,
        }
    }
}

/// A frame or an exchange that could not be read or opened.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ChannelError {
    #[error("the first message was not a key exchange")]
    NotAnExchange,
    #[error("the key exchange failed")]
    Exchange,
    #[error("a frame did not open: the other side does not know the secret, or the frame was changed")]
    Frame,
}

/// The browser's opening: which secret, and its SPAKE2 message.
pub fn read_opening(frame: &[u8]) -> Result<(Secret, &[u8]), ChannelError> {
    match frame.split_first() {
        Some((&byte, message)) if message.len() == 33 => Ok((Secret::from_byte(byte).ok_or(ChannelError::NotAnExchange)?, message)),
        _ => Err(ChannelError::NotAnExchange),
    }
}

/// The hub's side: answers the browser's message under `password`.
pub fn hub_answer(password: &str, browser_message: &[u8]) -> Result<(Vec<u8>, Keys), ChannelError> {
    hub_answer_as(password, browser_message, BROWSER_ID, HUB_ID)
}

/// The same with the identities given (an app's exchange).
pub fn hub_answer_as(password: &str, browser_message: &[u8], id_a: &[u8], id_b: &[u8]) -> Result<(Vec<u8>, Keys), ChannelError> {
    let (state, reply) = Spake2::<Ed25519Group>::start_b(&Password::new(password), &Identity::new(id_a), &Identity::new(id_b));
    let key = state.finish(browser_message).map_err(|_| ChannelError::Exchange)?;
    Ok((reply, Keys::from_exchange(&key, TO_BROWSER, TO_HUB)))
}

/// What an app's exchange seals first each way, to prove it knows the code.
pub const HUB_PROOF: &[u8] = b"paja hub knows the code";
pub const APP_PROOF: &[u8] = b"paja app knows the code";

/// The browser's side (used by tests and tools): the opening frame to send, and the
/// state that [`Browser::finish`] completes with the hub's reply.
pub struct Browser(Spake2<Ed25519Group>);

impl Browser {
    pub fn start(secret: Secret, password: &str) -> (Browser, Vec<u8>) {
        Browser::start_as(secret, password, BROWSER_ID, HUB_ID)
    }

    /// The same with the identities given (an app's exchange).
    pub fn start_as(secret: Secret, password: &str, id_a: &[u8], id_b: &[u8]) -> (Browser, Vec<u8>) {
        let (state, message) = Spake2::<Ed25519Group>::start_a(&Password::new(password), &Identity::new(id_a), &Identity::new(id_b));
        let mut opening = vec![secret.byte()];
        opening.extend_from_slice(&message);
        (Browser(state), opening)
    }

    pub fn finish(self, hub_message: &[u8]) -> Result<Keys, ChannelError> {
        let key = self.0.finish(hub_message).map_err(|_| ChannelError::Exchange)?;
        Ok(Keys::from_exchange(&key, TO_HUB, TO_BROWSER))
    }
}

/// One side's keys and counters after the exchange.
pub struct Keys {
    send: ChaCha20Poly1305,
    receive: ChaCha20Poly1305,
    sent: u64,
    received: u64,
}

impl Keys {
    fn from_exchange(key: &[u8], send: &[u8], receive: &[u8]) -> Keys {
        let cipher = |info: &[u8]| {
            let mut out = [0u8; 32];
            Hkdf::<Sha256>::new(None, key).expand(info, &mut out).expect("32 bytes is a valid HKDF length");
            ChaCha20Poly1305::new(&out.into())
        };
        Keys { send: cipher(send), receive: cipher(receive), sent: 0, received: 0 }
    }

    /// Encrypts the next outgoing frame.
    pub fn seal(&mut self, plain: &[u8]) -> Vec<u8> {
        let nonce = nonce(self.sent);
        self.sent += 1;
        self.send.encrypt(&nonce.into(), plain).expect("ChaCha20-Poly1305 encrypts any length this small")
    }

    /// Decrypts the next incoming frame; any change, replay or reordering fails.
    pub fn open(&mut self, frame: &[u8]) -> Result<Vec<u8>, ChannelError> {
        let plain = self.receive.decrypt(&nonce(self.received).into(), frame).map_err(|_| ChannelError::Frame)?;
        self.received += 1;
        Ok(plain)
    }
}

fn nonce(counter: u64) -> [u8; 12] {
    let mut nonce = [0u8; 12];
    nonce[4..].copy_from_slice(&counter.to_le_bytes());
    nonce
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(browser_password: &str, hub_password: &str) -> Result<(Keys, Keys), ChannelError> {
        let (browser, opening) = Browser::start(Secret::Code, browser_password);
        let (secret, message) = read_opening(&opening)?;
        assert_eq!(secret, Secret::Code);
        let (reply, hub) = hub_answer(hub_password, message)?;
        Ok((browser.finish(&reply)?, hub))
    }

    #[test]
    fn both_sides_with_the_code_read_each_other() {
        let (mut browser, mut hub) = pair("ABCDEF", "ABCDEF").unwrap();
        for text in ["first", "second"] {
            let frame = browser.seal(text.as_bytes());
            assert_eq!(hub.open(&frame).unwrap(), text.as_bytes());
            let back = hub.seal(text.as_bytes());
            assert_eq!(browser.open(&back).unwrap(), text.as_bytes());
        }
    }

    #[test]
    fn a_wrong_code_opens_nothing() {
        let (mut browser, mut hub) = pair("ABCDEF", "ZZZZZZ").unwrap();
        assert_eq!(hub.open(&browser.seal(b"join")), Err(ChannelError::Frame));
        assert_eq!(browser.open(&hub.seal(b"welcome")), Err(ChannelError::Frame));
    }

    #[test]
    fn a_replayed_or_changed_frame_is_refused() {
        let (mut browser, mut hub) = pair("ABCDEF", "ABCDEF").unwrap();
        let frame = browser.seal(b"once");
        hub.open(&frame).unwrap();
        assert_eq!(hub.open(&frame), Err(ChannelError::Frame), "a replay has the wrong counter");
        let mut changed = browser.seal(b"twice");
        changed[0] ^= 1;
        assert_eq!(hub.open(&changed), Err(ChannelError::Frame));
    }

    /// Always the same bytes: the browser's and the hub's "random" scalars of the vector.
    struct Fixed(u8);

    impl rand_core::RngCore for Fixed {
        fn next_u32(&mut self) -> u32 {
            u32::from(self.0)
        }
        fn next_u64(&mut self) -> u64 {
            u64::from(self.0)
        }
        fn fill_bytes(&mut self, dest: &mut [u8]) {
            dest.fill(self.0);
        }
        fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand_core::Error> {
            dest.fill(self.0);
            Ok(())
        }
    }

    impl rand_core::CryptoRng for Fixed {}

    /// The same vector is checked in `ui/src/backend/channel.test.ts`: the browser's
    /// code computes what this crate computes, byte for byte.
    #[test]
    fn the_exchange_matches_the_browsers_vector() {
        let (password, a, b) = (Password::new("KXR4TZ"), Identity::new(BROWSER_ID), Identity::new(HUB_ID));
        let (browser, opening) = Spake2::<Ed25519Group>::start_a_with_rng(&password, &a, &b, Fixed(0x11));
        let (hub, reply) = Spake2::<Ed25519Group>::start_b_with_rng(&password, &a, &b, Fixed(0x22));
        let key = hub.finish(&opening).unwrap();
        assert_eq!(browser.finish(&reply).unwrap(), key);
        let mut hub_keys = Keys::from_exchange(&key, TO_BROWSER, TO_HUB);
        let welcome = hub_keys.seal(b"{\"event\":\"welcome\"}");
        assert_eq!(hex::encode(&opening), VECTOR_OPENING);
        assert_eq!(hex::encode(&reply), VECTOR_REPLY);
        assert_eq!(hex::encode(&welcome), VECTOR_WELCOME);
    }

    const VECTOR_OPENING: &str = "415ae1a97f16c8496adf85c881f73259652309edde74dbb098ab3a643240e097cf";
    const VECTOR_REPLY: &str = "42fdb01bbf0cf8f97911c5df7f22f8a6cf6c1306f276debab0c5027782eb47290f";
    const VECTOR_WELCOME: &str = "d7809fc80ccf63b4de4b061508b036f73a671fe9fb9cf1e7c8a87169c9d1f49912a783";

    #[test]
    fn an_apps_exchange_passed_through_to_another_certificate_fails() {
        let (pinned, real) = (hub_identity(Some("fake fingerprint")), hub_identity(Some("real fingerprint")));
        let (app, opening) = Browser::start_as(Secret::Code, "ABCDEF", APP_ID, &pinned);
        let (reply, mut hub) = hub_answer_as("ABCDEF", &opening[1..], APP_ID, &real).unwrap();
        let mut app = app.finish(&reply).unwrap();
        assert_eq!(app.open(&hub.seal(HUB_PROOF)), Err(ChannelError::Frame), "a relay with its own certificate cannot pass the proof on");
    }

    #[test]
    fn anything_but_an_opening_is_not_an_exchange() {
        assert_eq!(read_opening(b"{\"id\":1}").err(), Some(ChannelError::NotAnExchange));
        assert_eq!(read_opening(&[b'x'; 34]).err(), Some(ChannelError::NotAnExchange));
    }
}
