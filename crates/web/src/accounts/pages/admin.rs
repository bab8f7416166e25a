//! `/admin/accounts`: every account, for administrators, who block and
//! unblock accounts everywhere (a county coordinator only blocks an
//! account's roles in their own region).

use askama::Template;
use axum::Router;
use axum::extract::Path;
use axum::response::Response;
use axum::routing::{get, post};
use samverka_app::accounts::manage;
use tower_sessions::Session;

use super::role_name;
use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::state::AppState;
use crate::ui::render::{html, see_other};
use crate::ui::{Page, flash};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/accounts", get(list_all))
        .route("/admin/accounts/{id}/disable", post(disable))
        .route("/admin/accounts/{id}/enable", post(enable))
}

struct Line {
    id: i64,
    name: String,
    email: String,
    roles: String,
    disabled: bool,
    tokens: usize,
    is_me: bool,
}

#[derive(Template)]
#[template(path = "accounts/admin_accounts.html")]
struct AdminPage {
    page: Page,
    accounts: Vec<Line>,
}

async fn list_all(user: CurrentUser, page: Page) -> Result<Response, PageError> {
    let all = manage::list_all(&user).await?;
    let t = page.t;
    let accounts = all
        .into_iter()
        .map(|a| {
            let mut roles: Vec<String> = a
                .grants
                .iter()
                .map(|g| {
                    let mut r = role_name(&t, g.grant.role);
                    if let Some(region) = g.grant.region_id {
                        r = format!("{r} ({})", t.t1("admin-region-id", "id", region));
                    }
                    if g.disabled_at.is_some() {
                        r = format!("{r} – {}", t.t("accounts-disabled"));
                    }
                    r
                })
                .collect();
            roles.dedup();
            Line {
                id: a.account.id,
                is_me: a.account.id == user.id(),
                name: a.account.name,
                email: a.account.email,
                roles: roles.join("; "),
                disabled: a.account.disabled,
                tokens: a.active_tokens,
            }
        })
        .collect();
    html(AdminPage {
        page: page.titled(t.t("admin-title")),
        accounts,
    })
}

async fn set(
    user: CurrentUser,
    session: Session,
    page: Page,
    id: i64,
    disabled: bool,
) -> Result<Response, PageError> {
    manage::set_disabled(&user, id, disabled).await?;
    let key = if disabled {
        "flash-account-disabled-everywhere"
    } else {
        "flash-account-enabled"
    };
    flash(&session, page.t.t(key)).await;
    Ok(see_other("/admin/accounts"))
}

async fn disable(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    set(user, session, page, id, true).await
}

async fn enable(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    set(user, session, page, id, false).await
}
