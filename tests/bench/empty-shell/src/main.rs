//! An empty Tauri window whose page reports that it is ready, exactly as Cinq's UI does (`ui_ready`), so that the
//! start-up benchmark measures the same thing on both. With `CINQ_SHELL_PAGE=stack` it shows the floor of Cinq's
//! stack instead (`ui/bench/stack-floor`: React and Mantine with one button), built into `dist/stack` by the benchmark;
//! with `CINQ_SHELL_PAGE=screen`, Cinq's first screen as a static page (`dist/screen`, written by
//! `tests/bench/capture-screen.mjs`).

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
        .setup(|app| {
            let page = match std::env::var("CINQ_SHELL_PAGE").as_deref() {
                Ok("stack") => "stack/index.html",
                Ok("screen") => "screen/index.html",
                _ => "index.html",
            };
            tauri::WebviewWindowBuilder::new(app, "main", tauri::WebviewUrl::App(page.into()))
                .title("Empty shell")
                .inner_size(1280.0, 800.0)
                .build()?;
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("the empty shell could not start");
}
