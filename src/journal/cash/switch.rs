//! Switching basis: batches already exported under one basis keep it. A
//! configuration whose basis differs, at any date those batches posted, from
//! the one they were posted under is refused unless `basis_from` names the
//! date from which the new basis applies, after their documents.

use chrono::NaiveDate;

use crate::config::{Bases, Basis};
use crate::diagnostics::{Finding, Fix};
use crate::history::BatchBasis;
use crate::t;

/// The setup error of a configuration whose basis the history contradicts,
/// naming the last batch posted under another basis at one of its dates
/// (the new basis can apply after its documents).
pub fn basis_findings(bases: &Bases, batches: &[BatchBasis]) -> Vec<Finding> {
    let conflicts = batches.iter().filter_map(|batch| conflict(bases, batch));
    let Some((batch, stored, date)) = conflicts.max_by_key(|(batch, _, _)| batch.last_date) else {
        return Vec::new();
    };
    let last = batch.last_date.unwrap_or(date).to_string();
    let message = match bases.from {
        None => t!(
            "cash-basis-switch",
            batch = &batch.batch,
            old = stored.as_ref(),
            new = bases.basis.as_ref(),
            last = last
        ),
        Some(from) => t!(
            "cash-basis-from-too-early",
            from = from.to_string(),
            batch = &batch.batch,
            old = stored.as_ref(),
            date = date.to_string(),
            last = last
        ),
    };
    vec![Finding::setup_error(
        "basis_switch",
        message,
        Fix::config("[sage50] basis_from"),
    )]
}

/// The batch, the basis it posted a date under and that date, when the
/// configuration puts another basis on it.
fn conflict<'b>(
    bases: &Bases,
    batch: &'b BatchBasis,
) -> Option<(&'b BatchBasis, Basis, NaiveDate)> {
    let (first, last) = (batch.first_date?, batch.last_date?);
    let stored = match &batch.basis {
        None => Bases::default(),
        Some(text) => Bases {
            basis: Basis::from_stored(text)?,
            from: batch.from,
        },
    };
    // Two bases that change at most once each agree over a batch's dates
    // when they agree at its ends and where either changes inside them.
    let changes = [stored.from, bases.from].into_iter().flatten();
    let mut dates: Vec<NaiveDate> = vec![first, last];
    dates.extend(changes.filter(|date| (first..=last).contains(date)));
    dates.sort();
    (dates.into_iter())
        .find(|date| stored.at(*date) != bases.at(*date))
        .map(|date| (batch, stored.at(date), date))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, month, day).unwrap()
    }

    fn batch(basis: Option<&str>, from: Option<NaiveDate>) -> BatchBasis {
        BatchBasis {
            batch: "2026-11-28-1".into(),
            first_date: Some(day(10, 3)),
            last_date: Some(day(10, 31)),
            basis: basis.map(str::to_string),
            from,
        }
    }

    #[test]
    fn a_switch_needs_a_date_after_the_batches_posted() {
        let cash = |from| Bases {
            basis: Basis::Cash,
            from,
        };
        let accrual_batch = [batch(None, None)];
        assert_eq!(basis_findings(&Bases::default(), &accrual_batch), []);
        assert_eq!(basis_findings(&cash(None), &accrual_batch).len(), 1);
        assert_eq!(basis_findings(&cash(Some(day(11, 1))), &accrual_batch), []);
        let early = basis_findings(&cash(Some(day(10, 15))), &accrual_batch);
        assert_eq!(early.len(), 1);
        assert!(early[0].setup);
        // A batch posted under the cash basis from 2026-10-15 agrees with the
        // same setting, not with the cash basis throughout.
        let mixed = [batch(Some("cash"), Some(day(10, 15)))];
        assert_eq!(basis_findings(&cash(Some(day(10, 15))), &mixed), []);
        assert_eq!(basis_findings(&cash(None), &mixed).len(), 1);
        assert_eq!(
            basis_findings(&Bases::default(), &[batch(Some("cash"), None)]).len(),
            1
        );
    }
}
