//! CSAT and thumbs figures from counts.

use serde::{Deserialize, Serialize};

/// CSAT counts for conversations offered the prompt in a window.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub struct CsatTotals {
    /// Prompts shown.
    pub offered: u64,
    /// Prompts answered (a score was given).
    pub accepted: u64,
    /// Prompts closed without an answer.
    pub denied: u64,
    /// Prompts submitted.
    pub completed: u64,
    /// How many answers scored 1, 2, 3, 4 and 5.
    pub distribution: [u64; 5],
}

/// What the Overview shows about CSAT.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CsatFigures {
    /// Prompts shown.
    pub offered: u64,
    /// Prompts answered.
    pub accepted: u64,
    /// Prompts closed without an answer.
    pub denied: u64,
    /// Prompts submitted.
    pub completed: u64,
    /// Conversations with a score.
    pub rated: u64,
    /// Mean score (1–5) across rated conversations; `None` with none rated.
    pub average: Option<f64>,
    /// Completed ÷ offered; `None` with none offered.
    pub response_rate: Option<f64>,
    /// (scores 4–5 minus scores 1–2) ÷ scores; `None` with none rated.
    pub net_score: Option<f64>,
    /// How many answers scored 1, 2, 3, 4 and 5 (index 0 is score 1).
    pub distribution: [u64; 5],
}

fn ratio(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

impl CsatTotals {
    /// Conversations with a score.
    pub fn rated(&self) -> u64 {
        self.distribution.iter().sum()
    }

    /// The figures these counts give.
    pub fn figures(&self) -> CsatFigures {
        let rated = self.rated();
        let score_sum: u64 = self
            .distribution
            .iter()
            .zip(1u64..)
            .map(|(count, score)| count * score)
            .sum();
        let [one, two, _, four, five] = self.distribution;
        let promoters = four + five;
        let detractors = one + two;
        CsatFigures {
            offered: self.offered,
            accepted: self.accepted,
            denied: self.denied,
            completed: self.completed,
            rated,
            average: ratio(score_sum, rated),
            response_rate: ratio(self.completed, self.offered),
            net_score: (rated > 0).then(|| (promoters as f64 - detractors as f64) / rated as f64),
            distribution: self.distribution,
        }
    }
}

/// Messages currently 👍 and 👎 among those rated in a window.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub struct ThumbsTotals {
    /// 👍 count.
    pub up: u64,
    /// 👎 count.
    pub down: u64,
}

/// What the Message feedback card shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThumbsFigures {
    /// 👍 count.
    pub up: u64,
    /// 👎 count.
    pub down: u64,
    /// 👍 ÷ (👍 + 👎).
    pub up_share: Option<f64>,
    /// 👎 ÷ (👍 + 👎).
    pub down_share: Option<f64>,
}

impl ThumbsTotals {
    /// The figures these counts give.
    pub fn figures(&self) -> ThumbsFigures {
        let total = self.up + self.down;
        ThumbsFigures {
            up: self.up,
            down: self.down,
            up_share: ratio(self.up, total),
            down_share: ratio(self.down, total),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_articles_example_gives_sixty_percent() {
        // "If 70% of customers rate 4-5 and 10% rate 1-2, the CSAT score would be 60%."
        let totals = CsatTotals {
            offered: 20,
            accepted: 10,
            denied: 4,
            completed: 8,
            distribution: [1, 0, 2, 3, 4],
        };
        let figures = totals.figures();
        assert_eq!(figures.rated, 10);
        assert_eq!(figures.net_score, Some(0.6));
        // (1·1 + 3·2 + 4·3 + 5·4) / 10 = 39 / 10
        assert_eq!(figures.average, Some(3.9));
        assert_eq!(figures.response_rate, Some(0.4));
    }

    #[test]
    fn nothing_rated_means_no_average_not_zero() {
        let figures = CsatTotals::default().figures();
        assert_eq!(
            (figures.average, figures.response_rate, figures.net_score),
            (None, None, None)
        );
        let offered_only = CsatTotals {
            offered: 3,
            denied: 3,
            ..CsatTotals::default()
        };
        assert_eq!(offered_only.figures().response_rate, Some(0.0));
        assert_eq!(offered_only.figures().average, None);
    }

    #[test]
    fn thumbs_shares_add_up_and_are_absent_without_thumbs() {
        let figures = ThumbsTotals { up: 3, down: 1 }.figures();
        assert_eq!(
            (figures.up_share, figures.down_share),
            (Some(0.75), Some(0.25))
        );
        let none = ThumbsTotals::default().figures();
        assert_eq!((none.up_share, none.down_share), (None, None));
    }
}
