//! Writers for the other spellings of a report (Excel), and the texts they
//! show to people.

pub mod labels;
pub mod xlsx;
