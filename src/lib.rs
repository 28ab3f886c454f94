//! sanctions-registry: turns sanctions news and press releases into a
//! reviewed registry of designations, and screens names against it.
//!
//! The modules follow the data flow:
//! - [`extract`] reads designations out of one source text (no IO);
//! - [`registry`] holds the designations of all sources and stores them in
//!   `registry.json`;
//! - [`authority`], [`country`] and [`romanize`] are the knowledge the
//!   stages share;
//! - [`cli`] wires it all to the `sanctions` command.

pub mod model;

pub mod authority;
pub mod country;
pub mod romanize;

pub mod extract;
pub mod registry;

pub mod api;
pub mod bulk;
pub mod catalog;
pub mod cli;
pub mod link;
pub mod lists;
pub mod review;
pub mod screen;
pub mod sources;
