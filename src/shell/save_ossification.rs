//! Saving R-HO-1's requests from an admission's page, and what the hint bar
//! says afterwards: the follow-up's number, its prophylaxis, the day its
//! X-ray check is due and what R-HO-1 warned about, as `periop ossification
//! add` prints them.

use crate::app::forms::OssificationRequest;
use crate::domain::ossification;
use crate::store::ossification as store_ho;
use crate::store::{Result, Store};
use chrono::{DateTime, Utc};

pub fn apply(store: &mut Store, now: DateTime<Utc>, request: OssificationRequest) -> Result<String> {
    match request {
        OssificationRequest::Record { new, who, .. } => {
            let (id, warnings) = store.write(now, |tx| store_ho::record(tx, &new))?;
            let due = ossification::xray_due_by(new.surgery_at, store.settings());
            let mut said = tr!(
                "admission-ho-recorded",
                who = who,
                id = id,
                prophylaxis = new.prophylaxis.words(store.zone()),
                due = due.format("%d/%m/%Y").to_string()
            )
            .into_owned();
            for w in warnings {
                said.push_str(&format!("; ! {w}"));
            }
            Ok(said)
        }
        OssificationRequest::Xray { follow_up_id, version, on, grade, who } => {
            store.write(now, |tx| store_ho::record_xray(tx, follow_up_id, Some(version), on, grade))?;
            Ok(tr!(
                "admission-ho-xray-recorded",
                who = who,
                id = follow_up_id,
                on = on.format("%d/%m/%Y").to_string(),
                grade = grade.label()
            )
            .into_owned())
        }
    }
}

/// What the log says: the kind and the record, no names (R-PRIV-1).
pub fn label(request: &OssificationRequest) -> String {
    match request {
        OssificationRequest::Record { new, .. } => format!("patient #{} ossification follow-up", new.patient_id),
        OssificationRequest::Xray { follow_up_id, .. } => format!("ossification follow-up #{follow_up_id} X-ray"),
    }
}
