## L'onglet Bloc (R-BLOCK-1..6) : la grille du jour par salle, la semaine,
## le panneau des conflits, la chronologie de J0, et les mots du bloc.

## Le genre d'un conflit (domain::block_conflicts::ConflictKind::words)
block-conflict-room-overlap = salle occupée deux fois (rotation comprise)
block-conflict-outside-room-hours = hors des horaires de la salle
block-conflict-operator-overlap = opérateur sur deux interventions à la fois
block-conflict-anaesthetist-overlap = anesthésiste sur deux interventions à la fois
block-conflict-nurse-overlap = infirmier de bloc sur deux interventions à la fois
block-conflict-same-patient-twice = le même patient deux fois à la fois
block-conflict-no-bed-for-night = pas de lit pour la nuit de J-1
block-conflict-fasting-cannot-be-met = jeûne impossible à respecter
block-conflict-anaesthesia-not-cleared = anesthésie non validée
block-conflict-device-not-available = un dispositif réservé indisponible

## Pourquoi un dispositif réservé ne peut servir ce jour-là (R-STOCK-3)
block-device-quarantined = en quarantaine
block-device-expired = périmé avant le jour de l'intervention
block-device-short = moins d'unités en rayon que réservées

## Pourquoi une intervention est décommandée (R-BLOCK-5), et comment
block-reason-not-fasted = patient non à jeun
block-reason-not-ready = pas prêt
block-reason-no-bed = pas de lit
block-reason-device-missing = dispositif manquant
block-reason-patient-declined = refus du patient
block-reason-medical = raison médicale
block-reason-other = autre
block-call-off-cancelled = annulée
block-call-off-postponed = reportée

## Les événements de la chronologie de J0 (R-BLOCK-6), dans une phrase
block-event-arrived = arrivée au bloc
block-event-in-room = entrée en salle
block-event-anaesthesia-start = début d'anesthésie
block-event-procedure-start = début d'intervention
block-event-procedure-end = fin d'intervention
block-event-out-of-room = sortie de salle
block-event-recovery = arrivée en SSPI
block-event-back-on-ward = retour dans le service

## Où est le patient : un glyphe et 14 cellules au plus
block-where-arrived = → au bloc
block-where-in-room = ◉ en salle
block-where-anaesthesia-start = ◉ anesthésie
block-where-procedure-start = ◉ intervention
block-where-procedure-end = ◉ fin interv.
block-where-out-of-room = ○ hors salle
block-where-recovery = ○ SSPI
block-where-back-on-ward = ✓ en chambre

## Pourquoi un événement ne peut être enregistré à cette heure (R-BLOCK-6)
block-order-in-future = « { $event } » ne peut être dans le futur : enregistrez-le une fois survenu (R-BLOCK-6)
block-order-already-recorded = « { $event } » est déjà enregistré ; corrigez plutôt son heure (R-BLOCK-6)
block-order-before-previous = « { $event } » ne peut précéder « { $previous } » (R-BLOCK-6) : donnez une heure plus tardive ou corrigez d'abord l'autre
block-order-after-next = « { $event } » ne peut suivre « { $next } » (R-BLOCK-6) : donnez une heure plus précoce ou corrigez d'abord l'autre
block-order-complete = tous les événements de la chronologie sont enregistrés (retour dans le service)
block-order-outside-day = « { $event } » ne peut être enregistré à cette heure : l'intervention est prévue le { $day } et sa chronologie va de 00:00 ce jour-là à 12:00 le lendemain (R-BLOCK-6) ; donnez une heure dans cet intervalle, ou déplacez l'intervention au jour où elle a lieu

## La ligne de tête du jour : « BLOC  dim. 22/11/2026  aujourd'hui · 7 interventions · ! 2 conflits »
block-head = BLOC  { $day }  { $when }
block-head-offset = { $offset } jours
block-head-cases = { $count ->
    [one] { $count } interv.
   *[other] { $count } interv.
}
block-head-conflicts = { $count ->
    [one] ! { $count } conflit
   *[other] ! { $count } conflits
}
block-head-unroomed = { $count ->
    [one] { $count } sans salle
   *[other] { $count } sans salle
}
block-head-frozen = ❄ figé (R-BLOCK-4)
block-reading = lecture…
block-error-read = lecture du bloc impossible : { $error }
block-error-reread = nouvelle lecture du bloc impossible : { $error }
block-no-rooms = aucune salle : un administrateur les ajoute (`periop rooms add`)

## La grille
block-no-operator = sans opérateur
block-room-more = ▶ suite
block-turnover = rotation

## La semaine
block-week-head = BLOC  semaine du { $day }  (w : retour au jour)
block-week-foot = chaque jour : interventions · part des horaires (R-BLOCK-6) · ! en conflit

## Les chiffres du jour (R-BLOCK-6)
block-stats = JOUR (R-BLOCK-6) { $rooms }
block-stats-use = { $room } occupée { $percent } %
block-stats-start = début { $delay } min
block-stats-turnover = rotation { $minutes } min ({ $count })

## Le panneau des conflits
block-conflicts-none = CONFLITS aucun · rotation { $minutes } min
block-conflicts = CONFLITS ({ $count }) · rotation { $minutes } min
block-called-off = décommandés : { $list }
block-called-off-cancelled = { $count ->
    [one] { $count } annulé ({ $reason })
   *[other] { $count } annulés ({ $reason })
}
block-called-off-postponed = { $count ->
    [one] { $count } reporté ({ $reason })
   *[other] { $count } reportés ({ $reason })
}
block-postponed = ↷ { $count ->
    [one] { $count } reporté en attente
   *[other] { $count } reportés en attente
} (r le reprogramme) : { $names }
block-postponed-was = { $name } (prévu le { $day })

## Ce que répondent les touches de l'onglet Bloc
block-still-reading = le bloc est encore en lecture
block-already-first-room = déjà dans la première salle
block-already-last-room = déjà dans la dernière salle
block-no-case = aucune intervention sous le curseur
block-no-case-to-move = aucune intervention sous le curseur ({ $keys } change de salle, [ ] change de jour)
block-no-case-to-open = aucune intervention sous le curseur à ouvrir
block-cannot-move = l'intervention est { $state } ; seule une intervention prévue ou confirmée peut être déplacée
block-cannot-call-off = l'intervention est { $state } ; seule une intervention prévue ou confirmée peut être { $action }
block-week-only = la semaine ne montre que la charge de chaque salle : { $key } revient au jour
block-week-no-cursor = la semaine n'a pas de curseur : { $key } revient au jour
block-room-empty = aucune intervention dans cette salle ce jour-là
block-none-postponed = aucune intervention reportée n'attend d'être reprogrammée
block-rebook-choice = { $patient } · { $procedure } · prévu le { $day }
block-timeline-closed = l'intervention est prévue le { $day } : sa chronologie s'enregistre de 00:00 ce jour-là à midi le lendemain (R-BLOCK-6)
block-timeline-complete = { $error } ; { $key } corrige une heure
block-timeline-empty = rien d'enregistré sur la chronologie de cette intervention ({ $key } enregistre l'événement suivant)
block-recording = { $who } : enregistrement de « { $event } » maintenant…

## Le formulaire qui corrige un événement de la chronologie (R-BLOCK-6)
block-correct-title = Corriger un événement de la chronologie
block-correct-event = Événement
block-correct-day = Le (jj/mm/aaaa)
block-correct-time = À (HH:MM)
block-correct-reason = Ou l'annuler : motif (vide : corriger)
block-correct-choose = Événement : choisissez-en un avec ← →
