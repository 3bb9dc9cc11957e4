//! What the commands share: the app's state and the result type of a command.

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Instant;

use cinq_core::error::{ApiError, ErrorCode};
use cinq_core::Store;

/// What the commands share: the store, or the reason it could not be opened (shown by the UI in plain words).
pub struct AppState {
    pub(crate) store: Mutex<Result<Store, ApiError>>,
    pub(crate) db_path: PathBuf,
    pub(crate) started: Instant,
    /// The file last picked for a calendar import (its name and bytes), between its preview and its import.
    pub(crate) picked_csv: Mutex<Option<(String, Vec<u8>)>>,
    /// The network export last picked for a results import (its name and bytes), between its check and its import.
    pub(crate) picked_results: Mutex<Option<(String, Vec<u8>)>>,
    /// Set to stop the results import under way.
    pub(crate) cancel_results: std::sync::atomic::AtomicBool,
}

pub(crate) type Cmd<T> = Result<T, ApiError>;

impl AppState {
    pub(crate) fn with<T>(&self, f: impl FnOnce(&mut Store) -> cinq_core::Result<T>) -> Cmd<T> {
        let mut guard = self.store.lock().map_err(|_| ApiError {
            code: ErrorCode::Internal,
            message: "the database is unavailable after an earlier failure; restart Cinq".into(),
            fields: Vec::new(),
        })?;
        match guard.as_mut() {
            // Last resort: a panic in the domain becomes an `internal` error, never a dead window. It is caught
            // while the lock is held, so the lock is not poisoned; an open transaction rolls back as it unwinds.
            Ok(store) => std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(store)))
                .unwrap_or_else(|panic| Err(cinq_core::error::internal_from_panic(&*panic)))
                .map_err(ApiError::from),
            Err(e) => Err(e.clone()),
        }
    }
}

pub(crate) fn internal() -> ApiError {
    ApiError {
        code: ErrorCode::Internal,
        message: "an earlier failure left Cinq in a bad state; restart Cinq".into(),
        fields: Vec::new(),
    }
}
