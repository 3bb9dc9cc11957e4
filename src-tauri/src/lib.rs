//! The Tauri shell: the window, its plugins, the app's state and start-up. The IPC commands are in `commands/`, one
//! module per step; errors cross the IPC as `cinq_core::ApiError` (`{code, message, fields}`).

mod commands;
mod dialogs;
mod state;

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Instant;

use cinq_core::error::ApiError;
use cinq_core::store::DB_FILE_NAME;
use cinq_core::Store;
use state::AppState;
use tauri::{AppHandle, Manager};

/// The database: `--db`, else `CINQ_DB`, else `cinq.sqlite3` in the OS application-data folder.
fn db_path(app: &AppHandle, flag: Option<PathBuf>) -> PathBuf {
    let explicit = flag.is_some() || std::env::var_os("CINQ_DB").is_some_and(|v| !v.is_empty());
    if explicit {
        return Store::resolve_path(flag);
    }
    app.path()
        .app_data_dir()
        .map(|d| d.join(DB_FILE_NAME))
        .unwrap_or_else(|_| Store::default_path())
}

fn open_store(path: &std::path::Path) -> Result<Store, ApiError> {
    let mut store = Store::open(path)?;
    // Deletions are undoable for the session that made them; earlier ones are removed for good.
    store.purge_deleted()?;
    Ok(store)
}

/// Shrinks the window to the screen when its default (or remembered) size does not fit there, e.g. on a 1366×768
/// laptop, so no part of the app is ever off-screen.
fn fit_to_screen(window: &tauri::WebviewWindow) {
    let (Ok(Some(monitor)), Ok(size)) = (window.current_monitor(), window.outer_size()) else {
        return;
    };
    let (area, origin) = (monitor.size(), monitor.position());
    if size.width > area.width || size.height > area.height {
        let (w, h) = (size.width.min(area.width), size.height.min(area.height));
        let _ = window.set_size(tauri::PhysicalSize::new(w, h));
        let _ = window.set_position(tauri::PhysicalPosition::new(
            origin.x + ((area.width - w) / 2) as i32,
            origin.y + ((area.height - h) / 2) as i32,
        ));
    }
}

/// Without a GPU (no DRM render node: a virtual machine, a remote desktop, a CI runner), WebKitGTK composites the page
/// with OpenGL emulated on the processor (Mesa's llvmpipe), whose threads then take the processor from the page itself:
/// a drop on the calendar kept two cores busy for some 200 ms. Its plain software path paints the same screens with a
/// fraction of that work. Called before anything starts a thread; a value the user set wins.
#[cfg(target_os = "linux")]
fn paint_in_software_without_gpu() {
    const VAR: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
    if std::env::var_os(VAR).is_some() {
        return;
    }
    let render_node = std::fs::read_dir("/dev/dri").is_ok_and(|dir| {
        dir.flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
    });
    if !render_node {
        std::env::set_var(VAR, "1");
    }
}

/// Opens the window on the database at `db` (`None`: the default place).
pub fn run(db: Option<PathBuf>, started: Instant) {
    #[cfg(target_os = "linux")]
    paint_in_software_without_gpu();
    tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| {
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.set_focus();
            }
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .setup(move |app| {
            let db_path = db_path(app.handle(), db);
            let store = open_store(&db_path);
            if let Err(e) = &store {
                eprintln!("cinq: {}", e.message);
            }
            app.manage(AppState {
                store: Mutex::new(store),
                db_path,
                started,
                picked_csv: Mutex::new(None),
                picked_results: Mutex::new(None),
                cancel_results: std::sync::atomic::AtomicBool::new(false),
            });
            if let Some(window) = app.get_webview_window("main") {
                fit_to_screen(&window);
            }
            Ok(())
        })
        // The `#[tauri::command]` fns of commands/*.rs, listed by build.rs.
        .invoke_handler(include!(concat!(env!("OUT_DIR"), "/handler.rs")))
        .run(tauri::generate_context!())
        .expect("Cinq could not start its window");
}
