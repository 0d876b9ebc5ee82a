# Les mots du service (issue 14) : l'état d'un séjour, d'une intervention, d'un lit,
# la préparation, le jeûne, les médicaments, la sortie. La valeur est le mot
# des phrases ; .label celui de l'écran, avec un signe (l'état ne tient
# jamais à la seule couleur).

## L'état d'un séjour
ward-stay-planned = prévu
    .label = · prévu
ward-stay-admitted = admis
    .label = ✓ admis
ward-stay-procedure-done = opéré
    .label = ✓ opéré
ward-stay-ready-for-discharge = prêt pour la sortie
    .label = → prêt à partir
ward-stay-discharged = sorti
    .label = ✓ sorti
ward-stay-cancelled = annulé
    .label = ✗ annulé
ward-stay-postponed = reporté
    .label = ↷ reporté
ward-stay-prolonged = prolongé
    .label = ! prolongé

## La préparation à l'intervention
ward-ready = ✓ prêt
ward-at-risk = ! à risque
ward-not-ready = ✗ pas prêt

## L'état d'une intervention
ward-case-planned = · prévue
ward-case-confirmed = ✓ confirmée
ward-case-in-room = ◉ en salle
ward-case-done = ✓ faite
ward-case-cancelled = ✗ annulée
ward-case-postponed = ↷ reportée

## Un lit ce soir
ward-bed-free = · libre
    .words = libre
ward-bed-reserved = ◆ réservé
    .words = réservé
ward-bed-occupied = ● occupé
    .words = occupé
ward-bed-to-clean = ~ à nettoyer
    .words = à nettoyer
ward-bed-closed = ✗ fermé
    .words = fermé

## Ce que la liste d'anesthésie relève
ward-issue-no-cpa = consultation d'anesthésie (CPA)
ward-issue-cpa-pending = CPA : avis en attente
ward-issue-cpa-refused = CPA : avis défavorable
ward-issue-cpa-late = CPA trop proche de l'intervention
ward-issue-cpa-expired = CPA trop ancienne
ward-issue-no-pre-visit = visite pré-anesthésique

## Ce qui manque encore à une intervention (préparation), et l'alerte du tableau
ward-item-rcp-decision = décision de RCP
ward-item-radiology-consultation = consultation de radiologie
ward-item-signed-consent = consentement signé
ward-item-imaging-file = dossier d'imagerie
ward-item-carte-vitale = carte Vitale
ward-item-mutuelle-card = carte de mutuelle
ward-item-escort = accompagnant
ward-item-medication-plan = plan médicamenteux
ward-item-missed-stop = arrêt de traitement dépassé
ward-item-emergency = urgence
ward-item-not-recorded = non enregistré
ward-item-not-recorded-at-admission = non enregistré à l'entrée
ward-item-not-reviewed = non revu : { $drugs }
# Ajouté après le détail d'un élément
ward-item-relaxed = {" "}; levé pour une urgence
ward-item-confirmed-without = confirmé sans : { $items }
ward-head-emergency = URGENCE
ward-head-not-ready = PAS PRÊT
ward-head-at-risk = À RISQUE
ward-alert-item = { $head } : { $label } : { $detail }

## Médicaments arrêtés autour d'une intervention (R-MED-1..3)
ward-drug-doac = AOD anti-Xa (apixaban, rivaroxaban, édoxaban)
ward-drug-dabigatran-renal-normal = dabigatran (ClCr ≥ 50 mL/min)
ward-drug-dabigatran-renal-impaired = dabigatran (ClCr < 50 mL/min)
ward-drug-vka = antivitamine K
ward-drug-aspirin = aspirine
ward-drug-clopidogrel = clopidogrel
ward-drug-ticagrelor = ticagrélor
ward-drug-prasugrel = prasugrel
ward-drug-metformin = metformine
ward-drug-glp1-agonist = agoniste du GLP-1
ward-med-last-dose-on = { $drug } : dernière prise le { $day }
ward-med-no-date = { $drug } : aucune date à calculer pour cette intervention
ward-med-inr-check = contrôle de l'INR le { $day } : au plus { $limit }
ward-med-restart = { $drug } : reprise le { $day }, 48 h après le produit de contraste iodé
ward-med-review = { $drug } : à revoir par l'anesthésiste, aucune date calculée
ward-med-missed-stop = { $drug } : dernière prise prévue le { $day } ({ $j }), toujours notée comme prise ; notez l'arrêt ou prévenez l'anesthésiste

## Résultats de laboratoire (R-MED-2)
ward-lab-inr = INR
ward-lab-platelets = plaquettes
ward-lab-implausible = { $value } n'est pas une valeur plausible ; donnez de { $low } à { $high }{ $unit }
ward-lab-missing = { $item } manquant
ward-lab-out-of-range = { $item } { $value } hors limites ({ $limit })
ward-lab-too-old = { $item } trop ancien ({ $limit })
ward-lab-after-start = { $item } daté après le début de l'intervention

## Les alertes du tableau (domain::board)
# Le jour de l'intervention par rapport au jour affiché : « 23/11, demain »
ward-when = { $day }, { $relative }
ward-late-admission-planned = ENTRÉE EN RETARD : prévue le { $day }, pas admis
ward-late-admission-expected = ENTRÉE EN RETARD : attendu avant { $by }, pas encore admis
ward-overdue-discharge = SORTIE DÉPASSÉE : prévue le { $day } ({ $relative }), aucun incident noté
ward-no-bed = SANS LIT : arrive le { $arriving } ; attribuez un lit
ward-no-bed-for = SANS LIT : arrive le { $arriving } pour l'intervention du { $procedure } ; attribuez un lit
ward-bed-closed-alert = LIT FERMÉ : le lit { $bed } est fermé ; rouvrez-le ou attribuez un autre lit
ward-bed-taken = LIT OCCUPÉ : le lit { $bed } est encore occupé par un patient qui devait sortir le { $day } ; faites-le sortir ou attribuez un autre lit
ward-emergency-flag = signalé urgent
ward-not-ready-alert = { $head } : { $items } (intervention { $when })
ward-missed-stop-alert = ARRÊT MANQUÉ : { $stop }
ward-anaesthesia-alert = ANESTHÉSIE : { $issue } : { $detail }

## Le jeûne (R-FAST-1..5)
ward-intake-solids = solides
ward-intake-fatty-meal = repas gras
ward-intake-clear-fluids = liquides clairs
ward-intake-breast-milk = lait maternel
ward-intake-formula = lait infantile
ward-intake-chewing-gum-or-smoking = chewing-gum ou tabac
ward-not-fasted = PAS À JEUN : { $intake } à { $at }, { $span } avant d'aller en salle à { $going } ; à jeun à partir de { $from } ({ $rule }). Annuler ou retarder
ward-fast-since = rien bu depuis { $at }, { $span }
ward-fast-not-recorded = dernier liquide clair non noté (demandez et notez-le) ; si le patient s'est arrêté à { $at } comme prévu, { $span }
ward-fast-list-behind = (la salle a { $span } de retard)
ward-fast-drink-until = des liquides clairs peuvent être donnés jusqu'à { $at }
ward-fast-ask-the-room = l'intervention précédente dépasse son horaire : demandez à la salle ; si le début est à { $span } ou plus, des liquides clairs peuvent être donnés maintenant, sinon prévenez l'anesthésiste
ward-fast-too-late = trop tard pour boire avant ce début (la dernière prise aurait été à { $at }) : prévenez l'anesthésiste
ward-prolonged-fast = JEÛNE PROLONGÉ : { $since } au début prévu à { $start }{ $slipped } pour { $prescribed } prescrites ; { $advice } ({ $rule })
ward-diabetic-fast = JEÛNE DIABÉTIQUE : sous insuline, rien mangé depuis { $since }, { $span } au début prévu à { $start } ({ $rule }). Contrôlez la glycémie et prévenez l'anesthésiste

## Les détails de l'étape d'anesthésie (R-ANES-1..5)
ward-cpa-none = aucune notée ; requise pour l'anesthésie { $mode }
ward-cpa-only-cleared = seule une CPA favorable compte
ward-cpa-no-notes = sans notes
ward-cpa-hours-before = { $hours } h avant ({ $rule })
ward-cpa-days-before = { $days } jours avant ({ $rule })
ward-pre-visit-none = aucune dans les { $hours } h avant le début (décret 2018-934)

## La sortie (R-DISCH-1, R-DISCH-2)
ward-discharge-padss-not-scored = PADSS non coté
ward-discharge-padss-too-low = PADSS { $total }/10, au moins { $min } requis
ward-discharge-escort = pas d'accompagnant
ward-discharge-letter = lettre de sortie non remise aujourd'hui
ward-discharge-work-stop = pas d'arrêt de travail ({ $hours } h)
ward-discharge-follow-up-appointment = pas de rendez-vous de suivi
ward-discharge-refused = sortie impossible pour l'instant : { $missing } ; complétez-les ou donnez un motif pour passer outre
ward-call-overdue = APPEL EN RETARD : l'appel du lendemain était prévu le { $day } ({ $when })
ward-call-due = APPEL À FAIRE : appel du lendemain prévu { $when }

## Les lits (R-PATH-4) : l'état dans une phrase, et pourquoi un changement est refusé
ward-bed-state-free = libre
ward-bed-state-occupied = occupé
ward-bed-state-to-clean = à nettoyer
ward-bed-state-closed = fermé
ward-bed-verb-cleaned = marquer nettoyé
ward-bed-verb-close = fermer
ward-bed-verb-reopen = rouvrir
ward-bed-verb-admit = installer un patient dans
ward-bed-verb-back = remettre un patient dans
ward-bed-refused = impossible de { $what } un lit { $state } : { $hint } (R-PATH-4)
ward-bed-hint-reserved = il est réservé pour un autre séjour ; donnez d'abord un autre lit à ce séjour
ward-bed-hint-occupied-close = un patient l'occupe ; déplacez le patient ou faites-le sortir d'abord
ward-bed-hint-clean-first = nettoyez-le d'abord, puis fermez-le
ward-bed-hint-already-clean = il est déjà propre
ward-bed-hint-occupied-clean = un patient l'occupe encore ; il se nettoie une fois le patient parti
ward-bed-hint-reopen-first = rouvrez-le d'abord
ward-bed-hint-only-closed = seul un lit fermé peut être rouvert
ward-bed-hint-clean-or-another = marquez-le nettoyé d'abord, ou donnez un autre lit au séjour
ward-bed-hint-reopen-or-another = rouvrez-le d'abord, ou donnez un autre lit au séjour

## Les étapes d'un séjour (R-PATH-2) : le nom, et .verb pour « impossible de … un séjour »
ward-step-admit = admettre
    .verb = admettre
ward-step-procedure-done = intervention faite
    .verb = marquer l'intervention faite pour
ward-step-ready-for-discharge = prêt pour la sortie
    .verb = marquer prêt pour la sortie
ward-step-discharge = sortie
    .verb = faire sortir
ward-step-cancel = annuler
    .verb = annuler
ward-step-postpone = reporter
    .verb = reporter
ward-step-prolong = prolonger
    .verb = prolonger
ward-step-refused = { $verb } : impossible pour un séjour { $state } ; { $hint }
ward-step-hint-closed = le séjour est clos ; ouvrez plutôt une nouvelle entrée
ward-step-hint-first = l'étape « { $step } » vient d'abord
ward-step-hint-already-admitted = le patient est déjà admis
ward-step-hint-no-way = aucune étape ne mène de { $state } à « { $step } » ; si la dernière étape était une erreur, défaites-la (u)
ward-undo-nothing = il ne reste aucune étape à annuler
ward-undo-out-of-step = sa dernière étape menait à { $recorded } mais il est { $current } ; rafraîchissez et regardez sa chronologie

## Faits dans le désordre (R-PATH-6) : ce qui a été noté, et pourquoi c'est refusé
ward-event-arrival = arrivée
ward-event-departure = départ
ward-event-intake = prise
ward-event-lab = résultat de laboratoire
ward-event-consultation = consultation d'anesthésie
ward-event-pre-visit = visite pré-anesthésique
ward-event-step = étape notée
ward-event-procedure = l'intervention
ward-event-timeline = événement de la chronologie
ward-event-osteotomy = ostéotomie
ward-event-distraction-step = étape de distraction
ward-event-session = séance de tours
ward-event-round = tour de distraction
ward-event-complication = début de la complication
ward-event-surgery = chirurgie
ward-fault-birth-in-future = la date de naissance { $birth } est dans le futur ; vérifiez-la sur l'étiquette du patient
ward-fault-birth-after-admission = la date de naissance { $birth } est après le jour d'entrée { $admit } ; vérifiez la date de naissance
ward-fault-procedure-before-admission = le jour de l'intervention { $procedure } est avant le jour d'entrée prévu { $admit } ; déplacez l'intervention ou avancez l'entrée
ward-fault-procedure-before-arrival = le jour de l'intervention { $procedure } est avant l'arrivée du patient ({ $arrived }) ; choisissez un jour à partir de l'arrivée
ward-fault-procedure-after-discharge = le jour de l'intervention { $procedure } est après la sortie prévue { $discharge } ; déplacez la sortie ou l'intervention
ward-fault-procedure-after-departure = le jour de l'intervention { $procedure } est après le départ du patient ({ $left }) ; prévoyez plutôt un nouveau séjour
ward-fault-departure-before-arrival = départ à { $left } avant l'arrivée à { $arrived } ; annulez la mauvaise étape
ward-fault-in-future = { $event } à { $at } : c'est dans le futur ; notez-le une fois fait
ward-fault-before-birth = { $event } à { $at } : avant la date de naissance { $birth } ; vérifiez la date (ou la date de naissance sur l'étiquette)
ward-fault-day-before-birth = { $event } le { $day } : avant la date de naissance { $birth } ; vérifiez la date (ou la date de naissance sur l'étiquette)
ward-fault-long-before-stay = { $event } à { $at } : plus de { $days } jours avant l'entrée prévue { $admit } ; vérifiez la date (si ancien, ce n'est pas de ce séjour)

## La classe ASA, telle que tapée
ward-asa-invalid = la classe ASA va de I à VI (ou de 1 à 6), avec E pour une urgence, comme « III E » ou « 2E » ; pas { $text }
