//! Account rules checked when the configuration is read: a role or mapping on
//! an account the Sage company cannot post to (linked, or missing from the
//! chart), and Plannit Pay methods mapped away from the clearing account.

use super::{Accounts, Mapping};
use crate::company::SageCompany;

/// Accounts Sage would refuse, found when the configuration is read: a role
/// or mapping on a linked account, a role account missing from the chart.
pub(super) fn check_company(
    company: &SageCompany,
    accounts: &Accounts,
    products: &[Mapping],
    payment_methods: &[Mapping],
) -> Result<(), String> {
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
    ] {
        if let Some(account) = value {
            uses.push((format!("[accounts] {key}"), account));
        }
    }
    let mut problems = Vec::new();
    if let Some(clearing) = &accounts.plannit_pay_clearing {
        for method in payment_methods {
            if method.key.starts_with("plannit pay") && &method.account != clearing {
                problems.push(format!(
                    "{} '{}' = \"{}\": Plannit Pay payments are received in [accounts] plannit_pay_clearing ({clearing}); remove this line or map it to {clearing}",
                    method.origin, method.name, method.account
                ));
            }
        }
    }
    for (role, account) in &uses {
        if let Some(why) = company.account_problem(account) {
            problems.push(format!("{role} = \"{account}\": {why}"));
        }
    }
    for mapping in products.iter().chain(payment_methods) {
        if company.linked_accounts.contains(&mapping.account) {
            problems.push(format!(
                "{} '{}' = \"{}\": account {} is a linked account in Sage 50 ([sage50] linked_accounts), which an import cannot post to",
                mapping.origin, mapping.name, mapping.account, mapping.account
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}
