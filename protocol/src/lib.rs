//! The feedback protocol shared by the widget (which sends) and the edge
//! collector (which validates and stores): wire types, their validation and
//! the limits both sides respect. Pure Rust, no web or worker dependencies.

pub mod conversation;
pub mod envelope;
pub mod event;
pub mod ids;
pub mod limits;
pub mod rejection;
pub mod secret;

pub use conversation::{ConversationFeedback, MessageRating};
pub use envelope::{Envelope, IngestReport, ParsedEnvelope, correct_clock, parse_envelope};
pub use event::{Event, EventHeader, EventKind, MessageFeedback, Rating};
pub use rejection::{ErrorBody, ErrorCode, FieldError, Rejection};
