# Le catalogue français de periop (issue 14). Chaque message est aussi dans
# en.ftl, avec les mêmes arguments et attributs (un test le vérifie).
# Termes du service : J-1, J0, J+1, RCP, CPA gardés tels quels ; PADSS, ASA
# et Checketts–Otterburn sont internationaux. Dates jj/mm/aaaa, heures HH:MM,
# virgule décimale.

## Les onglets (.short : le nom quand la barre manque de place)
tab-board = Tableau
    .short = Tableau
tab-admissions = Entrées
    .short = Entr.
tab-beds = Lits
    .short = Lits
tab-anaesthesia = Anesthésie
    .short = Anesth.
tab-audit = Audit
    .short = Audit
tab-rounds = Tournées
    .short = Tourn.
tab-block = Bloc
    .short = Bloc
tab-stock = Stock
    .short = Stock
tab-admin = Admin
    .short = Admin

## La ligne d'état
status-live-starting = ○ direct : démarrage
status-live = ● direct
status-live-stopped = ✗ mise à jour en direct arrêtée ({ $why })
status-live-reconnecting = ○ connexion perdue, reconnexion ({ $why })

## Les rôles, tels que la ligne d'état les nomme
role-nurse = IDE
role-scheduler = programmation
role-anaesthetist = anesthésiste
role-doctor = médecin
role-pharmacist = pharmacien
role-admin = admin
role-read-only = lecture seule
role-unassigned = sans rôle

## Le verrouillage après inactivité (R-PRIV-2)
locked-title = periop · écran verrouillé
locked-why = Aucune touche depuis { $minutes } min : les noms des patients sont masqués (R-PRIV-2).
locked-counts = { $day } : { $arrivals } { $arrivals ->
        [one] arrivée
       *[other] arrivées
    } · { $procedures } { $procedures ->
        [one] intervention
       *[other] interventions
    } · { $departures } { $departures ->
        [one] sortie
       *[other] sorties
    } · { $attention } à traiter
locked-not-read = (le tableau n'est pas encore lu)
locked-press = Appuyez sur une touche pour revoir l'écran.

## Les touches, telles que la barre d'aide et l'aide les nomment
keycap-space = Espace
keycap-enter = Entrée
keycap-esc = Échap
keycap-shift-tab = Maj-Tab
keycap-up = Haut
keycap-down = Bas
keycap-left = Gauche
keycap-right = Droite
keycap-backspace = Retour arrière
keycap-delete = Suppr
keycap-page-up = Pg↑
keycap-page-down = Pg↓
keycap-home = Début
keycap-end = Fin

## Les listes
list-filter = { " " }· filtre : { $text }
list-more-above = ↑ { $count ->
        [one] { $count } autre au-dessus
       *[other] { $count } autres au-dessus
    } (k)
list-more-below = ↓ { $count ->
        [one] { $count } autre en dessous
       *[other] { $count } autres en dessous
    } (j)

## Les formulaires
form-not-saved = non enregistré :
form-maybe-saved = enregistré ou non ?
form-maybe-saved-again = c'est peut-être déjà enregistré : regardez d'abord la fiche (Échap ferme ce formulaire). { $key } de nouveau l'enregistre quand même, peut-être une deuxième fois.
form-now-stored = (enregistré entre-temps : { $value })
form-fields-shown = (champs { $first } à { $last } sur { $count })
form-discard = Abandonner la saisie ?  y abandonner   n continuer
form-quit-discard = Quitter et abandonner la saisie ?  y quitter   n continuer

## L'aide
help-title = Touches · ? ou Échap ferme
help-title-more-below = Touches · ↓ { $count ->
        [one] { $count } ligne de plus
       *[other] { $count } lignes de plus
    } (j) · ? ou Échap ferme
help-title-more-above = Touches · ↑ { $count } au-dessus (k) · ? ou Échap ferme
help-title-more-both = Touches · ↑ { $above } (k) ↓ { $below } (j) · Échap ferme
help-scope-keys = { $scope } : { $keys }
help-marks = Signes :

## Une fenêtre de moins de 80×24
too-small-size = periop a besoin de { $need_width }×{ $need_height } ; cette fenêtre fait { $width }×{ $height }.
too-small-enlarge = Agrandissez-la pour l'écran complet.
too-small-quit-discard = Quitter et abandonner la saisie ? y quitter, autre touche : continuer
too-small-nothing = ✓ rien ne demande d'attention
too-small-attention = À TRAITER ({ $count })
too-small-above = ↑ { $count } au-dessus
too-small-reading = lecture du tableau…

## Les signes, dans l'aide
mark-selected = sélectionné
mark-ready = prêt, fait
mark-warning = à risque, alerte
mark-urgent = urgent
mark-not-ready = pas prêt, annulé, fermé
mark-planned = prévu, libre
mark-to-go = prêt à partir
mark-postponed = reporté
mark-in-room = en salle
mark-reserved = réservé
mark-quarantined = en quarantaine, RAPPELÉ
mark-expired = date dépassée
mark-used-up = épuisé
mark-gs = GS d'un scan
mark-occupied = occupé ; en direct
mark-to-clean = à nettoyer
mark-information = information

## Les sections de l'aide (une portée du clavier)
scope-anywhere = Partout, dans toute fenêtre
scope-too-small = Dans une fenêtre de moins de 80×24
scope-dialog = Dans une confirmation
scope-form = Dans un formulaire
scope-filter = En filtrant (tapez des lettres pour filtrer)
scope-help = Dans cette aide
scope-board = Tableau
scope-admissions = Liste des entrées
scope-detail = Une entrée (Entrée sur la liste)
scope-beds = Lits
scope-anaesthesia = Liste de travail d'anesthésie
scope-audit = Audit
scope-rounds = Tournées de distraction
scope-block = Programme du bloc (la grille du jour)
scope-stock = Stock : dispositifs et implants
scope-admin = Admin : personnel et rôles
scope-list = Toute liste
scope-global = Sur tous les écrans

## Les touches : ce que chacune fait (l'aide) et, en .hint, les mots de la barre
key-anywhere-quit = quitter (demande si un formulaire contient une saisie)
key-too-small-down = faire défiler la liste urgente vers le bas
    .hint = défiler
key-too-small-up = faire défiler la liste urgente vers le haut
key-too-small-help = les touches
    .hint = aide
key-too-small-quit = quitter
    .hint = quitter
key-dialog-confirm = oui, le faire
    .hint = oui
key-dialog-cancel = non, ne rien changer
    .hint = non
key-dialog-help = les touches
key-form-next-field = champ suivant (Entrée sur le dernier enregistre)
    .hint = suivant
key-form-previous-field = champ précédent
key-form-choice-back = choix précédent ; dans un texte, curseur à gauche
key-form-choice-forward = choix suivant (une liste, oui/non) ; dans un texte, curseur à droite
    .hint = choisir
key-form-erase-char = effacer le caractère avant le curseur
key-form-erase-forward = effacer le caractère sous le curseur
key-form-top = curseur au début du champ
key-form-bottom = curseur à la fin du champ
key-form-clear-text = vider le champ
key-form-save = enregistrer
    .hint = enregistrer
key-form-help = les touches (? aussi, dans une liste ou un champ oui/non)
key-form-back = fermer (demande si vous avez saisi)
    .hint = fermer
key-filter-accept-filter = garder le filtre, retour à la liste
    .hint = garder
key-filter-back = effacer le filtre
    .hint = effacer
key-filter-erase-char = effacer le dernier caractère (ferme un filtre vide)
key-filter-clear-text = effacer ce qui est tapé
key-filter-help = les touches
key-help-back = fermer cette aide
    .hint = fermer
key-help-down = descendre
key-help-up = monter
key-help-page-down = page suivante
key-help-page-up = page précédente
key-help-top = retour en haut
key-board-open = ouvrir l'entrée
    .hint = ouvrir
key-board-admit = admettre l'arrivée sélectionnée
    .hint = admettre
key-board-prev-day = la veille
    .hint = veille
key-board-next-day = le lendemain
    .hint = lendemain
key-board-today = retour à aujourd'hui
key-board-new-admission = nouvelle entrée
    .hint = nouveau
key-admissions-open = ouvrir l'entrée
    .hint = ouvrir
key-admissions-new-admission = nouvelle entrée
    .hint = nouveau
key-admissions-admit = admettre le patient sélectionné
key-admissions-prev-day = la veille
    .hint = jour
key-admissions-next-day = le lendemain
key-admissions-today = retour à aujourd'hui
key-admissions-any-day = tous les jours / un jour
    .hint = tous
key-admissions-cycle-state = filtrer par état (en boucle)
    .hint = état
key-detail-back = retour là où vous l'avez ouverte
    .hint = retour
key-detail-admit = admettre
    .hint = admettre
key-detail-mark-procedure-done = intervention faite
    .hint = fait
key-detail-ready-for-discharge = prêt pour la sortie
    .hint = prêt
key-detail-discharge-check = contrôle de sortie (PADSS…)
    .hint = contrôle
key-detail-discharge = sortie
    .hint = sortie
key-detail-call-done = appel du lendemain fait
    .hint = appel fait
key-detail-confirm-case = confirmer l'intervention
    .hint = confirmer
key-detail-toggle-check = cocher / décocher l'élément
    .hint = cocher
key-detail-down = élément suivant de la check-list
key-detail-up = élément précédent de la check-list
key-detail-page-down = descendre
key-detail-page-up = monter
key-detail-cancel = annuler le séjour
key-detail-postpone = reporter le séjour
key-detail-prolong = prolonger (incident)
key-detail-undo = défaire la dernière étape
key-detail-emergency = marque d'urgence oui / non
key-detail-pre-visit = visite pré-anesthésique maintenant
key-detail-consultation = consultation d'anesthésie (CPA)
    .hint = CPA
key-detail-intake = dernière prise (jeûne)
    .hint = prise
key-detail-treatment = traitement à arrêter / revoir
key-detail-lab = résultat d'INR ou de plaquettes
key-detail-insulin = diabétique sous insuline
key-detail-bed-form = choisir le lit
key-detail-move-case = déplacer l'intervention
key-detail-stop-treatment = noter un traitement arrêté (R-MED-3)
key-detail-record-event = chronologie de J0 : noter l'événement suivant maintenant (arrivé, en salle, … retour dans le service)
key-detail-record-complication = noter une complication (R-COMP-1)
key-detail-close-complication = clore une complication ouverte avec son évolution (R-COMP-1)
key-detail-record-ossification = suivi d'ossification hétérotopique : chirurgie, prophylaxie (R-HO-1)
key-detail-ossification-xray = radio de contrôle d'ossification faite : son grade de Brooker (R-HO-1)
key-detail-void = annuler une saisie faite par erreur (prise, traitement, biologie, consultation, complication, suivi d'ossification)
key-beds-bed-cleaned = lit nettoyé : de nouveau libre
    .hint = nettoyé
key-beds-bed-close = fermer le lit
    .hint = fermer
key-beds-bed-reopen = rouvrir le lit
    .hint = rouvrir
key-admin-next-section = la liste suivante : personnel, salles, lits, types d'intervention
    .hint = liste
key-admin-prev-section = la liste précédente
key-admin-add-entry = ajouter à la liste affichée (personnel, une salle, un lit, un type d'intervention)
    .hint = ajouter
key-admin-edit-entry = modifier l'élément sélectionné
    .hint = modifier
key-admin-give-role = donner un rôle au membre du personnel sélectionné
    .hint = rôle
key-admin-retire-entry = retirer / rétablir l'élément sélectionné (gardé dans l'historique)
    .hint = retirer
key-anaesthesia-open = ouvrir l'entrée
    .hint = ouvrir
key-anaesthesia-consultation = noter la consultation (CPA)
    .hint = CPA
key-rounds-record-round = noter la tournée du patient (tours, douleur, fiches…), sur la feuille du jour
    .hint = tournée
key-rounds-report-turns = seulement les tours des séances du jour (par téléphone ; un jour passé, signalés en retard)
    .hint = tours
key-rounds-import-hexapod = une prescription d'hexapode depuis le fichier du logiciel de planification (R-DO-8)
key-rounds-log-struts = les vérins d'un cadre hexapode réglés aujourd'hui : la longueur lue sur chacun (R-DO-8)
    .hint = vérins
key-rounds-phase-step = une étape de distraction : début, pause, reprise, fin, ablation (le jour affiché)
    .hint = étape
key-rounds-void-round = annuler une tournée, une étape ou un réglage de barre saisi par erreur (mauvais patient, grade, jour, longueur) : lequel, et pourquoi
key-rounds-prev-day = la veille : ce qui a été fait, les séances manquées
    .hint = jour
key-rounds-next-day = le lendemain : le plan d'un jour à venir
key-rounds-today = retour à aujourd'hui (t note les tours ici)
key-block-prev-day = la veille (la semaine d'avant en vue semaine)
    .hint = veille
key-block-next-day = le lendemain (la semaine d'après en vue semaine)
key-block-today = retour à aujourd'hui
key-block-down = intervention suivante dans la salle
key-block-up = intervention précédente dans la salle
key-block-prev-room = la salle à gauche (l'intervention la plus proche dans le temps)
    .hint = salles
key-block-next-room = la salle à droite
key-block-move-case = déplacer l'intervention : jour, heure, salle, opérateur (avec un motif de dérogation si besoin)
    .hint = déplacer
key-block-open = ouvrir l'entrée
    .hint = ouvrir
key-block-new-admission = programmer une intervention : une nouvelle entrée et son intervention
    .hint = programmer
key-block-week-view = vue semaine : la charge de chaque salle par jour / retour au jour
    .hint = semaine
key-block-rebook = reprogrammer une intervention reportée (la liste d'attente)
key-block-cancel = annuler l'intervention (un motif de la liste)
key-block-postpone = reporter l'intervention (un motif de la liste)
key-block-record-event = chronologie de J0 : noter l'événement suivant maintenant (arrivé, en salle, … retour dans le service)
    .hint = événement
key-block-correct-event = chronologie de J0 : corriger l'heure d'un événement, ou annuler un événement noté par erreur
key-stock-receive = réception : scanner ou taper l'étiquette (GS1), vérifier, enregistrer
    .hint = réception
key-stock-reserve = réserver pour une intervention (les lots utilisables qui périment d'abord, FEFO)
    .hint = réserver
key-stock-use-device = utiliser / implanter ce lot dans une intervention (tracé)
    .hint = utiliser
key-stock-release = libérer des unités réservées pour une intervention
key-stock-return-stock = renvoyer des unités de ce lot au fournisseur
key-stock-waste = jeter des unités de ce lot (avec un motif)
key-stock-quarantine = mettre ce lot en quarantaine (avec un motif)
key-stock-recall = rappel : mettre le lot en quarantaine et lister qui l'a reçu
    .hint = rappel
key-stock-new-reference = nouvelle référence de dispositif (catalogue)
key-stock-implant-operator = noter qui l'a implanté (un enregistrement sans opérateur)
key-stock-void-implant = annuler un enregistrement d'implant de ce lot fait par erreur (unités remises ou jetées)
key-stock-lift-quarantine = lever la quarantaine de ce lot, ou son rappel (avec un motif)
key-stock-show-used-up = afficher / masquer les lots épuisés (traçabilité)
    .hint = épuisés
key-list-down = ligne suivante
key-list-up = ligne précédente
key-list-page-down = page suivante
key-list-page-up = page précédente
key-list-top = première ligne
key-list-bottom = dernière ligne
key-list-filter = filtrer la liste en tapant
    .hint = filtrer
key-list-back = effacer le filtre
key-global-next-tab = onglet suivant
key-global-prev-tab = onglet précédent
key-global-go-tab = aller à l'onglet par son numéro
key-global-help = les touches de cet écran
    .hint = aide
key-global-quit = quitter
    .hint = quitter

## Les mots du service, expliqués au pied de l'aide
help-words = Mots : RCP (réunion de concertation pluridisciplinaire) · CPA (consultation pré-anesthésique) · J-1, J0, J+1 (veille, jour, lendemain de l'intervention) · PADSS (score d'aptitude à la sortie) · ASA (classe de risque anesthésique)
