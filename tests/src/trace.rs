//! Chromium trace events (as chromedriver's performance log hands them
//! over) read for the one figure the benchmarks need: how long each task
//! ran on a page's main thread.

use std::collections::HashMap;

use serde_json::Value;

/// A thread: its process and thread ids.
type Thread = (Option<u64>, Option<u64>);

fn field(event: &Value, name: &str) -> Value {
    event.get(name).cloned().unwrap_or(Value::Null)
}

fn thread(event: &Value) -> Thread {
    (field(event, "pid").as_u64(), field(event, "tid").as_u64())
}

/// A complete event's start and length, in microseconds.
fn span(event: &Value) -> (f64, f64) {
    (
        field(event, "ts").as_f64().unwrap_or(0.0),
        field(event, "dur").as_f64().unwrap_or(0.0),
    )
}

/// The `RunTask`s (start and length, µs) of the renderer main thread
/// (`CrRendererMain`) that was busiest in `events`: the page measured,
/// not `about:blank` or a spare renderer; and that thread.
fn busiest(events: &[Value]) -> Option<(Thread, Vec<(f64, f64)>)> {
    let mains: Vec<Thread> = events
        .iter()
        .filter(|event| field(event, "ph") == "M" && field(event, "name") == "thread_name")
        .filter(|event| event.pointer("/args/name") == Some(&Value::from("CrRendererMain")))
        .map(thread)
        .collect();
    let mut tasks: HashMap<Thread, Vec<(f64, f64)>> = HashMap::new();
    for event in events {
        let main = mains.contains(&thread(event));
        if main && field(event, "ph") == "X" && field(event, "name") == "RunTask" {
            tasks.entry(thread(event)).or_default().push(span(event));
        }
    }
    let total = |tasks: &Vec<(f64, f64)>| tasks.iter().map(|(_, dur)| dur).sum::<f64>();
    tasks
        .into_iter()
        .max_by(|(_, a), (_, b)| total(a).total_cmp(&total(b)))
}

/// The durations (ms) of the `RunTask`s on the renderer main thread
/// that was busiest in `events` (see [`busiest`]).
pub fn busiest_main_thread(events: &[Value]) -> Vec<f64> {
    busiest(events)
        .map(|(_, tasks)| tasks.iter().map(|(_, dur)| dur / 1000.0).collect())
        .unwrap_or_default()
}

/// What the longest of those tasks spent its time in: the events on its
/// thread that lie within it, their milliseconds summed by name (nested
/// events each count, so the sums overlap), largest first, `most` of
/// them. Where a task over the budget goes, for the next person to look.
pub fn inside_longest_task(events: &[Value], most: usize) -> Vec<(String, f64)> {
    let Some((main, tasks)) = busiest(events) else {
        return Vec::new();
    };
    let Some((start, dur)) = tasks.into_iter().max_by(|a, b| a.1.total_cmp(&b.1)) else {
        return Vec::new();
    };
    let mut by_name: HashMap<String, f64> = HashMap::new();
    for event in events {
        let (at, took) = span(event);
        let name = field(event, "name");
        let name = name.as_str().unwrap_or_default();
        if thread(event) == main
            && field(event, "ph") == "X"
            && name != "RunTask"
            && at >= start
            && at + took <= start + dur
        {
            *by_name.entry(name.to_string()).or_default() += took / 1000.0;
        }
    }
    let mut inside: Vec<(String, f64)> = by_name.into_iter().collect();
    inside.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    inside.truncate(most);
    inside
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn name(pid: u64, tid: u64, thread: &str) -> Value {
        json!({ "ph": "M", "name": "thread_name", "pid": pid, "tid": tid, "args": { "name": thread } })
    }

    fn task(pid: u64, tid: u64, name: &str, micros: u64) -> Value {
        json!({ "ph": "X", "name": name, "pid": pid, "tid": tid, "ts": 0, "dur": micros })
    }

    #[test]
    fn the_busiest_renderers_main_thread_tasks_are_read_and_no_others() {
        let events = [
            name(1, 1, "CrBrowserMain"),
            name(2, 2, "CrRendererMain"),
            name(2, 9, "Compositor"),
            name(3, 3, "CrRendererMain"),
            task(1, 1, "RunTask", 90_000),
            task(2, 9, "RunTask", 80_000),
            task(2, 2, "RunTask", 12_500),
            task(2, 2, "RunTask", 30_000),
            task(2, 2, "ThreadControllerImpl::RunTask", 70_000),
            task(3, 3, "RunTask", 20_000),
        ];
        assert_eq!(busiest_main_thread(&events), vec![12.5, 30.0]);
        assert!(busiest_main_thread(&[]).is_empty());
    }

    fn at(tid: u64, name: &str, start: u64, micros: u64) -> Value {
        json!({ "ph": "X", "name": name, "pid": 2, "tid": tid, "ts": start, "dur": micros })
    }

    #[test]
    fn what_the_longest_task_spent_its_time_in_is_summed_by_name() {
        let events = [
            name(2, 2, "CrRendererMain"),
            name(2, 9, "Compositor"),
            at(2, "RunTask", 0, 10_000),
            at(2, "Layout", 1_000, 8_000),
            at(2, "RunTask", 20_000, 40_000),
            at(2, "FunctionCall", 20_000, 30_000),
            at(2, "Layout", 50_000, 6_000),
            at(2, "Layout", 52_000, 2_000),
            at(2, "Paint", 59_000, 2_000),
            at(9, "Layout", 21_000, 9_000),
        ];
        assert_eq!(
            inside_longest_task(&events, 5),
            [
                ("FunctionCall".to_string(), 30.0),
                ("Layout".to_string(), 8.0)
            ]
        );
        assert_eq!(inside_longest_task(&events, 1).len(), 1);
        assert!(inside_longest_task(&[], 5).is_empty());
    }
}
