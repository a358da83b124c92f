//! `--help` in the user's language. The clap command of [`Cli`] gets each
//! command's and argument's text from the message catalogue
//! (`locales/<lang>/help.ftl`: `help-cmd-<command path>`,
//! `help-arg-<command path>-<argument>`), and clap's own words — the usage
//! line, the section headings, `[default: …]` and `[possible values: …]`, the
//! help and version flags, the `help` command — are replaced by the
//! catalogue's: clap writes them in English only, so they are hidden or
//! disabled and written here instead.

use clap::{Arg, ArgAction, Command, CommandFactory};

use super::args::Cli;
use crate::i18n::{format_message, Lang};
use crate::t;

/// The command line of [`Cli`], its help in `lang`.
pub fn command(lang: Lang) -> Command {
    // The name typed on every system: not argv[0], which is
    // `plannit2sage.exe` on Windows (where `plannit2sage` runs it too).
    let root = localize(
        Cli::command()
            .disable_version_flag(true)
            .bin_name("plannit2sage"),
        &[],
        lang,
    );
    root.arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version)
            .help(t!("help-flag-version").render(lang))
            .help_heading(heading(lang, "help-heading-options")),
    )
}

/// The names a user can type as a command (`help` included).
pub fn command_names() -> Vec<String> {
    let mut names: Vec<String> = Cli::command()
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    names.push("help".to_string());
    names
}

/// `help-cmd` for the program itself, `help-cmd-history-void` for `history void`.
fn command_key(path: &[String]) -> String {
    std::iter::once("help-cmd")
        .chain(path.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join("-")
}

/// `help-arg-run-dry-run` for `run --dry-run`; `help-arg-lang` for the program's `--lang`.
fn arg_key(path: &[String], id: &str) -> String {
    let id = id.replace('_', "-");
    std::iter::once("help-arg")
        .chain(path.iter().map(String::as_str))
        .chain(std::iter::once(id.as_str()))
        .collect::<Vec<_>>()
        .join("-")
}

fn text(lang: Lang, id: &str) -> String {
    format_message(lang, id, &[])
}

/// A message's attribute (`.value`, or a possible value's meaning), when the
/// catalogue has it: `format_message` gives back the id it could not find.
fn attribute(lang: Lang, key: &str, name: &str) -> Option<String> {
    let id = format!("{key}.{name}");
    let text = format_message(lang, &id, &[]);
    (text != id).then_some(text)
}

/// A section heading without its colon, which clap adds itself; the French
/// space before it stays.
fn heading(lang: Lang, id: &str) -> String {
    let heading = text(lang, id);
    heading.strip_suffix(':').unwrap_or(&heading).to_string()
}

/// Clap's own template, its "Usage:" in `lang` and styled as clap styles it.
fn template(command: &Command, lang: Lang) -> String {
    let usage = command.get_styles().get_usage();
    format!(
        "{{before-help}}{{about-with-newline}}\n{usage}{}{usage:#} {{usage}}\n\n{{all-args}}{{after-help}}",
        t!("help-usage-heading").render(lang)
    )
}

fn localize(command: Command, path: &[String], lang: Lang) -> Command {
    let template = template(&command, lang);
    let mut command = command
        .about(text(lang, &command_key(path)))
        .help_template(template)
        .subcommand_help_heading(heading(lang, "help-heading-commands"))
        .subcommand_value_name(t!("help-command-value").render(lang))
        .disable_help_flag(true)
        .mut_args(|arg| localize_arg(arg, path, lang));
    if command.has_subcommands() {
        command = command
            .mut_subcommands(|sub| {
                let mut path = path.to_vec();
                path.push(sub.get_name().to_string());
                localize(sub, &path, lang)
            })
            .disable_help_subcommand(true)
            .subcommand(help_command(lang));
    }
    let long = command
        .get_arguments()
        .any(|arg| arg.get_long_help().is_some());
    command.arg(help_flag(lang, long))
}

/// `-h, --help`; when some argument says more with `--help`, the flag says so.
fn help_flag(lang: Lang, long: bool) -> Arg {
    let arg = Arg::new("help")
        .short('h')
        .long("help")
        .action(ArgAction::Help)
        .help_heading(heading(lang, "help-heading-options"));
    if long {
        arg.help(t!("help-flag-help-more").render(lang))
            .long_help(t!("help-flag-help-summary").render(lang))
    } else {
        arg.help(t!("help-flag-help").render(lang))
    }
}

/// `help [COMMAND]...`, which the launcher answers as `[COMMAND]... --help`.
fn help_command(lang: Lang) -> Command {
    let key = "help-subcommand-command";
    let names = Arg::new("command")
        .num_args(0..)
        .action(ArgAction::Append)
        .value_parser(clap::value_parser!(String))
        .value_name(attribute(lang, key, "value").unwrap_or_default())
        .help(text(lang, key))
        .help_heading(heading(lang, "help-heading-arguments"));
    let command = Command::new("help");
    let template = template(&command, lang);
    command
        .about(t!("help-subcommand").render(lang))
        .help_template(template)
        .disable_help_flag(true)
        .arg(names)
        .arg(help_flag(lang, false))
}

fn localize_arg(arg: Arg, path: &[String], lang: Lang) -> Arg {
    let key = arg_key(path, arg.get_id().as_str());
    let section = if arg.is_positional() {
        "help-heading-arguments"
    } else {
        "help-heading-options"
    };
    let mut arg = arg.help_heading(heading(lang, section));
    if arg.get_action().takes_values() {
        // `notes` says these in `lang`.
        arg = arg
            .hide_default_value(true)
            .hide_possible_values(true)
            .hide_env(true);
    }
    if let Some(value) = attribute(lang, &key, "value") {
        arg = arg.value_name(value);
    }
    let help = text(lang, &key);
    let notes = notes(&arg, lang);
    let short = std::iter::once(help.clone())
        .chain(notes.iter().map(|(_, note)| note.clone()))
        .collect::<Vec<_>>()
        .join(" ");
    let arg = arg.help(short);
    match possible_values_list(&arg, &key, lang) {
        // As clap does: the values' meanings with --help, one a line.
        Some(list) => {
            let rest = notes
                .into_iter()
                .filter(|(possible, _)| !possible)
                .map(|(_, note)| note);
            let long = std::iter::once(format!("{help}\n\n{list}"))
                .chain(rest)
                .collect::<Vec<_>>()
                .join("\n\n");
            arg.long_help(long)
        }
        None => arg,
    }
}

/// What clap would add after an argument's help — its variable, default and
/// possible values — in `lang`; each flagged when it is the possible values.
fn notes(arg: &Arg, lang: Lang) -> Vec<(bool, String)> {
    if !arg.get_action().takes_values() {
        return Vec::new();
    }
    let mut notes = Vec::new();
    if let Some(var) = arg.get_env() {
        let var = var.to_string_lossy().into_owned();
        notes.push((false, t!("help-env", var = var).render(lang)));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|value| value.to_string_lossy().into_owned())
        .filter(|value| !value.is_empty())
        .collect();
    if !defaults.is_empty() {
        let value = defaults.join(" ");
        notes.push((false, t!("help-default", value = value).render(lang)));
    }
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|value| !value.is_hide_set())
        .map(|value| value.get_name().to_string())
        .collect();
    if !values.is_empty() {
        let values = values.join(", ");
        notes.push((
            true,
            t!("help-possible-values", values = values).render(lang),
        ));
    }
    notes
}

/// "Possible values:" and one line per value, when the catalogue says what
/// some value means.
fn possible_values_list(arg: &Arg, key: &str, lang: Lang) -> Option<String> {
    let values: Vec<(String, Option<String>)> = arg
        .get_possible_values()
        .iter()
        .filter(|value| !value.is_hide_set())
        .map(|value| {
            let name = value.get_name().to_string();
            let meaning = attribute(lang, key, &name);
            (name, meaning)
        })
        .collect();
    if !arg.get_action().takes_values() || values.iter().all(|(_, meaning)| meaning.is_none()) {
        return None;
    }
    // "period: " and "day: " padded alike, so that the meanings line up.
    let prefix = |name: &str| t!("help-value-line", value = name, meaning = "").render(lang);
    let width = values
        .iter()
        .map(|(name, _)| prefix(name).chars().count())
        .max()
        .unwrap_or(0);
    let mut list = t!("help-possible-values-heading").render(lang);
    for (name, meaning) in values {
        let line = match meaning {
            Some(meaning) => format!("{:width$}{meaning}", prefix(&name)),
            None => name,
        };
        list.push_str("\n- ");
        list.push_str(&line);
    }
    Some(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The catalogue keys the command line needs: (key, needs a `.value`).
    fn keys(command: &Command, path: Vec<String>, found: &mut Vec<(String, bool)>) {
        found.push((command_key(&path), false));
        for arg in command.get_arguments() {
            let takes_values = arg.get_action().takes_values();
            found.push((arg_key(&path, arg.get_id().as_str()), takes_values));
        }
        for sub in command.get_subcommands() {
            let mut path = path.clone();
            path.push(sub.get_name().to_string());
            keys(sub, path, found);
        }
    }

    #[test]
    fn every_command_and_argument_has_help_in_both_languages() {
        let mut needed = Vec::new();
        keys(&Cli::command(), Vec::new(), &mut needed);
        assert!(needed.len() > 50, "too few: {needed:?}");
        let mut missing = Vec::new();
        for lang in Lang::ALL {
            for (key, takes_values) in &needed {
                if text(lang, key) == *key {
                    missing.push(format!("{}: {key}", lang.as_ref()));
                }
                if *takes_values && attribute(lang, key, "value").is_none() {
                    missing.push(format!("{}: {key}.value", lang.as_ref()));
                }
            }
        }
        assert!(missing.is_empty(), "no help text for {missing:?}");
        // And no text left for a command or argument that is gone.
        let stale: Vec<_> = crate::i18n::CATALOGUE
            .iter()
            .flat_map(|(_, fr, _)| fr.lines())
            .filter_map(|line| line.split_once(" =").map(|(id, _)| id))
            .filter(|id| id.starts_with("help-cmd") || id.starts_with("help-arg"))
            .filter(|id| !needed.iter().any(|(key, _)| key == id))
            .collect();
        assert!(stale.is_empty(), "help for nothing: {stale:?}");
    }

    #[test]
    fn the_localized_command_line_is_well_formed() {
        for lang in Lang::ALL {
            command(lang).debug_assert();
        }
    }

    #[test]
    fn french_help_keeps_none_of_clap_s_english_words() {
        let mut command = command(Lang::Fr);
        command.build();
        let help = command.render_long_help().to_string();
        for english in ["Usage", "Commands:", "Print", "default:", "possible values"] {
            assert!(!help.contains(english), "{english:?} in:\n{help}");
        }
        let run = command.find_subcommand_mut("run").unwrap();
        let help = run.render_long_help().to_string();
        assert!(help.contains("Valeurs possibles :"), "{help}");
        assert!(
            help.contains("- document : Une écriture par facture"),
            "{help}"
        );
        assert!(
            help.contains("Utilisation : plannit2sage run [OPTIONS] <DOSSIER>"),
            "{help}"
        );
    }
}
