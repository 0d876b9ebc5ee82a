## The database file as a whole: backups and restores, opening a file,
## periop check's findings about the search indexes and the side files
## (src/store/backup.rs, file_check.rs, check.rs, search.rs,
## search_check.rs, sidecars.rs)

## Backups and restores (store::backup)
files-backup-copy-unsound = its copy fails SQLite's integrity check or its references; no backup was made: run `periop check` on the database to see what
files-backup-folder-read-only = { $cause }; no backup was made: pick a folder your account can write, or ask the owner of { $folder } to let your account write there
files-backup-never-overwrites = a backup never overwrites a file: give a new path (e.g. with the date in its name)
files-cannot-test-locks = cannot test its locks ({ $error })
## Another process holding the file: "sqlite3 (pid 4242)"
files-opener = { $program } (pid { $pid })
files-a-program = a program
files-restore-no-backup = no such backup file; nothing was changed: check the path (`ls` the backup folder) and restore again
files-restore-not-whole = this backup is not whole (integrity, references, stored values or audit chain: `periop --db { $path } check` says which); nothing was changed: pick another backup
files-restore-holders-unknown = a terminal running periop, a command, an sqlite3 shell
files-restore-held = another program has it open ({ $who }); close them all, then restore again
files-restore-open = another program has it open: { $openers }; its next write would land in the restored file: close them all, then restore again
files-restore-kept-exists = the file a restore replaces is kept under that name: run the restore again in a second

## SQLite's -wal and -shm beside the database (store::sidecars), for periop check
files-side-group = { $name }: group { $group } is not the database's ({ $database }); the ward's other accounts cannot save: run `chgrp { $database } { $name }` as its owner, and make the folder setgid (README, "Deploying on a ward")
files-side-mode = { $name }: mode { $mode } is not the database's ({ $database }); run `chmod { $database } { $name }` as its owner

## Opening a file: why it cannot be used (store::file_check, store::check)
files-cannot-read = cannot read it ({ $error })
## What a file that is not an SQLite database holds (errors-not-sqlite's $what)
files-holds-text = it holds text
files-unknown-bytes = unknown bytes
files-header-cut-short = the header is cut short
files-cannot-write = you cannot write to it ({ $error })
files-cannot-create-journal = you cannot create its journal files in { $folder }
files-tables-missing = tables missing: { $tables }
files-table-damaged = the { $table } table: { $found }
files-quick-check = SQLite's quick check: { $found }
files-quick-check-index = SQLite's quick check: { $found }; nothing was saved

## The search indexes against the records (store::search, store::search_check, R-AUDIT-3)
## The index names (patient_search, audit_search, audit_terms) are codes.
files-search-segment = FTS5 cannot read a segment
files-search-next-step = an admin rebuilds the search indexes from the records with `periop reindex`
files-search-fts5 = { $index }: FTS5's integrity check: { $line }; { files-search-next-step }
files-search-unreadable = { $index }: cannot be read to the end ({ $error }); { files-search-next-step }
## Records a finding names: "patient #3, #7", "audit #1, … #10 and 3 more"
files-search-records = { $noun } { $ids }{ $more }
files-search-more = {" "}and { $count } more
files-search-patient = patient
files-search-audit = audit
files-search-entry = entry
files-search-patients-missing = patient_search: { $records } not in it (a filter by name or number cannot find them); { files-search-next-step }
files-search-patients-different = patient_search: { $records } indexed under other words than their record (a filter misses them or finds them by words they do not have); { files-search-next-step }
files-search-patients-extra = patient_search: { $records } for no patient; { files-search-next-step }
files-search-audit-missing = audit_search: { $records } not in it (the Audit filter cannot find them); { files-search-next-step }
files-search-audit-extra = audit_search: { $records } for no audit row (the Audit filter finds what is not there); { files-search-next-step }
files-search-audit-differs = audit_search: its words differ from those of the audit rows (changed or damaged inside the index; the Audit filter misses entries or finds wrong ones); { files-search-next-step }
files-search-terms-missing = audit_terms: { $count } word(s) of the audit rows missing (a typed word of 3 letters or more may miss the entries holding them); { files-search-next-step }
files-search-terms-extra = audit_terms: { $count } word(s) that no audit row holds; { files-search-next-step }
