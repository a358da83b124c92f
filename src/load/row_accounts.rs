//! Row accounting: every row of every file read ends in exactly one bucket —
//! posted, already exported, merged duplicate, skipped (title, blank,
//! repeated header, closing total), voided, read as a control (the
//! accounts-receivable report) or refused — so that the accountant can
//! check that nothing was lost or counted twice.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::load::columns::ReportKind;
use crate::load::merge::MergedRow;
use crate::load::reports::{RowOrigin, RowPlace};
use crate::load::{FileUse, InputFile};

/// Where the rows of one sheet of one file went.
#[derive(Debug, Clone, PartialEq)]
pub struct RowAccount {
    pub file: String,
    pub sheet: Option<String>,
    pub kind: ReportKind,
    /// Every row of the sheet, header and title rows included.
    pub read: u64,
    pub posted: u64,
    pub already_exported: u64,
    pub duplicates: u64,
    pub skipped: u64,
    /// Rows of invoices voided in Plannit before they were ever exported.
    pub voided: u64,
    /// Rows of a report read as a control, never posted.
    pub control: u64,
    pub refused: u64,
    /// Rows of the batch, until the run knows whether it posts them.
    pending: u64,
}

impl RowAccount {
    /// Rows read minus every bucket: zero when every row is accounted for.
    pub fn unaccounted(&self) -> i64 {
        self.read as i64
            - (self.posted
                + self.already_exported
                + self.duplicates
                + self.skipped
                + self.voided
                + self.control
                + self.refused
                + self.pending) as i64
    }
}

/// The bucket of a report row, once merged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowFate {
    /// In the batch: posted if the Sage file is written, refused otherwise.
    InBatch,
    AlreadyExported,
    /// An invoice voided in Plannit before it was ever exported.
    Voided,
    Refused,
}

/// The row accounts of a run, per file and sheet in the order read.
#[derive(Debug, Clone, Default)]
pub struct RowAccounts {
    accounts: Vec<RowAccount>,
    index: BTreeMap<(Arc<str>, Option<Arc<str>>), usize>,
    /// The last sheet looked up, by the place its rows share: a sheet's rows
    /// come one after another.
    last: Option<(Arc<RowPlace>, Option<usize>)>,
}

impl RowAccounts {
    /// The sheets read, with their skipped rows.
    pub fn from_files(files: &[InputFile]) -> RowAccounts {
        let mut accounts = RowAccounts::default();
        for file in files {
            for file_use in &file.uses {
                if let FileUse::Used {
                    kind,
                    sheet,
                    rows,
                    skipped,
                } = file_use
                {
                    accounts.index.insert(
                        (file.name.as_str().into(), sheet.as_deref().map(Into::into)),
                        accounts.accounts.len(),
                    );
                    accounts.accounts.push(RowAccount {
                        file: file.name.clone(),
                        sheet: sheet.clone(),
                        kind: *kind,
                        read: *rows as u64 + skipped.count(),
                        posted: 0,
                        already_exported: 0,
                        duplicates: 0,
                        skipped: skipped.count(),
                        voided: 0,
                        control: match kind {
                            ReportKind::Receivable => *rows as u64,
                            _ => 0,
                        },
                        refused: 0,
                        pending: 0,
                    });
                }
            }
        }
        accounts
    }

    fn account(&mut self, origin: &RowOrigin) -> Option<&mut RowAccount> {
        let index = match &self.last {
            Some((place, index)) if Arc::ptr_eq(place, origin.place()) => *index,
            _ => {
                let key = (origin.file().clone(), origin.sheet().clone());
                let index = self.index.get(&key).copied();
                self.last = Some((Arc::clone(origin.place()), index));
                index
            }
        };
        self.accounts.get_mut(index?)
    }

    pub fn add_duplicates(&mut self, merged: &[MergedRow]) {
        for row in merged {
            if let Some(account) = self.account(&row.row) {
                account.duplicates += 1;
            }
        }
    }

    /// A report row set aside before the journal (it posts nothing).
    pub fn skip(&mut self, origin: &RowOrigin) {
        if let Some(account) = self.account(origin) {
            account.skipped += 1;
        }
    }

    pub fn count(&mut self, origin: &RowOrigin, fate: RowFate) {
        if let Some(account) = self.account(origin) {
            match fate {
                RowFate::InBatch => account.pending += 1,
                RowFate::AlreadyExported => account.already_exported += 1,
                RowFate::Voided => account.voided += 1,
                RowFate::Refused => account.refused += 1,
            }
        }
    }

    /// Once the run knows: the batch's rows were posted, or refused.
    pub fn settle(&mut self, posted: bool) {
        for account in &mut self.accounts {
            if posted {
                account.posted += account.pending;
            } else {
                account.refused += account.pending;
            }
            account.pending = 0;
        }
    }

    pub fn accounts(&self) -> &[RowAccount] {
        &self.accounts
    }

    /// The account of a file's sheet, for the console.
    pub fn of(&self, file: &str, sheet: &Option<String>) -> Option<&RowAccount> {
        self.index
            .get(&(file.into(), sheet.as_deref().map(Into::into)))
            .map(|&i| &self.accounts[i])
    }
}
