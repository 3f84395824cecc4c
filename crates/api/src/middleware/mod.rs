//! Middleware: request ids, ETags, request size, rate limiting, `HEAD` as `GET`.

pub mod access_log;
pub mod caller;
pub mod etag;
pub mod head;
pub mod rate_limit;
pub mod request_id;
pub mod size;
