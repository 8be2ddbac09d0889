//! minhbach: compiles YAML task data and Markdown plan narratives into a
//! static transparency dashboard.
//!
//! The pipeline follows the module tree: [`load`] reads content files,
//! [`validate`] turns them into the [`model`], [`derive`] computes statuses
//! and indexes, [`render`] fills the theme's templates and [`output`] writes
//! the site atomically.

pub mod diagnostics;
pub mod load;
pub mod model;
