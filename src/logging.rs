//! The log goes to a file, never to the screen, and never names a patient
//! (R-PRIV-1): messages name records by table and id.

use log::{LevelFilter, Log, Metadata, Record};
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;

struct FileLog {
    file: Mutex<File>,
}

impl Log for FileLog {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        metadata.level() <= log::Level::Info
    }

    fn log(&self, record: &Record<'_>) {
        if !self.enabled(record.metadata()) {
            return;
        }
        if let Ok(mut file) = self.file.lock() {
            let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ");
            let _ = writeln!(file, "{now} {} pid={} {}", record.level(), std::process::id(), record.args());
        }
    }

    fn flush(&self) {
        if let Ok(mut file) = self.file.lock() {
            let _ = file.flush();
        }
    }
}

/// `PERIOP_LOG`, else `$XDG_STATE_HOME/periop/periop.log`, else
/// `~/.local/state/periop/periop.log`.
pub fn default_path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("PERIOP_LOG") {
        return Some(PathBuf::from(path));
    }
    let state = std::env::var_os("XDG_STATE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/state")))?;
    Some(state.join("periop").join("periop.log"))
}

/// Starts logging to the file; without a writable file, logs nothing rather
/// than spill onto the screen.
pub fn init() {
    let Some(path) = default_path() else { return };
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let Ok(file) = OpenOptions::new().create(true).append(true).open(&path) else {
        return;
    };
    if log::set_boxed_logger(Box::new(FileLog { file: Mutex::new(file) })).is_ok() {
        log::set_max_level(LevelFilter::Info);
    }
}
