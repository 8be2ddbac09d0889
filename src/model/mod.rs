//! Stage 2 of the pipeline: the validated model the rest of the program works on.

pub mod deadline;
