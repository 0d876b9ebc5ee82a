## Les réglages du site (`periop settings`, l'onglet Admin) : ce qu'est
## chaque valeur, d'où elle vient, et pourquoi une valeur est refusée. Les
## clés (`fast.clear_h`) sont des codes et ne changent pas.

## Une alerte qui cite son seuil : « fast.clear_h=2 h (recommandations adultes ASA 2017 / SFAR / ESAIC) »
settings-cite = { $key }={ $value } ({ $source })
settings-cite-customised = { $key }={ $value } ({ $source }, réglé pour ce site)

## Refus
settings-unknown = aucun réglage ne s'appelle { $key } ; `periop settings` les liste tous
settings-invalid = { $key } doit être { $expected }, pas { $value }
settings-out-of-range = { $key } doit aller de { $low } à { $high } { $unit }, pas { $value }
settings-order = { $first } ({ $early }) doit précéder { $last } ({ $late }) dans la journée
settings-expected-number = un nombre, comme 6 ou 1,5
settings-expected-integer = un nombre entier, comme -1 ou 60
settings-expected-time = une heure HH:MM, comme 14:00
settings-expected-zone = un nom de fuseau horaire, comme Europe/Paris
settings-expected-language = en ou fr
settings-expected-scan-key = none, ou un caractère qu'aucun lot ni numéro de série ne peut contenir (comme ~ | # ^ ou `)

## Unités (les symboles h, min, mm, °C, G/L sont les mêmes dans les deux langues)
settings-unit-days = jours
settings-unit-months = mois
settings-unit-degrees = degrés
settings-unit-sessions-day = séances/jour
settings-unit-mm-day = mm/jour
settings-unit-d-cm = j/cm
settings-unit-time = heure
settings-unit-zone = fuseau
settings-unit-language = langue
settings-unit-key = touche

## D'où vient chaque valeur : settings-source- et la clé, `-` pour `.` et `_`
settings-source-ward-timezone = site : l'heure locale du service, pour l'affichage et pour « aujourd'hui »
settings-source-site-language = site : la langue de l'écran après --lang, PERIOP_LANG, celle du compte et la locale
settings-source-path-admit-offset-days = parcours de l'hôpital source : admis la veille au soir
settings-source-path-discharge-offset-days = parcours de l'hôpital source : retour à domicile le lendemain, sauf incident
settings-source-path-admit-expected-by = site : heure d'arrivée attendue au plus tard à J-1
settings-source-anes-cpa-min-delay-h = CSP D.6124-92 ; décret du 5 décembre 1994 (« plusieurs jours »)
settings-source-anes-cpa-validity-days = règle du site
settings-source-fast-solids-h = recommandations adultes ASA 2017 / SFAR / ESAIC
settings-source-fast-fatty-meal-h = recommandations adultes ASA 2017 / SFAR / ESAIC
settings-source-fast-clear-h = recommandations adultes ASA 2017 / SFAR / ESAIC
settings-source-fast-child-breast-milk-h = recommandations pédiatriques ESAIC 2022
settings-source-fast-child-formula-h = recommandations pédiatriques ESAIC 2022
settings-source-fast-child-clear-h = recommandations pédiatriques ESAIC 2022
settings-source-fast-excess-alert-h = site : proposer des liquides clairs quand le jeûne dépasse la prescription
settings-source-fast-diabetic-max-h = recommandations SFAR/SFD sur le diabète périopératoire
settings-source-med-inr-max = GIHP / SFAR, actes à haut risque hémorragique
settings-source-med-platelets-min = GIHP / SFAR, actes à haut risque hémorragique
settings-source-med-lab-validity-h = règle du site
settings-source-block-turnover-min = site : bionettoyage et préparation de la salle
settings-source-block-freeze-time = site : programme du lendemain figé après cette heure à J-1
settings-source-stock-expiry-alert-days = règle du site
settings-source-stock-scanner-gs-key = site : ce que les lecteurs envoient pour GS (ASCII 29 est toujours lu)
settings-source-do-max-rate-mm-day = Ilizarov ; au-delà, le risque de régénérat médiocre est environ neuf fois plus élevé
settings-source-do-latency-limb-days = membre, adulte : 5-7 jours après l'ostéotomie
settings-source-do-latency-craniofacial-days = craniofacial, enfant : 2-5 jours
settings-source-do-rate-mm-day = Ilizarov : 1 mm par jour
settings-source-do-rhythm-limb = Ilizarov : 4 x 0,25 mm
settings-source-do-rhythm-craniofacial = protocoles de distraction craniofaciale
settings-source-do-first-session = site : heure à laquelle la première séance du jour est due
settings-source-do-last-session = site : heure à laquelle la dernière séance du jour est due
settings-source-do-daily-tolerance-mm = règle du site
settings-source-do-length-tolerance-mm = règle du site
settings-source-do-session-late-h = règle du site
settings-source-do-fever-c = règle du site
settings-source-do-rom-loss-deg = règle du site
settings-source-do-hi-alert = littérature sur l'indice de consolidation : 30-50 j/cm attendus
settings-source-do-strut-max-mm-day = règle du site : un tableau d'hexapode qui déplace un vérin de plus que cela en un jour est refusé
settings-source-do-strut-travel-margin-mm = règle du site : un vérin d'hexapode aussi près d'une extrémité de sa course est signalé
settings-source-ho-followup-months = règle du site : radio de contrôle des ossifications hétérotopiques
settings-source-ui-idle-lock-min = règle du site : un écran laissé sans surveillance masque l'identité des patients
