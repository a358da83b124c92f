//! Sharing the machine's cores between work the run waits for and work that
//! may go slower. While the batch is published, the workbook is the run's
//! critical path (its invoices sheet, then its zip, each on one core) and the
//! history's rows only have to be in by the time the workbook is written.
//! Sharing every core evenly between them makes the workbook late and leaves
//! a core idle at the end; instead the history's rows wait, between two
//! statements, whenever the workbook's threads hold every core.

use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// The cores held by foreground work, out of those the machine gives the run.
pub struct Cores {
    cores: usize,
    held: Mutex<usize>,
    freed: Condvar,
}

/// One core held by foreground work until this is dropped (also when its
/// thread panics, so that background work is never left waiting).
pub struct Held<'c>(&'c Cores);

impl Cores {
    /// The cores this process may use (cgroup quotas included).
    pub fn of_machine() -> Cores {
        Cores::new(std::thread::available_parallelism().map_or(1, |n| n.get()))
    }

    pub fn new(cores: usize) -> Cores {
        Cores {
            cores: cores.max(1),
            held: Mutex::new(0),
            freed: Condvar::new(),
        }
    }

    fn count(&self) -> MutexGuard<'_, usize> {
        // The count stays right through a panic (guards release on unwind).
        self.held.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Foreground work on the calling thread, until the guard is dropped.
    pub fn hold(&self) -> Held<'_> {
        *self.count() += 1;
        Held(self)
    }

    /// A foreground thread that waits for another (a join) frees its core
    /// meanwhile.
    pub fn idle_while<T>(&self, wait: impl FnOnce() -> T) -> T {
        self.release();
        let result = wait();
        *self.count() += 1;
        result
    }

    /// Background work calls this between two steps: it returns at once
    /// when a core is free of foreground work, otherwise when one comes free.
    pub fn wait_for_a_free_core(&self) {
        let mut held = self.count();
        while *held >= self.cores {
            held = self
                .freed
                .wait(held)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    fn release(&self) {
        let mut held = self.count();
        debug_assert!(*held > 0, "a core released that was not held");
        *held = held.saturating_sub(1);
        drop(held);
        self.freed.notify_all();
    }
}

impl Drop for Held<'_> {
    fn drop(&mut self) {
        self.0.release();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Duration;

    #[test]
    fn background_work_waits_while_every_core_is_held() {
        let cores = Cores::new(2);
        let passed = AtomicBool::new(false);
        let first = cores.hold();
        let second = cores.hold();
        std::thread::scope(|scope| {
            let waiter = scope.spawn(|| {
                cores.wait_for_a_free_core();
                passed.store(true, Ordering::SeqCst);
            });
            std::thread::sleep(Duration::from_millis(100));
            assert!(!passed.load(Ordering::SeqCst), "both cores are held");
            drop(second);
            waiter.join().unwrap();
        });
        assert!(passed.load(Ordering::SeqCst));
        drop(first);
        // One core held of two: nothing to wait for.
        let _one = cores.hold();
        cores.wait_for_a_free_core();
    }

    #[test]
    fn a_thread_waiting_on_another_frees_its_core() {
        let cores = Cores::new(2);
        let passed = AtomicBool::new(false);
        let _first = cores.hold();
        let _second = cores.hold();
        std::thread::scope(|scope| {
            let waiter = scope.spawn(|| {
                cores.wait_for_a_free_core();
                passed.store(true, Ordering::SeqCst);
            });
            // The second holder waits for the background work itself: it
            // could not finish if the waiting thread kept its core.
            cores.idle_while(|| waiter.join().unwrap());
        });
        assert!(passed.load(Ordering::SeqCst));
        // Held again after the wait: both cores taken.
        assert_eq!(*cores.count(), 2);
    }

    #[test]
    fn a_panicking_holder_gives_its_core_back() {
        let cores = Cores::new(1);
        let panicked = std::thread::scope(|scope| {
            scope
                .spawn(|| {
                    let _held = cores.hold();
                    panic!("the workbook's thread stops");
                })
                .join()
        });
        assert!(panicked.is_err());
        cores.wait_for_a_free_core();
    }
}
