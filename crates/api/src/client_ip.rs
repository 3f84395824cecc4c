//! The client's IP address behind trusted reverse proxies.
//!
//! The peer address is the client unless the peer is a trusted proxy
//! (`rate_limit.trusted_proxies`, CIDR blocks). Then the client is the right-most
//! `X-Forwarded-For` hop that is not itself a trusted proxy: every hop left of it was
//! written by the client and proves nothing.

use crate::config::{ConfigError, RateLimit};
use actix_web::dev::ServiceRequest;
use std::net::IpAddr;

/// Proxies trusted when `trust_forwarded_for` is set without a list: loopback only.
pub const LOOPBACK: [&str; 2] = ["127.0.0.1/32", "::1/128"];

/// One CIDR block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    network: IpAddr,
    prefix: u8,
}

impl Cidr {
    /// Parses `a.b.c.d/n`, `x::y/n` or a bare address (a single host).
    pub fn parse(text: &str) -> Option<Self> {
        let (address, prefix) = match text.trim().split_once('/') {
            Some((address, prefix)) => (address, Some(prefix.parse::<u8>().ok()?)),
            None => (text.trim(), None),
        };
        let network: IpAddr = address.parse().ok()?;
        let bits = if network.is_ipv4() { 32 } else { 128 };
        let prefix = prefix.unwrap_or(bits);
        (prefix <= bits).then_some(Self { network, prefix })
    }

    /// True when `address` is inside the block.
    pub fn contains(&self, address: IpAddr) -> bool {
        let address = match address {
            IpAddr::V6(v6) if self.network.is_ipv4() => match v6.to_ipv4_mapped() {
                Some(v4) => IpAddr::V4(v4),
                None => return false,
            },
            other => other,
        };
        match (self.network, address) {
            (IpAddr::V4(network), IpAddr::V4(address)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(network) & mask == u32::from(address) & mask
            }
            (IpAddr::V6(network), IpAddr::V6(address)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(network) & mask == u128::from(address) & mask
            }
            _ => false,
        }
    }
}

/// The trusted proxies of a configuration.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies {
    blocks: Vec<Cidr>,
}

impl TrustedProxies {
    /// Reads `trusted_proxies` (loopback when only `trust_forwarded_for` is set).
    pub fn from_config(settings: &RateLimit) -> Result<Self, ConfigError> {
        let listed: Vec<&str> =
            if settings.trusted_proxies.is_empty() && settings.trust_forwarded_for {
                LOOPBACK.to_vec()
            } else {
                settings
                    .trusted_proxies
                    .iter()
                    .map(String::as_str)
                    .collect()
            };
        let blocks = listed
            .into_iter()
            .map(|text| {
                Cidr::parse(text).ok_or_else(|| ConfigError::Env {
                    name: "rate_limit.trusted_proxies".to_owned(),
                    message: format!("`{text}` is not an IP address or CIDR block like 10.0.0.0/8"),
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(Self { blocks })
    }

    /// True when `address` is a trusted proxy.
    pub fn trusts(&self, address: IpAddr) -> bool {
        self.blocks.iter().any(|block| block.contains(address))
    }

    /// The client of a request from `peer` with these `X-Forwarded-For` values.
    pub fn client(&self, peer: IpAddr, forwarded_for: &[&str]) -> IpAddr {
        if !self.trusts(peer) {
            return peer;
        }
        let hops: Vec<IpAddr> = forwarded_for
            .iter()
            .flat_map(|value| value.split(','))
            .filter_map(|hop| parse_hop(hop.trim()))
            .collect();
        hops.iter()
            .rev()
            .find(|hop| !self.trusts(**hop))
            .or_else(|| hops.first())
            .copied()
            .unwrap_or(peer)
    }

    /// The client IP of a request (the peer's when it has no address: empty).
    pub fn client_of(&self, request: &ServiceRequest) -> Option<IpAddr> {
        let peer = request.peer_addr()?.ip();
        let forwarded: Vec<&str> = request
            .headers()
            .get_all("x-forwarded-for")
            .filter_map(|value| value.to_str().ok())
            .collect();
        Some(self.client(peer, &forwarded))
    }
}

/// An `X-Forwarded-For` hop: an address, possibly `[v6]:port` or `v4:port`.
fn parse_hop(hop: &str) -> Option<IpAddr> {
    if let Ok(address) = hop.parse() {
        return Some(address);
    }
    if let Ok(socket) = hop.parse::<std::net::SocketAddr>() {
        return Some(socket.ip());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proxies(list: &[&str]) -> TrustedProxies {
        let settings = RateLimit {
            trusted_proxies: list.iter().map(|text| (*text).to_owned()).collect(),
            ..RateLimit::default()
        };
        TrustedProxies::from_config(&settings).unwrap()
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn the_right_most_untrusted_hop_is_the_client() {
        let trusted = proxies(&["127.0.0.1/32", "10.0.0.0/8"]);
        let spoofed = ["6.6.6.6, 203.0.113.7, 10.1.2.3"];
        assert_eq!(trusted.client(ip("127.0.0.1"), &spoofed), ip("203.0.113.7"));
        assert_eq!(
            trusted.client(ip("127.0.0.1"), &["6.6.6.6", "203.0.113.7"]),
            ip("203.0.113.7")
        );
        assert_eq!(
            trusted.client(ip("198.51.100.1"), &spoofed),
            ip("198.51.100.1")
        );
        assert_eq!(trusted.client(ip("127.0.0.1"), &[]), ip("127.0.0.1"));
        assert_eq!(
            trusted.client(ip("127.0.0.1"), &["garbage"]),
            ip("127.0.0.1")
        );
        assert_eq!(
            trusted.client(ip("127.0.0.1"), &["10.0.0.9"]),
            ip("10.0.0.9")
        );
    }

    #[test]
    fn blocks_parse_and_match() {
        assert!(Cidr::parse("10.0.0.0/8")
            .unwrap()
            .contains(ip("10.200.1.1")));
        assert!(!Cidr::parse("10.0.0.0/8").unwrap().contains(ip("11.0.0.1")));
        assert!(Cidr::parse("::1/128").unwrap().contains(ip("::1")));
        assert!(Cidr::parse("0.0.0.0/0").unwrap().contains(ip("8.8.8.8")));
        assert!(Cidr::parse("127.0.0.1")
            .unwrap()
            .contains(ip("::ffff:127.0.0.1")));
        for bad in ["10.0.0.0/33", "nope", "10.0.0/8", ""] {
            assert!(Cidr::parse(bad).is_none(), "{bad}");
        }
        let settings = RateLimit {
            trusted_proxies: vec!["bogus".to_owned()],
            ..RateLimit::default()
        };
        assert!(TrustedProxies::from_config(&settings).is_err());
        let loopback = RateLimit {
            trust_forwarded_for: true,
            ..RateLimit::default()
        };
        assert!(TrustedProxies::from_config(&loopback)
            .unwrap()
            .trusts(ip("127.0.0.1")));
        assert!(!TrustedProxies::from_config(&RateLimit::default())
            .unwrap()
            .trusts(ip("127.0.0.1")));
    }
}
