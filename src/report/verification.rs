//! What a verification of Sage 50's general ledger found
//! ([`VerificationReport`]): the reports read, the history compared with
//! them, and where the workbook went. The terminal summary and the
//! verification workbook are drawn from it.

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::{DateTime, Local, NaiveDate};

use crate::history::verification::{BatchCheck, EntryCheck, EntryState, Verdict, Verification};
use crate::i18n::Lang;
use crate::sage::ledger::LedgerReport;
use crate::{t, tr};

/// A verification, as the terminal and the workbook show it.
#[derive(Debug)]
pub struct VerificationReport {
    pub verified_at: DateTime<Local>,
    pub lang: Lang,
    pub company: Option<String>,
    pub config_path: Option<PathBuf>,
    pub history_path: PathBuf,
    pub reports: Vec<LedgerReport>,
    pub verification: Verification,
    pub workbook: Option<PathBuf>,
}

impl VerificationReport {
    /// `2026-10-01_2026-10-31`: the dates the reports cover.
    pub fn dates_label(&self) -> String {
        match self.verification.dates() {
            Some((first, last)) if first != last => format!("{first}_{last}"),
            Some((_, last)) => last.to_string(),
            None => "undated".to_string(),
        }
    }

    /// The reports' file names, as listed.
    pub fn file_names(&self) -> Vec<String> {
        self.reports.iter().map(|r| r.name.clone()).collect()
    }
}

/// What a line of the summary is, for how it is shown (a terminal colours
/// the problems).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Plain,
    /// A batch that does not stand as it should, or a posting outside the tool.
    Problem,
    /// An entry under its batch, or a posting under its heading.
    Detail,
    /// What to do about the problem above.
    Todo,
    Note,
}

/// The most entries listed under a batch; the workbook lists them all.
const ENTRIES_SHOWN: usize = 10;

impl VerificationReport {
    /// The summary for a person, line by line, in the current language.
    pub fn summary(&self) -> Vec<(LineKind, String)> {
        let mut lines = vec![(
            LineKind::Plain,
            tr!(
                "verify-heading",
                version = env!("CARGO_PKG_VERSION"),
                history = self.history_path.display().to_string()
            ),
        )];
        for report in &self.reports {
            lines.push((LineKind::Plain, format!("  {}", file_line(report))));
        }
        let verification = &self.verification;
        if verification.batches.is_empty() {
            lines.push((LineKind::Plain, tr!("verify-no-batch")));
        }
        for batch in &verification.batches {
            batch_lines(batch, &mut lines);
        }
        outside_lines(verification, &mut lines);
        if verification.owned_accounts.is_empty() {
            lines.push((LineKind::Note, tr!("verify-note-no-config")));
        }
        if !verification.unreported_accounts.is_empty() {
            let accounts: Vec<&str> = (verification.unreported_accounts.iter())
                .map(String::as_str)
                .collect();
            let note = tr!("verify-note-unreported", accounts = accounts.join(", "));
            lines.push((LineKind::Note, note));
        }
        lines.push((LineKind::Plain, self.result_line()));
        if verification.all_right() && !verification.batches.is_empty() {
            lines.push((LineKind::Plain, tr!("verify-all-right")));
        }
        lines
    }

    /// `Résultat : 2 lots importés une fois, 1 lot importé deux fois ; 1 écriture hors de l'outil.`
    pub fn result_line(&self) -> String {
        let verification = &self.verification;
        let counts: Vec<String> = (verification.counts().into_iter())
            .map(|(verdict, count)| {
                let verdict = t!("verify-verdict", verdict = verdict.as_ref(), count = count);
                tr!("verify-summary-count", count = count, verdict = verdict)
            })
            .collect();
        let batches = if counts.is_empty() {
            tr!("verify-summary-none")
        } else {
            counts.join(", ")
        };
        if verification.outside.is_empty() {
            return tr!("verify-summary", batches = batches);
        }
        let outside = t!("verify-summary-outside", count = verification.outside.len());
        tr!(
            "verify-summary-with-outside",
            batches = batches,
            outside = outside
        )
    }
}

fn file_line(report: &LedgerReport) -> String {
    let (first, last) = report
        .covers()
        .map_or((String::new(), String::new()), |(f, l)| {
            (f.to_string(), l.to_string())
        });
    let entries: BTreeSet<&str> = report.postings.iter().map(|p| p.je.as_str()).collect();
    tr!(
        "verify-file",
        file = &report.name,
        dates_from = if report.stated_range.is_some() {
            "title"
        } else {
            "postings"
        },
        first = first,
        last = last,
        postings = report.postings.len(),
        entries = entries.len()
    )
}

fn date_or_blank(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_else(|| "?".into())
}

fn batch_lines(batch: &BatchCheck, lines: &mut Vec<(LineKind, String)>) {
    let verdict = t!(
        "verify-verdict",
        verdict = batch.verdict.as_ref(),
        count = 1usize
    );
    let why = match (&batch.unverifiable, batch.verdict) {
        (Some(why), _) => Some(why.text()),
        (None, Verdict::NotFound) => Some(t!("verify-batch-not-found-why")),
        _ => None,
    };
    let verdict = match why {
        Some(why) => t!("verify-verdict-why", verdict = verdict, why = why),
        None => verdict,
    };
    let line = tr!(
        "verify-batch",
        batch = &batch.id,
        first = date_or_blank(batch.first_date),
        last = date_or_blank(batch.last_date),
        verdict = verdict
    );
    let kind = if batch.verdict.is_right() {
        LineKind::Plain
    } else {
        LineKind::Problem
    };
    lines.push((kind, format!("  {line}")));
    let reversed = batch.reversal.is_some();
    let details: Vec<String> = (batch.entries.iter())
        .filter_map(|entry| entry_line(entry, reversed))
        .collect();
    for detail in details.iter().take(ENTRIES_SHOWN) {
        lines.push((LineKind::Detail, format!("      {detail}")));
    }
    if details.len() > ENTRIES_SHOWN {
        let more = tr!("verify-entries-more", count = details.len() - ENTRIES_SHOWN);
        lines.push((LineKind::Detail, format!("      {more}")));
    }
    let not_covered = batch.not_covered();
    if not_covered > 0 {
        let note = tr!("verify-batch-not-covered", count = not_covered);
        lines.push((LineKind::Detail, format!("      {note}")));
    }
    let todo = match batch.verdict {
        Verdict::LandedTwice => Some(tr!("verify-todo-twice")),
        Verdict::NotFound => Some(tr!("verify-todo-not-found", batch = &batch.id)),
        Verdict::LandedDifferent => Some(tr!("verify-todo-different")),
        Verdict::VoidFound => Some(match &batch.reversal {
            Some(file) => tr!("verify-todo-void-reversal", file = file),
            None => tr!("verify-todo-void-found"),
        }),
        _ => None,
    };
    if let Some(todo) = todo {
        lines.push((LineKind::Todo, format!("      {todo}")));
    }
}

/// An entry found twice, missing, different, or found though void (without
/// the reversal its void wrote, when `reversed`); none for an entry that
/// stands as it should.
fn entry_line(check: &EntryCheck, reversed: bool) -> Option<String> {
    let entry = &check.entry;
    let (source, date) = (entry.source.as_str(), entry.date.to_string());
    let je = check.found.join(", ");
    Some(match check.state {
        EntryState::Twice => tr!(
            "verify-entry-twice",
            source = source,
            date = date,
            count = check.found.len(),
            je = je
        ),
        EntryState::Missing => tr!("verify-entry-missing", source = source, date = date),
        EntryState::VoidFound if reversed => tr!(
            "verify-entry-void-unreversed",
            source = source,
            date = date,
            je = je
        ),
        EntryState::VoidFound => {
            tr!(
                "verify-entry-void-found",
                source = source,
                date = date,
                je = je
            )
        }
        EntryState::ReversalOnly => tr!(
            "verify-entry-reversal-only",
            source = source,
            date = date,
            je = check.reversed_by.join(", ")
        ),
        EntryState::Different => {
            let mut differences: Vec<String> = check
                .found_date
                .iter()
                .map(|d| tr!("verify-entry-other-date", date = d.to_string()))
                .collect();
            differences.extend(check.differences.iter().map(|d| {
                tr!(
                    "verify-entry-account",
                    account = &d.account,
                    expected = d.expected,
                    found = d.found
                )
            }));
            tr!(
                "verify-entry-different",
                source = source,
                date = date,
                je = je,
                differences = differences.join(" ; ")
            )
        }
        EntryState::Once
        | EntryState::VoidAbsent
        | EntryState::VoidReversed
        | EntryState::NotCovered => return None,
    })
}

fn outside_lines(verification: &Verification, lines: &mut Vec<(LineKind, String)>) {
    if verification.outside.is_empty() {
        return;
    }
    let heading = tr!(
        "verify-outside-heading",
        count = verification.outside.len(),
        accounts = verification.owned_accounts.join(", ")
    );
    lines.push((LineKind::Problem, heading));
    for posting in &verification.outside {
        let (side, amount) = if posting.amount().is_sign_negative() {
            ("credit", -posting.amount())
        } else {
            ("debit", posting.amount())
        };
        let line = tr!(
            "verify-outside-line",
            date = posting.date.to_string(),
            source = &posting.source,
            comment = &posting.comment,
            account = &posting.account,
            side = side,
            amount = amount,
            je = &posting.je
        );
        lines.push((LineKind::Detail, format!("    {line}")));
    }
    lines.push((
        LineKind::Todo,
        format!("    {}", tr!("verify-todo-outside")),
    ));
}
