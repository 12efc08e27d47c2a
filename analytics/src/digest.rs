//! The daily digest (#31 §3): at 09:00 in the site's time zone, once a
//! day, yesterday's ratings, satisfaction and response rate against the
//! day before, the open review items and the top knowledge gaps, as a
//! chat-ops message.

use chrono::{DateTime, Days, NaiveTime};
use chrono_tz::Tz;
use protocol::chat::{Block, ChatMessage, MAX_HEADER_CHARS, MAX_SECTION_CHARS, Text, escape};

use crate::gaps::Gap;
use crate::overview::{Overview, PeriodFigures};
use crate::window::Window;

/// The local hour the digest goes out at.
pub const HOUR: u32 = 9;
/// How many knowledge gaps it lists.
pub const GAPS: usize = 3;
/// The longest question it quotes, in characters: three of them, each
/// escaped at most fivefold (`&amp;`), stay inside Slack's 3,000.
const MAX_QUESTION_CHARS: usize = 150;

/// Yesterday, when the digest is due at `now_ms`: it is 09:00 or later
/// in the zone `zone` names (UTC without one, or with one this crate does
/// not know), and the last digest (`last_ms`) went out on an earlier
/// local day. `None` otherwise.
pub fn due(zone: Option<&str>, now_ms: i64, last_ms: Option<i64>) -> Option<Window> {
    let tz: Tz = zone.and_then(|zone| zone.parse().ok()).unwrap_or(Tz::UTC);
    let local = |ms: i64| DateTime::from_timestamp_millis(ms).map(|at| at.with_timezone(&tz));
    let now = local(now_ms)?;
    if now.time() < NaiveTime::from_hms_opt(HOUR, 0, 0)? {
        return None;
    }
    let today = now.date_naive();
    if let Some(last) = last_ms.and_then(local)
        && last.date_naive() >= today
    {
        return None;
    }
    let yesterday = today.checked_sub_days(Days::new(1))?;
    Window::days(yesterday, yesterday, tz).ok()
}

fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "–".into(), |share| format!("{:.0}%", share * 100.0))
}

fn average(value: Option<f64>) -> String {
    value.map_or_else(|| "–".into(), |value| format!("{value:.1}"))
}

fn ratings(period: &PeriodFigures) -> String {
    let thumbs = &period.thumbs;
    format!(
        "{} (👍 {}, 👎 {}; {} 👎)",
        thumbs.up + thumbs.down,
        thumbs.up,
        thumbs.down,
        percent(thumbs.down_share)
    )
}

/// What the digest's gaps part says: the top gaps, or why there are none.
fn gaps_text(gaps: &[Gap], text_kept: bool) -> String {
    if !text_kept {
        return "*Knowledge gaps*: this site does not keep the shoppers' questions \
                (Settings → Keep the question and the answer with each thumb)."
            .into();
    }
    if gaps.is_empty() {
        return "*Knowledge gaps*: no question was thumbed down more than once.".into();
    }
    let mut text = String::from("*Top knowledge gaps*");
    for (rank, gap) in gaps.iter().take(GAPS).enumerate() {
        // One line each: a shopper's line break would start a line of its own.
        let question: String = gap
            .question
            .chars()
            .take(MAX_QUESTION_CHARS)
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        text.push_str(&format!(
            "\n{}. “{}” ({} 👎)",
            rank + 1,
            escape(&question),
            gap.count
        ));
    }
    text
}

/// The digest for the site named `site`, from the Overview of yesterday
/// (whose previous period is the day before) and yesterday's gaps.
pub fn message(site: &str, overview: &Overview, gaps: &[Gap], text_kept: bool) -> ChatMessage {
    let (now, before) = (&overview.current, &overview.previous);
    let title = format!("Daily digest for {site}: {}", now.from);
    let figures = format!(
        "*Ratings*: {} — the day before: {}\n\
         *Satisfaction*: {} from {} answers — the day before: {} from {}\n\
         *Response rate*: {} — the day before: {}\n\
         *Open review items*: {}",
        ratings(now),
        ratings(before),
        average(now.csat.average),
        now.csat.rated,
        average(before.csat.average),
        before.csat.rated,
        percent(now.csat.response_rate),
        percent(before.csat.response_rate),
        overview.review.open,
    );
    let gaps = gaps_text(gaps, text_kept);
    ChatMessage {
        text: escape(&format!(
            "{title}. {}",
            figures.lines().next().unwrap_or_default()
        )),
        blocks: vec![
            Block::Header {
                text: Text::plain(&title, MAX_HEADER_CHARS),
            },
            Block::Section {
                // Numbers and the collector's own words: no markup to escape.
                text: Text::markup(&figures, MAX_SECTION_CHARS),
            },
            Block::Divider,
            Block::Section {
                text: Text::markup(&gaps, MAX_SECTION_CHARS),
            },
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::overview::{OverviewCounts, overview};
    use crate::{CsatTotals, ThumbsTotals};
    use chrono::NaiveDate;

    fn at(tz: Tz, day: &str, hour: u32) -> i64 {
        let day = NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap_or_default();
        day.and_hms_opt(hour, 0, 0)
            .and_then(|time| time.and_local_timezone(tz).earliest())
            .map_or(0, |time| time.timestamp_millis())
    }

    #[test]
    fn the_digest_is_due_from_nine_once_a_local_day() {
        let tz: Tz = "Asia/Tokyo".parse().unwrap_or(Tz::UTC);
        let zone = Some("Asia/Tokyo");
        let nine = at(tz, "2026-12-07", 9);
        assert_eq!(due(zone, nine - 60_000, None), None, "08:59");
        let window = due(zone, nine, None);
        assert_eq!(
            window.map(|window| window.first.to_string()),
            Some("2026-12-06".into())
        );
        assert_eq!(due(zone, nine + 3_600_000, Some(nine)), None, "sent today");
        // Sent yesterday evening local time: due again today.
        let last_evening = at(tz, "2026-12-06", 22);
        assert!(due(zone, nine + 60_000, Some(last_evening)).is_some());
        // Sent at 08:00 UTC on the 7th, which is 17:00 in Tokyo: sent today.
        let utc_morning = at(Tz::UTC, "2026-12-07", 8);
        assert_eq!(due(zone, nine + 10 * 3_600_000, Some(utc_morning)), None);
        // No zone, or one nobody knows: UTC.
        let utc_nine = at(Tz::UTC, "2026-12-07", 9);
        assert!(due(None, utc_nine, None).is_some());
        assert!(due(Some("Mars/Olympus"), utc_nine - 1, None).is_none());
    }

    #[test]
    fn the_message_sets_yesterday_against_the_day_before_and_lists_the_gaps() {
        let tz = Tz::UTC;
        let day = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap_or_default();
        let window = Window::days(day, day, tz).unwrap_or_else(|err| panic!("{err}"));
        let mut counts = OverviewCounts::default();
        counts.current.thumbs = ThumbsTotals { up: 30, down: 10 };
        counts.previous.thumbs = ThumbsTotals { up: 20, down: 20 };
        counts.current.csat = CsatTotals {
            offered: 10,
            accepted: 4,
            completed: 4,
            distribution: [0, 1, 1, 1, 1],
            ..CsatTotals::default()
        };
        counts.review.open = 7;
        let overview = overview(&window, &counts);
        let gap = Gap {
            question: "Do you ship to <Austria> & Swiss?\n2. fake".into(),
            count: 5,
            latest_at: 0,
            conversation_ids: Vec::new(),
            examples: Vec::new(),
        };
        let message = message("Trail Shop", &overview, &[gap], true);
        let Some(Block::Section {
            text: Text::Mrkdwn { text: figures },
        }) = message.blocks.get(1)
        else {
            panic!("{message:?}");
        };
        assert!(
            figures.starts_with(
                "*Ratings*: 40 (👍 30, 👎 10; 25% 👎) — the day before: 40 (👍 20, 👎 20; 50% 👎)\n"
            ),
            "{figures}"
        );
        assert!(figures.contains("*Satisfaction*: 3.5 from 4 answers — the day before: – from 0"));
        assert!(figures.contains("*Response rate*: 40% — the day before: –"));
        assert!(figures.ends_with("*Open review items*: 7"));
        assert_eq!(
            message.blocks.get(3),
            Some(&Block::Section {
                text: Text::Mrkdwn {
                    text: "*Top knowledge gaps*\n1. “Do you ship to &lt;Austria&gt; &amp; Swiss? 2. fake” (5 👎)"
                        .into()
                }
            })
        );
        assert_eq!(
            message.blocks.first(),
            Some(&Block::Header {
                text: Text::PlainText {
                    text: "Daily digest for Trail Shop: 2026-12-06".into()
                }
            })
        );
        let without = super::message("Trail Shop", &overview, &[], false);
        assert!(format!("{:?}", without.blocks.get(3)).contains("does not keep"));
    }
}
