//! `/regions/{id}/settings`: the region's classification rules.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};
use samverka_core::classification::RulePreset;
use samverka_core::hours::format_hours;
use samverka_core::validation::optional_hours;
use samverka_core::{BaseService, FieldErrors, RuleSet};
use samverka_store::regions;
use serde::Deserialize;
use tower_sessions::Session;

use super::{html, invalid, managed_region};
use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::state::AppState;
use crate::view::{self, Page};

pub fn router() -> Router<AppState> {
    Router::new().route(
        "/regions/{id}/settings",
        get(edit_settings_form).post(update_settings),
    )
}

#[derive(Template)]
#[template(path = "settings.html")]
struct SettingsPage {
    page: Page,
    action: String,
    preset: &'static str,
    partner_of: bool,
    partner_soc: bool,
    partner_mhv: bool,
    entrance: bool,
    hours: String,
    error: Option<String>,
}

fn preset_code(p: RulePreset) -> &'static str {
    match p {
        RulePreset::National => "national",
        RulePreset::Skane => "skane",
        RulePreset::Custom => "custom",
    }
}

async fn edit_settings_form(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let region = managed_region(&state, &user, id).await?;
    let r = &region.rules;
    let title = page.t.t("settings-title");
    html(SettingsPage {
        page: page
            .titled(title)
            .in_region(region.id, &region.name, true, "settings"),
        action: format!("/regions/{id}/settings"),
        preset: preset_code(r.preset()),
        partner_of: r.like_partners.contains(&BaseService::OpenPreschool),
        partner_soc: r.like_partners.contains(&BaseService::SocialServices),
        partner_mhv: r.like_partners.contains(&BaseService::Maternal),
        entrance: r.require_shared_entrance,
        hours: r.min_shared_opening_minutes.map(format_hours).unwrap_or_default(),
        error: None,
    })
}

#[derive(Deserialize)]
struct SettingsForm {
    #[serde(default)]
    preset: String,
    partner_of: Option<String>,
    partner_soc: Option<String>,
    partner_mhv: Option<String>,
    entrance: Option<String>,
    #[serde(default)]
    hours: String,
}

async fn update_settings(
    State(state): State<AppState>,
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(form): Form<SettingsForm>,
) -> Result<Response, AppError> {
    let region = managed_region(&state, &user, id).await?;
    let mut errors = FieldErrors::default();
    let rules = match form.preset.as_str() {
        "national" => Some(RuleSet::national()),
        "skane" => Some(RuleSet::skane()),
        "custom" => {
            let mut partners = Vec::new();
            for (on, s) in [
                (&form.partner_of, BaseService::OpenPreschool),
                (&form.partner_soc, BaseService::SocialServices),
                (&form.partner_mhv, BaseService::Maternal),
            ] {
                if on.is_some() {
                    partners.push(s);
                }
            }
            if partners.is_empty() {
                errors.add("partners", "choose-one");
            }
            let min = optional_hours(&mut errors, "hours", &form.hours);
            errors.is_empty().then_some(RuleSet {
                like_partners: partners,
                require_shared_entrance: form.entrance.is_some(),
                min_shared_opening_minutes: min,
            })
        }
        _ => {
            errors.add("preset", "required");
            None
        }
    };
    let t = page.t;
    match rules {
        Some(rules) => {
            regions::update_rules(&state.db, &user.who(), region.id, &rules).await?;
            view::flash(&session, t.t("flash-rules-saved")).await;
            Ok(Redirect::to(&format!("/regions/{id}")).into_response())
        }
        None => {
            let error = errors.0.first().map(|e| t.t(&format!("field-error-{}", e.code)));
            invalid(SettingsPage {
                page: page
                    .titled(t.t("settings-title"))
                    .in_region(region.id, &region.name, true, "settings"),
                action: format!("/regions/{id}/settings"),
                preset: "custom",
                partner_of: form.partner_of.is_some(),
                partner_soc: form.partner_soc.is_some(),
                partner_mhv: form.partner_mhv.is_some(),
                entrance: form.entrance.is_some(),
                hours: form.hours,
                error,
            })
        }
    }
}
