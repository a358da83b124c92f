use std::process::ExitCode;

use clap::Parser;
use plannit2sage::cmd;
use plannit2sage::cmd::args::{Cli, Command};
use plannit2sage::i18n::{self, Lang};
use plannit2sage::run::RunRequest;

fn main() -> ExitCode {
    map_large_blocks_apart();
    let cli = Cli::parse();
    // Until a command reads its configuration, messages follow --lang, else French.
    let lang = cli.lang.map(Lang::from);
    match lang {
        Some(lang) => i18n::choose_lang(lang),
        None => i18n::set_lang(Lang::default()),
    }
    match cli.command {
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
                plannit2sage::run::timings::enable();
            }
            cmd::run::execute(RunRequest {
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
        Command::Status { root } => cmd::status::status(&root),
        Command::Schedule { folder, every } => cmd::status::schedule(&folder, &every),
        Command::Init {
            folder,
            from,
            table,
        } => cmd::watch::init(&folder, &cmd::watch::InitOptions { from, table }),
        Command::Retry {
            folder,
            name,
            adjust,
        } => cmd::watch::retry(&folder, name.as_deref(), adjust, lang),
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
        } => cmd::watch::execute(folder, once, quiet, rescan, adjust, lang),
        Command::History {
            config,
            history,
            action,
        } => cmd::history::execute(config, history, action),
    }
}

/// glibc serves a large block from its heaps once a block of that size has
/// been freed (its threshold for mapping one apart rises with each free), and
/// a heap keeps what is freed in it: a stage's tables then stay resident under
/// the next stage's, each Polars thread's heap holding its own. Blocks of a
/// megabyte or more (a column of a large table) are mapped apart, and given
/// back to the system when freed: a million lines peak about 120 MB lower.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn map_large_blocks_apart() {
    // SAFETY: first thing in `main`, before any other thread allocates.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn map_large_blocks_apart() {}
