//! `--timings`: prints how long each stage of a run took and the process's
//! memory at that point, to find where time and memory go.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::Instant;

static ENABLED: AtomicBool = AtomicBool::new(false);
static LAST: Mutex<Option<Instant>> = Mutex::new(None);

pub fn enable() {
    ENABLED.store(true, Ordering::SeqCst);
    *LAST.lock().expect("timings lock") = Some(Instant::now());
}

/// Prints the time since the previous mark, and resident and peak memory.
pub fn mark(stage: &str) {
    if !ENABLED.load(Ordering::Relaxed) {
        return;
    }
    let mut last = LAST.lock().expect("timings lock");
    let now = Instant::now();
    let elapsed = last.map(|l| now.duration_since(l)).unwrap_or_default();
    *last = Some(now);
    eprintln!(
        "timing {stage:<28} {:>9.1} ms  {}",
        elapsed.as_secs_f64() * 1000.0,
        memory()
    );
}

/// Prints how long one of two parallel tasks took (`since` its start),
/// without moving the stage mark: the workbook's thread and the history rows.
pub fn span(task: &str, since: Instant) {
    if !ENABLED.load(Ordering::Relaxed) {
        return;
    }
    eprintln!(
        "timing   {task:<26} {:>9.1} ms",
        since.elapsed().as_secs_f64() * 1000.0
    );
}

/// `rss 812 MB, peak 1024 MB` where the system tells (Linux).
fn memory() -> String {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return String::new();
    };
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<u64>().ok())
            .map(|kb| kb / 1024)
            .unwrap_or(0)
    };
    format!("rss {} MB, peak {} MB", field("VmRSS:"), field("VmHWM:"))
}
