//! The feedback protocol shared by the widget (which sends) and the edge
//! collector (which validates and stores): wire types, their validation and
//! the limits both sides respect. Pure Rust, no web or worker dependencies.

pub mod conversation;
pub mod csat;
pub mod envelope;
pub mod event;
pub mod ids;
pub mod limits;
pub mod locales;
pub mod rejection;
pub mod repair;
pub mod secret;
pub mod site_config;
pub mod text;
pub mod webhook;
pub mod webhook_url;

pub use conversation::{
    ConversationDetail, ConversationPage, ConversationRow, ConversationSummary, CsatMetrics,
    Cursor, ExportRow, FeedbackFilter, MessageRating,
};
pub use csat::{CSAT_AMEND_WINDOW_MS, CsatMode, Satisfaction};
pub use envelope::{Envelope, IngestReport, ParsedEnvelope, correct_clock, parse_envelope};
pub use event::{
    CsatDismissed, CsatOffered, CsatResponse, Event, EventHeader, EventKind, MessageFeedback,
    Rating,
};
pub use locales::{LocaleList, ShippedCopy};
pub use rejection::{ErrorBody, ErrorCode, FieldError, Rejection};
pub use site_config::{SiteConfig, WidgetConfig};
pub use webhook::{EventId, WebhookBody, WebhookFailure, WebhookFailures};
