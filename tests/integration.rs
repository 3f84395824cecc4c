//! End-to-end tests of the `orienta` workspace over the bundled data and real processes.

mod architecture;
mod cli;
mod fault_injection;
mod publish_guard;
mod publish_lock;
mod relevance;
mod replicas;
mod stale_index;
mod text_consumers;
