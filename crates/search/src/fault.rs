//! Deterministic crash points for fault-injection tests.
//!
//! When the environment variable `ORIENTA_FAULT` names a point (`after-rename`,
//! `after-feed`, `after-switch`), the process aborts there, as a `kill -9` would.

/// The environment variable naming the crash point.
pub const FAULT_VARIABLE: &str = "ORIENTA_FAULT";

/// Aborts the process when `ORIENTA_FAULT` equals `name`.
pub fn point(name: &str) {
    if std::env::var(FAULT_VARIABLE).is_ok_and(|wanted| wanted == name) {
        eprintln!("ORIENTA_FAULT={name}: aborting");
        std::process::abort();
    }
}
