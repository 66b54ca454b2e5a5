//! Writing an analysis: every table (CSV, Parquet or both) and chart of [`OUTPUTS`], then the
//! files that describe them (the data dictionary `tables/README.md`, the report pages and
//! `run.json`), all into a staging folder moved into place only when everything is written,
//! and never over a file the run read.

use std::path::{Path, PathBuf};
use std::time::{Instant, SystemTime};

use polars::prelude::{DataFrame, DataType, SortMultipleOptions};
use rayon::prelude::*;

use super::computed::Computed;
use super::describe;
use super::outputs::{
    parquet_name, Build, Charts, CsvRows, Emit, OutputInfo, OutputKind, OUTPUTS, RUN_JSON,
};
use super::record::{self, StageClock, TableRecord, WrittenChart, WrittenTable};
use super::summary::Summary;
use crate::columns::thousands;
use crate::error::{Error, Result, Warning};
use crate::output::rows::RowTable;
use crate::output::tables::{preview_rows, CsvStyle, TableWriter};
use crate::output::Staging;
use crate::parquet::ParquetTable;
use crate::progress::Progress;

/// Rows a spreadsheet opens: Excel's and LibreOffice's limit, header included.
pub const SPREADSHEET_ROWS: u64 = 1_048_576;

/// Rows of each table shown in the report.
const PREVIEW_ROWS: usize = 10;

/// What a run wrote.
pub(crate) struct Written {
    pub files: Vec<PathBuf>,
    pub warnings: Vec<Warning>,
}

/// [`Analysis::write`] into the output folder `staging` began, with the stages timed so far
/// on `clock` recorded in run.json.
pub(crate) fn write(
    analysis: &Computed,
    mut staging: Staging,
    clock: &StageClock<'_>,
    started: SystemTime,
) -> Result<Written> {
    // The descriptions come after, from what was written.
    let outputs: Vec<&'static OutputInfo> = OUTPUTS
        .iter()
        .filter(|o| o.kind() != OutputKind::Description && o.is_written_by(analysis))
        .collect();
    let mut tables = Vec::new();
    let mut charts = Vec::new();
    for stage in outputs.chunk_by(|a, b| a.stage() == b.stage()) {
        clock.start(stage[0].stage(), 0);
        if stage.iter().all(|o| o.kind() == OutputKind::Chart) {
            charts.extend(draw_charts(analysis, stage, &mut staging, clock)?);
            clock.finish();
            continue;
        }
        for &output in stage {
            let started = Instant::now();
            match output.build {
                Build::Table(build) => {
                    tables.push(write_table(analysis, output, build, &mut staging)?);
                }
                Build::Chart(_) => {
                    charts.extend(draw_charts(analysis, &[output], &mut staging, clock)?);
                    continue;
                }
                Build::Description => {}
            }
            clock.output_done(output.path, started.elapsed().as_secs_f64());
        }
        clock.finish();
    }
    let warnings = too_long_for_spreadsheets(&tables, analysis.config.table_format.parquet());
    clock.start("report", 0);
    describe::write_descriptions(analysis, &tables, &charts, &warnings, &mut staging)?;
    let inputs = record::input_files(analysis)?;
    clock.finish();
    let summary = Summary {
        warnings: analysis.warnings.iter().chain(&warnings).cloned().collect(),
        ..analysis.summary(Vec::new(), clock.stages())
    };
    let records: Vec<TableRecord> = tables.iter().map(|t| t.record.clone()).collect();
    let run = record::run_json(
        analysis,
        &summary,
        &inputs,
        &records,
        &clock.stages(),
        started,
    );
    let path = staging.file(RUN_JSON)?;
    std::fs::File::create(&path)
        .and_then(|file| run.write_pretty(std::io::BufWriter::new(file)))
        .map_err(|e| Error::write(&path, e))?;
    drop(run);
    // A count row or key list that could not be read back made some output wrong: write none.
    analysis.counts.doc_terms.check()?;
    analysis.tokens.check()?;
    for target in analysis.keyness.iter().flatten() {
        target.keys.check()?;
    }
    let read: Vec<&Path> = inputs.iter().map(|f| f.path).collect();
    drop(inputs);
    let files = staging.commit(&read)?;
    Ok(Written { files, warnings })
}

/// Draws the charts of `outputs`, each output on a thread of its own (a chart's PNG takes as
/// long as a large table), then records their files in the outputs' order, as one thread
/// drawing them in turn would.
fn draw_charts(
    analysis: &Computed,
    outputs: &[&'static OutputInfo],
    staging: &mut Staging,
    clock: &StageClock<'_>,
) -> Result<Vec<WrittenChart>> {
    /// An output's charts (file, title) and the time they took.
    struct Drawn {
        charts: Vec<(String, String)>,
        seconds: f64,
    }
    let shared: &Staging = staging;
    let drawn: Vec<Result<Drawn>> = outputs
        .par_iter()
        .map(|&output| {
            let started = Instant::now();
            let mut drawn = Vec::new();
            if let Build::Chart(draw) = output.build {
                draw(
                    analysis,
                    &mut Charts {
                        staging: shared,
                        output,
                        options: analysis.config.charts,
                        drawn: &mut drawn,
                    },
                )?;
            }
            Ok(Drawn {
                charts: drawn,
                seconds: started.elapsed().as_secs_f64(),
            })
        })
        .collect();
    let mut charts = Vec::new();
    for (&output, result) in outputs.iter().zip(drawn) {
        let Drawn {
            charts: drawn,
            seconds,
        } = result?;
        for (path, title) in drawn {
            staging.record(&path);
            charts.push(WrittenChart {
                output,
                path,
                title,
            });
        }
        clock.output_done(output.path, seconds);
    }
    Ok(charts)
}

/// Writes one table as the configuration asks (CSV, Parquet or both), part by part, keeping
/// its header and the rows the report previews.
fn write_table(
    analysis: &Computed,
    output: &'static OutputInfo,
    build: fn(&Computed, Emit<'_>) -> Result<()>,
    staging: &mut Staging,
) -> Result<WrittenTable> {
    let format = analysis.config.table_format;
    let style = analysis.config.csv;
    if let (Some(rows), false) = (output.csv_rows, format.parquet()) {
        return write_csv_rows(analysis, output, rows, staging);
    }
    let csv_path = match format.csv() {
        true => Some(staging.file(output.path)?),
        false => None,
    };
    let parquet_path = match format.parquet() {
        true => Some(staging.file(&parquet_name(output.path))?),
        false => None,
    };
    let mut csv = match &csv_path {
        Some(path) => Some(TableWriter::create(path, style)?),
        None => None,
    };
    let mut parquet = parquet_path.as_deref().map(ParquetTable::create);
    let mut header: Option<Vec<String>> = None;
    let mut preview = Preview::new(output, style);
    let mut rows = 0u64;
    build(analysis, &mut |part: DataFrame| {
        if header.is_none() {
            header = Some(
                part.get_column_names()
                    .iter()
                    .map(|n| n.to_string())
                    .collect(),
            );
        }
        preview.offer(&part)?;
        rows += part.height() as u64;
        if let Some(csv) = csv.as_mut() {
            csv.append(&part)?;
        }
        if let Some(parquet) = parquet.as_mut() {
            parquet.append(part)?;
        }
        Ok(())
    })?;
    if let Some(csv) = csv {
        csv.finish()?;
    }
    if let Some(parquet) = parquet {
        parquet.finish()?;
    }
    Ok(WrittenTable {
        output,
        record: TableRecord {
            path: match format.csv() {
                true => output.path.to_owned(),
                false => parquet_name(output.path),
            },
            rows,
        },
        header: header.unwrap_or_default(),
        preview: preview.rows(),
    })
}

/// Writes a CSV table from its rows ([`OutputInfo::csv_rows`]), keeping its header and the
/// first rows for the report (such a table has no `preview_by`).
fn write_csv_rows(
    analysis: &Computed,
    output: &'static OutputInfo,
    rows: CsvRows,
    staging: &mut Staging,
) -> Result<WrittenTable> {
    let path = staging.file(output.path)?;
    let mut writer = TableWriter::create(&path, analysis.config.csv)?;
    let mut table = RowTable::new(&mut writer, PREVIEW_ROWS);
    rows(analysis, &mut table)?;
    let preview = table.preview();
    let header = writer.columns().to_vec();
    let rows = writer.finish()?;
    Ok(WrittenTable {
        output,
        record: TableRecord {
            path: output.path.to_owned(),
            rows,
        },
        header,
        preview,
    })
}

/// The rows of a table the report shows: its first rows, or those with the largest values of
/// the column the catalogue names ([`OutputInfo::preview_by`]), kept as the parts go by. Kept
/// as printed cells, so no part outlives its turn.
struct Preview {
    output: &'static OutputInfo,
    style: CsvStyle,
    /// The rows so far with the value of the `preview_by` column (none without one).
    rows: Vec<(Option<f64>, Vec<String>)>,
}

impl Preview {
    fn new(output: &'static OutputInfo, style: CsvStyle) -> Preview {
        Preview {
            output,
            style,
            rows: Vec::new(),
        }
    }

    fn offer(&mut self, part: &DataFrame) -> Result<()> {
        let path = Path::new(self.output.path);
        // A table without the column (similarity.csv by style has no cosine) shows its
        // first rows.
        let sorted_by = self
            .output
            .preview_by
            .filter(|c| part.column(c.name).is_ok());
        let Some(column) = sorted_by else {
            let wanted = PREVIEW_ROWS.saturating_sub(self.rows.len());
            if wanted > 0 {
                let first = preview_rows(part, wanted, self.style, path)?;
                self.rows.extend(first.into_iter().map(|row| (None, row)));
            }
            return Ok(());
        };
        let table_error = |source| Error::Table {
            table: self.output.path,
            source,
        };
        let largest = part
            .sort(
                [column.name],
                SortMultipleOptions::new()
                    .with_order_descending(true)
                    .with_nulls_last(true)
                    .with_maintain_order(true),
            )
            .map_err(table_error)?
            .head(Some(PREVIEW_ROWS));
        let values = largest
            .column(column.name)
            .and_then(|c| c.cast(&DataType::Float64))
            .map_err(table_error)?;
        let values = values.f64().map_err(table_error)?;
        let values: Vec<Option<f64>> = (0..values.len()).map(|i| values.get(i)).collect();
        let cells = preview_rows(&largest, PREVIEW_ROWS, self.style, path)?;
        self.rows.extend(values.into_iter().zip(cells));
        // Largest first, empty values last, earlier parts before later ones on a tie.
        self.rows.sort_by(|a, b| match (a.0, b.0) {
            (Some(x), Some(y)) => y.total_cmp(&x),
            (x, y) => y.is_some().cmp(&x.is_some()),
        });
        self.rows.truncate(PREVIEW_ROWS);
        Ok(())
    }

    /// The kept rows, cells as the CSV file prints them.
    fn rows(self) -> Vec<Vec<String>> {
        self.rows.into_iter().map(|(_, cells)| cells).collect()
    }
}

/// A warning for each table a spreadsheet cannot open whole, saying how to get it in a
/// form that fits.
fn too_long_for_spreadsheets(tables: &[WrittenTable], have_parquet: bool) -> Vec<Warning> {
    tables
        .iter()
        .filter(|t| t.record.rows + 1 > SPREADSHEET_ROWS)
        .map(|t| {
            let parquet = match have_parquet {
                true => format!(
                    "{} holds it whole for R, Python or DuckDB",
                    parquet_name(t.output.path)
                ),
                false => "--format parquet writes it whole for R, Python or DuckDB".to_owned(),
            };
            Warning::output(
                t.output.path,
                format!(
                    "{} rows: more than a spreadsheet opens ({} rows); Excel and LibreOffice \
                     would show only the first {}. {}; {parquet}",
                    thousands(t.record.rows),
                    thousands(SPREADSHEET_ROWS),
                    thousands(SPREADSHEET_ROWS - 1),
                    t.output.too_long,
                ),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(name: &str, rows: u64) -> WrittenTable {
        let output = OUTPUTS
            .iter()
            .find(|o| o.is_table() && o.name() == name)
            .unwrap();
        WrittenTable {
            output,
            record: TableRecord {
                path: output.path.to_owned(),
                rows,
            },
            header: Vec::new(),
            preview: Vec::new(),
        }
    }

    #[test]
    fn tables_longer_than_a_spreadsheet_get_a_warning_with_a_way_out() {
        // 1,048,575 rows and the header fill a sheet exactly; one more row does not fit.
        let fits = written("term_frequency", SPREADSHEET_ROWS - 1);
        assert!(too_long_for_spreadsheets(&[fits], false).is_empty());
        let tables = [
            written("term_frequency", 3_289_910),
            written("cooccurrence", SPREADSHEET_ROWS),
            written("term_matrix", 5_685),
        ];
        let warnings: Vec<String> = too_long_for_spreadsheets(&tables, false)
            .iter()
            .map(|w| w.to_string())
            .collect();
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].contains("tables/term_frequency.csv: 3,289,910 rows"));
        assert!(warnings[0].contains("open tables/term_matrix.csv"));
        assert!(warnings[0].contains("--format parquet writes it whole"));
        assert!(warnings[1].contains("raise --min-count"));
        // The advice names the command that writes term_matrix (the word count does not);
        // with Parquet written, the warning points at the file.
        let alone = [written("term_frequency", 3_289_910)];
        let warning = too_long_for_spreadsheets(&alone, true)[0].to_string();
        assert!(warning.contains("written by `speechstat analyze`"));
        assert!(warning.contains("tables/term_frequency.parquet holds it whole"));
    }
}
