//! Where the CSAT line chart's lines and dots go: pure geometry, so it is
//! tested natively and the component only draws.

use crate::api::DayPoint;

/// Space around the plot for the axis labels.
const LEFT: f64 = 28.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 26.0;

/// Most day labels under the x axis.
const MAX_X_LABELS: usize = 7;

/// One rated day.
#[derive(Debug, Clone, PartialEq)]
pub struct Dot {
    /// Position in the SVG.
    pub x: f64,
    /// Position in the SVG.
    pub y: f64,
    /// The local day (`YYYY-MM-DD`).
    pub date: String,
    /// Its average score.
    pub average: f64,
    /// How many conversations were rated.
    pub rated: u64,
}

/// The chart laid out in a `width` × `height` SVG.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// SVG width.
    pub width: f64,
    /// SVG height.
    pub height: f64,
    /// Lines through consecutive rated days (`points` attributes); a day
    /// without ratings breaks the line.
    pub lines: Vec<String>,
    /// Every rated day.
    pub dots: Vec<Dot>,
    /// Horizontal grid lines: (y, score 1–5).
    pub y_ticks: Vec<(f64, u8)>,
    /// Day labels: (x, date, SVG `text-anchor`); the first and last are
    /// anchored inwards so they stay inside the chart.
    pub x_labels: Vec<(f64, String, &'static str)>,
}

fn round(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// Lays out `days` (every day of the window, in order).
pub fn layout(days: &[DayPoint], width: f64, height: f64) -> Chart {
    let plot_width = (width - LEFT - RIGHT).max(1.0);
    let plot_height = (height - TOP - BOTTOM).max(1.0);
    let count = days.len();
    let x_of = |index: usize| {
        if count <= 1 {
            LEFT + plot_width / 2.0
        } else {
            LEFT + plot_width * index as f64 / (count - 1) as f64
        }
    };
    let y_of = |score: f64| TOP + plot_height * (5.0 - score.clamp(1.0, 5.0)) / 4.0;

    let mut lines = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut dots = Vec::new();
    for (index, day) in days.iter().enumerate() {
        match day.average {
            Some(average) if day.rated > 0 => {
                let (x, y) = (round(x_of(index)), round(y_of(average)));
                current.push(format!("{x},{y}"));
                dots.push(Dot {
                    x,
                    y,
                    date: day.date.clone(),
                    average,
                    rated: day.rated,
                });
            }
            _ => {
                if current.len() > 1 {
                    lines.push(current.join(" "));
                }
                current.clear();
            }
        }
    }
    if current.len() > 1 {
        lines.push(current.join(" "));
    }
    let y_ticks = (1..=5u8)
        .map(|score| (round(y_of(f64::from(score))), score))
        .collect();
    let step = count.div_ceil(MAX_X_LABELS).max(1);
    let x_labels = days
        .iter()
        .enumerate()
        .filter(|(index, _)| index % step == 0 || *index + 1 == count)
        .map(|(index, day)| {
            let anchor = match index {
                0 if count > 1 => "start",
                _ if index + 1 == count && count > 1 => "end",
                _ => "middle",
            };
            (round(x_of(index)), day.date.clone(), anchor)
        })
        .collect();
    Chart {
        width,
        height,
        lines,
        dots,
        y_ticks,
        x_labels,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(date: &str, average: Option<f64>, rated: u64) -> DayPoint {
        DayPoint {
            date: date.to_string(),
            rated,
            average,
        }
    }

    #[test]
    fn scores_map_onto_the_plot_and_gaps_break_the_line() {
        let days = [
            day("2026-03-01", Some(5.0), 2),
            day("2026-03-02", Some(1.0), 1),
            day("2026-03-03", None, 0),
            day("2026-03-04", Some(3.0), 4),
            day("2026-03-05", Some(4.0), 1),
        ];
        let chart = layout(&days, 428.0, 238.0);
        // Plot: x 28..416 (388 wide), y 12..212 (200 high).
        assert_eq!(chart.lines, ["28,12 125,212", "319,112 416,62"]);
        assert_eq!(chart.dots.len(), 4);
        assert_eq!(chart.dots[2].date, "2026-03-04");
        assert_eq!(chart.dots[2].rated, 4);
        assert_eq!(chart.y_ticks.first(), Some(&(212.0, 1)));
        assert_eq!(chart.y_ticks.last(), Some(&(12.0, 5)));
        assert_eq!(
            chart.x_labels.first().map(|l| l.1.as_str()),
            Some("2026-03-01")
        );
        assert_eq!(
            chart.x_labels.last().map(|l| l.1.as_str()),
            Some("2026-03-05")
        );
    }

    #[test]
    fn one_rated_day_is_a_dot_without_a_line_and_long_windows_thin_their_labels() {
        let chart = layout(&[day("2026-03-01", Some(4.5), 3)], 428.0, 238.0);
        assert!(chart.lines.is_empty());
        assert_eq!((chart.dots[0].x, chart.dots[0].y), (222.0, 37.0));

        let days: Vec<DayPoint> = (1..=90).map(|n| day(&format!("d{n}"), None, 0)).collect();
        let chart = layout(&days, 600.0, 240.0);
        assert!(chart.dots.is_empty() && chart.lines.is_empty());
        assert!(
            chart.x_labels.len() <= MAX_X_LABELS + 1,
            "{}",
            chart.x_labels.len()
        );
        assert_eq!(chart.x_labels.last().map(|l| l.1.as_str()), Some("d90"));
    }
}
