//! Writes a [`Summary`] as text, JSON, CSV, XLSX or one HTML page with
//! inline SVG charts (no script). JSON and CSV name, per cell, the files the
//! figure came from; XLSX has them on its `cells` sheet; HTML in each
//! cell's tooltip.

use super::labels::label;
use super::{Cell, CellValue, Summary, Table};
use crate::states::StatesParties;
use html_escape::{encode_double_quoted_attribute as attr, encode_text as esc};
use std::fmt::Write as _;
use std::io::{self, Write};

/// A number for people: thousands separators, at most two decimals, a true
/// minus sign.
pub fn number(n: f64) -> String {
    let sign = if n < 0.0 { "−" } else { "" };
    let a = n.abs();
    let whole = crate::report::thousands(a.trunc() as u64);
    let frac = ((a.fract() * 100.0).round()) as u64;
    if frac == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac:02}")
    }
}

fn cell_text(lang: &str, column: &str, c: &Cell) -> String {
    match &c.value {
        // Years are not quantities: 2019, not 2,019.
        CellValue::Number(n) if column.ends_with("year") => n.to_string(),
        CellValue::Number(n) => number(*n),
        CellValue::Text(t) => label(lang, t).to_owned(),
        CellValue::Empty => String::new(),
    }
}

/// The raw value of a cell for machine formats (no separators, ids not
/// translated).
fn cell_raw(c: &Cell) -> String {
    match &c.value {
        CellValue::Number(n) => super::number_value(*n).to_string(),
        CellValue::Text(t) => t.clone(),
        CellValue::Empty => String::new(),
    }
}

fn row_label(lang: &str, key: &str) -> String {
    key.split(' ')
        .map(|k| label(lang, k))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `--format json`: the whole summary, each cell with its files.
pub fn json(out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, summary).map_err(io::Error::other)?;
    writeln!(out)
}

/// `--format csv`: one line per cell (`table,row,column,value,files`, the
/// files separated by `;`), then one line per report left out of a table
/// (column `excluded`, the reason as value).
pub fn csv(out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["table", "row", "column", "value", "files"])?;
    for t in &summary.tables {
        for r in t.rows.iter().chain(&t.total) {
            for c in &t.columns {
                if let Some(cell) = r.get(c) {
                    w.write_record([&t.id, &r.key, c, &cell_raw(cell), &cell.files.join(";")])?;
                }
            }
        }
        for e in &t.excluded {
            w.write_record([
                &t.id,
                &format!("{} {}", e.year, e.state),
                "excluded",
                &e.reason,
                &e.file,
            ])?;
        }
    }
    w.flush()
}

/// `--format human`.
pub fn human(out: &mut dyn Write, summary: &Summary, lang: &str) -> io::Result<()> {
    writeln!(out, "{} {}", label(lang, "summary-title"), summary.year)?;
    let s = &summary.sources;
    writeln!(
        out,
        "{}: {} {}, {} {}, {} {}",
        label(lang, "sources"),
        s.read,
        label(lang, "read"),
        s.unused.len(),
        label(lang, "unused"),
        s.unreadable.len(),
        label(lang, "unreadable")
    )?;
    for u in &s.unused {
        writeln!(out, "  {}: {}", u.file, u.reason)?;
    }
    for u in &s.unreadable {
        writeln!(out, "  {}: {}", u.file, u.reason)?;
    }
    for t in &summary.tables {
        writeln!(out)?;
        writeln!(out, "{}", label(lang, &t.id))?;
        let mut grid: Vec<Vec<String>> = Vec::new();
        let mut head = vec![String::new()];
        head.extend(t.columns.iter().map(|c| label(lang, c).to_owned()));
        grid.push(head);
        for r in t.rows.iter().chain(&t.total) {
            let mut line = vec![row_label(lang, &r.key)];
            line.extend(
                t.columns
                    .iter()
                    .map(|c| r.get(c).map(|x| cell_text(lang, c, x)).unwrap_or_default()),
            );
            grid.push(line);
        }
        let widths: Vec<usize> = (0..grid[0].len())
            .map(|i| {
                grid.iter()
                    .map(|l| l[i].chars().count())
                    .max()
                    .unwrap_or(0)
                    .min(60)
            })
            .collect();
        for line in &grid {
            let mut text = String::new();
            for (i, (v, w)) in line.iter().zip(&widths).enumerate() {
                let pad = w.saturating_sub(v.chars().count());
                // Numbers right-aligned, the rest left-aligned.
                if i > 0 && v.starts_with(|c: char| c.is_ascii_digit() || c == '−') {
                    text.push_str(&" ".repeat(pad));
                    text.push_str(v);
                } else {
                    text.push_str(v);
                    text.push_str(&" ".repeat(pad));
                }
                text.push_str("  ");
            }
            writeln!(out, "  {}", text.trim_end())?;
        }
        if !t.excluded.is_empty() {
            writeln!(out, "  {}:", label(lang, "excluded"))?;
            for e in &t.excluded {
                writeln!(out, "    {} ({} {}): {}", e.file, e.state, e.year, e.reason)?;
            }
        }
    }
    Ok(())
}

/// `--format xlsx`: a sheet per table (labels in `lang`), a `cells` sheet
/// with every cell and its files (as the CSV), and an `excluded` sheet.
pub fn xlsx(out: &mut dyn Write, summary: &Summary, lang: &str) -> io::Result<()> {
    use rust_xlsxwriter::{Format, Workbook};
    let e = |e: rust_xlsxwriter::XlsxError| io::Error::other(e.to_string());
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    for t in &summary.tables {
        let sheet = book.add_worksheet();
        sheet.set_name(&t.id).map_err(e)?;
        sheet
            .write_string_with_format(0, 0, label(lang, &t.id), &bold)
            .map_err(e)?;
        sheet.write_string_with_format(1, 0, "", &bold).map_err(e)?;
        for (i, c) in t.columns.iter().enumerate() {
            sheet
                .write_string_with_format(1, i as u16 + 1, label(lang, c), &bold)
                .map_err(e)?;
        }
        for (ri, r) in t.rows.iter().chain(&t.total).enumerate() {
            let row = ri as u32 + 2;
            sheet
                .write_string(row, 0, row_label(lang, &r.key))
                .map_err(e)?;
            for (i, c) in t.columns.iter().enumerate() {
                let col = i as u16 + 1;
                match r.get(c).map(|x| &x.value) {
                    Some(CellValue::Number(n)) => sheet.write_number(row, col, *n).map(|_| ()),
                    Some(CellValue::Text(s)) => {
                        sheet.write_string(row, col, label(lang, s)).map(|_| ())
                    }
                    _ => Ok(()),
                }
                .map_err(e)?;
            }
        }
        sheet.set_column_width(0, 16).map_err(e)?;
        sheet.set_freeze_panes(2, 1).map_err(e)?;
    }
    let sheet = book.add_worksheet();
    sheet.set_name("cells").map_err(e)?;
    for (i, h) in ["table", "row", "column", "value", "files"]
        .iter()
        .enumerate()
    {
        sheet
            .write_string_with_format(0, i as u16, *h, &bold)
            .map_err(e)?;
    }
    let mut row = 1;
    for t in &summary.tables {
        for r in t.rows.iter().chain(&t.total) {
            for c in &t.columns {
                let Some(cell) = r.get(c) else { continue };
                sheet.write_string(row, 0, &t.id).map_err(e)?;
                sheet.write_string(row, 1, &r.key).map_err(e)?;
                sheet.write_string(row, 2, c).map_err(e)?;
                match &cell.value {
                    CellValue::Number(n) => sheet.write_number(row, 3, *n).map(|_| ()),
                    CellValue::Text(s) => sheet.write_string(row, 3, s).map(|_| ()),
                    CellValue::Empty => Ok(()),
                }
                .map_err(e)?;
                sheet
                    .write_string(row, 4, cell.files.join(";"))
                    .map_err(e)?;
                row += 1;
            }
        }
    }
    let sheet = book.add_worksheet();
    sheet.set_name("excluded").map_err(e)?;
    for (i, h) in ["table", "file", "state", "year", "fields", "reason"]
        .iter()
        .enumerate()
    {
        sheet
            .write_string_with_format(0, i as u16, *h, &bold)
            .map_err(e)?;
    }
    let mut row = 1;
    for t in &summary.tables {
        for x in &t.excluded {
            sheet.write_string(row, 0, &t.id).map_err(e)?;
            sheet.write_string(row, 1, &x.file).map_err(e)?;
            sheet.write_string(row, 2, &x.state).map_err(e)?;
            sheet.write_number(row, 3, x.year as f64).map_err(e)?;
            sheet.write_string(row, 4, x.fields.join(" ")).map_err(e)?;
            sheet.write_string(row, 5, &x.reason).map_err(e)?;
            row += 1;
        }
    }
    let bytes = book.save_to_buffer().map_err(e)?;
    out.write_all(&bytes)
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2em;max-width:80em;color:#222}\
table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}\
td.n{text-align:right;font-variant-numeric:tabular-nums}tr.total td{font-weight:bold;border-top:2px solid #888}\
h2{margin-top:2em;border-bottom:1px solid #ccc}.excluded{color:#a40000}.charts{display:flex;flex-wrap:wrap;gap:2em}\
figure{margin:0}figcaption{font-weight:bold;margin-bottom:.3em}svg text{font-family:system-ui,sans-serif;font-size:11px}";

/// `--format html`: one self-contained page: three charts, then every
/// table (the files behind a cell in its tooltip), then the reports left
/// out.
pub fn html(
    out: &mut dyn Write,
    summary: &Summary,
    lang: &str,
    states: &StatesParties,
) -> io::Result<()> {
    let mut page = String::new();
    let title = format!("{} {}", label(lang, "summary-title"), summary.year);
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>{STYLE}</style></head><body>\n<h1>{}</h1>\n",
        attr(lang),
        esc(&title),
        esc(&title)
    );
    let s = &summary.sources;
    let _ = writeln!(
        page,
        "<p>{}: {} {}, {} {}, {} {}.</p>",
        label(lang, "sources"),
        s.read,
        label(lang, "read"),
        s.unused.len(),
        label(lang, "unused"),
        s.unreadable.len(),
        label(lang, "unreadable")
    );
    if !s.unused.is_empty() || !s.unreadable.is_empty() {
        page.push_str("<ul>");
        for (f, why) in s
            .unused
            .iter()
            .map(|u| (&u.file, &u.reason))
            .chain(s.unreadable.iter().map(|u| (&u.file, &u.reason)))
        {
            let _ = write!(page, "<li><code>{}</code>: {}</li>", esc(f), esc(why));
        }
        page.push_str("</ul>\n");
    }
    page.push_str("<div class=\"charts\">\n");
    if let Some(t) = summary.table("land_release_by_year") {
        chart_land_release(&mut page, t, lang);
    }
    if let Some(t) = summary.table("retained") {
        chart_retained(&mut page, t, lang);
    }
    page.push_str("</div>\n<div class=\"charts\">\n");
    if let (Some(rem), Some(ms), Some(areas)) = (
        summary.table("remaining_by_year"),
        summary.table("milestones"),
        summary.table("mined_areas"),
    ) {
        chart_remaining(&mut page, rem, ms, areas, lang);
    }
    page.push_str("</div>\n");
    for t in &summary.tables {
        table_html(&mut page, t, lang, states);
    }
    page.push_str("</body></html>\n");
    out.write_all(page.as_bytes())
}

/// Tables longer than this are folded (`<details>`, no script needed), so
/// the per-State reporting table does not push the others off the page.
const FOLD_ROWS: usize = 40;

fn table_html(page: &mut String, t: &Table, lang: &str, states: &StatesParties) {
    let _ = writeln!(
        page,
        "<h2 id=\"{}\">{}</h2>",
        attr(&t.id),
        esc(label(lang, &t.id))
    );
    let folded = t.rows.len() > FOLD_ROWS;
    if folded {
        let _ = write!(
            page,
            "<details><summary>{} ({})</summary>",
            esc(label(lang, &t.id)),
            t.rows.len()
        );
    }
    page.push_str("<table><tr><th></th>");
    for c in &t.columns {
        let _ = write!(page, "<th>{}</th>", esc(label(lang, c)));
    }
    page.push_str("</tr>\n");
    for (i, r) in t.rows.iter().chain(&t.total).enumerate() {
        let is_total = i >= t.rows.len();
        let name = if is_total {
            label(lang, "total").to_owned()
        } else {
            match states.get(&r.key) {
                Some(s) => format!("{} ({})", s.name(lang), s.code),
                None => row_label(lang, &r.key),
            }
        };
        let _ = write!(
            page,
            "<tr{}><td>{}</td>",
            if is_total { " class=\"total\"" } else { "" },
            esc(&name)
        );
        for c in &t.columns {
            match r.get(c) {
                Some(cell) => {
                    let class = if matches!(cell.value, CellValue::Number(_)) {
                        " class=\"n\""
                    } else {
                        ""
                    };
                    let tip = if cell.files.is_empty() {
                        String::new()
                    } else {
                        format!(
                            " title=\"{} {}\"",
                            label(lang, "files-of-cell"),
                            attr(&cell.files.join(", "))
                        )
                    };
                    let _ = write!(
                        page,
                        "<td{class}{tip}>{}</td>",
                        esc(&cell_text(lang, c, cell))
                    );
                }
                None => page.push_str("<td></td>"),
            }
        }
        page.push_str("</tr>\n");
    }
    page.push_str("</table>\n");
    if folded {
        page.push_str("</details>\n");
    }
    if !t.excluded.is_empty() {
        let _ = write!(
            page,
            "<p class=\"excluded\">{}:</p><ul class=\"excluded\">",
            esc(label(lang, "excluded"))
        );
        for e in &t.excluded {
            let _ = write!(
                page,
                "<li><code>{}</code> ({} {}): {}</li>",
                esc(&e.file),
                esc(&e.state),
                e.year,
                esc(&e.reason)
            );
        }
        page.push_str("</ul>\n");
    }
}

const COLOURS: &[&str] = &[
    "#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860", "#da8bc3", "#8c8c8c",
];

/// A rounded-up axis maximum (1, 2 or 5 times a power of ten).
fn nice_max(v: f64) -> f64 {
    if v <= 0.0 {
        return 1.0;
    }
    let p = 10f64.powf(v.log10().floor());
    for m in [1.0, 2.0, 5.0, 10.0] {
        if v <= m * p {
            return m * p;
        }
    }
    10.0 * p
}

fn chart_land_release(page: &mut String, t: &Table, lang: &str) {
    let (w, h, left, bottom, top) = (520.0, 300.0, 60.0, 40.0, 30.0);
    let series = ["cancelled_m2", "reduced_m2", "cleared_m2"];
    let bars: Vec<(&str, Vec<f64>)> = t
        .rows
        .iter()
        .map(|r| {
            (
                r.key.as_str(),
                series
                    .iter()
                    .map(|c| r.get(c).and_then(Cell::as_f64).unwrap_or(0.0) / 1e6)
                    .collect(),
            )
        })
        .collect();
    let max = nice_max(
        bars.iter()
            .map(|(_, v)| v.iter().sum::<f64>())
            .fold(0.0, f64::max),
    );
    let plot_h = h - bottom - top;
    let slot = (w - left - 10.0) / bars.len().max(1) as f64;
    let _ = write!(
        page,
        "<figure><figcaption>{}</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" role=\"img\">",
        esc(label(lang, "chart-land"))
    );
    axis(page, left, top, plot_h, w - 10.0, max);
    for (i, (year, values)) in bars.iter().enumerate() {
        let x = left + slot * i as f64 + slot * 0.15;
        let mut y = top + plot_h;
        for (j, v) in values.iter().enumerate() {
            let bh = v / max * plot_h;
            y -= bh;
            let _ = write!(
                page,
                "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{bh:.1}\" fill=\"{}\"><title>{year} {}: {} km²</title></rect>",
                slot * 0.7,
                COLOURS[j],
                esc(label(lang, series[j])),
                number(*v)
            );
        }
        let _ = write!(
            page,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            x + slot * 0.35,
            top + plot_h + 15.0,
            esc(year)
        );
    }
    for (j, s) in series.iter().enumerate() {
        let x = left + 10.0 + j as f64 * 140.0;
        let _ = write!(
            page,
            "<rect x=\"{x}\" y=\"{:.1}\" width=\"10\" height=\"10\" fill=\"{}\"/><text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            h - 15.0,
            COLOURS[j],
            x + 14.0,
            h - 6.0,
            esc(label(lang, s))
        );
    }
    page.push_str("</svg></figure>\n");
}

fn axis(page: &mut String, left: f64, top: f64, plot_h: f64, right: f64, max: f64) {
    for k in 0..=4 {
        let v = max * f64::from(k) / 4.0;
        let y = top + plot_h - plot_h * f64::from(k) / 4.0;
        let _ = write!(
            page,
            "<line x1=\"{left}\" x2=\"{right}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#ddd\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            left - 4.0,
            y + 4.0,
            number(v)
        );
    }
}

fn chart_retained(page: &mut String, t: &Table, lang: &str) {
    let mut bars: Vec<(&str, f64)> = t
        .rows
        .iter()
        .filter_map(|r| Some((r.key.as_str(), r.get("last")?.as_f64()?)))
        .collect();
    bars.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    let row_h = 16.0;
    let (w, left, top) = (460.0, 50.0, 10.0);
    let h = top + row_h * bars.len() as f64 + 30.0;
    let max = nice_max(bars.iter().map(|b| b.1).fold(0.0, f64::max));
    let plot_w = w - left - 70.0;
    let _ = write!(
        page,
        "<figure><figcaption>{}</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h:.0}\" role=\"img\">",
        esc(label(lang, "chart-retained"))
    );
    for (i, (state, v)) in bars.iter().enumerate() {
        let y = top + row_h * i as f64;
        let bw = v / max * plot_w;
        let _ = write!(
            page,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text><rect x=\"{left}\" y=\"{y:.1}\" width=\"{bw:.1}\" height=\"{:.1}\" fill=\"{}\"/><text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            left - 4.0,
            y + 11.0,
            esc(state),
            row_h - 4.0,
            COLOURS[0],
            left + bw + 4.0,
            y + 11.0,
            number(*v)
        );
    }
    page.push_str("</svg></figure>\n");
}

/// One small chart per State with mined areas: the remaining area at the
/// end of each year reported (solid), the path its milestones promise from
/// the last report on (dashed: remaining minus the targets still to come),
/// and the Article 5 deadline (a red line).
fn chart_remaining(
    page: &mut String,
    remaining: &Table,
    milestones: &Table,
    areas: &Table,
    lang: &str,
) {
    let (w, h, left, bottom, top) = (300.0, 200.0, 55.0, 45.0, 20.0);
    for area_row in &areas.rows {
        let state = area_row.key.as_str();
        let mut points: Vec<(f64, f64)> = remaining
            .rows
            .iter()
            .filter(|r| matches!(r.get("state").map(|c| &c.value), Some(CellValue::Text(s)) if s == state))
            .filter_map(|r| Some((r.get("year")?.as_f64()?, r.get("area_m2")?.as_f64()? / 1e6)))
            .collect();
        points.sort_by(|a, b| a.0.total_cmp(&b.0));
        let Some(&(last_year, last_area)) = points.last() else {
            continue;
        };
        let mut planned = vec![(last_year, last_area)];
        let mut left_area = last_area;
        let mut targets: Vec<(f64, f64)> = milestones
            .rows
            .iter()
            .filter(|r| matches!(r.get("state").map(|c| &c.value), Some(CellValue::Text(s)) if s == state))
            .filter_map(|r| Some((r.get("year")?.as_f64()?, r.get("target_m2")?.as_f64()? / 1e6)))
            .filter(|(y, _)| *y > last_year)
            .collect();
        targets.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (y, t) in targets {
            left_area = (left_area - t).max(0.0);
            planned.push((y, left_area));
        }
        let deadline_year = match area_row.get("deadline").map(|c| &c.value) {
            Some(CellValue::Text(d)) => d.get(..4).and_then(|y| y.parse::<f64>().ok()),
            _ => None,
        };
        let x0 = points.first().map_or(last_year, |p| p.0);
        let x1 = planned
            .last()
            .map_or(last_year, |p| p.0)
            .max(deadline_year.unwrap_or(last_year))
            .max(x0 + 1.0);
        let max = nice_max(
            points
                .iter()
                .chain(&planned)
                .map(|p| p.1)
                .fold(0.0, f64::max),
        );
        let plot_h = h - bottom - top;
        let plot_w = w - left - 15.0;
        let px = |x: f64| left + (x - x0) / (x1 - x0) * plot_w;
        let py = |v: f64| top + plot_h - v / max * plot_h;
        let _ = write!(
            page,
            "<figure><figcaption>{} — {}</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" role=\"img\">",
            esc(state),
            esc(label(lang, "chart-remaining"))
        );
        axis(page, left, top, plot_h, w - 15.0, max);
        let path = |pts: &[(f64, f64)]| {
            pts.iter()
                .map(|(x, y)| format!("{:.1},{:.1}", px(*x), py(*y)))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let _ = write!(
            page,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"><title>{}</title></polyline>",
            path(&points),
            COLOURS[0],
            esc(label(lang, "chart-remaining-now"))
        );
        if planned.len() > 1 {
            let _ = write!(
                page,
                "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\" stroke-dasharray=\"5,3\"><title>{}</title></polyline>",
                path(&planned),
                COLOURS[1],
                esc(label(lang, "chart-milestone"))
            );
        }
        if let Some(d) = deadline_year {
            let _ = write!(
                page,
                "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"{top}\" y2=\"{1:.1}\" stroke=\"#c00\"><title>{2}</title></line>",
                px(d),
                top + plot_h,
                esc(label(lang, "deadline"))
            );
        }
        // A tick per year; labels on every other year when they crowd.
        let span = (x1 - x0) as i64;
        let step = if span > 8 { 2 } else { 1 };
        for k in (0..=span).step_by(step) {
            let x = x0 + k as f64;
            let _ = write!(
                page,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{x}</text>",
                px(x),
                top + plot_h + 15.0
            );
        }
        let legend_y = h - 4.0;
        let _ = write!(
            page,
            "<line x1=\"{left}\" x2=\"{0:.1}\" y1=\"{1:.1}\" y2=\"{1:.1}\" stroke=\"{2}\" stroke-width=\"2\"/><text x=\"{3:.1}\" y=\"{legend_y:.1}\">{4}</text>\
<line x1=\"{5:.1}\" x2=\"{6:.1}\" y1=\"{1:.1}\" y2=\"{1:.1}\" stroke=\"{7}\" stroke-width=\"2\" stroke-dasharray=\"5,3\"/><text x=\"{8:.1}\" y=\"{legend_y:.1}\">{9}</text>\
<line x1=\"{10:.1}\" x2=\"{10:.1}\" y1=\"{11:.1}\" y2=\"{12:.1}\" stroke=\"#c00\"/><text x=\"{13:.1}\" y=\"{legend_y:.1}\">{14}</text>",
            left + 16.0,
            legend_y - 4.0,
            COLOURS[0],
            left + 20.0,
            esc(label(lang, "chart-remaining-now")),
            left + 80.0,
            left + 96.0,
            COLOURS[1],
            left + 100.0,
            esc(label(lang, "chart-milestone")),
            left + 160.0,
            legend_y - 10.0,
            legend_y,
            left + 164.0,
            esc(label(lang, "chart-deadline")),
        );
        page.push_str("</svg></figure>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_for_people() {
        assert_eq!(number(0.0), "0");
        assert_eq!(number(1250.0), "1,250");
        assert_eq!(number(-70.0), "−70");
        assert_eq!(number(497.34), "497.34");
        assert_eq!(nice_max(0.0), 1.0);
        assert_eq!(nice_max(3974.0), 5000.0);
        assert_eq!(nice_max(1000.0), 1000.0);
    }
}
