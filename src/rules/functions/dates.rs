//! Date arithmetic on `YYYY-MM-DD` text (the report model's dates):
//! `add_days`, `add_months`, `add_years`, `year_of`. Results are `YYYY-MM-DD` text, which
//! compares correctly with `<`, `<=`, `==` against other dates.

use cel::{ExecutionError, Value};
use chrono::{Datelike, Duration, NaiveDate};
use std::sync::Arc;

fn parse(function: &str, s: &str) -> Result<NaiveDate, ExecutionError> {
    parse_date(s).ok_or_else(|| {
        ExecutionError::function_error(function, format!("`{s}` is not a YYYY-MM-DD date"))
    })
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn plus_days(d: NaiveDate, days: i64) -> Option<NaiveDate> {
    d.checked_add_signed(Duration::try_days(days)?)
}

/// The same day `months` months later; a day the month lacks (31 August
/// + 6 months) becomes its last day, as calendar months are counted.
fn plus_months(d: NaiveDate, months: i64) -> Option<NaiveDate> {
    let total = d.year() as i64 * 12 + d.month0() as i64 + months;
    let year = i32::try_from(total.div_euclid(12)).ok()?;
    let month = u32::try_from(total.rem_euclid(12)).ok()? + 1;
    (0..4).find_map(|back| NaiveDate::from_ymd_opt(year, month, d.day().checked_sub(back)?))
}

fn plus_years(d: NaiveDate, years: i64) -> Option<NaiveDate> {
    let year = i32::try_from(d.year() as i64 + years).ok()?;
    NaiveDate::from_ymd_opt(year, d.month(), d.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, d.month(), d.day() - 1))
}

/// `add_days` on plain text (`None` where the CEL function fails).
pub fn add_days_to(date: &str, days: i64) -> Option<String> {
    plus_days(parse_date(date)?, days).map(text)
}

/// `add_months` on plain text (`None` where the CEL function fails).
pub fn add_months_to(date: &str, months: i64) -> Option<String> {
    plus_months(parse_date(date)?, months).map(text)
}

/// `add_years` on plain text (`None` where the CEL function fails).
pub fn add_years_to(date: &str, years: i64) -> Option<String> {
    plus_years(parse_date(date)?, years).map(text)
}

/// `year_of` on plain text (`None` where the CEL function fails).
pub fn year_of_text(date: &str) -> Option<i64> {
    parse_date(date).map(|d| d.year() as i64)
}

pub fn add_days(date: Arc<String>, days: i64) -> Result<Value, ExecutionError> {
    let d = parse("add_days", &date)?;
    plus_days(d, days)
        .map(|d| Value::String(Arc::new(text(d))))
        .ok_or_else(|| ExecutionError::function_error("add_days", "date out of range"))
}

pub fn add_months(date: Arc<String>, months: i64) -> Result<Value, ExecutionError> {
    let d = parse("add_months", &date)?;
    plus_months(d, months)
        .map(|d| Value::String(Arc::new(text(d))))
        .ok_or_else(|| ExecutionError::function_error("add_months", "date out of range"))
}

pub fn add_years(date: Arc<String>, years: i64) -> Result<Value, ExecutionError> {
    let d = parse("add_years", &date)?;
    i32::try_from(d.year() as i64 + years)
        .map_err(|_| ExecutionError::function_error("add_years", "year out of range"))?;
    plus_years(d, years)
        .map(|d| Value::String(Arc::new(text(d))))
        .ok_or_else(|| ExecutionError::function_error("add_years", "date out of range"))
}

pub fn year_of(date: Arc<String>) -> Result<i64, ExecutionError> {
    Ok(parse("year_of", &date)?.year() as i64)
}

#[cfg(test)]
mod tests {
    use super::super::eval;
    use cel::Value;
    use serde_json::json;

    fn s(v: &str) -> Value {
        Value::String(std::sync::Arc::new(v.to_owned()))
    }

    #[test]
    fn adds_days_across_months_and_leap_years() {
        assert_eq!(
            eval("add_days('2000-01-01', 180)", json!({})).unwrap(),
            s("2000-06-29")
        );
        assert_eq!(
            eval("add_days('2019-02-28', 1)", json!({})).unwrap(),
            s("2019-03-01")
        );
        assert_eq!(
            eval("add_days('2020-03-01', -1)", json!({})).unwrap(),
            s("2020-02-29")
        );
    }

    #[test]
    fn adds_months_to_the_last_day_of_shorter_months() {
        assert_eq!(
            eval("add_months('2021-03-15', 6)", json!({})).unwrap(),
            s("2021-09-15")
        );
        assert_eq!(
            eval("add_months('2021-08-31', 6)", json!({})).unwrap(),
            s("2022-02-28")
        );
        assert_eq!(
            eval("add_months('2023-08-31', 6)", json!({})).unwrap(),
            s("2024-02-29")
        );
        assert_eq!(
            eval("add_months('2021-01-31', -2)", json!({})).unwrap(),
            s("2020-11-30")
        );
        assert!(eval("add_months('2021-02-30', 1)", json!({})).is_err());
    }

    #[test]
    fn adds_years_clamping_29_february() {
        assert_eq!(
            eval("add_years('2000-01-01', 10)", json!({})).unwrap(),
            s("2010-01-01")
        );
        assert_eq!(
            eval("add_years('2020-02-29', 1)", json!({})).unwrap(),
            s("2021-02-28")
        );
    }

    #[test]
    fn year_of_a_date_and_string_comparison() {
        assert_eq!(
            eval("year_of('2019-12-31')", json!({})).unwrap(),
            Value::Int(2019)
        );
        let v = eval("add_years('2000-01-01', 4) < '2004-01-02'", json!({})).unwrap();
        assert_eq!(v, Value::Bool(true));
    }

    #[test]
    fn refuses_malformed_dates() {
        assert!(eval("year_of('2019-13-01')", json!({})).is_err());
        assert!(eval("add_days('31/12/2019', 1)", json!({})).is_err());
    }
}
