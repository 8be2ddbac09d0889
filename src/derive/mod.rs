//! Stage 3 of the pipeline: facts computed from the model — task standings,
//! who does what, what is due next.

pub mod calendar;
pub mod index;
pub mod partition;
pub mod periods;
pub mod reporting;
pub mod responsibility;
pub mod shares;
pub mod status;
pub mod summary;
pub mod task_map;

pub use calendar::Calendar;
pub use index::{Derived, TaskRef};
pub use partition::Partition;
pub use periods::Periods;
pub use reporting::Reporting;
pub use responsibility::{AgencyTasks, Assignment, Memberships, Part};
pub use shares::{Share, ShareCounts};
pub use status::{standing, Latest, Standing, State};
pub use summary::{summary_counts, Summary};
pub use task_map::TaskMap;
