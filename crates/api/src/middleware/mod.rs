//! Middleware: request ids, ETags, request size, rate limiting, `HEAD` as `GET`.

pub mod etag;
pub mod head;
pub mod rate_limit;
pub mod request_id;
pub mod size;
