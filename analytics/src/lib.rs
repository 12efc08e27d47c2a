//! The site owner's numbers, computed from aggregates the collector reads
//! out of D1: which instants a window of local days covers, CSAT figures
//! (average, distribution, response rate, net score), thumbs counts and
//! shares, the daily series in the site's time zone, and the comparison
//! with the previous period, and the Compare section's rows by a dimension
//! (`compare`). Pure Rust, tested natively.

pub mod alerts;
pub mod compare;
pub mod csv;
pub mod digest;
pub mod figures;
pub mod gaps;
pub mod overview;
pub mod window;

pub use figures::{CsatFigures, CsatTotals, ThumbsFigures, ThumbsTotals};
pub use gaps::{Downvote, Gap, GapsReport, knowledge_gaps};
pub use overview::{
    DayPoint, Deltas, HandOver, HandOverCounts, Overview, OverviewCounts, PeriodCounts,
    PeriodFigures, ReviewCounts, ReviewFigures, RoleCounts, RoleCsat, ScoreBucket, overview,
};
pub use window::{BUCKET_MS, Window, is_time_zone, iso_utc};
