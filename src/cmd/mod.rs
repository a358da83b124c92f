//! One module per subcommand: each turns the parsed command line into a call
//! to the library and prints the result for a person.

pub mod args;
pub mod check;
pub(crate) mod console;
pub mod history;
pub mod run;
mod sample_data;
pub mod sql;
pub mod status;
pub mod watch;

use std::process::ExitCode;

use crate::i18n::Lang;
use crate::run::RunRequest;
use args::Command;

/// Runs the command as typed; its exit status.
pub fn execute(command: Command, lang: Option<Lang>) -> ExitCode {
    match command {
        Command::Run {
            inbox,
            config,
            out,
            granularity,
            queries,
            history,
            adjust,
            timings,
            dry_run,
        } => {
            if timings {
                crate::run::timings::enable();
            }
            run::execute(RunRequest {
                inbox,
                config,
                out_dir: out,
                granularity: granularity.map(Into::into),
                queries,
                lang,
                history,
                adjust,
                dry_run,
            })
        }
        Command::Check { file, config } => check::execute(&file, config),
        Command::History {
            config,
            history,
            action,
        } => history::execute(config, history, action),
        Command::SampleData {
            out,
            lines,
            payments,
            seed,
            format,
        } => sample_data(&out, lines, payments, seed, format),
        command @ (Command::Sql { .. } | Command::Tables { .. } | Command::TestQueries { .. }) => {
            analyst(command)
        }
        command => drop_folder(command, lang),
    }
}

/// The analyst's tools: `sql`, `tables`, `test-queries`.
fn analyst(command: Command) -> ExitCode {
    match command {
        Command::Sql {
            inbox,
            query,
            file,
            config,
            queries,
            history,
            format,
            out,
        } => {
            let source = sql::Source {
                inbox,
                config,
                queries,
                history,
            };
            sql::execute(source, query, file, format, out)
        }
        Command::Tables {
            inbox,
            config,
            queries,
            history,
        } => sql::tables(sql::Source {
            inbox,
            config,
            queries,
            history,
        }),
        Command::TestQueries { queries } => sql::test_queries(&queries),
        _ => unreachable!("only the analyst's commands come here"),
    }
}

/// The drop folder's commands: `init`, `watch`, `retry`, `status`, `schedule`.
fn drop_folder(command: Command, lang: Option<Lang>) -> ExitCode {
    match command {
        Command::Init {
            folder,
            from,
            table,
        } => watch::init(&folder, &watch::InitOptions { from, table }),
        Command::Watch {
            folder,
            once,
            quiet,
            rescan,
            adjust,
        } => watch::execute(folder, once, quiet, rescan, adjust, lang),
        Command::Retry {
            folder,
            name,
            adjust,
        } => watch::retry(&folder, name.as_deref(), adjust, lang),
        Command::Status { root } => status::status(&root),
        Command::Schedule { folder, every } => status::schedule(&folder, &every),
        _ => unreachable!("only the drop folder's commands come here"),
    }
}

/// Exit status when the data or the file is wrong (the user fixes the input).
pub const EXIT_REJECTED: u8 = 1;
/// Exit status when the setup is wrong (config, queries, paths).
pub const EXIT_SETUP: u8 = 2;

/// A command that reads a configuration speaks its `[report] lang`, unless
/// the user chose the language (`--lang` or `PLANNIT2SAGE_LANG`).
pub(crate) fn follow_config_lang(lang: crate::i18n::Lang) {
    if !crate::i18n::lang_was_chosen() {
        crate::i18n::set_lang(lang);
    }
}

/// `plannit2sage sample-data`: writes the exports, a matching config and
/// `expected-totals.json` (net per account).
pub fn sample_data(
    out: &std::path::Path,
    lines: usize,
    payments: usize,
    seed: u64,
    format: crate::cmd::args::SampleFormat,
) -> std::process::ExitCode {
    use crate::cmd::sample_data::{generate, SampleSpec, SAMPLE_CONFIG};
    let spec = SampleSpec {
        sales_lines: lines,
        payments,
        seed,
        xlsx: matches!(format, crate::cmd::args::SampleFormat::Xlsx),
    };
    let result = generate(&spec, out).and_then(|(files, expected)| {
        std::fs::write(out.join(crate::config::CONFIG_FILE_NAME), SAMPLE_CONFIG)?;
        let totals: std::collections::BTreeMap<String, String> = expected
            .iter()
            .map(|(a, v)| (a.clone(), v.to_string()))
            .collect();
        std::fs::write(
            out.join("expected-totals.json"),
            serde_json::to_string_pretty(&totals).map_err(std::io::Error::other)?,
        )?;
        Ok(files)
    });
    match result {
        Ok(files) => {
            for file in files {
                println!(
                    "  {}",
                    crate::tr!("tools-sample-wrote", path = file.display().to_string())
                );
            }
            println!(
                "  {}",
                crate::tr!(
                    "tools-sample-expected",
                    path = out.join("expected-totals.json").display().to_string()
                )
            );
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            crate::cmd::console::error(crate::t!(
                "tools-path-reason",
                path = out.display().to_string(),
                reason = crate::i18n::system_reason(&e)
            ));
            std::process::ExitCode::from(EXIT_SETUP)
        }
    }
}
