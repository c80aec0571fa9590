//! The declarative rule engine: rule files ([`catalogue`]), selectors
//! ([`select`]), expressions ([`expr`], [`functions`], [`template`]) and the
//! evaluator ([`engine`]), which records the
//! rules it skips ([`skip`]).

pub mod catalogue;
pub mod engine;
pub mod expr;
pub mod footprint;
pub mod functions;
pub mod native;
pub mod profile;
pub mod reference;
pub mod select;
pub mod skip;
pub mod template;

pub use catalogue::{Catalogue, CatalogueError, Rule, RuleDoc, RuleProgram};
pub use engine::{Engine, EngineError, EngineOptions, RuleRun};
pub use profile::Profile;
pub use skip::{SkipReason, Skipped};
