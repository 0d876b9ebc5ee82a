//! The search worker (DESIGN.md, "The loop"): the filters typed into the
//! Audit and Admissions tabs run here, on a store of their own, so a query
//! that takes longer than a frame never holds up the keys or the drawing.
//! A newer request of the same kind interrupts the one in flight
//! (`sqlite3_interrupt`, PostgreSQL's cancel request) and only the newest
//! waiting one runs; the answer comes back on the loop's channel as the
//! same message the loop would have made (the app already drops an answer
//! to a filter no longer shown).
//!
//! An interrupted request is dropped only if a newer one of its kind was
//! offered: PostgreSQL's cancel travels on a connection of its own and can
//! land on the statement after the one it was meant for. Dropping that one
//! too left the newest filter unanswered, the list unfiltered, and Enter
//! opened another patient's stay (found running the journey on PostgreSQL).

use crate::app::clock::Clock;
use crate::app::{Effect, Msg};
use crate::store::Location;
use crate::store::{Interrupter, Store};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread;

/// Which list a request reads: a newer one of the same kind supersedes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Audit,
    Admissions,
}

impl Kind {
    fn index(self) -> usize {
        match self {
            Kind::Audit => 0,
            Kind::Admissions => 1,
        }
    }
}

/// How many requests of each kind were offered ([`Kind::index`]): a job
/// whose number is below its kind's count was superseded.
type Offered = [AtomicU64; 2];

/// How long a request interrupted by no newer one keeps running again
/// before its error is shown: each key typed sent a cancel, and each may
/// land on a later statement (found in CI: a fourth stray cancel put
/// "canceling statement due to user request" on the list), but they stop
/// coming when the typing does.
const STRAY_INTERRUPTS_FOR: std::time::Duration = std::time::Duration::from_secs(5);

/// A request the worker takes: a filter being typed (an empty filter reads
/// the newest rows by index, as quick as any other load, and stays on the
/// loop so a key typed ahead acts on what it will see).
fn kind(effect: &Effect) -> Option<Kind> {
    match effect {
        Effect::LoadAudit { filter, .. } if !filter.trim().is_empty() => Some(Kind::Audit),
        Effect::LoadAdmissions(query) if query.text.as_deref().is_some_and(|t| !t.trim().is_empty()) => {
            Some(Kind::Admissions)
        }
        _ => None,
    }
}

pub struct Searcher {
    /// Each request with its number among those of its kind (from 1).
    jobs: Sender<(u64, Effect)>,
    interrupter: Interrupter,
    running: Arc<Mutex<Option<Kind>>>,
    /// Requests handed over and not yet answered or dropped; an answer is
    /// on the channel before its request stops counting.
    outstanding: Arc<AtomicUsize>,
    offered: Arc<Offered>,
}

impl Searcher {
    /// Starts the worker on its own store of `path`; `None` (and the loop
    /// runs searches itself) if that store cannot be opened.
    pub fn spawn(location: &Location, clock: Clock, answers: Sender<Msg>) -> Option<Searcher> {
        let (jobs, waiting) = channel();
        let (ready, started) = channel();
        let running = Arc::new(Mutex::new(None));
        let outstanding = Arc::new(AtomicUsize::new(0));
        let offered: Arc<Offered> = Arc::new([AtomicU64::new(0), AtomicU64::new(0)]);
        let (location, busy, count, numbers) =
            (location.clone(), running.clone(), outstanding.clone(), offered.clone());
        thread::spawn(move || {
            let mut store = match Store::connect(&location, &crate::store::Account::current()) {
                Ok(store) => store,
                Err(e) => {
                    log::warn!("no search worker ({e}); searching on the loop");
                    return;
                }
            };
            if ready.send(store.interrupter()).is_err() {
                return;
            }
            work(&mut store, clock, &waiting, &busy, &count, &numbers, &answers);
        });
        let interrupter = started.recv().ok()?;
        Some(Searcher { jobs, interrupter, running, outstanding, offered })
    }

    /// True while a search handed over has not been answered.
    pub fn busy(&self) -> bool {
        self.outstanding.load(Ordering::SeqCst) > 0
    }

    /// Hands `effect` to the worker if it is a search; gives it back if not.
    pub fn offer(&self, effect: Effect) -> Option<Effect> {
        let Some(kind) = kind(&effect) else { return Some(effect) };
        // Numbered before the interrupt: the interrupted job sees it superseded.
        let number = self.offered[kind.index()].fetch_add(1, Ordering::SeqCst) + 1;
        if *self.running.lock().unwrap_or_else(|e| e.into_inner()) == Some(kind) {
            self.interrupter.interrupt();
        }
        self.outstanding.fetch_add(1, Ordering::SeqCst);
        match self.jobs.send((number, effect)) {
            Ok(()) => None,
            Err(returned) => {
                self.outstanding.fetch_sub(1, Ordering::SeqCst);
                Some(returned.0.1)
            }
        }
    }
}

fn work(
    store: &mut Store,
    clock: Clock,
    waiting: &Receiver<(u64, Effect)>,
    running: &Mutex<Option<Kind>>,
    outstanding: &AtomicUsize,
    offered: &Offered,
    answers: &Sender<Msg>,
) {
    while let Ok(first) = waiting.recv() {
        // Only the newest request of each kind is worth an answer.
        let mut newest: Vec<(u64, Effect)> = Vec::new();
        for job in std::iter::once(first).chain(waiting.try_iter()) {
            let before = newest.len();
            newest.retain(|(_, j)| kind(j) != kind(&job.1));
            outstanding.fetch_sub(before - newest.len(), Ordering::SeqCst);
            newest.push(job);
        }
        for (number, job) in newest {
            let kind = kind(&job);
            let superseded = || kind.is_some_and(|k| offered[k.index()].load(Ordering::SeqCst) > number);
            *running.lock().unwrap_or_else(|e| e.into_inner()) = kind;
            let started = std::time::Instant::now();
            let msg = loop {
                match answer(store, clock, job.clone(), started.elapsed() > STRAY_INTERRUPTS_FOR) {
                    Some(msg) => break Some(msg),
                    None if superseded() => break None,
                    None => {}
                }
            };
            *running.lock().unwrap_or_else(|e| e.into_inner()) = None;
            let gone = msg.is_some_and(|msg| answers.send(msg).is_err());
            // Counted down only once the answer is on the channel.
            outstanding.fetch_sub(1, Ordering::SeqCst);
            if gone {
                return;
            }
        }
    }
}

/// The message for `job`, or none if it was interrupted (unless `last`:
/// then the interruption is the answer's error).
fn answer(store: &mut Store, clock: Clock, job: Effect, last: bool) -> Option<Msg> {
    use crate::store::audit_log::PAGE;
    let interrupted = |e: &crate::store::StoreError| !last && e.is_interrupted();
    match job {
        Effect::LoadAudit { filter, before_id } => {
            let result = store.audit_entries(&filter, before_id, PAGE);
            if result.as_ref().is_err_and(interrupted) {
                return None;
            }
            let result = result.map_err(|e| store.explain(e).to_string());
            Some(Msg::AuditLoaded { filter, appended: before_id.is_some(), result })
        }
        Effect::LoadAdmissions(query) => {
            let result = store.admissions(&query, clock.now());
            if result.as_ref().is_err_and(interrupted) {
                return None;
            }
            Some(Msg::AdmissionsLoaded { query, result: result.map_err(|e| store.explain(e).to_string()) })
        }
        other => Some(super::effects::run(store, clock, other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::admission_list::ListQuery;

    #[test]
    fn only_filters_being_typed_go_to_the_worker() {
        let audit = |filter: &str| Effect::LoadAudit { filter: filter.into(), before_id: None };
        let stays = |text: Option<&str>| {
            Effect::LoadAdmissions(ListQuery { text: text.map(String::from), ..Default::default() })
        };
        assert_eq!(kind(&audit("admi")), Some(Kind::Audit));
        assert_eq!(kind(&audit("  ")), None);
        assert_eq!(kind(&stays(Some("mer"))), Some(Kind::Admissions));
        assert_eq!(kind(&stays(None)), None);
        assert_eq!(kind(&Effect::LoadLists), None);
    }

    #[test]
    fn the_answer_to_the_newest_filter_comes_back_on_the_channel() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.db");
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-22T07:30:00Z").unwrap().to_utc();
        drop(Store::init(&path, &crate::store::Account::current(), at).unwrap());
        let (tx, rx) = channel();
        let searcher = Searcher::spawn(&Location::File(path.clone()), Clock::Fixed(at), tx).expect("the worker starts");
        for filter in ["a", "ad", "adm"] {
            assert!(searcher.offer(Effect::LoadAudit { filter: filter.into(), before_id: None }).is_none());
        }
        assert!(searcher.offer(Effect::LoadLists).is_some(), "not a search: the loop runs it");
        let mut last = None;
        while last.as_deref() != Some("adm") {
            match rx.recv_timeout(std::time::Duration::from_secs(10)).expect("an answer") {
                Msg::AuditLoaded { filter, result, .. } => {
                    result.expect("no error, interrupted or not");
                    last = Some(filter);
                }
                other => panic!("unexpected {other:?}"),
            }
        }
    }
}
