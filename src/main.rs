use std::process::ExitCode;

use clap::Parser;
use plannit2sage::cli::{Cli, Command};
use plannit2sage::cmd;
use plannit2sage::run::RunRequest;

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Run {
            inbox,
            config,
            out,
            granularity,
            queries,
            lang,
            history,
            adjust,
            timings,
            dry_run,
        } => {
            if timings {
                plannit2sage::timings::enable();
            }
            cmd::run::execute(RunRequest {
                inbox,
                config,
                out_dir: out,
                granularity: granularity.map(Into::into),
                queries,
                lang: lang.map(Into::into),
                history,
                adjust,
                dry_run,
            })
        }
        Command::Check { file, config } => cmd::check::execute(&file, config),
        Command::Sql {
            inbox,
            query,
            file,
            config,
            queries,
            history,
            format,
            out,
        } => cmd::sql::execute(
            cmd::sql::Source {
                inbox,
                config,
                queries,
                history,
            },
            query,
            file,
            format,
            out,
        ),
        Command::Tables {
            inbox,
            config,
            queries,
            history,
        } => cmd::sql::tables(cmd::sql::Source {
            inbox,
            config,
            queries,
            history,
        }),
        Command::TestQueries { queries } => cmd::sql::test_queries(&queries),
        Command::Status { root, lang } => {
            cmd::status::status(&root, lang == Some(plannit2sage::cli::LangArg::En))
        }
        Command::Schedule { folder, every } => cmd::status::schedule(&folder, &every),
        Command::Init { folder } => cmd::watch::init(&folder),
        Command::SampleData {
            out,
            lines,
            payments,
            seed,
            format,
        } => cmd::sample_data(&out, lines, payments, seed, format),
        Command::Watch {
            folder,
            once,
            quiet,
            rescan,
            adjust,
        } => cmd::watch::execute(folder, once, quiet, rescan, adjust),
        Command::History {
            config,
            history,
            action,
        } => cmd::history::execute(config, history, action),
    }
}
