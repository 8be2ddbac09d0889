//! Stage 3 of the pipeline: facts computed from the model — task standings,
//! who does what, what is due next.

pub mod calendar;
pub mod index;
pub mod status;

pub use calendar::Calendar;
pub use index::{Derived, TaskRef};
pub use status::{standing, Latest, Standing, State};
