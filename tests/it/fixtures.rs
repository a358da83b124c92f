//! Building inboxes (xlsx written by code, CSV in chosen encodings, configs)
//! and reading results back independently of the code under test.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use rust_decimal::Decimal;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

/// A cell to write.
#[derive(Clone, Debug)]
pub enum V {
    T(&'static str),
    N(f64),
    D(u16, u8, u8),
    E,
}

pub use V::*;

pub fn write_xlsx(path: &Path, sheets: &[(&str, Vec<Vec<V>>)]) {
    let mut workbook = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (name, rows) in sheets {
        let sheet = workbook.add_worksheet().set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    T(text) => sheet.write_string(r, c, *text).map(|_| ()),
                    N(number) => sheet.write_number(r, c, *number).map(|_| ()),
                    D(y, m, d) => sheet
                        .write_datetime_with_format(
                            r,
                            c,
                            ExcelDateTime::from_ymd(*y, *m, *d).unwrap(),
                            &date,
                        )
                        .map(|_| ()),
                    E => Ok(()),
                }
                .unwrap();
            }
        }
    }
    workbook.save(path).unwrap();
}

pub fn write_cp1252(path: &Path, text: &str) {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable, "fixture text must be Windows-1252");
    std::fs::write(path, bytes).unwrap();
}

pub const CONFIG: &str = r#"
[accounts]
bank = "1020"
receivable = "1210"
gst = "2420"
qst = "2500"
hst = "2430"

[products]
"Tonte de pelouse" = "4001"
"Taille de haie" = "4001"
"Déneigement résidentiel" = "4002"

[payment_methods]
"Plannit Pay" = "1030"
"#;

/// A temporary inbox with a config; outputs go to `out/` beside it.
pub struct Case {
    pub dir: tempfile::TempDir,
}

impl Case {
    pub fn new(config: &str) -> Case {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("inbox")).unwrap();
        std::fs::write(dir.path().join("inbox/plannit2sage.toml"), config).unwrap();
        Case { dir }
    }

    pub fn inbox(&self) -> PathBuf {
        self.dir.path().join("inbox")
    }

    pub fn out(&self) -> PathBuf {
        self.dir.path().join("out")
    }

    pub fn file(&self, name: &str) -> PathBuf {
        self.inbox().join(name)
    }

    pub fn run(&self, extra: &[&str]) -> Outcome {
        self.run_into(&self.out(), extra, &[])
    }

    /// Runs with outputs in `out` and extra environment variables.
    pub fn run_into(&self, out: &Path, extra: &[&str], env: &[(&str, &str)]) -> Outcome {
        let mut args = vec![
            "run".to_string(),
            self.inbox().display().to_string(),
            "--out".into(),
            out.display().to_string(),
        ];
        args.extend(extra.iter().map(|s| s.to_string()));
        let output = binary().args(&args).envs(env.iter().copied()).run_output();
        Outcome::new(output, out.to_path_buf())
    }

    /// `plannit2sage history ...` on this case's history.
    pub fn history(&self, args: &[&str]) -> Output {
        let mut all = vec![
            "history".to_string(),
            "--config".into(),
            self.file("plannit2sage.toml").display().to_string(),
        ];
        all.extend(args.iter().map(|s| s.to_string()));
        plannit2sage(&all)
    }
}

/// The binary, its messages in English: the tests assert on English text
/// (`--lang fr` on the command line overrides this).
pub fn binary() -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_plannit2sage"));
    command
        .env("PLANNIT2SAGE_LANG", "en")
        .env_remove("NO_COLOR");
    command
}

/// `Command::output`, tried again when the process could not even be started
/// with Windows' "internal error" (1359), which Wine reports now and then
/// under load; the program's own result is never retried.
pub trait OutputOnce {
    fn run_output(&mut self) -> Output;
}

impl OutputOnce for std::process::Command {
    fn run_output(&mut self) -> Output {
        let mut tries = 0;
        loop {
            match self.output() {
                Err(e) if e.raw_os_error() == Some(1359) && tries < 3 => tries += 1,
                result => return result.unwrap(),
            }
        }
    }
}

pub fn plannit2sage(args: &[String]) -> Output {
    binary().args(args).run_output()
}

pub struct Outcome {
    /// Exit code; -1 when the process was killed.
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub sage_files: Vec<PathBuf>,
}

impl Outcome {
    fn new(output: Output, out: PathBuf) -> Outcome {
        let sage_files = std::fs::read_dir(&out)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                    .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
                    .collect()
            })
            .unwrap_or_default();
        Outcome {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            sage_files,
        }
    }

    /// An outcome holding just an existing Sage file, to read it.
    pub fn read(sage_file: &Path) -> Outcome {
        Outcome {
            code: 0,
            stdout: String::new(),
            stderr: String::new(),
            sage_files: vec![sage_file.to_path_buf()],
        }
    }

    pub fn assert_success(&self) -> &Self {
        assert_eq!(
            self.code, 0,
            "stdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        assert_eq!(self.sage_files.len(), 1, "{:?}", self.sage_files);
        self
    }

    /// Exit 1, no Sage file, and stderr says every one of `needles`.
    pub fn assert_rejected(&self, needles: &[&str]) -> &Self {
        assert_eq!(
            self.code, 1,
            "stdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        assert!(
            self.sage_files.is_empty(),
            "a Sage file was written: {:?}",
            self.sage_files
        );
        for needle in needles {
            assert!(
                self.stderr.contains(needle),
                "stderr lacks {needle:?}:\n{}",
                self.stderr
            );
        }
        self
    }

    pub fn sage_bytes(&self) -> Vec<u8> {
        std::fs::read(&self.sage_files[0]).unwrap()
    }

    pub fn sage_text(&self) -> String {
        encoding_rs::WINDOWS_1252
            .decode(&self.sage_bytes())
            .0
            .into_owned()
    }

    /// Per-account sums of the Sage file, read with a parser written for the
    /// test: `digits,amount` lines, summed per account.
    pub fn account_sums(&self) -> BTreeMap<String, Decimal> {
        let mut sums = BTreeMap::new();
        for line in self.sage_text().split("\r\n") {
            let Some((account, amount)) = line.split_once(',') else {
                continue;
            };
            if account.chars().all(|c| c.is_ascii_digit()) && !account.is_empty() {
                let amount: Decimal = amount
                    .parse()
                    .unwrap_or_else(|_| panic!("bad amount in {line:?}"));
                *sums.entry(account.to_string()).or_insert(Decimal::ZERO) += amount;
            }
        }
        sums.retain(|_, v| !v.is_zero());
        sums
    }

    /// Entry header lines of the Sage file.
    pub fn headers(&self) -> Vec<String> {
        self.sage_text()
            .split("\r\n")
            .filter(|l| l.contains('"'))
            .map(str::to_string)
            .collect()
    }
}

/// `[("1020", "344.93"), ...]` as a map.
pub fn sums(pairs: &[(&str, &str)]) -> BTreeMap<String, Decimal> {
    pairs
        .iter()
        .map(|(a, v)| (a.to_string(), v.parse().unwrap()))
        .collect()
}

/// The standard batch: two invoices (one with two lines) and two payments,
/// one through Plannit Pay.
///
/// Invoice F-1: 100.00 + 200.00, GST 5.00 + 10.00, QST 9.98 + 19.95 → 114.98 + 229.95
/// Invoice F-2: 1 234.56, GST 61.73, QST 123.15 → 1 419.44
/// Payments: R-1 344.93 (bank), R-2 1 000.00 (Plannit Pay → 1030).
pub fn standard_sums() -> BTreeMap<String, Decimal> {
    sums(&[
        ("1020", "344.93"),
        ("1030", "1000.00"),
        // 114.98 + 229.95 + 1419.44 − 344.93 − 1000.00
        ("1210", "419.44"),
        ("2420", "-76.73"),
        // 9.98 + 19.95 + 123.15
        ("2500", "-153.08"),
        ("4001", "-300.00"),
        ("4002", "-1234.56"),
    ])
}

pub const FRENCH_SALES_HEADER: [&str; 9] = [
    "No facture",
    "Date facture",
    "Client",
    "Produit/Service",
    "Quantité",
    "Montant",
    "TPS",
    "TVQ",
    "Total",
];

pub fn standard_sales_rows_fr() -> Vec<Vec<V>> {
    vec![
        FRENCH_SALES_HEADER.iter().map(|h| T(h)).collect(),
        vec![
            T("F-1"),
            D(2026, 11, 2),
            T("Lavoie, Anne"),
            T("Tonte de pelouse"),
            N(2.0),
            N(100.0),
            N(5.0),
            N(9.98),
            N(114.98),
        ],
        vec![
            T("F-1"),
            D(2026, 11, 2),
            T("Lavoie, Anne"),
            T("taille de HAIE "),
            N(1.0),
            N(200.0),
            N(10.0),
            N(19.95),
            N(229.95),
        ],
        vec![
            T("F-2"),
            D(2026, 11, 5),
            T("Bouchard & Fils"),
            T("Deneigement residentiel"),
            N(1.0),
            N(1234.56),
            N(61.73),
            N(123.15),
            N(1419.44),
        ],
    ]
}

pub const STANDARD_PAYMENTS_CSV: &str =
    "Date,No paiement,No facture,Client,Type,Mode de paiement,Montant\n\
2026-11-06,R-1,F-1,\"Lavoie, Anne\",Paiement,Virement,344.93\n\
2026-11-07,R-2,F-2,Bouchard & Fils,Paiement,Plannit Pay,\"1,000.00\"\n";

/// The standard batch as a French xlsx sales report and a UTF-8 CSV payments report.
pub fn standard_case() -> Case {
    let case = Case::new(CONFIG);
    write_xlsx(
        &case.file("ventes.xlsx"),
        &[("Ventes", standard_sales_rows_fr())],
    );
    std::fs::write(case.file("paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();
    case
}

/// A copy of the shipped `queries/` folder in the case's folder, to edit.
pub fn queries_copy(case: &Case) -> PathBuf {
    let target = case.dir.path().join("queries");
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("queries");
    for sub in ["views", "journal", "checks"] {
        std::fs::create_dir_all(target.join(sub)).unwrap();
        for entry in std::fs::read_dir(source.join(sub)).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, target.join(sub).join(path.file_name().unwrap())).unwrap();
        }
    }
    target
}

/// Names of the entries of a folder, sorted (empty when it does not exist).
pub fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// A starter configuration (`init`) with its empty accounts filled in with
/// the example numbers its comments give.
pub fn fill_starter_accounts(config: &str) -> String {
    let accounts = [
        ("bank = ", "1020"),
        ("receivable = ", "1210"),
        ("gst = ", "2420"),
        ("qst = ", "2500"),
        ("hst = ", "2430"),
        ("plannit_pay_clearing = ", "1030"),
        ("processing_fees = ", "5310"),
        ("tips = ", "2450"),
        ("customer_deposits = ", "2700"),
    ];
    config
        .lines()
        .map(|line| {
            let filled = match accounts.iter().find(|(start, _)| line.starts_with(start)) {
                Some((_, account)) => line.replacen("= \"\"", &format!("= \"{account}\""), 1),
                None => line.to_string(),
            };
            filled + "\n"
        })
        .collect()
}
