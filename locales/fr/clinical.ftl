## Formulaires sur l'état du patient (app::forms::clinical)
clinical-consultation = Consultation d'anesthésie (CPA)
clinical-cpa-outcome = { $outcome ->
        [cleared] apte
        [refused] refusée
        [pending] en attente
       *[other] { $outcome }
    }
clinical-held-on = Faite le (jj/mm/aaaa)
clinical-at = À (HH:MM)
clinical-anaesthetist = Anesthésiste
clinical-not-named = non nommé
clinical-asa = Classe ASA (I-VI, E)
clinical-planned-mode = Anesthésie prévue
clinical-outcome = Conclusion
clinical-notes = Notes (requises si refus)
clinical-asa-bad = Classe ASA : { $why }
clinical-outcome-choose = Conclusion : en choisir une
clinical-notes-refused = Notes : dites pourquoi l'anesthésiste a refusé (R-ANES-5)
clinical-planned-mode-choose = Anesthésie prévue : en choisir une
clinical-intake = Dernière prise
clinical-what = Quoi
clinical-day = Jour (jj/mm/aaaa)
clinical-time = Heure (HH:MM)
clinical-what-choose = Quoi : en choisir un
clinical-treatment = Traitement à arrêter ou revoir
clinical-drug-class = Classe
clinical-drug-choose = Classe : en choisir une
clinical-inr = INR
clinical-platelets = plaquettes (G/L)
clinical-lab = Résultat de bilan
clinical-test = Examen
clinical-value = Valeur
clinical-taken-on = Prélevé le (jj/mm/aaaa)
clinical-value-number = Valeur : un nombre
clinical-value-implausible = Valeur : { $item } { $why }

## Complications depuis la page d'une admission (app::forms::complications)
clinical-close-ask = Clore cette complication ?
clinical-close-outcome = Évolution : { $outcome }
clinical-record-complication = Noter une complication (R-COMP-1)
clinical-kind = Type
clinical-severity = Gravité
clinical-began-on = Début le (jj/mm/aaaa)
clinical-what-seen = Ce qui a été vu
clinical-kind-choose = Type : en choisir un avec ← →
clinical-severity-choose = Gravité : en choisir une avec ← →
clinical-began-on-bad = Début le : { $why }
clinical-close-complication = Clore une complication (R-COMP-1)
clinical-complication = Complication
clinical-close-outcome-field = Évolution
clinical-complication-choose = Complication : en choisir une avec ← →
clinical-outcome-bad = Évolution : { $why }

## Suivi d'ossification depuis la page d'une admission (app::forms::ossification)
clinical-ho-given-because = Donnée alors car : { $reason }
clinical-ho-record-anyway = L'enregistrer malgré l'alerte R-HO-1 ?
clinical-ho-title = Suivi d'ossification (R-HO-1)
clinical-ho-surgery-on = Chirurgie le (jj/mm/aaaa)
clinical-ho-surgery-at = Chirurgie à (HH:MM)
clinical-ho-prophylaxis = Prophylaxie
clinical-ho-given-on = Donnée le (vide : chirurgie)
clinical-ho-given-at = Donnée à (vide : chirurgie)
clinical-ho-drug = AINS (ex. indométacine)
clinical-ho-days = Jours d'AINS (vide : 10)
clinical-ho-dose = Dose de radiothérapie (Gy)
clinical-ho-reason = Motif hors fenêtre
clinical-ho-surgery-on-bad = Chirurgie le : { $why }
clinical-ho-surgery-at-bad = Chirurgie à : { $why }
clinical-ho-prophylaxis-choose = Prophylaxie : en choisir une avec ← →
clinical-ho-given-on-bad = Donnée le : { $why }
clinical-ho-given-at-bad = Donnée à : { $why }
clinical-ho-none-given = Donnée le : aucune prophylaxie donnée ; effacez le jour et l'heure, ou choisissez ce qui a été donné
clinical-ho-dose-needed = Dose de radiothérapie : une radiothérapie demande sa dose (une dose de 7-8 Gy)
clinical-ho-dose-number = Dose de radiothérapie : un nombre comme 7,5
clinical-ho-only-nsaid-drug = AINS : seule une cure d'AINS en a un ; effacez-le ou choisissez une cure d'AINS
clinical-ho-only-nsaid-days = Cure d'AINS : seule une cure d'AINS en a une ; effacez-la ou choisissez une cure d'AINS
clinical-ho-only-radiotherapy = Dose de radiothérapie : seule une radiothérapie en a une ; effacez-la ou choisissez une radiothérapie
clinical-ho-prophylaxis-bad = Prophylaxie : { $why } (R-HO-1)
clinical-ho-reason-needed = Motif hors fenêtre : { $warning } ; pour l'enregistrer quand même, dites pourquoi elle a été donnée alors
clinical-ho-reason-not-needed = Motif hors fenêtre : la prophylaxie est dans la fenêtre R-HO-1 ; effacez ce champ
clinical-ho-choice = n° { $id } chirurgie { $surgery } · prévue { $due }
clinical-ho-xray-title = Radio de contrôle d'ossification (R-HO-1)
clinical-ho-follow-up = Suivi
clinical-ho-xray-on = Radio le (jj/mm/aaaa)
clinical-ho-grade = Grade de Brooker
clinical-ho-follow-up-choose = Suivi : en choisir un avec ← →
clinical-ho-xray-on-bad = Radio le : { $why }
clinical-ho-grade-choose = Grade de Brooker : en choisir un avec ← →

## La liste de préparation (domain::checklist)
clinical-check-rcp-decision = décision RCP
clinical-check-radiology-consultation = consultation de radiologie
clinical-check-signed-consent = consentement signé
clinical-check-imaging-file = dossier d'imagerie
clinical-check-carte-vitale = carte Vitale
clinical-check-mutuelle-card = carte de mutuelle
clinical-check-escort = accompagnant
clinical-check-medication-plan-reviewed = plan médicamenteux revu

## Complications (domain::complications)
clinical-kind-infection = infection
clinical-kind-persistent-pain = douleur persistante
clinical-kind-non-union = pseudarthrose
clinical-kind-malunion = cal vicieux
clinical-kind-implant-reaction = réaction à l'implant
clinical-kind-nerve-damage = lésion nerveuse
clinical-kind-joint-stiffness = raideur articulaire
clinical-kind-device-problem = problème de dispositif
clinical-kind-occlusion-problem = trouble de l'occlusion
clinical-kind-heterotopic-ossification = ossification hétérotopique
clinical-kind-other = autre
clinical-severity-mild = légère
clinical-severity-moderate = modérée
clinical-severity-severe = grave
clinical-complication-voided = ✗ annulée
clinical-complication-open = ! ouverte
clinical-complication-closed = ✓ clôturée
clinical-complication-summary = { $kind } ({ $severity }) depuis le { $since }
clinical-complication-after-today = début le { $onset }, après aujourd'hui ({ $today }) ; donnez le jour du début
clinical-complication-note-long = la note dépasse { $max } caractères ; raccourcissez-la
clinical-complication-no-outcome = pour la clore, dites ce qu'elle est devenue (l'évolution)
clinical-complication-outcome-long = l'évolution dépasse { $max } caractères ; raccourcissez-la
clinical-complication-alert = COMPLICATION : { $summary }, ouverte

## Ossification hétérotopique (domain::ossification)
clinical-brooker-0 = 0 : aucune
clinical-brooker-1 = I : îlots osseux
clinical-brooker-2 = II : éperons, écart > 1 cm
clinical-brooker-3 = III : éperons, écart < 1 cm
clinical-brooker-4 = IV : ankylose osseuse
clinical-prophylaxis-none = aucune
clinical-prophylaxis-nsaid = cure d'AINS
clinical-prophylaxis-radiotherapy = radiothérapie
clinical-ho-no-prophylaxis = pas de prophylaxie
clinical-ho-nsaid-words = { $drug } pendant { $days } jours dès le { $from }
clinical-ho-radiotherapy-words = radiothérapie { $dose } Gy le { $at }
clinical-ho-name-nsaid = nommez l'AINS (comme l'indométacine)
clinical-ho-nsaid-days-bad = une cure d'AINS dure de 1 à { $max } jours (en général { $usual }), pas { $days }
clinical-ho-dose-bad = une dose de radiothérapie est de plus de 0 et d'au plus { $max } Gy (en général 7-8), pas { $dose }
clinical-ho-hours = { $hours } h
clinical-ho-hours-minutes = { $hours } h { $minutes } min
clinical-ho-rt-too-early = RADIOTHÉRAPIE OH HORS DÉLAI : donnée { $time } avant la chirurgie ; R-HO-1 la veut entre 4 h avant et 72 h après
clinical-ho-rt-too-late = RADIOTHÉRAPIE OH HORS DÉLAI : donnée { $time } après la chirurgie ; R-HO-1 la veut entre 4 h avant et 72 h après
clinical-ho-rt-dose = RADIOTHÉRAPIE OH DOSE : { $dose } Gy ; R-HO-1 donne une dose unique de 7-8 Gy
clinical-ho-xray-overdue = RADIO OH EN RETARD : prévue le { $on } (il y a { $count ->
        [one] { $count } jour
       *[other] { $count } jours
    }, { $cite } après la chirurgie)
clinical-ho-xray-due-today = RADIO OH À FAIRE : aujourd'hui ({ $cite } après la chirurgie)
clinical-ho-xray-due-soon = RADIO OH À FAIRE : le { $on }, dans { $count ->
        [one] { $count } jour
       *[other] { $count } jours
    } ({ $cite } après la chirurgie)
