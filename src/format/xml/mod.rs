//! XML: the reader and the writer, each the inverse of the other.

pub mod read;
pub mod write;

pub use read::*;
pub use write::{item_name, losses, write};
