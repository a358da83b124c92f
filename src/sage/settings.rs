//! How the import file is written, from `[sage50]`: how journal lines are
//! grouped into entries, the field lengths and the text encoding Sage reads,
//! and whether entries carry their sales-tax detail.

use serde::Deserialize;

use crate::i18n::Lang;

/// How journal lines are grouped into Sage 50 entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default, strum::AsRefStr)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Granularity {
    /// One entry for the whole batch, as Plannit's own export does.
    #[default]
    Period,
    /// One entry per date.
    Day,
    /// One entry per invoice, payment, deposit or refund.
    Document,
}

/// Text encoding of the Sage 50 import file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default, strum::AsRefStr)]
pub enum SageEncoding {
    #[default]
    #[serde(rename = "windows-1252", alias = "cp1252")]
    #[strum(serialize = "windows-1252")]
    Windows1252,
    #[serde(rename = "utf-8", alias = "utf8")]
    #[strum(serialize = "utf-8")]
    Utf8,
}

/// How the import file is written.
#[derive(Debug, Clone, PartialEq)]
pub struct SageSettings {
    pub granularity: Granularity,
    /// Longest source (reference) Sage accepts: 13 in the strictest versions.
    pub source_max: usize,
    /// Longest entry comment: 39 in the strictest versions.
    pub comment_max: usize,
    pub encoding: SageEncoding,
    /// Write TAXH/TAXD lines so that GST/QST/HST reach Sage's sales-tax report.
    pub tax_detail: bool,
    /// The company's language: the entries' comments are written in it.
    pub lang: Lang,
}

impl Default for SageSettings {
    fn default() -> Self {
        SageSettings {
            granularity: Granularity::Period,
            source_max: 13,
            comment_max: 39,
            encoding: SageEncoding::Windows1252,
            tax_detail: false,
            lang: Lang::Fr,
        }
    }
}
