#![no_main]
//! Any bytes, read as a JSON report and validated.

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| common::check(article7::Format::Json, data));
