## Going home (domain::discharge): the items of Chung's PADSS
## (Post-Anaesthetic Discharge Scoring System), each scored 0, 1 or 2
discharge-padss-vital-signs = vital signs
discharge-padss-activity-mental-state = activity and mental state
discharge-padss-pain-nausea-vomiting = pain, nausea and vomiting
discharge-padss-surgical-bleeding = surgical bleeding
discharge-padss-intake-output = intake and output

## A score out of range (R-DISCH-1)
discharge-padss-score = each PADSS item is scored 0, 1 or 2; { $item } was given { $value }
