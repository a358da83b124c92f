//! `plannit2sage init`, `watch` and `retry`.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use super::{EXIT_REJECTED, EXIT_SETUP};
use crate::cmd::{batch_details, console};
use crate::config::survey;
use crate::i18n::{self, Lang};
use crate::tr;
use crate::watch::{self, BatchLog, BatchStatus, Layout, WatchOptions, WatchSummary};

/// What `init` starts from.
#[derive(Debug, Clone, Default)]
pub struct InitOptions {
    /// A folder of Plannit exports whose items and payment methods are listed.
    pub from: Option<PathBuf>,
    /// List the items in a mapping table (produits.csv) rather than under [products].
    pub table: bool,
}

pub fn init(folder: &Path, options: &InitOptions) -> ExitCode {
    let lang = i18n::lang();
    let survey = match &options.from {
        Some(inbox) => match survey::survey(inbox) {
            Ok(survey) => Some(survey),
            Err(e) => {
                console::error(e);
                return ExitCode::from(EXIT_SETUP);
            }
        },
        None => None,
    };
    let starter = match &survey {
        Some(survey) => survey::starter_config(watch::STARTER_CONFIG, survey, lang, options.table),
        None => watch::STARTER_CONFIG.to_string(),
    };
    let table = match (&survey, options.table) {
        (Some(survey), true) => Some(survey::mapping_table(&survey.items, lang)),
        _ => None,
    };
    match watch::init(folder, &starter, table.as_deref()) {
        Ok(created) => {
            for path in &created {
                println!(
                    "  {}",
                    tr!("init-created", path = path.display().to_string())
                );
            }
            let layout = Layout::new(folder);
            if let Some(survey) = &survey {
                println!(
                    "{}",
                    tr!(
                        "init-survey",
                        files = survey.files,
                        items = survey.items.len(),
                        methods = survey.methods.len()
                    )
                );
                if !created.contains(&layout.config) {
                    console::warning(tr!(
                        "init-config-kept",
                        path = layout.config.display().to_string()
                    ));
                }
            }
            println!(
                "{}",
                tr!(
                    "init-ready",
                    config = layout.config.display().to_string(),
                    inbox = layout.inbox.display().to_string(),
                    folder = folder.display().to_string()
                )
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            console::error(e);
            ExitCode::from(EXIT_SETUP)
        }
    }
}

pub fn execute(
    folder: PathBuf,
    once: bool,
    quiet: f64,
    rescan: f64,
    adjust: bool,
    lang: Option<Lang>,
) -> ExitCode {
    if !(quiet.is_finite() && quiet >= 0.0 && rescan.is_finite() && rescan > 0.0) {
        console::error(tr!("watch-bad-durations"));
        return ExitCode::from(EXIT_SETUP);
    }
    let options = WatchOptions {
        root: folder.clone(),
        once,
        quiet: Duration::from_secs_f64(quiet),
        rescan: Duration::from_secs_f64(rescan),
        adjust,
        lang,
        accept: false,
    };
    if !once {
        println!(
            "{}",
            tr!(
                "watch-watching",
                inbox = Layout::new(&folder).inbox.display().to_string()
            )
        );
    }
    let spinner = (once && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_message(tr!("watch-spinner"));
        bar.enable_steady_tick(Duration::from_millis(120));
        bar
    });
    let result = watch::watch(&options, |log| {
        if let Some(bar) = &spinner {
            bar.suspend(|| print_line(log));
        } else {
            print_line(log);
        }
    });
    if let Some(bar) = spinner {
        bar.finish_and_clear();
    }
    // The closing line in the language chosen on the command line.
    i18n::set_lang(lang.unwrap_or_default());
    match result {
        Ok(summary) => finish(&summary),
        Err(e) => {
            console::error(e);
            ExitCode::from(EXIT_SETUP)
        }
    }
}

fn finish(summary: &WatchSummary) -> ExitCode {
    println!(
        "{}",
        tr!(
            "watch-stopped",
            exported = summary.exported,
            rejected = summary.rejected,
            held = summary.held,
            nothing_new = summary.nothing_new,
            duplicates = summary.duplicates
        )
    );
    if summary.rejected + summary.held > 0 {
        ExitCode::from(EXIT_REJECTED)
    } else {
        ExitCode::SUCCESS
    }
}

/// `plannit2sage retry FOLDER [NAME]`: runs the rejected batches of a drop
/// folder (or of each client of a firm's folder) again, or only the one named.
pub fn retry(
    folder: &Path,
    name: Option<&str>,
    adjust: bool,
    accept: bool,
    lang: Option<Lang>,
) -> ExitCode {
    let options = WatchOptions {
        root: folder.to_path_buf(),
        once: true,
        quiet: Duration::ZERO,
        rescan: Duration::from_secs(1),
        adjust,
        lang,
        accept,
    };
    let clients = watch::client_folders(folder);
    if clients.is_empty() {
        console::error(tr!(
            "retry-no-drop-folder",
            folder = folder.display().to_string()
        ));
        return ExitCode::from(EXIT_SETUP);
    }
    let mut summary = WatchSummary::default();
    let mut found = false;
    for client in clients {
        let layout = Layout::new(&client);
        for rejected in watch::pending_batches(&layout) {
            let batch_name = rejected
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if name.is_some_and(|name| name != batch_name) {
                continue;
            }
            found = true;
            let log = watch::retry_batch(&layout, &options, &rejected, &mut summary);
            print_line(&log);
        }
    }
    i18n::set_lang(lang.unwrap_or_default());
    if !found {
        match name {
            Some(name) => {
                console::error(tr!(
                    "retry-not-found",
                    name = name,
                    folder = folder.display().to_string()
                ));
                return ExitCode::from(EXIT_SETUP);
            }
            None => {
                println!("{}", tr!("retry-nothing"));
                return ExitCode::SUCCESS;
            }
        }
    }
    finish(&summary)
}

/// One human-readable line per batch, naming the client.
fn print_line(log: &BatchLog) {
    let files = log.files.join(", ");
    let when = format!("{}  [{}]", log.time, log.client);
    let retry = log
        .retry_of
        .as_ref()
        .map(|folder| format!("{} ", tr!("watch-line-retry", folder = folder)))
        .unwrap_or_default();
    match log.status {
        BatchStatus::Exported => println!(
            "{when}  {retry}{}",
            tr!(
                "watch-line-exported",
                batch = log.batch.as_deref().unwrap_or("?"),
                files = files,
                entries = log.entries,
                debits = log
                    .debits
                    .parse::<rust_decimal::Decimal>()
                    .unwrap_or_default(),
                sage_file = log.sage_file.as_deref().unwrap_or(""),
                warnings = batch_details::warnings_suffix(log)
            )
        ),
        BatchStatus::Controlled => println!(
            "{when}  {retry}{}",
            tr!(
                "watch-line-controlled",
                files = files,
                warnings = batch_details::warnings_suffix(log)
            )
        ),
        BatchStatus::NothingNew => {
            println!(
                "{when}  {retry}{}",
                tr!(
                    "watch-line-nothing-new",
                    files = files,
                    warnings = batch_details::warnings_suffix(log)
                )
            )
        }
        BatchStatus::Held => {
            console::warning_line(format!(
                "{when}  {retry}{}",
                tr!("watch-line-held", files = files, count = log.warnings)
            ));
            batch_details::print_held(log, &log.root);
        }
        BatchStatus::AwaitingRetry => println!(
            "{when}  {}",
            tr!(
                "watch-line-awaiting",
                folder = log.retry_of.as_deref().unwrap_or(""),
                why = log.errors.first().map(String::as_str).unwrap_or("")
            )
        ),
        BatchStatus::Duplicate => println!(
            "{when}  {retry}{}",
            tr!(
                "watch-line-duplicate",
                files = files,
                why = log
                    .errors
                    .first()
                    .cloned()
                    .unwrap_or_else(|| tr!("watch-already-processed"))
            )
        ),
        BatchStatus::Verified | BatchStatus::VerificationFailed => print_verification(log, &when),
        status @ (BatchStatus::Rejected | BatchStatus::Waiting) => {
            let line = match status {
                BatchStatus::Rejected => tr!(
                    "watch-line-rejected",
                    files = files,
                    count = log.errors.len()
                ),
                _ => tr!("watch-line-waiting", files = files),
            };
            console::warning_line(format!("{when}  {retry}{line}"));
            for error in log.errors.iter().take(5) {
                for part in error.lines() {
                    println!("    {part}");
                }
            }
            if let Some(folder) = &log.moved_to {
                println!("    {}", tr!("watch-line-moved-to", folder = folder));
            }
        }
    }
    batch_details::print_details(log);
}

/// A General Ledger report verified (or not), and what does not stand.
fn print_verification(log: &BatchLog, when: &str) {
    let files = log.files.join(", ");
    let line = match log.status {
        BatchStatus::Verified => tr!(
            "watch-line-verified",
            files = files,
            result = log.verification.clone().unwrap_or_default()
        ),
        _ => tr!("watch-line-verification-failed", files = files),
    };
    if log.errors.is_empty() {
        println!("{when}  {line}");
    } else {
        console::warning_line(format!("{when}  {line}"));
    }
    for error in &log.errors {
        println!("    {error}");
    }
    if let Some(folder) = &log.moved_to {
        println!("    {}", tr!("watch-line-verification-in", folder = folder));
    }
}
