//! GDPR: a person's data exported on request, or erased. Erasure keeps the
//! record (as "f.d. medlem") so counts and history stay true, and removes the
//! person's details from every copy the audit trail holds. Minutes stay as
//! they were written: the page says so before erasing.

use samverka_core::governance::{Person, person::scrub};
use samverka_core::{PrincipalKind, Region};
use samverka_store::accounts::users;
use samverka_store::audit::{self, AuditEntity};
use samverka_store::governance::{assignments, people};
use serde_json::{Value, json};

use super::{Places, managed_region, people::unit_with_centre};
use crate::{Ctx, Error, Result};

/// What erasing a person will do: the person, the region, and how many
/// assignments stay (anonymised).
pub async fn erase_preview(ctx: &Ctx, id: i64) -> Result<(Person, Region, usize)> {
    let mut c = ctx.read().await?;
    let person = people::get(&mut c, id).await?;
    let region = managed_region(ctx, &mut c, person.region_id).await?;
    if person.erased {
        return Err(Error::Conflict("erased"));
    }
    let n = assignments::of_person(&mut c, id).await?.len();
    Ok((person, region, n))
}

fn strings_of(v: Option<&Value>, key: &str, out: &mut Vec<String>) {
    if let Some(s) = v.and_then(|v| v.get(key)).and_then(Value::as_str)
        && !s.trim().is_empty()
        && !out.iter().any(|x| x == s)
    {
        out.push(s.to_string());
    }
}

/// Erases a person's data on request (those who manage the region): the
/// record stays as "f.d. medlem" with its assignments, and every copy of
/// their name, address and number in the region's audit trail is replaced,
/// in the same transaction. Erasing an erased person changes nothing.
pub async fn erase(ctx: &Ctx, id: i64) -> Result<()> {
    let mut tx = ctx.write().await?;
    let person = people::get(&mut tx, id).await?;
    managed_region(ctx, &mut tx, person.region_id).await?;
    if person.erased {
        return Ok(());
    }
    // Every name, address and number the person has had, as the trail knows them.
    let mut names = vec![person.name.clone()];
    let mut contacts: Vec<String> = [person.email.clone(), person.phone.clone()]
        .into_iter()
        .flatten()
        .collect();
    for e in audit::about(&mut tx, AuditEntity::Person, id).await? {
        for copy in [e.before.as_ref(), e.after.as_ref()] {
            strings_of(copy, "name", &mut names);
            strings_of(copy, "email", &mut contacts);
            strings_of(copy, "phone", &mut contacts);
        }
    }
    names.retain(|n| n != samverka_core::governance::ERASED_NAME);
    let needles: Vec<String> = names.iter().chain(contacts.iter()).cloned().collect();
    for mut e in audit::containing(&mut tx, person.region_id, &needles).await? {
        let mut changed = false;
        if let Some(b) = e.before.as_mut() {
            changed |= scrub(b, &names, &contacts);
        }
        if let Some(a) = e.after.as_mut() {
            changed |= scrub(a, &names, &contacts);
        }
        if changed {
            audit::rewrite_copies(&mut tx, e.id, e.before.as_ref(), e.after.as_ref()).await?;
        }
    }
    people::erase(&mut tx, &ctx.who, &person).await?;
    ctx.commit(tx).await
}

/// Everything samverka holds about a person, as one JSON document for an
/// access request (those who manage the region). The export is noted in the
/// audit trail (without a copy).
pub async fn export(ctx: &Ctx, id: i64) -> Result<Value> {
    let mut tx = ctx.write().await?;
    let p = people::get(&mut tx, id).await?;
    let region = managed_region(ctx, &mut tx, p.region_id).await?;
    let history = assignments::of_person(&mut tx, id).await?;
    let records = people::records(&mut tx, id).await?;
    let places = Places::load(&mut tx, region.id).await?;
    let unit = unit_with_centre(&mut tx, p.unit_id, &places).await?.map(
        |(u, centre)| json!({ "id": u.id, "service": u.service.code(), "name": u.name, "centre": centre }),
    );
    let account = match p.user_id {
        Some(u) => {
            let a = users::get(&mut tx, u).await?;
            Some(json!({ "id": a.id, "email": a.email, "name": a.name }))
        }
        None => None,
    };
    let assignments_json: Vec<Value> = history
        .iter()
        .map(|a| {
            let mut v = serde_json::to_value(a).unwrap_or_default();
            if let Some(o) = v.as_object_mut() {
                o.insert("place".into(), places.name_of(a).into());
            }
            v
        })
        .collect();
    let attendance: Vec<Value> = records
        .attendance
        .iter()
        .map(|r| {
            json!({
                "meeting_id": r.meeting_id, "group_id": r.group_id,
                "group": places.groups.get(&r.group_id).map(|g| g.name.clone()),
                "held_on": r.held_on, "status": r.status,
            })
        })
        .collect();
    let body = json!({
        "exported_on": ctx.today,
        "region": region.name,
        "person": {
            "id": p.id,
            "name": p.name,
            "email": p.email,
            "phone": p.phone,
            "profession": p.profession,
            "employer_kind": p.employer_kind.map(PrincipalKind::code),
            "employer_name": p.employer_name,
            "unit": unit,
            "account": account,
            "erased": p.erased,
        },
        "assignments": assignments_json,
        "attendance": attendance,
        "introductions": records.introductions,
        "introduction_sessions_held": records.sessions_held,
        "matter_steps": records.matter_steps,
    });
    people::record_export(&mut tx, &ctx.who, &p).await?;
    ctx.commit(tx).await?;
    Ok(body)
}
