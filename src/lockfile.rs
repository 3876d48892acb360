//! Taking an advisory file lock without mistaking a lock in passing for a lock held.

use std::fs::{File, TryLockError};
use std::time::Duration;

/// Takes the lock if it is free or becomes free within 0.2 s. A lock can look held for a moment
/// after its holder let go: a child process forked by another thread keeps a copy of the
/// descriptor until it execs, and the lock goes only with the last copy.
pub fn try_lock_briefly(file: &File) -> Result<(), TryLockError> {
    for _ in 0..10 {
        match file.try_lock() {
            Err(TryLockError::WouldBlock) => std::thread::sleep(Duration::from_millis(20)),
            other => return other,
        }
    }
    file.try_lock()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_held_throughout_is_reported_held() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("x.lock");
        let holder = File::create(&path).expect("create");
        holder.lock().expect("lock");
        let other = File::open(&path).expect("open");
        assert!(matches!(
            try_lock_briefly(&other),
            Err(TryLockError::WouldBlock)
        ));
        drop(holder);
        assert!(try_lock_briefly(&other).is_ok());
    }
}
