//! The contract between the widget, the collector and the dashboard: what
//! the widget sends (events, the envelope) and how it is validated, the
//! limits both sides keep, the site owner's read API about conversations
//! (`read_api`), where an answer came from (`meta`), site settings (`settings`), who may do what (`access`),
//! secrets and webhooks. Pure Rust, no web or
//! worker dependencies, tested with plain `#[test]`s.

pub mod access;
pub mod alerts;
pub mod chat;
pub mod copy_versions;
pub mod csat;
pub mod databases;
pub mod dataset;
pub mod envelope;
pub mod event;
pub mod export_cursor;
pub mod ids;
pub mod limits;
pub mod locales;
pub mod meta;
pub mod read_api;
pub mod redact;
pub mod rejection;
pub mod repair;
pub mod review;
pub mod secret;
pub mod settings;
pub mod site_config;
pub mod survey;
pub mod text;
pub mod webhook;
pub mod webhook_url;

pub use access::{
    AccessKey, AuditEntry, CreatedKey, Holder, KeyList, Need, NewKey, RevokedKeys, Scope,
};
pub use copy_versions::{CopyVersion, CopyVersionText, VersionPrompts};
pub use csat::{CSAT_AMEND_WINDOW_MS, CsatMode, Satisfaction};
pub use envelope::{Envelope, IngestReport, ParsedEnvelope, correct_clock, parse_envelope};
pub use event::{
    ConversationContext, CsatDismissed, CsatOffered, CsatResponse, Event, EventHeader, EventKind,
    MessageFeedback, RatedRole, Rating,
};
pub use locales::{LocaleList, ShippedCopy};
pub use meta::{Meta, MetaInput, MetaValue};
pub use read_api::{
    ConversationDetail, ConversationPage, ConversationProvenance, ConversationRow,
    ConversationSummary, CsatMetrics, Cursor, ExportRow, FeedbackFilter, InboxFilter,
    MessageRating,
};
pub use rejection::{CopyFinding, ErrorBody, ErrorCode, FieldError, Rejection};
pub use settings::{Change, FieldErrors, Settings};
pub use site_config::{Kept, SiteConfig, WidgetConfig};
pub use webhook::{EventId, WebhookBody, WebhookFailure, WebhookFailures};
