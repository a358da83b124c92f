//! Integration tests: each builds an inbox in a temporary folder, runs the real
//! binary, and checks the Sage 50 file against figures computed in the test.

mod architecture;
mod bad_input;
mod bounced;
mod cash;
mod cash_cases;
mod cash_voided;
mod company;
mod config_errors;
mod damaged;
mod firm;
mod fixtures;
mod formats;
mod granularity;
mod history;
mod integrity;
mod large_sheets;
mod launch;
mod ledger;
mod missing;
mod payouts;
mod properties;
mod queries;
mod receivable;
mod safeguards;
mod sample_data;
mod verify;
mod verify_inputs;
mod voided;
mod watch;
mod workbench;
mod workbook;
mod workflow;
