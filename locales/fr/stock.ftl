## L'onglet Stock : dispositifs et implants, lots, FEFO, rappels, traçabilité
## (ui/stock.rs, app/screens/stock.rs, app/forms/stock.rs, shell/save_stock.rs,
## domain/stock)

## Le nom d'un lot (domain::stock::lots::lot_words)
stock-lot-and-serial = lot { $lot } série { $serial }
stock-lot = lot { $lot }
stock-serial = série { $serial }
stock-no-lot = sans lot

## Le statut d'un lot : un signe, puis un mot (R-STOCK-1)
stock-status-available = ✓ disponible
stock-status-reserved = ◆ réservé
stock-status-quarantined = ⊘ quarantaine
stock-status-expired = ✗ PÉRIMÉ
stock-status-used-up = – épuisé
stock-status-recalled = ⊘ RAPPELÉ

## Types de référence (R-STOCK-1)
stock-kind-screw = vis
stock-kind-cement-kit = kit de ciment
stock-kind-trocar = trocart
stock-kind-cannula = canule
stock-kind-distractor = distracteur
stock-kind-other = autre

## Un mouvement au passé : « 3 réservée(s) » (domain::stock::movement)
stock-done-receive = reçue(s)
stock-done-reserve = réservée(s)
stock-done-release = libérée(s)
stock-done-implant = implantée(s)
stock-done-consume = utilisée(s)
stock-done-return = renvoyée(s) au fournisseur
stock-done-waste = jetée(s)
stock-done-quarantine = mis en quarantaine

## Où vont les unités d'une pose annulée (R-TRACE-1)
stock-void-done-shelf = remise(s) en rayon
stock-void-done-waste = jetée(s)
stock-void-words-shelf = unités remises en rayon
stock-void-words-waste = unités jetées
stock-void-choice-shelf = remises en rayon (jamais ouvertes)
stock-void-choice-waste = jetées (ouvertes)

## Ce qui manque à une pose d'implant (R-TRACE-1)
stock-missing-lot-or-serial = numéro de lot ou de série
stock-missing-patient = patient
stock-missing-time = heure
stock-missing-operator = opérateur
stock-gate-missing = { $device } ({ $lot }) : il manque { $items }

## La liste
stock-mark-expiring = ! bientôt périmé
stock-mark-low = ! BAS
stock-row-nothing = rien en rayon
stock-row-no-expiry = sans date
stock-title = DISPOSITIFS ET IMPLANTS ({ $refs } réf., { $lots ->
    [one] { $lots } lot
   *[other] { $lots } lots
}{ $used })
stock-title-used-up = , lots épuisés affichés
stock-col-device = dispositif
stock-col-lot = lot
stock-col-use-by = péremption
stock-col-qty = qté
stock-col-res = rés
stock-col-status = statut
stock-read-error = ! impossible de lire le stock : { $error }
stock-reading = lecture…
stock-empty = aucune référence encore : n en ajoute une, r reçoit un lot
stock-no-match = rien ne correspond au filtre (Échap l'efface)

## Le panneau sous la liste, pour le lot choisi
stock-panel-title = SÉLECTION
stock-panel-implantable = implantable
stock-panel-gtin = GTIN { $gtin }
stock-panel-low = ! BAS : sous le minimum (R-STOCK-4)
stock-panel-counts = utilisables { $usable }  réservées { $reserved }  total { $total }  minimum { $minimum }
stock-panel-quarantined = en quarantaine : { $reason }
stock-panel-held = ◆ réservé : { $hold }
stock-panel-scanned = scanné : { $text }
stock-panel-no-recipient = aucun patient n'a reçu ce lot
stock-patient-missing = patient manquant
stock-panel-missing = ! manque : { $items }
# « cas » et non « intervention » : la ligne tient juste en 80 colonnes.
stock-panel-recipient = → #{ $id } { $who }  cas #{ $case }  { $when }  opérateur { $operator }

## Refus des touches de l'onglet Stock (app::screens::stock)
stock-no-case = aucune intervention d'aujourd'hui à dans une semaine pour qui prendre des dispositifs (programmer l'intervention d'abord, onglet Entrées)
stock-none-selected = aucun dispositif choisi (la liste est vide, ou le filtre masque tout)
stock-lot-needed = rien en rayon pour cette référence ; recevoir un lot d'abord (r)
stock-nothing-to-void = aucun enregistrement d'implant de ce lot à annuler
stock-nothing-to-lift = ce lot n'est pas en quarantaine ; rien à lever
stock-operators-known = chaque enregistrement d'implant de ce lot nomme son opérateur
stock-nothing-to-release = aucune intervention ne réserve d'unités de ce lot ; rien à libérer

## Les questions posées avant d'enregistrer (app::forms::stock, confirmation)
stock-confirm-expired = Recevoir un lot PÉRIMÉ ?
stock-confirm-expired-passed = { $lot } : à utiliser avant le { $expiry }, date passée (nous sommes le { $today })
stock-confirm-expired-unusable = il ne peut pas être utilisé (R-STOCK-3) ; le recevoir seulement pour le mettre en quarantaine ou le renvoyer
stock-confirm-expired-keys = y le reçoit, n revient au formulaire (vérifier la date de péremption sur l'étiquette)
stock-reason = { " " }: { $reason }
stock-confirm-move-units = { $count } unité(s) qui seront { $done }{ $reason }
stock-confirm-move-lot = lot qui sera { $done }{ $reason }
stock-confirm-quarantine = Quarantaine ?
stock-confirm-quarantine-keys = y l'enregistre (L lève la quarantaine plus tard, avec un motif), n revient au formulaire
stock-confirm-return = Renvoi ?
stock-confirm-return-keys = y l'enregistre (les unités renvoyées ne reviennent que par une nouvelle réception, r), n revient au formulaire
stock-confirm-waste = Mise au rebut ?
stock-confirm-waste-keys = y l'enregistre (rien n'annule une mise au rebut), n revient au formulaire
stock-confirm-void = Annuler cet enregistrement d'implant ?
stock-confirm-void-kept = { $units } ; l'enregistrement est gardé, marqué annulé
stock-confirm-void-keys = y l'annule (une annulation est définitive), n revient au formulaire
stock-confirm-lift-recall = Lever le RAPPEL ?
stock-confirm-lift-recall-usable = le lot redevient utilisable pour les implants
stock-confirm-lift-recall-keys = y lève le rappel (R le rappelle de nouveau), n revient au formulaire
stock-confirm-recall = Rappeler ce lot ?
stock-confirm-recall-what = référence { $code }, lot ou série { $number } ({ $reason })
stock-confirm-recall-effect = ce qui reste passe en quarantaine ; les patients qui l'ont reçu sont listés
stock-confirm-recall-keys = y le rappelle (L sur le lot lève un rappel, explicitement, avec un motif), n revient au formulaire

## Sur quoi agit un formulaire, dans son en-tête et les messages
stock-who-receipt = réception
stock-who-implant-record = enregistrement d'implant
stock-who-implant-record-id = enregistrement d'implant #{ $id }
stock-who-catalogue = catalogue

## Les formulaires : titres, aides, champs
stock-form-scan = Réception : scanner l'étiquette
stock-form-scan-help = scanner, ou taper (01)…(17)…(10)… ; GS est Ctrl-] ou Alt+029{ $key } ; vide : taper les éléments
stock-scan-or-key = , ou { $key }
stock-field-scan = Code GS1
stock-form-check = Réception : vérifier et enregistrer
stock-form-check-read = lu : { $read } — vérifier chaque champ, puis enregistrer
stock-form-check-typed = tapé depuis l'étiquette — chaque champ tel qu'imprimé
stock-form-unknown-label = { $missing } : ajouter la référence (le numéro de l'étiquette est rempli), puis r pour recevoir
stock-field-reference = Référence
stock-field-lot = Lot
    .ai = Lot (10)
stock-field-serial = Série
    .ai = Série (21)
stock-field-use-by = Péremption
    .ai = Péremption (17)
stock-field-units = Unités
    .ai = Unités (30)
stock-field-location = Emplacement
stock-field-case = Intervention
stock-field-reason = Motif
stock-row-words = { $lot }, { $quantity } en rayon, { $reserved } réservée(s)
stock-form-reserve = Réserver pour une intervention (FEFO)
stock-form-implant = Implanter dans une intervention (tracé)
stock-form-use = Utiliser dans une intervention (tracé)
stock-form-release = Libérer des unités réservées pour une intervention
stock-form-return = Renvoyer au fournisseur
stock-form-waste = Mettre au rebut
stock-form-quarantine = Mettre le lot en quarantaine
stock-hold-words = { $patient } { $when } { $procedure } (intervention #{ $case }), { $units } réservée(s)
stock-implant-choice = { $who } intervention #{ $case } { $when }
stock-field-implant = Implant
stock-field-operator = Opérateur
stock-form-operator = Qui l'a implanté (R-TRACE-1)
stock-field-record = Enregistrement
stock-field-void-reason = Motif (ce qui était faux)
stock-field-units-go = Unités
stock-form-void = Annuler un enregistrement d'implant (R-TRACE-1)
stock-form-void-help = l'enregistrement est gardé, marqué annulé ; une annulation est définitive
stock-form-lift-recall = Lever le RAPPEL de ce lot
stock-form-lift = Lever la quarantaine
stock-field-lift-reason = Motif (qui a dit qu'il peut servir)
stock-field-lot-or-serial = Lot ou série
stock-field-recall-reason = Motif (l'avis)
stock-form-recall = Rappel
stock-field-code = Référence (REF)
stock-field-manufacturer = Fabricant
stock-field-name = Nom
stock-field-kind = Type
stock-field-implantable = Implantable
stock-field-gtin = GTIN (01)
stock-field-minimum = Stock minimum
stock-field-mm-per-turn = mm par tour (distracteur)
stock-form-new-reference = Nouvelle référence de dispositif

## Ce qu'un formulaire refuse à l'enregistrement
stock-not-a-scan = pas un scan
stock-no-reference-yet = aucune référence encore ; en ajouter une d'abord (n sur l'onglet Stock)
stock-units-whole = Unités : un nombre entier, comme 1
stock-choose-reference = Référence : en choisir une avec ← →
stock-lot-or-serial-needed = Lot ou série : en taper un comme sur l'étiquette (R-TRACE-1)
stock-label-in-field = { $field } : c'est une étiquette scannée (une deuxième boîte ?) : l'effacer (Ctrl-U) et enregistrer cette boîte, puis r pour scanner la suivante
stock-choose-case = Intervention : en choisir une avec ← →
stock-choose-implant = Implant : en choisir un avec ← →
stock-choose-operator = Opérateur : en choisir un avec ← →
stock-choose-record = Enregistrement : en choisir un avec ← →
stock-choose-units-go = Unités : en choisir une destination avec ← →
stock-void-reason-needed = Motif : dire ce qui était faux dans l'enregistrement
stock-lift-reason-needed = Motif : dire qui a dit qu'il peut resservir
stock-choose-kind = Type : en choisir un avec ← →
stock-minimum-whole = Stock minimum : un nombre entier, comme 5
stock-mm-per-turn-number = mm par tour : un nombre, comme 0,25
stock-gtin-bad = GTIN : { $error }

## Ce que dit la barre d'aide après un enregistrement (shell::save_stock)
stock-saved-reference = référence { $code } ajoutée : { $name } ({ $kind })
stock-saved-received = { $count ->
    [one] { $count } unité reçue
   *[other] { $count } unités reçues
}
stock-saved-joined = , ajoutée(s) au lot en rayon
stock-saved-use-by = , péremption { $expiry }
stock-saved-reserved = { $who } : { $units } réservée(s) sur { $lot } (FEFO{ $expiry }) ; { $reserved } réservée(s) sur { $quantity }
stock-saved-reserved-part = { $units } sur { $lot } (FEFO{ $expiry })
stock-saved-reserved-across = { $who } : { $units } réservée(s) sur { $lots } lots : { $parts }
stock-saved-traced = {" "}; tracé au patient (R-TRACE-1)
stock-saved-left = { $count ->
    [one] { $count } restante
   *[other] { $count } restantes
}
stock-saved-operator = { $who } : opérateur enregistré (R-TRACE-1)
stock-saved-voided = { $who } annulé ; { $units } unité(s) { $done } ; { $quantity } en rayon
stock-saved-recall-lifted = rappel levé
stock-saved-quarantine-lifted = quarantaine levée
stock-saved-usable-again = { $count ->
    [one] { $count } unité de nouveau utilisable
   *[other] { $count } unités de nouveau utilisables
}
stock-saved-nobody = personne ne l'a reçu
stock-saved-recall = rappel { $code } { $number } : { $left } unité(s) en quarantaine ; { $patients } patient(s) : { $who } (`periop recall` liste les interventions et les opérateurs)
stock-saved-moved = { $who } : { $units }{ $done } ; { $left }{ $traced }
stock-saved-lifted = { $who } : { $done } ; { $usable }

## Les alertes de stock du Tableau (domain::stock::alerts, R-STOCK-3, R-STOCK-4)
stock-alert-low = STOCK BAS { $name } : { $usable } utilisable(s), minimum { $minimum }
stock-alert-expired = PÉRIMÉ EN RAYON { $name } { $lot } : { $left } restant(s), périmé le { $expiry } ; le renvoyer, le mettre en quarantaine ou le jeter
stock-alert-expiring = PÉREMPTION PROCHE { $name } { $lot } : { $left } restant(s), à utiliser avant le { $expiry } ({ $days ->
    [one] dans { $days } jour
   *[other] dans { $days } jours
})
stock-alert-day-today = aujourd'hui ({ $day })
stock-alert-day-tomorrow = demain ({ $day })
stock-alert-day-on = le { $day }
stock-alert-not-available = DISPOSITIF INDISPONIBLE { $day } : { $device } { $lot } réservé pour l'intervention est { $why } ; réserver un autre lot

## Pourquoi un lot ne peut servir, être levé, bouger (domain::stock)
stock-not-lifted-not-withdrawn = pas en quarantaine ; rien à lever
stock-not-lifted-recalled = rappelé ({ $reason }) ; il reste refusé tant que le rappel lui-même n'est pas levé, explicitement, avec un motif
stock-not-lifted-not-recalled = pas rappelé (en quarantaine : { $reason }) ; lever plutôt la quarantaine
stock-unusable-recalled = rappelé ({ $reason }) ; il peut être renvoyé ou jeté, pas utilisé
stock-unusable-quarantined = en quarantaine ({ $reason }) ; il peut être renvoyé ou jeté, pas utilisé
stock-unusable-expired = périmé le { $expiry } (avant l'intervention du { $day }) ; il peut être renvoyé, mis en quarantaine ou jeté, pas utilisé
stock-refused-out-of-stock = { $asked } demandée(s), { $free } libre(s) (le reste est réservé pour des interventions ou parti) ; rien n'a été pris
stock-refused-not-held = { $asked } à libérer, { $held } réservée(s) pour cette intervention
stock-refused-zero = une quantité de 0 ne déplace rien ; donner 1 ou plus
stock-refused-too-many = { $count } unités d'un coup, c'est plus que ce programme compte ; vérifier le nombre
stock-use-refused-called-off = l'intervention est { $state } ; rien ne peut être enregistré pour elle
stock-use-refused-closed = le séjour est clos (sorti) ; le dossier l'est aussi
stock-use-refused-not-started = l'intervention n'a pas encore commencé : enregistrer ce qui a servi une fois qu'elle est en cours (le réserver en attendant)
stock-no-reference-gtin = le GTIN { $gtin } n'est dans aucune référence du catalogue
stock-no-reference-product = le produit HIBC { $pcn } (fabricant { $lic }) n'est aucun code de référence du catalogue

## Lire une étiquette, trouver un code (domain::stock::scan, lookup)
stock-scan-hibc-error = étiquette HIBC { $error }
stock-scan-hibc-shown = HIBC fabricant { $lic }, produit { $pcn }
stock-did-you-mean = vouliez-vous dire { $code } ?
stock-did-you-mean-several = vouliez-vous dire { $first } ou { $last } ?
