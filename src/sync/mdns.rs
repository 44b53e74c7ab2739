//! Finding the hub on the LAN: mDNS advertisement and browsing of `_paja._tcp`.
//! Guest Wi-Fi often blocks multicast, so typing the address always works as well;
//! any mDNS failure is one log line, never an error.

use mdns_sd::{ServiceDaemon, ServiceEvent, ServiceInfo};
use std::time::{Duration, Instant};

pub const SERVICE: &str = "_paja._tcp.local.";

/// Keeps the advertisement up while it lives.
pub struct Advert {
    daemon: ServiceDaemon,
    fullname: String,
}

impl Drop for Advert {
    fn drop(&mut self) {
        let _ = self.daemon.unregister(&self.fullname);
        let _ = self.daemon.shutdown();
    }
}

/// Advertises a hub at `host:port`, with its fingerprint in the TXT record.
pub fn advertise(host: &str, port: u16, fingerprint: Option<&str>) -> Option<Advert> {
    let attempt = || -> Result<Advert, mdns_sd::Error> {
        let daemon = ServiceDaemon::new()?;
        let instance = format!("paja-{port}");
        let props = [("fp", fingerprint.unwrap_or(""))];
        let info = ServiceInfo::new(SERVICE, &instance, &format!("{instance}.local."), host, port, &props[..])?;
        let fullname = info.get_fullname().to_string();
        daemon.register(info)?;
        Ok(Advert { daemon, fullname })
    };
    attempt().map_err(|e| tracing::warn!("not advertised on the LAN ({e}); join by address.")).ok()
}

/// A hub found on the LAN.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub host: String,
    pub port: u16,
    pub fingerprint: Option<String>,
}

/// Looks for hubs for up to `wait`.
pub fn browse(wait: Duration) -> Vec<Found> {
    let Ok(daemon) = ServiceDaemon::new() else { return Vec::new() };
    let Ok(events) = daemon.browse(SERVICE) else { return Vec::new() };
    let deadline = Instant::now() + wait;
    let mut found = Vec::new();
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        let Ok(event) = events.recv_timeout(left) else { break };
        if let ServiceEvent::ServiceResolved(info) = event {
            let fingerprint = info.get_property_val_str("fp").filter(|f| !f.is_empty()).map(String::from);
            for ip in info.get_addresses_v4() {
                found.push(Found { host: ip.to_string(), port: info.get_port(), fingerprint: fingerprint.clone() });
            }
        }
    }
    let _ = daemon.shutdown();
    found
}
