//! One module per subcommand: each turns the parsed command line into a call
//! to the library and prints the result for a person. `launch` goes from the
//! raw arguments to a command, `help` and `parse_error` give clap's help and
//! errors the user's language.

mod acknowledge;
pub mod args;
mod batch_details;
pub mod check;
pub(crate) mod console;
mod folder;
mod help;
pub mod history;
pub mod launch;
mod opening;
mod parse_error;
pub mod run;
mod sample_data;
pub mod sql;
pub mod status;
mod status_batches;
pub mod verify;
pub mod watch;

use std::process::ExitCode;

use crate::i18n::Lang;
use crate::run::RunRequest;
use args::Command;

/// Runs the command as typed; its exit status.
pub fn execute(command: Command, lang: Option<Lang>) -> ExitCode {
    match command {
        Command::Run(args) => {
            if args.timings {
                crate::run::timings::enable();
            }
            run::execute(RunRequest {
                inbox: args.inbox,
                config: args.config,
                out_dir: args.out,
                granularity: args.granularity.map(Into::into),
                queries: args.queries,
                lang,
                history: args.history,
                adjust: args.adjust,
                dry_run: args.dry_run,
                ..RunRequest::default()
            })
        }
        Command::Check(args) => check::execute(&args.file, args.config),
        Command::Verify(args) => verify::execute(crate::run::verify::VerifyRequest {
            files: args.files,
            config: args.config,
            history: args.history,
            out_dir: args.out,
        }),
        Command::History(args) => {
            history::execute(args.folder, args.config, args.history, args.action)
        }
        Command::SampleData(args) => sample_data(&args),
        Command::Sql(args) => {
            let source = sql::Source {
                inbox: args.inbox,
                batch: args.batch,
                config: args.config,
                queries: args.queries,
                history: args.history,
            };
            sql::execute(source, args.query, args.file, args.format, args.out)
        }
        Command::Tables(args) => sql::tables(sql::Source {
            inbox: args.inbox,
            batch: args.batch,
            config: args.config,
            queries: args.queries,
            history: args.history,
        }),
        Command::TestQueries(args) => sql::test_queries(&args.queries),
        Command::Init(args) => watch::init(
            &args.folder,
            &watch::InitOptions {
                from: args.from,
                table: args.table,
            },
        ),
        Command::Watch(args) => watch::execute(
            args.folder,
            args.once,
            args.quiet,
            args.rescan,
            args.adjust,
            lang,
        ),
        Command::Retry(args) => watch::retry(
            &args.folder,
            args.name.as_deref(),
            args.adjust,
            args.accept,
            lang,
        ),
        Command::Status(args) => status::status(&args.root),
        Command::Schedule(args) => status::schedule(&args.folder, &args.every),
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
fn sample_data(args: &args::SampleDataArgs) -> ExitCode {
    use crate::cmd::sample_data::{generate, SampleSpec, SAMPLE_CONFIG};
    let out = &args.out;
    let spec = SampleSpec {
        sales_lines: args.lines,
        payments: args.payments,
        seed: args.seed,
        xlsx: matches!(args.format, args::SampleFormat::Xlsx),
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
                reason = crate::i18n::path_reason(&e, out)
            ));
            std::process::ExitCode::from(EXIT_SETUP)
        }
    }
}
