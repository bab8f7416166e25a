//! Demo data for samverka.
//!
//! Two data sets, both written through the application's loader (the
//! store's own writes) so that every row gets its audit entry exactly as if
//! a person had typed it:
//!
//! - [`load_county`]: Uppsala county as its 2025 follow-up describes it (the
//!   17 centres, their services and co-location, population 2024), plus a
//!   small fictional region that follows Region Skåne's stricter rules, and
//!   a handful of demo accounts, and Uppsala's governance (people, groups,
//!   meetings, decisions, matters, introductions). Written in one transaction.
//! - [`load_national`]: a synthetic country (21 regions, 290 municipalities,
//!   500 centres, ten years of population, governance like the county's)
//!   from a seeded random generator, for trying the product at national scale.

mod governance;
mod registry;
mod surveys;

#[cfg(test)]
mod tests;

pub use registry::county::{load_county, load_county_as, load_county_without_surveys};
pub use registry::national::{load_national, load_national_with};
pub use surveys::{Mood, respond};

/// One demo account, as the command line prints it after loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoLogin {
    /// The login name.
    pub email: String,
    /// The password in clear text (it is a demo).
    pub password: String,
    /// The role's code, as in [`samverka_core::Role::code`].
    pub role: &'static str,
    /// What the account may see or edit, in words ("Region Uppsala").
    pub scope: String,
}

/// True when the database has no regions and no users yet, i.e. it is safe
/// to load demo data into it.
pub async fn is_empty(app: &samverka_app::App) -> anyhow::Result<bool> {
    Ok(app.is_empty().await?)
}

/// The password the demo gave an account, by its login name (the county's
/// accounts and every synthetic region's county coordinator).
fn demo_password(email: &str) -> Option<&'static str> {
    let known = [
        ("admin@demo.samverka.se", "demo-admin"),
        ("lan@uppsala.demo.samverka.se", "demo-lan"),
        ("lokal.savja@uppsala.demo.samverka.se", "demo-savja"),
        ("lokal.heby@uppsala.demo.samverka.se", "demo-heby"),
        ("lasare@uppsala.demo.samverka.se", "demo-lasare"),
        ("lan@sydslatt.demo.samverka.se", "demo-sydslatt"),
    ];
    if let Some((_, p)) = known.iter().find(|(e, _)| *e == email) {
        return Some(p);
    }
    (email.starts_with("lan@") && email.ends_with(".demo.samverka.se"))
        .then_some(registry::national::COORDINATOR_PASSWORD)
}

/// The demo accounts a filled database holds, with the passwords the demo
/// gave them (a password changed since is not known), for printing again
/// when `demo` finds its data already there.
pub async fn existing_logins(app: &samverka_app::App) -> anyhow::Result<Vec<DemoLogin>> {
    let ctx = app.cli();
    let accounts = samverka_app::accounts::manage::list_all(&ctx).await?;
    Ok(accounts
        .into_iter()
        .filter(|a| !a.account.disabled)
        .filter_map(|a| {
            let password = demo_password(&a.account.email)?;
            let role = a.grants.first().map_or("", |g| g.grant.role.code());
            Some(DemoLogin {
                email: a.account.email.clone(),
                password: password.to_string(),
                role,
                scope: a.account.name.clone(),
            })
        })
        .collect())
}

/// One line of the accounts the command line prints.
fn login(email: &str, password: &str, role: samverka_core::Role, scope: impl Into<String>) -> DemoLogin {
    DemoLogin {
        email: email.to_string(),
        password: password.to_string(),
        role: role.code(),
        scope: scope.into(),
    }
}
