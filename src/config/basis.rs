//! The accounting basis (`[sage50] basis`, `basis_from`): accrual, where an
//! invoice posts its revenue and taxes when it is issued, or cash, where each
//! payment recognises its invoice's share; and, once batches were exported
//! under one basis, the date from which the other one applies.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::i18n::Text;
use crate::sage::company::DateValue;
use crate::t;

/// When revenue and taxes are posted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default, strum::AsRefStr)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Basis {
    /// When the invoice is issued (the receivable carries it until paid).
    #[default]
    Accrual,
    /// When the invoice is paid, in proportion to each payment.
    Cash,
}

impl Basis {
    /// The basis a history records as `text`, if it is one.
    pub fn from_stored(text: &str) -> Option<Basis> {
        match text {
            "accrual" => Some(Basis::Accrual),
            "cash" => Some(Basis::Cash),
            _ => None,
        }
    }

    pub fn other(self) -> Basis {
        match self {
            Basis::Accrual => Basis::Cash,
            Basis::Cash => Basis::Accrual,
        }
    }
}

/// The basis in force at each date: `basis`, or before `from` the other one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Bases {
    pub basis: Basis,
    /// The first date `basis` applies to; earlier documents keep the other one.
    pub from: Option<NaiveDate>,
}

impl Bases {
    /// The basis in force on `date`.
    pub fn at(&self, date: NaiveDate) -> Basis {
        match self.from {
            Some(from) if date < from => self.basis.other(),
            _ => self.basis,
        }
    }

    /// Today's behaviour, unchanged: every document under the accrual basis.
    pub fn is_plain_accrual(&self) -> bool {
        self.basis == Basis::Accrual && self.from.is_none()
    }

    /// `basis_from` as written: a `YYYY-MM-DD` text or a TOML date.
    pub(super) fn read(basis: Basis, from: Option<DateValue>) -> Result<Bases, Text> {
        let from = match from {
            None => None,
            Some(value) => {
                let text = match value {
                    DateValue::Text(text) => text.trim().to_string(),
                    DateValue::Date(date) => date.to_string(),
                };
                let date = NaiveDate::parse_from_str(&text, "%Y-%m-%d")
                    .map_err(|_| t!("setup-date-format", key = "basis_from", value = &text))?;
                Some(date)
            }
        };
        Ok(Bases { basis, from })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_basis_in_force_changes_on_basis_from() {
        let day = |d| NaiveDate::from_ymd_opt(2027, 1, d).unwrap();
        let cash_from = Bases {
            basis: Basis::Cash,
            from: Some(day(10)),
        };
        assert_eq!(cash_from.at(day(9)), Basis::Accrual);
        assert_eq!(cash_from.at(day(10)), Basis::Cash);
        assert!(!cash_from.is_plain_accrual());
        assert!(Bases::default().is_plain_accrual());
        assert_eq!(Bases::default().at(day(1)), Basis::Accrual);
        assert_eq!(Basis::from_stored("cash"), Some(Basis::Cash));
        assert_eq!(Basis::from_stored("cash "), None);
        assert_eq!(Basis::Cash.as_ref(), "cash");
    }
}
