//! What every page shares: the translator, the logged-in account, the CSRF
//! token for its forms, flash messages, and words for domain values.

use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use samverka_core::classification::{Finding, RulePreset};
use samverka_core::{BaseService, Classification, Colocation, PrincipalKind, ServiceType};
use tower_sessions::Session;

use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::i18n::Tr;

const FLASH_KEY: &str = "flash";

/// Tabs shown on the pages of one region.
#[derive(Debug, Clone)]
pub struct RegionNav {
    /// Region id.
    pub id: i64,
    /// Region name.
    pub name: String,
    /// Whether the account manages the region (shows settings, accounts, audit).
    pub manage: bool,
    /// Which tab is open.
    pub active: &'static str,
}

/// The frame of every page.
#[derive(Debug, Clone)]
pub struct Page {
    /// Translator.
    pub t: Tr,
    /// The page's title (also its `<h1>` unless the template says otherwise).
    pub title: String,
    /// The account, when logged in.
    pub user: Option<Arc<CurrentUser>>,
    /// The CSRF token every form on the page carries.
    pub csrf: String,
    /// This page's path and query, URL-encoded, to come back to after a language switch.
    pub here: String,
    /// Region tabs, on region pages.
    pub region_nav: Option<RegionNav>,
    /// A one-time message from the previous action ("Sparat.").
    pub flash: Option<String>,
}

impl Page {
    /// The same page with a title.
    pub fn titled(mut self, title: impl Into<String>) -> Page {
        self.title = title.into();
        self
    }

    /// The same page with region tabs.
    pub fn in_region(mut self, id: i64, name: &str, manage: bool, active: &'static str) -> Page {
        self.region_nav = Some(RegionNav {
            id,
            name: name.to_string(),
            manage,
            active,
        });
        self
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Page {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let t = Tr::from_request_parts(parts, state).await.unwrap_or_default();
        let user = parts.extensions.get::<Arc<CurrentUser>>().cloned();
        let session = parts
            .extensions
            .get::<Session>()
            .cloned()
            .ok_or(AppError::Internal)?;
        let csrf = crate::csrf::token(&session).await;
        let flash = session.remove::<String>(FLASH_KEY).await.ok().flatten();
        let here_raw = parts.uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
        let here = serde_urlencoded::to_string([("next", here_raw)]).unwrap_or_default();
        Ok(Page {
            t,
            title: String::new(),
            user,
            csrf,
            here,
            region_nav: None,
            flash,
        })
    }
}

/// Leaves a message for the next page the account sees.
pub async fn flash(session: &Session, message: String) {
    session.insert(FLASH_KEY, message).await.ok();
}

/// Words for yes, no and unknown; unknown is never shown as no.
pub fn yes_no(t: &Tr, v: Option<bool>) -> String {
    match v {
        Some(true) => t.t("value-yes"),
        Some(false) => t.t("value-no"),
        None => t.t("value-unknown"),
    }
}

/// The full name of a base service.
pub fn service_name(t: &Tr, s: ServiceType) -> String {
    t.t(&format!("service-{}", s.code()))
}

/// The name of a kind of principal.
pub fn principal_name(t: &Tr, k: Option<PrincipalKind>) -> String {
    match k {
        Some(k) => t.t(&format!("principal-{}", k.code())),
        None => t.t("value-unknown"),
    }
}

/// The name of a class.
pub fn classification_name(t: &Tr, c: Option<Classification>) -> String {
    match c {
        Some(c) => t.t(&format!("class-{}", c.code())),
        None => t.t("class-undetermined"),
    }
}

/// The name of a co-location degree.
pub fn colocation_name(t: &Tr, c: Option<Colocation>) -> String {
    match c {
        Some(c) => t.t(&format!("colocation-{}", c.code())),
        None => t.t("value-missing"),
    }
}

/// The name of a rule set.
pub fn preset_name(t: &Tr, p: RulePreset) -> String {
    t.t(match p {
        RulePreset::National => "rules-national",
        RulePreset::Skane => "rules-skane",
        RulePreset::Custom => "rules-custom",
    })
}

fn list(services: &[BaseService]) -> String {
    let names: Vec<&str> = services.iter().map(|s| s.abbreviation()).collect();
    names.join(", ")
}

/// One finding behind a classification, in words.
pub fn finding_text(t: &Tr, f: &Finding) -> String {
    match f {
        Finding::SharedBuilding { building, services } => t.args(
            "finding-shared-building",
            &[("services", list(services)), ("building", building.clone())],
        ),
        Finding::Alone { service, building } => t.args(
            "finding-alone",
            &[
                ("service", service.abbreviation().to_string()),
                ("building", building.clone()),
            ],
        ),
        Finding::Branch { service } => t.t1("finding-branch", "service", service.abbreviation()),
        Finding::Absent { service } => t.t1("finding-absent", "service", service.abbreviation()),
        Finding::LocationUnknown { service } => {
            t.t1("finding-location-unknown", "service", service.abbreviation())
        }
        Finding::FullOperationUnknown { service } => t.t1(
            "finding-full-operation-unknown",
            "service",
            service.abbreviation(),
        ),
        Finding::EntranceNotShared { services } => {
            t.t1("finding-entrance-not-shared", "services", list(services))
        }
        Finding::EntranceUnknown { services } => t.t1("finding-entrance-unknown", "services", list(services)),
        Finding::SharedHoursBelow { minutes, required } => t.args(
            "finding-hours-below",
            &[
                ("hours", samverka_core::hours::format_hours(*minutes)),
                ("required", samverka_core::hours::format_hours(*required)),
            ],
        ),
        Finding::SharedHoursUnknown { required } => t.t1(
            "finding-hours-unknown",
            "required",
            samverka_core::hours::format_hours(*required),
        ),
        Finding::NoUnits => t.t("finding-no-units"),
    }
}

/// Every problem of a form in words, with the field it belongs to (for the
/// error summary and the messages beside the fields).
pub fn field_messages(t: &Tr, errors: &samverka_core::FieldErrors) -> Vec<(&'static str, String)> {
    errors
        .0
        .iter()
        .map(|e| (e.field, t.t(&format!("field-error-{}", e.code))))
        .collect()
}

/// A field's error message, if the form has one for it.
pub fn field_error(t: &Tr, errors: &samverka_core::FieldErrors, field: &str) -> Option<String> {
    errors.get(field).map(|code| t.t(&format!("field-error-{code}")))
}
