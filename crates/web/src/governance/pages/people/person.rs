//! A person's page: details, the whole assignment history and introductions.

use askama::Template;
use axum::extract::Path;
use axum::response::Response;
use samverka_app::governance::people::{self, PersonPage as Data};

use super::registry::{AssignmentLine, Introduced, line};
use super::unit_label;
use crate::governance::words::{display_name, employer_of};
use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::ui::Page;
use crate::ui::render::html;

#[derive(Template)]
#[template(path = "governance/person.html")]
pub(crate) struct PersonPage {
    pub(crate) page: Page,
    pub(crate) id: i64,
    pub(crate) erased: bool,
    pub(crate) email: Option<String>,
    pub(crate) phone: Option<String>,
    pub(crate) profession: Option<String>,
    pub(crate) employer: Option<String>,
    pub(crate) unit: Option<String>,
    pub(crate) account: Option<String>,
    pub(crate) current: Vec<AssignmentLine>,
    pub(crate) ended: Vec<AssignmentLine>,
    pub(crate) can_manage: bool,
    pub(crate) can_add: bool,
    pub(crate) today: String,
    /// A rejected end date: assignment id, value sent, message.
    pub(crate) end_error: Option<(i64, String, String)>,
    pub(crate) errors: Vec<(String, String)>,
}

impl PersonPage {
    fn end_error_for(&self, id: &i64) -> Option<&String> {
        self.end_error
            .as_ref()
            .filter(|(a, _, _)| a == id)
            .map(|(_, _, m)| m)
    }

    fn end_value_for(&self, id: &i64) -> String {
        self.end_error
            .as_ref()
            .filter(|(a, _, _)| a == id)
            .map(|(_, v, _)| v.clone())
            .unwrap_or_else(|| self.today.clone())
    }
}

pub(crate) fn person_page(
    user: &CurrentUser,
    page: Page,
    d: &Data,
    end_error: Option<(i64, String, String)>,
) -> PersonPage {
    let t = page.t;
    let day = user.today;
    let mut current = Vec::new();
    let mut ended = Vec::new();
    for a in d.history.iter().rev() {
        let is_ended = a.ends_on.is_some_and(|e| e < day);
        let introduced = Introduced {
            on: &d.introduced,
            settings: &d.region.governance,
            history: &d.history,
        };
        let l = line(&t, a, &d.places, Some(introduced), day, d.endable.contains(&a.id));
        if is_ended { ended.push(l) } else { current.push(l) }
    }
    let errors = end_error
        .as_ref()
        .map(|(id, _, m)| vec![(format!("ends_on-{id}"), m.clone())])
        .unwrap_or_default();
    let p = &d.person;
    PersonPage {
        page: page
            .titled(display_name(&t, p))
            .in_region(d.region.id, &d.region.name, d.can_manage, "people"),
        id: p.id,
        erased: p.erased,
        email: p.email.clone(),
        phone: p.phone.clone(),
        profession: p.profession.clone(),
        employer: employer_of(&t, p),
        unit: d.unit.as_ref().map(|(u, centre)| unit_label(&t, u, centre)),
        account: d.account.as_ref().map(|a| format!("{} ({})", a.name, a.email)),
        current,
        ended,
        can_manage: d.can_manage,
        can_add: d.can_add,
        today: day.to_string(),
        end_error,
        errors,
    }
}

pub(crate) async fn show_person(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let d = people::get(&user, id).await?;
    html(person_page(&user, page, &d, None))
}
