//! "Customer satisfaction over time": the daily average CSAT as an SVG
//! line, with the hovered day's value read out, and the same numbers as a
//! table for screen readers.

use crate::api::DayPoint;
use l10n::format::Args;
use leptos::prelude::*;

use crate::chart::{self, Dot};
use crate::i18n::{self, I18n, Key};
use crate::intl;

const WIDTH: f64 = 1000.0;
const HEIGHT: f64 = 260.0;

/// The line chart of daily averages.
#[component]
pub fn CsatChart(
    /// Every day of the period, in order.
    days: Vec<DayPoint>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let chart = chart::layout(&days, WIDTH, HEIGHT);
    let hovered = RwSignal::new(None::<Dot>);
    let describe = move |dot: &Dot| {
        let locale = i18n.locale();
        let mut args = Args::new();
        args.set("date", i18n::text(intl::day(&locale, &dot.date)));
        args.set("average", i18n::text(intl::average(&locale, dot.average)));
        args.set("rated", i18n::count(dot.rated));
        i18n.format(Key::CsatChartPoint, &args)
    };
    let readout = move || hovered.get().map(|dot| describe(&dot));
    let empty = chart.dots.is_empty();
    let rows = chart.dots.clone();
    let view_box = format!("0 0 {WIDTH} {HEIGHT}");
    let plot_right = WIDTH - 12.0;
    view! {
        <section class="card chart" aria-labelledby="csat-chart-title">
            <h3 id="csat-chart-title">{i18n.t(Key::CsatChartTitle)}</h3>
            <p class="caption">{i18n.t(Key::CsatChartCaption)}</p>
            <Show when=move || empty>
                <p class="empty">{i18n.t(Key::CsatChartEmpty)}</p>
            </Show>
            <p class="readout" data-figure="chart-readout">{readout}</p>
            <svg class="plot" viewBox=view_box aria-hidden="true"
                on:mouseleave=move |_| hovered.set(None)>
                {chart.y_ticks.iter().map(|&(y, score)| view! {
                    <line class="grid" x1="28" x2=plot_right y1=y y2=y></line>
                    <text class="tick" x="20" y=y + 4.0 text-anchor="end">{score}</text>
                }).collect_view()}
                {chart.lines.iter().map(|points| view! {
                    <polyline class="line" points=points.clone()></polyline>
                }).collect_view()}
                {chart.dots.iter().map(|dot| {
                    let for_hover = dot.clone();
                    view! {
                        <circle class="dot" cx=dot.x cy=dot.y r="5" data-date=dot.date.clone()
                            data-average=dot.average.to_string()
                            on:mouseenter=move |_| hovered.set(Some(for_hover.clone()))></circle>
                    }
                }).collect_view()}
                {chart.x_labels.iter().map(|(x, date, anchor)| {
                    let label = intl::day(&i18n.locale(), date);
                    view! { <text class="tick" x=*x y=HEIGHT - 6.0 text-anchor=*anchor>{label}</text> }
                }).collect_view()}
            </svg>
            <table class="visually-hidden">
                <caption>{i18n.t(Key::CsatChartTable)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t(Key::ColumnDay)}</th>
                        <th scope="col">{i18n.t(Key::ColumnAverage)}</th>
                        <th scope="col">{i18n.t(Key::ColumnRated)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|dot| {
                        let locale = i18n.locale();
                        view! {
                            <tr>
                                <td>{intl::day(&locale, &dot.date)}</td>
                                <td>{intl::average(&locale, dot.average)}</td>
                                <td>{dot.rated}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
