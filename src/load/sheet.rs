//! Reading one input file into sheets of cells: workbooks through calamine
//! (xlsx, xlsm, xls, xlsb, ods) and CSV text in UTF-8, UTF-16 or Windows-1252
//! with `,`, `;` or tab separators.

use std::path::Path;

use calamine::{Data, Reader};

use super::csv_text::{csv_cell, csv_reader, decode_text, ends_inside_quotes, sniff_delimiter};
use super::file_bytes::read_limited;
use super::options::Limits;
use super::read_error::MB;
pub use super::read_error::{Oversize, ReadError};
use super::values::Cell;

/// One sheet of cells. CSV files have one sheet with no name.
///
/// Rows are produced on demand from what was read (the workbook's cells, the
/// CSV text), one at a time: a million-line export is never held twice.
#[derive(Debug, Clone)]
pub struct RawSheet {
    pub sheet: Option<String>,
    /// 1-based row number, as shown to the user, of the first row.
    pub first_row_number: u64,
    /// Whether Excel serial dates count from 1904 (old Mac workbooks).
    pub is_1904: bool,
    body: Body,
}

#[derive(Debug, Clone)]
enum Body {
    /// Cells start at `first_col`; rows are padded so columns stay absolute.
    Workbook {
        range: calamine::Range<Data>,
        first_col: usize,
    },
    /// Already checked to parse; parsed again row by row when read.
    Csv {
        text: String,
        delimiter: u8,
        rows: usize,
        /// Every [`MARK_EVERY`] rows: the row's index and where it starts in
        /// `text`, so that the rows can be read in parts.
        marks: Vec<(usize, usize)>,
    },
}

/// Rows between two places a CSV text can be read from.
const MARK_EVERY: usize = 4096;

/// Consecutive rows of a sheet, read apart from the others (on another thread).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowSpan {
    /// Index of the span's first row in the sheet.
    first: usize,
    /// Rows in the span; `None`: to the sheet's end.
    count: Option<usize>,
    /// Where the span's first row starts in a CSV text.
    offset: usize,
}

impl RowSpan {
    fn end(&self) -> usize {
        self.count.map_or(usize::MAX, |count| self.first + count)
    }
}

impl RawSheet {
    /// Every row, in order.
    pub fn rows(&self) -> Box<dyn Iterator<Item = Vec<Cell>> + '_> {
        match &self.body {
            Body::Workbook { range, first_col } => {
                Box::new(range.rows().map(move |row| workbook_row(row, *first_col)))
            }
            Body::Csv {
                text, delimiter, ..
            } => {
                let reader = csv_reader(text, *delimiter);
                Box::new(
                    reader
                        .into_records()
                        .map_while(Result::ok)
                        .map(|record| record.iter().map(csv_cell).collect()),
                )
            }
        }
    }

    /// The sheet cut in up to `parts` spans of about as many rows each (of at
    /// least `min_rows`), in order: together they hold every row once.
    pub fn spans(&self, parts: usize, min_rows: usize) -> Vec<RowSpan> {
        let (rows, marks): (usize, &[(usize, usize)]) = match &self.body {
            Body::Workbook { range, .. } => (range.height(), &[]),
            Body::Csv { rows, marks, .. } => (*rows, marks),
        };
        let parts = parts.min(rows / min_rows.max(1)).max(1);
        // Where each span starts: (row index, offset in a CSV text).
        let mut starts = vec![(0, 0)];
        for part in 1..parts {
            let target = rows * part / parts;
            let start = match &self.body {
                Body::Workbook { .. } => (target, 0),
                // The last mark at or before the target row.
                Body::Csv { .. } => match marks.partition_point(|(row, _)| *row <= target) {
                    0 => continue,
                    after => marks[after - 1],
                },
            };
            if start.0 > starts.last().map_or(0, |s| s.0) {
                starts.push(start);
            }
        }
        let mut spans: Vec<RowSpan> = starts
            .windows(2)
            .map(|pair| RowSpan {
                first: pair[0].0,
                count: Some(pair[1].0 - pair[0].0),
                offset: pair[0].1,
            })
            .collect();
        let (first, offset) = *starts.last().expect("the first span's start");
        spans.push(RowSpan {
            first,
            count: None,
            offset,
        });
        spans
    }

    /// Visits the rows of `span`, in order, with their index in the sheet. CSV
    /// rows are read into one buffer of cells whose text is overwritten row
    /// after row, instead of a new string per field and a new row per line.
    pub fn each_row_in(&self, span: RowSpan, mut visit: impl FnMut(usize, &[Cell])) {
        let end = span.end();
        let (text, delimiter) = match &self.body {
            Body::Workbook { range, first_col } => {
                let rows = range.rows().skip(span.first).take(end - span.first);
                for (index, row) in (span.first..).zip(rows) {
                    visit(index, &workbook_row(row, *first_col));
                }
                return;
            }
            Body::Csv {
                text, delimiter, ..
            } => (text, *delimiter),
        };
        let mut reader = csv_reader(&text[span.offset..], delimiter);
        let mut record = csv::StringRecord::new();
        let mut cells: Vec<Cell> = Vec::new();
        let mut index = span.first;
        // As `rows`: the text was checked to parse; reading stops at an error.
        while index < end {
            let Ok(true) = reader.read_record(&mut record) else {
                break;
            };
            cells.truncate(record.len());
            for (at, field) in record.iter().enumerate() {
                match cells.get_mut(at) {
                    Some(Cell::Text(buffer)) if !field.is_empty() => {
                        buffer.clear();
                        buffer.push_str(field);
                    }
                    Some(cell) => *cell = csv_cell(field),
                    None => cells.push(csv_cell(field)),
                }
            }
            visit(index, &cells);
            index += 1;
        }
    }

    /// The first `count` rows, where the header is looked for.
    pub fn head(&self, count: usize) -> Vec<Vec<Cell>> {
        self.rows().take(count).collect()
    }
}

/// The kinds of file the loader reads, by extension.
pub fn is_supported_extension(path: &Path) -> bool {
    matches!(
        extension(path).as_str(),
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" | "csv" | "txt"
    )
}

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Reads every sheet of a file, within the limits.
pub fn read_sheets(path: &Path, limits: &Limits) -> Result<Vec<RawSheet>, ReadError> {
    parse_sheets(&read_limited(path, limits)?, path, limits)
}

/// Parses the bytes of a file; `path` tells the format by its extension.
pub fn parse_sheets(
    bytes: &[u8],
    path: &Path,
    limits: &Limits,
) -> Result<Vec<RawSheet>, ReadError> {
    if bytes.is_empty() {
        return Err(ReadError::EmptyFile);
    }
    let sheets = match extension(path).as_str() {
        "csv" | "txt" => vec![read_csv(bytes, limits)?],
        _ => read_workbook(bytes, limits)?,
    };
    Ok(sheets)
}

/// Xlsx, xlsb and ods files are zip archives: refuse one that would unpack to
/// more than the limit (a zip bomb) before anything is decompressed. The sizes
/// are those the archive declares; the zip reader never inflates past them.
fn check_archive_size(bytes: &[u8], limits: &Limits) -> Result<(), ReadError> {
    let Ok(mut archive) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Ok(()); // not a zip (xls), or damaged: the workbook reader says so
    };
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        if let Ok(entry) = archive.by_index_raw(index) {
            total = total.saturating_add(entry.size());
        }
    }
    if total > limits.max_decompressed_mb * MB {
        return Err(ReadError::Limit(Oversize::UnpackedSize {
            bytes: total,
            max_mb: limits.max_decompressed_mb,
        }));
    }
    Ok(())
}

/// Checks a sheet's size; `sheet` is its name, `None` for a CSV file.
fn check_sheet_size(
    rows: u64,
    columns: u64,
    limits: &Limits,
    sheet: Option<&str>,
) -> Result<(), ReadError> {
    if rows > limits.max_rows {
        return Err(ReadError::Limit(Oversize::Rows {
            sheet: sheet.map(str::to_string),
            rows,
            max: limits.max_rows,
        }));
    }
    if rows.saturating_mul(columns) > limits.max_cells {
        return Err(ReadError::Limit(Oversize::Cells {
            sheet: sheet.map(str::to_string),
            cells: rows.saturating_mul(columns),
            max: limits.max_cells,
        }));
    }
    Ok(())
}

fn read_workbook(bytes: &[u8], limits: &Limits) -> Result<Vec<RawSheet>, ReadError> {
    check_archive_size(bytes, limits)?;
    let mut workbook = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| ReadError::Workbook(e.to_string()))?;
    let is_1904 = match &workbook {
        calamine::Sheets::Xlsx(book) => book.has_1904_epoch(),
        calamine::Sheets::Xls(book) => book.has_1904_epoch(),
        calamine::Sheets::Xlsb(book) => book.has_1904_epoch(),
        calamine::Sheets::Ods(_) => false,
    };
    let mut sheets = Vec::new();
    for name in workbook.sheet_names() {
        let range = workbook
            .worksheet_range(&name)
            .map_err(|e| ReadError::Sheet {
                sheet: name.clone(),
                reason: e.to_string(),
            })?;
        let (height, width) = range.get_size();
        check_sheet_size(height as u64, width as u64, limits, Some(&name))?;
        let first_row_number = range.start().map_or(1, |(row, _)| u64::from(row) + 1);
        let first_col = range.start().map_or(0, |(_, col)| col as usize);
        sheets.push(RawSheet {
            sheet: Some(name),
            first_row_number,
            is_1904,
            body: Body::Workbook { range, first_col },
        });
    }
    Ok(sheets)
}

/// A workbook row's cells, from column A: column positions stay absolute so
/// that letters in messages match Excel's.
fn workbook_row(row: &[Data], first_col: usize) -> Vec<Cell> {
    let mut cells = Vec::with_capacity(first_col + row.len());
    cells.resize(first_col, Cell::Empty);
    cells.extend(row.iter().map(cell_from_data));
    cells
}

fn cell_from_data(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(dt) if dt.is_datetime() => match dt.as_datetime() {
            Some(datetime) => Cell::Date(datetime),
            None => Cell::Number(dt.as_f64()),
        },
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

fn read_csv(bytes: &[u8], limits: &Limits) -> Result<RawSheet, ReadError> {
    let text = decode_text(bytes);
    if text.trim().is_empty() {
        return Err(ReadError::EmptyFile);
    }
    let delimiter = sniff_delimiter(&text);
    // Check the whole file now (limits, syntax); rows are parsed again when read.
    let mut reader = csv_reader(&text, delimiter);
    let mut record = csv::ByteRecord::new();
    let (mut rows, mut cells): (u64, u64) = (0, 0);
    let mut marks = Vec::new();
    loop {
        if rows > 0 && (rows as usize).is_multiple_of(MARK_EVERY) {
            marks.push((rows as usize, reader.position().byte() as usize));
        }
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                rows += 1;
                cells += record.len() as u64;
                check_sheet_size(
                    rows,
                    1,
                    &Limits {
                        max_cells: u64::MAX,
                        ..*limits
                    },
                    None,
                )?;
                if cells > limits.max_cells {
                    check_sheet_size(1, cells, limits, None)?;
                }
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                return Err(ReadError::Csv {
                    line,
                    reason: e.to_string(),
                });
            }
        }
    }
    if ends_inside_quotes(&text) {
        return Err(ReadError::CutShort {
            line: reader.position().line(),
        });
    }
    Ok(RawSheet {
        sheet: None,
        first_row_number: 1,
        is_1904: false,
        body: Body::Csv {
            text,
            delimiter,
            rows: rows as usize,
            marks,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Fix;

    #[test]
    fn limits_say_which_setting_to_raise() {
        use crate::i18n::Lang;
        let limits = Limits {
            max_rows: 2,
            ..Limits::default()
        };
        let error = read_csv(b"a;b\n1;2\n3;4\n", &limits).unwrap_err();
        assert_eq!(
            error.text().render(Lang::En),
            "the file with 3 rows exceeds the limit of 2 rows: if the file is genuine, raise [limits] max_rows in the config"
        );
        assert_eq!(
            error.text().render(Lang::Fr),
            "le fichier de 3 lignes dépasse la limite de 2 lignes : si le fichier est authentique, augmentez [limits] max_rows dans la configuration"
        );
        assert_eq!(error.fix(), Fix::config("[limits] max_rows"));
        let sheet = ReadError::Limit(Oversize::Cells {
            sheet: Some("Ventes".into()),
            cells: 120,
            max: 100,
        });
        assert_eq!(
            sheet.text().render(Lang::En),
            "sheet 'Ventes' with 120 cells exceeds the limit of 100 cells: if the file is genuine, raise [limits] max_cells in the config"
        );
        let size = ReadError::Limit(Oversize::FileSize {
            bytes: 600 * MB + 5,
            max_mb: 512,
        });
        assert_eq!(
            size.text().render(Lang::En),
            "the file's size (600 MB) exceeds the limit of 512 MB: if the file is genuine, raise [limits] max_file_mb in the config"
        );
        assert_eq!(
            size.text().render(Lang::Fr),
            "la taille du fichier (600 Mo) dépasse la limite de 512 Mo : si le fichier est authentique, augmentez [limits] max_file_mb dans la configuration"
        );
        let cut = read_csv(b"a;b\n\"1;2\n", &Limits::default()).unwrap_err();
        assert_eq!(
            cut.text().render(Lang::En),
            "the text cannot be read as CSV at line 3: a quoted field is not closed: the file looks cut short; export it again from Plannit"
        );
        assert_eq!(cut.fix(), Fix::DroppedFile);
        assert_eq!(
            ReadError::EmptyFile.text().render(Lang::En),
            "the file is empty (0 bytes): export the report again from Plannit"
        );
    }

    #[test]
    fn csv_with_quotes_commas_and_accents() {
        let sheet = read_csv(
            "Client,Montant\n\"Gagnon, \"\"Le Roi\"\" é\",\"1,50\"\n".as_bytes(),
            &Limits::default(),
        )
        .unwrap();
        let rows = sheet.head(2);
        assert_eq!(rows[1][0], Cell::Text("Gagnon, \"Le Roi\" é".into()));
        assert_eq!(rows[1][1], Cell::Text("1,50".into()));
    }

    /// The reused buffer gives every row as `rows` does: short and long rows,
    /// a field empty after being text, quoted separators.
    #[test]
    fn a_whole_span_reads_what_rows_reads() {
        let text = "a;b;c\n1;;\"x;y\"\n\n;2\nlong;er;row;here\n3;4;5\n";
        let sheet = read_csv(text.as_bytes(), &Limits::default()).unwrap();
        let expected: Vec<(usize, Vec<Cell>)> = sheet.rows().enumerate().collect();
        let mut seen = Vec::new();
        let [whole] = sheet.spans(1, 1)[..] else {
            panic!("one span")
        };
        sheet.each_row_in(whole, |index, row| seen.push((index, row.to_vec())));
        assert_eq!(seen, expected);
        assert_eq!(seen[1].1[1], Cell::Empty);
        // The csv reader skips the blank line.
        assert_eq!(seen[2].1, vec![Cell::Empty, Cell::Text("2".into())]);
    }

    /// Spans cut a sheet into consecutive runs of rows: read one after the
    /// other, they give every row once, in order, as one pass does.
    #[test]
    fn spans_read_every_row_once_in_order() {
        let mut text = String::from("a;b\n");
        for row in 0..10_000 {
            // Quoted separators and line breaks inside fields, and blank lines.
            text.push_str(&format!("\"{row};x\ny\";{}\n", row * 2));
            if row % 1000 == 0 {
                text.push('\n');
            }
        }
        let sheet = read_csv(text.as_bytes(), &Limits::default()).unwrap();
        let mut whole = Vec::new();
        let [every_row] = sheet.spans(1, 1)[..] else {
            panic!("one span")
        };
        sheet.each_row_in(every_row, |index, row| whole.push((index, row.to_vec())));
        assert_eq!(whole.len(), 10_001);
        for (parts, min_rows) in [(1, 1), (2, 1000), (3, 1000), (4, 1), (8, 3000), (2, 20_000)] {
            let spans = sheet.spans(parts, min_rows);
            // A CSV text is cut only where a row was marked (every 4,096 rows).
            let wanted = parts.min(10_001 / min_rows).max(1);
            assert!(
                spans.len() <= wanted && (spans.len() > 1) == (wanted > 1),
                "{} spans for {parts} parts of {min_rows} rows or more",
                spans.len()
            );
            let mut read = Vec::new();
            for span in spans {
                sheet.each_row_in(span, |index, row| read.push((index, row.to_vec())));
            }
            assert!(read == whole, "{parts} parts of {min_rows} rows or more");
        }
    }
}
