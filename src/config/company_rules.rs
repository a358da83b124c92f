//! Account rules checked when the configuration is read: a role or mapping on
//! an account the Sage company cannot post to (linked, or missing from the
//! chart), and Plannit Pay methods mapped away from the clearing account.

use super::{Accounts, Mapping};
use crate::i18n::Text;
use crate::sage::company::SageCompany;
use crate::t;

/// Accounts Sage would refuse, found when the configuration is read: a role
/// or mapping on a linked account, a role account missing from the chart.
pub(super) fn check_company(
    company: &SageCompany,
    accounts: &Accounts,
    products: &[Mapping],
    payment_methods: &[Mapping],
) -> Result<(), Vec<Text>> {
    let mut uses: Vec<(String, &str)> = vec![
        ("[accounts] bank".into(), accounts.bank.as_str()),
        ("[accounts] receivable".into(), accounts.receivable.as_str()),
        ("[accounts] gst".into(), accounts.gst.as_str()),
        ("[accounts] qst".into(), accounts.qst.as_str()),
    ];
    if let Some(hst) = &accounts.hst {
        uses.push(("[accounts] hst".into(), hst));
    }
    if let Some(default) = &accounts.default_revenue {
        uses.push(("[accounts] default_revenue".into(), default));
    }
    for (key, value) in [
        ("plannit_pay_clearing", &accounts.plannit_pay_clearing),
        ("processing_fees", &accounts.processing_fees),
        ("payout_bank", &accounts.payout_bank),
        ("customer_deposits", &accounts.customer_deposits),
        ("tips", &accounts.tips),
        ("bad_debts", &accounts.bad_debts),
        ("gst_adjustments", &accounts.gst_adjustments),
        ("qst_adjustments", &accounts.qst_adjustments),
        ("hst_adjustments", &accounts.hst_adjustments),
    ] {
        if let Some(account) = value {
            uses.push((format!("[accounts] {key}"), account));
        }
    }
    let mut problems = Vec::new();
    if let Some(clearing) = &accounts.plannit_pay_clearing {
        for method in payment_methods {
            if method.key.starts_with("plannit pay") && &method.account != clearing {
                problems.push(t!(
                    "setup-plannit-pay-method",
                    origin = &method.origin,
                    name = &method.name,
                    account = &method.account,
                    clearing = clearing
                ));
            }
        }
    }
    for (role, account) in &uses {
        if let Some(why) = company.account_issue(account) {
            problems.push(t!(
                "setup-role-account",
                key = role,
                account = *account,
                why = why
            ));
        }
    }
    for mapping in products.iter().chain(payment_methods) {
        if company.linked_accounts.contains(&mapping.account) {
            problems.push(t!(
                "setup-mapping-problem",
                origin = &mapping.origin,
                name = &mapping.name,
                account = &mapping.account,
                why = t!("setup-account-linked", account = &mapping.account)
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}
