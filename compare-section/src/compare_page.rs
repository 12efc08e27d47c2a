//! Compare: thumbs and satisfaction per value of one dimension (a model,
//! a prompt version, any key the shop's page sends, the page, the
//! language, or the AI against a person), each share with its 95% range,
//! sorted by the share of thumbs down; up to two values day by day.

use leptos::prelude::*;

use dashboard::api::{Api, CompareRow, Comparison, Dimension, Series};
use dashboard::components::status::{Failed, Loading};
use dashboard::i18n::{I18n, Key};
use dashboard::intl;
use dashboard::period::Period;
use dashboard::route::inbox_href;
use dashboard::shares::share_text;

const WIDTH: f64 = 1000.0;
const HEIGHT: f64 = 220.0;

/// A dimension's name in the picker: a key as the shop's page names it.
fn dimension_label(i18n: I18n, dimension: &str) -> String {
    match dimension {
        "role" => i18n.text(Key::CompareDimensionRole),
        "locale" => i18n.text(Key::CompareDimensionLocale),
        "page" => i18n.text(Key::CompareDimensionPage),
        other => other.strip_prefix("key:").unwrap_or(other).to_string(),
    }
}

/// A value as shown: the roles in words, anything else as it is.
fn value_label(i18n: I18n, dimension: &str, value: &str) -> String {
    match (dimension, value) {
        ("role", "assistant") => i18n.text(Key::CompareRoleAssistant),
        ("role", "agent") => i18n.text(Key::CompareRoleAgent),
        _ => value.to_string(),
    }
}

/// One value's row.
#[component]
fn ValueRow(
    /// The row.
    row: CompareRow,
    /// The dimension it is a value of.
    dimension: String,
    /// The values whose series show (two at most).
    chosen: RwSignal<Vec<String>>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let label = value_label(i18n, &dimension, &row.value);
    let value = row.value.clone();
    let checked = {
        let value = value.clone();
        move || chosen.with(|chosen| chosen.contains(&value))
    };
    let full = {
        let value = value.clone();
        move || chosen.with(|chosen| chosen.len() >= 2 && !chosen.contains(&value))
    };
    let toggle = {
        let value = value.clone();
        move |_| {
            chosen.update(|chosen| {
                if let Some(at) = chosen.iter().position(|shown| *shown == value) {
                    chosen.remove(at);
                } else if chosen.len() < 2 {
                    chosen.push(value.clone());
                }
            });
        }
    };
    let csat = row.csat_average.map_or_else(
        || i18n.text(Key::NoValue),
        |average| intl::average(&i18n.locale(), average),
    );
    let response = share_text(i18n, row.response_rate);
    let (up, down) = (share_text(i18n, row.up), share_text(i18n, row.down));
    let ratings = intl::count(&i18n.locale(), row.ratings);
    let show_label = format!("{} {}", i18n.text(Key::CompareShow), label);
    // The inbox on the conversations where this value was seen.
    let inbox = Dimension::parse(&dimension)
        .and_then(|dimension| dimension.inbox_filter(&value))
        .map(|filter| {
            let open_label = format!("{} {}", i18n.text(Key::CompareOpenInbox), label);
            view! {
                <a class="open-inbox" href=inbox_href(&filter) aria-label=open_label>
                    {i18n.t(Key::CompareOpenInbox)}
                </a>
            }
        });
    view! {
        <tr data-value=value.clone()>
            <th scope="row">
                <span dir="auto">{label}</span>
                {row.few.then(|| view! { " "<span class="badge few" data-few="true">{i18n.t(Key::CompareFew)}</span> })}
            </th>
            <td data-figure="ratings">{ratings}</td>
            <td data-figure="up">{up}</td>
            <td data-figure="down">{down}</td>
            <td data-figure="csat">{csat}</td>
            <td data-figure="response">{response}</td>
            <td>
                <label class="show">
                    <input type="checkbox" prop:checked=checked disabled=full on:change=toggle
                        aria-label=show_label/>
                </label>
            </td>
            <td>{inbox}</td>
        </tr>
    }
}

/// The chosen values' daily 👎 share, one line each, and the same numbers
/// as a table for screen readers.
#[component]
fn SeriesChart(
    /// One series per chosen value.
    series: Vec<Series>,
    /// The dimension, for the values' names.
    dimension: String,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let days = series.first().map_or(0, |first| first.days.len());
    let step = if days > 1 {
        (WIDTH - 40.0) / (days - 1) as f64
    } else {
        0.0
    };
    // Each day with thumbs as a point: x by day, y by the share of 👎.
    let points = |one: &Series| -> Vec<(f64, f64)> {
        one.days
            .iter()
            .enumerate()
            .filter(|(_, day)| day.up + day.down > 0)
            .map(|(at, day)| {
                let share = day.down as f64 / (day.up + day.down) as f64;
                (
                    20.0 + at as f64 * step,
                    HEIGHT - 20.0 - share * (HEIGHT - 40.0),
                )
            })
            .collect()
    };
    let lines: Vec<(usize, Vec<(f64, f64)>)> = series.iter().map(points).enumerate().collect();
    let view_box = format!("0 0 {WIDTH} {HEIGHT}");
    let names: Vec<String> = series
        .iter()
        .map(|one| value_label(i18n, &dimension, &one.value))
        .collect();
    let rows: Vec<(String, Vec<String>)> = series
        .first()
        .map(|first| {
            first
                .days
                .iter()
                .enumerate()
                .map(|(at, day)| {
                    let cells = series
                        .iter()
                        .map(|one| {
                            one.days.get(at).map_or_else(
                                || i18n.text(Key::NoValue),
                                |day| {
                                    let total = day.up + day.down;
                                    if total == 0 {
                                        i18n.text(Key::NoValue)
                                    } else {
                                        intl::percent(
                                            &i18n.locale(),
                                            day.down as f64 / total as f64,
                                        )
                                    }
                                },
                            )
                        })
                        .collect();
                    (intl::day(&i18n.locale(), &day.date), cells)
                })
                .collect()
        })
        .unwrap_or_default();
    view! {
        <svg class="plot compare-plot" viewBox=view_box aria-hidden="true">
            <line class="grid" x1="20" x2=WIDTH - 20.0 y1=HEIGHT - 20.0 y2=HEIGHT - 20.0></line>
            <line class="grid" x1="20" x2=WIDTH - 20.0 y1="20" y2="20"></line>
            {lines.into_iter().map(|(at, points)| {
                let polyline: Vec<String> =
                    points.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
                view! {
                    <polyline class=format!("line series-{at}") points=polyline.join(" ")></polyline>
                    // A dot on each day too, so a value seen on one day shows.
                    {points.into_iter().map(|(x, y)| view! {
                        <circle class=format!("dot series-{at}") cx=x cy=y r="4"></circle>
                    }).collect_view()}
                }
            }).collect_view()}
        </svg>
        <ul class="legend">
            {names.iter().enumerate().map(|(at, name)| view! {
                <li class=format!("series-{at}") dir="auto">{name.clone()}</li>
            }).collect_view()}
        </ul>
        <table class="visually-hidden">
            <caption>{i18n.t(Key::CompareChartTable)}</caption>
            <thead>
                <tr>
                    <th scope="col">{i18n.t(Key::ColumnDay)}</th>
                    {names.into_iter().map(|name| view! { <th scope="col">{name}</th> }).collect_view()}
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|(day, cells)| view! {
                    <tr>
                        <th scope="row">{day}</th>
                        {cells.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_view()}
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// The comparison's table and chart.
#[component]
fn ComparisonView(
    /// What the collector answered.
    comparison: Comparison,
    /// The values whose series show.
    chosen: RwSignal<Vec<String>>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    if comparison.rows.is_empty() {
        return view! { <p class="empty">{i18n.t(Key::CompareEmpty)}</p> }.into_any();
    }
    let dimension = comparison.dimension.clone();
    let chart_dimension = dimension.clone();
    let series = comparison.series;
    let has_series = !series.is_empty();
    view! {
        <div class="table-wrap">
            <table class="compare">
                <thead>
                    <tr>
                        <th scope="col">{i18n.t(Key::CompareColumnValue)}</th>
                        <th scope="col">{i18n.t(Key::CompareColumnRatings)}</th>
                        <th scope="col">{i18n.t(Key::CompareColumnUp)}</th>
                        <th scope="col">{i18n.t(Key::CompareColumnDown)}</th>
                        <th scope="col">{i18n.t(Key::CompareColumnCsat)}</th>
                        <th scope="col">{i18n.t(Key::CompareColumnResponse)}</th>
                        <th scope="col">{i18n.t(Key::CompareShow)}</th>
                        <th scope="col">{i18n.t(Key::CompareColumnInbox)}</th>
                    </tr>
                </thead>
                <tbody>
                    {comparison.rows.into_iter().map(|row| {
                        let dimension = dimension.clone();
                        view! { <ValueRow row dimension chosen/> }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <section class="card chart" aria-labelledby="compare-chart-title">
            <h3 id="compare-chart-title">{i18n.t(Key::CompareChartTitle)}</h3>
            {if has_series {
                view! { <SeriesChart series dimension=chart_dimension/> }.into_any()
            } else {
                view! { <p class="empty">{i18n.t(Key::CompareChartEmpty)}</p> }.into_any()
            }}
        </section>
    }
    .into_any()
}

/// The Compare section.
#[component]
pub fn ComparePage(
    /// The read API.
    api: Api,
    /// The period shown.
    period: RwSignal<Period>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let dimension = RwSignal::new("role".to_string());
    let chosen = RwSignal::new(Vec::<String>::new());
    let comparison = LocalResource::new(move || {
        let (api, period, dimension, chosen) =
            (api.clone(), period.get(), dimension.get(), chosen.get());
        async move { api.compare(&period, &dimension, &chosen).await }
    });
    // The picker offers what the period has, and keeps the current choice.
    let dimensions = Memo::new(move |previous: Option<&Vec<String>>| {
        let mut seen = comparison
            .get()
            .and_then(Result::ok)
            .map(|comparison| comparison.dimensions)
            .or_else(|| previous.cloned())
            .unwrap_or_default();
        let current = dimension.get();
        if !seen.contains(&current) {
            seen.push(current);
        }
        seen
    });
    let pick = move |event| {
        dimension.set(event_target_value(&event));
        chosen.set(Vec::new());
    };
    view! {
        <h2>{i18n.t(Key::CompareTitle)}</h2>
        <p class="intro">{i18n.t(Key::CompareIntro)}</p>
        <p class="compare-by">
            <label for="compare-dimension">{i18n.t(Key::CompareBy)}</label>" "
            <select id="compare-dimension" on:change=pick prop:value=move || dimension.get()>
                {move || dimensions.get().into_iter().map(|name| {
                    let label = dimension_label(i18n, &name);
                    view! { <option value=name>{label}</option> }
                }).collect_view()}
            </select>
        </p>
        {move || match comparison.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Err(error)) => view! { <Failed error/> }.into_any(),
            Some(Ok(comparison)) => view! { <ComparisonView comparison chosen/> }.into_any(),
        }}
    }
}
