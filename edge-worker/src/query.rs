//! Reading query parameters, with clear errors for bad ones.

use std::collections::HashMap;

use analytics::Window;
use protocol::ErrorCode;
use worker::{Date, Request, Result};

use crate::refusal::Refusal;
use crate::sites::Site;

/// A request's query parameters (the last of repeated names wins).
pub struct Query(HashMap<String, String>);

impl Query {
    /// The parameters of `req`.
    pub fn of(req: &Request) -> Result<Self> {
        Ok(Self(req.url()?.query_pairs().into_owned().collect()))
    }

    /// The names of every parameter given.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }

    /// The value of `name`, when given and not empty.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .get(name)
            .map(String::as_str)
            .filter(|value| !value.is_empty())
    }

    /// The inbox's filters (`feedback`, `role`, `handed_over`,
    /// `meta.<key>`), with a refusal naming a bad one.
    pub fn inbox_filter(&self) -> std::result::Result<protocol::InboxFilter, Refusal> {
        protocol::InboxFilter::parse(|name| self.get(name), self.names())
            .map_err(|problem| Refusal::new(ErrorCode::InvalidField, problem))
    }

    /// `limit`: `default` when absent, else 1 to `max`.
    pub fn limit(&self, default: u32, max: u32) -> std::result::Result<u32, Refusal> {
        match self.get("limit").map(str::parse::<u32>) {
            None => Ok(default),
            Some(Ok(limit)) if (1..=max).contains(&limit) => Ok(limit),
            Some(_) => Err(Refusal::new(
                ErrorCode::InvalidField,
                format!("`limit` must be 1 to {max}"),
            )),
        }
    }

    /// `from` (or `days`), `to` and `tz` as a window of local days (see
    /// `analytics::Window`); without `tz`, in the site's time zone.
    pub fn window(&self, site: &Site) -> std::result::Result<Window, Refusal> {
        let now = Date::now().as_millis() as i64;
        let tz = self.get("tz").or_else(|| site.time_zone());
        let invalid = |problem: String| Refusal::new(ErrorCode::InvalidField, problem);
        let window = Window::parse(self.get("from"), self.get("to"), tz, now).map_err(invalid)?;
        match (self.get("days"), self.get("from")) {
            (None, _) => Ok(window),
            (Some(_), Some(_)) => Err(invalid("give `days` or `from`, not both".into())),
            (Some(days), None) => {
                let days = days.parse().map_err(|_| {
                    invalid(format!("`days` must be a number of days, not {days:?}"))
                })?;
                window.last_days(days).map_err(invalid)
            }
        }
    }
}
