//! Middleware: request ids, ETags, request size, rate limiting.

pub mod etag;
pub mod rate_limit;
pub mod request_id;
pub mod size;
