//! Writers: the canonical document spelt in another format. Each writer is
//! the inverse of the reader of the same name in [`crate::ingest`], so that
//! reading back what it wrote gives the same document.

pub mod xml;
