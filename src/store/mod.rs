//! What tulta writes: the judges' journals.
pub mod journal;
