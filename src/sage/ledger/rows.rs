//! Walking the rows under a General Ledger report's header: postings (a date,
//! a journal entry number and an amount), account heading rows ("1210
//! Comptes clients"), total rows, and what else the export prints (blank
//! rows, the header repeated at a page break, opening balances), each
//! recognised by what it holds rather than by where it is.

use rust_decimal::Decimal;

use super::columns::LedgerHeader;
use super::dates::ledger_date;
use super::{LedgerPosting, LedgerProblem, ProblemKind};
use crate::load::dates::{DateError, DateOrder};
use crate::load::sheet::RawSheet;
use crate::load::text::fold_name;
use crate::load::values::{amount_from_cell, Cell};

/// Rows of a sheet that were not postings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OtherRows {
    pub headings: usize,
    pub totals: usize,
    /// Blank rows, the header repeated, opening balances and other lines.
    pub other: usize,
}

/// What a sheet's rows gave.
#[derive(Debug, Default)]
pub struct SheetRows {
    pub postings: Vec<LedgerPosting>,
    pub problems: Vec<LedgerProblem>,
    pub other: OtherRows,
}

/// Reads the rows below the header.
pub fn read_rows(
    sheet: &RawSheet,
    header: &LedgerHeader,
    order: DateOrder,
    file: &str,
) -> SheetRows {
    let mut walker = Walker {
        sheet,
        header,
        order,
        file,
        account: None,
        out: SheetRows::default(),
    };
    for (index, row) in sheet.rows().enumerate().skip(header.row_index + 1) {
        walker.row(sheet.first_row_number + index as u64, &row);
    }
    walker.out
}

struct Walker<'a> {
    sheet: &'a RawSheet,
    header: &'a LedgerHeader,
    order: DateOrder,
    file: &'a str,
    /// The account of the last heading row: (number, name).
    account: Option<(String, String)>,
    out: SheetRows,
}

impl Walker<'_> {
    fn cell<'r>(&self, row: &'r [Cell], column: &str) -> &'r Cell {
        static EMPTY: Cell = Cell::Empty;
        (self.header.index(column))
            .and_then(|at| row.get(at))
            .unwrap_or(&EMPTY)
    }

    fn text(&self, row: &[Cell], column: &str) -> String {
        self.cell(row, column).to_text()
    }

    fn problem(&mut self, row: u64, column: &str, kind: ProblemKind) {
        self.out.problems.push(LedgerProblem {
            file: self.file.to_string(),
            sheet: self.sheet.sheet.clone(),
            row: Some(row),
            column: (!column.is_empty()).then(|| self.header.written(column)),
            kind,
        });
    }

    fn amount(&mut self, row_number: u64, row: &[Cell], column: &str) -> Option<Decimal> {
        match amount_from_cell(self.cell(row, column)) {
            Ok(amount) => amount,
            Err(e) => {
                self.problem(row_number, column, ProblemKind::Amount(e));
                None
            }
        }
    }

    fn row(&mut self, number: u64, row: &[Cell]) {
        if row.iter().all(Cell::is_blank) || self.header.is_repeated_in(row) {
            self.out.other.other += 1;
            return;
        }
        let je = self.text(row, "je");
        let (problems, debit) = (self.out.problems.len(), self.amount(number, row, "debits"));
        let credit = self.amount(number, row, "credits");
        if self.out.problems.len() > problems {
            return;
        }
        if je.is_empty() {
            return self.not_a_posting(number, row, debit.is_some() || credit.is_some());
        }
        if debit.is_none() && credit.is_none() {
            self.out.other.other += 1;
            return;
        }
        let date = match ledger_date(self.cell(row, "date"), self.order, self.sheet.is_1904) {
            Ok(Some(date)) => date,
            Ok(None) => return self.problem(number, "date", ProblemKind::NoDate),
            Err(e) => return self.problem(number, "date", ProblemKind::Date(e)),
        };
        let Some((account, account_name)) = self.posting_account(row) else {
            return self.problem(number, "account", ProblemKind::NoAccount);
        };
        self.out.postings.push(LedgerPosting {
            account,
            account_name,
            date,
            comment: self.text(row, "comment"),
            source: self.text(row, "source"),
            je,
            debit: debit.unwrap_or_default(),
            credit: credit.unwrap_or_default(),
            file: self.file.to_string(),
            sheet: self.sheet.sheet.clone(),
            row: number,
        });
    }

    /// A row without a journal entry number: an account's heading, a total,
    /// or a line such as an opening balance. One with an amount and a date
    /// that is none of these is a posting whose number is missing.
    fn not_a_posting(&mut self, number: u64, row: &[Cell], has_amount: bool) {
        if row.iter().any(is_total_label) {
            self.out.other.totals += 1;
            return;
        }
        // An ambiguous date is a date all the same.
        let dated = matches!(
            ledger_date(self.cell(row, "date"), self.order, self.sheet.is_1904),
            Ok(Some(_)) | Err(DateError::Ambiguous(_))
        );
        if !has_amount && !dated {
            match heading_account(row) {
                Some(account) => {
                    self.account = Some(account);
                    self.out.other.headings += 1;
                }
                None => self.out.other.other += 1,
            }
            return;
        }
        if has_amount && !dated {
            // A total without its label.
            self.out.other.totals += 1;
        } else if has_amount && !row.iter().any(is_balance_label) {
            self.problem(number, "je", ProblemKind::NoEntryNumber);
        } else {
            self.out.other.other += 1;
        }
    }

    /// The posting's account: its column (the flat layout), else the last
    /// heading row's (the layout grouped by account).
    fn posting_account(&self, row: &[Cell]) -> Option<(String, String)> {
        let written = self.text(row, "account");
        let name = self.text(row, "account_description");
        if let Some((number, rest)) = split_account(&written) {
            let name = if name.is_empty() { rest } else { name };
            return Some((number, name));
        }
        self.account.clone()
    }
}

/// `Total`, `Total 1210 Comptes clients`, `Total des débits`.
fn is_total_label(cell: &Cell) -> bool {
    let Cell::Text(text) = cell else { return false };
    let folded = fold_name(text);
    folded == "total" || folded.starts_with("total ") || folded.starts_with("total:")
}

/// `Opening Balance`, `Solde d'ouverture`, `Balance forward`, `Solde reporté`.
fn is_balance_label(cell: &Cell) -> bool {
    let Cell::Text(text) = cell else { return false };
    let folded = fold_name(text);
    ["balance", "solde"].iter().any(|w| folded.contains(w))
}

/// An account heading row: its first cell holding text or a number starts
/// with the account number, its name after it or in the next cell
/// (`1210 Comptes clients Plannit`, `1210 - Comptes clients`, `1210 | Comptes`).
fn heading_account(row: &[Cell]) -> Option<(String, String)> {
    let mut cells = row.iter().filter(|c| !c.is_blank());
    let first = cells.next()?;
    let (number, rest) = split_account(&first.to_text())?;
    if !rest.is_empty() {
        return Some((number, rest));
    }
    let name = cells.next().map(Cell::to_text).unwrap_or_default();
    Some((number, name))
}

/// `1210 - Comptes clients` → (`1210`, `Comptes clients`): the leading digits
/// (with a department after a dash, `1210-10`), then the name.
fn split_account(text: &str) -> Option<(String, String)> {
    let text = text.trim();
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let mut end = digits;
    let bytes = text.as_bytes();
    if bytes.get(end) == Some(&b'-') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end += 1 + text[end + 1..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
    }
    let rest = &text[end..];
    if !(rest.is_empty()
        || rest.starts_with(char::is_whitespace)
        || rest.starts_with(['-', '–', ':', '|']))
    {
        return None;
    }
    let name =
        rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | ':' | '|'));
    Some((text[..end].to_string(), name.trim().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_name_their_account() {
        let text = |t: &str| Cell::Text(t.to_string());
        assert_eq!(
            heading_account(&[Cell::Empty, text("1210 Comptes clients Plannit")]),
            Some(("1210".into(), "Comptes clients Plannit".into()))
        );
        assert_eq!(
            heading_account(&[text("1210 - Comptes clients Plannit")]),
            Some(("1210".into(), "Comptes clients Plannit".into()))
        );
        assert_eq!(
            heading_account(&[Cell::Number(1030.0), text("Plannit Pay")]),
            Some(("1030".into(), "Plannit Pay".into()))
        );
        assert_eq!(
            heading_account(&[text("1210-10: Clients")]),
            Some(("1210-10".into(), "Clients".into()))
        );
        assert_eq!(heading_account(&[text("Opening balance")]), None);
        assert_eq!(
            heading_account(&[text("2026 Paysagement")]).unwrap().0,
            "2026"
        );
        assert_eq!(split_account("12ab"), None);
        assert!(is_total_label(&text("Total 1210 Comptes clients")));
        assert!(!is_total_label(&text("Totalement")));
    }
}
