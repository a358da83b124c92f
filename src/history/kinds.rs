//! What the history records as text: the kinds of documents and how a batch
//! posted each one. Stored as their `as_str`; a value this version does not
//! know is an error, never a guess.

use crate::i18n::Text;
use crate::load::reports::PaymentKind;
use crate::t;

/// The kind of a document the history records (stored as its `as_str`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
    pub fn as_str(self) -> &'static str {
        match self {
            DocType::Invoice => "invoice",
            DocType::Payment => "payment",
            DocType::Deposit => "deposit",
            DocType::Refund => "refund",
            DocType::DepositApplied => "deposit_applied",
            DocType::Voided => "voided",
            DocType::Payout => "payout",
        }
    }

    /// "facture" / "invoice": the type as the user reads it.
    pub fn name(self) -> Text {
        t!("setup-doc-type", kind = self.as_str())
    }

    /// The type as stored; `None` for a value this version does not know.
    pub fn parse(text: &str) -> Option<DocType> {
        [
            DocType::Invoice,
            DocType::Payment,
            DocType::Deposit,
            DocType::Refund,
            DocType::DepositApplied,
            DocType::Voided,
            DocType::Payout,
        ]
        .into_iter()
        .find(|t| t.as_str() == text)
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

impl std::fmt::Display for DocType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// How a batch posted a document (stored as its `as_str`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Posting {
    /// The document itself.
    Original,
    /// The difference since an earlier batch posted it (`--adjust`).
    Adjustment,
    /// Only its date changed: nothing to post.
    DateChange,
}

impl Posting {
    pub fn as_str(self) -> &'static str {
        match self {
            Posting::Original => "original",
            Posting::Adjustment => "adjustment",
            Posting::DateChange => "date_change",
        }
    }

    pub fn parse(text: &str) -> Option<Posting> {
        [Posting::Original, Posting::Adjustment, Posting::DateChange]
            .into_iter()
            .find(|p| p.as_str() == text)
    }
}
