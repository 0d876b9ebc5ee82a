# Les onglets Tableau, Entrées, Lits et Anesthésie (issue 14).

## Le tableau
board-today = aujourd'hui
board-not-today = pas aujourd'hui : t y revient
board-filter = filtre :
board-error = ! lecture du tableau impossible : { $error }
board-reading = lecture…
board-count-of = { $shown } sur { $total }
board-section-attention = À TRAITER
board-section-arriving = ARRIVÉES
board-section-procedures = INTERVENTIONS
board-section-leaving = SORTIES
board-no-match = rien ici ne correspond au filtre
board-no-match-esc = rien ici ne correspond au filtre (Échap l'efface)
board-empty-attention = ✓ rien à traiter
board-empty-arriving = aucune arrivée
board-empty-procedures = aucune intervention
board-empty-leaving = aucune sortie
# board-no-bed-short : dans la colonne des lits de la ligne (8 cases)
board-no-bed = sans lit
board-no-bed-short = aucun
board-bed = lit { $bed }
board-check-complete = contrôle de sortie complet
board-missing = manque : { $items }
board-planned-span = prévu du { $from } au { $to }
board-no-check = · pas encore contrôlé
board-check = ✓ contrôle { $total }/10
board-planned = prévue le { $day }
board-no-admission-to-open = ce patient n'a pas de séjour à ouvrir : `periop complications --patient HOSPITAL_NUMBER` liste ses complications (`periop complications close ID` en clôt une), `periop ossification --patient HOSPITAL_NUMBER` ses suivis
board-not-one-admission = cette ligne ne concerne pas un seul séjour
board-select-arriving = choisissez d'abord un patient qui arrive ({ $keys } pour se déplacer)

## L'onglet Entrées
board-admissions-title = ENTRÉES ({ $count })
board-admissions-filter = filtre : { $text }
board-admissions-every-day = tous les jours (récents d'abord)
board-admissions-covering = séjours couvrant le { $day }
board-admissions-any-state = tout état
board-admissions-head-state = état
board-admissions-head-patient = patient
board-admissions-head-bed = lit
board-admissions-head-readiness = préparation
board-admissions-head-procedure = intervention · jeûne
board-admissions-error = ! lecture des entrées impossible : { $error }
board-admissions-empty = aucune entrée ne correspond : [ ] change le jour, w tous les jours, s l'état, n nouvelle
board-admissions-none-listed = aucune entrée listée : { $day } change le jour, { $any } tous les jours, { $state } l'état, { $filter } le filtre
board-admissions-select-first = choisissez d'abord une entrée
board-admissions-still-reading = la liste est encore en lecture pour « { $filter } » : attendez-la, puis appuyez de nouveau sur la touche
board-admissions-not-planned = { $who } : { $state } ; seule une arrivée prévue peut être admise
board-admissions-admit-title = Admettre ce patient ?
board-admissions-no-bed = aucun lit attribué
board-admissions-procedure-on = { $procedure } le { $day }
board-admissions-no-procedure = aucune intervention programmée
board-admissions-planned-arrival = arrivée prévue le { $day }

## L'onglet Lits
board-beds-title = LITS  libres { $free } · réservés { $reserved } · occupés { $occupied } · à nettoyer { $to_clean } · fermés { $closed }
board-beds-error = ! lecture des lits impossible : { $error }
board-beds-empty = pas encore de lits : un administrateur les ajoute
board-beds-expected = arrivée attendue ce soir : { $patient }
board-beds-none-selected = aucun lit choisi (le filtre les cache peut-être tous)
board-beds-refused = lit { $bed } : { $why }
board-beds-ask-cleaned = Lit { $bed } nettoyé ?
board-beds-ask-close = Fermer le lit { $bed } ?
board-beds-ask-reopen = Rouvrir le lit { $bed } ?
board-beds-now = actuellement : { $status }

## L'onglet Anesthésie
board-anaesthesia-title = CONSULTATIONS À RÉGLER ({ $count })
board-anaesthesia-error = ! lecture de la liste impossible : { $error }
board-anaesthesia-empty = ✓ chaque intervention à venir sous anesthésie a une consultation valide
board-anaesthesia-none-selected = aucune intervention choisie (le filtre les cache peut-être toutes)
