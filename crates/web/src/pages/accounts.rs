//! `/regions/{id}/accounts`: the county coordinator manages the accounts of
//! their region.

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use samverka_core::{FieldErrors, Grant, Role};
use samverka_store::{centres, users};
use serde::Deserialize;
use tower_sessions::Session;

use super::{html, invalid, managed_region, require};
use crate::auth::{CurrentUser, hash_password};
use crate::error::AppError;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::view::{self, Page};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/regions/{id}/accounts", get(list_accounts).post(create_account))
        .route("/regions/{id}/accounts/{user}/disable", post(disable_account))
        .route("/regions/{id}/accounts/{user}/enable", post(enable_account))
        .route("/regions/{id}/accounts/{user}/revoke", post(revoke_account))
}

pub struct AccountLine {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub roles: String,
    pub disabled: bool,
    pub is_me: bool,
}

#[derive(Template)]
#[template(path = "accounts.html")]
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
        self.errors.iter().find(|(f, _)| *f == field).map(|(_, m)| m)
    }
    fn centre_chosen(&self, id: &i64) -> bool {
        self.form.centres().contains(id)
    }
}

#[derive(Deserialize, Default, Clone)]
struct AccountForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    role: String,
    /// Centre ids, comma separated in the form's repeated `centre` fields.
    #[serde(default, rename = "centre")]
    centre: Vec<String>,
}

impl AccountForm {
    fn centres(&self) -> Vec<i64> {
        self.centre.iter().filter_map(|c| c.parse().ok()).collect()
    }
}

fn role_name(t: &Tr, r: Role) -> String {
    t.t(&format!("role-{}", r.code()))
}

async fn page_for(
    state: &AppState,
    user: &CurrentUser,
    page: Page,
    region_id: i64,
    form: AccountForm,
    errors: Vec<(&'static str, String)>,
) -> Result<AccountsPage, AppError> {
    let region = managed_region(state, user, region_id).await?;
    let t = page.t;
    let centre_list = centres::list(&state.db, Some(region.id)).await?;
    let names: HashMap<i64, String> = centre_list.iter().map(|c| (c.id, c.name.clone())).collect();
    let accounts = users::list_in_region(&state.db, region.id)
        .await?
        .into_iter()
        .map(|(u, grants)| {
            let roles: Vec<String> = grants
                .iter()
                .map(|g| match g.centre_id.and_then(|c| names.get(&c)) {
                    Some(c) => format!("{} – {c}", role_name(&t, g.role)),
                    None => role_name(&t, g.role),
                })
                .collect();
            AccountLine {
                id: u.id,
                is_me: u.id == user.user.id,
                name: u.name,
                email: u.email,
                roles: roles.join("; "),
                disabled: u.disabled,
            }
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
            .in_region(region.id, &region.name, true, "accounts"),
        region_id: region.id,
        accounts,
        centres: centre_list
            .into_iter()
            .filter(|c| c.closed_on.is_none())
            .map(|c| (c.id, c.name))
            .collect(),
        roles,
        form,
        errors,
    })
}

async fn list_accounts(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    html(
        page_for(
            &state,
            &user,
            page,
            id,
            AccountForm {
                role: "reader".into(),
                ..Default::default()
            },
            Vec::new(),
        )
        .await?,
    )
}

async fn create_account(
    State(state): State<AppState>,
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    body: axum::body::Bytes,
) -> Result<Response, AppError> {
    // Repeated `centre` fields need a list-aware parser.
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_bytes(&body).map_err(|_| AppError::BadRequest("form".into()))?;
    let mut form = AccountForm::default();
    for (k, v) in pairs {
        match k.as_str() {
            "email" => form.email = v,
            "name" => form.name = v,
            "password" => form.password = v,
            "role" => form.role = v,
            "centre" => form.centre.push(v),
            _ => {}
        }
    }
    let region = managed_region(&state, &user, id).await?;
    let t = page.t;
    let mut errors = FieldErrors::default();
    let email = form.email.trim().to_lowercase();
    if !(email.contains('@')
        && email.len() >= 3
        && email.len() <= 254
        && !email.contains(char::is_whitespace))
    {
        errors.add("email", "invalid-email");
    }
    let role = Role::parse(&form.role).filter(|r| *r != Role::Admin);
    if role.is_none() {
        errors.add("role", "required");
    }
    let centre_ids = form.centres();
    if role == Some(Role::LocalCoordinator) && centre_ids.is_empty() {
        errors.add("centre", "choose-one");
    }
    let existing = users::find_by_email(&state.db, &email).await?;
    if existing.is_none() {
        samverka_core::validation::required_text(&mut errors, "name", &form.name, 200);
        if form.password.chars().count() < 10 {
            errors.add("password", "password-too-short");
        }
    }
    if !errors.is_empty() {
        let messages = crate::view::field_messages(&t, &errors);
        return invalid(page_for(&state, &user, page, id, form, messages).await?);
    }
    let Some(role) = role else {
        return Err(AppError::BadRequest("role".into()));
    };
    let grants: Vec<Grant> = if role == Role::LocalCoordinator {
        centre_ids
            .iter()
            .map(|c| Grant {
                role,
                region_id: Some(region.id),
                centre_id: Some(*c),
            })
            .collect()
    } else {
        vec![Grant {
            role,
            region_id: Some(region.id),
            centre_id: None,
        }]
    };
    for g in &grants {
        require(user.actor.can_grant(g))?;
    }
    // Only centres of this region; checked before anything is written, as the
    // grants to an existing account are added one by one.
    let own: Vec<i64> = centres::list(&state.db, Some(region.id))
        .await?
        .iter()
        .map(|c| c.id)
        .collect();
    require(
        grants
            .iter()
            .filter_map(|g| g.centre_id)
            .all(|c| own.contains(&c)),
    )?;
    let who = user.who();
    match existing {
        Some(u) => {
            for g in &grants {
                users::add_grant(&state.db, &who, u.id, g).await?;
            }
            view::flash(&session, t.t("flash-grant-added")).await;
        }
        None => {
            let hash = hash_password(&form.password).map_err(|_| AppError::Internal)?;
            users::create(&state.db, &who, &email, &form.name, Some(&hash), &grants).await?;
            view::flash(&session, t.t("flash-account-created")).await;
        }
    }
    Ok(Redirect::to(&format!("/regions/{id}/accounts")).into_response())
}

async fn member_of_region(state: &AppState, region_id: i64, user_id: i64) -> Result<(), AppError> {
    let grants = users::grants(&state.db, user_id).await?;
    require(grants.iter().any(|g| g.region_id == Some(region_id)))
}

async fn set_disabled(
    state: AppState,
    user: CurrentUser,
    session: Session,
    id: i64,
    target: i64,
    disabled: bool,
) -> Result<Response, AppError> {
    let region = managed_region(&state, &user, id).await?;
    member_of_region(&state, region.id, target).await?;
    if target == user.user.id {
        return Err(AppError::BadRequest("self".into()));
    }
    users::set_disabled(&state.db, &user.who(), target, disabled, Some(region.id)).await?;
    let t = crate::i18n::Tr::default();
    view::flash(
        &session,
        t.t(if disabled {
            "flash-account-disabled"
        } else {
            "flash-account-enabled"
        }),
    )
    .await;
    Ok(Redirect::to(&format!("/regions/{id}/accounts")).into_response())
}

async fn disable_account(
    State(state): State<AppState>,
    user: CurrentUser,
    session: Session,
    Path((id, target)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    set_disabled(state, user, session, id, target, true).await
}

async fn enable_account(
    State(state): State<AppState>,
    user: CurrentUser,
    session: Session,
    Path((id, target)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    set_disabled(state, user, session, id, target, false).await
}

async fn revoke_account(
    State(state): State<AppState>,
    user: CurrentUser,
    session: Session,
    page: Page,
    Path((id, target)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let region = managed_region(&state, &user, id).await?;
    member_of_region(&state, region.id, target).await?;
    if target == user.user.id {
        return Err(AppError::BadRequest("self".into()));
    }
    users::revoke_region(&state.db, &user.who(), target, region.id).await?;
    view::flash(&session, page.t.t("flash-access-revoked")).await;
    Ok(Redirect::to(&format!("/regions/{id}/accounts")).into_response())
}
