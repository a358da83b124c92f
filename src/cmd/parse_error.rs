//! What clap stops on — help or version asked for, or a mistake on the
//! command line — shown in the user's language. Clap writes its errors in
//! English only: the common kinds (an unknown argument or command, a missing
//! argument, an invalid value, a flag given twice) are told with the
//! catalogue's words from the error's context, with clap's usage line and a
//! pointer to `--help`; rarer kinds keep clap's own text.

use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::cmd::console;
use crate::tr;

/// Prints what clap stopped on; the exit status (0 for help and version, 2
/// for a mistake, as clap does).
pub fn report(error: &clap::Error, lone_word: bool) -> ExitCode {
    let status = ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
    if !error.use_stderr() {
        // Help or version: already in the user's language.
        let _ = error.print();
        return status;
    }
    let Some(message) = describe(error, lone_word) else {
        let _ = error.print();
        return status;
    };
    console::error(message);
    let tips = tips(error);
    if !tips.is_empty() {
        anstream::eprintln!();
        for tip in tips {
            anstream::eprintln!("  {tip}");
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        let usage = usage
            .ansi()
            .to_string()
            .replacen("Usage:", &tr!("help-usage-heading"), 1);
        anstream::eprintln!("\n{usage}");
    }
    anstream::eprintln!("\n{}", tr!("cli-try-help", help = "--help"));
    status
}

/// One value of the error's context.
fn one(error: &clap::Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(value) => Some(value.clone()),
        _ => None,
    }
}

/// A list of the error's context (one value counts as a list of one).
fn many(error: &clap::Error, kind: ContextKind) -> Option<Vec<String>> {
    match error.get(kind)? {
        ContextValue::String(value) => Some(vec![value.clone()]),
        ContextValue::Strings(values) => Some(values.clone()),
        _ => None,
    }
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|name| tr!("cli-quoted", name = name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The error's first line(s), or None for a kind (or a context) left to clap.
/// `lone_word`: the command line was one word, which may have been meant as a
/// folder.
fn describe(error: &clap::Error, lone_word: bool) -> Option<String> {
    let indented = |values: Vec<String>| {
        values
            .iter()
            .map(|value| format!("\n  {value}"))
            .collect::<String>()
    };
    Some(match error.kind() {
        ErrorKind::UnknownArgument => {
            tr!(
                "cli-unknown-argument",
                arg = one(error, ContextKind::InvalidArg)?
            )
        }
        ErrorKind::InvalidSubcommand => {
            let name = one(error, ContextKind::InvalidSubcommand)?;
            if lone_word {
                tr!("cli-not-command-or-folder", name = name)
            } else {
                tr!("cli-unknown-command", name = name)
            }
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = many(error, ContextKind::InvalidArg)?;
            tr!("cli-missing-required", count = missing.len()) + &indented(missing)
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let arg = one(error, ContextKind::InvalidArg)?;
            let value = one(error, ContextKind::InvalidValue)?;
            let first = if value.is_empty() {
                tr!("cli-value-required", arg = arg)
            } else {
                tr!("cli-invalid-value", value = value, arg = arg)
            };
            match many(error, ContextKind::ValidValue) {
                Some(values) if !values.is_empty() => {
                    let values = tr!("help-possible-values", values = values.join(", "));
                    first + &indented(vec![values])
                }
                _ => first,
            }
        }
        ErrorKind::MissingSubcommand => {
            let command = one(error, ContextKind::InvalidSubcommand)?;
            let commands = many(error, ContextKind::ValidSubcommand).unwrap_or_default();
            let commands = tr!("cli-commands", commands = commands.join(", "));
            tr!("cli-missing-command", command = command) + &indented(vec![commands])
        }
        ErrorKind::ArgumentConflict => {
            let arg = one(error, ContextKind::InvalidArg)?;
            match many(error, ContextKind::PriorArg) {
                Some(prior) if prior == [arg.clone()] => tr!("cli-used-twice", arg = arg),
                Some(prior) => tr!("cli-conflict", arg = arg, other = prior.join(", ")),
                None => return None,
            }
        }
        _ => return None,
    })
}

/// Clap's suggestions of a similar command, argument or value.
fn tips(error: &clap::Error) -> Vec<String> {
    type Tip = fn(usize, String) -> String;
    let kinds: [(ContextKind, Tip); 3] = [
        (ContextKind::SuggestedSubcommand, |count, names| {
            tr!("cli-similar-command", count = count, names = names)
        }),
        (ContextKind::SuggestedArg, |count, names| {
            tr!("cli-similar-argument", count = count, names = names)
        }),
        (ContextKind::SuggestedValue, |count, names| {
            tr!("cli-similar-value", count = count, names = names)
        }),
    ];
    kinds
        .into_iter()
        .filter_map(|(kind, tip)| {
            let names = many(error, kind).filter(|names| !names.is_empty())?;
            Some(tip(names.len(), quoted(&names)))
        })
        .collect()
}
