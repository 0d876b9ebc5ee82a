## La sortie des commandes lue par les gens (src/main.rs, src/cli/*.rs).
## Les clés JSON et CSV, les codes et les noms de colonnes n'y sont pas : des scripts les lisent.

## Erreurs et avis du programme (src/main.rs)
cli-error = periop : { $text }
cli-warning = periop : attention : { $text }
cli-cannot-write = periop : impossible d'écrire la sortie : { $error }
cli-upgrading = periop : mise à niveau de { $path } du schéma { $from } au { $to } ; sur des années d'historique, cela prend une minute ou deux (les index de recherche sont reconstruits ; interrompue, elle ne change rien et reprend la fois suivante)
cli-not-a-day = { $option } { $text } n'est pas un jour ; écrivez-le comme 23/11/2026 (ou 2026-11-23)
cli-event-which = indiquez --case ID, --correct ÉVÉNEMENT ou --void ÉVÉNEMENT
cli-stats-range = --from { $from } --to { $to } : donnez un dernier jour égal ou postérieur au premier, au plus 366 jours après
cli-not-a-state = --state { $code } n'est pas un état ; utilisez l'un de : { $states }
cli-cannot-void = { $kind } ne peut pas être annulé ; utilisez l'un de : { $kinds }
cli-no-database = aucune base indiquée : passez --db CHEMIN ou définissez PERIOP_DB (ou essayez `periop --demo`)
cli-file-only = `periop { $command }` travaille sur un fichier SQLite, pas sur PostgreSQL (README, « PostgreSQL » : les outils du serveur la sauvegardent et la restaurent ; `periop migrate` y copie le fichier d'un service)
cli-demo-building = construction de { $years } ans d'historique : { $percent } %
cli-demo-written = service de démonstration écrit dans { $path }
cli-demo-keep-failed = impossible de garder l'ancienne démo sous { $kept } ({ $error }) ; déplacez { $path } ailleurs et réessayez
cli-init-created = { $path } créé (schéma { $schema }) ; { $account } enregistré comme administrateur
cli-put-room = salle { $name }
cli-put-bed = lit { $name }
cli-put-procedure = type d'intervention { $name }

## periop board
cli-board-title = Tableau du { $day } ({ $zone }), à { $now }
cli-board-attention = À TRAITER ({ $count })
cli-board-arriving = ARRIVÉES ({ $count })
cli-board-procedures = INTERVENTIONS ({ $count })
cli-board-leaving = SORTIES ({ $count })
cli-board-calls = APPELS DU LENDEMAIN ({ $count })
cli-board-call-overdue = ! en retard, prévu le { $day }  { $patient }  admission n° { $id }
cli-board-call-due = · prévu le { $day }  { $patient }  admission n° { $id }
cli-board-fasting = jeûne : { $times }
cli-board-discharge-complete = contrôle de sortie ✓ complet{ $padss }
cli-board-discharge-missing = contrôle de sortie ✗ manque : { $missing }
cli-board-no-bed = sans lit
cli-board-bed = lit { $bed }
cli-board-bed-status = lit { $bed } ({ $status })
cli-board-planned = sortie prévue le { $day }
cli-board-incident = incident : { $text }

## periop admissions
cli-admissions-title = Admissions couvrant { $day } ({ $count })
cli-admissions-every-day = tous les jours
cli-admissions-missing = manque : { $missing }
cli-admissions-bed = lit { $bed }

## periop check (libellés : 13 caractères au plus, deux-points compris)
cli-check-database = base :
cli-check-schema = schéma :
cli-check-schema-value = { $version } (ce programme : { $known })
cli-check-integrity = intégrité :
cli-check-foreign-keys = clés étr. :
cli-check-broken-references = { $count ->
    [one] { $count } référence cassée
   *[other] { $count } références cassées
}
cli-check-values = valeurs :
cli-check-values-unreadable = { $count ->
    [one] { $count } ligne contient une valeur que ce programme ne sait pas lire
   *[other] { $count } lignes contiennent une valeur que ce programme ne sait pas lire
}
cli-check-audit-rows = journal :
cli-check-audit-chain = chaîne :
cli-check-chain-breaks = { $count ->
    [one] { $count } rupture (lignes modifiées, forgées ou supprimées dans le dos de periop)
   *[other] { $count } ruptures (lignes modifiées, forgées ou supprimées dans le dos de periop)
}
cli-check-chain-head = tête chaîne :
cli-check-chain-head-flagged = l'audit n° { $id } est signalé plus haut : pas de tête à garder ; comparez avec celle gardée avec vos sauvegardes
cli-check-chain-head-value = audit n° { $id } { $hash }
cli-check-data-rows = données :
cli-check-data-rows-ok = ok (chacune correspond à sa dernière ligne d'audit)
cli-check-data-rows-differ = { $count ->
    [one] { $count } diffère du journal d'audit (modifiée dans le dos de periop)
   *[other] { $count } diffèrent du journal d'audit (modifiées dans le dos de periop)
}
cli-check-search = recherche :
cli-check-search-ok = ok (chaque index correspond aux dossiers)
cli-check-search-rebuilt = reconstruite par la mise à niveau
cli-check-search-problems = { $count ->
    [one] { $count } problème (les filtres peuvent manquer des dossiers)
   *[other] { $count } problèmes (les filtres peuvent manquer des dossiers)
}
cli-check-triggers = triggers :
cli-check-triggers-damaged = absents ou modifiés : { $names } (le prochain enregistrement les recrée)
cli-check-history = historique :
cli-check-foreign = étrangers :
cli-check-foreign-objects = pas de periop (ajoutés par un autre programme ; supprimez-les, ils peuvent modifier des lignes dans son dos) : { $names }
cli-check-side-files = annexes :
cli-check-side-files-problems = { $count ->
    [one] { $count } non partagé avec le groupe de la base
   *[other] { $count } non partagés avec le groupe de la base
}
cli-check-settings = réglages :
cli-check-settings-refused = { $count ->
    [one] { $count } valeur enregistrée refusée
   *[other] { $count } valeurs enregistrées refusées
}
cli-check-rules = règles :
cli-check-rules-not-judged = non jugées tant que les valeurs ci-dessus ne sont pas corrigées
cli-check-found = { $count ->
    [one] { $count } trouvée
   *[other] { $count } trouvées
}
cli-check-verdict = verdict :
cli-check-healthy = sain
cli-check-older-schema = SCHÉMA ANCIEN : ouvrez-le une fois avec ce periop (par ex. `periop board`) pour le mettre à niveau, puis vérifiez de nouveau
cli-check-audit-unprotected = PROBLÈMES D'INSTALLATION : le journal d'audit n'était pas protégé, ses dernières lignes ont pu être supprimées sans trace : comparez la tête de chaîne ci-dessus avec celle gardée avec vos sauvegardes
cli-check-kept-unprotected = PROBLÈMES D'INSTALLATION : des dossiers à conserver (nommés ci-dessus) n'étaient pas protégés et ont pu être modifiés : le prochain enregistrement remet les triggers ; comparez ces dossiers avec votre dernière sauvegarde
cli-check-setup-problems = PROBLÈMES D'INSTALLATION : les données enregistrées sont correctes ; corrigez ce qui est nommé ci-dessus
cli-check-rules-broken = RÈGLES ENFREINTES : le fichier est entier, mais les dossiers ci-dessus enfreignent les règles ; corrigez chacun
cli-check-search-indexes = INDEX DE RECHERCHE : les dossiers sont entiers, mais un filtre peut les manquer ; un administrateur lance `periop reindex`, puis vérifiez de nouveau
cli-check-damaged = PROBLÈMES TROUVÉS : restaurez la dernière sauvegarde ou demandez de l'aide

## periop roles, periop staff
cli-roles-change = modification
cli-roles-yes = oui
cli-roles-explained = R-ROLE-1 : l'écriture refuse une modification que le rôle ne peut pas faire, en nommant les rôles qui le peuvent.
    `unassigned` est un nouveau compte ; `read_only` est pour le personnel d'astreinte qui ne fait que consulter ;
    un membre du personnel retiré ne fait que lire. `periop staff set COMPTE --role RÔLE` donne un rôle (admin).
cli-staff-id = id
cli-staff-account = compte
cli-staff-name = nom
cli-staff-role = rôle
cli-staff-active = actif
cli-yes = oui
cli-retired = retiré
cli-not-a-role = --role { $code } n'est pas un rôle ; utilisez l'un de : { $roles }
cli-staff-no-account = sans compte
cli-staff-added = membre du personnel n° { $id } ajouté : { $name } ({ $account }), rôle { $role }
cli-staff-changed = personnel n° { $id } : { $name } ({ $account }), rôle { $role }{ $retired }
cli-staff-retired = , retiré
cli-staff-who = personnel { $who }
cli-staff-not-listed = absent de la liste du personnel (un compte y apparaît après sa première utilisation de periop) ; ajoutez-le avec `periop staff add --account COMPTE --name NOM --role RÔLE`

## periop staff language (issue 14)
cli-language-bad-env = PERIOP_LANG={ $value } n'est pas une langue que parle periop ; donnez-lui l'une de : { $codes } (ou supprimez-la)
cli-language-bad-word = { $word } n'est pas une langue que parle periop ; donnez l'une de : { $codes }, ou none
cli-language-kept = { $account } garde { $code } comme langue
cli-language-kept-none = { $account } n'a plus de langue propre
cli-language-none = aucune
cli-language-in-force = langue : { $code } (d'après { $source }) ; celle de votre compte : { $own }
cli-language-order = ordre : --lang, PERIOP_LANG, celle de votre compte (periop staff language en|fr|none), LC_ALL/LC_MESSAGES/LANG, le réglage du site site.language ({ $site })
cli-language-source-account = le choix propre de votre compte
cli-language-source-site = le réglage du site site.language

## periop block
cli-block-no-room = sans salle
cli-block-title = Programme opératoire du { $day }, à { $now }{ $frozen }
cli-block-frozen = · programme figé (R-BLOCK-4)
cli-block-no-room-yet = Sans salle
cli-block-room = { $room } — { $count ->
    [one] { $count } intervention
   *[other] { $count } interventions
}
cli-block-nothing-booked = rien de programmé
cli-block-no-operator = sans opérateur
cli-block-nurse = IBODE { $nurse }
cli-block-conflicts = CONFLITS ({ $count })  rotation { $minutes } min (block.turnover_min)
cli-block-none = aucun
cli-block-utilisation = OCCUPATION (R-BLOCK-6 ; réel : entrée → sortie de salle si relevées)
cli-block-utilisation-head = salle                      prévu      réel  début   rotation
cli-block-called-off = ANNULÉS OU REPORTÉS ({ $count })
cli-block-stats-title = Occupation du bloc du { $from } au { $to } (R-BLOCK-6)
cli-block-week-of = semaine du
cli-block-room-head = salle
cli-block-cases = cas
cli-block-planned = prévu
cli-block-real = réel
cli-block-start = début
cli-block-turnover = rotation
cli-block-called = annulés
cli-block-no-rooms = aucune salle
cli-block-stats-explained = prévu : minutes programmées dans les heures ÷ minutes d'ouverture (chaque jour de la période compté) ; réel : entrée → sortie de salle si relevées (chronologie J0), prévu sinon ; début : minutes moyennes entre le premier début prévu et le premier patient en salle ; rotation : minutes moyennes entre une sortie de salle et l'entrée suivante (combien relevées) ; annulés : interventions annulées ou reportées (R-BLOCK-5).
cli-block-not-a-time = --at { $text } n'est pas une heure : écrivez HH:MM (08:05, deux chiffres chacun) ou une date et une heure
cli-block-at-or-today = --at { $error }, ou HH:MM pour aujourd'hui
cli-block-no-time = aucune heure donnée
cli-block-timeline = la chronologie
cli-block-not-an-event = --kind { $text } n'est pas un événement ; utilisez l'un de : { $kinds }
cli-block-no-case = il n'y a pas d'intervention { $id } : `periop block --date J --format json` liste les interventions de chaque jour avec leur case_id
cli-block-at-needs-kind = --at demande --kind (quel événement a eu lieu à cette heure)
cli-block-recorded = intervention n° { $id } : { $what } enregistré (événement { $event })
cli-block-corrected = événement { $id } corrigé : { $what } (désormais événement { $event })
cli-block-voided = événement { $id } annulé ; gardé dans l'historique, plus compté{ $what }

## periop stock, periop recall, periop implants
cli-stock-not-a-kind = --kind { $kind } n'est pas un type de dispositif ; utilisez l'un de : { $kinds }
cli-stock-added = référence { $code } ajoutée : { $name } ({ $kind })
cli-stock-never-received = { $name } lot { $lot } n'a jamais été reçu ici ; vérifiez le numéro de lot
cli-stock-lifted-recall = { $what } : rappel levé (était : { $was }) ; { $count } unité(s) de nouveau utilisable(s)
cli-stock-lifted-quarantine = { $what } : quarantaine levée (était : { $was }) ; { $count } unité(s) de nouveau utilisable(s)
cli-stock-scanned = la chaîne scannée : { $error }
cli-stock-or-add = { $error } (ou ajoutez-la avec `periop stock add`)
cli-stock-no-gtin = quel dispositif ? l'étiquette n'a pas de GTIN (01) ; passez --ref CODE
cli-stock-add-it = { $missing } ; ajoutez-la avec { $command }
cli-stock-which-device = quel dispositif ? passez --scan avec un GTIN (01) ou une étiquette HIBC, ou --ref CODE
cli-stock-other-gtin = le GTIN scanné { $gtin } n'est pas celui de la référence { $code } ({ $known }) ; vérifiez l'étiquette
cli-stock-not-an-expiry = --expiry { $text } n'est pas un jour ; écrivez-le comme 30/06/2027 (ou 2027-06-30)
cli-stock-use-by = , à utiliser avant le { $day }
cli-stock-joined = (ajouté au lot en rayon)
cli-stock-received = reçu { $units } × { $name } { $lots }{ $expiry }{ $joined }{ $warnings }
cli-stock-lot-serial = lot { $lot } série { $serial }
cli-stock-lot = lot { $lot }
cli-stock-serial = série { $serial }
cli-stock-no-lot = sans lot
cli-stock-expiring = ! péremption proche
cli-stock-title = Stock au { $day }
cli-stock-empty = aucune référence de dispositif ; ajoutez-en une avec `periop stock add`
cli-stock-low = ! BAS
cli-stock-implant = , implant
cli-stock-line = { $code } { $name } ({ $manufacturer }, { $kind }{ $implant }) utilisables { $usable } réservés { $reserved } total { $total } min { $min }{ $low }
cli-stock-lot-line = { $lot } péremp. { $expiry } qté { $quantity } réservés { $reserved } { $location } { $status }{ $mark }
cli-stock-alerts = Alertes ({ $count })
cli-stock-case-of = — { $patient }, intervention n° { $id }
cli-stock-case = — intervention n° { $id }
cli-stock-recall-refused = { $error } ; `periop recall --preview` liste qui l'a reçu sans mettre en quarantaine
cli-stock-recall-preview = Aperçu du rappel (rien d'écrit)
cli-stock-recall = Rappel
cli-stock-recall-title = { $title } de { $code } { $name } ({ $manufacturer }), lot ou série { $number }
cli-stock-nothing-to-quarantine = plus rien à mettre en quarantaine (déjà rappelé)
cli-stock-quarantined = mis en quarantaine : { $lot }, { $units } unité(s) restant en rayon
cli-stock-would-quarantine = serait mis en quarantaine : { $lot }, { $units } unité(s) restant en rayon
cli-stock-received-by = Patients qui l'ont reçu ({ $count })
cli-stock-no-patient = aucun patient n'a le numéro de dossier { $number } ; vérifiez le numéro
cli-stock-card = Carte d'implant : { $patient }, numéro de dossier { $number }
cli-stock-no-implant = aucun implant enregistré
cli-stock-time-missing = heure manquante
cli-stock-patient-missing = patient manquant
cli-stock-missing = ! manque : { $items }
cli-stock-recalled = ! RAPPELÉ { $lot } le { $day } ({ $reason })
cli-stock-record = n° { $id }  { $patient }  { $number }  intervention n° { $case }  { $when }  { $code } { $device } ({ $manufacturer }) { $lot }  opérateur { $operator }{ $gap }{ $recalled }
cli-stock-void-where = --to { $word } : dites où vont les unités, `shelf` (jamais ouvertes) ou `waste`
cli-stock-void-to = les unités d'un implant retournent en rayon ou au rebut : ajoutez --to shelf (jamais ouvertes) ou --to waste
cli-stock-voided = traçabilité d'implant n° { $id } annulée : { $device } ({ $lot }), { $units } unité(s), intervention n° { $case }, de { $patient } ; motif : { $reason }
cli-stock-voided-after = { $to } : { $quantity } en rayon désormais ; la traçabilité est gardée dans l'historique, plus comptée (une annulation ne se défait pas)

## periop rooms, beds, procedures, setup
cli-setup-room = salle
cli-setup-kind = type
cli-setup-hours = horaires
cli-setup-active = actif
cli-setup-bed = lit
cli-setup-unit = unité
cli-setup-state = état
cli-setup-code = code
cli-setup-label = libellé
cli-setup-minutes = minutes
cli-setup-anaesthesia = anesthésie
cli-setup-implants = implants
cli-setup-reserved-from = réservé dès le { $day }
cli-setup-bed-free = libre
cli-setup-bed-occupied = occupé
cli-setup-bed-to-clean = à nettoyer
cli-setup-bed-closed = fermé
cli-setup-added = ajouté
cli-setup-changed = modifié
cli-setup-unchanged = inchangé
cli-setup-put = { $what } : { $done }
cli-setup-rooms = { $count ->
    [one] { $count } salle
   *[other] { $count } salles
}
cli-setup-beds = { $count ->
    [one] { $count } lit
   *[other] { $count } lits
}
cli-setup-procedure-kinds = { $count ->
    [one] { $count } type d'intervention
   *[other] { $count } types d'intervention
}
cli-setup-settings = { $count ->
    [one] { $count } réglage
   *[other] { $count } réglages
}
cli-setup-staff = { $count ->
    [one] { $count } membre du personnel
   *[other] { $count } membres du personnel
}
cli-setup-nothing = rien
cli-setup-summary = { $entries } ({ $added } ajouté(s), { $changed } modifié(s), { $unchanged } inchangé(s)), en une seule transaction auditée
cli-setup-cannot-read = { $file } : lecture impossible ({ $error }) ; vérifiez le chemin
cli-setup-line = { $file } ligne { $line }
cli-setup-line-of = { $file } ligne { $line } : { $what }
cli-setup-named-twice = déjà nommé à la ligne { $first } ; un fichier de service nomme chaque entrée une fois : gardez l'une des deux

## periop rounds, periop distraction
cli-rounds-title = Tour des distractions, { $day } ({ $count })
cli-rounds-worst-pin = pire fiche grade { $grade } (fiche { $pin })
cli-rounds-no-pins = pas de fiches
cli-rounds-no-round = pas encore de tour
cli-rounds-outpatient = (ambulatoire)
cli-rounds-progress = { $done } sur { $target } mm (plan { $planned })
cli-rx-line = { $site } sur { $device } : ostéotomie { $osteotomy }, latence { $latency }, { $rate } mm/jour en { $sessions } de { $turn } mm, cible { $target } mm, { $pins }{ $sites }
cli-rx-days = { $count ->
    [one] { $count } jour
   *[other] { $count } jours
}
cli-rx-sessions = { $count ->
    [one] { $count } séance
   *[other] { $count } séances
}
cli-rx-pins = { $count ->
    [one] { $count } fiche
   *[other] { $count } fiches
}
cli-plan-case = { $patient }  { $number }  distraction n° { $id }
cli-plan-open = ouverte (en pause)
cli-plan-from-to = distraction du { $from } au { $to } (R-DO-2)
cli-plan-at-rate = à { $rate } mm/jour
cli-plan-voided = ✗ annulé : { $why }
cli-plan-step = étape n° { $id } { $day } { $kind }{ $rate }{ $reason }{ $voided }
cli-plan-hexapod = cadre hexapode : révision { $revision } en vigueur, { $plan } ; sa feuille de vérins et son journal : `periop hexapod --patient { $number }`
cli-plan-head = jour        phase              plan : tours par séance  prévu (mm)  fait mm
cli-plan-round-voided = tour n° { $id } { $at }  ✗ annulé : { $why }
cli-plan-round = tour n° { $id } { $at }  douleur { $pain }/10, sensibilité { $sensation }, motricité { $motor }, coloration { $colour }, fiches [{ $grades }]{ $temperature }
cli-distraction-no-case-id = le numéro de dossier { $number } n'a pas de distraction n° { $id } ; omettez --case pour la dernière
cli-distraction-no-case = le numéro de dossier { $number } n'a pas de distraction ; enregistrez-en une avec `periop distraction add`
cli-distraction-whose = dites de qui est le plan : --patient NUMÉRO_DE_DOSSIER
cli-distraction-not-a-site = --site { $site } n'est pas un site ; utilisez l'un de : { $codes }
cli-distraction-not-a-device = --device { $device } n'est pas un dispositif ; utilisez l'un de : { $codes }
cli-distraction-register-first = aucun patient n'a le numéro de dossier { $number } ; enregistrez d'abord le patient
cli-distraction-recorded = distraction n° { $id } enregistrée pour { $patient } : { $prescription }
cli-distraction-not-a-step = --kind { $kind } n'est pas une étape ; utilisez l'un de : { $codes }
cli-distraction-step-recorded = étape n° { $id } enregistrée : { $kind } le { $day } pour { $patient } (R-DO-7) ; en cas d'erreur : periop void step { $id } --reason …

## periop hexapod
cli-hexapod-not-a-setting = --set { $text } n'est pas VÉRIN=MM ; écrivez-le comme --set 3=162,5
cli-hexapod-not-a-strut = --set { $text } : le vérin { $strut } n'existe pas ; les vérins vont de 1 à { $struts }
cli-hexapod-whose = dites de qui est la feuille : --patient NUMÉRO_DE_DOSSIER
cli-hexapod-stdin = lecture de l'entrée standard : { $error }
cli-hexapod-file = { $file } : { $error } ; donnez le chemin du tableau enregistré par le logiciel de planification
cli-hexapod-typed = saisi
cli-hexapod-recorded = prescription hexapode révision { $revision } enregistrée pour { $patient } : { $plan }
cli-hexapod-void-from-now = la révision { $revision } est caduque dès maintenant (R-DO-8)
cli-hexapod-strut-to = { $strut } à { $mm } mm
cli-hexapod-by-phone-reported = , signalé par téléphone
cli-hexapod-logged = noté pour le { $day } (révision { $revision }) : vérin { $struts }{ $phone }
cli-hexapod-strut-joiner = , vérin
cli-hexapod-no-prescription = la distraction n° { $id } n'a pas de prescription hexapode ; un médecin en enregistre une avec `periop hexapod import`
cli-hexapod-none = aucune
cli-hexapod-one-to = 1 à { $count }
cli-hexapod-no-revision = la distraction n° { $id } n'a pas de révision { $revision } ; elle en a { $has }
cli-hexapod-plan = { $correction } mm à { $rate } mm/jour, { $days } jours de réglage du { $from } au { $to }
cli-hexapod-void = CADUQUE : la révision { $revision } a été remplacée le { $at } ; ne réglez pas d'après cette feuille
cli-hexapod-case = { $patient }  { $number }  distraction n° { $id }, { $site } sur { $device }
cli-hexapod-from = , depuis { $source }
cli-hexapod-revision = Prescription hexapode révision { $revision } sur { $of }, enregistrée le { $at } par { $by }{ $source }{ $note }
cli-hexapod-in-order = { $plan } ; réglez les vérins dans l'ordre, de 1 à 6 (R-DO-8)
cli-hexapod-fitted = posé
cli-hexapod-change-on = CHANGEMENT le { $day }
cli-hexapod-strut-fit = vérin { $strut }  { $from }
cli-hexapod-day = jour
cli-hexapod-as-fitted = à la pose
cli-hexapod-today = < aujourd'hui
cli-hexapod-key = + noté comme la feuille   ! noté hors feuille ou deux fois   x manqué   _ à faire ce jour
cli-hexapod-log = Journal :
cli-hexapod-by-phone = , par téléphone
cli-hexapod-log-line = { $at }  pour le { $day }  vérin { $strut } réglé à { $mm } mm{ $phone }  (réglage n° { $id })

## periop complications, periop ossification
cli-comp-not-a-kind = --kind { $kind } n'est pas un type de complication ; utilisez l'un de : { $codes }
cli-comp-not-a-severity = --severity { $severity } n'est pas une gravité ; utilisez l'une de : { $codes }
cli-comp-recorded = complication n° { $id } enregistrée pour { $patient } : { $kind } ({ $severity }) depuis le { $day } ; ouverte jusqu'à ce qu'un médecin la clôture (R-COMP-1)
cli-comp-closed = complication n° { $id } clôturée : { $outcome } (R-COMP-1)
cli-comp-title-open = Complications ouvertes ({ $count })
cli-comp-title = Complications ({ $count })
cli-comp-case = , intervention n° { $id }
cli-comp-recorded-by = enregistrée par { $by } le { $at }{ $case }
cli-comp-closed-by = clôturée par { $by } le { $at } : { $outcome }
cli-ho-whose = dites de qui est le suivi : --patient NUMÉRO_DE_DOSSIER
cli-ho-not-a-prophylaxis = --prophylaxis { $text } n'en est pas une ; utilisez l'une de : { $codes }
cli-ho-dose-radiotherapy = --dose est celle d'une radiothérapie ; une prophylaxie { $kind } n'a pas de dose : omettez --dose, ou indiquez --prophylaxis radiotherapy
cli-ho-given-none = --given est le moment où la prophylaxie a été donnée ; avec --prophylaxis none, omettez-le
cli-ho-dose-needed = une radiothérapie demande sa dose : --dose GY (une dose de 7-8 Gy)
cli-ho-recorded = suivi d'ossification n° { $id } enregistré pour { $patient } : { $words } ; radio de contrôle prévue le { $day } ({ $setting }={ $months } mois, R-HO-1)
cli-ho-not-brooker = --brooker { $text } n'est pas un grade de Brooker ; utilisez 0, I, II, III ou IV
cli-ho-xray-recorded = radio de contrôle du suivi n° { $id } enregistrée le { $day } : Brooker { $grade } (R-HO-1)
cli-ho-title = Suivi d'ossification hétérotopique de { $patient } ({ $count })
cli-ho-surgery = n° { $id } chirurgie { $at } : { $words }
cli-ho-outside-window = enregistré hors de la fenêtre parce que : { $reason }
cli-ho-xray = radio { $day } : Brooker { $grade }
cli-ho-xray-due = radio de contrôle prévue le { $day }

## periop settings, backup, restore, reindex, void
cli-settings-key = clé
cli-settings-value = valeur
cli-settings-unit = unité
cli-settings-range = plage
cli-settings-rule = règle
cli-settings-source = source
cli-settings-footnote = * réglé pour ce site (diffère du défaut) ; `periop settings set CLÉ VALEUR` en change un
cli-settings-refused = valeur enregistrée REFUSÉE : { $text }
cli-backup-copying = copie : { $percent } % ({ $done } pages sur { $all })
cli-backup-empty = vide
cli-backup-healthy = sain
cli-backup-whole = entier
cli-backup-done = { $live } sauvegardé dans { $path } (mode 0640) : { $pages } pages, { $megabytes } Mo en { $seconds } s
cli-backup-checked = `periop check` sur la copie : { $verdict } (lignes d'audit { $rows }, tête de chaîne { $head } ; gardez-la avec la sauvegarde)
cli-backup-warning = attention : { $text }
cli-restore-done = { $live } restauré depuis { $from } ; le fichier remplacé est gardé sous { $kept } (supprimez-le une fois la restauration vérifiée par le service)
cli-restore-upgraded = la sauvegarde était du schéma { $from } : mise à niveau vers le { $to } à sa mise en place
cli-reindex-done = index de recherche de { $path } reconstruits à partir de { $patients } patients et { $rows } lignes d'audit en { $seconds } s (noté dans le journal d'audit) ; `periop check` les compare aux dossiers
cli-reindex-progress = indexation : { $percent } % ({ $done } lignes sur { $all })
cli-void-said = { $what } n° { $id } annulé : { $value }{ $at }, de { $patient } ; motif : { $reason }
cli-void-kept = gardé dans l'historique, plus compté ; si ce n'était pas l'enregistrement voulu, enregistrez de nouveau le bon (une annulation ne se défait pas)

## periop board : le total PADSS après un contrôle de sortie complet
cli-board-padss = (PADSS { $total }/10)

## periop rules : un identifiant qui n'est pas une règle
cli-rules-unknown = il n'y a pas de règle { $given } ; les identifiants de règle ressemblent à R-FAST-4 ({ $known }) ; `periop rules` les affiche toutes
cli-migrate-copying = copie : { $percent } % ({ $done } lignes sur { $all })
cli-migrate-done = { $file } copié dans { $location } : { $rows } lignes dans { $tables } tables, vérifiées ; tête de la chaîne d'audit n°{ $id } { $hash }
cli-migrate-next = ensuite : `periop --db '{ $location }' check`, puis faites pointer le PERIOP_DB du service vers elle

## periop bench sur PostgreSQL : le rafraîchissement en direct enregistre dans une base de travail créée sur le même serveur
cli-bench-live-needs-createdb = rafraîchissement en direct : non mesuré ; la mesure demande un rôle autorisé à CREATE DATABASE (ses enregistrements vont dans une base de travail sur ce serveur, supprimée après) : lancez le bench avec un tel rôle, ou `ALTER ROLE <rôle> CREATEDB`
cli-bench-scratch-left = impossible de supprimer la base de travail du bench { $name } ({ $cause }) : supprimez-la à la main avec `DROP DATABASE { $name } WITH (FORCE)`
