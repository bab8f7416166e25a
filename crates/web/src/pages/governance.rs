//! Shared checks for the governance pages: groups the account may read or edit.

use samverka_store::groups::{self, Group};
use samverka_store::regions::{self, Region};

use super::require;
use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::state::AppState;

/// A group the account may read (with its region).
pub(crate) async fn viewable_group(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
) -> Result<(Group, Region), AppError> {
    let group = groups::get(&state.db, id).await?;
    require(user.actor.can_view_group(group.region_id, group.id))?;
    let region = regions::get(&state.db, group.region_id).await?;
    Ok((group, region))
}

/// A group whose meetings, minutes, decisions and matters the account may edit.
pub(crate) async fn editable_group(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
) -> Result<(Group, Region), AppError> {
    let group = groups::get(&state.db, id).await?;
    require(
        user.actor
            .can_edit_group(group.region_id, group.id, group.kind, &group.centre_ids),
    )?;
    let region = regions::get(&state.db, group.region_id).await?;
    Ok((group, region))
}
