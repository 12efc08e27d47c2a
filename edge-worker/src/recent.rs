//! A small memory of recent answers, per Worker isolate (an isolate is
//! single-threaded, so it lives in a `thread_local!`): each entry until the
//! time it was given, at most `max` entries (a full memory starts over).

use std::collections::HashMap;
use std::hash::Hash;

/// Recent answers by key, each with when it stops being good.
pub struct Recent<K, V> {
    entries: HashMap<K, (f64, V)>,
    max: usize,
}

impl<K: Eq + Hash, V: Clone> Recent<K, V> {
    /// An empty memory of at most `max` entries.
    pub fn new(max: usize) -> Self {
        Self {
            entries: HashMap::new(),
            max,
        }
    }

    /// The answer for `key`, if it is still good at `now` (ms).
    pub fn get(&self, key: &K, now: f64) -> Option<V> {
        self.entries
            .get(key)
            .filter(|(until, _)| now < *until)
            .map(|(_, value)| value.clone())
    }

    /// Remembers `value` for `key` until `until` (ms).
    pub fn put(&mut self, key: K, value: V, until: f64) {
        if self.entries.len() >= self.max {
            self.entries.clear();
        }
        self.entries.insert(key, (until, value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_last_until_their_time_and_the_memory_stays_bounded() {
        let mut recent = Recent::new(2);
        recent.put("a", 1, 100.0);
        assert_eq!(recent.get(&"a", 99.0), Some(1));
        assert_eq!(recent.get(&"a", 100.0), None);
        recent.put("b", 2, 100.0);
        recent.put("c", 3, 100.0);
        assert_eq!(recent.get(&"a", 0.0), None, "full, so it started over");
        assert_eq!(recent.get(&"c", 0.0), Some(3));
    }
}
