# Les onglets Admin et Audit, les formulaires et messages de l'onglet Admin,
# et les mots que tous les écrans partagent : messages, refus, formulaires, filtre.

## Les listes de l'onglet Admin (R-ROLE-1, R-BLOCK-1, R-BLOCK-2)
admin-section-staff = personnel
admin-section-rooms = salles
admin-section-beds = lits
admin-section-kinds = types d'intervention
admin-staff-summary = { $active } { $active ->
        [one] actif
       *[other] actifs
    } · { $retired } { $retired ->
        [one] retiré
       *[other] retirés
    }
admin-active = ✓ actif
admin-retired = ✗ retiré
admin-no-account = (sans compte)
admin-rooms-summary = { $count } { $count ->
        [one] salle
       *[other] salles
    }
admin-beds-summary = { $active } { $active ->
        [one] lit en service
       *[other] lits en service
    } · { $retired } { $retired ->
        [one] retiré
       *[other] retirés
    }
admin-bed-reserved = réservé dès le { $day }
# L'état enregistré d'un lit, tel que la liste le dit.
admin-bed-state = { $code ->
        [to_clean] à nettoyer
        [free] libre
        [occupied] occupé
        [closed] fermé
       *[other] { $code }
    }
admin-no-unit = (sans unité)
admin-kinds-summary = { $count } { $count ->
        [one] type d'intervention
       *[other] types d'intervention
    }
admin-kind-minutes = { $minutes } min
admin-expects-anaesthesia = anesthésie
admin-expects-implants = implants
admin-list-error = ! lecture impossible de l'organisation du service : { $error }
admin-reading = lecture…
admin-list-empty = aucun pour l'instant : { $key } en ajoute un
admin-list-no-match = rien ici ne correspond au filtre ({ $key } l'efface)
admin-give-role-elsewhere = { $key } donne un rôle à un membre du personnel : allez d'abord à la liste du personnel (← →)
admin-nothing-selected = rien de sélectionné dans la liste { $list } (le filtre masque peut-être tout)

## Retirer et rétablir (gardé dans l'historique)
admin-retire-staff = Retirer { $name } ?
admin-retire-staff-then = gardé dans l'historique ; il pourra alors seulement lire
admin-restore-staff = Rétablir { $name } ?
admin-restore-staff-then = il pourra de nouveau agir comme { $role }
admin-retire-room = Retirer la salle { $name } ?
admin-retire-room-then = gardée dans l'historique ; plus rien n'y sera programmé
admin-restore-room = Rétablir la salle { $name } ?
admin-retire-bed = Retirer le lit { $name } ?
admin-retire-bed-then = gardé dans l'historique ; aucun séjour ne pourra l'avoir
admin-restore-bed = Rétablir le lit { $name } ?
admin-retire-kind = Retirer le type d'intervention { $name } ?
admin-retire-kind-then = gardé dans l'historique ; aucune nouvelle intervention ne pourra être programmée ainsi
admin-restore-kind = Rétablir le type d'intervention { $name } ?
admin-restore-then = de nouveau utilisable

## Les formulaires de l'onglet Admin
admin-form-add-staff = Ajouter un membre du personnel
admin-form-edit-staff = Modifier un membre du personnel
admin-form-give-role = Donner un rôle
admin-form-add-room = Ajouter une salle
admin-form-edit-room = Modifier une salle
admin-form-add-bed = Ajouter un lit
admin-form-edit-bed = Modifier un lit
admin-form-add-kind = Ajouter un type d'intervention
admin-form-edit-kind = Modifier un type d'intervention
admin-field-account = Compte (identifiant ; vide : aucun)
admin-field-name-shown = Nom affiché
admin-field-role = Rôle
admin-field-name = Nom
admin-field-kind = Type
admin-field-opens = Ouvre à
admin-field-closes = Ferme à
admin-field-label = Libellé
admin-field-unit = Unité (vide : aucune)
admin-field-code = Code (ex. vertebroplasty)
admin-field-minutes = Durée par défaut (min)
admin-field-anaesthesia = Anesthésie prévue
admin-field-implants = Implants prévus
admin-minutes-needed = un nombre entier de minutes, par exemple 45
admin-kind-code = code { $code }
admin-who-account = { $name } ({ $account })
admin-who-no-account = sans compte
admin-who-room = salle { $name }
admin-who-rooms = salles
admin-who-bed = lit { $name }
admin-who-beds = lits
admin-who-kind = type d'intervention { $code }
admin-who-kinds = types d'intervention
# R-BLOCK-1 : les types de salle.
admin-room-kind-ct = scanner
admin-room-kind-ct-fluoro = scanner + radioscopie
admin-room-kind-angio-fluoro = angiographie / radioscopie

## Les messages de l'onglet Admin après un enregistrement
admin-saved-staff-added = { $name } ajouté au personnel comme { $role }
admin-saved = { $who } : enregistré
admin-saved-entry = { $what } : { $done }
admin-done-unchanged = inchangé (rien ne différait de ce qui est enregistré)
admin-done-retired = retiré ; gardé dans l'historique
admin-done-back = de nouveau en service
admin-done-added = ajouté
admin-done-changed = modifié

## L'onglet Audit (R-AUDIT-1)
admin-audit-title = JOURNAL D'AUDIT
admin-audit-shown = { $count } { $count ->
        [one] modification
       *[other] modifications
    }, récentes d'abord
admin-audit-shown-newest = { $count ->
        [one] la dernière modification
       *[other] les { $count } dernières modifications
    }, récentes d'abord
admin-audit-filter = filtre :
admin-audit-error = ! lecture impossible du journal d'audit : { $error }
admin-audit-no-match = aucune modification ne correspond au filtre
admin-audit-change = modification
admin-audit-details = { $when } par { $actor } · { $action } { $record } (enregistrement { $row })
# Ce qui a été modifié : le nom d'une ligne de la table.
admin-audit-record = { $table ->
        [staff] membre du personnel
        [settings] réglage
        [patients] patient
        [rooms] salle
        [beds] lit
        [procedure_kinds] type d'intervention
        [admissions] entrée
        [admission_steps] étape d'entrée
        [cases] intervention
        [case_checks] point de préparation
        [anaesthesia_consultations] CPA
        [intakes] prise
        [treatments] traitement
        [lab_results] résultat de bilan
        [discharge_checks] contrôle de sortie
        [follow_up_calls] appel du lendemain
        [distraction_cases] cas de distraction
        [distraction_phases] étape de distraction
        [distraction_sessions] séance de distraction
        [distraction_rounds] tournée de distraction
        [pin_grades] grade de fiche
        [block_overrides] dérogation au programme
        [case_call_offs] annulation ou report
        [device_refs] référence de dispositif
        [device_lots] lot
        [stock_movements] mouvement de stock
        [case_devices] dispositif réservé pour une intervention
        [implants] traçabilité d'implant
        [case_events] événement du déroulé
        [complications] complication
        [ho_follow_ups] suivi d'ossification
        [hexapod_prescriptions] prescription hexapode
        [hexapod_struts] vérin d'hexapode
        [hexapod_lengths] longueur de vérin
        [hexapod_adjustments] réglage de vérin
       *[other] { $noun }
    }
# insert, update : l'action enregistrée, telle que le journal la dit.
admin-audit-action = { $action ->
        [insert] ajout
        [update] modif.
        [delete] suppr.
       *[other] { $action }
    }
admin-audit-yes = oui
admin-audit-no = non
admin-audit-bed = lit { $name }

## Les mots que tous les écrans partagent
admin-no-filter = pas de filtre à effacer ({ $key } filtre cette liste)
admin-lists-error = lecture impossible des listes de choix : { $error }
admin-tab-gone = l'onglet { $tab } ne vous est plus ouvert : votre compte est maintenant { $role } (R-ROLE-1) ; retour au { $board }
admin-past-date-title = Enregistrer une date passée ?
admin-field-problem = { $field } : { $problem }
admin-countdown-passed = { $clock } (passé)
admin-countdown-minutes = { $clock } (dans { $minutes } min)
admin-countdown-hours = { $clock } (dans { $hours } h { $minutes })

## Les champs des formulaires : ce qui est affiché, et pourquoi une valeur est refusée
admin-pick-empty = ‹ choisir avec ← → ›
admin-pick-hint = choisissez avec ← →
admin-pick-empty-words = <choisir avec { $left }/{ $right }>
admin-pick-hint-words = choisissez avec { $left }/{ $right }
admin-flag-yes = [x] oui
admin-flag-no = [ ] non
admin-required = obligatoire
admin-at-most = { $max } caractères au plus
admin-no-control = ni caractères de contrôle ni marques de direction
admin-whole-number = un nombre entier, par exemple { $example } (sans décimale)
admin-between = entre { $min } et { $max }
admin-a-number = un nombre, par exemple { $example }
admin-in-future = dans le futur (nous sommes le { $today }) ; vérifiez la date
admin-asa-class = une classe ASA de I à VI, E pour une urgence (III E)
admin-a-date = une date jj/mm/aaaa, par exemple 23/11/2026
admin-a-time = une heure HH:MM, par exemple 08:30 (la nuit du passage à l'heure d'hiver, 02:05 (2e) pour le second 02:05)
admin-whole-such-as = un nombre entier, par exemple 30

## Ce qu'un enregistrement a fait, en une phrase (shell::save) : qui, puis quoi
admin-saved-now = { $who } : maintenant { $state }
admin-saved-undone = { $who } : étape annulée, retour à { $state }
admin-saved-bed-assigned = { $who } : lit attribué
admin-saved-bed-released = { $who } : lit libéré
admin-saved-intake = { $who } : dernière prise enregistrée ({ $kind })
admin-saved-admit-at = { $who } : maintenant { $state } (arrivé le { $day } à { $time })
admin-saved-treatment = { $who } : traitement enregistré ({ $drug })
admin-saved-treatment-stopped = { $who } : traitement marqué arrêté
admin-saved-lab = { $who } : résultat de bilan enregistré
admin-saved-discharged = { $who } : sorti ; appel du lendemain prévu le { $day }
admin-saved-check-done = { $who } : { $item } ✓ fait
admin-saved-check-undone = { $who } : { $item } décoché
admin-saved-confirmed = { $who } : intervention confirmée au programme
admin-saved-emergency-on = { $who } : urgence signalée (enregistrée, rapportée)
admin-saved-emergency-off = { $who } : signalement d'urgence retiré
admin-saved-pre-visit = { $who } : visite pré-anesthésique enregistrée
admin-saved-pre-visit-cleared = { $who } : visite pré-anesthésique effacée
admin-saved-insulin-on = { $who } : diabétique insulino-traité oui
admin-saved-insulin-off = { $who } : diabétique insulino-traité non
admin-saved-bed-cleaned = lit { $bed } : nettoyé, de nouveau libre
admin-saved-bed-closed = lit { $bed } : fermé
admin-saved-bed-reopened = lit { $bed } : rouvert
admin-saved-role = { $who } : maintenant { $role }
admin-saved-staff-back = { $who } : de retour dans le personnel
admin-saved-staff-retired = { $who } : retiré
admin-saved-voided = { $who } : { $what } n° { $id } annulé ({ $value }) ; gardé dans l'historique, plus compté{ $note }
admin-saved-call-done = { $who } : appel du lendemain fait
admin-saved-complication = { $who } : complication n° { $id } enregistrée : { $kind }
admin-saved-complication-closed = { $who } : complication n° { $id } close
admin-saved-admission = { $who } : entrée prévue : arrive le { $arrives }, intervention le { $day } à { $time }, retour le { $home }
admin-saved-consultation = { $who } : CPA enregistrée ({ $outcome })
admin-saved-discharge-check = { $who } : contrôle de sortie enregistré
admin-saved-event = { $who } : { $event } enregistré
admin-saved-event-corrected = { $who } : corrigé, { $event }
admin-saved-event-voided = { $who } : événement du déroulé annulé ; gardé dans l'historique{ $words }

## Les formulaires ouverts depuis une entrée (app::forms)
admin-form-void = Annuler une saisie faite par erreur
admin-field-entry = Saisie
admin-field-what-was-wrong = Ce qui était faux
admin-void-intake = prise n° { $id } : { $kind } du { $at }
admin-void-treatment = traitement n° { $id } : { $label }
admin-void-lab = bilan n° { $id } : { $item } { $value } du { $at }
admin-void-consultation = CPA n° { $id } : { $outcome ->
        [cleared] apte
        [refused] refusée
        [pending] en attente
       *[other] { $outcome }
    } du { $at }
admin-void-complication = complication n° { $id } : { $summary }
admin-void-ossification = suivi d'ossification n° { $id } : chirurgie { $at }
admin-form-admit-at = Entrée : quand le patient est-il arrivé ?
admin-field-arrived-on = Arrivé le (jj/mm/aaaa)
admin-field-at = À (HH:MM)
admin-admit-at-subtitle = { $who } · l'intervention est passée : enregistrée comme saisie rétrospective
admin-form-stop-treatment = Marquer un traitement arrêté
admin-field-treatment = Traitement
admin-scan-press-enter = code GS1 : appuyez sur { $key } pour le lire

## Ce qui rend sensée l'organisation d'un service (domain::ward_setup)
admin-opens-midnight = ouverture { $time } : une journée finit à 23:59 ici ; pour une salle ouverte jusqu'à minuit écrivez 23:59
admin-closes-midnight = fermeture { $time } : une journée finit à 23:59 ici ; pour une salle ouverte jusqu'à minuit écrivez 23:59
admin-opens-not-a-time = ouverture { $time } n'est pas une heure ; écrivez-la comme 08:00 (00:00 à 23:59)
admin-closes-not-a-time = fermeture { $time } n'est pas une heure ; écrivez-la comme 08:00 (00:00 à 23:59)
admin-opens-after-closing = ouvre à { $opens } mais ferme à { $closes } : une salle doit ouvrir avant de fermer
admin-minutes-outside = { $minutes } minutes est hors de { $min } à { $max } minutes
admin-code-letters = code { $code } : lettres minuscules, chiffres et _ (comme vertebroplasty)
admin-label-empty = { $what } est vide
admin-label-too-long = { $what } { $text } : 60 caractères au plus, sur une ligne, sans caractères de contrôle ni marques de direction
admin-timeline = le déroulé
admin-no-time-given = aucune heure donnée

## Les refus du routeur (app/router.rs)
admin-router-retired = { $change } : votre compte { $account } est retiré de la liste du personnel, il ne peut que lire ; si vous êtes de retour dans le service, un admin le rétablit (`periop staff set { $account } --active true`)
admin-router-not-allowed = { $change } : votre rôle est { $role }, et il faut { $needs } ; demandez à un admin (`periop staff set { $account } --role ROLE`)
admin-cancelled-nothing-changed = rien n'a été fait
admin-tab-for-admins = l'onglet { $tab } est réservé aux admins (R-ROLE-1) ; votre rôle est { $role }

## Une date écrite jj/mm/aaaa que le calendrier n'a pas (31/02/2026)
admin-no-such-day = le { $day } n'existe pas
