# L'aide et les refus de la ligne de commande (`periop --help`, `periop board
# --help`, une option mal tapée), montrés par clap à partir de ces textes
# (cli::help).
#
# Chaque commande est un message nommé par son chemin depuis `periop` : sa
# valeur dit ce que fait la commande (`usage-periop-board`), un attribut par
# argument dit ce que fait cet argument (`.date` ; l'id de l'argument, _ écrit -).
# Un test échoue quand un argument ou une commande n'a pas de texte ici.

## Le cadre de l'aide : titres, les options d'aide et de version de clap, sa sous-commande `help`
usage-heading-usage = Usage :
usage-heading-commands = Commandes :
usage-heading-arguments = Arguments :
usage-heading-options = Options :
usage-flag-help = Afficher l'aide
    .more = Afficher l'aide (plus de détails avec « --help »)
    .summary = Afficher l'aide (un résumé avec « -h »)
usage-flag-version = Afficher la version
usage-command-help = Afficher ce message ou l'aide des sous-commandes données
## Après l'aide d'un argument : sa valeur par défaut, les valeurs possibles, sa variable
usage-spec-default = [par défaut : { $value }]
usage-spec-possible = [valeurs possibles : { $values }]
usage-spec-env = [env : { $name }={ $value }]

## Une ligne de commande que clap refuse (code de sortie 2) : la première ligne, une astuce, l'usage
usage-error = erreur :
usage-quoted = « { $text } »
usage-error-unknown-argument = argument inattendu { $arg }
usage-error-unknown-subcommand = sous-commande inconnue { $name }
usage-error-invalid-value = valeur { $value } invalide pour { $arg }
usage-error-no-value = { $arg } demande une valeur, mais aucune n'a été donnée
usage-error-possible-values = [valeurs possibles : { $values }]
usage-error-missing = ces arguments obligatoires manquent :
usage-error-missing-subcommand = { $name } demande une sous-commande, mais aucune n'a été donnée
usage-error-subcommands = [sous-commandes : { $names }]
usage-error-conflict = l'argument { $arg } ne peut pas être utilisé avec { $other }
usage-error-conflict-list = l'argument { $arg } ne peut pas être utilisé avec :
usage-error-conflict-others = l'argument { $arg } ne peut pas être utilisé avec un ou plusieurs des autres arguments donnés
usage-error-conflict-repeated = l'argument { $arg } ne peut être donné qu'une fois
usage-error-subcommand-conflict = la sous-commande { $name } ne peut pas être utilisée avec { $other }
usage-error-subcommand-conflict-list = la sous-commande { $name } ne peut pas être utilisée avec :
usage-error-subcommand-conflict-others = la sous-commande { $name } ne peut pas être utilisée avec un ou plusieurs des autres arguments donnés
usage-error-no-equals = un signe égal est nécessaire pour donner une valeur à { $arg }
usage-error-too-many-values = valeur inattendue { $value } pour { $arg } ; il n'en fallait pas d'autre
usage-error-too-few-values = { $min } valeurs requises par { $arg } ; { $given ->
        [0] aucune n'a été donnée
        [1] une seule a été donnée
       *[other] seulement { $count } ont été données
    }
usage-error-wrong-number-of-values = { $expected } valeurs requises pour { $arg }, mais { $given ->
        [0] aucune n'a été donnée
        [1] une seule a été donnée
       *[other] { $count } ont été données
    }
usage-error-validation = valeur { $value } invalide pour { $arg } : { $reason }
usage-error-validation-bare = valeur { $value } invalide pour { $arg }
# Quand clap ne donne pas de détail : la sorte d'erreur.
usage-error-kind = { $kind ->
        [invalid-value] une des valeurs n'est pas valable pour un argument
        [unknown-argument] argument inattendu
        [invalid-subcommand] sous-commande inconnue
        [no-equals] un signe égal est nécessaire pour donner une valeur à un des arguments
        [value-validation] valeur invalide pour un des arguments
        [too-many-values] valeur inattendue pour un argument
        [too-few-values] un argument demande plus de valeurs
        [wrong-number-of-values] trop ou trop peu de valeurs pour un argument
        [argument-conflict] un argument ne peut pas être utilisé avec un ou plusieurs des autres arguments donnés
        [missing-required-argument] un ou plusieurs arguments obligatoires manquent
        [missing-subcommand] une sous-commande est demandée, mais aucune n'a été donnée
        [invalid-utf8] un ou plusieurs arguments ne sont pas en UTF-8 valide
       *[other] cause inconnue
    }
usage-error-more = Pour en savoir plus, essayez { $flag }.
## Pourquoi une valeur est refusée (un nombre qui n'en est pas un, hors de ses bornes)
usage-reason-not-a-number = un nombre entier est attendu
usage-reason-empty = { $what ->
        [integer] un nombre entier est attendu
       *[decimal] un nombre est attendu
    }, la valeur est vide
usage-reason-too-large = nombre trop grand
usage-reason-too-small = nombre trop petit
usage-reason-not-a-decimal = un nombre est attendu, comme 12,5
usage-reason-out-of-range = { $bound ->
        [inclusive] { $value } n'est pas entre { $low } et { $high }
        [exclusive] { $value } n'est pas entre { $low } et { $high } (exclu)
       *[open] { $value } est inférieur à { $low }
    }
## Astuces : ce qui était peut-être voulu
usage-tip = astuce :
usage-tip-similar-subcommand = { $count ->
        [1] une sous-commande proche existe : { $names }
       *[other] des sous-commandes proches existent : { $names }
    }
usage-tip-similar-argument = { $count ->
        [1] un argument proche existe : { $names }
       *[other] des arguments proches existent : { $names }
    }
usage-tip-similar-value = { $count ->
        [1] une valeur proche existe : { $names }
       *[other] des valeurs proches existent : { $names }
    }
usage-tip-as-value = pour passer { $arg } comme valeur, écrivez { $use }
usage-tip-exists = { $usage } existe
usage-tip-remove-dashes = la sous-commande { $name } existe ; pour l'utiliser, retirez le { $dashes } qui la précède

## Ce que fait chaque commande et chacun de ses arguments
usage-periop = Un bloc d'actes et son unité de court séjour, au clavier.
    .db = La base : son fichier (partagé par les terminaux du service), ou la chaîne de connexion d'une base PostgreSQL (postgres://periop@db1/ward)
    .now = Fixer l'horloge : 2026-11-23T08:00 (heure du service) ou 2026-11-23T07:00Z
    .no-color = Un écran monochrome (aussi quand NO_COLOR est défini)
    .ascii = Dessiner en ASCII seulement (aussi quand la locale n'est pas UTF-8 : le Latin-1 garde les accents)
    .lang = La langue de l'écran : en ou fr (aussi PERIOP_LANG ; puis celle de votre compte, la locale, le réglage du site site.language)
    .demo = Ouvrir l'interface sur un service de démonstration autour d'aujourd'hui, dans ./periop-demo.db (créé si besoin)
usage-periop-init = Créer une base neuve et vide (mode 0660) et vous y inscrire comme administrateur
usage-periop-demo = Créer une base de démonstration : un service réaliste autour d'aujourd'hui
    .seed = La même graine donne les mêmes patients et les mêmes cas
    .years = Remplir aussi autant d'années d'historique (8 cas par jour de semaine), pour les mesures de performance
usage-periop-board = Afficher le tableau d'un jour : arrivées, actes, sorties, ce qui est à traiter
    .date = Le jour du service, comme 2026-11-23 (par défaut : aujourd'hui)
    .format = text pour les personnes ; json pour les scripts
usage-periop-block = Afficher le programme opératoire d'un jour : les cas de chaque salle avec patient, acte, opérateur, anesthésie, état de préparation et conflits (R-BLOCK-3)
    .date = Le jour du service, comme 2026-11-23 (par défaut : aujourd'hui)
    .format = text pour les personnes ; json ou csv pour les scripts
usage-periop-block-event = Enregistrer un événement de la chronologie de J0 d'un cas (R-BLOCK-6 ; IDE ou programmation) : `--case ID` seul enregistre l'événement suivant maintenant ; `--kind` le nomme, `--at` donne son heure ; `--correct EVENT --at TIME` en corrige un, `--void EVENT --reason R` annule un événement noté par erreur. Un événement ne s'enregistre qu'autour du jour de son cas (de 00:00 ce jour-là à midi le lendemain)
    .case-id = Le cas (le `case_id` de `periop block --format json`)
    .kind = arrived, in-room, anaesthesia-start, procedure-start, procedure-end, out-of-room, recovery, back-on-ward (par défaut : le suivant)
    .at = Quand c'est arrivé : HH:MM aujourd'hui (deux chiffres chacun), 2026-11-23T08:12 (heure du service), ou avec un décalage pour l'heure que répète le passage à l'heure d'hiver (2026-10-25T02:05+01:00, ou 02:05 (2nd)) ; par défaut maintenant
    .correct = Corriger l'heure de cet événement (son `event_id`) pour celle de `--at`
    .void = Annuler cet événement (son `event_id`), noté par erreur
    .reason = Pourquoi il est annulé
usage-periop-block-stats = L'occupation prévue de chaque salle par semaine (R-BLOCK-6), avec les cas annulés ou reportés (R-BLOCK-5)
    .from = Le premier jour du service, comme 2026-11-16
    .to = Le dernier jour du service, comme 2026-11-29 (compris ; au plus 366 jours après `--from`)
    .format = text pour les personnes ; json ou csv pour les scripts
usage-periop-admissions = Lister les admissions dont le séjour (prévu ou réel) couvre un jour
    .date = Le jour du service, comme 2026-11-23 (par défaut : aujourd'hui)
    .all-days = Tous les jours, les plus récents d'abord (500 au plus)
    .state = Seulement cet état : planned, admitted, procedure_done, ready_for_discharge, discharged, cancelled, postponed, prolonged
    .format = text pour les personnes ; json ou csv pour les scripts
usage-periop-rounds = Afficher la feuille de tournée des distractions d'un jour (R-DO-4) : pour chaque patient la phase, les séances, la longueur au regard du plan, le pire grade de fiche et les alertes
    .date = Le jour du service, comme 2026-11-23 (par défaut : aujourd'hui)
    .format = text pour les personnes ; json ou csv pour les scripts
usage-periop-distraction = Afficher le plan de distraction d'un patient et son journal jour par jour ; `add` enregistre un cas, `step` une étape de phase (début, pause, reprise, fin, ablation)
    .patient = Le n° hôpital du patient
    .case-id = Lequel des cas du patient (par son numéro ; par défaut : le dernier)
usage-periop-distraction-add = Enregistrer un cas de distraction (R-DO-1) ; les valeurs par défaut du site viennent des réglages
    .patient = Le n° hôpital du patient (le patient doit être enregistré)
    .site = femur, tibia, humerus, mandible, midface, palate ou other
    .device = circular_frame, hexapod, monolateral_rail, motorised_nail, internal_craniofacial ou external_craniofacial
    .osteotomy = Le jour du service de l'ostéotomie, comme 2026-11-23
    .target = La longueur à gagner, en mm
    .mm-per-turn = Ce qu'allonge un tour du dispositif, en mm
    .latency = Jours de l'ostéotomie au premier tour (par défaut : le réglage du site)
    .rate = mm/jour (par défaut : do.rate_mm_day)
    .rhythm = Séances par jour (par défaut : le réglage du site)
    .pins = Points de fiche gradés à chaque tournée
    .pin-sites = Où sont les fiches, en mots
    .outpatient = Tours à domicile ; les séances sont signalées par téléphone
usage-periop-distraction-step = Enregistrer une étape de phase (R-DO-7) sur le dernier cas du patient
    .patient = Le n° hôpital du patient
    .kind = start, pause, resume, end_distraction ou removal
    .on = Le jour du service, comme 2026-11-23 (par défaut : aujourd'hui)
    .reason = Pourquoi (une pause en demande un)
    .rate = Une reprise à une nouvelle vitesse, en mm/jour
usage-periop-hexapod = Afficher la feuille des vérins de l'hexapode d'un patient (R-DO-8) : la prescription en vigueur, jour × vérin, avec chaque réglage noté et ce qu'il appelle ; `import` enregistre une prescription (re)planifiée, `adjust` note des vérins
    .patient = Le n° hôpital du patient
    .case-id = Lequel des cas de distraction du patient (par défaut : le dernier)
    .revision = Une révision antérieure (elle s'affiche comme annulée)
    .format = text affiche la feuille ; csv affiche la prescription comme `import` la lit
usage-periop-hexapod-import = Enregistrer une prescription depuis le tableau du logiciel de planification (médecin ou admin) ; elle devient la révision suivante du cas, et la précédente est annulée
    .patient = Le n° hôpital du patient
    .case-id = Lequel des cas de distraction du patient (par défaut : le dernier)
    .file = Le tableau en texte (`-` lit l'entrée standard) : lignes `plan,MM,MM_PER_DAY`, `strut,N,COLOUR,SIZE,MIN,MAX`, `day,DATE,L1,…,L6`, `change,DATE,N,SIZE,MIN,MAX`
    .note = Pourquoi il a été (re)planifié, par exemple « après la radio du 12/12 »
usage-periop-hexapod-adjust = Noter les réglages de vérins faits (IDE, médecin ou admin)
    .patient = Le n° hôpital du patient
    .case-id = Lequel des cas de distraction du patient (par défaut : le dernier)
    .set = Un vérin et la longueur à laquelle il a été réglé, en mm : `--set 3=162.5` ; une fois par vérin, dans l'ordre où ils ont été tournés
    .day = Le jour de la feuille qu'ils suivaient, comme 2026-11-23 (par défaut : aujourd'hui)
    .phone = Signalé par téléphone (le patient règle à domicile)
usage-periop-complications = Lister les complications (R-COMP-1), d'un patient ou de tout le service, les ouvertes d'abord ; `add` en enregistre une, `close` en clôt une avec son issue
    .patient = Seulement ce patient (n° hôpital)
    .open = Seulement les complications encore ouvertes
    .format = text pour les personnes ; json ou csv pour les scripts
usage-periop-complications-add = Enregistrer une complication (R-COMP-1 ; IDE, médecin ou admin)
    .patient = Le n° hôpital du patient
    .case-id = Le cas qu'elle suit (son numéro dans `periop block --format json`)
    .kind = infection, persistent_pain, non_union, malunion, implant_reaction, nerve_damage, joint_stiffness, device_problem, occlusion_problem, heterotopic_ossification ou other
    .on = Le jour du service où elle a commencé, comme 2026-11-23 (par défaut : aujourd'hui)
    .severity = mild, moderate ou severe
    .note = Ce qui a été vu, en mots
usage-periop-complications-close = Clore une complication avec son issue (R-COMP-1 ; médecin ou admin)
    .id = Son numéro, tel que `periop complications` l'affiche
    .outcome = Ce qu'il en est advenu, en mots
usage-periop-ossification = Les suivis d'ossification hétérotopique d'un patient (R-HO-1) : prophylaxie, son délai, la radio de contrôle prévue et son grade de Brooker ; `add` en enregistre un, `xray` la radio de contrôle faite
    .patient = Le n° hôpital du patient
    .format = text pour les personnes ; json pour les scripts
usage-periop-ossification-add = Enregistrer un suivi après une chirurgie (R-HO-1 ; médecin ou admin)
    .patient = Le n° hôpital du patient
    .case-id = Le cas opéré
    .surgery = Quand a eu lieu la chirurgie : 2026-11-23T08:12 (heure du service ; …Z pour UTC)
    .prophylaxis = none, nsaid ou radiotherapy
    .given = Quand la radiothérapie a été faite, ou la cure d'AINS a commencé (DATETIME comme --surgery ; par défaut : l'heure de la chirurgie)
    .dose = La dose de radiothérapie, en Gy (une séance de 7-8 Gy)
    .drug = L'AINS (par défaut : indomethacin)
    .days = La durée de la cure d'AINS, en jours
    .reason = Pourquoi une radiothérapie hors de la fenêtre de 4 h avant à 72 h après la chirurgie est enregistrée malgré tout
usage-periop-ossification-xray = Enregistrer la radio de contrôle faite et son grade de Brooker (R-HO-1)
    .id = Le numéro du suivi, tel que `periop ossification --patient` l'affiche
    .on = Le jour du service de la radio, comme 2026-11-23 (par défaut : aujourd'hui)
    .brooker = Le grade de Brooker : 0, I, II, III ou IV
usage-periop-stock = Afficher le stock de dispositifs avec ses alertes (R-STOCK-4) ; `add` met une référence au catalogue, `receive` réceptionne un lot (saisi ou scanné)
    .format = text pour les personnes ; json ou csv pour les scripts
usage-periop-stock-add = Ajouter une référence de dispositif au catalogue (R-STOCK-1 ; pharmacien ou admin)
    .code = Le code catalogue (REF sur l'étiquette), unique
    .manufacturer = Le fabricant, comme sur l'étiquette
    .name = Le nom du dispositif, tel que les écrans le montrent
    .kind = screw, cement_kit, trocar, cannula, distractor ou other
    .implantable = Laissé dans le patient (tracé, R-TRACE-1)
    .gtin = Le GTIN imprimé sous (01), 8 à 14 chiffres (clé de contrôle vérifiée)
    .min = Unités utilisables sous lesquelles le tableau avertit (R-STOCK-4)
    .mm-per-turn = Distracteurs : mm d'allongement par tour
usage-periop-stock-receive = Réceptionner des unités : scannez ou collez la chaîne GS1 de l'étiquette, ou saisissez ses parties
    .scan = La chaîne d'éléments GS1, par exemple "(01)03453120000011(17)270630(10)A100"
    .reference = Le code de la référence (par défaut : celle dont le GTIN a été scanné)
    .lot = Le numéro de lot (par défaut : celui de l'étiquette scannée)
    .serial = Le numéro de série (par défaut : celui de l'étiquette scannée)
    .expiry = Jour de péremption, comme 2027-06-30 (par défaut : le (17) scanné)
    .units = Unités (par défaut : le (30) scanné, sinon 1)
    .location = Où les unités sont rangées
    .expired-ok = Réceptionner un lot dont le jour de péremption est passé (pour le mettre en quarantaine ou le retourner) ; sans cela un tel lot est refusé (R-STOCK-3)
usage-periop-stock-lift = Lever la quarantaine d'un lot (R-STOCK-3), ou avec --recall son rappel (R-TRACE-2), avec le motif ; rôles du stock
    .reference = Le code catalogue de la référence
    .lot = Le numéro de lot (ou de série)
    .reason = Pourquoi il peut de nouveau servir (enregistré)
    .recall = Lever un rappel (sinon un lot rappelé reste refusé)
usage-periop-recall = Un rappel (R-TRACE-2) : mettre en quarantaine ce qui reste d'un lot et lister chaque patient qui l'a reçu, avec cas, date et opérateur (rôles du stock) ; `--preview` ne fait que lister, pour tout compte
    .reference = Le code catalogue de la référence (REF sur l'avis)
    .lot = Le numéro de lot (ou de série)
    .reason = Pourquoi (enregistré sur la quarantaine), par exemple le numéro de l'avis
    .preview = Lister qui l'a reçu et ce qui serait mis en quarantaine ; ne rien écrire
    .format = text pour les personnes ; json ou csv pour les scripts
usage-periop-implants = Afficher la fiche d'implants d'un patient (R-TRACE-1) : la carte remise au patient
    .patient = Le n° hôpital du patient
    .format = text pour les personnes ; json ou csv pour les scripts
usage-periop-settings = Lister les réglages du site (seuils avec leurs sources), ou en changer un
usage-periop-settings-set = Changer un réglage, par exemple `periop settings set fast.clear_h 2`
    .key = Le réglage, tel que `periop settings` le liste (par exemple fast.clear_h)
    .value = La nouvelle valeur ; un nombre négatif n'a pas besoin de `--` (`path.admit_offset_days -2`)
usage-periop-check = Vérifier la base : intégrité, clés étrangères, version du schéma, la chaîne d'audit, les index de recherche au regard des fiches, et les lignes enregistrées au regard des règles (séjours dans l'ordre, lits, opérateurs)
usage-periop-reindex = Reconstruire les index de recherche à partir des patients et du journal d'audit (admin ; après que `periop check` les a trouvés abîmés), avec l'avancement sur stderr
usage-periop-rules = Afficher les règles que le programme applique (docs/rules.fr.md), ou une seule par son ID
    .id = Un ID de règle tel que les alertes le citent, par exemple R-FAST-4
usage-periop-roles = Afficher quel rôle peut faire quel changement (R-ROLE-1) ; aucune base nécessaire
    .format = text pour les personnes ; json ou csv pour les scripts
usage-periop-staff = La liste du personnel : qui travaille ici, avec quel rôle (ajouter et changer : admin)
usage-periop-staff-list = Chaque membre du personnel, avec compte, rôle et s'il est retiré
    .format = text pour les personnes ; json ou csv pour les scripts
usage-periop-staff-add = Ajouter un membre du personnel : `periop staff add --account alice --name "Alice Martin" --role nurse`
    .account = Le compte du système avec lequel il se connecte (aucun pour un opérateur de passage)
    .name = Le nom que montrent les écrans
    .role = nurse, scheduler, anaesthetist, doctor, pharmacist, admin ou read_only
usage-periop-staff-set = Changer un membre du personnel, nommé par compte, #id ou nom : `periop staff set alice --role nurse`
    .who = Le membre du personnel : compte, #id ou nom
    .name = Le nouveau nom que montrent les écrans
    .role = nurse, scheduler, anaesthetist, doctor, pharmacist, admin ou read_only
    .active = `true` fait revenir un membre du personnel retiré
usage-periop-staff-retire = Retirer un membre du personnel (gardé pour l'historique ; il ne peut plus que lire)
    .who = Le membre du personnel : compte, #id ou nom
usage-periop-staff-language = La langue dans laquelle vous lisez periop : sans mot, laquelle et pourquoi ; `en` ou `fr` garde la vôtre sur votre compte (tout rôle le peut) ; `none` suit de nouveau la locale, puis le site
    .language = en, fr ou none
usage-periop-rooms = Les salles du bloc, leur type et leurs horaires d'ouverture (R-BLOCK-1 ; changer : admin)
usage-periop-rooms-list = Chaque salle, retirées comprises
    .format = text pour les personnes ; json ou csv pour les scripts
usage-periop-rooms-add = Ajouter une salle : `periop rooms add "Salle 3" --kind ct --opens 08:00 --closes 18:00`
    .name = Le nom de la salle, unique
    .kind = ct, ct_fluoro ou angio_fluoro
    .opens = Heure d'ouverture, HH:MM à l'heure du service
    .closes = Heure de fermeture, HH:MM à l'heure du service, après l'ouverture (23:59 pour une salle ouverte jusqu'à minuit : une salle ne se programme pas par-dessus minuit)
usage-periop-rooms-set = Changer une salle
    .name = La salle, par son nom
    .rename = Son nouveau nom
    .kind = ct, ct_fluoro ou angio_fluoro
    .opens = Heure d'ouverture, HH:MM à l'heure du service
    .closes = Heure de fermeture, HH:MM à l'heure du service, après l'ouverture
    .active = `true` fait revenir une salle retirée
usage-periop-rooms-retire = Retirer une salle (refusé tant que des cas y sont programmés)
    .name = La salle, par son nom
usage-periop-beds = Les lits du service, leur unité, fermés ou retirés (ajouter et retirer : admin)
usage-periop-beds-list = Chaque lit, retirés compris
    .format = text pour les personnes ; json ou csv pour les scripts
usage-periop-beds-add = Ajouter un lit : `periop beds add B13 --unit "Court séjour"`
    .label = Le libellé du lit, unique (par exemple B13)
    .unit = L'unité à laquelle il appartient
usage-periop-beds-set = Changer un lit : le renommer, le déplacer dans une unité, le fermer ou le rouvrir
    .label = Le lit, par son libellé
    .rename = Son nouveau libellé
    .unit = L'unité ; une valeur vide l'efface
    .closed = `true` ferme le lit, `false` le rouvre
    .active = `true` fait revenir un lit retiré
usage-periop-beds-retire = Retirer un lit (refusé tant qu'un séjour l'occupe)
    .label = Le lit, par son libellé
usage-periop-procedures = Les types d'actes et leurs durées par défaut (R-BLOCK-2 ; changer : admin)
usage-periop-procedures-list = Chaque type d'acte, retirés compris
    .format = text pour les personnes ; json ou csv pour les scripts
usage-periop-procedures-add = Ajouter un type d'acte : `periop procedures add biopsy --label "Biopsie osseuse" --minutes 45`
    .code = Le code du type : lettres minuscules, chiffres et _ (par exemple biopsy)
    .label = Le nom que montrent les écrans
    .minutes = Durée par défaut en minutes (R-BLOCK-2), de 5 à 720
    .anaesthesia = D'ordinaire sous anesthésie
    .implants = D'ordinaire avec implants
usage-periop-procedures-set = Changer un type d'acte
    .code = Le type, par son code
    .label = Son nouveau nom
    .minutes = Durée par défaut en minutes (R-BLOCK-2), de 5 à 720
    .anaesthesia = `true` s'il est d'ordinaire sous anesthésie
    .implants = `true` s'il est d'ordinaire avec implants
    .active = `true` fait revenir un type retiré
usage-periop-procedures-retire = Retirer un type d'acte (plus proposé ; l'historique le garde)
    .code = Le type, par son code
usage-periop-setup = Charger tout un service (personnel, salles, lits, types d'actes, réglages) depuis un fichier TOML en une seule transaction tracée ; un fichier fautif est refusé en entier
    .from = Le fichier du service (le README, « Setting up a ward », en donne un exemple)
usage-periop-backup = Copier la base en service vers PATH avec la sauvegarde en ligne de SQLite (les autres continuent de travailler), mode 0640, puis vérifier la copie
    .path = Le nouveau fichier (il ne doit pas exister), par exemple /backup/ward-2026-11-22.db
usage-periop-migrate = Copier le fichier SQLite d'un service dans une base PostgreSQL vide, en une transaction, vérifiée (les lignes de chaque table, la chaîne d'audit et sa tête) avant de valider ; une copie interrompue laisse la cible vide, et la même commande recommence
    .from = Le fichier du service (au schéma de ce periop, sa chaîne d'audit entière : `periop check`)
    .to = La base PostgreSQL, vide et appartenant au rôle qui se connecte (postgres://periop@db1/ward)
usage-periop-restore = Remettre une sauvegarde à la place de la base (admin ; seulement quand aucun autre programme ne l'a ouverte). Le fichier remplacé est gardé à côté
    .path = La sauvegarde à remettre
usage-periop-void = Annuler une prise, un traitement, un résultat de biologie, une consultation d'anesthésie, une complication, un suivi d'ossification, une tournée de distraction, un réglage de vérin ou une fiche d'implant saisis par erreur : gardés dans l'historique, barrés, plus comptés par aucune règle (leurs alertes disparaissent)
    .kind = intake, treatment, lab, consultation, complication, ossification, round, strut, step ou implant
    .id = Son numéro, tel que la page de l'admission, l'onglet Tournées, `periop implants`, `periop hexapod` et l'audit le montrent (#12)
    .reason = Ce qui n'allait pas (enregistré)
    .to = Les unités d'un implant : remises en rayon (`shelf`, jamais ouvertes) ou au rebut (`waste`)
usage-periop-bench = Mesurer les temps de lancement, de requête du tableau et de touche à image sur une base
    .keys = Touches à chronométrer sur chaque écran (arrondi à des passes entières de son script ; au moins 1, soit une passe)
