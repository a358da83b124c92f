//! What the history records as text: the kinds of documents, how a batch
//! posted each one and whether a batch stands. Stored as their snake_case
//! names; a value this version does not know is an error, never a guess.

use strum::{AsRefStr, EnumString};

use crate::i18n::Text;
use crate::load::reports::PaymentKind;
use crate::t;

/// The kind of a document the history records.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, AsRefStr, EnumString, strum::Display,
)]
#[strum(serialize_all = "snake_case")]
pub enum DocType {
    Invoice,
    Payment,
    Deposit,
    Refund,
    DepositApplied,
    Voided,
    Payout,
}

impl DocType {
    /// "facture" / "invoice": the type as the user reads it.
    pub fn name(self) -> Text {
        t!("setup-doc-type", kind = self.as_ref())
    }
}

impl From<PaymentKind> for DocType {
    fn from(kind: PaymentKind) -> DocType {
        match kind {
            PaymentKind::Payment => DocType::Payment,
            PaymentKind::Deposit => DocType::Deposit,
            PaymentKind::Refund => DocType::Refund,
            PaymentKind::DepositApplied => DocType::DepositApplied,
            PaymentKind::Voided => DocType::Voided,
        }
    }
}

/// How a batch posted a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, AsRefStr, EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum Posting {
    /// The document itself.
    Original,
    /// The difference since an earlier batch posted it (`--adjust`).
    Adjustment,
    /// Only its date changed: nothing to post.
    DateChange,
}

/// Whether a batch stands: exported, or voided (never imported into Sage).
#[derive(Debug, Clone, Copy, PartialEq, Eq, AsRefStr, EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum BatchState {
    Done,
    Void,
}

impl rusqlite::types::FromSql for BatchState {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        (value.as_str()?.parse()).map_err(|e| rusqlite::types::FromSqlError::Other(Box::new(e)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stored names are the schema's: changing one would make older
    /// histories unreadable.
    #[test]
    fn stored_names_read_back() {
        for (kind, text) in [
            (DocType::Invoice, "invoice"),
            (DocType::DepositApplied, "deposit_applied"),
            (DocType::Payout, "payout"),
        ] {
            assert_eq!(kind.as_ref(), text);
            assert_eq!(text.parse::<DocType>(), Ok(kind));
        }
        assert_eq!(Posting::DateChange.as_ref(), "date_change");
        assert_eq!("adjustment".parse::<Posting>(), Ok(Posting::Adjustment));
        assert_eq!(BatchState::Void.as_ref(), "void");
        assert!("archived".parse::<BatchState>().is_err());
    }
}
