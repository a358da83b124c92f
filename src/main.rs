use std::process::ExitCode;

use plannit2sage::cmd::launch;

fn main() -> ExitCode {
    map_large_blocks_apart();
    launch::main(std::env::args_os().collect())
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
