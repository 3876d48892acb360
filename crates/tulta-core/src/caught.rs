//! Panics from a library that met damaged data (tantivy asserts on a corrupt index file) caught
//! where tulta knows how to recover, without the panic message on the user's terminal.
//!
//! The panic hook is process-wide; a flag local to the catching thread tells it to stay quiet, so
//! a panic on any other thread is still reported (and the app's hook still restores the terminal).

use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static CATCHING: Cell<bool> = const { Cell::new(false) };
}

static QUIET_HOOK: Once = Once::new();

/// Whether the current thread is inside [`catch`]: a panic hook should then stay silent.
pub fn catching() -> bool {
    CATCHING.with(Cell::get)
}

/// Runs `f`, turning a panic into `Err` with its message. The data `f` touched may be half
/// changed: the caller must throw it away (here: the index, which is rebuilt).
pub(crate) fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    QUIET_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !catching() {
                previous(info);
            }
        }));
    });
    let outer = CATCHING.with(|c| c.replace(true));
    let result = catch_unwind(AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(outer));
    result.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".into())
    })
}

#[cfg(test)]
mod tests {
    #[test]
    #[allow(clippy::panic)]
    fn a_panic_becomes_its_message_and_the_flag_is_reset() {
        assert_eq!(super::catch(|| 1), Ok(1));
        let r: Result<(), String> = super::catch(|| panic!("assertion failed: x"));
        assert_eq!(r, Err("assertion failed: x".into()));
        assert!(!super::catching());
    }
}
