## Le fichier de la base dans son ensemble : sauvegardes et restaurations,
## ouverture d'un fichier, constats de periop check sur les index de
## recherche et les fichiers annexes

## Sauvegardes et restaurations (store::backup)
files-backup-copy-unsound = sa copie échoue au contrôle d'intégrité de SQLite ou à celui de ses références ; aucune sauvegarde n'a été faite : lancez `periop check` sur la base pour voir ce qui ne va pas
files-backup-folder-read-only = { $cause } ; aucune sauvegarde n'a été faite : choisissez un dossier où votre compte peut écrire, ou demandez au propriétaire de { $folder } d'y laisser écrire votre compte
files-backup-never-overwrites = une sauvegarde n'écrase jamais un fichier : donnez un nouveau chemin (par ex. avec la date dans son nom)
files-cannot-test-locks = impossible de tester ses verrous ({ $error })
## Un autre processus qui tient le fichier : « sqlite3 (pid 4242) »
files-opener = { $program } (pid { $pid })
files-a-program = un programme
files-restore-no-backup = pas de fichier de sauvegarde à ce chemin ; rien n'a été modifié : vérifiez le chemin (`ls` du dossier des sauvegardes) et restaurez de nouveau
files-restore-not-whole = cette sauvegarde n'est pas entière (intégrité, références, valeurs enregistrées ou chaîne d'audit : `periop --db { $path } check` dit lesquelles) ; rien n'a été modifié : choisissez une autre sauvegarde
files-restore-holders-unknown = un terminal où tourne periop, une commande, un shell sqlite3
files-restore-held = un autre programme l'a ouvert ({ $who }) ; fermez-les tous, puis restaurez de nouveau
files-restore-open = un autre programme l'a ouvert : { $openers } ; sa prochaine écriture irait dans le fichier restauré : fermez-les tous, puis restaurez de nouveau
files-restore-kept-exists = le fichier qu'une restauration remplace est gardé sous ce nom : relancez la restauration dans une seconde

## Les fichiers -wal et -shm de SQLite à côté de la base (store::sidecars), pour periop check
files-side-group = { $name } : le groupe { $group } n'est pas celui de la base ({ $database }) ; les autres comptes du service ne peuvent pas enregistrer : lancez `chgrp { $database } { $name }` en tant que son propriétaire, et rendez le dossier setgid (README, « Deploying on a ward »)
files-side-mode = { $name } : les droits { $mode } ne sont pas ceux de la base ({ $database }) ; lancez `chmod { $database } { $name }` en tant que son propriétaire

## Ouvrir un fichier : pourquoi il ne peut servir (store::file_check, store::check)
files-cannot-read = impossible de le lire ({ $error })
## Ce que contient un fichier qui n'est pas une base SQLite ($what de errors-not-sqlite)
files-holds-text = il contient du texte
files-unknown-bytes = des octets inconnus
files-header-cut-short = l'en-tête est tronqué
files-cannot-write = vous ne pouvez pas y écrire ({ $error })
files-cannot-create-journal = vous ne pouvez pas créer ses fichiers de journal dans { $folder }
files-tables-missing = tables manquantes : { $tables }
files-table-damaged = la table { $table } : { $found }
files-quick-check = contrôle rapide de SQLite : { $found }
files-quick-check-index = contrôle rapide de SQLite : { $found } ; rien n'a été enregistré

## Les index de recherche face aux dossiers (store::search, store::search_check, R-AUDIT-3)
## Les noms des index (patient_search, audit_search, audit_terms) sont des codes.
files-search-segment = FTS5 ne peut pas lire un segment
files-search-next-step = un admin reconstruit les index de recherche à partir des enregistrements avec `periop reindex`
files-search-fts5 = { $index } : contrôle d'intégrité de FTS5 : { $line } ; { files-search-next-step }
files-search-unreadable = { $index } : illisible jusqu'au bout ({ $error }) ; { files-search-next-step }
## Les dossiers qu'un constat nomme : « patient #3, #7 », « audit #1, … #10 et 3 autres »
files-search-records = { $noun } { $ids }{ $more }
files-search-more = { $count ->
    [one] {" "}et { $count } autre
   *[other] {" "}et { $count } autres
}
files-search-patient = patient
files-search-audit = audit
files-search-entry = entrée
files-search-patients-missing = patient_search : il y manque { $records } (un filtre par nom ou par numéro ne peut pas les trouver) ; { files-search-next-step }
files-search-patients-different = patient_search : mots autres que ceux du dossier pour { $records } (un filtre les manque, ou les trouve par des mots qu'ils n'ont pas) ; { files-search-next-step }
files-search-patients-extra = patient_search : { $records } sans aucun patient ; { files-search-next-step }
files-search-audit-missing = audit_search : il y manque { $records } (le filtre de l'onglet Audit ne peut pas les trouver) ; { files-search-next-step }
files-search-audit-extra = audit_search : { $records } sans aucune ligne d'audit (le filtre de l'onglet Audit trouve ce qui n'existe pas) ; { files-search-next-step }
files-search-audit-differs = audit_search : ses mots diffèrent de ceux des lignes d'audit (modifiés ou endommagés dans l'index ; le filtre de l'onglet Audit manque des entrées ou en trouve de fausses) ; { files-search-next-step }
files-search-terms-missing = audit_terms : { $count ->
    [one] { $count } mot des lignes d'audit manque
   *[other] { $count } mots des lignes d'audit manquent
} (un mot tapé de 3 lettres ou plus peut manquer les entrées qui le contiennent) ; { files-search-next-step }
files-search-terms-extra = audit_terms : { $count ->
    [one] { $count } mot qu'aucune ligne d'audit ne contient
   *[other] { $count } mots qu'aucune ligne d'audit ne contient
} ; { files-search-next-step }
