//! An empty Tauri window whose page reports that it is ready, exactly as Cinq's UI does (`ui_ready`), so that the
//! start-up benchmark measures the same thing on both.

use std::time::Instant;

#[tauri::command]
fn ui_ready(app: tauri::AppHandle, started: tauri::State<Instant>, marks: Option<String>) {
    if let Ok(mode) = std::env::var("CINQ_STARTUP_PROBE") {
        eprintln!("cinq-ready-ms {}", started.elapsed().as_secs_f64() * 1000.0);
        eprintln!("cinq-ready-marks {}", marks.unwrap_or_default());
        if mode == "exit" {
            app.exit(0);
        }
    }
}

fn main() {
    let started = Instant::now();
    tauri::Builder::default()
        .manage(started)
        .invoke_handler(tauri::generate_handler![ui_ready])
        .run(tauri::generate_context!())
        .expect("the empty shell could not start");
}
