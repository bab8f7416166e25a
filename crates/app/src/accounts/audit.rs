//! Reading the audit trail (*ändringslogg*).

use samverka_store::audit::{self, AuditEntry};

use crate::{Ctx, Error, Result};

/// The most entries one page of the trail holds.
pub const MAX_PAGE: i64 = 500;

/// A page of the trail, newest first: a region's (its county coordinators and
/// admins) or the whole trail (`None`, admins only).
pub async fn trail(
    ctx: &Ctx,
    region_id: Option<i64>,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<AuditEntry>> {
    let allowed = match region_id {
        Some(r) => ctx.actor.can_manage_region(r),
        None => ctx.actor.is_admin(),
    };
    Error::require(allowed)?;
    let mut c = ctx.read().await?;
    Ok(audit::list(&mut c, region_id, before, limit.clamp(1, MAX_PAGE)).await?)
}
