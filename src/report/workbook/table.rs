//! Writing one table (header, rows, totals row) over as many sheets as Excel's
//! row limit requires, in constant-memory mode, with frozen header, autofilter
//! and fitted column widths; and building formulas that refer to it.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook, Worksheet, XlsxError};

use super::formula::{formula, RowTemplate};
use rust_xlsxwriter::utility::row_col_to_cell;

/// Excel's last row is 1,048,576: a header and a totals row leave this many data rows.
pub const EXCEL_MAX_DATA_ROWS: usize = 1_048_576 - 2;

/// A cell of a table row.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Money(Decimal),
    Number(Decimal),
    Count(u64),
    Date(Option<NaiveDate>),
    /// An empty cell: nothing written.
    Blank,
    /// A formula on the same row: `{key}` stands for the cell of column `key`
    /// on that row; `result` is the value it computes, stored so the workbook
    /// reads right unrecalculated.
    RowFormula {
        template: &'static str,
        result: Decimal,
    },
    /// As `RowFormula`, for a count (no currency format).
    CountFormula {
        template: &'static str,
        result: i64,
    },
}

/// How a cell's value is shown: its number format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    General,
    Money,
    Date,
}

impl Value {
    fn shown(&self) -> Shown {
        match self {
            Value::Money(_) | Value::RowFormula { .. } => Shown::Money,
            Value::Date(_) => Shown::Date,
            Value::Text(_)
            | Value::Number(_)
            | Value::Count(_)
            | Value::CountFormula { .. }
            | Value::Blank => Shown::General,
        }
    }

    fn width(&self) -> usize {
        match self {
            Value::Text(text) => text.chars().count(),
            Value::Money(_) | Value::RowFormula { .. } => 14,
            Value::CountFormula { .. } => 8,
            Value::Number(n) => n.to_string().len() + 2,
            Value::Count(n) => n.to_string().len() + 2,
            Value::Date(_) => 11,
            Value::Blank => 0,
        }
    }

    /// What the value adds to its column's total.
    fn total_part(&self) -> Decimal {
        match self {
            Value::Money(v) | Value::Number(v) => *v,
            Value::RowFormula { result, .. } => *result,
            Value::CountFormula { result, .. } => Decimal::from(*result),
            Value::Count(n) => Decimal::from(*n),
            Value::Text(_) | Value::Date(_) | Value::Blank => Decimal::ZERO,
        }
    }
}

/// The formats a table uses.
pub struct Formats {
    pub header: Format,
    pub money: Format,
    pub date: Format,
    pub total_label: Format,
    pub total_money: Format,
    pub total_count: Format,
    /// General, written explicitly where the column has another format.
    pub general: Format,
}

impl Formats {
    /// Every format, in the order a one-thread writing of the workbook's
    /// first table (a header, date and money columns, a totals row) uses them.
    fn in_index_order(&self) -> [&Format; 7] {
        [
            &self.header,
            &self.date,
            &self.money,
            &self.total_label,
            &self.total_money,
            &self.total_count,
            &self.general,
        ]
    }

    fn of(&self, shown: Shown) -> &Format {
        match shown {
            Shown::General => &self.general,
            Shown::Money => &self.money,
            Shown::Date => &self.date,
        }
    }

    pub fn new(money_format: &str) -> Formats {
        let bold = Format::new().set_bold();
        Formats {
            header: bold
                .clone()
                .set_background_color("#DDEBF7")
                .set_border_bottom(rust_xlsxwriter::FormatBorder::Thin),
            money: Format::new().set_num_format(money_format),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            total_label: bold
                .clone()
                .set_border_top(rust_xlsxwriter::FormatBorder::Thin),
            total_money: bold
                .clone()
                .set_num_format(money_format)
                .set_border_top(rust_xlsxwriter::FormatBorder::Thin),
            total_count: bold.set_border_top(rust_xlsxwriter::FormatBorder::Thin),
            general: Format::new().set_num_format("General"),
        }
    }
}

/// What to write. Columns are addressed by key; rows give one value per
/// column, in the order of `columns`.
pub struct TableSpec<'a> {
    pub sheet: &'a str,
    /// (key, header) of each column.
    pub columns: &'a [(&'static str, String)],
    /// Columns whose totals row holds a SUBTOTAL of the column.
    pub total_columns: &'a [&'static str],
    /// Which of those hold counts rather than money (formatted without currency).
    pub count_columns: &'a [&'static str],
    pub total_label: &'a str,
    pub continued_label: &'a str,
    pub max_data_rows: usize,
}

/// One sheet of a written table: its name and the 1-based rows of its data.
#[derive(Debug, Clone)]
pub struct TablePart {
    pub sheet: String,
    pub first_row: u32,
    pub last_row: u32,
}

/// Where a table was written, to build formulas that refer to it.
#[derive(Debug, Clone)]
pub struct WrittenTable {
    pub parts: Vec<TablePart>,
    /// Column keys in order, to turn a key into a column letter.
    pub keys: Vec<&'static str>,
    /// Sum of each total column over every part, as written.
    pub sums: BTreeMap<&'static str, Decimal>,
}

/// Decimal to the double Excel stores.
pub fn to_f64(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

fn excel_date(date: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(date.year() as u16, date.month() as u8, date.day() as u8)
}

/// Makes the workbook's constant-memory sheets for tables written on several
/// threads at once; each table's sheets are added to the workbook afterwards,
/// in the order the tables are read.
pub struct SheetMaker<'w> {
    workbook: std::sync::Mutex<&'w mut Workbook>,
}

impl<'w> SheetMaker<'w> {
    /// Gives the tables' `formats` their index in the workbook first, in one
    /// order: rust_xlsxwriter indexes a format the first time a sheet uses it,
    /// after a look-up that two sheets filled at once could both miss (the
    /// format would get two indices, and the next format one of them).
    pub fn new(workbook: &'w mut Workbook, formats: &Formats) -> Result<SheetMaker<'w>, XlsxError> {
        let mut indexing = workbook.new_worksheet_with_constant_memory()?;
        for (col, format) in formats.in_index_order().into_iter().enumerate() {
            indexing.set_column_format(col as u16, format)?;
        }
        Ok(SheetMaker {
            workbook: std::sync::Mutex::new(workbook),
        })
    }

    fn new_sheet(&self) -> Result<Worksheet, XlsxError> {
        let mut workbook = (self.workbook.lock()).unwrap_or_else(|poisoned| poisoned.into_inner());
        workbook.new_worksheet_with_constant_memory()
    }

    /// Adds the tables' sheets to the workbook, in the order given.
    pub fn add_in_order(self, tables: Vec<FilledTable>) -> Vec<WrittenTable> {
        let workbook =
            (self.workbook.into_inner()).unwrap_or_else(|poisoned| poisoned.into_inner());
        (tables.into_iter())
            .map(|filled| {
                for sheet in filled.sheets {
                    workbook.push_worksheet(sheet);
                }
                filled.table
            })
            .collect()
    }
}

/// A table written into sheets not yet in the workbook.
pub struct FilledTable {
    pub table: WrittenTable,
    sheets: Vec<Worksheet>,
}

/// Writes the table over one or more constant-memory sheets, consuming the rows
/// one at a time (they are never all held in memory).
pub fn write_table(
    maker: &SheetMaker,
    formats: &Formats,
    spec: &TableSpec,
    rows: impl IntoIterator<Item = Vec<Value>>,
) -> Result<FilledTable, XlsxError> {
    let mut writer = TableWriter::new(formats, spec);
    let mut rows = rows.into_iter().peekable();
    let mut parts = Vec::new();
    let mut sheets = Vec::new();
    while parts.is_empty() || rows.peek().is_some() {
        let name = if parts.is_empty() {
            spec.sheet.to_string()
        } else {
            format!(
                "{} ({} {})",
                spec.sheet,
                spec.continued_label,
                parts.len() + 1
            )
        };
        let mut sheet = maker.new_sheet()?;
        let column_shown = writer.start_sheet(&mut sheet, &name, rows.peek())?;
        let mut part_sums: BTreeMap<usize, Decimal> = (writer.total_columns.iter())
            .map(|c| (*c, Decimal::ZERO))
            .collect();
        let mut written = 0u32;
        while (written as usize) < spec.max_data_rows.max(1) {
            let Some(row) = rows.next() else { break };
            writer.write_row(&mut sheet, written + 1, &row, &column_shown, &mut part_sums)?;
            written += 1;
        }
        writer.finish_sheet(&mut sheet, written, &part_sums)?;
        parts.push(TablePart {
            sheet: name,
            first_row: 2,
            last_row: written + 1,
        });
        sheets.push(sheet);
    }
    let keys = writer.keys;
    let table = WrittenTable {
        sums: (writer.sums.into_iter())
            .map(|(col, sum)| (keys[col], sum))
            .collect(),
        keys,
        parts,
    };
    Ok(FilledTable { table, sheets })
}

/// One table being written: its columns, the totals so far, the column
/// widths from its first rows and its row formulas' templates.
struct TableWriter<'a> {
    formats: &'a Formats,
    spec: &'a TableSpec<'a>,
    keys: Vec<&'static str>,
    total_columns: Vec<usize>,
    count_columns: Vec<usize>,
    /// Each column total over every sheet so far.
    sums: BTreeMap<usize, Decimal>,
    widths: Vec<usize>,
    /// Rows seen: widths come from the first ones.
    seen: usize,
    /// Row formulas' templates, each split once: `{key}` → that column's cell.
    templates: Vec<(&'static str, RowTemplate)>,
    /// A row formula's text, written through one buffer.
    text: String,
}

impl<'a> TableWriter<'a> {
    fn new(formats: &'a Formats, spec: &'a TableSpec<'a>) -> TableWriter<'a> {
        let keys: Vec<&'static str> = spec.columns.iter().map(|(key, _)| *key).collect();
        let index = |key: &str| {
            keys.iter()
                .position(|k| *k == key)
                .unwrap_or_else(|| panic!("{}: no column '{key}'", spec.sheet))
        };
        let total_columns: Vec<usize> = spec.total_columns.iter().map(|k| index(k)).collect();
        let count_columns: Vec<usize> = spec.count_columns.iter().map(|k| index(k)).collect();
        TableWriter {
            formats,
            spec,
            sums: total_columns.iter().map(|c| (*c, Decimal::ZERO)).collect(),
            widths: (spec.columns.iter())
                .map(|(_, h)| h.chars().count() + 2)
                .collect(),
            keys,
            total_columns,
            count_columns,
            seen: 0,
            templates: Vec::new(),
            text: String::new(),
        }
    }

    /// Names the sheet and writes its header row and page settings. Each
    /// column takes the format of `first`'s cell (the sheet's first row) and
    /// its cells are written without one: a format given per cell is looked
    /// up by hashing it, for every cell. A cell shown otherwise names its own.
    fn start_sheet(
        &self,
        sheet: &mut Worksheet,
        name: &str,
        first: Option<&Vec<Value>>,
    ) -> Result<Vec<Shown>, XlsxError> {
        sheet.set_name(name)?;
        for (col, (_, header)) in self.spec.columns.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, header, &self.formats.header)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        sheet.set_landscape();
        sheet.set_print_fit_to_pages(1, 0);
        sheet.set_repeat_rows(0, 0)?;
        let column_shown: Vec<Shown> = first
            .map(|row| row.iter().map(Value::shown).collect())
            .unwrap_or_default();
        for (col, shown) in column_shown.iter().enumerate() {
            if *shown != Shown::General {
                sheet.set_column_format(col as u16, self.formats.of(*shown))?;
            }
        }
        Ok(column_shown)
    }

    /// Writes one row at sheet row `r`, adding its totalled cells to `part_sums`.
    fn write_row(
        &mut self,
        sheet: &mut Worksheet,
        r: u32,
        row: &[Value],
        column_shown: &[Shown],
        part_sums: &mut BTreeMap<usize, Decimal>,
    ) -> Result<(), XlsxError> {
        // Widths from the first rows are enough to size the columns.
        if self.seen < 10_000 {
            for (col, value) in row.iter().enumerate().take(self.keys.len()) {
                self.widths[col] = self.widths[col].max(value.width() + 1);
            }
        }
        self.seen += 1;
        for (col, value) in row.iter().enumerate() {
            if let Some(sum) = part_sums.get_mut(&col) {
                *sum += value.total_part();
            }
            let shown = value.shown();
            let format = (column_shown.get(col).copied().unwrap_or(Shown::General) != shown)
                .then(|| self.formats.of(shown));
            self.write_cell(sheet, r, col as u16, value, format)?;
        }
        Ok(())
    }

    fn write_cell(
        &mut self,
        sheet: &mut Worksheet,
        r: u32,
        c: u16,
        value: &Value,
        format: Option<&Format>,
    ) -> Result<(), XlsxError> {
        match value {
            // Always a string cell: text such as "=SUM(...)" from an export stays text.
            Value::Text(text) => match format {
                Some(format) => sheet.write_string_with_format(r, c, text, format),
                None => sheet.write_string(r, c, text),
            }
            .map(|_| ()),
            Value::Money(n) | Value::Number(n) => write_number(sheet, r, c, to_f64(*n), format),
            Value::Count(n) => write_number(sheet, r, c, *n as f64, format),
            Value::Date(Some(date)) => {
                let date = excel_date(*date)?;
                match format {
                    Some(format) => sheet.write_datetime_with_format(r, c, date, format),
                    None => sheet.write_datetime(r, c, date),
                }
                .map(|_| ())
            }
            Value::Date(None) | Value::Blank => Ok(()),
            Value::RowFormula { template, result } => {
                let formula = self.row_formula(template, r, *result);
                write_formula(sheet, r, c, formula, format)
            }
            Value::CountFormula { template, result } => {
                let formula = self.row_formula(template, r, Decimal::from(*result));
                write_formula(sheet, r, c, formula, format)
            }
        }
    }

    /// The formula of `template` on sheet row `r`, with its result stored.
    fn row_formula(&mut self, template: &'static str, r: u32, result: Decimal) -> Formula {
        let at = match self.templates.iter().position(|(t, _)| *t == template) {
            Some(at) => at,
            None => {
                let compiled = RowTemplate::compile(template, &self.keys, self.spec.sheet);
                self.templates.push((template, compiled));
                self.templates.len() - 1
            }
        };
        self.templates[at].1.write_on_row(r, &mut self.text);
        formula(&self.text, result)
    }

    /// The column widths, the totals row (a SUBTOTAL of each totalled
    /// column over the sheet's `written` rows) and the autofilter.
    fn finish_sheet(
        &mut self,
        sheet: &mut Worksheet,
        written: u32,
        part_sums: &BTreeMap<usize, Decimal>,
    ) -> Result<(), XlsxError> {
        let formats = self.formats;
        for (col, width) in self.widths.iter().enumerate() {
            sheet.set_column_width(col as u16, (*width).min(60) as f64)?;
        }
        let totals_row = written + 1;
        let label = self.spec.total_label;
        sheet.write_string_with_format(totals_row, 0, label, &formats.total_label)?;
        for &col in &self.total_columns {
            let result = part_sums[&col];
            *self.sums.get_mut(&col).expect("total column") += result;
            let expression = if written == 0 {
                "0".to_string()
            } else {
                let first = row_col_to_cell(1, col as u16);
                format!(
                    "SUBTOTAL(109,{first}:{})",
                    row_col_to_cell(written, col as u16)
                )
            };
            let format = if self.count_columns.contains(&col) {
                &formats.total_count
            } else {
                &formats.total_money
            };
            let total = formula(&expression, result);
            sheet.write_formula_with_format(totals_row, col as u16, total, format)?;
        }
        sheet.autofilter(0, 0, written.max(1), (self.keys.len() - 1) as u16)?;
        Ok(())
    }
}

fn write_number(
    sheet: &mut rust_xlsxwriter::Worksheet,
    r: u32,
    c: u16,
    number: f64,
    format: Option<&Format>,
) -> Result<(), XlsxError> {
    match format {
        Some(format) => sheet.write_number_with_format(r, c, number, format),
        None => sheet.write_number(r, c, number),
    }
    .map(|_| ())
}

fn write_formula(
    sheet: &mut rust_xlsxwriter::Worksheet,
    r: u32,
    c: u16,
    formula: Formula,
    format: Option<&Format>,
) -> Result<(), XlsxError> {
    match format {
        Some(format) => sheet.write_formula_with_format(r, c, formula, format),
        None => sheet.write_formula(r, c, formula),
    }
    .map(|_| ())
}
