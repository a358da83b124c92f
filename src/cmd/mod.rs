//! One module per subcommand: each turns the parsed command line into a call
//! to the library and prints the result for a person.

pub mod args;
pub mod check;
pub(crate) mod console;
pub mod history;
pub mod run;
mod sample_data;
pub mod sql;
pub mod status;
pub mod watch;

/// Exit status when the data or the file is wrong (the user fixes the input).
pub const EXIT_REJECTED: u8 = 1;
/// Exit status when the setup is wrong (config, queries, paths).
pub const EXIT_SETUP: u8 = 2;

/// A command that reads a configuration speaks its `[report] lang`, unless
/// the user chose the language (`--lang` or `PLANNIT2SAGE_LANG`).
pub(crate) fn follow_config_lang(lang: crate::i18n::Lang) {
    if !crate::i18n::lang_was_chosen() {
        crate::i18n::set_lang(lang);
    }
}

/// `plannit2sage sample-data`: writes the exports, a matching config and
/// `expected-totals.json` (net per account).
pub fn sample_data(
    out: &std::path::Path,
    lines: usize,
    payments: usize,
    seed: u64,
    format: crate::cmd::args::SampleFormat,
) -> std::process::ExitCode {
    use crate::cmd::sample_data::{generate, SampleSpec, SAMPLE_CONFIG};
    let spec = SampleSpec {
        sales_lines: lines,
        payments,
        seed,
        xlsx: matches!(format, crate::cmd::args::SampleFormat::Xlsx),
    };
    let result = generate(&spec, out).and_then(|(files, expected)| {
        std::fs::write(out.join(crate::config::CONFIG_FILE_NAME), SAMPLE_CONFIG)?;
        let totals: std::collections::BTreeMap<String, String> = expected
            .iter()
            .map(|(a, v)| (a.clone(), v.to_string()))
            .collect();
        std::fs::write(
            out.join("expected-totals.json"),
            serde_json::to_string_pretty(&totals).map_err(std::io::Error::other)?,
        )?;
        Ok(files)
    });
    match result {
        Ok(files) => {
            for file in files {
                println!(
                    "  {}",
                    crate::tr!("tools-sample-wrote", path = file.display().to_string())
                );
            }
            println!(
                "  {}",
                crate::tr!(
                    "tools-sample-expected",
                    path = out.join("expected-totals.json").display().to_string()
                )
            );
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            crate::cmd::console::error(crate::t!(
                "tools-path-reason",
                path = out.display().to_string(),
                reason = e.to_string()
            ));
            std::process::ExitCode::from(EXIT_SETUP)
        }
    }
}
