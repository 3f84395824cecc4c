//! The `/v1` endpoints besides search, and the operational ones.

pub mod admin;
pub mod changes;
mod distinct;
pub mod needs;
pub mod offer;
pub mod ops;
pub mod organisations;
pub mod places;
pub mod territory;
