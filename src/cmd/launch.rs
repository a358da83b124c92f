//! From the raw arguments to a command. The language of help and of clap's
//! errors is read before clap parses (`--lang`, then `PLANNIT2SAGE_LANG`,
//! else French). Explorer starts the program with no argument (a
//! double-click) or with the path of what was dropped on it: without an
//! argument the program says what to do, and a lone folder runs — a drop
//! folder as `watch FOLDER --once`, any other folder as `run FOLDER`. Started
//! so, in a console window of its own, it keeps the window open until Enter.

use std::ffi::{OsStr, OsString};
use std::path::Path;
use std::process::ExitCode;

use clap::FromArgMatches;

use super::args::Cli;
use super::{help, parse_error, EXIT_SETUP};
use crate::cmd::console;
use crate::i18n::{self, Lang};
use crate::tr;

/// Runs the program on its arguments (the first is the program's path).
pub fn main(args: Vec<OsString>) -> ExitCode {
    i18n::set_lang(requested_lang(&args).unwrap_or_default());
    let words = words(&args);
    let commands = help::command_names();
    let command_typed = words
        .first()
        .is_some_and(|&at| commands.iter().any(|name| OsStr::new(name) == args[at]));
    let status = match words.as_slice() {
        [] => {
            println!("{}", tr!("launch-guide", program = program_name(&args)));
            ExitCode::SUCCESS
        }
        [at] if !command_typed => lone_word(args.clone(), *at),
        _ => parse_and_run(&args, false),
    };
    // Explorer passes no command: a command typed (a prompt, Task Scheduler
    // running `watch … --once`) never waits for a key.
    if !command_typed {
        console::keep_window_open();
    }
    status
}

/// `--lang X` or `--lang=X` on the command line, else `PLANNIT2SAGE_LANG`,
/// when it names a language (else clap will say what is wrong).
fn requested_lang(args: &[OsString]) -> Option<Lang> {
    let parse = |value: &OsStr| match value.to_str()? {
        "fr" => Some(Lang::Fr),
        "en" => Some(Lang::En),
        _ => None,
    };
    let mut rest = args.iter().skip(1);
    while let Some(arg) = rest.next() {
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            return rest.next().and_then(|value| parse(value));
        }
        if let Some(value) = arg.to_str().and_then(|arg| arg.strip_prefix("--lang=")) {
            return parse(OsStr::new(value));
        }
    }
    std::env::var_os("PLANNIT2SAGE_LANG").and_then(|value| parse(&value))
}

/// Where the arguments other than `--lang X` are.
fn words(args: &[OsString]) -> Vec<usize> {
    let mut words = Vec::new();
    let mut at = 1;
    while at < args.len() {
        if args[at] == "--lang" {
            at += 2;
            continue;
        }
        if !args[at].to_string_lossy().starts_with("--lang=") {
            words.push(at);
        }
        at += 1;
    }
    words
}

/// The program's file name, as the user sees it (`plannit2sage.exe`).
fn program_name(args: &[OsString]) -> String {
    args.first()
        .and_then(|path| Path::new(path).file_name())
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| "plannit2sage".to_string())
}

/// One word that is not a command: a folder runs, a file is refused, anything
/// else goes to clap (an option such as `--version`, or a mistyped command,
/// which it reports as neither a command nor a folder).
fn lone_word(mut args: Vec<OsString>, at: usize) -> ExitCode {
    let word = args[at].clone();
    let path = Path::new(&word);
    if word.to_string_lossy().starts_with('-') || !path.exists() {
        return parse_and_run(&args, true);
    }
    if !path.is_dir() {
        console::error(tr!(
            "cli-file-not-folder",
            name = path.display().to_string()
        ));
        return ExitCode::from(EXIT_SETUP);
    }
    if is_drop_folder(path) {
        args.insert(at, "watch".into());
        args.insert(at + 2, "--once".into());
    } else {
        args.insert(at, "run".into());
    }
    parse_and_run(&args, false)
}

/// A client's drop folder (it holds `inbox/`), or a firm's folder holding
/// such folders: what `watch` serves; any other folder is a folder of exports.
fn is_drop_folder(folder: &Path) -> bool {
    let has_inbox = |folder: &Path| folder.join("inbox").is_dir();
    has_inbox(folder)
        || std::fs::read_dir(folder).is_ok_and(|entries| {
            entries
                .filter_map(Result::ok)
                .any(|entry| has_inbox(&entry.path()))
        })
}

fn parse_and_run(args: &[OsString], lone_word: bool) -> ExitCode {
    let cli = match parse(args, lone_word) {
        Ok(cli) => cli,
        Err(status) => return status,
    };
    // Until a command reads its configuration, messages follow --lang, else French.
    let lang = cli.lang.map(Lang::from);
    match lang {
        Some(lang) => i18n::choose_lang(lang),
        None => i18n::set_lang(Lang::default()),
    }
    super::execute(cli.command, lang)
}

/// The command line parsed, or what clap stopped on (help, a mistake) shown
/// and its exit status.
fn parse(args: &[OsString], lone_word: bool) -> Result<Cli, ExitCode> {
    let lang = i18n::lang();
    let matches = help::command(lang)
        .try_get_matches_from(args)
        .map_err(|error| parse_error::report(&error, lone_word))?;
    if let Some(path) = help_asked(&matches) {
        // `help [COMMAND]...` answers as `[COMMAND]... --help` does.
        let mut again = vec![args[0].clone()];
        again.extend(path);
        again.push("--help".into());
        return Err(match help::command(lang).try_get_matches_from(again) {
            Err(error) => parse_error::report(&error, false),
            Ok(_) => ExitCode::SUCCESS,
        });
    }
    Cli::from_arg_matches(&matches).map_err(|error| parse_error::report(&error, false))
}

/// The commands named after `help` (`history help void` → `history void`),
/// when the `help` command was given.
fn help_asked(matches: &clap::ArgMatches) -> Option<Vec<OsString>> {
    let mut path = Vec::new();
    let mut matches = matches;
    while let Some((name, sub)) = matches.subcommand() {
        if name == "help" {
            let names = sub.get_many::<String>("command").into_iter().flatten();
            path.extend(names.map(OsString::from));
            return Some(path);
        }
        path.push(OsString::from(name));
        matches = sub;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<OsString> {
        std::iter::once("plannit2sage")
            .chain(words.iter().copied())
            .map(OsString::from)
            .collect()
    }

    #[test]
    fn the_language_is_read_before_clap() {
        assert_eq!(
            requested_lang(&args(&["--lang", "en", "run"])),
            Some(Lang::En)
        );
        assert_eq!(requested_lang(&args(&["run", "--lang=fr"])), Some(Lang::Fr));
        assert_eq!(words(&args(&["--lang", "en", "x", "--lang=fr"])), vec![3]);
        assert_eq!(words(&args(&["--lang"])), Vec::<usize>::new());
    }

    #[test]
    fn a_drop_folder_holds_an_inbox_or_client_folders_that_do() {
        let dir = tempfile::tempdir().unwrap();
        assert!(!is_drop_folder(dir.path()));
        std::fs::create_dir_all(dir.path().join("client/inbox")).unwrap();
        assert!(is_drop_folder(dir.path()));
        assert!(is_drop_folder(&dir.path().join("client")));
        assert!(!is_drop_folder(&dir.path().join("client/inbox")));
    }
}
