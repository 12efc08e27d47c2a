//! Rated answers as a dataset (#31 §2), natively against SQLite with the
//! Worker's migrations: one line per rated message, each filter, and
//! pages that neither skip nor repeat a line.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

mod common;

use common::{SITE, T0, database, event, one, store, thumb};
use ledger::dataset::page;
use ledger::review::{Reviewer, write};
use protocol::dataset::{AnswerCursor, DatasetFilter, RatedAnswer, RatedAnswerRow};
use protocol::event::{RatedRole, Rating};
use protocol::read_api::InboxFilter;
use protocol::review::{Review, ReviewState};
use rusqlite::{Connection, params_from_iter};
use serde_json::json;

const WINDOW: (i64, i64) = (T0, T0 + 86_400_000);

/// The lines of one page.
fn lines(
    conn: &Connection,
    window: (i64, i64),
    filter: &DatasetFilter,
    after: Option<&AnswerCursor>,
    limit: u32,
) -> Vec<RatedAnswer> {
    let statement = page(SITE, window, filter, after, limit);
    let mut prepared = conn.prepare(&statement.sql).unwrap();
    prepared
        .query_map(params_from_iter(common::values(&statement.params)), |row| {
            row.get::<_, String>(0)
        })
        .unwrap()
        .map(|json| {
            serde_json::from_str::<RatedAnswerRow>(&json.unwrap())
                .unwrap()
                .line()
                .unwrap()
        })
        .collect()
}

/// `conversation/message` of every line the filter gives, in one page.
fn keys(conn: &Connection, filter: &DatasetFilter) -> Vec<String> {
    lines(conn, WINDOW, filter, None, 1000)
        .iter()
        .map(|line| {
            format!(
                "{}/{}",
                line.metadata.conversation_id, line.metadata.message_id
            )
        })
        .collect()
}

/// A thumb with everything a host page can give it.
fn full_thumb(
    id: &str,
    conversation: &str,
    message: &str,
    extra: serde_json::Value,
) -> protocol::Event {
    let mut value = json!({
        "id": id, "type": "message_feedback", "conversation_id": conversation,
        "at": T0 + 1_000, "locale": "en-US", "message_id": message, "rating": "down",
    });
    if let (Some(value), Some(extra)) = (value.as_object_mut(), extra.as_object()) {
        value.extend(extra.clone());
    }
    event(value)
}

fn shop(conn: &mut Connection) {
    store(
        conn,
        &[
            full_thumb(
                "ev_1",
                "c_1",
                "m_1",
                json!({
                    "question": "Where is my order?", "answer": "It ships today.",
                    "reason": "it did not", "tags": ["wrong"], "page": "/orders",
                    "meta": {"model": "gpt-4o", "trace_id": "t_1"},
                }),
            ),
            full_thumb(
                "ev_2",
                "c_1",
                "m_2",
                json!({"rating": "up", "meta": {"model": "gpt-4o-mini"}, "locale": "de"}),
            ),
            full_thumb("ev_3", "c_2", "m_1", json!({"role": "agent"})),
            // A thumb taken back is no line.
            full_thumb("ev_4", "c_2", "m_2", json!({"rating": "none"})),
            // Rated the day after the window.
            thumb("ev_5", "c_3", "m_1", "up", WINDOW.1 + 5),
            // A conversation whose context names the arm, and which a
            // person took over.
            event(json!({
                "id": "ev_6", "type": "csat_response", "conversation_id": "c_2",
                "at": T0 + 2_000, "locale": "en-US", "mode": "scale5", "score": 1,
                "context": {"arm": "b"}, "handed_over": true,
            })),
        ],
        T0 + 5_000,
    );
    let labels: Vec<String> = protocol::review::DEFAULT_LABELS
        .iter()
        .map(|label| label.to_string())
        .collect();
    let review = Review::from_json(
        r#"{"state": "reviewed", "note": "we said today", "labels": ["wrong answer"]}"#,
        &labels,
    )
    .unwrap();
    let reviewer = Reviewer {
        name: "owner",
        at: T0 + 9_000,
    };
    // UPDATE … RETURNING: one row back when the review was written.
    let statement = write(SITE, "ev_1", 1, &review, &reviewer);
    let mut prepared = conn.prepare(&statement.sql).unwrap();
    let written = prepared
        .query_map(params_from_iter(common::values(&statement.params)), |_| {
            Ok(())
        })
        .unwrap()
        .count();
    assert_eq!(written, 1);
}

#[test]
fn each_rated_message_is_one_line_with_its_text_meta_and_review() {
    let mut conn = database();
    shop(&mut conn);
    let all = lines(&conn, WINDOW, &DatasetFilter::default(), None, 1000);
    assert_eq!(all.len(), 3, "{all:?}");
    let first = &all[0];
    assert_eq!(first.input.as_deref(), Some("Where is my order?"));
    assert_eq!(first.output.as_deref(), Some("It ships today."));
    assert_eq!(
        (first.score, first.comment.as_deref()),
        (0, Some("it did not"))
    );
    let metadata = serde_json::to_value(&first.metadata).unwrap();
    assert_eq!(
        metadata["meta"],
        json!({"model": "gpt-4o", "trace_id": "t_1"})
    );
    assert_eq!(metadata["page"], "/orders");
    assert_eq!(metadata["tags"], json!(["wrong"]));
    assert_eq!(metadata["review_state"], "reviewed");
    assert_eq!(metadata["review_labels"], json!(["wrong answer"]));
    assert_eq!(metadata["review_note"], "we said today");
    assert_eq!(metadata["at"], T0 + 1_000);
    // The 👍 has no item; the agent's 👎 has an open one.
    assert_eq!((all[1].score, all[1].metadata.review_state), (1, None));
    assert_eq!(all[1].metadata.locale, "de");
    assert_eq!(all[2].metadata.role, RatedRole::Agent);
    assert_eq!(all[2].metadata.review_state, Some(ReviewState::Open));
    assert_eq!(all[2].input, None);
    // The lines are the thumbs the inbox counts for the same conversations.
    let counted: i64 = one(
        &conn,
        &format!(
            "SELECT sum(thumbs_up + thumbs_down) FROM conversations \
             WHERE site_key = '{SITE}' AND last_at < {}",
            WINDOW.1
        ),
    );
    assert_eq!(counted, 3);
}

#[test]
fn each_filter_narrows_to_the_lines_it_names() {
    let mut conn = database();
    shop(&mut conn);
    let inbox = |inbox: InboxFilter| DatasetFilter {
        inbox,
        rating: None,
    };
    let down = DatasetFilter {
        rating: Some(Rating::Down),
        ..DatasetFilter::default()
    };
    assert_eq!(keys(&conn, &down), ["c_1/m_1", "c_2/m_1"]);
    let up = DatasetFilter {
        rating: Some(Rating::Up),
        ..DatasetFilter::default()
    };
    assert_eq!(keys(&conn, &up), ["c_1/m_2"]);
    let cases = [
        (
            InboxFilter {
                review: Some(ReviewState::Open),
                ..InboxFilter::default()
            },
            vec!["c_2/m_1"],
        ),
        (
            InboxFilter {
                review: Some(ReviewState::Reviewed),
                ..InboxFilter::default()
            },
            vec!["c_1/m_1"],
        ),
        (
            InboxFilter {
                label: Some("wrong answer".into()),
                ..InboxFilter::default()
            },
            vec!["c_1/m_1"],
        ),
        (
            InboxFilter {
                label: Some("tone".into()),
                ..InboxFilter::default()
            },
            vec![],
        ),
        // The message's own meta, not its neighbour's.
        (
            InboxFilter {
                meta: Some(("model".into(), "gpt-4o".into())),
                ..InboxFilter::default()
            },
            vec!["c_1/m_1"],
        ),
        (
            InboxFilter {
                meta: Some(("trace_id".into(), "t_1".into())),
                ..InboxFilter::default()
            },
            vec!["c_1/m_1"],
        ),
        // The conversation's context reaches each of its messages.
        (
            InboxFilter {
                meta: Some(("arm".into(), "b".into())),
                ..InboxFilter::default()
            },
            vec!["c_2/m_1"],
        ),
        (
            InboxFilter {
                role: Some(RatedRole::Agent),
                ..InboxFilter::default()
            },
            vec!["c_2/m_1"],
        ),
        (
            InboxFilter {
                handed_over: Some(true),
                ..InboxFilter::default()
            },
            vec!["c_2/m_1"],
        ),
        (
            InboxFilter {
                locale: Some("de".into()),
                ..InboxFilter::default()
            },
            vec!["c_1/m_2"],
        ),
        (
            InboxFilter {
                page: Some("/orders".into()),
                ..InboxFilter::default()
            },
            vec!["c_1/m_1"],
        ),
        (
            InboxFilter {
                feedback: Some(protocol::read_api::FeedbackFilter::Downvote),
                ..InboxFilter::default()
            },
            vec!["c_2/m_1"],
        ),
    ];
    for (filter, expected) in cases {
        assert_eq!(keys(&conn, &inbox(filter.clone())), expected, "{filter:?}");
    }
    // The day after holds the one rated then.
    let next_day = lines(
        &conn,
        (WINDOW.1, WINDOW.1 + 86_400_000),
        &DatasetFilter::default(),
        None,
        10,
    );
    assert_eq!(next_day.len(), 1);
    assert_eq!(next_day[0].metadata.conversation_id, "c_3");
}

#[test]
fn pages_neither_skip_nor_repeat_a_line_while_thumbs_change() {
    let mut conn = database();
    let thumbs: Vec<_> = (0..25)
        .map(|n| {
            thumb(
                &format!("ev_{n}"),
                &format!("c_{}", n % 7),
                &format!("m_{n:02}"),
                if n % 3 == 0 { "down" } else { "up" },
                T0 + n,
            )
        })
        .collect();
    store(&mut conn, &thumbs, T0 + 100);
    let mut seen = Vec::new();
    let mut after: Option<AnswerCursor> = None;
    for round in 0..20 {
        let page = lines(&conn, WINDOW, &DatasetFilter::default(), after.as_ref(), 4);
        if round == 1 {
            // A shopper changes a thumb already sent and one still to come.
            store(
                &mut conn,
                &[
                    thumb("ev_x", "c_0", "m_00", "up", T0 + 50),
                    thumb("ev_y", "c_6", "m_20", "down", T0 + 50),
                ],
                T0 + 200,
            );
        }
        let Some(last) = page.last() else { break };
        after = Some(AnswerCursor {
            conversation_id: last.metadata.conversation_id.clone(),
            message_id: last.metadata.message_id.clone(),
        });
        seen.extend(page.iter().map(|line| {
            (
                line.metadata.conversation_id.clone(),
                line.metadata.message_id.clone(),
                line.score,
            )
        }));
    }
    let mut keys: Vec<_> = seen
        .iter()
        .map(|(c, m, _)| (c.clone(), m.clone()))
        .collect();
    let sent = keys.len();
    keys.dedup();
    assert_eq!((sent, keys.len()), (25, 25), "{seen:?}");
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "in the key's order");
    // The thumb changed after its page went out was sent as it was; the
    // one changed before its page, as it is now.
    let score = |message: &str| {
        seen.iter()
            .find(|(_, m, _)| m == message)
            .map(|(_, _, score)| *score)
    };
    assert_eq!(score("m_00"), Some(0));
    assert_eq!(score("m_20"), Some(0));
}
