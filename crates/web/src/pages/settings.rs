//! `/regions/{id}/settings`: the region's classification rules, and (a
//! separate form, `/regions/{id}/settings/governance`) its governance numbers:
//! minimum meetings and the deadlines the signals are measured against.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};
use samverka_core::classification::RulePreset;
use samverka_core::governance::GovernanceSettings;
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
    Router::new()
        .route(
            "/regions/{id}/settings",
            get(edit_settings_form).post(update_settings),
        )
        .route(
            "/regions/{id}/settings/governance",
            axum::routing::post(update_governance),
        )
}

/// The governance numbers as entered in the form.
#[derive(Debug, Clone, Default, Deserialize)]
struct GovernanceDraft {
    #[serde(default)]
    min_management_meetings: String,
    #[serde(default)]
    min_steering_meetings: String,
    #[serde(default)]
    minutes_within_days: String,
    #[serde(default)]
    introduction_within_days: String,
    #[serde(default)]
    matter_within_days: String,
}

impl GovernanceDraft {
    fn of(g: &GovernanceSettings) -> GovernanceDraft {
        GovernanceDraft {
            min_management_meetings: g.min_management_meetings.to_string(),
            min_steering_meetings: g.min_steering_meetings.to_string(),
            minutes_within_days: g.minutes_within_days.to_string(),
            introduction_within_days: g.introduction_within_days.to_string(),
            matter_within_days: g.matter_within_days.to_string(),
        }
    }

    /// Whole numbers from 0 to 365, or the fields at fault.
    fn validate(&self) -> Result<GovernanceSettings, FieldErrors> {
        let mut errors = FieldErrors::default();
        let mut number = |field: &'static str, text: &str| -> i64 {
            match text.trim().parse::<i64>() {
                Ok(n) if (0..=365).contains(&n) => n,
                _ => {
                    errors.add(field, "gov-number");
                    0
                }
            }
        };
        let g = GovernanceSettings {
            min_management_meetings: number("min_management_meetings", &self.min_management_meetings),
            min_steering_meetings: number("min_steering_meetings", &self.min_steering_meetings),
            minutes_within_days: number("minutes_within_days", &self.minutes_within_days),
            introduction_within_days: number("introduction_within_days", &self.introduction_within_days),
            matter_within_days: number("matter_within_days", &self.matter_within_days),
        };
        errors.into_result(g)
    }
}

/// One field of the governance form.
struct GovField {
    name: &'static str,
    label: String,
    value: String,
    error: Option<String>,
}

fn gov_fields(t: &crate::i18n::Tr, d: &GovernanceDraft, errors: &FieldErrors) -> Vec<GovField> {
    [
        (
            "min_management_meetings",
            "govset-min-management",
            &d.min_management_meetings,
        ),
        (
            "min_steering_meetings",
            "govset-min-steering",
            &d.min_steering_meetings,
        ),
        (
            "minutes_within_days",
            "govset-minutes-days",
            &d.minutes_within_days,
        ),
        (
            "introduction_within_days",
            "govset-intro-days",
            &d.introduction_within_days,
        ),
        ("matter_within_days", "govset-matter-days", &d.matter_within_days),
    ]
    .into_iter()
    .map(|(name, key, value)| GovField {
        name,
        label: t.t(key),
        value: value.clone(),
        error: view::field_error(t, errors, name),
    })
    .collect()
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
    gov_action: String,
    gov: Vec<GovField>,
}

impl SettingsPage {
    /// The governance form's problems, for its error summary.
    fn gov_errors(&self) -> Vec<(&'static str, String)> {
        self.gov
            .iter()
            .filter_map(|f| f.error.clone().map(|e| (f.name, e)))
            .collect()
    }
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
    let t = page.t;
    let title = t.t("settings-title");
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
        gov_action: format!("/regions/{id}/settings/governance"),
        gov: gov_fields(
            &t,
            &GovernanceDraft::of(&region.governance),
            &FieldErrors::default(),
        ),
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
                gov_action: format!("/regions/{id}/settings/governance"),
                gov: gov_fields(
                    &t,
                    &GovernanceDraft::of(&region.governance),
                    &FieldErrors::default(),
                ),
            })
        }
    }
}

async fn update_governance(
    State(state): State<AppState>,
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(draft): Form<GovernanceDraft>,
) -> Result<Response, AppError> {
    let region = managed_region(&state, &user, id).await?;
    let t = page.t;
    match draft.validate() {
        Ok(g) => {
            regions::update_governance(&state.db, &user.who(), region.id, &g).await?;
            view::flash(&session, t.t("govset-flash-saved")).await;
            Ok(Redirect::to(&format!("/regions/{id}/settings")).into_response())
        }
        Err(errors) => {
            let r = &region.rules;
            invalid(SettingsPage {
                page: page
                    .titled(t.t("settings-title"))
                    .in_region(region.id, &region.name, true, "settings"),
                action: format!("/regions/{id}/settings"),
                preset: preset_code(r.preset()),
                partner_of: r.like_partners.contains(&BaseService::OpenPreschool),
                partner_soc: r.like_partners.contains(&BaseService::SocialServices),
                partner_mhv: r.like_partners.contains(&BaseService::Maternal),
                entrance: r.require_shared_entrance,
                hours: r.min_shared_opening_minutes.map(format_hours).unwrap_or_default(),
                error: None,
                gov_action: format!("/regions/{id}/settings/governance"),
                gov: gov_fields(&t, &draft, &errors),
            })
        }
    }
}
