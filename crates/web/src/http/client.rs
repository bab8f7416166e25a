//! The client's address: the peer, or, behind a configured reverse proxy,
//! the last address in `X-Forwarded-For` that is not one of the proxies.

use std::net::{IpAddr, SocketAddr};

use axum::extract::ConnectInfo;
use axum::http::request::Parts;

/// The client's address for a request, if known.
pub fn address(parts: &Parts, trusted_proxies: &[IpAddr]) -> Option<IpAddr> {
    let peer = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    from(
        peer,
        parts.headers.get("x-forwarded-for").and_then(|v| v.to_str().ok()),
        trusted_proxies,
    )
}

fn from(peer: Option<IpAddr>, forwarded: Option<&str>, trusted: &[IpAddr]) -> Option<IpAddr> {
    let peer = peer?;
    if !trusted.contains(&peer) {
        return Some(peer);
    }
    let Some(list) = forwarded else { return Some(peer) };
    list.split(',')
        .rev()
        .filter_map(|a| a.trim().parse::<IpAddr>().ok())
        .find(|a| !trusted.contains(a))
        .or(Some(peer))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_trusted_proxy_may_name_the_client() {
        let proxy: IpAddr = "10.0.0.1".parse().expect("ip");
        let client: IpAddr = "192.0.2.7".parse().expect("ip");
        let liar: IpAddr = "198.51.100.9".parse().expect("ip");
        assert_eq!(
            from(Some(client), Some("1.2.3.4"), &[proxy]),
            Some(client),
            "not a proxy: its header is ignored"
        );
        assert_eq!(from(Some(proxy), Some("192.0.2.7"), &[proxy]), Some(client));
        assert_eq!(
            from(Some(proxy), Some("1.2.3.4, 198.51.100.9"), &[proxy]),
            Some(liar),
            "the proxy appends the real peer last; what the client wrote before it does not count"
        );
        assert_eq!(from(Some(proxy), None, &[proxy]), Some(proxy));
    }
}
