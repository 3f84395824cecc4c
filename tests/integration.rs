//! End-to-end tests of the `orienta` workspace over the bundled data.

mod relevance;
