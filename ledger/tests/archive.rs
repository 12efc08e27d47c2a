//! Moving cold conversations to R2 (#35) against real SQLite with the
//! Worker's migrations, the bucket played by a map: exactly the
//! conversations past the hot window leave D1, whole; the figures and the
//! review items stay as they were; the object holds every column of every
//! row, and put back it gives the same rows; a conversation that changed
//! after its rows were read (a new row, or an item opened again) is not
//! deleted, and its chunk is left `writing` for a run past the lease to
//! abandon; a committed chunk is never abandoned.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use std::collections::BTreeMap;

use common::archiving::*;
use common::{SITE, T0, answer, migrated, one, run_rows, store, thumb};
use ledger::archive::day_object::{self, Header};
use ledger::archive::{self, erasure};
use rusqlite::Connection;
use serde_json::json;

#[test]
fn exactly_the_cold_conversations_leave_whole_and_the_figures_and_reviews_stay() {
    let mut conn = migrated();
    site(&conn, Some(30));
    let now = T0 + 100 * DAY;
    conversation(&mut conn, "old1", T0);
    conversation(&mut conn, "old2", T0 + 1000);
    conversation(&mut conn, "open", T0 + 2000);
    conversation(&mut conn, "hot", now - 29 * DAY);
    review(&conn, "old1");
    review(&conn, "old2");
    review(&conn, "hot");
    let kept_before = snapshot(&conn, &KEPT);
    let rows_before = snapshot(&conn, &archive::TABLES);

    let begun = begin(&mut conn, now).unwrap();
    let ids: Vec<&str> = begun
        .chunk
        .conversations
        .iter()
        .map(|c| c.conversation_id.as_str())
        .collect();
    assert_eq!(
        ids,
        ["old1", "old2"],
        "a conversation with an open item stays hot"
    );
    assert_eq!(begun.chunk.day, "2027-01-15");
    assert_eq!(begun.number, 1);
    assert_eq!(state(&conn, &begun), "writing");

    // The object read back is what was written, every column of every row.
    let read = day_object::verify(&begun.encoded.bytes, &begun.header, &begun.encoded).unwrap();
    assert_eq!(read.lines.len(), 2 * (1 + 2 + 3));
    let commit = archive::commit(SITE, begun.number, &begun.chunk, &begun.written());
    run_rows(&mut conn, &commit);
    assert_eq!(state(&conn, &begun), "kept");

    for table in archive::TABLES {
        for gone in ["old1", "old2"] {
            assert_eq!(rows_of(&conn, table, gone), 0, "{table} {gone}");
        }
        for stays in ["open", "hot"] {
            assert!(rows_of(&conn, table, stays) > 0, "{table} {stays}");
        }
    }
    assert_eq!(
        snapshot(&conn, &KEPT),
        kept_before,
        "figures and reviews unchanged"
    );
    assert_eq!(
        one::<i64>(
            &conn,
            "SELECT count(*) FROM archived_conversations WHERE day = '2027-01-15' AND chunk = 1"
        ),
        2
    );

    // Put back, the rows are the rows they were, and the figures still
    // count each once.
    run_rows(&mut conn, &archive::restore(SITE, &read.lines));
    assert_eq!(snapshot(&conn, &archive::TABLES), rows_before);
    assert_eq!(snapshot(&conn, &KEPT), kept_before);

    // A commit run again changes nothing.
    let changed: i64 = run_rows(&mut conn, &commit)
        .iter()
        .map(|ran| ran.changed)
        .sum();
    assert_eq!(changed, 0);
}

#[test]
fn a_site_without_the_setting_keeps_ninety_days_and_a_bad_setting_nothing_moves() {
    let mut conn = migrated();
    site(&conn, None);
    conversation(&mut conn, "c", T0);
    review(&conn, "c");
    assert!(begin(&mut conn, T0 + 89 * DAY).is_none());
    assert!(begin(&mut conn, T0 + 91 * DAY).is_some());

    let mut conn = migrated();
    site(&conn, Some(3));
    conversation(&mut conn, "c", T0);
    review(&conn, "c");
    assert!(
        begin(&mut conn, T0 + 400 * DAY).is_none(),
        "hot_days below 7 is not a setting: the site is left alone"
    );
}

/// Begins a chunk of conversation `c` (last active at [`T0`], its items
/// reviewed), changes it with `change`, and commits: what the commit
/// changed, and the rows before the commit.
fn commit_after(
    change: impl FnOnce(&mut Connection, i64),
) -> (Connection, Begun, i64, BTreeMap<String, Vec<String>>) {
    let mut conn = migrated();
    site(&conn, Some(7));
    conversation(&mut conn, "c", T0);
    review(&conn, "c");
    let now = T0 + 10 * DAY;
    let begun = begin(&mut conn, now).unwrap();
    let before = snapshot(&conn, &archive::TABLES);
    change(&mut conn, now);
    let after_change = snapshot(&conn, &archive::TABLES);
    assert_ne!(before, after_change, "the change changed the rows");
    let ran = run_rows(
        &mut conn,
        &archive::commit(SITE, begun.number, &begun.chunk, &begun.written()),
    );
    let changed: i64 = ran.iter().map(|ran| ran.changed).sum();
    (conn, begun, changed, after_change)
}

#[test]
fn a_conversation_that_changed_after_its_rows_were_read_stays_and_its_chunk_is_abandoned() {
    // New activity after the read: a late thumb moves `last_at`.
    let (mut conn, begun, changed, after) = commit_after(|conn, now| {
        store(conn, &[thumb("late", "c", "m3", "up", now - DAY)], now);
    });
    assert_eq!(changed, 0, "the commit did nothing");
    assert_eq!(snapshot(&conn, &archive::TABLES), after);
    assert_eq!(state(&conn, &begun), "writing");

    // Within the lease another run leaves it; after it, a run finds it,
    // marks it, and forgets it once its object is gone.
    let unfinished = |conn: &Connection, now: i64| -> Vec<(String, String, i64)> {
        let mut read = conn.prepare(&archive::unfinished()).unwrap();
        read.query_map([now], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let written_at = T0 + 10 * DAY;
    assert!(unfinished(&conn, written_at + archive::LEASE_MS).is_empty());
    assert_eq!(
        unfinished(&conn, written_at + archive::LEASE_MS + 1),
        [(SITE.to_string(), begun.chunk.day.clone(), begun.number)]
    );
    let marked = run_rows(
        &mut conn,
        &[archive::abandon(SITE, &begun.chunk.day, begun.number)],
    );
    assert_eq!(marked[0].changed, 1);
    // Abandoned, it can no longer commit.
    let ran = run_rows(
        &mut conn,
        &archive::commit(SITE, begun.number, &begun.chunk, &begun.written()),
    );
    assert_eq!(ran.iter().map(|ran| ran.changed).sum::<i64>(), 0);
    run_rows(
        &mut conn,
        &[archive::forget(SITE, &begun.chunk.day, begun.number)],
    );
    assert_eq!(one::<i64>(&conn, "SELECT count(*) FROM archive_chunks"), 0);
}

#[test]
fn an_export_holds_the_archive_off_its_site_while_it_reads() {
    let mut conn = migrated();
    site(&conn, Some(7));
    conversation(&mut conn, "c", T0);
    review(&conn, "c");
    let now = T0 + 10 * DAY;
    let hold = |conn: &mut Connection, until: i64| {
        run_rows(conn, &[archive::reading::hold(SITE, until)]);
    };

    // A run does not start on a site an export reads.
    hold(&mut conn, now + 1);
    assert!(begin(&mut conn, now).is_none());
    // Once the hold lapses, it does.
    let begun = begin(&mut conn, now + 1).unwrap();
    // An export that began after the chunk did holds off its commit.
    let rows = snapshot(&conn, &archive::TABLES);
    hold(&mut conn, now + 1 + archive::reading::HOLD_MS);
    let ran = run_rows(
        &mut conn,
        &archive::commit(SITE, begun.number, &begun.chunk, &begun.written()),
    );
    assert_eq!(ran.iter().map(|ran| ran.changed).sum::<i64>(), 0);
    assert_eq!(snapshot(&conn, &archive::TABLES), rows);
    // A renewal never shortens a hold.
    hold(&mut conn, now);
    assert_eq!(
        one::<i64>(&conn, "SELECT until FROM export_holds"),
        now + 1 + archive::reading::HOLD_MS
    );
}

#[test]
fn an_event_older_than_the_last_activity_or_a_reopened_item_also_stops_the_commit() {
    // An event dated before `last_at` (a queued request written late)
    // adds a row without moving `last_at`.
    let (conn, begun, changed, after) = commit_after(|conn, _| {
        store(conn, &[thumb("early", "c", "m3", "up", T0 - 5_000)], T0 + 1);
    });
    assert_eq!(changed, 0, "a late row stops the commit");
    assert_eq!(snapshot(&conn, &archive::TABLES), after);
    assert_eq!(state(&conn, &begun), "writing");

    // A reviewed item opened again: the conversation is hot again.
    let mut conn = migrated();
    site(&conn, Some(7));
    conversation(&mut conn, "c", T0);
    review(&conn, "c");
    let begun = begin(&mut conn, T0 + 10 * DAY).unwrap();
    conn.execute(
        "UPDATE review_items SET state = 'open' WHERE conversation_id = 'c' AND message_id = ''",
        [],
    )
    .unwrap();
    let ran = run_rows(
        &mut conn,
        &archive::commit(SITE, begun.number, &begun.chunk, &begun.written()),
    );
    assert_eq!(ran.iter().map(|ran| ran.changed).sum::<i64>(), 0);
    assert_eq!(one::<i64>(&conn, "SELECT count(*) FROM conversations"), 1);
}

#[test]
fn a_committed_chunk_is_never_abandoned() {
    let mut conn = migrated();
    site(&conn, Some(7));
    conversation(&mut conn, "c", T0);
    review(&conn, "c");
    let begun = begin(&mut conn, T0 + 10 * DAY).unwrap();
    run_rows(
        &mut conn,
        &archive::commit(SITE, begun.number, &begun.chunk, &begun.written()),
    );
    let marked = run_rows(
        &mut conn,
        &[archive::abandon(SITE, &begun.chunk.day, begun.number)],
    );
    assert_eq!(marked[0].changed, 0);
    assert_eq!(state(&conn, &begun), "kept");
}

#[test]
fn chunks_of_one_day_are_numbered_in_turn_and_each_holds_whole_conversations() {
    let mut conn = migrated();
    site(&conn, Some(7));
    // 3,000 conversations of 2 rows each (the row and its answer) on one
    // day: chunks of whole conversations, each of at most the candidates
    // read at once, then nothing.
    for batch in 0..30 {
        let events: Vec<_> = (0..100)
            .map(|n| {
                let c = format!("c{batch:02}{n:02}");
                answer(&format!("{c}_a"), &c, 4, T0 + batch * 100 + n)
            })
            .collect();
        store(&mut conn, &events, T0 + 3_000);
    }
    let now = T0 + 30 * DAY;
    let mut numbers = Vec::new();
    while let Some(begun) = begin(&mut conn, now) {
        assert!(begun.encoded.rows <= archive::CHUNK_ROWS);
        assert_eq!(begun.encoded.rows % 2, 0, "whole conversations");
        run_rows(
            &mut conn,
            &archive::commit(SITE, begun.number, &begun.chunk, &begun.written()),
        );
        assert_eq!(state(&conn, &begun), "kept");
        numbers.push(begun.number);
    }
    assert_eq!(numbers, [1, 2]);
    assert_eq!(archive::CANDIDATES, 2_000);
    assert_eq!(one::<i64>(&conn, "SELECT count(*) FROM conversations"), 0);
    assert_eq!(
        one::<i64>(&conn, "SELECT count(*) FROM archived_conversations"),
        3_000
    );

    // The day's last chunk emptied (erasures took everything in it): the
    // next chunk of the day does not take its number, which an export's
    // cursor may name.
    let day: String = one(&conn, "SELECT day FROM archive_chunks WHERE chunk = 2");
    run_rows(&mut conn, &[erasure::emptied(SITE, &day, 2)]);
    store(
        &mut conn,
        &[answer("late_a", "late", 4, T0 + 2_999)],
        T0 + 3_000,
    );
    let begun = begin(&mut conn, now).unwrap();
    assert_eq!((begun.chunk.day.as_str(), begun.number), (day.as_str(), 3));
}

#[test]
fn an_object_that_is_not_what_was_written_is_refused() {
    let header = Header {
        format: day_object::FORMAT,
        site_key: SITE.into(),
        day: "2027-01-15".into(),
        chunk: 1,
    };
    let row = json!({
        "conversation_id": "c", "first_at": 1, "last_at": 2, "locale": "de",
        "csat_mode": null, "csat_offered_at": null, "csat_dismissed_at": null,
        "csat_answered_at": null, "csat_score": null, "csat_comment": "ü \"x\"\n",
        "csat_completed": 0, "csat_at": null, "csat_event_id": null,
        "csat_received_at": null, "csat_copy_locale": null, "csat_copy_version": null,
        "thumbs_up": 0, "thumbs_down": 0, "handed_over": 0, "context": "{}", "page": null,
    })
    .to_string();
    let written = day_object::encode(&header, &[("conversations", &row)]).unwrap();
    assert!(day_object::verify(&written.bytes, &header, &written).is_ok());

    let other = day_object::encode(&header, &[("conversations", &row.replace("ü", "u"))]).unwrap();
    let err = day_object::verify(&other.bytes, &header, &written).unwrap_err();
    assert!(err.to_string().contains("checksum"), "{err}");

    let none = day_object::encode(&header, &[]).unwrap();
    let err = day_object::verify(&none.bytes, &header, &written).unwrap_err();
    assert!(
        err.to_string().contains("0 rows read back, 1 written"),
        "{err}"
    );

    let moved = Header {
        chunk: 2,
        ..header.clone()
    };
    assert!(day_object::verify(&written.bytes, &moved, &written).is_err());
    assert!(day_object::verify(&written.bytes[..10], &header, &written).is_err());
    assert!(day_object::decode(b"not gzip").is_err());

    let missing = row
        .replace("\"page\":null,", "")
        .replace(",\"page\":null", "");
    let err = day_object::encode(&header, &[("conversations", &missing)]).unwrap_err();
    assert!(err.to_string().contains("columns"), "{err}");
    let err = day_object::encode(&header, &[("sites", "{}")]).unwrap_err();
    assert!(err.to_string().contains("not archived"), "{err}");
}

#[test]
fn an_archived_conversation_erased_leaves_the_figures_as_if_it_had_never_been() {
    let now = T0 + 100 * DAY;
    // Two conversations archived, then one erased ...
    let mut conn = migrated();
    site(&conn, Some(30));
    conversation(&mut conn, "gone", T0);
    conversation(&mut conn, "stays", T0 + 1000);
    review(&conn, "gone");
    review(&conn, "stays");
    let archived = archive_all(&mut conn, now);
    let lines: Vec<day_object::Line> = archived
        .iter()
        .flat_map(|(_, lines)| lines.iter().cloned())
        .collect();
    let of_gone: Vec<day_object::Line> = erasure::of_conversation(&lines, "gone")
        .into_iter()
        .cloned()
        .collect();
    assert_eq!(of_gone.len(), 6);
    let erase = erasure::erase(SITE, "gone", &of_gone);
    let ran = run_rows(&mut conn, &erase);
    let figures = snapshot(&conn, &KEPT);

    // ... is what storing and archiving only the other leaves.
    let mut only = migrated();
    site(&only, Some(30));
    conversation(&mut only, "stays", T0 + 1000);
    review(&only, "stays");
    archive_all(&mut only, now);
    assert_eq!(figures, snapshot(&only, &KEPT));
    for table in archive::TABLES {
        assert_eq!(rows_of(&conn, table, "gone"), 0, "{table}");
    }
    assert!(ran.iter().any(|ran| ran.changed > 0));

    // A repeat (the object not yet written again) changes no figure.
    run_rows(&mut conn, &erasure::erase(SITE, "gone", &of_gone));
    assert_eq!(snapshot(&conn, &KEPT), figures);

    // The object without it, and its entry forgotten.
    let kept = erasure::without(lines.clone(), "gone").unwrap();
    assert_eq!(kept.len(), lines.len() - 6);
    assert!(erasure::of_conversation(&kept, "gone").is_empty());
    assert_eq!(
        erasure::without(kept, "gone"),
        None,
        "nothing more to write"
    );
    let (begun, _) = &archived[0];
    run_rows(
        &mut conn,
        &[erasure::forget(
            SITE,
            "gone",
            &begun.chunk.day,
            begun.number,
        )],
    );
    assert_eq!(
        one::<i64>(
            &conn,
            "SELECT count(*) FROM archived_conversations WHERE conversation_id = 'gone'"
        ),
        0
    );
}
