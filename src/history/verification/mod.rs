//! Whether each batch landed in Sage 50 exactly once: the history's entries
//! compared with the postings of Sage's General Ledger report (`compare`),
//! and each batch's last verification kept in the history (`stored`).

mod compare;
mod matching;
mod stored;

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use strum::{AsRefStr, EnumString};

use super::{BatchState, RecordedEntry};
use crate::i18n::Text;
use crate::sage::ledger::LedgerPosting;
use crate::t;
pub use compare::compare;
pub(super) use stored::VERIFICATIONS_TABLE;
pub use stored::{LastVerification, VerificationRun};

/// What a verification found for a batch.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, AsRefStr, EnumString, strum::Display,
)]
#[strum(serialize_all = "snake_case")]
pub enum Verdict {
    /// Every entry found once, with its date, source, accounts and amounts.
    LandedOnce,
    /// No entry found: not imported yet, or imported into another company.
    NotFound,
    /// An entry found under two journal entry numbers or more.
    LandedTwice,
    /// Found, but amounts or accounts differ, or some entries are missing.
    LandedDifferent,
    /// A voided batch, rightly absent from Sage.
    VoidAbsent,
    /// A voided batch found in Sage (or, reversed, found without its reversal).
    VoidFound,
    /// A voided batch found in Sage with its reversal, as its void recorded.
    VoidReversed,
    /// Recorded before the history kept entries, and its Sage file is gone or changed.
    CannotVerify,
}

impl Verdict {
    pub const ALL: [Verdict; 8] = [
        Verdict::LandedOnce,
        Verdict::NotFound,
        Verdict::LandedTwice,
        Verdict::LandedDifferent,
        Verdict::VoidAbsent,
        Verdict::VoidReversed,
        Verdict::VoidFound,
        Verdict::CannotVerify,
    ];

    /// True when the batch stands in Sage as the history says it should.
    pub fn is_right(self) -> bool {
        matches!(
            self,
            Verdict::LandedOnce | Verdict::VoidAbsent | Verdict::VoidReversed
        )
    }
}

/// Why a batch cannot be verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unverifiable {
    /// Recorded without its entries or a Sage file.
    NoSageFile,
    /// Its Sage file (as recorded) is no longer there.
    FileMissing(String),
    /// Its Sage file is there but its content changed since.
    FileChanged(String),
}

impl Unverifiable {
    /// Why, in the language it is shown in.
    pub fn text(&self) -> Text {
        match self {
            Unverifiable::NoSageFile => t!("verify-unverifiable-no-file"),
            Unverifiable::FileMissing(file) => t!("verify-unverifiable-missing", file = file),
            Unverifiable::FileChanged(file) => t!("verify-unverifiable-changed", file = file),
        }
    }
}

/// A batch of the history, with what it sent to Sage.
#[derive(Debug, Clone)]
pub struct BatchToVerify {
    pub id: String,
    pub status: BatchState,
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
    pub entries: Result<Vec<RecordedEntry>, Unverifiable>,
    /// The reversing Sage file its void wrote (the batch had been imported):
    /// Sage must then hold each entry and its reversal.
    pub reversal: Option<String>,
}

/// What became of one entry of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryState {
    Once,
    Twice,
    Missing,
    Different,
    /// An entry of a voided batch, found in Sage (without its reversal).
    VoidFound,
    /// An entry of a voided batch, found in Sage with its reversal.
    VoidReversed,
    /// Only the reversal of a voided batch's entry is in Sage.
    ReversalOnly,
    /// An entry of a voided batch, not in Sage.
    VoidAbsent,
    /// Dated outside the report: not checked.
    NotCovered,
}

/// One account of an entry whose amount differs in Sage.
#[derive(Debug, Clone, PartialEq)]
pub struct LineDifference {
    pub account: String,
    /// Debit positive, as the Sage file wrote it (zero: not in the entry).
    pub expected: Decimal,
    /// As found in Sage's entry (zero: not there).
    pub found: Decimal,
}

/// One entry of a batch and what the ledger holds of it.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryCheck {
    pub entry: RecordedEntry,
    pub state: EntryState,
    /// Sage's journal entry numbers it was found under.
    pub found: Vec<String>,
    /// Sage's journal entry numbers its reversal was found under (a voided
    /// batch's, when its void wrote a reversal).
    pub reversed_by: Vec<String>,
    /// The date of the entry found, when it differs.
    pub found_date: Option<NaiveDate>,
    pub differences: Vec<LineDifference>,
}

/// One batch and what the ledger holds of it.
#[derive(Debug, Clone)]
pub struct BatchCheck {
    pub id: String,
    pub status: BatchState,
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
    pub verdict: Verdict,
    pub unverifiable: Option<Unverifiable>,
    /// The reversing Sage file of its void, if any.
    pub reversal: Option<String>,
    pub entries: Vec<EntryCheck>,
}

impl BatchCheck {
    /// Entries dated outside the report, not checked.
    pub fn not_covered(&self) -> usize {
        (self.entries.iter())
            .filter(|e| e.state == EntryState::NotCovered)
            .count()
    }
}

/// The history compared with the ledger.
#[derive(Debug, Clone)]
pub struct Verification {
    /// The dates each report covers.
    pub coverage: Vec<(NaiveDate, NaiveDate)>,
    /// The batches the reports cover, in the history's order.
    pub batches: Vec<BatchCheck>,
    /// Postings to the tool's accounts in entries no batch wrote.
    pub outside: Vec<LedgerPosting>,
    /// The accounts the tool owns (receivable, Plannit Pay clearing,
    /// customer deposits); empty without a configuration.
    pub owned_accounts: Vec<String>,
    /// Accounts the batches post to that the reports do not show: not compared.
    pub unreported_accounts: BTreeSet<String>,
    /// Journal entries in the reports (each once).
    pub ledger_entries: usize,
}

impl Verification {
    /// True when every batch covered stands as it should and nothing was
    /// posted to the tool's accounts outside it.
    pub fn all_right(&self) -> bool {
        self.outside.is_empty() && self.batches.iter().all(|b| b.verdict.is_right())
    }

    /// How many batches got each verdict, in [`Verdict::ALL`]'s order.
    pub fn counts(&self) -> Vec<(Verdict, usize)> {
        (Verdict::ALL.iter())
            .map(|v| (*v, self.batches.iter().filter(|b| b.verdict == *v).count()))
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    /// The first and last dates the reports cover.
    pub fn dates(&self) -> Option<(NaiveDate, NaiveDate)> {
        let first = self.coverage.iter().map(|c| c.0).min()?;
        let last = self.coverage.iter().map(|c| c.1).max()?;
        Some((first, last))
    }
}
