//! The declarative rule engine: rule files ([`catalogue`]), selectors
//! ([`select`]), expressions ([`expr`], [`functions`], [`template`]) and the
//! evaluator ([`engine`]).

pub mod catalogue;
pub mod engine;
pub mod expr;
pub mod footprint;
pub mod functions;
pub mod native;
pub mod select;
pub mod template;

pub use catalogue::{Catalogue, CatalogueError, Rule};
pub use engine::{Engine, EngineOptions, RuleRun};
