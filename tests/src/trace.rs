//! Chromium trace events (as chromedriver's performance log hands them
//! over) read for the one figure the benchmarks need: how long each task
//! ran on a page's main thread.

use std::collections::HashMap;

use serde_json::Value;

/// The durations (ms) of the `RunTask`s on the renderer main thread
/// (`CrRendererMain`) that was busiest in `events`: the page measured,
/// not `about:blank` or a spare renderer.
pub fn busiest_main_thread(events: &[Value]) -> Vec<f64> {
    let field = |event: &Value, name: &str| event.get(name).cloned().unwrap_or(Value::Null);
    let thread = |event: &Value| (field(event, "pid").as_u64(), field(event, "tid").as_u64());
    let mains: Vec<_> = events
        .iter()
        .filter(|event| field(event, "ph") == "M" && field(event, "name") == "thread_name")
        .filter(|event| event.pointer("/args/name") == Some(&Value::from("CrRendererMain")))
        .map(thread)
        .collect();
    let mut tasks: HashMap<(Option<u64>, Option<u64>), Vec<f64>> = HashMap::new();
    for event in events {
        let main = mains.contains(&thread(event));
        if main && field(event, "ph") == "X" && field(event, "name") == "RunTask" {
            let ms = field(event, "dur").as_f64().unwrap_or(0.0) / 1000.0;
            tasks.entry(thread(event)).or_default().push(ms);
        }
    }
    tasks
        .into_values()
        .max_by(|a, b| a.iter().sum::<f64>().total_cmp(&b.iter().sum::<f64>()))
        .unwrap_or_default()
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
}
