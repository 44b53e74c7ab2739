//! A loopback TCP relay between peers and the hub that the test controls: it records
//! every byte it forwards (to look for clear text) and can cut every link at once.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub struct Relay {
    pub port: u16,
    shared: Arc<Shared>,
}

#[derive(Default)]
struct Shared {
    recorded: Mutex<Vec<u8>>,
    /// Each link's two ends, and whether it still carries anything.
    links: Mutex<Vec<(TcpStream, TcpStream, Arc<AtomicBool>)>>,
    cut: AtomicBool,
    closed: AtomicBool,
    held: AtomicBool,
}

impl Relay {
    /// Relays 127.0.0.1:<port> to 127.0.0.1:`target`.
    pub fn to(target: u16) -> Relay {
        let listener = TcpListener::bind("127.0.0.1:0").expect("the relay listens");
        listener.set_nonblocking(true).expect("nonblocking accept");
        let port = listener.local_addr().expect("an address").port();
        let shared = Arc::new(Shared::default());
        let accept = shared.clone();
        std::thread::spawn(move || accept_loop(listener, target, accept));
        Relay { port, shared }
    }

    pub fn addr(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// Breaks every link and refuses new ones until [`Relay::heal`].
    pub fn cut(&self) {
        self.shared.cut.store(true, Ordering::SeqCst);
        for (client, server, _) in self.shared.links.lock().expect("links").drain(..) {
            let _ = client.shutdown(Shutdown::Both);
            let _ = server.shutdown(Shutdown::Both);
        }
    }

    /// Breaks one open link, picked by `pick` among them; false if none is open. New
    /// links are still let through.
    pub fn cut_one(&self, pick: usize) -> bool {
        let mut links = self.shared.links.lock().expect("links");
        links.retain(|(_, _, open)| open.load(Ordering::SeqCst));
        if links.is_empty() {
            return false;
        }
        let at = pick % links.len();
        let (client, server, _) = links.swap_remove(at);
        let _ = client.shutdown(Shutdown::Both);
        let _ = server.shutdown(Shutdown::Both);
        true
    }

    /// Holds every byte back (links stay open) until [`Relay::release`].
    pub fn hold(&self) {
        self.shared.held.store(true, Ordering::SeqCst);
    }

    pub fn release(&self) {
        self.shared.held.store(false, Ordering::SeqCst);
    }

    pub fn heal(&self) {
        self.shared.cut.store(false, Ordering::SeqCst);
    }

    /// Everything forwarded so far, both directions.
    pub fn recorded(&self) -> Vec<u8> {
        self.shared.recorded.lock().expect("recording").clone()
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        self.shared.closed.store(true, Ordering::SeqCst);
        self.cut();
    }
}

fn accept_loop(listener: TcpListener, target: u16, shared: Arc<Shared>) {
    while !shared.closed.load(Ordering::SeqCst) {
        let Ok((client, _)) = listener.accept() else {
            std::thread::sleep(Duration::from_millis(10));
            continue;
        };
        if shared.cut.load(Ordering::SeqCst) {
            let _ = client.shutdown(Shutdown::Both);
            continue;
        }
        let _ = client.set_nonblocking(false);
        let Ok(server) = TcpStream::connect(("127.0.0.1", target)) else {
            let _ = client.shutdown(Shutdown::Both);
            continue;
        };
        let _ = client.set_nodelay(true);
        let _ = server.set_nodelay(true);
        let mut links = shared.links.lock().expect("links");
        let open = Arc::new(AtomicBool::new(true));
        for (from, to) in [(&client, &server), (&server, &client)] {
            let (Ok(from), Ok(to)) = (from.try_clone(), to.try_clone()) else { continue };
            let (shared, open) = (shared.clone(), open.clone());
            std::thread::spawn(move || pump(from, to, shared, open));
        }
        links.push((client, server, open));
    }
}

fn pump(mut from: TcpStream, mut to: TcpStream, shared: Arc<Shared>, open: Arc<AtomicBool>) {
    let mut buf = [0u8; 16 * 1024];
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        shared.recorded.lock().expect("recording").extend_from_slice(&buf[..n]);
        while shared.held.load(Ordering::SeqCst) && !shared.closed.load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(10));
        }
        if to.write_all(&buf[..n]).is_err() {
            break;
        }
    }
    open.store(false, Ordering::SeqCst);
    let _ = to.shutdown(Shutdown::Both);
    let _ = from.shutdown(Shutdown::Both);
}
