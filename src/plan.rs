//! The plan a run follows: what the user asked for ([`RunRequest`], as typed)
//! resolved into settings the stages can trust ([`RunPlan`]: the validated
//! configuration, the query set, the output folder and the history file).

use std::fmt;
use std::path::{Path, PathBuf};

use crate::config::{self, Config, Granularity, Lang};
use crate::history;
use crate::i18n::Text;
use crate::t;
use crate::transform::{QueryError, QuerySet};

/// What the user asked for, as typed.
#[derive(Debug, Clone, Default)]
pub struct RunRequest {
    pub inbox: PathBuf,
    pub config: Option<PathBuf>,
    pub out_dir: Option<PathBuf>,
    pub granularity: Option<Granularity>,
    pub queries: Option<PathBuf>,
    pub lang: Option<Lang>,
    pub history: Option<PathBuf>,
    /// Post the difference for documents changed since they were exported.
    pub adjust: bool,
    /// Do everything but record the history and write the outputs.
    pub dry_run: bool,
}

/// The resolved plan the pipeline runs.
#[derive(Debug, Clone)]
pub struct RunPlan {
    pub inbox: PathBuf,
    pub config: Config,
    pub config_path: PathBuf,
    pub queries: QuerySet,
    pub out_dir: PathBuf,
    pub history_path: PathBuf,
    pub adjust: bool,
    /// Nothing is written anywhere: the history is read into memory.
    pub dry_run: bool,
    /// How long to wait for another run holding the history.
    pub history_wait: std::time::Duration,
}

/// A setup that cannot run: no configuration, a wrong one, or unusable queries.
#[derive(Debug)]
pub enum PlanError {
    NoConfig,
    Config(config::ConfigError),
    Query(QueryError),
}

impl PlanError {
    /// The message, in the language it is shown in.
    pub fn text(&self) -> Text {
        match self {
            PlanError::NoConfig => t!("setup-no-config", name = config::CONFIG_FILE_NAME),
            PlanError::Config(e) => e.text(),
            PlanError::Query(e) => Text::verbatim(e.to_string()),
        }
    }
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanError::NoConfig => self.text().fmt(f),
            PlanError::Config(e) => e.fmt(f),
            PlanError::Query(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for PlanError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        // As `#[error(transparent)]` did: the wrapped error's own source.
        match self {
            PlanError::NoConfig => None,
            PlanError::Config(e) => std::error::Error::source(e),
            PlanError::Query(e) => std::error::Error::source(e),
        }
    }
}

impl From<config::ConfigError> for PlanError {
    fn from(e: config::ConfigError) -> Self {
        PlanError::Config(e)
    }
}

impl From<QueryError> for PlanError {
    fn from(e: QueryError) -> Self {
        PlanError::Query(e)
    }
}

impl RunPlan {
    pub fn resolve(request: &RunRequest) -> Result<RunPlan, PlanError> {
        let config_path =
            config::locate(request.config.as_deref(), &request.inbox).ok_or(PlanError::NoConfig)?;
        let mut config = Config::load(&config_path)?;
        if let Some(granularity) = request.granularity {
            config.sage.granularity = granularity;
        }
        if let Some(lang) = request.lang {
            config.lang = lang;
        }
        let queries = match &request.queries {
            Some(dir) => QuerySet::from_dir(dir)?,
            None => QuerySet::builtin()?,
        };
        let out_dir = request
            .out_dir
            .clone()
            .unwrap_or_else(|| default_out_dir(&request.inbox));
        let history_path = request
            .history
            .clone()
            .unwrap_or_else(|| history::default_path(&config_path));
        Ok(RunPlan {
            inbox: request.inbox.clone(),
            config,
            config_path,
            queries,
            out_dir,
            history_path,
            adjust: request.adjust,
            dry_run: request.dry_run,
            history_wait: std::time::Duration::from_secs(60),
        })
    }

    /// The query files' names, views first, for the workbook's summary.
    pub fn query_names(&self) -> Vec<String> {
        self.queries
            .views
            .iter()
            .chain(&self.queries.journal)
            .chain(self.queries.checks.iter().map(|c| &c.query))
            .map(|q| {
                Path::new(&q.name)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            })
            .collect()
    }
}

/// `out/` beside the inbox.
fn default_out_dir(inbox: &Path) -> PathBuf {
    let absolute = std::path::absolute(inbox).unwrap_or_else(|_| inbox.to_path_buf());
    absolute
        .parent()
        .map(|p| p.join("out"))
        .unwrap_or_else(|| PathBuf::from("out"))
}
