use std::process::ExitCode;

use clap::Parser;
use plannit2sage::cmd::{self, args::Cli};
use plannit2sage::i18n::{self, Lang};

fn main() -> ExitCode {
    map_large_blocks_apart();
    let cli = Cli::parse();
    // Until a command reads its configuration, messages follow --lang, else French.
    let lang = cli.lang.map(Lang::from);
    match lang {
        Some(lang) => i18n::choose_lang(lang),
        None => i18n::set_lang(Lang::default()),
    }
    cmd::execute(cli.command, lang)
}

/// glibc serves a large block from its heaps once a block of that size has
/// been freed (its threshold for mapping one apart rises with each free), and
/// a heap keeps what is freed in it: a stage's tables then stay resident under
/// the next stage's, each Polars thread's heap holding its own. Blocks of a
/// megabyte or more (a column of a large table) are mapped apart, and given
/// back to the system when freed; BENCHMARKS.md has what this saves.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn map_large_blocks_apart() {
    // SAFETY: first thing in `main`, before any other thread allocates.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn map_large_blocks_apart() {}
