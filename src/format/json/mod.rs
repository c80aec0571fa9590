//! JSON, the native spelling of the model: the reader (with duplicate-key
//! and number-precision findings and a lazily built source map). Writing
//! JSON is `serde_json`'s job.

mod read;
mod scan;
mod value;

pub use read::*;
pub use scan::members;
