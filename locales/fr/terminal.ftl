## L'écran complet refusé (shell::run), dit sur stderr par main avant que
## l'écran s'ouvre, dans la langue du processus (celle que parlerait l'écran)
terminal-dumb = ce terminal (TERM=dumb) ne peut pas afficher l'écran complet ; utilisez plutôt les commandes texte : `periop board`, `periop admissions`, `periop --help`
terminal-not-a-terminal = l'écran complet a besoin d'un terminal, et l'entrée ou la sortie standard n'en est pas un ; pour les scripts, utilisez les commandes texte : `periop board`, `periop admissions`, `periop --help`

## Une heure qui n'en est pas une (app::clock::NowArg) : `--now`, et après
## le nom d'une option : `--at { $text } …`, `--surgery { $text } …`
terminal-now-not-a-time = { $text } n'est pas une date et une heure ; écrivez par exemple 2026-11-23T08:00 (heure du service) ou 2026-11-23T07:00Z
