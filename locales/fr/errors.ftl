# Les erreurs de la base telles qu'un utilisateur les lit (store::error::StoreError),
# et ce qu'un refus nomme : les sortes de modification, les rôles (R-ROLE-1).
# Chacune nomme la chose, la cause et quoi faire, jamais un patient (R-PRIV-1).

## StoreError, un message par variante
errors-missing = { $path } : fichier introuvable ; créez une base avec `periop init --db { $path }`
errors-no-folder = { $path } : le dossier { $folder } n'existe pas ; vérifiez le chemin (ou créez d'abord le dossier)
errors-not-a-file = { $path } : est un dossier, pas une base ; donnez le fichier de la base qu'il contient
errors-empty = { $path } : le fichier est vide, ce n'est pas une base periop ; supprimez-le ou donnez un autre chemin, puis `periop init`
errors-not-sqlite = { $path } : pas une base SQLite ({ $what }) ; vérifiez le chemin
errors-foreign = { $path } : une base SQLite d'une autre application (application_id { $found }) ; vérifiez le chemin
errors-damaged = { $path } : la base est endommagée ({ $detail }) ; restaurez la dernière sauvegarde et lancez `periop check`
errors-too-new = { $path } : écrite par un periop plus récent (schéma { $found }, ce programme connaît jusqu'au { $known }) ; mettez periop à jour
errors-read-only = { $path } : { $cause } ; demandez au responsable de la base du service de donner à votre compte le droit d'écrire (voir le README, « Deploying on a ward »)
errors-already-exists = { $path } : existe déjà ; choisissez un autre chemin ou ouvrez-le sans `init`
errors-exists = { $path } : existe déjà ; { $next }
errors-disk-full = { $path } : le disque est plein (ou une limite de taille de fichier est atteinte) ; rien n'a été laissé à cet endroit : libérez de la place, puis relancez la commande
errors-conflict = { $what } a été enregistré par { $by } à { $at } après que vous l'avez ouvert ; votre modification n'est pas enregistrée : regardez les nouvelles valeurs et réessayez
errors-busy = la base est restée occupée (un autre terminal enregistre une longue modification) ; réessayez dans un instant
errors-held = { $path } : un autre programme tient le verrou d'écriture de la base (un long enregistrement, une sauvegarde, un shell sqlite3) ; réessayez dans un instant, ou fermez ce programme
errors-not-found = { $what } n'existe plus ; quelqu'un l'a peut-être supprimé, relisez la liste
errors-invalid = { $what } : { $why }
errors-out-of-stock = { $what } : { $asked } { $asked ->
        [one] demandé
       *[other] demandés
    }, { $free } { $free ->
        [one] libre
       *[other] libres
    } (le reste est réservé pour des interventions ou parti) ; rien n'a été pris : { $next }
errors-retrospective = { $what } est prévu le { $when }, déjà passé ; confirmez-le comme saisie rétrospective (notée comme telle dans l'audit) ou corrigez la date
errors-block-conflict = { $what } est en conflit avec le programme : { $conflicts } ; donnez une raison pour passer outre (notée dans l'audit), ou changez l'heure, la salle ou l'équipe
errors-block-conflict-fixed = { $what } est en conflit avec le programme : { $conflicts } ; choisissez une autre heure, salle ou équipe
errors-undecodable = { $what } : une valeur que ce programme ne connaît pas (écrite par un autre programme, ou endommagée) ; lancez `periop check` pour lister ces lignes, puis restaurez la dernière sauvegarde ou demandez de l'aide
errors-disk = { $path } : { $cause } ; rien n'a été enregistré : vérifiez le disque (`df -h` pour la place) et le dossier du fichier, puis réessayez
errors-search-damaged = { $path } : l'index de recherche { $index } est endommagé ({ $detail }), un filtre pourrait donc manquer des enregistrements ; un admin le reconstruit à partir des enregistrements avec `periop reindex --db { $path }`, puis lance `periop check`
errors-sqlite = erreur de la base : { $detail }
errors-needs-sqlite-file = { $step } demande un fichier de base SQLite ; cette base est sur un autre moteur, dont les outils le font

## Le refus de R-ROLE-1
errors-not-allowed = { $change } : votre rôle est { $role }, et cette modification demande { $needs } ; { $next }
errors-not-allowed-retired = { $change } : votre compte est retiré de la liste du personnel, il peut donc seulement lire (cette modification demande { $needs }) ; si vous êtes de retour dans le service, un admin le rétablit (`periop staff set COMPTE --active true`)
errors-next-ask-role = demandez à un admin de donner un rôle à votre compte (`periop staff set COMPTE --role RÔLE`)
errors-next-change-role = si votre travail le demande, un admin peut changer votre rôle (`periop staff set COMPTE --role RÔLE`)
# Un rôle tel qu'un refus ou l'onglet Admin le nomme : le code en anglais (tel
# qu'on le tape en ligne de commande), un mot en français.
errors-role = { $code ->
        [nurse] IDE
        [scheduler] programmation
        [anaesthetist] anesthésiste
        [doctor] médecin
        [pharmacist] pharmacien
        [admin] admin
        [read_only] lecture seule
        [unassigned] sans rôle
        [retired] retiré
       *[other] { $code }
    }
errors-needs-none = aucun rôle
errors-needs-one = le rôle { $role }
errors-needs-many = le rôle { $roles } ou { $last }

## Les sortes de modification (domain::roles::Change), telles qu'un refus et `periop roles` les nomment
errors-change-staff = personnel et rôles
errors-change-settings = réglages du site
errors-change-rooms = salles
errors-change-procedure-kinds = types d'intervention
errors-change-bed-setup = lits (ajout, renommage, retrait)
errors-change-bed-state = état des lits et lit d'un séjour
errors-change-patient = patients
errors-change-stay-plan = planification d'un séjour
errors-change-stay-step = étapes d'une entrée
errors-change-case-schedule = le programme du bloc
errors-change-checklist = check-list de préparation
errors-change-anaesthesia = anesthésie
errors-change-intake = dernière prise
errors-change-medication = traitements et bilans
errors-change-discharge = sortie
errors-change-distraction = prescription et phases de distraction
errors-change-round = tournées de distraction
errors-change-device-catalogue = références de dispositifs
errors-change-stock = stock de dispositifs
errors-change-implant = traçabilité des implants
errors-change-timeline = le déroulé de J0
errors-change-complication = saisie des complications
errors-change-complication-close = clôture des complications
errors-change-ossification = suivi des ossifications
errors-change-search-indexes = reconstruction des index de recherche
errors-no-postgres = --db désigne une base PostgreSQL, mais ce periop a été construit sans PostgreSQL ; construisez-le avec `cargo build --release --features postgres`, ou donnez à --db le chemin d'un fichier
errors-unreachable = { $location } : connexion à PostgreSQL impossible ({ $cause }) ; vérifiez que le serveur tourne, que --db désigne une base et un rôle qui existent, et que pg_hba.conf admet ce compte
errors-disconnected = la connexion au serveur de la base est perdue ({ $cause }) ; periop se reconnecte : réessayez dans un instant
errors-save-unknown = la connexion au serveur de la base a été perdue au moment de valider l'enregistrement ({ $cause }), et le serveur n'a pas pu dire s'il l'a été : il est peut-être enregistré ; vérifiez avant de le saisir à nouveau
errors-save-cut-off = la connexion au serveur de la base a été perdue pendant l'enregistrement ({ $cause }) : rien n'a été enregistré ; periop se reconnecte, réessayez dans un instant
errors-no-schema = { $location } : cette base n'a pas de schéma periop ; créez-le une fois avec `periop --db … init` en propriétaire de la base
errors-not-empty = { $location } : cette base contient déjà d'autres tables ({ $tables }) ; periop demande une base vide à lui (demandez-en une à l'administrateur de bases)
