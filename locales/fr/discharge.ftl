## La sortie (domain::discharge) : les items du score PADSS de Chung
## (Post-Anaesthetic Discharge Scoring System), chacun coté 0, 1 ou 2
discharge-padss-vital-signs = signes vitaux
discharge-padss-activity-mental-state = activité et état mental
discharge-padss-pain-nausea-vomiting = douleur, nausées/vomissements
discharge-padss-surgical-bleeding = saignement chirurgical
discharge-padss-intake-output = ingesta et diurèse

## Un score hors des bornes (R-DISCH-1)
discharge-padss-score = chaque item du PADSS est coté 0, 1 ou 2 ; « { $item } » a reçu { $value }
