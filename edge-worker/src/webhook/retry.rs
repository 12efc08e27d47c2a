//! How long a failed delivery waits before its next try, and how long one
//! try may take: `WEBHOOK_BACKOFF_SECONDS` ("first,most") and
//! `WEBHOOK_TIMEOUT_MS`, with defaults for when they are unset or unreadable.

/// The longest delay a Queue retry accepts (12 hours).
const MAX_QUEUE_DELAY_SECONDS: u32 = 43_200;

/// Retry timing for webhook deliveries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// The first retry's delay, in seconds.
    pub first_delay: u32,
    /// No retry waits longer than this, in seconds.
    pub most_delay: u32,
    /// How long one POST may take before it is abandoned, in ms.
    pub timeout_ms: u32,
}

impl Default for RetryPolicy {
    /// 30 s, doubling to an hour; with the 12 retries `wrangler.toml`
    /// allows, a receiver is tried for about five hours. 10 s per POST.
    fn default() -> Self {
        RetryPolicy {
            first_delay: 30,
            most_delay: 3_600,
            timeout_ms: 10_000,
        }
    }
}

impl RetryPolicy {
    /// The policy from the two variables' text; each part that is missing
    /// or unreadable keeps its default.
    pub fn from_vars(backoff: Option<&str>, timeout_ms: Option<&str>) -> RetryPolicy {
        let mut policy = RetryPolicy::default();
        if let Some((first, most)) = backoff.and_then(|text| text.split_once(','))
            && let (Ok(first), Ok(most)) = (first.trim().parse::<u32>(), most.trim().parse::<u32>())
            && first <= most
        {
            policy.first_delay = first.min(MAX_QUEUE_DELAY_SECONDS);
            policy.most_delay = most.min(MAX_QUEUE_DELAY_SECONDS);
        }
        if let Some(timeout) = timeout_ms.and_then(|text| text.trim().parse::<u32>().ok())
            && timeout > 0
        {
            policy.timeout_ms = timeout;
        }
        policy
    }

    /// The delay before the next try of a delivery queued `age_ms` ago:
    /// as long as it has waited so far, so each wait doubles the total
    /// (exponential backoff that needs no attempt count), between the
    /// first and the longest delay.
    pub fn delay_seconds(&self, age_ms: i64) -> u32 {
        let age = u32::try_from(age_ms.max(0) / 1_000).unwrap_or(u32::MAX);
        age.clamp(self.first_delay, self.most_delay)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_double_from_the_first_up_to_the_most() {
        let policy = RetryPolicy::default();
        // Each retry runs after the delay it was given; the next waits as
        // long as the whole history so far.
        let mut age_ms = 0i64;
        let mut delays = Vec::new();
        for _ in 0..12 {
            let delay = policy.delay_seconds(age_ms);
            delays.push(delay);
            age_ms += i64::from(delay) * 1_000;
        }
        assert_eq!(
            delays,
            [30, 30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600, 3600]
        );
        assert_eq!(age_ms / 3_600_000, 5, "tried for about five hours");
        // A clock that went backwards still waits the first delay.
        assert_eq!(policy.delay_seconds(-5_000), 30);
    }

    #[test]
    fn vars_override_what_they_name_and_bad_text_keeps_the_defaults() {
        let defaults = RetryPolicy::default();
        assert_eq!(RetryPolicy::from_vars(None, None), defaults);
        let quick = RetryPolicy::from_vars(Some("1, 2"), Some("1500"));
        assert_eq!(
            quick,
            RetryPolicy {
                first_delay: 1,
                most_delay: 2,
                timeout_ms: 1_500
            }
        );
        for bad in ["", "5", "a,b", "10,5", "-1,5"] {
            assert_eq!(
                RetryPolicy::from_vars(Some(bad), Some("0")),
                defaults,
                "{bad:?}"
            );
        }
        let capped = RetryPolicy::from_vars(Some("60,999999"), None);
        assert_eq!(capped.most_delay, MAX_QUEUE_DELAY_SECONDS);
    }
}
