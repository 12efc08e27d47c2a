//! What the shopper sees, drawn with plain DOM calls: each file builds one
//! part and updates it; `crate::app` decides when.

pub mod bubble;
pub mod comment_box;
pub mod composer;
pub mod csat_prompt;
pub mod dom;
pub mod icons;
pub mod l10n;
pub mod message_list;
pub mod panel;
pub mod reason_form;
pub mod thumbs;
