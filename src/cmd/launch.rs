//! From the raw arguments to a command. The language of help and of clap's
//! errors is read before clap parses (`--lang`, then `PLANNIT2SAGE_LANG`,
//! else French).

use std::ffi::{OsStr, OsString};
use std::process::ExitCode;

use clap::FromArgMatches;

use super::args::Cli;
use super::{help, parse_error};
use crate::i18n::{self, Lang};

/// Runs the program on its arguments (the first is the program's path).
pub fn main(args: Vec<OsString>) -> ExitCode {
    i18n::set_lang(requested_lang(&args).unwrap_or_default());
    parse_and_run(&args)
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

fn parse_and_run(args: &[OsString]) -> ExitCode {
    let cli = match parse(args) {
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
fn parse(args: &[OsString]) -> Result<Cli, ExitCode> {
    let lang = i18n::lang();
    let matches = help::command(lang)
        .try_get_matches_from(args)
        .map_err(|error| parse_error::report(&error))?;
    if let Some(path) = help_asked(&matches) {
        // `help [COMMAND]...` answers as `[COMMAND]... --help` does.
        let mut again = vec![args[0].clone()];
        again.extend(path);
        again.push("--help".into());
        return Err(match help::command(lang).try_get_matches_from(again) {
            Err(error) => parse_error::report(&error),
            Ok(_) => ExitCode::SUCCESS,
        });
    }
    Cli::from_arg_matches(&matches).map_err(|error| parse_error::report(&error))
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
    }
}
