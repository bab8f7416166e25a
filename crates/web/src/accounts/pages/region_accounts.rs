//! `/regions/{id}/accounts`: the county coordinator manages the accounts of
//! their region: gives roles (an address that has no account gets one, and
//! a link to choose a password), blocks and unblocks an account's roles in
//! the region, takes them away; and, for the accounts they manage as a
//! whole, revokes API tokens and sends password links.

use std::collections::HashMap;

use askama::Template;
use axum::extract::Path;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Form, Router};
use samverka_app::Error;
use samverka_app::accounts::manage;
use samverka_app::accounts::{resets, tokens};
use samverka_core::Role;
use serde::Deserialize;
use tower_sessions::Session;

use super::me::{TokenLine, token_lines};
use super::role_name;
use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::http::i18n::Tr;
use crate::state::AppState;
use crate::ui::forms::{error_for, field_messages};
use crate::ui::render::{after_post, html, see_other};
use crate::ui::{Page, flash};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/regions/{id}/accounts", get(list_accounts).post(create_account))
        .route("/regions/{id}/accounts/{user}", get(show_account))
        .route("/regions/{id}/accounts/{user}/disable", post(disable_account))
        .route("/regions/{id}/accounts/{user}/enable", post(enable_account))
        .route("/regions/{id}/accounts/{user}/revoke", post(revoke_account))
        .route(
            "/regions/{id}/accounts/{user}/password-link",
            post(send_password_link),
        )
        .route(
            "/regions/{id}/accounts/{user}/tokens/{token}/revoke",
            post(revoke_token),
        )
}

pub struct AccountLine {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub roles: String,
    pub status: String,
    pub blocked: bool,
    pub managed: bool,
    pub is_me: bool,
}

#[derive(Template)]
#[template(path = "accounts/accounts.html")]
struct AccountsPage {
    page: Page,
    region_id: i64,
    accounts: Vec<AccountLine>,
    centres: Vec<(i64, String)>,
    roles: Vec<(&'static str, String)>,
    form: AccountForm,
    errors: Vec<(&'static str, String)>,
}

impl AccountsPage {
    fn error(&self, field: &str) -> Option<&String> {
        error_for(&self.errors, field)
    }
    fn centre_chosen(&self, id: &i64) -> bool {
        self.form.centres().contains(id)
    }
}

#[derive(Deserialize, Default, Clone)]
struct AccountForm {
    email: String,
    name: String,
    role: String,
    centre: Vec<String>,
}

impl AccountForm {
    fn from_pairs(pairs: Vec<(String, String)>) -> AccountForm {
        let mut form = AccountForm::default();
        for (k, v) in pairs {
            match k.as_str() {
                "email" => form.email = v,
                "name" => form.name = v,
                "role" => form.role = v,
                "centre" => form.centre.push(v),
                _ => {}
            }
        }
        form
    }

    fn centres(&self) -> Vec<i64> {
        self.centre.iter().filter_map(|c| c.trim().parse().ok()).collect()
    }
}

fn roles_text(
    t: &Tr,
    grants: &[samverka_app::accounts::StoredGrant],
    names: &HashMap<i64, String>,
) -> String {
    let roles: Vec<String> = grants
        .iter()
        .map(|g| match g.grant.centre_id.and_then(|c| names.get(&c)) {
            Some(c) => format!("{} – {c}", role_name(t, g.grant.role)),
            None => role_name(t, g.grant.role),
        })
        .collect();
    roles.join("; ")
}

async fn page_for(
    user: &CurrentUser,
    page: Page,
    region_id: i64,
    form: AccountForm,
    errors: Vec<(&'static str, String)>,
) -> Result<AccountsPage, PageError> {
    let r = manage::region_accounts(user, region_id).await?;
    let t = page.t;
    let all_centres = samverka_app::registry::centres::in_region(user, region_id)
        .await?
        .1;
    let names: HashMap<i64, String> = all_centres
        .iter()
        .map(|c| (c.centre.id, c.centre.name.clone()))
        .collect();
    let accounts = r
        .accounts
        .iter()
        .map(|a| AccountLine {
            id: a.account.id,
            is_me: a.account.id == user.id(),
            name: a.account.name.clone(),
            email: a.account.email.clone(),
            roles: roles_text(&t, &a.grants, &names),
            status: t.t(if a.account.disabled {
                "accounts-disabled-everywhere"
            } else if a.blocked_here {
                "accounts-disabled"
            } else {
                "accounts-active"
            }),
            blocked: a.blocked_here,
            managed: a.managed,
        })
        .collect();
    let roles = [Role::CountyCoordinator, Role::LocalCoordinator, Role::Reader]
        .iter()
        .map(|r| (r.code(), role_name(&t, *r)))
        .collect();
    let title = t.t("accounts-title");
    Ok(AccountsPage {
        page: page
            .titled(title)
            .in_region(r.region.id, &r.region.name, true, "accounts"),
        region_id: r.region.id,
        accounts,
        centres: r.centres.into_iter().map(|c| (c.id, c.name)).collect(),
        roles,
        form,
        errors,
    })
}

async fn list_accounts(user: CurrentUser, page: Page, Path(id): Path<i64>) -> Result<Response, PageError> {
    let form = AccountForm {
        role: "reader".into(),
        ..Default::default()
    };
    html(page_for(&user, page, id, form, Vec::new()).await?)
}

async fn create_account(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let form = AccountForm::from_pairs(pairs);
    let t = page.t;
    let request = manage::AccessForm {
        email: form.email.clone(),
        name: form.name.clone(),
        role: form.role.clone(),
        centres: form.centres(),
    };
    let email = form.email.trim().to_string();
    let result = manage::give_access(&user, id, &request).await;
    let saved = |_| {
        (
            t.t1("flash-access-given", "email", email),
            format!("/regions/{id}/accounts"),
        )
    };
    after_post(&session, result, saved, async |errors| {
        let messages = field_messages(&t, &errors);
        page_for(&user, page, id, form, messages).await
    })
    .await
}

async fn set_blocked(
    user: CurrentUser,
    session: Session,
    page: Page,
    id: i64,
    target: i64,
    blocked: bool,
) -> Result<Response, PageError> {
    manage::set_blocked_in_region(&user, id, target, blocked).await?;
    let key = if blocked {
        "flash-account-disabled"
    } else {
        "flash-account-enabled"
    };
    flash(&session, page.t.t(key)).await;
    Ok(see_other(&format!("/regions/{id}/accounts")))
}

async fn disable_account(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path((id, target)): Path<(i64, i64)>,
) -> Result<Response, PageError> {
    set_blocked(user, session, page, id, target, true).await
}

async fn enable_account(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path((id, target)): Path<(i64, i64)>,
) -> Result<Response, PageError> {
    set_blocked(user, session, page, id, target, false).await
}

async fn revoke_account(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path((id, target)): Path<(i64, i64)>,
) -> Result<Response, PageError> {
    manage::revoke_region(&user, id, target).await?;
    flash(&session, page.t.t("flash-access-revoked")).await;
    Ok(see_other(&format!("/regions/{id}/accounts")))
}

#[derive(Template)]
#[template(path = "accounts/account_detail.html")]
struct AccountDetail {
    page: Page,
    region_id: i64,
    user_id: i64,
    email: String,
    roles: String,
    tokens: Vec<TokenLine>,
    revoke_base: String,
}

async fn show_account(
    user: CurrentUser,
    page: Page,
    Path((id, target)): Path<(i64, i64)>,
) -> Result<Response, PageError> {
    let r = manage::region_accounts(&user, id).await?;
    let a = r
        .accounts
        .into_iter()
        .find(|a| a.account.id == target)
        .ok_or(PageError::App(Error::NotFound))?;
    if !a.managed {
        return Err(PageError::App(Error::Forbidden));
    }
    let list = tokens::list(&user, target).await?;
    let t = page.t;
    let all_centres = samverka_app::registry::centres::in_region(&user, id).await?.1;
    let names: HashMap<i64, String> = all_centres
        .iter()
        .map(|c| (c.centre.id, c.centre.name.clone()))
        .collect();
    html(AccountDetail {
        page: page
            .titled(a.account.name.clone())
            .in_region(r.region.id, &r.region.name, true, "accounts"),
        region_id: id,
        user_id: target,
        email: a.account.email.clone(),
        roles: roles_text(&t, &a.grants, &names),
        tokens: token_lines(&t, &list, user.today),
        revoke_base: format!("/regions/{id}/accounts/{target}/tokens"),
    })
}

async fn send_password_link(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path((id, target)): Path<(i64, i64)>,
) -> Result<Response, PageError> {
    manage::region_accounts(&user, id).await?;
    resets::send_link(&user, target).await?;
    flash(&session, page.t.t("flash-link-sent")).await;
    Ok(see_other(&format!("/regions/{id}/accounts/{target}")))
}

async fn revoke_token(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path((id, target, token)): Path<(i64, i64, i64)>,
) -> Result<Response, PageError> {
    let list = tokens::list(&user, target).await?;
    if !list.iter().any(|t| t.id == token) {
        return Err(PageError::App(Error::NotFound));
    }
    tokens::revoke(&user, token).await?;
    flash(&session, page.t.t("flash-token-revoked")).await;
    Ok(see_other(&format!("/regions/{id}/accounts/{target}")))
}
