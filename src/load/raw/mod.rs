//! The content files as written, before validation: one struct per file
//! format described in `docs/content.md`. Unknown fields are rejected so a
//! misspelled field name is reported rather than silently ignored.

mod agencies;
mod duties;
mod plan;
mod reference;
mod reports;
mod site;
mod tasks;

pub use agencies::*;
pub use duties::*;
pub use plan::*;
pub use reference::*;
pub use reports::*;
pub use site::*;
pub use tasks::*;
