//! A small memory of recent answers, per Worker isolate (an isolate is
//! single-threaded, so it lives in a `thread_local!`): each entry until the
//! time it was given, at most `max` entries. A full memory forgets its
//! expired entries, then its oldest, one at a time: a flood of new keys
//! pushes out old answers, never every answer at once.

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;

/// Recent answers by key, each with when it stops being good.
pub struct Recent<K, V> {
    /// Each key's answer: until when, the answer, and when it was put.
    entries: HashMap<K, (f64, V, u64)>,
    /// Keys in the order they were put, each with when; a key put again
    /// is in here twice, and only its latest place counts.
    order: VecDeque<(K, u64)>,
    /// Puts so far.
    puts: u64,
    max: usize,
}

impl<K: Eq + Hash + Clone, V: Clone> Recent<K, V> {
    /// An empty memory of at most `max` entries (at least one).
    pub fn new(max: usize) -> Self {
        Self {
            entries: HashMap::new(),
            order: VecDeque::new(),
            puts: 0,
            max: max.max(1),
        }
    }

    /// The answer for `key`, if it is still good at `now` (ms).
    pub fn get(&self, key: &K, now: f64) -> Option<V> {
        self.entries
            .get(key)
            .filter(|(until, _, _)| now < *until)
            .map(|(_, value, _)| value.clone())
    }

    /// Remembers `value` for `key` until `until` (ms), forgetting the
    /// oldest entry when the memory is full.
    pub fn put(&mut self, key: K, value: V, until: f64) {
        if !self.entries.contains_key(&key) {
            while self.entries.len() >= self.max {
                if !self.forget_oldest() {
                    break;
                }
            }
        }
        self.puts += 1;
        self.entries.insert(key.clone(), (until, value, self.puts));
        self.order.push_back((key, self.puts));
        // Keys put again leave stale places behind; drop them before the
        // order outgrows the entries by much.
        if self.order.len() > 2 * self.max {
            let entries = &self.entries;
            self.order
                .retain(|(key, put)| entries.get(key).is_some_and(|(_, _, at)| at == put));
        }
    }

    /// Forgets the entry put longest ago; whether there was one.
    fn forget_oldest(&mut self) -> bool {
        while let Some((key, put)) = self.order.pop_front() {
            let current = self.entries.get(&key).is_some_and(|(_, _, at)| *at == put);
            if current {
                self.entries.remove(&key);
                return true;
            }
        }
        false
    }

    /// How many entries it holds.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.entries.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_last_until_their_time() {
        let mut recent = Recent::new(2);
        recent.put("a", 1, 100.0);
        assert_eq!(recent.get(&"a", 99.0), Some(1));
        assert_eq!(recent.get(&"a", 100.0), None);
    }

    #[test]
    fn a_full_memory_forgets_its_oldest_entry_not_every_entry() {
        let mut recent = Recent::new(3);
        recent.put("a", 1, 100.0);
        recent.put("b", 2, 100.0);
        recent.put("c", 3, 100.0);
        recent.put("d", 4, 100.0);
        assert_eq!(recent.get(&"a", 0.0), None, "the oldest went");
        assert_eq!(recent.get(&"b", 0.0), Some(2));
        assert_eq!(recent.get(&"d", 0.0), Some(4));
        // "b" put again is the newest now: "c" goes next.
        recent.put("b", 5, 200.0);
        recent.put("e", 6, 100.0);
        assert_eq!(recent.get(&"c", 0.0), None);
        assert_eq!(recent.get(&"b", 0.0), Some(5));
        assert_eq!(recent.len(), 3);
    }

    #[test]
    fn a_flood_of_new_keys_keeps_the_memory_bounded_and_the_newest_answers() {
        let mut recent = Recent::new(1_000);
        for n in 0..5_000u32 {
            recent.put(n, n, 1e9);
            // One key asked again and again stays among the newest.
            recent.put(u32::MAX, 0, 1e9);
        }
        assert_eq!(recent.len(), 1_000);
        assert!(recent.order.len() <= 2_000);
        assert_eq!(recent.get(&u32::MAX, 0.0), Some(0));
        assert_eq!(recent.get(&4_999, 0.0), Some(4_999));
        assert_eq!(recent.get(&0, 0.0), None);
    }
}
