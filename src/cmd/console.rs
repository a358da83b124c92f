//! What the terminal shows: errors in red, warnings in yellow, when the
//! output is a terminal and `NO_COLOR` is not set (files and pipes get plain
//! text). On Windows, the standard library writes to a console in UTF-16, so
//! accented French shows whatever the console's code page; `anstream` turns
//! the colours into console calls where escape codes are not understood.

use anstyle::{AnsiColor, Style};

use crate::diagnostics::{Finding, Severity};
use crate::tr;

const ERROR: Style = AnsiColor::Red.on_default().bold();
const WARNING: Style = AnsiColor::Yellow.on_default().bold();
const NOTE: Style = AnsiColor::Cyan.on_default();
const DIM: Style = Style::new().dimmed();

fn paint(style: Style, text: &str) -> String {
    format!("{style}{text}{style:#}")
}

fn severity_style(severity: Severity) -> Style {
    match severity {
        Severity::Error => ERROR,
        Severity::Warning => WARNING,
    }
}

/// Prints a finding's headline on stderr, with its severity coloured, and for
/// an error, on the next line, where to fix it.
pub fn finding(finding: &Finding, indent: &str) {
    let severity = paint(severity_style(finding.severity), &finding.severity.label());
    anstream::eprintln!("{indent}{}", finding.headline_with(severity));
    if finding.severity != Severity::Error {
        return;
    }
    anstream::eprintln!(
        "{indent}    {}",
        paint(DIM, &tr!("finding-fix", fix = finding.fix.describe()))
    );
}

/// `error: <message>` on stderr, "error" in red.
pub fn error(message: impl std::fmt::Display) {
    let prefix = paint(ERROR, &tr!("error-prefix"));
    anstream::eprintln!(
        "{}",
        tr!("prefixed", prefix = prefix, message = message.to_string())
    );
}

/// `warning: <message>` on stderr, "warning" in yellow.
pub fn warning(message: impl std::fmt::Display) {
    let prefix = paint(WARNING, &tr!("warning-prefix"));
    anstream::eprintln!(
        "{}",
        tr!("prefixed", prefix = prefix, message = message.to_string())
    );
}

/// A line on stderr in red (the verdict of a rejected run).
pub fn error_line(message: impl std::fmt::Display) {
    anstream::eprintln!("{}", paint(ERROR, &message.to_string()));
}

/// A line on stdout in yellow.
pub fn warning_line(message: impl std::fmt::Display) {
    anstream::println!("{}", paint(WARNING, &message.to_string()));
}

/// `note: <message>` on stdout, "note" in cyan.
pub fn note(message: impl std::fmt::Display) {
    let prefix = paint(NOTE, &tr!("note-prefix"));
    anstream::println!(
        "{}",
        tr!("prefixed", prefix = prefix, message = message.to_string())
    );
}

/// Started from Explorer (a double-click, a folder dropped on it), the
/// program has a console window of its own, which Windows closes the moment
/// the program exits: it waits for Enter so that what it printed can be read.
pub fn keep_window_open() {
    use std::io::{IsTerminal, Write};
    if !owns_console() || !std::io::stdin().is_terminal() {
        return;
    }
    print!("\n{}", tr!("launch-press-enter"));
    let _ = std::io::stdout().flush();
    let _ = std::io::stdin().read_line(&mut String::new());
}

/// Whether this process is the only one attached to its console: Windows made
/// the console for it (a command prompt's console lists the prompt too).
#[cfg(windows)]
fn owns_console() -> bool {
    use windows_sys::Win32::System::Console::GetConsoleProcessList;
    let mut processes = [0u32; 2];
    // SAFETY: the buffer holds as many process ids as the count passed.
    let attached = unsafe { GetConsoleProcessList(processes.as_mut_ptr(), processes.len() as u32) };
    attached == 1
}

/// Elsewhere a terminal window outlives the programs it runs.
#[cfg(not(windows))]
fn owns_console() -> bool {
    false
}
