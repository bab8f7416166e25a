//! `/regions/{id}/settings`: the region's classification rules, and (a
//! separate form, `/regions/{id}/settings/governance`) its governance numbers:
//! minimum meetings and the deadlines the signals are measured against.

use askama::Template;
use axum::extract::Path;
use axum::response::Response;
use axum::routing::get;
use axum::{Form, Router};
use samverka_app::registry::{regions, settings};
use samverka_core::classification::{RulePreset, RulesDraft};
use samverka_core::governance::Responsible;
use samverka_core::governance::settings::GovernanceDraft;
use samverka_core::hours::format_hours;
use samverka_core::{BaseService, FieldErrors};
use tower_sessions::Session;

use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::state::AppState;
use crate::ui::render::{after_post, html};
use crate::ui::{Page, forms::field_error};

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
        .route(
            "/regions/{id}/settings/surveys",
            axum::routing::post(update_survey_threshold),
        )
}

/// A governance number as entered in the form.
struct GovField {
    name: &'static str,
    label: String,
    hint: String,
    value: String,
    error: Option<String>,
}

/// A governance rule that is on or off.
struct GovFlag {
    name: &'static str,
    label: String,
    checked: bool,
}

/// Who introduces people new to one role.
struct GovChoice {
    name: &'static str,
    label: String,
    options: Vec<(&'static str, String, bool)>,
    error: Option<String>,
}

/// The governance form's parts.
struct GovForm {
    numbers: Vec<GovField>,
    flags: Vec<GovFlag>,
    choices: Vec<GovChoice>,
}

fn gov_form(t: &crate::http::i18n::Tr, d: &GovernanceDraft, errors: &FieldErrors) -> GovForm {
    let numbers = [
        (
            "min_management_meetings",
            "govset-min-management",
            "govset-hint-guideline",
            &d.min_management_meetings,
        ),
        (
            "min_steering_meetings",
            "govset-min-steering",
            "govset-hint-guideline",
            &d.min_steering_meetings,
        ),
        (
            "management_quorum",
            "govset-quorum",
            "govset-hint-quorum",
            &d.management_quorum,
        ),
        (
            "min_coordinator_percent",
            "govset-coordinator-percent",
            "govset-hint-percent",
            &d.min_coordinator_percent,
        ),
        (
            "minutes_within_days",
            "govset-minutes-days",
            "govset-hint-region",
            &d.minutes_within_days,
        ),
        (
            "introduction_within_days",
            "govset-intro-days",
            "govset-hint-region",
            &d.introduction_within_days,
        ),
        (
            "matter_within_days",
            "govset-matter-days",
            "govset-hint-region",
            &d.matter_within_days,
        ),
    ]
    .into_iter()
    .map(|(name, key, hint, value)| GovField {
        name,
        label: t.t(key),
        hint: t.t(hint),
        value: value.clone(),
        error: field_error(t, errors, name),
    })
    .collect();
    let flags = [
        (
            "coordinator_equal_funding",
            "govset-equal-funding",
            &d.coordinator_equal_funding,
        ),
        ("chair_one_year", "govset-chair-one-year", &d.chair_one_year),
        ("chair_rotates", "govset-chair-rotates", &d.chair_rotates),
        (
            "chair_not_coordinator",
            "govset-chair-not-coordinator",
            &d.chair_not_coordinator,
        ),
    ]
    .into_iter()
    .map(|(name, key, value)| GovFlag {
        name,
        label: t.t(key),
        checked: value.is_some(),
    })
    .collect();
    let choices = [
        (
            "introducer_coordinator",
            "govset-introducer-coordinator",
            &d.introducer_coordinator,
        ),
        (
            "introducer_manager",
            "govset-introducer-manager",
            &d.introducer_manager,
        ),
        (
            "introducer_steering",
            "govset-introducer-steering",
            &d.introducer_steering,
        ),
        ("introducer_staff", "govset-introducer-staff", &d.introducer_staff),
    ]
    .into_iter()
    .map(|(name, key, value)| GovChoice {
        name,
        label: t.t(key),
        options: Responsible::ALL
            .iter()
            .map(|r| {
                (
                    r.code(),
                    t.t(&format!("govset-responsible-{}", r.code())),
                    r.code() == value.trim(),
                )
            })
            .collect(),
        error: field_error(t, errors, name),
    })
    .collect();
    GovForm {
        numbers,
        flags,
        choices,
    }
}

#[derive(Template)]
#[template(path = "registry/settings.html")]
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
    gov: GovForm,
    survey_action: String,
    survey_min_answers: String,
    survey_error: Option<String>,
}

impl SettingsPage {
    /// The governance form's problems, for its error summary: each with
    /// the field it belongs to, named by its label.
    fn gov_errors(&self) -> Vec<(&'static str, String)> {
        let numbers = self
            .gov
            .numbers
            .iter()
            .filter_map(|f| f.error.as_ref().map(|e| (f.name, format!("{}: {e}", f.label))));
        let choices = self
            .gov
            .choices
            .iter()
            .filter_map(|f| f.error.as_ref().map(|e| (f.name, format!("{}: {e}", f.label))));
        numbers.chain(choices).collect()
    }
}

fn preset_code(p: RulePreset) -> &'static str {
    match p {
        RulePreset::National => "national",
        RulePreset::Skane => "skane",
        RulePreset::Custom => "custom",
    }
}

fn settings_page(
    page: Page,
    region: &samverka_core::Region,
    rules: Option<&RulesDraft>,
    error: Option<String>,
    gov: GovForm,
) -> SettingsPage {
    let r = &region.rules;
    let id = region.id;
    let t = page.t;
    let (preset, partner_of, partner_soc, partner_mhv, entrance, hours) = match rules {
        Some(d) => (
            "custom",
            d.partner_of.is_some(),
            d.partner_soc.is_some(),
            d.partner_mhv.is_some(),
            d.entrance.is_some(),
            d.hours.clone(),
        ),
        None => (
            preset_code(r.preset()),
            r.like_partners.contains(&BaseService::OpenPreschool),
            r.like_partners.contains(&BaseService::SocialServices),
            r.like_partners.contains(&BaseService::Maternal),
            r.require_shared_entrance,
            r.min_shared_opening_minutes.map(format_hours).unwrap_or_default(),
        ),
    };
    SettingsPage {
        page: page
            .titled(t.t("settings-title"))
            .in_region(region.id, &region.name, true, "settings"),
        action: format!("/regions/{id}/settings"),
        preset,
        partner_of,
        partner_soc,
        partner_mhv,
        entrance,
        hours,
        error,
        gov_action: format!("/regions/{id}/settings/governance"),
        gov,
        survey_action: format!("/regions/{id}/settings/surveys"),
        survey_min_answers: region.survey_min_answers.to_string(),
        survey_error: None,
    }
}

async fn edit_settings_form(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let region = regions::managed(&user, id).await?;
    let gov = gov_form(
        &page.t,
        &GovernanceDraft::of(&region.governance),
        &FieldErrors::default(),
    );
    html(settings_page(page, &region, None, None, gov))
}

async fn update_settings(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(form): Form<RulesDraft>,
) -> Result<Response, PageError> {
    let t = page.t;
    let result = settings::update_rules(&user, id, &form).await;
    let saved = |()| (t.t("flash-rules-saved"), format!("/regions/{id}"));
    after_post(&session, result, saved, async |errors| {
        let region = regions::managed(&user, id).await?;
        let error = errors.0.first().map(|e| crate::ui::forms::message(&t, e.code));
        let gov = gov_form(
            &t,
            &GovernanceDraft::of(&region.governance),
            &FieldErrors::default(),
        );
        Ok(settings_page(page, &region, Some(&form), error, gov))
    })
    .await
}

async fn update_governance(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(draft): Form<GovernanceDraft>,
) -> Result<Response, PageError> {
    let t = page.t;
    let result = settings::update_governance(&user, id, &draft).await;
    let saved = |()| (t.t("govset-flash-saved"), format!("/regions/{id}/settings"));
    after_post(&session, result, saved, async |errors| {
        let region = regions::managed(&user, id).await?;
        let gov = gov_form(&t, &draft, &errors);
        Ok(settings_page(page, &region, None, None, gov))
    })
    .await
}

/// The survey threshold form's post.
#[derive(Debug, serde::Deserialize)]
pub struct SurveyThresholdForm {
    #[serde(default)]
    survey_min_answers: String,
}

async fn update_survey_threshold(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(form): Form<SurveyThresholdForm>,
) -> Result<Response, PageError> {
    let t = page.t;
    let result = settings::update_survey_threshold(&user, id, &form.survey_min_answers).await;
    let saved = |()| (t.t("surveyset-flash-saved"), format!("/regions/{id}/settings"));
    after_post(&session, result, saved, async |errors| {
        let region = regions::managed(&user, id).await?;
        let gov = gov_form(
            &t,
            &GovernanceDraft::of(&region.governance),
            &FieldErrors::default(),
        );
        let mut again = settings_page(page, &region, None, None, gov);
        again.survey_min_answers = form.survey_min_answers.clone();
        again.survey_error = field_error(&t, &errors, "survey_min_answers");
        Ok(again)
    })
    .await
}
