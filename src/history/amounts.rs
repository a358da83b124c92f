//! A document's net amount per account: a short list kept sorted by account,
//! whose account names are shared between documents. A batch holds a million
//! of them; a map per document cost several times the amounts themselves.

use std::sync::Arc;

use rust_decimal::Decimal;

/// An account name shared between documents, behind a thin pointer: an
/// amount takes 24 bytes with it instead of 32.
pub type AccountName = Arc<String>;

/// Net amount per account, sorted by account, as the history stores it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Amounts(Vec<(AccountName, Decimal)>);

impl Amounts {
    pub fn new() -> Amounts {
        Amounts(Vec::new())
    }

    /// Adds `amount` to `account`, a new account's name copied.
    pub fn add_text(&mut self, account: &str, amount: Decimal) {
        self.add_with(account, amount, || Arc::new(account.to_string()));
    }

    /// Adds `amount` to `account`, whose name is shared with other documents'.
    pub fn add_shared(&mut self, account: &AccountName, amount: Decimal) {
        self.add_with(account, amount, || Arc::clone(account));
    }

    /// Room for `accounts` more accounts.
    pub fn reserve(&mut self, accounts: usize) {
        self.0.reserve_exact(accounts);
    }

    fn add_with(&mut self, account: &str, amount: Decimal, name: impl FnOnce() -> AccountName) {
        match self.0.binary_search_by(|(a, _)| a.as_str().cmp(account)) {
            Ok(at) => self.0[at].1 += amount,
            Err(at) => self.0.insert(at, (name(), amount)),
        }
    }

    pub fn get(&self, account: &str) -> Option<Decimal> {
        self.0
            .binary_search_by(|(a, _)| a.as_str().cmp(account))
            .ok()
            .map(|at| self.0[at].1)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, Decimal)> + '_ {
        self.0.iter().map(|(a, v)| (a.as_str(), *v))
    }

    pub fn accounts(&self) -> impl Iterator<Item = &str> + '_ {
        self.0.iter().map(|(a, _)| a.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Zero amounts dropped, the others to the cent.
    pub fn settle(&mut self) {
        self.drop_zeros();
        for (_, amount) in &mut self.0 {
            amount.rescale(2);
        }
        self.0.shrink_to_fit();
    }

    /// Zero amounts dropped.
    pub fn drop_zeros(&mut self) {
        self.0.retain(|(_, amount)| !amount.is_zero());
    }
}

impl<A: AsRef<str>> FromIterator<(A, Decimal)> for Amounts {
    fn from_iter<I: IntoIterator<Item = (A, Decimal)>>(iter: I) -> Amounts {
        let mut amounts = Amounts::new();
        for (account, amount) in iter {
            amounts.add_text(account.as_ref(), amount);
        }
        amounts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_stay_sorted_and_add_up_per_account() {
        let (revenue, receivable) = (Arc::new("4001".to_string()), Arc::new("1210".to_string()));
        let mut amounts = Amounts::new();
        amounts.add_shared(&revenue, Decimal::new(-10000, 2));
        amounts.add_shared(&receivable, Decimal::new(11498, 2));
        amounts.add_shared(&revenue, Decimal::new(-500, 2));
        amounts.add_text("2420", Decimal::ZERO);
        amounts.settle();
        let listed: Vec<(&str, Decimal)> = amounts.iter().collect();
        assert_eq!(
            listed,
            vec![
                ("1210", Decimal::new(11498, 2)),
                ("4001", Decimal::new(-10500, 2))
            ]
        );
        assert_eq!(amounts.get("4001"), Some(Decimal::new(-10500, 2)));
        assert_eq!(amounts.get("2420"), None);
        let same: Amounts = [
            ("4001", Decimal::new(-105, 0)),
            ("1210", Decimal::new(11498, 2)),
        ]
        .into_iter()
        .collect();
        assert_eq!(amounts, same);
        // Each account name is held once, however many documents use it.
        let mut other = Amounts::new();
        other.add_shared(&revenue, Decimal::ONE);
        assert!(Arc::ptr_eq(&other.0[0].0, &amounts.0[1].0));
    }
}
