//! `periop bench`: the figures DESIGN.md budgets, measured on a real file,
//! each beside the same measure of a bare floor run in the same process.
//!
//! The floor is the least a terminal program over this file can do: open a
//! plain rusqlite connection, run one query (the newest audit rows), draw
//! them as one ratatui table. Its figures move with the machine, the disk
//! cache and the file's size the way ours do, so the ratio (our p99 over the
//! floor's p99) is the figure to quote; the milliseconds are the budget's.
//!
//! Measured: launch to first frame (open, read the board, draw it); the
//! board query alone; and key press to frame (update, its store calls, a
//! full draw) on every tab, once for its keys and once for its filter typed
//! letter by letter. A filter runs its query in this thread here (in the
//! terminal it runs on the search worker), so its figure is the whole wait.
//! Drawing goes to an off-screen buffer, so the figures are this program's
//! work, not the terminal's.

use crate::app::clock::Clock;
use crate::app::state::Tab;
use crate::app::{Msg, State};
use crate::shell;
use crate::store::Location;
use crate::store::Store;
use crate::ui::{self, theme::Theme};
use color_eyre::Result;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Constraint;
use ratatui::widgets::{Block, Row, Table};
use rusqlite::{Connection, OpenFlags};
use std::collections::VecDeque;
use std::time::{Duration, Instant};

const LAUNCHES: usize = 30;
const QUERIES: usize = 200;
/// The off-screen terminal: a large window, so every frame draws plenty.
const SIZE: (u16, u16) = (160, 48);

pub fn run(location: &Location, clock: Clock, keys: usize) -> Result<()> {
    let account = crate::store::Account::current();
    let label = location.shown();
    let theme = Theme { color: true };
    let mut launch = Vec::with_capacity(LAUNCHES);
    let mut floor_launch = Vec::with_capacity(LAUNCHES);
    for _ in 0..LAUNCHES {
        let started = Instant::now();
        let mut store = Store::connect(location, &account)?;
        let mut state = State::new(clock.now(), store.zone(), store.actor().clone(), label.clone());
        let mut pending = VecDeque::from([crate::app::Effect::LoadBoard(state.board_day())]);
        shell::settle(&mut store, clock, &mut state, &mut pending);
        let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1))?;
        terminal.draw(|f| ui::draw(f, &state, &theme))?;
        launch.push(started.elapsed());

        let started = Instant::now();
        let floor = Floor::open(location)?;
        floor.frame()?;
        floor_launch.push(started.elapsed());
    }

    let mut store = Store::connect(location, &account)?;
    let floor = Floor::open(location)?;
    let day = crate::domain::ward_time::local_day(clock.now(), store.zone());
    let (mut board, mut floor_query) = (Vec::with_capacity(QUERIES), Vec::with_capacity(QUERIES));
    for _ in 0..QUERIES {
        let started = Instant::now();
        store.board(day, clock.now())?;
        board.push(started.elapsed());
        let started = Instant::now();
        floor.query()?;
        floor_query.push(started.elapsed());
    }

    let mut state = State::new(clock.now(), store.zone(), store.actor().clone(), label.clone());
    let mut pending = VecDeque::from([crate::app::Effect::LoadBoard(state.board_day())]);
    shell::settle(&mut store, clock, &mut state, &mut pending);
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1))?;
    crate::app::update(&mut state, Msg::Resized(SIZE.0, SIZE.1));
    state.page_rows = ui::body_rows(SIZE.1).saturating_sub(2).max(1);
    let mut scripts = Vec::new();
    let mut floor_frame = Vec::new();
    let shown = state.tabs();
    for (name, tab, script) in scripts_by_screen().into_iter().filter(|(_, tab, _)| shown.contains(tab)) {
        // Each script starts from a tab's list (nothing open, no filter) and
        // runs whole, so none ends with a form, help or a detail left open.
        for _ in 0..3 {
            shell::handle(&mut store, clock, &mut state, Msg::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)));
        }
        let runs = keys.div_ceil(script.len()).max(1) * script.len();
        let mut presses = Vec::with_capacity(runs);
        let mut on_tab = 0;
        for i in 0..runs {
            let key = script[i % script.len()];
            let started = Instant::now();
            if shell::handle(&mut store, clock, &mut state, Msg::Key(key)) {
                terminal.draw(|f| ui::draw(f, &state, &theme))?;
            }
            presses.push(started.elapsed());
            // Each pass of the script ends where it began.
            on_tab += usize::from(i % script.len() == script.len() - 1 && state.tab == tab && !state.quit);
            // The floor's key: one query, one frame.
            let started = Instant::now();
            floor.frame()?;
            floor_frame.push(started.elapsed());
        }
        if on_tab < runs / script.len() {
            return Err(color_eyre::eyre::eyre!(
                "the {name} keys left the {} tab: the script needs mending",
                tab.title()
            ));
        }
        scripts.push((name, presses));
    }

    let audit_rows = store.last_audit_id()?;
    let years = floor.history_years(day)?;
    println!("database: {label} ({audit_rows} audit rows, {years} years of history)");
    println!("floor: a bare connection, one query (the newest 40 audit rows), one ratatui table frame");
    println!(
        "{:<34} {:>9} {:>9} {:>9} {:>6} {:>11} {:>8}",
        "measure", "p50", "p99", "max", "runs", "floor p99", "× floor"
    );
    let floor_frame = Figures::of(&mut floor_frame);
    report("launch to first frame", &mut launch, &Figures::of(&mut floor_launch));
    report("board query", &mut board, &Figures::of(&mut floor_query));
    let mut all = Vec::new();
    for (name, presses) in &mut scripts {
        all.extend_from_slice(presses);
        report(&format!("key to frame: {name}"), presses, &floor_frame);
    }
    report("key to frame: every screen", &mut all, &floor_frame);
    match location {
        Location::File(_) => live_refresh_on_file(clock)?,
        Location::Postgres(url) => live_refresh_on_server(location, url, clock)?,
    }
    Ok(())
}

/// [`live_refresh`] in a scratch file in a temporary folder, removed after.
fn live_refresh_on_file(clock: Clock) -> Result<()> {
    let dir = std::env::temp_dir().join(format!("periop-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let result = live_refresh(&Location::File(dir.join("live.db")), clock);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// [`live_refresh`] in a scratch database `periop_bench_<pid>` made on the
/// ward's server (its saves must not go into the ward), dropped after,
/// with any connection left to it, whatever the measure's outcome. A role
/// that may not create a database is told so in one line, and the bench
/// ends with the other figures. Errors: connecting to the ward's database,
/// creating the scratch one for another reason (it exists already: then it
/// is left alone), the measure itself; a scratch database that could not
/// be dropped is said on stderr.
fn live_refresh_on_server(location: &Location, url: &str, clock: Clock) -> Result<()> {
    #[cfg(feature = "postgres")]
    {
        use crate::store::db::{Connection, Error};
        use postgres::error::SqlState;
        let name = format!("periop_bench_{}", std::process::id());
        let scratch = location.with_database(&name).expect("a server location names a database");
        let conn = Connection::open_postgres(url)?;
        // A name of the form above needs no quoting.
        let create = format!("CREATE DATABASE {name}"); // i18n: SQL
        match conn.execute_batch(&create) {
            Ok(()) => {}
            Err(Error::Postgres(e)) if e.code() == Some(&SqlState::INSUFFICIENT_PRIVILEGE) => {
                println!("\n{}", tr!("cli-bench-live-needs-createdb"));
                return Ok(());
            }
            Err(e) => return Err(e.into()),
        }
        let result = live_refresh(&scratch, clock);
        // FORCE: a watcher or a store the measure left behind may still be
        // connected to it.
        let drop = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"); // i18n: SQL
        if let Err(e) = conn.execute_batch(&drop) {
            eprintln!("{}", tr!("cli-bench-scratch-left", name = name.as_str(), cause = e.to_string()));
        }
        result
    }
    #[cfg(not(feature = "postgres"))]
    {
        let _ = (location, url, clock);
        Err(crate::store::StoreError::NoPostgres.into())
    }
}

/// Saves made in a new ward at `scratch` (a file or a server's database,
/// empty) while a watcher thread waits, as the TUI's does: the time from a
/// save's commit to the watcher naming the row. On a file, woken by file
/// notifications, then by the timer alone (the fallback where they do not
/// arrive). On a server, by its notification only: `LISTEN`/`NOTIFY` comes
/// from the server itself with the commit, on every file system, so a
/// server's watcher never falls back to the timer alone (it has no such
/// mode to measure; the timer only bounds each wait).
fn live_refresh(scratch: &Location, clock: Clock) -> Result<()> {
    use crate::store::watch::Watcher;
    use crate::store::{Account, settings};
    // The timer alone waits 150 ms on average: fewer of those.
    let rounds: &[(bool, usize)] = if scratch.is_file() { &[(true, 200), (false, 40)] } else { &[(true, 200)] };
    let mut store = Store::init_at(scratch, &Account::current(), clock.now())?;
    println!();
    println!("live refresh: saves in another connection, from the commit to the watcher naming the row");
    println!("{:<34} {:>9} {:>9} {:>9} {:>6}", "woken by", "p50", "p99", "max", "runs");
    for &(notified, saves) in rounds {
        let mut watcher = match scratch.file() {
            Some(path) if !notified => Watcher::open_polling(path)?,
            _ => Watcher::connect(scratch)?,
        };
        let label = match (watcher.notified(), scratch.is_file()) {
            (false, _) => "the 300 ms timer alone",
            (true, true) => "file notification",
            (true, false) => "server notification (NOTIFY)",
        };
        let (seen_tx, seen_rx) = std::sync::mpsc::channel();
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stopping = stop.clone();
        let thread = std::thread::spawn(move || -> crate::store::error::Result<()> {
            while !stopping.load(std::sync::atomic::Ordering::Relaxed) {
                for c in watcher.wait(crate::shell::WATCH_EVERY)? {
                    let _ = seen_tx.send((c.audit_id, Instant::now()));
                }
            }
            Ok(())
        });
        let mut waits = Vec::with_capacity(saves);
        let mut version = store.setting_version("fast.solids_h")?;
        let measured = (|| -> Result<()> {
            for i in 0..saves {
                let value = if i % 2 == 0 { "7" } else { "6" };
                let v = version;
                version = Some(store.write(clock.now(), |tx| settings::set(tx, "fast.solids_h", value, v))?);
                // As the saving terminal sees it. On a server the watcher is
                // told as the COMMIT is answered, often before this store
                // returns (its own queries after the commit): a wait of 0.
                let committed = Instant::now();
                let audit_id = store.last_audit_id()?;
                loop {
                    let (id, at) = seen_rx.recv_timeout(Duration::from_secs(5))?;
                    if id == audit_id {
                        waits.push(at.saturating_duration_since(committed));
                        break;
                    }
                }
                // Saves a person makes, not a burst: let the watcher go back
                // to sleep; spread over the timer's period.
                std::thread::sleep(Duration::from_millis(20 + (i as u64 * 61) % 300));
            }
            Ok(())
        })();
        // Stopped whatever happened, so the thread lets go of its connection.
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        measured?;
        store.write(clock.now(), |tx| settings::set(tx, "fast.solids_h", "6", version).map(|_| ()))?;
        if let Ok(Err(e)) = thread.join() {
            return Err(e.into());
        }
        let f = Figures::of(&mut waits);
        let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1000.0);
        println!("{label:<34} {:>9} {:>9} {:>9} {:>6}", ms(f.p50), ms(f.p99), ms(f.max), f.runs);
    }
    Ok(())
}

/// The bare program the figures are compared with.
struct Floor {
    conn: crate::store::db::Connection,
    terminal: std::cell::RefCell<Terminal<TestBackend>>,
}

impl Floor {
    /// A file read-only through rusqlite alone; a server with the bare client.
    fn open(location: &Location) -> Result<Floor> {
        let conn = match location {
            Location::File(path) => crate::store::db::Connection::from_sqlite(Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_ONLY,
            )?),
            #[cfg(feature = "postgres")]
            Location::Postgres(url) => crate::store::db::Connection::open_postgres(url)?,
            #[cfg(not(feature = "postgres"))]
            Location::Postgres(_) => return Err(crate::store::StoreError::NoPostgres.into()),
        };
        let terminal = std::cell::RefCell::new(Terminal::new(TestBackend::new(SIZE.0, SIZE.1))?);
        Ok(Floor { conn, terminal })
    }

    fn query(&self) -> Result<Vec<[String; 4]>> {
        let mut stmt =
            self.conn.prepare_cached("SELECT id, at, table_name, row_id FROM audit ORDER BY id DESC LIMIT 40")?;
        let rows = stmt
            .query_map([], |r| {
                Ok([r.get::<_, i64>(0)?.to_string(), r.get(1)?, r.get(2)?, r.get::<_, i64>(3)?.to_string()])
            })?
            .collect::<crate::store::db::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// From the first planned arrival to `today`, in years.
    fn history_years(&self, today: chrono::NaiveDate) -> Result<String> {
        let first: Option<String> =
            self.conn.query_row("SELECT MIN(planned_admit_on) FROM admissions", [], |r| r.get(0))?;
        let first = first.and_then(|d| d.parse::<chrono::NaiveDate>().ok());
        Ok(first.map_or_else(|| "?".into(), |d| format!("{:.1}", (today - d).num_days() as f64 / 365.25)))
    }

    fn frame(&self) -> Result<()> {
        let rows = self.query()?;
        self.terminal.borrow_mut().draw(|f| {
            let widths = [Constraint::Length(10), Constraint::Length(22), Constraint::Fill(1), Constraint::Length(10)];
            let table = Table::new(rows.iter().map(|r| Row::new(r.iter().map(String::as_str))), widths)
                .header(Row::new(["id", "at", "table", "row"]))
                .block(Block::bordered().title("floor"));
            f.render_widget(table, f.area());
        })?;
        Ok(())
    }
}

/// What a nurse does on each screen: its keys, then its filter typed letter
/// by letter (a common word, a rare one, erased, cleared).
fn scripts_by_screen() -> Vec<(&'static str, Tab, Vec<KeyEvent>)> {
    let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
    let ch = |c| key(KeyCode::Char(c));
    let (enter, esc, back) = (key(KeyCode::Enter), key(KeyCode::Esc), key(KeyCode::Backspace));
    let (down, up) = (key(KeyCode::PageDown), key(KeyCode::PageUp));
    let list = [ch('j'), ch('j'), ch('j'), ch('k'), down, up, ch('G'), ch('g')];
    let typed = |words: &[&str]| {
        let mut keys = vec![ch('/')];
        for word in words {
            keys.extend(word.chars().map(ch));
            keys.extend(word.chars().map(|_| back));
        }
        keys.extend(words[0].chars().map(ch));
        keys.extend([enter, ch('j'), esc]);
        keys
    };
    // A tab's digit is its place in the tab bar.
    let with = |tab: Tab, parts: &[&[KeyEvent]]| -> Vec<KeyEvent> {
        let place = Tab::ALL.iter().position(|t| *t == tab).unwrap_or(0);
        let digit = char::from_digit(u32::try_from(place + 1).unwrap_or(1), 10).unwrap_or('1');
        let mut keys = vec![ch(digit)];
        for part in parts {
            keys.extend_from_slice(part);
        }
        keys
    };
    let help = [ch('?'), esc];
    let days = [ch(']'), ch(']'), ch('['), ch('t')];
    let names = ["mar", "zqx", "h1000", "le"];
    vec![
        ("Board", Tab::Board, with(Tab::Board, &[&list, &days, &help, &[enter, ch('j'), esc]])),
        ("Board filter", Tab::Board, with(Tab::Board, &[&typed(&names)])),
        (
            "Admissions",
            Tab::Admissions,
            with(
                Tab::Admissions,
                &[&list, &days, &[enter, ch('j'), down, esc, ch('w'), ch('j'), ch('G'), ch('g'), ch('w')]],
            ),
        ),
        (
            "Admissions states",
            Tab::Admissions,
            with(Tab::Admissions, &[&[ch('s'), ch('j'), ch('w'), ch('j'), ch('w')]]),
        ),
        ("Admissions filter, one day", Tab::Admissions, with(Tab::Admissions, &[&typed(&names)])),
        (
            "Admissions filter, all days",
            Tab::Admissions,
            with(Tab::Admissions, &[&[ch('w')], &typed(&names), &[ch('w')]]),
        ),
        ("Beds", Tab::Beds, with(Tab::Beds, &[&list, &help])),
        ("Beds filter", Tab::Beds, with(Tab::Beds, &[&typed(&["b", "zq", "1"])])),
        ("Anaesthesia", Tab::Anaesthesia, with(Tab::Anaesthesia, &[&list, &[enter, esc], &help])),
        ("Anaesthesia filter", Tab::Anaesthesia, with(Tab::Anaesthesia, &[&typed(&names)])),
        (
            "Audit",
            Tab::Audit,
            with(Tab::Audit, &[&list, &[down, down, down, down, down, down, ch('G'), ch('G')], &help]),
        ),
        (
            "Audit filter",
            Tab::Audit,
            with(Tab::Audit, &[&typed(&["zqx", "admitted", "alice", "h1000", "bed 3", "\"and("])]),
        ),
        ("Rounds", Tab::Rounds, with(Tab::Rounds, &[&list, &help])),
        (
            "Block",
            Tab::Block,
            with(
                Tab::Block,
                &[&[ch('j'), ch('j'), ch('k'), ch('l'), ch('h')], &days, &[ch('w'), ch(']'), ch('['), ch('w')], &help],
            ),
        ),
        ("Block filter", Tab::Block, with(Tab::Block, &[&typed(&names)])),
        ("Stock", Tab::Stock, with(Tab::Stock, &[&list, &help])),
        ("Stock filter", Tab::Stock, with(Tab::Stock, &[&typed(&["screw", "zqx", "a26", "cement"])])),
        ("Rounds filter", Tab::Rounds, with(Tab::Rounds, &[&typed(&names)])),
        // Shown to admins only: the bench skips it for other accounts.
        ("Admin", Tab::Admin, with(Tab::Admin, &[&list, &help])),
        ("Admin filter", Tab::Admin, with(Tab::Admin, &[&typed(&["dr", "zqx", "nurse"])])),
    ]
}

/// p50, p99 and max of a sample.
struct Figures {
    p50: Duration,
    p99: Duration,
    max: Duration,
    runs: usize,
}

impl Figures {
    fn of(samples: &mut [Duration]) -> Figures {
        samples.sort();
        let at = |q: f64| samples.get(((samples.len() as f64 - 1.0) * q).round() as usize).copied().unwrap_or_default();
        Figures { p50: at(0.5), p99: at(0.99), max: at(1.0), runs: samples.len() }
    }
}

fn report(name: &str, samples: &mut [Duration], floor: &Figures) {
    let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1000.0);
    let f = Figures::of(samples);
    if f.runs == 0 {
        return;
    }
    let ratio = f.p99.as_secs_f64() / floor.p99.as_secs_f64().max(1e-9);
    println!(
        "{name:<34} {:>9} {:>9} {:>9} {:>6} {:>11} {:>7.1}×",
        ms(f.p50),
        ms(f.p99),
        ms(f.max),
        f.runs,
        ms(floor.p99),
        ratio
    );
}
