//! Tests of the deadline grammar: the seeds' phrases, each class of
//! `docs/deadlines.md`, the flags, and properties over random input.

mod cadence;
mod classes;
mod find;
mod flags;
mod order;
mod props;
mod relative;
mod seeds;
