//! The plan a run follows: what the user asked for ([`RunRequest`], as typed)
//! resolved into settings the stages can trust ([`RunPlan`]: the validated
//! configuration, the query set, the output folder and the history file).

use std::path::{Path, PathBuf};

use crate::config::{self, Config, Granularity, Lang, WarningPolicy};
use crate::history;
use crate::load;
use crate::query::{QueryError, QuerySet};
use crate::t;

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
    /// Run by `watch` on a drop: its safeguards apply (a foreign export is
    /// refused, and with `[watch] warnings = "hold"`, a batch with warnings
    /// is held), unless the batch is accepted.
    pub watched: bool,
    /// `retry … --accept`: a person looked at the batch; post it as it is.
    pub accept: bool,
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
    /// A drop that does not look like this client's is refused (`foreign_export`).
    pub refuse_foreign: bool,
    /// A batch with warnings is not posted: it waits for a person.
    pub hold_warnings: bool,
}

/// A setup that cannot run: no configuration, a wrong one, or unusable queries.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    #[error("{}", t!("setup-no-config", name = config::CONFIG_FILE_NAME))]
    NoConfig,
    #[error(transparent)]
    Config(#[from] config::ConfigError),
    #[error(transparent)]
    Query(#[from] QueryError),
    #[error(transparent)]
    Inbox(#[from] load::InboxError),
}

impl RunPlan {
    pub fn resolve(request: &RunRequest) -> Result<RunPlan, PlanError> {
        // A mistyped folder is named as such, not taken for a missing configuration.
        if !request.inbox.is_dir() {
            return Err(load::InboxError::Missing(request.inbox.clone()).into());
        }
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
        let safeguards = request.watched && !request.accept && !request.dry_run;
        let hold_warnings = safeguards && config.watch_warnings == WarningPolicy::Hold;
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
            refuse_foreign: safeguards,
            hold_warnings,
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
