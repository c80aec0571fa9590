//! The Excel format, until it moves beside the others in [`crate::format`].

pub mod xlsx;
