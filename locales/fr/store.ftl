## Les mots que le stockage écrit pour les utilisateurs : refus, avis, constats (src/store, refus du domaine)

## Un enregistrement avec son numéro, pour `periop check` : « admission #12 »
store-numbered = { $noun } #{ $id }

## Les enregistrements, comme une phrase les nomme (store::table::Table::noun, row, numbered)
## .the : la chose dont parle un refus ; .this : celle d'un conflit ; .new : pas encore enregistrée
store-table-staff = membre du personnel
    .the = le membre du personnel
    .this = ce membre du personnel
    .new = nouveau membre du personnel
store-table-settings = réglage
    .the = le réglage
    .this = ce réglage
    .new = nouveau réglage
store-table-patients = patient
    .the = le patient
    .this = ce patient
    .new = nouveau patient
store-table-rooms = salle
    .the = la salle
    .this = cette salle
    .new = nouvelle salle
store-table-beds = lit
    .the = le lit
    .this = ce lit
    .new = nouveau lit
store-table-procedure-kinds = type d'intervention
    .the = le type d'intervention
    .this = ce type d'intervention
    .new = nouveau type d'intervention
store-table-admissions = admission
    .the = l'admission
    .this = cette admission
    .new = nouvelle admission
store-table-admission-steps = étape d'admission
    .the = l'étape d'admission
    .this = cette étape d'admission
    .new = nouvelle étape d'admission
store-table-cases = intervention
    .the = l'intervention
    .this = cette intervention
    .new = nouvelle intervention
store-table-case-checks = vérification préopératoire
    .the = la vérification préopératoire
    .this = cette vérification préopératoire
    .new = nouvelle vérification préopératoire
store-table-anaesthesia-consultations = CPA (consultation d'anesthésie)
    .the = la CPA
    .this = cette CPA
    .new = nouvelle CPA
store-table-intakes = prise
    .the = la prise
    .this = cette prise
    .new = nouvelle prise
store-table-treatments = traitement
    .the = le traitement
    .this = ce traitement
    .new = nouveau traitement
store-table-lab-results = résultat de laboratoire
    .the = le résultat de laboratoire
    .this = ce résultat de laboratoire
    .new = nouveau résultat de laboratoire
store-table-discharge-checks = vérification de sortie
    .the = la vérification de sortie
    .this = cette vérification de sortie
    .new = nouvelle vérification de sortie
store-table-follow-up-calls = appel du lendemain
    .the = l'appel du lendemain
    .this = cet appel du lendemain
    .new = nouvel appel du lendemain
store-table-distraction-cases = distraction
    .the = la distraction
    .this = cette distraction
    .new = nouvelle distraction
store-table-distraction-phases = étape de distraction
    .the = l'étape de distraction
    .this = cette étape de distraction
    .new = nouvelle étape de distraction
store-table-distraction-sessions = séance de distraction
    .the = la séance de distraction
    .this = cette séance de distraction
    .new = nouvelle séance de distraction
store-table-distraction-rounds = tour de distraction
    .the = le tour de distraction
    .this = ce tour de distraction
    .new = nouveau tour de distraction
store-table-pin-grades = grade de fiche
    .the = le grade de fiche
    .this = ce grade de fiche
    .new = nouveau grade de fiche
store-table-block-overrides = dérogation au programme
    .the = la dérogation au programme
    .this = cette dérogation au programme
    .new = nouvelle dérogation au programme
store-table-case-call-offs = annulation ou report
    .the = l'annulation ou le report
    .this = cette annulation ou ce report
    .new = nouvelle annulation ou nouveau report
store-table-device-refs = référence de dispositif
    .the = la référence de dispositif
    .this = cette référence de dispositif
    .new = nouvelle référence de dispositif
store-table-device-lots = lot
    .the = le lot
    .this = ce lot
    .new = nouveau lot
store-table-stock-movements = mouvement de stock
    .the = le mouvement de stock
    .this = ce mouvement de stock
    .new = nouveau mouvement de stock
store-table-case-devices = dispositif réservé pour une intervention
    .the = le dispositif réservé
    .this = ce dispositif réservé
    .new = nouveau dispositif réservé
store-table-implants = traçabilité d'implant
    .the = la traçabilité d'implant
    .this = cette traçabilité d'implant
    .new = nouvelle traçabilité d'implant
store-table-case-events = événement du déroulé
    .the = l'événement du déroulé
    .this = cet événement du déroulé
    .new = nouvel événement du déroulé
store-table-complications = complication
    .the = la complication
    .this = cette complication
    .new = nouvelle complication
store-table-ho-follow-ups = suivi d'ossification
    .the = le suivi d'ossification
    .this = ce suivi d'ossification
    .new = nouveau suivi d'ossification
store-table-hexapod-prescriptions = prescription d'hexapode
    .the = la prescription d'hexapode
    .this = cette prescription d'hexapode
    .new = nouvelle prescription d'hexapode
store-table-hexapod-struts = vérin d'hexapode
    .the = le vérin d'hexapode
    .this = ce vérin d'hexapode
    .new = nouveau vérin d'hexapode
store-table-hexapod-lengths = longueur de vérin
    .the = la longueur de vérin
    .this = cette longueur de vérin
    .new = nouvelle longueur de vérin
store-table-hexapod-adjustments = réglage de vérin
    .the = le réglage de vérin
    .this = ce réglage de vérin
    .new = nouveau réglage de vérin

## Le chemin d'écriture (store::write)
store-field-of = { $record }, { $field }
store-control-character = contient un caractère de contrôle (une tabulation, un échappement) ou une marque de direction ; tapez-le en texte simple
store-conflict-at = { $time } le { $day }
store-conflict-someone = quelqu'un
store-conflict-unknown-time = une heure inconnue

## Admissions et séjours (store::admissions)
store-admission-for-patient = admission du patient #{ $id }
store-patient-numbered = patient #{ $id }
store-no-such-patient = patient inconnu ; enregistrez d'abord le patient
store-duration = durée
store-duration-out-of-range = { $minutes } minutes n'est pas une durée ; donnez de 1 à { $max } minutes
store-the-patient = le patient
store-patient-has-a-stay = a déjà un séjour du { $first } au { $end } ; déplacez ou annulez d'abord ce séjour
store-the-procedure = l'intervention
store-pathway-settings = les réglages du parcours du site
store-discharge-before-admission = { $admit } et { $discharge } placent la sortie avant l'entrée ; corrigez-les avec `periop settings`
store-arrival-in-future = l'heure d'arrivée est dans le futur ; donnez l'heure à laquelle le patient est arrivé
store-step-needs-reason = pour { $verb }, donnez un motif
store-stay-now = le séjour est maintenant { $state }
store-stay-done-waits = l'« intervention faite » du séjour attend : { $why }
store-stay-back-to = le séjour revient à { $state }
store-stay-stays = le séjour reste { $state } : { $why }
store-stay-still-planned = le séjour est encore prévu : admettez le patient (a sur la page de l'admission), puis p le marque
store-ward-marks-it = le service le marque (p sur l'admission)
store-ward-undoes-it = le service l'annule (u sur l'admission)
store-cannot-undo-here = impossible de l'annuler d'ici ; voir l'historique de l'admission
store-undo-needs-reason = pour annuler une étape, donnez un motif

## L'ordre des instants d'un séjour (store::stay_order, R-PATH-6)
store-list-separator = {" ; "}
store-out-of-order = { $faults } (R-PATH-6)
store-the-admission-j-1 = l'entrée (J-1, R-PATH-1)
store-check-stay = admission #{ $id } (prévue le { $planned }) : { $fault }
store-check-stay-in-bed = admission #{ $id } (prévue le { $planned }, lit { $bed }) : { $fault }
store-check-record = { $name } #{ $id } : { $fault }
store-record-intake = prise
store-record-lab-result = résultat de laboratoire
store-record-consultation = consultation
store-record-case = intervention
store-record-step = étape
store-record-timeline-event = événement du déroulé
store-record-distraction-round = tour de distraction
store-record-ossification-follow-up = suivi d'ossification
store-record-distraction-case = distraction
store-record-distraction-step = étape de distraction
store-record-session = séance
store-record-complication = complication

## Interventions : en déplacer une (store::cases)
store-the-block-nurse = l'infirmier de bloc
store-case-not-movable = elle est { $state ->
        [planned] prévue
        [confirmed] confirmée
        [in_progress] en cours
        [done] faite
        [cancelled] annulée
        [postponed] reportée
        [admitted] entrée
        [procedure_done] faite
        [ready_for_discharge] prête à sortir
        [discharged] sortie
        [prolonged] prolongée
       *[other] { $state }
    } ; seule une intervention prévue ou confirmée peut être déplacée
store-case-stay-over = son séjour est { $state } ; programmez plutôt un nouveau séjour
store-moved = intervention déplacée au { $day } { $time }
store-moved-booked-again = intervention reportée reprogrammée au { $day } { $time }
store-moved-planned-again = {" ; "}le séjour est de nouveau prévu (il était reporté)
store-moved-bed-held = la sortie passerait au { $day } mais le lit { $bed } est pris par un autre séjour ces nuits-là (dès le { $from }) ; attribuez d'abord un autre lit (R-PATH-4)
store-moved-discharge-follows = {" ; "}le patient est déjà entré : la sortie prévue suit l'intervention au { $day } (R-PATH-6)
store-moved-plans-stay = {" ; "}le patient est déjà entré : les dates prévues restent (sortie prévue le { $day })
store-moved-same-day = {" ; "}même jour : entrée et sortie prévues inchangées
store-moved-patient-has-a-stay = le patient a déjà un séjour du { $first } au { $end } ; déplacez ou annulez d'abord ce séjour
store-moved-plans = {" ; "}entrée déplacée au { $admit }, sortie au { $discharge }
store-moved-bed-given-up = {" ; "}le lit { $bed } est pris par un autre séjour ces nuits-là (dès le { $from }) et a été libéré : attribuez un autre lit
store-moved-last-doses = {" ; "}dernières prises désormais (R-MED-1) : { $doses }
store-moved-fasting = {" ; "}jeûne : { $fasting }
store-moved-to-resolve = {" ; "}encore à régler : { $conflicts }
store-last-dose-moved = { $drug } { $now } (avant { $was })
store-the-pre-visit = la visite pré-anesthésique

## Mots du domaine affichés par les appelants du stockage (domain::journey, language, ward_time)
store-fasting-summary = solides jusqu'à { $solids }, liquides clairs jusqu'à { $fluids }
store-language-from-flag = --lang
store-language-from-env = PERIOP_LANG
store-language-from-account = le choix propre à votre compte
store-language-from-site = le réglage du site site.language
## Les deux lectures d'une heure que le changement d'heure d'automne répète : « 02:05 (1re) »
store-reading-first = (1re)
store-reading-second = (2e)

## Lits (store::beds, R-PATH-4)
store-bed = lit { $bed }
store-bed-numbered = lit #{ $id }
store-no-such-bed = lit inconnu ; choisissez-en un dans la liste des lits
store-check-bed-overlap = lit { $bed } : les admissions #{ $first } et #{ $second } tiennent toutes deux la nuit du { $night } (R-PATH-4)
store-bed-closed = le lit est fermé ; rouvrez-le ou choisissez un autre lit (R-PATH-4)
store-bed-held = déjà pris par un autre séjour pour les nuits du { $first } au { $end } ; choisissez un autre lit (R-PATH-4)
store-bed-still-occupied = un autre patient y est encore ; faites sortir ce patient ou choisissez un autre lit pour celui-ci (R-PATH-4)
store-bed-occupied-now = un autre patient y est en ce moment ; choisissez d'abord un autre lit pour celui-ci (R-PATH-4)
store-stay-holds-no-bed = il est { $state ->
        [planned] prévu
        [confirmed] confirmé
        [in_progress] en cours
        [done] fait
        [cancelled] annulé
        [postponed] reporté
        [admitted] entré
        [procedure_done] opéré
        [ready_for_discharge] prêt à sortir
        [discharged] sorti
        [prolonged] prolongé
       *[other] { $state }
    }, il ne tient donc aucun lit
store-patient-in-bed = le patient est dans le lit ; attribuez-lui un autre lit pour le déplacer

## Sortie (store::discharge, R-DISCH-1, R-DISCH-2)
store-the-discharge-check = la vérification de sortie
store-padss-score = chaque item du PADSS est coté 0, 1 ou 2 ; { $item } a reçu { $value } (R-DISCH-1)
store-discharge-check-of = la vérification de sortie de l'admission #{ $id }
store-discharge-refused = { $refused } (R-DISCH-1)
store-call-already-done = déjà enregistré comme fait ; actualisez la liste

## Annuler un enregistrement saisi par erreur (store::void, R-AUDIT-1)
store-void-time-taken = prélevé
store-void-time-held = tenue
store-void-time-recorded = enregistré
store-void-time-surgery = chirurgie
store-void-time-made = fait
store-void-time-done = fait
store-void-outcome = avis { $outcome ->
        [cleared] apte
        [refused] refusé
        [pending] en attente
       *[other] { $outcome }
    }
store-void-prophylaxis = prophylaxie { $kind }
store-void-round = tour : douleur { $pain }/10
store-void-round-pins = tour : douleur { $pain }/10, grades des fiches { $pins }
store-void-strut = vérin { $strut } réglé à { $mm } mm
store-void-step = { $kind } le { $day }
store-void-step-rate = { $kind } le { $day } à { $rate } mm/jour
store-void-no-such = aucun enregistrement « { $noun } » ne porte ce numéro ; l'onglet Audit et l'historique du patient montrent le numéro de chaque saisie ({ $code } #12)
store-void-later-step = l'étape #{ $id } ({ $step }) a été enregistrée après elle ; annulez d'abord les étapes suivantes, la plus récente en premier (periop void step { $id } --reason …)
store-void-session-turns = séance { $session } : { $count ->
        [one] { $count } tour
       *[other] { $count } tours
    }
store-void-sessions-stay = { $count ->
        [one] la séance enregistrée avec lui reste comptée ({ $sessions }) ; si ces tours n'ont pas été faits sur ce patient, corrigez-les à 0 (t dans l'onglet Tours)
       *[other] les { $count } séances enregistrées avec lui restent comptées ({ $sessions }) ; si ces tours n'ont pas été faits sur ce patient, corrigez-les à 0 (t dans l'onglet Tours)
    }
store-already-voided = déjà annulé à { $when } (heure du service) ; rien à faire
store-already-voided-by = déjà annulé par { $by } à { $when } (heure du service) ; rien à faire
store-void-needs-reason = pour l'annuler, donnez un motif (ce qui n'allait pas)
store-reason-control-character = le motif contient un caractère de contrôle ou une marque de direction ; tapez-le sur une ligne, en texte simple

## Les modifications qu'un rôle peut faire, comme un refus les nomme (store::permission, R-ROLE-1)
store-change-restore = restaurer une sauvegarde

## Seul ce qui est en service est programmé (store::in_use, issue 8)
store-kind-numbered = type d'intervention #{ $id }
store-no-such-kind = type d'intervention inconnu ; choisissez-en un dans la liste
store-kind-named = type d'intervention { $kind }
store-kind-retired = retiré (gardé pour l'historique), donc plus rien de nouveau n'est programmé sous ce type ; choisissez un autre type dans la liste, ou un admin le remet en service (`periop procedures set { $code } --active true`)
store-room-numbered = salle #{ $id }
    .alone = salle
store-no-such-room = aucune salle en service de ce numéro ; choisissez-en une dans la liste
store-staff-member-named = personnel { $name }
store-room-named = salle { $room }
store-room-retired = retirée (gardée pour l'historique), donc aucune intervention n'y est programmée ; choisissez une autre salle dans la liste, ou un admin la remet en service (`periop rooms set { $room } --active true`)
store-staff-numbered = { $what } (personnel #{ $id })
store-no-such-staff = aucun membre du personnel actif de ce numéro ; choisissez-en un dans la liste
store-staff-named = { $what } { $name }
store-staff-retired = retiré de la liste du personnel, donc aucune intervention ne lui est confiée ; choisissez quelqu'un d'autre dans la liste, ou un admin le remet en service (`periop staff set #{ $id } --active true`)
store-operator = opérateur
store-anaesthetist = anesthésiste
store-bed-retired = retiré (gardé pour l'historique), donc aucun séjour ne le reçoit ; choisissez un autre lit, ou un admin le remet en service (`periop beds set { $bed } --active true`)
store-check-retired-room = intervention #{ $case } : à venir dans la salle retirée { $name } ; déplacez-la dans une salle en service
store-check-retired-kind = intervention #{ $case } : à venir, programmée sous le type d'intervention retiré { $name } ; reprogrammez-la ou annulez-la
store-check-retired-operator = intervention #{ $case } : à venir avec l'opérateur retiré { $name } ; donnez-lui un autre opérateur
store-check-retired-anaesthetist = intervention #{ $case } : à venir avec l'anesthésiste retiré { $name } ; donnez-lui un autre anesthésiste
store-check-retired-nurse = intervention #{ $case } : à venir avec l'infirmier de bloc retiré { $name } ; donnez-lui un autre infirmier (m dans l'onglet Bloc)
store-check-retired-bed = admission #{ $id } : tient le lit retiré { $bed } ; donnez-lui un lit en service (R-PATH-4)

## Personnel (store::staff, R-ROLE-1)
store-staff-who = personnel { $who }
store-staff-same-name = { $count } membres du personnel portent ce nom ; donnez plutôt le compte ou le numéro (#id)
store-the-display-name = le nom affiché
store-staff-name-taken = { $name } est déjà le nom du membre du personnel #{ $id } ; donnez un nom qui les distingue (par ex. avec un prénom ou une initiale)
store-staff-name-taken-account = { $name } est déjà le nom du membre du personnel #{ $id }, compte { $account } ; donnez un nom qui les distingue (par ex. avec un prénom ou une initiale)
store-account = compte { $account }
store-account-word = compte
store-no-such-account = cette machine n'a pas ce compte, il ne pourrait donc jamais se connecter comme { $role } ; corrigez l'orthographe, ou créez d'abord le compte (par ex. `adduser { $account }`), puis réessayez
store-account-control-character = un nom de compte n'a ni caractère de contrôle ni marque de direction ; vérifiez l'orthographe
store-account-on-the-list = déjà sur la liste du personnel comme { $name } ({ $role }) ; modifiez-le avec `periop staff set { $account } --role ROLE`
store-staff-member = membre du personnel
store-staff-nothing-to-change = rien à modifier ; donnez --name, --role ou --active
store-staff-still-booked = { $count ->
        [one] { $count } intervention à venir l'a comme opérateur, anesthésiste ou infirmier de bloc ; confiez d'abord cette intervention à quelqu'un d'autre, puis retirez-le
       *[other] { $count } interventions à venir l'ont comme opérateur, anesthésiste ou infirmier de bloc ; confiez d'abord ces interventions à quelqu'un d'autre, puis retirez-le
    }
store-no-admin-left = il ne resterait aucun admin actif capable de se connecter, et personne ne pourrait plus donner de rôles ; nommez d'abord admin quelqu'un qui a un compte sur cette machine
store-no-admin-left-ghosts = il ne resterait aucun admin actif capable de se connecter (admin sans compte sur cette machine : { $ghosts }), et personne ne pourrait plus donner de rôles ; nommez d'abord admin quelqu'un qui a un compte sur cette machine

## Salles, lits et types d'intervention (store::setup, R-BLOCK-1, R-BLOCK-2)
store-put-added = ajouté
store-put-changed = modifié
store-put-unchanged = inchangé
store-room-exists = la salle { $name } existe déjà (les noms sont comparés sans casse ni accents) ; utilisez-la, ou donnez un autre nom
store-bed-exists = le lit { $name } existe déjà (les noms sont comparés sans casse ni accents) ; utilisez-le, ou donnez un autre nom
store-setup-already-exists = existe déjà ; modifiez-le avec `periop { $command } set`
store-setup-no-such-entry = entrée inconnue ; ajoutez-la avec `periop { $command } add` (ou listez-les)
store-the-room-name = le nom de la salle
store-room-kind-unknown = le type { $kind } n'est pas l'un de { $codes }
store-new-room-needs = une nouvelle salle demande un type, une heure d'ouverture et une heure de fermeture
store-the-new-name = le nouveau nom
store-room-still-booked = { $count ->
        [one] { $count } intervention y est encore programmée ; déplacez-la d'abord dans une autre salle
       *[other] { $count } interventions y sont encore programmées ; déplacez-les d'abord dans une autre salle
    }
store-the-bed-label = le libellé du lit
store-the-unit = l'unité
store-the-new-label = le nouveau libellé
store-bed-still-held = { $count ->
        [one] { $count } séjour tient ce lit ; donnez-lui d'abord un autre lit (R-PATH-4)
       *[other] { $count } séjours tiennent ce lit ; donnez-leur d'abord un autre lit (R-PATH-4)
    }
store-the-label = le libellé
store-new-kind-needs = un nouveau type d'intervention demande un libellé et une durée en minutes
store-kind-still-booked = { $count ->
        [one] { $count } intervention à venir est programmée sous ce type ; reprogrammez-la ou annulez-la d'abord
       *[other] { $count } interventions à venir sont programmées sous ce type ; reprogrammez-les ou annulez-les d'abord
    }

## Stock de dispositifs : références, réceptions, mouvements, implants (store::stock_moves, R-STOCK, R-TRACE)
store-reference-code = code de la référence
store-manufacturer = fabricant
store-name = nom
store-empty-field = vide ; tapez-le comme sur l'étiquette
store-reference = référence { $code }
store-reference-exists = déjà au catalogue ; recevez-en plutôt des lots
store-gtin = GTIN { $gtin }
store-gtin-taken = déjà le GTIN de la référence { $code } ; vérifiez l'étiquette
store-mm-per-turn = mm par tour
store-not-a-turn = { $mm } n'est pas un tour ; donnez de 0,1 à 10 mm
store-the-device-reference = la référence de dispositif
store-receipt = réception de { $name }
store-receipt-no-lot = aucun numéro de lot ni de série : tapez ou scannez celui de l'étiquette (R-TRACE-1)
store-lot = lot { $number }
store-serial = série { $number }
store-gs1-rule = jusqu'à 20 lettres, chiffres ou !"%&'()*+,-./:;<=>?_ (la règle GS1) ; vérifiez l'étiquette
store-receipt-expired = sa date de péremption { $expiry } est passée (nous sommes le { $today }) ; un lot périmé ne peut pas être utilisé (R-STOCK-3). Vérifiez l'étiquette ; pour le recevoir quand même, pour le mettre en quarantaine ou le retourner, confirmez (l'onglet Stock le demande ; `periop stock receive --expired-ok`)
store-location = emplacement { $location }
store-location-is-a-label = c'est une étiquette scannée (une deuxième boîte ?), pas un lieu ; donnez l'endroit où le lot est rangé
store-serial-one-unit = un numéro de série est une unité, pas { $units }
store-serial-on-shelf = déjà en rayon ; un numéro de série est une unité (scannez la boîte suivante)
store-use-by = péremption le { $day }
store-no-use-by = sans date de péremption
store-lot-other-use-by = est en rayon ({ $shelf }), et cette étiquette indique { $label } : vérifiez l'étiquette avec le fournisseur avant de le recevoir
store-lot-kept-at = est rangé à { $location } ; recevez ces unités là-bas (laissez Emplacement vide ou donnez le même)
store-the-reference = la référence
store-move-needs-reason = pour l'enregistrer { $done }, donnez un motif
store-receipt-through-receive = une réception passe par `receive`
store-move-which-case = { $kind } pour quelle intervention ? choisissez l'intervention
store-case-not-reservable = l'intervention est { $state ->
        [planned] prévue
        [confirmed] confirmée
        [in_progress] en cours
        [done] faite
        [cancelled] annulée
        [postponed] reportée
        [admitted] entrée
        [procedure_done] faite
        [ready_for_discharge] prête à sortir
        [discharged] sortie
        [prolonged] prolongée
       *[other] { $state }
    } ; rien ne peut lui être réservé
store-use-not-in-room = le patient n'est pas encore noté en salle : enregistrez ce qui a servi une fois l'intervention commencée (réservez-le en attendant ; l'heure d'entrée en salle est le e de l'onglet Bloc)
store-use-not-started = l'intervention commence { $starts } : enregistrez ce qui a servi une fois qu'elle est commencée (réservez-le en attendant)
store-already-quarantined = déjà en quarantaine
store-out-of-stock-next-lot = recevez-en davantage, ou prenez un autre lot de cette référence
store-the-reservation = la réservation
store-out-of-stock-every-lot = { $name } pour le { $day } (tous les lots utilisables comptés)
store-out-of-stock-next-reserve = réservez moins, ou recevez-en davantage
store-lift-recall-needs-reason = pour lever le rappel, donnez un motif (qui a dit qu'il peut servir)
store-lift-quarantine-needs-reason = pour lever la quarantaine, donnez un motif (qui a dit qu'il peut servir)
store-lift-recalled = { $why } (`periop stock lift --recall`, ou L dans l'onglet Stock)
store-no-such-implant = aucune traçabilité d'implant ne porte ce numéro ; `periop implants --patient` et l'onglet Stock montrent le numéro de chacune
store-implant-already-voided = déjà annulée le { $at } ({ $reason })
store-case-implant-records = la traçabilité des implants de l'intervention
store-implants-standing = { $implants } enregistré(s) comme posé(s) chez le patient ; si c'est une erreur de saisie, annulez d'abord chacun (V sur le lot dans l'onglet Stock, ou `periop void implant NUMBER --reason … --to shelf|waste`) (R-TRACE-1)
store-not-a-doctor = pas un médecin de la liste du personnel ; choisissez un opérateur
store-implants-incomplete = { $problems } ; enregistrez-les dans l'onglet Stock (o sur le lot) avant de clore l'intervention (R-TRACE-1)

## Retrouver une référence ou un lot d'après un avis (store::stock, R-TRACE-2)
store-reference-lot = { $name } lot { $number }
store-and = {" et "}
store-differ-by-case = { $all } ne diffèrent que par la casse ; donnez exactement celui de l'avis
store-reference-unknown = absente du catalogue ; { $did_you_mean }vérifiez la REF sur l'avis
store-lot-unknown = jamais reçu ici ; { $did_you_mean }vérifiez le numéro de lot ou de série sur l'avis

## Le déroulé de J0 d'une intervention (store::case_events, R-BLOCK-6)
store-case-now = {" ; "}l'intervention est maintenant { $state }
store-then = {" ; "}{ $words }
store-event-at = { $event } à { $at }
store-timeline-case-off = elle est { $state ->
        [planned] prévue
        [confirmed] confirmée
        [in_progress] en cours
        [done] faite
        [cancelled] annulée
        [postponed] reportée
        [admitted] entrée
        [procedure_done] faite
        [ready_for_discharge] prête à sortir
        [discharged] sortie
        [prolonged] prolongée
       *[other] { $state }
    } ; son déroulé s'enregistre une fois qu'elle est reprogrammée
store-timeline-recorded-at = {" "}(enregistré à { $at })
store-timeline-that-was = {" "}(c'était à { $at })
store-the-timeline = le déroulé
store-timeline-nothing-now = rien n'y est enregistré pour l'instant
store-timeline-latest = son dernier événement est maintenant { $event } à { $at }
store-timeline-all-recorded = rien (tous les événements sont enregistrés)
store-timeline-conflict = le déroulé de J0 de l'intervention #{ $case } ({ $latest } ; l'événement suivant est { $next }, pas { $expected } comme vous l'avez vu)
store-no-such-event = cet événement n'existe pas ; `periop block --format json` liste le déroulé de chaque intervention avec son event_id
store-event-gone-read-again = il a déjà été corrigé ou annulé ; relisez le déroulé
store-event-gone = il a déjà été corrigé ou annulé
store-check-event-outside-day = intervention #{ $case } : l'événement { $event } ({ $kind }) à { $when } est hors de la journée de l'intervention { $day } (R-BLOCK-6) ; corrigez-le (`periop block event --correct { $event } --at …`) ou annulez-le
store-check-event-in-future = intervention #{ $case } : l'événement { $event } ({ $kind }) à { $when } est dans le futur (R-BLOCK-6) ; corrigez-le ou annulez-le

## Vérifications préopératoires, confirmation et annulation d'une intervention (store::checks, store::call_off)
store-check-item-of = l'item { $item } de l'intervention #{ $case }
store-already-confirmed = déjà confirmée
store-case-not-confirmable = elle est { $state ->
        [planned] prévue
        [confirmed] confirmée
        [in_progress] en cours
        [done] faite
        [cancelled] annulée
        [postponed] reportée
        [admitted] entrée
        [procedure_done] faite
        [ready_for_discharge] prête à sortir
        [discharged] sortie
        [prolonged] prolongée
       *[other] { $state }
    } ; seule une intervention prévue peut être confirmée
store-confirm-missing = ne peut être confirmée sans : { $missing } (R-READY-1) ; enregistrez-les d'abord, ou marquez l'intervention comme urgence
store-call-off-not-open = elle est { $state } ; seule une intervention prévue ou confirmée peut être { $kind ->
        [cancelled] annulée
        [postponed] reportée
       *[other] { $kind }
    }
store-call-off-other-needs-note = pour l'enregistrer { $kind ->
        [cancelled] annulée
        [postponed] reportée
       *[other] { $kind }
    } pour « autre », ajoutez une note disant ce que c'était (R-BLOCK-5)
store-call-off-done = intervention { $kind ->
        [cancelled] annulée
        [postponed] reportée
       *[other] { $kind }
    } ({ $words })
store-call-off-waits = {" ; "}elle attend dans la liste des reportées

## Les conflits du programme du bloc (store::block, store::room_occupation, R-BLOCK-3, R-BLOCK-4, R-BLOCK-6)
store-staff-no = personnel #{ $id }
    .alone = personnel
store-check-block-conflict = intervention #{ $case } : { $conflict } (R-BLOCK-3)
store-another-case = une autre intervention
store-conflict-room-overlap = { $room } : les interventions de { $case } et de { $other } se chevauchent, temps de rotation compris
store-conflict-outside-hours = { $room } : l'intervention de { $case } sort des horaires de la salle
store-conflict-staff-overlap = { $who ->
        [operator] l'opérateur
        [anaesthetist] l'anesthésiste
       *[nurse] l'infirmier de bloc
    } { $name } est à la fois dans les interventions de { $case } et de { $other }
store-conflict-same-patient = le patient de l'intervention de { $case } est aussi programmé à { $other }
store-a-lot = un lot
store-conflict-device = l'intervention de { $case } : { $words } : { $lots } ; réservez un autre lot (onglet Stock, v)
store-conflict-intake = { $intake } noté à { $at } (à jeun à partir de { $fasted })
store-conflict-fasting-next = {" ; "}commencez à { $at } ou plus tard, ou reportez-la (motif : patient non à jeun)
store-conflict-fasting = l'intervention de { $case } : { $words } : { $causes }
store-conflict-other = l'intervention de { $case } : { $words }
store-list-frozen = la liste du { $day } est figée depuis le { $since } { $time } (R-BLOCK-4)
store-no-out-of-room = aucune sortie de salle notée
store-out-of-room-at = sorti de salle à { $at }
store-occupant = l'intervention #{ $case } (en salle depuis { $since }, { $until })
store-room-held = { $event } à { $at } refusé : la salle accueille alors { $occupant } ; un patient par salle à la fois (R-BLOCK-6) : enregistrez d'abord la sortie de salle de cette intervention, ou corrigez ses heures ou celle-ci

## periop check : salles occupées deux fois (store::room_occupation)
store-check-room-overlap = salle { $room } le { $day } : { $first } et { $second } y étaient en même temps (R-BLOCK-6) : corrigez les heures fausses (`periop block event --correct EVENT --at TIME`)

## Prises, examens, traitements, consultations, patients, réglages
store-intake-stay-over = le séjour est { $state ->
        [discharged] sorti
        [cancelled] annulé
       *[other] { $state }
    } ; les prises se notent pendant un séjour
store-intake-of = prise : { $kind }
store-lab-result-of = résultat { $item }
store-treatment-already-recorded = déjà enregistré pour ce patient ; arrêtez ou revoyez celui qui est enregistré
store-treatment-already-stopped = déjà arrêté ; actualisez la liste
store-the-consultation = la CPA (consultation d'anesthésie)
store-no-such-staff-member = aucun membre du personnel de ce numéro ; choisissez-en un dans la liste
store-refusal-needs-notes = un refus demande des notes disant pourquoi (R-ANES-5)
store-hospital-number = n° hôpital { $number }
store-registered-differently = déjà enregistré avec un autre nom ou une autre date de naissance ; vérifiez le numéro sur l'étiquette du patient
store-setting = réglage { $key }

## Complications et suivis d'ossification (store::complications, store::ossification, R-COMP-1, R-HO-1)
store-the-complication = la complication
store-rule-comp-1 = { $why } (R-COMP-1)
store-case-of-another-patient = c'est l'intervention d'un autre patient ; vérifiez le numéro de l'intervention (`periop admissions --all-days` les liste)
store-no-such-case = aucune intervention ne porte ce numéro
store-no-such-complication = aucune complication ne porte ce numéro ; `periop complications --patient HOSPITAL_NUMBER` les liste
store-complication-voided = elle a été annulée ; il n'y a rien à clore
store-complication-closed = elle est déjà close ; relisez la liste
store-the-ho-follow-up = le suivi d'ossification
store-rule-ho-1 = { $why } (R-HO-1)
store-surgery-in-future = la chirurgie est dans le futur ; enregistrez le suivi une fois qu'elle est faite
store-prophylaxis-in-future = la prophylaxie est dans le futur ; enregistrez-la une fois donnée
store-ho-outside-window = { $warning } ; pour l'enregistrer quand même, donnez le motif (R-HO-1)
store-no-such-ho-follow-up = aucun suivi ne porte ce numéro ; `periop ossification --patient HOSPITAL_NUMBER` les liste
store-it-was-voided = il a été annulé
store-recorded-by-at = {" "}(enregistré par { $name } le { $at })
store-xray-already-recorded = son contrôle radiographique est déjà enregistré : Brooker { $grade } le { $day }{ $by } ; s'il a été mal lu, annulez le suivi (periop void ossification { $id } --reason …) et enregistrez-le de nouveau avec son contrôle
store-xray-day-out-of-range = le jour de la radio { $day } n'est pas entre la chirurgie et aujourd'hui

## Tables de vérins d'hexapode (store::hexapod, R-DO-8)
store-rule-do-8 = { $why } (R-DO-8)
store-not-a-hexapod = son dispositif est un { $device }, pas un hexapode ; une table de vérins est pour les cadres hexapodes (enregistrez le traitement avec --device hexapod)
store-table-before-osteotomy = la table commence le { $first }, avant l'ostéotomie du { $osteotomy } ; vérifiez les jours de l'imprimé
store-note-control-characters = la note ou le nom de fichier contient des caractères de contrôle ; retapez-le
store-revision-replaced = la révision { $this } est caduque : la révision { $current } l'a remplacée à { $at } ; saisissez sur la révision { $current } (la feuille affichée maintenant)
store-frame-removed = le cadre est retiré ; plus rien n'est réglé
store-no-strut = aucun vérin donné ; donnez-en au moins un

## Distraction (store::distraction, store::distraction_sessions, R-DO)
## Un refus et la règle qu'il applique : « … (R-DO-5) »
store-rule = { $why } ({ $rule })
store-the-distraction-prescription = la prescription de distraction
store-the-distraction-step = l'étape de distraction
store-pause-needs-reason = une pause demande un motif ; dites pourquoi la distraction s'arrête
store-only-resume-sets-rate = seule une reprise peut fixer une nouvelle vitesse

## Séances de distraction (store::distraction_sessions, R-DO-5)
store-sessions-to-come = les séances du { $day } ne peuvent pas être enregistrées avant le jour ; enregistrez les tours une fois faits (R-DO-5)
store-sessions-before-osteotomy = le { $day } est avant l'ostéotomie ({ $osteotomy }) : aucune séance à enregistrer ; vérifiez le jour (R-DO-5)
store-the-sessions = les séances
store-session-already-recorded = la séance { $session } ({ $day }) est déjà enregistrée (faite à { $at }) ; enregistrez la séance suivante, ou corrigez ses tours (t dans l'onglet Tours)
store-session-twice = la séance { $session } est saisie deux fois
store-session-not-recorded = la séance { $session } ({ $day }) n'est pas enregistrée, il n'y a donc rien à corriger ; enregistrez ses tours

## Ce qu'il faut encore à un fichier en mauvais état (store::check, avertissements de backup et restore)
store-warn-undecodable = { $count } ligne(s) contiennent une valeur que ce programme ne sait pas lire (par ex. { $example }) : lancez `periop check` sur la base en service
store-warn-audit = la piste d'audit montre des modifications faites dans le dos de periop ({ $breaks } rupture(s) de chaîne, { $rows } ligne(s) différentes) : lancez `periop check` sur la base en service et trouvez qui a modifié quoi
store-warn-old-schema = le schéma { $schema } est plus ancien que celui de ce programme ({ $known }) : le prochain periop qui l'ouvre en écriture le met à niveau (par ex. `periop board`)
store-warn-findings = { $count } enregistrement(s) enfreignent une règle clinique (par ex. { $example }) : lancez `periop check` sur la base en service et corrigez chacun
store-warn-search = les index de recherche diffèrent des enregistrements de { $count } façon(s) (par ex. { $example }), les filtres peuvent donc manquer des enregistrements
store-warn-settings = { $count } réglage(s) enregistré(s) refusé(s), leurs valeurs par défaut sont utilisées : corrigez-les avec `periop settings`
store-warn-triggers = déclencheurs d'ajout seul absents ou modifiés ({ $triggers }) : le prochain enregistrement les recrée
store-warn-foreign = pas à periop, ajoutés par un autre programme ({ $objects }) : supprimez-les, ils peuvent modifier des lignes dans son dos
store-warn-side-files = { $count } fichier(s) annexe(s) non partagé(s) avec le groupe de la base : lancez `periop check` et corrigez leur groupe et leurs droits
store-setting-default-used = { $error } ; sa valeur par défaut est utilisée jusqu'à ce qu'il soit de nouveau réglé (`periop settings set KEY VALUE`)
store-setting-unknown = { $error } ; periop ne le lit pas (celui d'un autre programme, ou d'une version plus ancienne)

## Valeurs enregistrées illisibles (store::rows, store::decode)
store-unreadable = { $what ->
        [day] un jour enregistré
        [instant] un instant enregistré
       *[other] un texte enregistré
    } est illisible (écrit par un autre programme, ou abîmé) ; lancez `periop check` pour trouver sa ligne, puis corrigez-la ou restaurez la dernière sauvegarde
store-patient-value = (une valeur du patient, non affichée)
store-undecodable-at = { $record }, colonne { $column } : { $value }

## La chaîne de la piste d'audit, pour `periop check` (store::chain, R-AUDIT-3)
store-unreadable-time = une heure illisible
store-audit-triggers-put-back = audit #{ $id } : le { $when }, un enregistrement a trouvé les déclencheurs d'ajout seul absents ou modifiés et les a remis ({ $triggers }) ; le journal a pu être modifié sans trace avant : comparez avec une sauvegarde antérieure
store-the-wards-database = la base du service
store-foreign-trigger = contient un déclencheur que periop n'a pas créé ({ $triggers }), qui pourrait changer ce qui est enregistré ; rien n'a été enregistré : un admin le supprime (`periop check` le liste)
store-audit-missing = audit #{ $id } : absent (supprimé)
store-audit-missing-range = audit #{ $first } à #{ $last } : absents (supprimés)
store-audit-no-hash = audit #{ $id } : sans empreinte (écrit hors de periop)
store-audit-forged = audit #{ $id } : modifié ou falsifié (son empreinte ne suit pas la chaîne)
store-audit-missing-end = audit #{ $id } : absent à la fin (supprimé)
store-audit-missing-end-range = audit #{ $first } à #{ $last } : absents à la fin (supprimés)
store-audit-differs = { $record } : diffère de sa dernière ligne d'audit ({ $columns })
store-audit-row-deleted = { $record } : supprimé (il a des lignes d'audit, mais plus de ligne)
store-audit-no-row = { $record } : aucune ligne d'audit (écrit hors de periop)
store-audit-edited-between = { $record } : modifié dans le dos de periop entre l'audit #{ $first } et #{ $last } ({ $columns })
store-unreadable-audit-image = image d'audit illisible
store-columns = colonnes { $columns }

## Ouvrir et créer le fichier (store::mod, store::new_file)
store-cannot-create = impossible de le créer ({ $error })
store-cannot-set-mode = impossible de régler ses droits ({ $error })
store-disk-full = le disque est plein
store-disk-failed = le disque n'a pu être lu ou écrit ({ $error })
store-migrate-target = la cible de la copie
store-migrate-needs-server = --to doit désigner une base PostgreSQL (postgres://… ou host=… dbname=…)
store-migrate-old-schema = au schéma { $found }, ce periop écrit le { $known } : ouvrez-le une fois avec ce periop (`periop board --db …`) pour le mettre à jour, puis copiez
store-migrate-chain-broken = sa chaîne d'audit a { $count } rupture(s) (`periop check` les liste) : ne copiez qu'un service sain, ou remettez d'abord une sauvegarde
store-migrate-count-differs = { $table } : { $copied } lignes copiées, { $expected } dans le fichier ; rien n'a été validé, relancez la commande
store-migrate-chain-differs = la chaîne d'audit copiée ne se vérifie pas avec la tête du fichier ; rien n'a été validé, relancez la commande
