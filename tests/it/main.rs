//! The single integration-test binary: behaviour through the public API and
//! the built `sanctions` binary.

// Reason: test helpers fail the test by panicking, like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod api;
mod browser;
mod bulk;
mod cli;
mod common;
mod official;
mod readings;
mod review;
mod screening;
mod update;
