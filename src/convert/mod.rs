//! Writers: the canonical document spelt in another format, each the
//! inverse of the reader of the same name in [`crate::ingest`], and the
//! texts the workbook shows to people.

pub mod labels;
pub mod xlsx;
