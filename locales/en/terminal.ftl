## The full screen refused (shell::run), said on stderr by main before the
## screen opens, in the process's language (the one the screen would speak)
terminal-dumb = this terminal (TERM=dumb) cannot show the full screen; use the text commands instead: `periop board`, `periop admissions`, `periop --help`
terminal-not-a-terminal = the full screen needs a terminal, and standard input or output is not one; for scripts use the text commands: `periop board`, `periop admissions`, `periop --help`

## A time that is not one (app::clock::NowArg): `--now`, and after an
## option's name: `--at { $text } …`, `--surgery { $text } …`
terminal-now-not-a-time = { $text } is not a date and time; write it like 2026-11-23T08:00 (ward time) or 2026-11-23T07:00Z
