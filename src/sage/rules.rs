//! What an import file is checked against (the field limits and encoding,
//! and the company when one is known) and what checking it gives.

use super::company::SageCompany;
use super::settings::{SageEncoding, SageSettings};
use super::{ParsedEntry, SageProblem};

/// What a file is checked against.
#[derive(Debug, Clone)]
pub struct CheckRules {
    pub encoding: SageEncoding,
    /// Longer sources and comments are refused.
    pub source_limit: usize,
    pub comment_limit: usize,
    /// Longer sources and comments are noted (the strictest Sage versions).
    pub source_note: usize,
    pub comment_note: usize,
    /// With a configuration: the company's chart, linked accounts and dates.
    pub company: Option<SageCompany>,
}

/// Sage's documented maxima (2017 help page) and the knowledge base's stricter ones.
const SOURCE_DOCUMENTED: usize = 20;
const COMMENT_DOCUMENTED: usize = 75;
const SOURCE_STRICTEST: usize = 13;
const COMMENT_STRICTEST: usize = 39;

impl CheckRules {
    /// What Sage documents, without knowing the company.
    pub fn documented() -> CheckRules {
        CheckRules {
            encoding: SageEncoding::Windows1252,
            source_limit: SOURCE_DOCUMENTED,
            comment_limit: COMMENT_DOCUMENTED,
            source_note: SOURCE_STRICTEST,
            comment_note: COMMENT_STRICTEST,
            company: None,
        }
    }

    /// The configured limits and the company's chart, linked accounts and dates.
    pub fn for_company(settings: &SageSettings, company: &SageCompany) -> CheckRules {
        CheckRules {
            company: Some(company.clone()),
            ..CheckRules::for_settings(settings)
        }
    }

    /// The configured limits only: what the writer checks its output against.
    pub fn for_settings(settings: &SageSettings) -> CheckRules {
        CheckRules {
            encoding: settings.encoding,
            source_limit: settings.source_max,
            comment_limit: settings.comment_max,
            source_note: settings.source_max.min(SOURCE_STRICTEST),
            comment_note: settings.comment_max.min(COMMENT_STRICTEST),
            company: None,
        }
    }
}

/// A file read back: its entries, what Sage would refuse, and notes.
#[derive(Debug, Clone, Default)]
pub struct CheckedFile {
    pub entries: Vec<ParsedEntry>,
    pub refusals: Vec<SageProblem>,
    pub notes: Vec<SageProblem>,
}
