//! Charts as SVG files, for documents and slides: the month's findings per
//! unit stacked by kind, and a trend as lines. Drawn with plotters; the text
//! stays text in the SVG, so Vietnamese names are shown by the viewer's own
//! fonts and can be searched and copied.

use std::sync::Once;

use plotters::coord::{CoordTranslate, Shift};
use plotters::prelude::*;

/// Text is measured with a font compiled in, so that a machine without
/// fonts (a server, a fresh laptop) lays a chart out just as well.
static FONT: &[u8] = include_bytes!("../../assets/DejaVuSans.ttf");

fn register_font() {
    static REGISTERED: Once = Once::new();
    REGISTERED.call_once(|| {
        // The font is part of this build, so it always parses.
        let _ = plotters::style::register_font("sans-serif", FontStyle::Normal, FONT);
    });
}

/// Distinct colours for series; the first four are the kinds of finding.
const COLOURS: [RGBColor; 8] = [
    RGBColor(0x1f, 0x77, 0xb4),
    RGBColor(0xff, 0x7f, 0x0e),
    RGBColor(0xd6, 0x27, 0x28),
    RGBColor(0x2c, 0xa0, 0x2c),
    RGBColor(0x94, 0x67, 0xbd),
    RGBColor(0x8c, 0x56, 0x4b),
    RGBColor(0xe3, 0x77, 0xc2),
    RGBColor(0x7f, 0x7f, 0x7f),
];

type Failure = Box<dyn std::error::Error>;

/// Bars, one per category, each stacked from `series` values.
pub struct Stacked<'a> {
    pub title: &'a str,
    pub categories: &'a [String],
    /// (name, one value per category)
    pub series: &'a [(String, Vec<i64>)],
    /// Bars lying across, their categories written beside them: for names
    /// too long to stand under a bar.
    pub across: bool,
}

/// Lines over periods, one per row.
pub struct Lines<'a> {
    pub title: &'a str,
    pub periods: &'a [String],
    /// (name, one value per period)
    pub rows: &'a [(String, Vec<i64>)],
}

pub fn stacked_svg(chart: &Stacked<'_>) -> Result<String, Failure> {
    register_font();
    let mut svg = String::new();
    if chart.across {
        // Each bar 26 pixels high, below the caption and above the scale,
        // and room enough for the legend beside a few bars.
        let height = (76 + 26 * chart.categories.len() as u32).clamp(180, 2400);
        let root = SVGBackend::with_string(&mut svg, (900, height)).into_drawing_area();
        draw_across(&root, chart)?;
        root.present()?;
    } else {
        let width = (160 + 70 * chart.categories.len() as u32).clamp(640, 1600);
        let root = SVGBackend::with_string(&mut svg, (width, 480)).into_drawing_area();
        draw_stacked(&root, chart)?;
        root.present()?;
    }
    Ok(svg)
}

fn draw_across(
    root: &DrawingArea<SVGBackend<'_>, Shift>,
    chart: &Stacked<'_>,
) -> Result<(), Failure> {
    root.fill(&WHITE)?;
    let n = chart.categories.len().max(1);
    let highest = stack_heights(chart).max().unwrap_or(0).max(1);
    // The labels' room: the longest name at about 10 pixels a letter, within
    // reason, for a name longer than that is better cut than the bars.
    let longest = chart
        .categories
        .iter()
        .map(|c| c.chars().count())
        .max()
        .unwrap_or(0)
        .min(48) as u32;
    let categories = chart.categories;
    let mut grid = ChartBuilder::on(root)
        .caption(chart.title, ("sans-serif", 20))
        .margin(8)
        .x_label_area_size(30)
        .y_label_area_size(20 + 10 * longest)
        // Room to the right of the longest bar for the legend.
        .build_cartesian_2d(0..highest * 2 + 2, (0..n).into_segmented())?;
    grid.configure_mesh()
        .disable_y_mesh()
        .y_labels(n)
        // The first category on top, as in the table above the chart.
        .y_label_formatter(&|y| match y {
            SegmentValue::CenterOf(p) if *p < n => categories
                .get(n - 1 - p)
                .map(|c| c.chars().take(48).collect())
                .unwrap_or_default(),
            _ => String::new(),
        })
        .label_style(("sans-serif", 17))
        .draw()?;
    let mut base = vec![0i64; n];
    for (index, (name, values)) in chart.series.iter().enumerate() {
        let colour = COLOURS[index % COLOURS.len()];
        let bars: Vec<Rectangle<(i64, SegmentValue<usize>)>> = (0..chart.categories.len())
            .filter_map(|i| {
                let value = values.get(i).copied().filter(|v| *v > 0)?;
                let start = base.get(i).copied()?;
                let end = start + value;
                if let Some(slot) = base.get_mut(i) {
                    *slot = end;
                }
                let p = n - 1 - i;
                let mut bar = Rectangle::new(
                    [
                        (start, SegmentValue::Exact(p)),
                        (end, SegmentValue::Exact(p + 1)),
                    ],
                    colour.filled(),
                );
                bar.set_margin(8, 8, 0, 0);
                Some(bar)
            })
            .collect();
        grid.draw_series(bars)?
            .label(name.as_str())
            .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 10, y + 5)], colour.filled()));
    }
    legend(&mut grid, 13)
}

/// The kinds' colours in the upper right corner of a chart of bars.
fn legend<'a, CT: CoordTranslate>(
    grid: &mut ChartContext<'a, SVGBackend<'a>, CT>,
    font_size: u32,
) -> Result<(), Failure> {
    grid.configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK.mix(0.3))
        .label_font(("sans-serif", font_size))
        .draw()?;
    Ok(())
}

/// Each category's bar: the sum of its series.
fn stack_heights<'a>(chart: &'a Stacked<'_>) -> impl Iterator<Item = i64> + 'a {
    (0..chart.categories.len()).map(|i| {
        chart
            .series
            .iter()
            .map(|(_, v)| v.get(i).copied().unwrap_or(0))
            .sum::<i64>()
    })
}

fn draw_stacked(
    root: &DrawingArea<SVGBackend<'_>, Shift>,
    chart: &Stacked<'_>,
) -> Result<(), Failure> {
    root.fill(&WHITE)?;
    let n = chart.categories.len().max(1);
    let highest = stack_heights(chart).max().unwrap_or(0).max(1);
    let mut grid = ChartBuilder::on(root)
        .caption(chart.title, ("sans-serif", 22))
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(40)
        // Headroom above the highest bar keeps the legend clear of the bars.
        .build_cartesian_2d((0..n).into_segmented(), 0..highest + highest * 2 / 5 + 1)?;
    let categories = chart.categories;
    grid.configure_mesh()
        .disable_x_mesh()
        .x_labels(n)
        .x_label_formatter(&|x| match x {
            SegmentValue::CenterOf(i) => categories.get(*i).cloned().unwrap_or_default(),
            _ => String::new(),
        })
        // Unit codes are short, and the picture is widened by 70 pixels a
        // unit, so they stay level and readable.
        .label_style(("sans-serif", 12))
        .draw()?;
    let mut base = vec![0i64; n];
    for (index, (name, values)) in chart.series.iter().enumerate() {
        let colour = COLOURS[index % COLOURS.len()];
        let bars: Vec<Rectangle<(SegmentValue<usize>, i64)>> = (0..chart.categories.len())
            .filter(|i| values.get(*i).copied().unwrap_or(0) > 0)
            .map(|i| {
                let bottom = base[i];
                let top = bottom + values[i];
                base[i] = top;
                let mut bar = Rectangle::new(
                    [
                        (SegmentValue::Exact(i), bottom),
                        (SegmentValue::Exact(i + 1), top),
                    ],
                    colour.filled(),
                );
                bar.set_margin(0, 0, 8, 8);
                bar
            })
            .collect();
        grid.draw_series(bars)?
            .label(name.as_str())
            .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 10, y + 5)], colour.filled()));
    }
    legend(&mut grid, 14)
}

pub fn lines_svg(chart: &Lines<'_>) -> Result<String, Failure> {
    register_font();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (960, 540)).into_drawing_area();
        root.fill(&WHITE)?;
        let last = chart.periods.len().saturating_sub(1).max(1);
        let highest = chart
            .rows
            .iter()
            .flat_map(|(_, v)| v.iter().copied())
            .max()
            .unwrap_or(0)
            .max(1);
        let mut grid = ChartBuilder::on(&root)
            .caption(chart.title, ("sans-serif", 22))
            .margin(12)
            // Room for the last period's label, centred on the right edge.
            .margin_right(36)
            .x_label_area_size(40)
            .y_label_area_size(40)
            .build_cartesian_2d(0..last, 0..highest + highest * 2 / 5 + 1)?;
        let periods = chart.periods;
        grid.configure_mesh()
            .x_labels(periods.len().max(2))
            .x_label_formatter(&|x| periods.get(*x).cloned().unwrap_or_default())
            .label_style(("sans-serif", 13))
            .draw()?;
        for (index, (name, values)) in chart.rows.iter().enumerate() {
            let colour = COLOURS[index % COLOURS.len()];
            grid.draw_series(LineSeries::new(
                values.iter().enumerate().map(|(x, y)| (x, *y)),
                colour.stroke_width(2),
            ))?
            .label(name.as_str())
            .legend(move |(x, y)| PathElement::new([(x, y), (x + 16, y)], colour.stroke_width(2)));
        }
        grid.configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .background_style(WHITE.mix(0.9))
            .border_style(BLACK.mix(0.3))
            .label_font(("sans-serif", 14))
            .draw()?;
        root.present()?;
    }
    Ok(svg)
}
