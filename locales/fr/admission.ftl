## La page d'une admission (ui::detail, ui::complications, ui::ossification)
admission-read-failed = ! lecture de l'admission impossible : { $error }
admission-reading = lecture…
admission-identity = { $state }   sexe { $sex } · n° hôpital { $number }
admission-insulin-diabetic = diabétique insulinotraité
admission-stay = séjour : entrée { $arrives } · sortie { $home } · lit { $bed }
admission-no-bed = aucun
admission-incident = ! incident : { $incident }
admission-case-staff = { $room } · risque hémorr. { $risk ->
        [high] élevé
        [standard] standard
       *[other] { $risk }
    } · opér. { $operator } · anesth. { $mode }
admission-no-room = pas de salle
admission-contrast = produit de contraste iodé
admission-emergency-flag = ! URGENCE
admission-no-procedure = aucune intervention programmée
admission-readiness = PRÉPARATION  { $status }
admission-readiness-not-judged = - (jugée seulement avant l'intervention)
admission-anaesthesia = ANESTHÉSIE
admission-consultation = CPA { $at } · { $anaesthetist } · ASA { $asa } · { $outcome ->
        [cleared] apte
        [refused] refusée
        [pending] en attente
       *[other] { $outcome }
    }
admission-no-consultation = aucune CPA enregistrée
admission-visit-not-done = non faite
admission-pre-visit = visite pré-anesthésique : { $at }
admission-fasting = JEÛNE
admission-solids-until = solides jusqu'à { $until }
admission-fluids-until = liquides clairs jusqu'à { $until }
admission-no-fasting = pas de jeûne à tenir (intervention faite ou non programmée, ou anesthésie locale)
admission-intake = prise : { $kind } à { $at }
admission-last-intake = dernière prise : { $kind } à { $at }
admission-no-intake = dernière prise : non notée
admission-medication = TRAITEMENTS
admission-no-treatment = aucun traitement à arrêter noté
admission-stopped = (arrêté)
admission-lab = { $item } { $value } prélevé { $at }
admission-voided = ✗ annulé : { $reason }
admission-implants = IMPLANTS (pour la lettre de sortie)
admission-implant-no-time = heure manquante
admission-implant-no-operator = opérateur manquant
admission-implant-recalled = ! RAPPELÉ { $lot } le { $at } ({ $reason })
admission-implant-missing = ! manque : { $items } (o sur l'onglet Stock) ; l'intervention ne peut être close
admission-discharge = SORTIE
admission-discharge-check = PADSS { $padss } · accomp. { $escort } · lettre { $letter } · arrêt trav. { $work } · suivi { $follow }
admission-not-scored = non coté
admission-no-letter = non
admission-no-discharge-check = pas encore de contrôle de sortie (D)
admission-call = appel du lendemain prévu le { $due } : { $status }
admission-call-done = fait { $at }
admission-call-overdue = ! EN RETARD
admission-call-to-do = à faire
admission-timeline = CHRONOLOGIE
admission-timeline-empty = prévu ; aucune étape encore
admission-timeline-step = { $at } { $from } → { $to } par { $by }
admission-complications-keys = { $record } note, { $close } clôt
admission-complications = COMPLICATIONS ({ $count ->
        [one] { $count } ouverte
       *[other] { $count } ouvertes
    } ; { $keys })
admission-complication-closed = close le { $at } par { $by } : { $outcome }
admission-ossification-keys = { $record } note, { $xray } la radio
admission-ossification = SUIVI OSSIFICATION (R-HO-1 ; { $keys })
admission-ossification-surgery = n° { $id } chirurgie { $at }
admission-ossification-xray-done = ✓ radio { $on } : Brooker { $grade }
admission-ossification-xray-due = radio prévue { $on }
admission-ossification-outside = noté hors fenêtre car : { $reason }

## Les touches de la page : refus et questions (app::screens::detail)
admission-step-refused = « { $step } » impossible tant que le patient est { $state } : d'abord « { $first } » ({ $key })
admission-still-reading = l'admission est encore en lecture
admission-no-case = cette admission n'a aucune intervention programmée
admission-nothing-to-undo = rien à défaire : aucune étape n'a été faite sur cette admission
admission-no-check-here = aucun élément de la liste ici
admission-ticked-by = coché par { $by } le { $at }
admission-ticked = coché
admission-untick-line = { $item } : { $by } ; le décochage est tracé dans l'audit
admission-untick = Décocher cet élément ?
admission-confirm-case = Confirmer l'intervention au programme ?
admission-emergency-on = Marquer comme urgence ?
admission-emergency-off = Retirer la marque d'urgence ?
admission-emergency-why = Tracé et signalé : cela assouplit le contrôle de confirmation (R-READY-1)
admission-pre-visit-now = Visite pré-anesthésique faite maintenant ?
admission-pre-visit-clear = Effacer la visite pré-anesthésique ?
admission-insulin-on = Diabétique insulinotraité ?
admission-insulin-off = Pas diabétique insulinotraité ?
admission-insulin-why = La limite de jeûne R-FAST-5 s'applique aux diabétiques insulinotraités
admission-case-off-schedule = l'intervention est { $state } ; pas de chronologie tant qu'elle n'est pas reprogrammée
admission-timeline-complete = tous les temps de la chronologie J0 sont notés (retour en service) ; sur l'onglet Bloc, { $key } corrige une heure
admission-recording-event = { $who } : { $event } noté maintenant…
admission-nothing-to-void = rien à annuler ici : aucune prise, traitement, bilan, CPA, complication ou suivi d'ossification non annulé
admission-no-open-complication = aucune complication ouverte à clore ({ $key } en note une)
admission-no-xray-waiting = aucun suivi d'ossification n'attend sa radio de contrôle ({ $key } en note un)
admission-no-treatment-taken = aucun traitement noté comme pris ({ $key } en note un)
admission-call-done-ask = Appel du lendemain fait ?
admission-call-already-done = l'appel du lendemain est déjà noté comme fait
admission-no-call = pas d'appel du lendemain : il est prévu à la sortie du patient (R-DISCH-2)
admission-no-checklist = pas de liste : cette admission n'a aucune intervention programmée

## Formulaires du séjour (app::forms::stay)
admission-mode-local = locale seule
admission-mode-sedation = sédation + locale
admission-mode-general = générale
admission-mode-regional = locorégionale
admission-form-new = Nouvelle admission
admission-form-planned = Entrée J-1 et sortie J+1 prévues d'après le jour de l'intervention
admission-form-planned-scheduler = Entrée J-1 et sortie J+1 prévues d'après le jour de l'intervention ; le programmateur réserve salle et opérateur
admission-form-sex-f = femme
admission-form-sex-m = homme
admission-form-sex-x = autre / inconnu
admission-form-risk-auto = selon l'intervention
admission-form-risk-standard = standard
admission-form-risk-high = élevé
admission-form-not-yet-known = à préciser
admission-form-no-bed-yet = pas encore de lit
admission-form-hospital-number = N° hôpital
admission-form-surname = Nom
admission-form-first-name = Prénom
admission-form-birth-date = Né(e) le (jj/mm/aaaa)
admission-form-sex = Sexe
admission-form-procedure = Intervention
admission-form-procedure-day = Jour de l'intervention
admission-form-start = Début (HH:MM)
admission-form-side-level = Côté / niveau
admission-form-anaesthesia = Anesthésie
admission-form-bleeding-risk = Risque hémorragique
admission-form-operator = Opérateur
admission-form-room = Salle
admission-form-bed-j1 = Lit pour J-1
admission-form-contrast = Produit de contraste iodé
admission-form-emergency = Urgence
admission-form-birth-after = Né(e) le : après le jour de l'intervention
admission-form-procedure-choose = Intervention : en choisir une
admission-form-anaesthesia-choose = Anesthésie : en choisir une
admission-form-reason = Motif
admission-form-incident-reason = Incident / motif
admission-form-step-title = { $code ->
        [cancel] Annuler
        [postpone] Reporter
        [prolong] Prolonger
       *[other] { $step }
    } le séjour
admission-form-undo = Défaire la dernière étape
admission-form-why-undo = Pourquoi la défaire
admission-form-undo-subtitle = { $who } · dernière étape : { $step }
admission-form-new-day = Nouveau jour de l'intervention
admission-form-new-start = Nouveau début (HH:MM)
admission-form-no-room-yet = pas encore de salle
admission-form-no-operator-yet = pas encore d'opérateur
admission-form-anaesthetist = Anesthésiste
admission-form-no-anaesthetist = pas d'anesthésiste
admission-form-block-nurse = IBODE
admission-form-no-nurse-yet = pas encore d'IBODE
admission-form-minutes = Minutes (hors rotation)
admission-form-override = Motif de dérogation (si le programme le demande)
admission-form-move = Déplacer l'intervention
admission-form-bed = Lit
admission-form-no-bed = pas de lit
admission-form-bed-title = Lit du séjour
admission-cancel-case-ask = Annuler cette intervention ?
admission-cancel-stay-ask = Annuler ce séjour ?
admission-cancel-reason = Motif : { $reason }
admission-cancel-undo = L'intervention quitte le programme et le séjour est clos (u sur la page de l'admission défait l'étape).
admission-form-rebook = Reprogrammer une intervention reportée
admission-form-postponed-case = Intervention reportée
admission-form-postponed-choose = Intervention reportée : en choisir une avec ← →
admission-form-cancel-case = Annuler l'intervention
admission-form-postpone-case = Reporter l'intervention
admission-form-note-other = Note (requise pour « autre »)
admission-form-reason-choose = Motif : en choisir un avec ← →
admission-form-note-needed = Note : dites ce que c'était (le motif est « autre »)

## La sortie (app::forms::discharge)
admission-padss-item = PADSS { $item }
admission-form-escort = Accompagnant au retour
admission-form-letter = Lettre de sortie remise ce jour
admission-form-work-stop = Arrêt de travail
admission-form-follow-up = RDV de suivi
admission-form-discharge-check = Contrôle de sortie
admission-form-note-optional = Note (facultative)
admission-form-go-anyway = Motif de sortie malgré tout
admission-form-check-complete = { $who } · contrôle de sortie complet
admission-form-check-missing = { $who } · manque : { $items }
admission-form-discharge = Sortie

## Ce que dit la barre après un enregistrement d'ossification (shell::save_ossification)
admission-ho-recorded = { $who } : suivi d'ossification n° { $id } noté : { $prophylaxis } ; radio de contrôle prévue le { $due } (R-HO-1)
admission-ho-xray-recorded = { $who } : radio de contrôle du suivi n° { $id } le { $on } : Brooker { $grade } (R-HO-1)

## Un manque de préparation sur la page d'admission
admission-finding = { $label } : { $detail } ({ $rule })
