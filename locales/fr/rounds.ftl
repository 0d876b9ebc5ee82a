## L'onglet Tournées (R-DO-4…R-DO-8) : les patients porteurs d'un distracteur
## osseux, leur tournée du jour, les séances de tours et la feuille des
## vérins d'un cadre hexapode.

## Où l'os est allongé (R-DO-1)
rounds-site-femur = fémur
rounds-site-tibia = tibia
rounds-site-humerus = humérus
rounds-site-mandible = mandibule
rounds-site-midface = étage moyen
rounds-site-palate = palais
rounds-site-other = autre

## Le dispositif que l'on tourne
rounds-device-circular-frame = fixateur circulaire
rounds-device-hexapod = hexapode
rounds-device-monolateral-rail = rail monolatéral
rounds-device-motorised-nail = clou motorisé
rounds-device-internal-craniofacial = distracteur craniofacial interne
rounds-device-external-craniofacial = distracteur craniofacial externe

## L'examen neurovasculaire de la tournée
rounds-sensation-normal = normale
rounds-sensation-reduced = diminuée
rounds-sensation-absent = absente
rounds-motor-normal = normale
rounds-motor-weak = faible
rounds-motor-absent = absente
rounds-colour-normal = normale
rounds-colour-pale = pâle ou recoloration lente
rounds-colour-dusky = sombre ou cyanosée

## Étapes (R-DO-7) et phases
rounds-step-start = début de distraction
rounds-step-pause = distraction en pause
rounds-step-resume = reprise de distraction
rounds-step-end-distraction = fin de distraction
rounds-step-removal = dispositif retiré
rounds-phase-latency = latence
rounds-phase-distraction = distraction
rounds-phase-paused = pause
rounds-phase-consolidation = consolidation
rounds-phase-removed = retiré
# « distraction jour 5 »
rounds-phase-day = { $phase } jour { $day }

## Couleur d'un vérin d'hexapode (R-DO-8) ; l'en-tête de la feuille en montre .initial (deux lettres : vert et violet)
rounds-strut-colour-red = rouge
    .initial = ro
rounds-strut-colour-orange = orange
    .initial = or
rounds-strut-colour-yellow = jaune
    .initial = ja
rounds-strut-colour-green = vert
    .initial = ve
rounds-strut-colour-blue = bleu
    .initial = bl
rounds-strut-colour-purple = violet
    .initial = vi

## La liste du jour
rounds-title = { " " }TOURNÉES DISTRACTION { $day } ({ $count }) · { $when }
rounds-title-today = aujourd'hui
rounds-title-gone = le jour écoulé ({ $key } : aujourd'hui)
rounds-title-to-come = le plan à venir ({ $key } : aujourd'hui)
rounds-list-error = { " " }! lecture des tournées impossible : { $error }
rounds-list-reading = { " " }lecture…
rounds-list-empty-today = {"   "}aucun patient en distraction aujourd'hui
rounds-list-empty-day = {"   "}aucun patient en distraction ce jour-là
rounds-list-none-match = {"   "}rien ne correspond au filtre (Échap l'efface)
rounds-row-missed = ! { $count ->
    [one] 1 MANQUÉE
   *[other] { $count } MANQUÉES
}
rounds-row-overdue = ! { $count } EN RETARD
rounds-row-planned = { $count ->
    [one] 1 séance prévue
   *[other] { $count } séances prévues
}
rounds-row-length = { $done }/{ $planned } mm (cible { $target })
rounds-row-pin = fiche { $pin } grade { $grade }
rounds-row-no-round = pas de tournée
rounds-today-sessions = séances { $done }/{ $due }
rounds-today-struts = vérins { $done }/{ $due } (rév. { $revision })
# Le patient, et le numéro du dossier quand il en a deux sur la liste.
rounds-patient-case = { $patient } dossier n° { $case }

## Le panneau du patient choisi
rounds-panel-hexapod = { $site }, { $device } : révision { $revision }, { $mm } mm à { $rate } mm/j
rounds-panel-prescription = { $site }, { $device } : { $rate } mm/j × { $count ->
    [one] 1 séance
   *[other] { $count } séances
}, { $mm } mm par tour
rounds-panel-healing = indice de consolidation { $index } j/cm (R-DO-7)
rounds-panel-to-come = les alertes se jugent sur la feuille du jour ({ $key })
rounds-panel-nothing = ✓ rien à faire
rounds-panel-pin-trend = fiche { $pin } : { $grades }
rounds-panel-pin-trends = grades des fiches, { $count } dernières tournées : { $trends }
rounds-panel-title = { " " }ALERTES{ " " }
rounds-sessions-today = séances du jour : { $sessions }
rounds-sessions-day = séances du { $day } : { $sessions }
rounds-sessions-none-today = séances du jour : aucune prévue
rounds-sessions-none-day = séances du { $day } : aucune prévue
rounds-session-turns = { $turns ->
    [one] 1 tour
   *[other] { $turns } tours
}
rounds-session-done-at = à { $time }
rounds-session-reported = signalé le { $when }
rounds-session-corrected = { " " }(corrigé)
rounds-session-to-come = { $session } à { $time } ({ $turns ->
    [one] 1 tour
   *[other] { $turns } tours
})
rounds-session-missed = { $session } ✗ manquée
rounds-session-overdue = { $session } ! en retard
rounds-session-due = { $session } due à { $time }
rounds-session-at = { $session } à { $time }
rounds-round-voided = tournée n° { $id } { $time } ✗ annulée : { $why }
rounds-round-pins = , fiches { $pins }
rounds-round = tournée n° { $id } { $time } : douleur { $pain }/10{ $pins }
rounds-round-none-today = pas encore de tournée aujourd'hui
rounds-round-none-day = pas de tournée ce jour-là

## La courbe de longueur
rounds-chart-plan = plan ─
rounds-chart-done = fait █
rounds-chart-title = { " " }LONGUEUR, mm par jour{ " " }
rounds-chart-days = { $days } j

## La feuille des vérins d'un cadre hexapode (R-DO-8)
rounds-struts-title = { " " }VÉRINS, mm · révision { $revision }{ " " }
rounds-struts-day = jour
rounds-struts-legend = + fait ! écart/2× x manqué _ à faire * change

## Ce que les touches refusent, et pourquoi
rounds-refused-to-come = le { $day } n'est pas encore là : on n'enregistre { $what } de ce jour que le jour même ; { $key } revient à aujourd'hui
rounds-refused-what-round = une tournée
rounds-refused-what-struts = les vérins
rounds-refused-what-turns = les tours
rounds-refused-gone-round = le { $day } est passé : une tournée s'enregistre au lit du patient, sur la feuille du jour ({ $key } revient à aujourd'hui) ; les tours de ce jour signalés en retard s'enregistrent avec { $turns }
rounds-refused-gone-struts = le { $day } est passé : les vérins se notent sur la feuille du jour, à la lecture ({ $key } revient à aujourd'hui)
rounds-refused-no-patient = aucun patient choisi (personne en distraction, ou le filtre les cache tous)
rounds-refused-nothing-to-void = plus aucune tournée ni étape de ce patient à annuler (aucune enregistrée, ou toutes annulées)
rounds-refused-no-session-today = aucune séance prévue aujourd'hui ni enregistrée : rien à signaler ni à corriger
rounds-refused-no-session-day = aucune séance prévue le { $day } ni enregistrée : rien à signaler ni à corriger
rounds-refused-not-hexapod = le cadre de ce patient est un { $device }, pas un hexapode ; une table de vérins est pour un cadre hexapode (R-DO-8)
rounds-refused-no-hexapod = pas de prescription hexapode pour ce patient ; un médecin l'enregistre avec `periop hexapod import` (R-DO-8)
rounds-refused-struts-done = tous les vérins du jour sont notés (aucun reste à régler)

## Le formulaire de tournée (R-DO-5)
rounds-round-title = Tournée : { $site } { $phase }, { $done } sur { $target } mm
rounds-round-recorded-session = { $session } : { $turns ->
    [one] { $turns } tour
   *[other] { $turns } tours
}
rounds-round-recorded = déjà saisi aujourd'hui : séance { $sessions } ; { $key } corrige un compte
rounds-field-session = Séance { $session } : tours
rounds-field-session-recorded = Séance { $session } : tours (saisis)
rounds-field-by-phone = Signalé par téléphone
rounds-field-pain = Douleur (0-{ $max })
rounds-field-pain-name = Douleur
rounds-field-pain-missing = Douleur : un score de 0 à { $max }
rounds-field-sensation = Sensibilité
rounds-field-motor = Motricité
rounds-field-colour = Coloration / recoloration
rounds-field-choose = { $field } : à choisir
rounds-field-mouth = Ouverture buccale (mm)
rounds-field-mouth-name = Ouverture buccale
rounds-field-occlusion = Occlusion correcte
rounds-field-rom = Amplitude articulaire (degrés)
rounds-field-rom-name = Amplitude articulaire
rounds-field-temperature = Température (°C)
rounds-field-temperature-not-number = Température : un nombre comme { $example }
rounds-field-pin = Fiche { $pin } : grade (0-{ $max })
rounds-field-pin-missing = { $field } : gradez chaque fiche
rounds-field-pin-care = Soins des fiches faits
rounds-field-note = Note
rounds-field-not-whole = { $field } : un nombre entier

## Le formulaire des tours (t)
rounds-turns-title = Tours : { $site }
rounds-turns-title-late = Tours du { $day } (signalés en retard) : { $site }
rounds-turns-to-correct = pour corriger une séance saisie, changez ses tours
rounds-turns-none = Tours : saisissez les tours d'une séance
rounds-turns-none-or-correct = Tours : saisissez les tours d'une séance, ou changez une séance saisie pour la corriger

## Le formulaire d'étape (R-DO-7)
rounds-step-title = Étape de distraction
rounds-step-name = Étape
rounds-step-field-kind = Étape
rounds-step-field-day = Le (jj/mm/aaaa)
rounds-step-field-reason = Pourquoi (requis pour une pause)
rounds-step-field-rate = Nouvelle vitesse, mm/j (reprise)
rounds-step-pause-needs-reason = Pourquoi : une pause demande une raison (R-DO-7)
rounds-step-rate-not-number = Nouvelle vitesse : un nombre comme { $example }
rounds-step-rate-only-resume = Nouvelle vitesse : seule une reprise change la vitesse (R-DO-7)

## Le formulaire d'annulation (V)
rounds-void-title = Annuler tournée, étape ou vérin saisi par erreur (R-DO-5, R-DO-7, R-DO-8)
rounds-void-field-entry = Laquelle
rounds-void-field-reason = Ce qui était faux
rounds-void-kept = gardé dans l'historique ; les alertes et grades d'une tournée ne comptent plus (ses tours restent), une étape sort du plan
rounds-void-step-rate = { " " }à { $rate } mm/j
rounds-void-step = étape n° { $id } { $day } { $step }{ $rate } · { $who }
rounds-void-pins = { " " }· fiches { $pins }
rounds-void-round = n° { $id } { $time } · douleur { $pain }/10{ $pins } · { $who }
rounds-void-strut = vérin n° { $id } · vérin { $strut } réglé à { $mm } mm pour le { $day } · { $time }

## Le formulaire des vérins (x, R-DO-8)
rounds-field-strut = Vérin { $strut } réglé à (mm)
rounds-struts-form-title = Vérins du { $day }, révision { $revision } (R-DO-8)
rounds-struts-form-sheet-says = la feuille indique (mm) : { $lengths } ; réglez dans l'ordre, puis saisissez chaque longueur lue (vide : non fait)
rounds-struts-form-not-a-length = { $field } : une longueur comme 162,5
rounds-struts-form-none = Vérins : saisissez la longueur d'au moins un vérin réglé

## Import par un médecin d'une prescription hexapode (R-DO-8)
rounds-import-title = Prescription hexapode (R-DO-8)
rounds-import-file = Fichier de la table (chemin)
rounds-import-note = Pourquoi (p. ex. après la radio)
rounds-import-revision = enregistrer crée la révision { $next } et annule la révision { $revision } (elle reste imprimable, ne prend plus de vérins)
rounds-import-lines = lignes : plan,MM,MM_PER_DAY / strut,N,COLOUR,SIZE,MIN,MAX / day,DATE,L1..L6 / change,…
rounds-import-no-file = Fichier de la table : donnez le chemin de la table enregistrée par le logiciel de planification

## Ce que dit la barre d'aide après l'enregistrement
rounds-saved-round = { $sessions ->
    [0] tournée enregistrée
    [one] tournée enregistrée, 1 séance
   *[other] tournée enregistrée, { $sessions } séances
}
rounds-saved-sessions = { $sessions ->
    [one] 1 séance
   *[other] { $sessions } séances
}, { $turns ->
    [one] { $turns } tour enregistré
   *[other] { $turns } tours enregistrés
}
rounds-saved-late = { " " }pour le { $day }, signalé en retard
rounds-saved-by-phone = { " " }(par téléphone)
rounds-saved-corrected = séance { $session } corrigée de { $from } à { $turns ->
    [one] { $turns } tour
   *[other] { $turns } tours
} (gardé dans l'audit)
rounds-saved-nothing = rien de changé : les tours saisis sont ceux déjà enregistrés
rounds-saved-struts = { $count ->
    [one] vérin { $struts } noté pour le { $day }
   *[other] vérins { $struts } notés pour le { $day }
}
rounds-saved-file = le fichier { $file }
rounds-saved-file-unread = { $error } ; donnez le chemin de la table enregistrée par le logiciel de planification, sur ce serveur
rounds-saved-hexapod = prescription hexapode révision { $revision } enregistrée ({ $plan })
rounds-saved-void = {" "}; la révision { $revision } est annulée
rounds-saved-plan = { $mm } mm à { $rate } mm/j en { $days } jours
rounds-saved-step = { $step } le { $day }

## Alertes (R-DO-3, R-DO-4, R-DO-6, R-DO-7) : quelques mots en capitales,
## puis le détail et quoi faire. { $setting } cite le réglage du site.
rounds-alert-overdue = SÉANCE EN RETARD : la séance { $session } était prévue à { $time }{ $more } ; saisissez les tours ou dites pourquoi
rounds-alert-overdue-more = { " " }(et { $count } de plus)
rounds-alert-length = LONGUEUR HORS PLAN : { $done } mm faits contre { $planned } mm prévus à ce jour ({ $setting }) ; { $todo }
rounds-alert-length-ended = les tours prévus ont pris fin le { $day } : saisissez les tours faits, ou la fin de distraction
rounds-alert-length-review = revoyez les tours
rounds-alert-healing = INDICE DE CONSOLIDATION { $index } j/cm : au-dessus de { $setting } ; 30-50 j/cm est attendu
rounds-alert-yesterday = hier
rounds-alert-today = aujourd'hui
rounds-alert-turns-in = TOURS EN { $phase } : { $mm } mm tournés { $when }, alors qu'aucun tour n'était prévu ; prévenez le chirurgien
rounds-alert-daily = TOTAL DU JOUR HORS PLAN : { $done } mm tournés { $when } contre { $planned } mm prescrits ({ $setting })
rounds-alert-pin = FICHE GRADE { $grade } : fiche { $pin } ; { $action }
rounds-alert-pin-major = infection majeure : appelez le chirurgien maintenant
rounds-alert-pin-urgent = avis médical urgent
rounds-alert-pin-notify = prévenez le médecin (antibiotiques oraux)
rounds-alert-fever = FIÈVRE { $temperature } °C AVEC SIGNES AUX FICHES : grade { $grade } à la fiche { $pin } ({ $setting }) ; avis urgent
rounds-alert-sensation = sensibilité { $now } (était { $was })
rounds-alert-motor = motricité { $now } (était { $was })
rounds-alert-nerve = NOUVEAU DÉFICIT NERVEUX : { $deficits } ; proposez une pause de la distraction et un avis du chirurgien
rounds-alert-pain = DOULEUR EN HAUSSE : { $pain }/10 contre { $was }/10 à la tournée précédente
rounds-alert-rom = AMPLITUDE EN BAISSE : { $now }° contre { $base }° à la première tournée ({ $setting }) ; avis kinésithérapeute
rounds-alert-rate = RYTHME ÉLEVÉ : { $rate } mm/j dépasse { $setting } ; vérifiez la prescription

## Le carnet d'un cadre hexapode (R-DO-8)
# « 3 (jaune, short 116–176 mm) »
rounds-strut-fit = { $strut } ({ $colour }, { $size } { $min }–{ $max } mm)
rounds-flag-missed = VÉRIN OUBLIÉ : { $count ->
    [one] vérin
   *[other] vérins
} { $struts } non réglé(s) pour le { $day } ; réglez maintenant à la longueur de la feuille ou demandez au chirurgien
rounds-flag-doubled = VÉRIN EN DOUBLE : vérin { $strut } réglé { $count } fois pour le { $day } ; vérifiez sa longueur sur la feuille
rounds-flag-early = VÉRIN EN AVANCE : vérin { $strut } réglé le { $on } pour le { $day }, { $days ->
    [one] un jour
   *[other] { $days } jours
} trop tôt ; vérifiez-le sur la feuille
rounds-flag-ahead = VÉRIN EN DOUBLE : vérin { $strut } réglé à { $mm } mm pour le { $day }, la longueur du lendemain ; laissez-le ainsi et sautez celui de demain, ou demandez au chirurgien
rounds-flag-off-sheet = VÉRIN HORS FEUILLE : vérin { $strut } réglé à { $mm } mm pour le { $day }, la feuille dit { $sheet } mm ; corrigez-le
rounds-flag-out-of-order = VÉRINS DANS LE DÉSORDRE : le { $day }, le vérin { $first } a été réglé avant le vérin { $second } ; l'ordre de la feuille est 1 à 6, vérifiez les deux longueurs
rounds-flag-frame-differs = CADRE DIFFÉRENT DE LA FEUILLE : le vérin { $strut } a été réglé en dernier à { $mm } mm (pour le { $on }), la feuille le fait partir de { $starts } mm le { $day } ; vérifiez le cadre sur l'impression
rounds-flag-change = CHANGEMENT DE VÉRIN { $today ->
    [yes] AUJOURD'HUI
   *[no] DEMAIN
} : vérin { $strut } ({ $colour }) de { $from } à { $to } ({ $min }–{ $max } mm) ; préparez-le
rounds-flag-travel-end = VÉRIN EN FIN DE COURSE : le vérin { $strut } atteint { $mm } mm le { $day }, à { $left } mm de sa butée ({ $setting }) ; un changement de vérin peut être nécessaire
rounds-refusal-no-strut = le vérin { $strut } n'existe pas ; un hexapode a les vérins 1 à { $struts }
rounds-refusal-first-day = le { $day } est le premier jour de la table, le cadre tel qu'il est ; les réglages commencent le { $next }
rounds-refusal-not-a-day = le { $day } n'est pas un jour de cette prescription (elle va du { $first } au { $last }) ; vérifiez le jour
rounds-refusal-out-of-range = le vérin { $strut } ne peut pas être réglé à { $mm } mm : hors de sa plage catalogue ; vérifiez la lecture

## Refus d'une étape (R-DO-7)
rounds-phase-in-latency = en latence
rounds-phase-in-distraction = en distraction
rounds-phase-in-pause = en pause
rounds-phase-in-consolidation = en consolidation
rounds-phase-in-removed = retiré (le dispositif est enlevé)
rounds-steps-from-latency = saisissez d'abord le début de distraction (start)
rounds-steps-from-distraction = depuis la distraction, saisissez une pause (pause) ou sa fin (end_distraction)
rounds-steps-from-paused = depuis une pause, saisissez la reprise (resume) ou la fin de distraction (end_distraction)
rounds-steps-from-consolidation = depuis la consolidation, il ne reste que le retrait du dispositif (removal)
rounds-steps-from-removed = rien ne suit un retrait ; si une étape a été saisie par erreur, annulez-la (periop void step ID)
rounds-step-in-future = « { $step } » ne peut pas être daté du { $day }, après aujourd'hui ({ $today }) : une étape se saisit une fois faite ; saisissez-la le jour venu
rounds-step-before-osteotomy = { $step } ne peut pas précéder l'ostéotomie ({ $day })
rounds-step-before-last = { $step } ne peut pas précéder la dernière étape saisie ({ $day })
rounds-step-already-started = la distraction a déjà commencé (le { $day }) ; si ce début a été saisi par erreur, annulez-le (periop void step ID)
rounds-step-not-now = impossible de saisir « { $step } » le { $day } : le dossier est { $phase } ce jour-là ; { $next }

## Refus des valeurs d'une tournée (R-DO-5)
rounds-check-pain = la douleur se note de 0 à { $max }, pas { $value }
rounds-check-rom = l'amplitude articulaire va de 0 à { $max } degrés, pas { $value }
rounds-check-mouth = l'ouverture buccale va de 0 à { $max } mm, pas { $value }
rounds-check-temperature = la température va de { $min } à { $max } °C, pas { $value }
rounds-check-pin = le grade de la fiche { $pin } va de 0 à { $max } (Checketts–Otterburn), pas { $value }
rounds-check-pins = ce cadre a { $pins } fiches ; gradez chacune ({ $given } données)
rounds-check-session = la séance { $session } n'existe pas : le rythme est de { $rhythm } par jour
rounds-check-turns = { $turns } tours en une séance, c'est plus que { $max } ; vérifiez le compte

## Refus d'une table hexapode (R-DO-8, l'import)
rounds-table-no-correction = la correction doit dépasser 0 mm ; recopiez-la de l'impression
rounds-table-no-rate = la vitesse doit dépasser 0 mm/j ; recopiez-le de l'impression
rounds-table-no-day = la table n'a aucun jour ; donnez les longueurs du cadre le premier jour, puis chaque jour suivant
rounds-table-first-day-only = la table n'a que son premier jour ; donnez chaque jour de réglage ensuite
rounds-table-out-of-order = le { $day } vient après le { $before } dans la table ; les jours vont dans l'ordre, une fois chacun
rounds-table-gap = la table saute du { $from } au { $to } ; donnez chaque jour (un jour sans changement répète les longueurs)
rounds-table-days = la table a { $days } jours de réglage pour une correction de { $mm } mm à { $rate } mm/j, qui en demande { $needed } ; vérifiez la correction, la vitesse et les jours de l'impression
rounds-table-no-size = le vérin { $strut } n'a pas de taille le { $day }, premier jour ; donnez sa couleur, sa taille et sa plage catalogue
rounds-table-same-colour = deux vérins sont { $colour } ; chaque vérin a sa couleur, comme sur le cadre
rounds-table-range = la plage catalogue { $min }–{ $max } mm du vérin { $strut } est impossible ; donnez la plus courte puis la plus longue longueur
rounds-table-change-off-table = le vérin { $strut } change le { $day }, un jour hors de la table ({ $first } au { $last })
rounds-table-twice = le vérin { $strut } est donné deux fois à partir du { $day } ; une fois par jour
rounds-table-no-change = aucun vérin ne change de longueur dans la table ; vérifiez les longueurs de l'impression
rounds-table-no-length = le vérin { $strut } n'a pas de longueur le { $day }
rounds-table-out-of-range = le vérin { $strut } fait { $mm } mm le { $day } : hors de sa plage catalogue ; prévoyez un changement de vérin ou vérifiez la longueur
rounds-table-pace = le vérin { $strut } bouge de { $mm } mm du { $from } au { $to }, plus de { $max } mm en un jour ; vérifiez les longueurs de l'impression

## Le panneau quand aucune alerte n'est levée mais que des vérins restent à tourner aujourd'hui
rounds-panel-struts-left = · { $left } { $left ->
        [one] vérin
       *[other] vérins
    } sur { $due } à tourner ({ $key })
