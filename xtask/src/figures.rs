//! The figures a benchmark run collects (from the measuring binaries'
//! `figure` lines), and the summary: each figure's median over the rounds
//! with its range, and with `--against` the ratio of the new revision to
//! the old one with the range of the per-round ratios.

use std::collections::BTreeMap;

/// One measured value.
struct Sample {
    side: usize,
    round: usize,
    value: f64,
}

/// Every figure of a run, in the order they first appeared.
#[derive(Default)]
pub struct Figures {
    order: Vec<(String, String)>,
    samples: BTreeMap<String, Vec<Sample>>,
}

/// Reads the `figure<TAB>name<TAB>value<TAB>unit` lines of `stdout`; the
/// other lines are for people and are returned as they are.
pub fn parse(stdout: &str) -> (Vec<(String, f64, String)>, Vec<&str>) {
    let mut figures = Vec::new();
    let mut prose = Vec::new();
    for line in stdout.lines() {
        let mut parts = line.split('\t');
        match (parts.next(), parts.next(), parts.next(), parts.next()) {
            (Some("figure"), Some(name), Some(value), Some(unit))
                if value.parse::<f64>().is_ok() =>
            {
                let value = value.parse::<f64>().unwrap_or(f64::NAN);
                figures.push((name.to_string(), value, unit.to_string()));
            }
            _ => prose.push(line),
        }
    }
    (figures, prose)
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    match values.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => values.get(n / 2).copied().unwrap_or(f64::NAN),
        n => {
            let low = values.get(n / 2 - 1).copied().unwrap_or(f64::NAN);
            let high = values.get(n / 2).copied().unwrap_or(f64::NAN);
            (low + high) / 2.0
        }
    }
}

fn range(values: &[f64]) -> (f64, f64) {
    values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(*v), hi.max(*v))
        })
}

/// Which way is better for a unit.
fn better(unit: &str) -> &'static str {
    match unit {
        "events/s" | "points" => "higher is better",
        _ => "lower is better",
    }
}

fn number(value: f64) -> String {
    if value.abs() >= 100.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    }
}

impl Figures {
    /// Records `value` of figure `name` for `side` in `round`.
    pub fn add(&mut self, side: usize, round: usize, name: &str, value: f64, unit: &str) {
        if !self.samples.contains_key(name) {
            self.order.push((name.to_string(), unit.to_string()));
        }
        self.samples
            .entry(name.to_string())
            .or_default()
            .push(Sample { side, round, value });
    }

    fn values(&self, name: &str, side: usize) -> Vec<f64> {
        self.samples
            .get(name)
            .map(|samples| {
                samples
                    .iter()
                    .filter(|sample| sample.side == side)
                    .map(|sample| sample.value)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The summary of one revision's figures over `rounds` rounds.
    pub fn print_single(&self, label: &str, rounds: usize) {
        println!("\nsummary of {label}: median over {rounds} rounds (min–max)");
        for (name, unit) in &self.order {
            let mut values = self.values(name, 0);
            let (lo, hi) = range(&values);
            println!(
                "  {name:<44} {:>9} {unit:<9} ({}–{})",
                number(median(&mut values)),
                number(lo),
                number(hi)
            );
        }
    }

    /// Old (side 0) against new (side 1): both medians and the ratio
    /// new/old of the medians, with the range of the per-round ratios.
    pub fn print_against(&self, old: &str, new: &str, rounds: usize) {
        println!(
            "\n{new} against {old}, interleaved, {rounds} rounds: medians, new/old and its per-round range"
        );
        println!(
            "  {:<44} {:>9} {:>9}  {:<9} {:>7}  rounds",
            "figure", "old", "new", "unit", "new/old"
        );
        for (name, unit) in &self.order {
            let samples = self
                .samples
                .get(name)
                .map(Vec::as_slice)
                .unwrap_or_default();
            let ratios = round_ratios(samples, rounds);
            let old_median = median(&mut self.values(name, 0));
            let new_median = median(&mut self.values(name, 1));
            let (lo, hi) = range(&ratios);
            if old_median == 0.0 || ratios.is_empty() {
                // No ratio to a zero (e.g. no Lighthouse points lost).
                println!(
                    "  {name:<44} {:>9} {:>9}  {unit:<9} {:>7}  ({})",
                    number(old_median),
                    number(new_median),
                    "n/a",
                    better(unit)
                );
                continue;
            }
            println!(
                "  {name:<44} {:>9} {:>9}  {unit:<9} {:>6.2}×  {:.2}–{:.2}× ({})",
                number(old_median),
                number(new_median),
                new_median / old_median,
                lo,
                hi,
                better(unit)
            );
        }
    }
}

/// new/old of each round that measured both sides; rounds whose old
/// figure is 0 have no ratio (0 ms of blocking time, say) and are left out.
fn round_ratios(samples: &[Sample], rounds: usize) -> Vec<f64> {
    (0..rounds)
        .filter_map(|round| {
            let at = |side: usize| {
                samples
                    .iter()
                    .find(|sample| sample.side == side && sample.round == round)
                    .map(|sample| sample.value)
            };
            let old = at(0).filter(|old| *old != 0.0)?;
            Some(at(1)? / old)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_with_a_zero_old_figure_have_no_ratio() {
        let sample = |side, round, value| Sample { side, round, value };
        let samples = [
            sample(0, 0, 10.0),
            sample(1, 0, 4.0),
            sample(0, 1, 0.0),
            sample(1, 1, 20.0),
            sample(0, 2, 5.0),
        ];
        assert_eq!(round_ratios(&samples, 3), vec![0.4]);
    }

    #[test]
    fn figure_lines_are_read_and_prose_is_kept() {
        let (figures, prose) = parse(
            "batch 1: 300 events/s\nfigure\tingest batch 1\t300.5\tevents/s\nfigure\tbad\tx\tms\n",
        );
        assert_eq!(
            figures,
            vec![("ingest batch 1".to_string(), 300.5, "events/s".to_string())]
        );
        assert_eq!(prose, ["batch 1: 300 events/s", "figure\tbad\tx\tms"]);
    }

    #[test]
    fn medians_and_ranges() {
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&mut [4.0, 1.0, 2.0, 3.0]), 2.5);
        assert!(median(&mut []).is_nan());
        assert_eq!(range(&[2.0, 5.0, 1.0]), (1.0, 5.0));
    }
}
