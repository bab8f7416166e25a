//! The frame of every page.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use tower_sessions::Session;

use super::nav::{TabLink, region_tabs};
use crate::http::csrf::CsrfToken;
use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::http::i18n::Tr;

const FLASH_KEY: &str = "flash";

/// Tabs shown on the pages of one region.
#[derive(Debug, Clone)]
pub struct RegionNav {
    /// Region id.
    pub id: i64,
    /// Region name.
    pub name: String,
    /// The tabs.
    pub tabs: Vec<TabLink>,
}

/// The frame of every page.
#[derive(Debug, Clone)]
pub struct Page {
    /// Translator.
    pub t: Tr,
    /// The page's title (also its `<h1>` unless the template says otherwise).
    pub title: String,
    /// The account, when logged in.
    pub user: Option<CurrentUser>,
    /// The CSRF token every form on the page carries.
    pub csrf: String,
    /// This page's path and query, URL-encoded, to come back to after a language switch.
    pub here: String,
    /// On a form posted by a logged-in account and shown again: the address
    /// the language switch posts the form back to (the form's own address
    /// with `switch_lang=`), so that what was typed stays. The form shown
    /// again carries `id="page-form"`.
    pub again: Option<String>,
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

    /// Whether this page answers a post to `action` (a form's address, its
    /// query aside): that form gets `id="page-form"`, for the language
    /// switch to post it back.
    pub fn posted_to(&self, action: impl AsRef<str>) -> bool {
        let path = |a: &str| a.split('?').next().unwrap_or_default().to_string();
        self.again
            .as_deref()
            .is_some_and(|a| path(a) == path(action.as_ref()))
    }

    /// The same page without the language switch that posts the form back:
    /// for an answer to a post that is not the form shown again (a secret
    /// shown once must not be made again by switching language).
    pub fn not_again(mut self) -> Page {
        self.again = None;
        self
    }

    /// The same page with region tabs.
    pub fn in_region(mut self, id: i64, name: &str, manage: bool, active: &'static str) -> Page {
        self.region_nav = Some(RegionNav {
            id,
            name: name.to_string(),
            tabs: region_tabs(&self.t, id, manage, active),
        });
        self
    }

    /// With region tabs when the actor may read the whole region (a group's
    /// member from outside the region sees the page without them).
    pub fn in_region_if(self, shown: bool, id: i64, name: &str, manage: bool, active: &'static str) -> Page {
        if shown {
            self.in_region(id, name, manage, active)
        } else {
            self
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Page {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let t = Tr::from_request_parts(parts, state).await.unwrap_or_default();
        let user = parts.extensions.get::<CurrentUser>().cloned();
        let csrf = parts
            .extensions
            .get::<CsrfToken>()
            .map(|c| c.0.clone())
            .unwrap_or_default();
        // Reading the flash writes only when there is one to take away.
        let flash = match (parts.extensions.get::<Session>(), &user) {
            (Some(session), Some(_)) => match session.get::<String>(FLASH_KEY).await {
                Ok(Some(f)) => {
                    session.remove::<String>(FLASH_KEY).await.ok();
                    Some(f)
                }
                _ => None,
            },
            _ => None,
        };
        let here_raw = crate::http::error::come_back_to(&parts.method, &parts.uri, &parts.headers);
        let here = serde_urlencoded::to_string([("next", here_raw.as_str())]).unwrap_or_default();
        let again = (parts.method == axum::http::Method::POST && user.is_some())
            .then(|| crate::http::i18n::switch_address(&parts.uri, t.lang.other()));
        Ok(Page {
            t,
            title: String::new(),
            user,
            csrf,
            here,
            again,
            region_nav: None,
            flash,
        })
    }
}

/// Leaves a message for the next page the account sees.
pub async fn flash(session: &Session, message: String) {
    session.insert(FLASH_KEY, message).await.ok();
}
