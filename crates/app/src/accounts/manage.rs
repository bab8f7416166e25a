//! Managing accounts: a county coordinator gives and takes roles in their own
//! region, and blocks an account there; an administrator blocks and unblocks
//! accounts everywhere. The account rules (address, name, password) are
//! checked here and only here, for the pages, the API and the command line.

use std::collections::BTreeSet;

use samverka_core::account::{email_key, is_email, password_problem};
use samverka_core::validation::required_text;
use samverka_core::{Account, Centre, FieldErrors, Grant, Region, Role};
use samverka_store::accounts::users::{self, StoredGrant};
use samverka_store::accounts::{sessions, tokens};
use samverka_store::platform::mail::{self, Mail};
use samverka_store::registry::{centres, regions};
use samverka_store::{Conn, Tx};

use super::{passwords, resets};
use crate::{Ctx, Error, Result};

/// One account as a region's account page lists it.
#[derive(Debug, Clone)]
pub struct RegionAccount {
    /// The account.
    pub account: Account,
    /// Its grants in the region.
    pub grants: Vec<StoredGrant>,
    /// Whether its grants in the region are blocked.
    pub blocked_here: bool,
    /// Whether the acting coordinator manages the account as a whole (it
    /// holds no grants outside their regions): then they may also revoke its
    /// tokens and send it a password link.
    pub managed: bool,
}

/// A region's accounts page.
#[derive(Debug, Clone)]
pub struct RegionAccounts {
    /// The region.
    pub region: Region,
    /// Its accounts, by name.
    pub accounts: Vec<RegionAccount>,
    /// Its open centres (for local coordinators' grants).
    pub centres: Vec<Centre>,
}

/// Whether the actor manages an account as a whole: an administrator, or a
/// county coordinator of every region the account holds a grant in (never an
/// administrator's account).
pub(crate) fn manages_account(ctx: &Ctx, grants: &[StoredGrant]) -> bool {
    if ctx.actor.is_admin() {
        return true;
    }
    !grants.is_empty()
        && grants.iter().all(|g| match g.grant.role {
            Role::Admin => false,
            _ => g.grant.region_id.is_some_and(|r| ctx.actor.can_manage_region(r)),
        })
}

/// The accounts of a region (its county coordinators and admins).
pub async fn region_accounts(ctx: &Ctx, region_id: i64) -> Result<RegionAccounts> {
    let mut c = ctx.read().await?;
    let region = regions::get(&mut c, region_id).await?;
    Error::require(ctx.actor.can_manage_region(region.id))?;
    let mut accounts = Vec::new();
    for (account, grants) in users::list_in_region(&mut c, region.id).await? {
        let all = users::grants(&mut c, account.id).await?;
        accounts.push(RegionAccount {
            blocked_here: grants.iter().all(|g| g.disabled_at.is_some()),
            managed: manages_account(ctx, &all),
            account,
            grants,
        });
    }
    let centres = centres::list(&mut c, Some(region.id))
        .await?
        .into_iter()
        .filter(|c| c.closed_on.is_none())
        .collect();
    Ok(RegionAccounts {
        region,
        accounts,
        centres,
    })
}

/// A request to give someone access: an address, a name, the grants, and,
/// from the command line only, a password (otherwise a link to set one is mailed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessRequest {
    /// E-mail address (the login name).
    pub email: String,
    /// Full name (kept as it is on an existing account).
    pub name: String,
    /// A password to set, checked against the rules.
    pub password: Option<String>,
    /// The grants to give.
    pub grants: Vec<Grant>,
}

/// What giving access did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Granted {
    /// A new account was made.
    Created {
        /// Its id.
        user_id: i64,
    },
    /// An existing account got the grants.
    Extended {
        /// Its id.
        user_id: i64,
    },
}

impl Granted {
    /// The account's id.
    pub fn user_id(&self) -> i64 {
        match self {
            Granted::Created { user_id } | Granted::Extended { user_id } => *user_id,
        }
    }
}

fn check_request(req: &AccessRequest) -> std::result::Result<(), FieldErrors> {
    let mut errors = FieldErrors::default();
    request_problems(req, &mut errors);
    errors.into_result(())
}

/// Records what is wrong with a request (a role problem only once).
fn request_problems(req: &AccessRequest, errors: &mut FieldErrors) {
    if !is_email(&req.email) {
        errors.add("email", "invalid-email");
    }
    required_text(errors, "name", &req.name, 200);
    if let Some(p) = &req.password
        && let Some(code) = password_problem(p)
    {
        errors.add("password", code);
    }
    if req.grants.is_empty() && errors.get("role").is_none() && errors.get("centre").is_none() {
        errors.add("role", "required");
    }
}

async fn check_centres(tx: &mut Conn, grants: &[Grant]) -> Result<()> {
    for g in grants {
        if let Some(id) = g.centre_id {
            let centre = match centres::get(tx, id).await {
                Ok(c) => c,
                Err(samverka_store::StoreError::NotFound) => {
                    return Err(Error::field("centre", "invalid-choice"));
                }
                Err(e) => return Err(e.into()),
            };
            if Some(centre.region_id) != g.region_id || centre.closed_on.is_some() {
                return Err(Error::field("centre", "invalid-choice"));
            }
        }
    }
    Ok(())
}

/// Gives access: makes the account if the address has none, and adds the
/// grants. The answer is the same whether the address had an account or not
/// (the page says the same either way), so the form reveals nothing about
/// other regions' accounts. An existing account's name and password are
/// left as they are unless the command line sets a password.
pub async fn grant_access(ctx: &Ctx, req: &AccessRequest) -> Result<Granted> {
    check_request(req)?;
    for g in &req.grants {
        Error::require(ctx.actor.can_grant(g))?;
    }
    let password_hash = match &req.password {
        Some(p) => Some(passwords::hash(p).await?),
        None => None,
    };
    let mut tx = ctx.write().await?;
    check_centres(&mut tx, &req.grants).await?;
    let email = email_key(&req.email);
    let granted = match users::find_by_email(&mut tx, &email).await? {
        Some(existing) => {
            for g in &req.grants {
                users::add_grant(&mut tx, &ctx.who, existing.id, g).await?;
            }
            if let Some(h) = &password_hash {
                users::set_password(&mut tx, &ctx.who, existing.id, h).await?;
                sessions::end_for_user(&mut tx, existing.id, None).await?;
            }
            Granted::Extended { user_id: existing.id }
        }
        None => {
            let id = users::create(&mut tx, &ctx.who, &email, &req.name, password_hash.as_deref()).await?;
            for g in &req.grants {
                users::add_grant(&mut tx, &ctx.who, id, g).await?;
            }
            Granted::Created { user_id: id }
        }
    };
    if req.password.is_none() {
        let region_names = region_names(&mut tx, &req.grants).await?;
        let link = match granted {
            Granted::Created { user_id } => Some(resets::new_link(ctx, &mut tx, user_id).await?),
            Granted::Extended { .. } => None,
        };
        let (subject, body) = super::mails::access_given(ctx, &email, &region_names, link.as_deref());
        mail::enqueue(
            &mut tx,
            &Mail {
                to: email.clone(),
                subject,
                body,
            },
        )
        .await?;
    }
    ctx.commit(tx).await?;
    Ok(granted)
}

async fn region_names(c: &mut Conn, grants: &[Grant]) -> Result<Vec<String>> {
    let ids: BTreeSet<i64> = grants.iter().filter_map(|g| g.region_id).collect();
    let mut out = Vec::new();
    for id in ids {
        out.push(regions::get(c, id).await?.name);
    }
    Ok(out)
}

/// The grants a region's account form asks for: one per centre for a local
/// coordinator, one for the region otherwise. Administrators are never made here.
pub fn form_grants(region_id: i64, role: &str, centres: &[i64]) -> Result<Vec<Grant>> {
    let mut errors = FieldErrors::default();
    let grants = grants_of(region_id, role, centres, &mut errors);
    Ok(errors.into_result(grants)?)
}

/// The grants a region's form asks for; problems go into `errors`.
fn grants_of(region_id: i64, role: &str, centres: &[i64], errors: &mut FieldErrors) -> Vec<Grant> {
    let role = Role::parse(role).filter(|r| *r != Role::Admin);
    let Some(role) = role else {
        errors.add("role", "required");
        return Vec::new();
    };
    if role != Role::LocalCoordinator {
        return vec![Grant {
            role,
            region_id: Some(region_id),
            centre_id: None,
        }];
    }
    if centres.is_empty() {
        errors.add("centre", "choose-one");
    }
    centres
        .iter()
        .map(|c| Grant {
            role,
            region_id: Some(region_id),
            centre_id: Some(*c),
        })
        .collect()
}

/// The region's "give access" form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccessForm {
    /// E-mail address.
    pub email: String,
    /// Full name.
    pub name: String,
    /// The role's code.
    pub role: String,
    /// The centres, for a local coordinator.
    pub centres: Vec<i64>,
}

/// Gives access in a region from its form: every problem with the address,
/// the name, the role and the centres is reported at once; then as
/// [`grant_access`] (a link to choose a password is mailed to new accounts).
pub async fn give_access(ctx: &Ctx, region_id: i64, form: &AccessForm) -> Result<Granted> {
    let mut errors = FieldErrors::default();
    let grants = grants_of(region_id, &form.role, &form.centres, &mut errors);
    let req = AccessRequest {
        email: form.email.clone(),
        name: form.name.clone(),
        password: None,
        grants,
    };
    request_problems(&req, &mut errors);
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    grant_access(ctx, &req).await
}

/// An account with grants in a region that the actor manages (and not the actor).
async fn member(ctx: &Ctx, tx: &mut Tx, region_id: i64, user_id: i64) -> Result<Vec<StoredGrant>> {
    Error::require(ctx.actor.can_manage_region(region_id))?;
    regions::get(tx, region_id).await?;
    let grants = users::grants(tx, user_id).await?;
    if !grants.iter().any(|g| g.grant.region_id == Some(region_id)) {
        return Err(Error::NotFound);
    }
    if Some(user_id) == ctx.user_id() {
        return Err(Error::Conflict("self"));
    }
    Ok(grants)
}

/// Blocks or unblocks an account's grants in one region (its county
/// coordinators and admins). The account keeps its roles elsewhere: rights
/// are read afresh on every request, so its logins lose the region at once
/// and keep the rest. Only an account left with no working role at all is
/// logged out, so a region's coordinator can never end the logins of an
/// account that also works elsewhere (an administrator's, say).
pub async fn set_blocked_in_region(ctx: &Ctx, region_id: i64, user_id: i64, blocked: bool) -> Result<()> {
    let mut tx = ctx.write().await?;
    member(ctx, &mut tx, region_id, user_id).await?;
    users::set_region_disabled(&mut tx, &ctx.who, user_id, region_id, blocked).await?;
    if blocked {
        log_out_if_nothing_left(&mut tx, user_id).await?;
    }
    ctx.commit(tx).await
}

/// Takes every role an account holds in a region away (its county
/// coordinators and admins); as with blocking, its logins end only when it
/// has no working role left.
pub async fn revoke_region(ctx: &Ctx, region_id: i64, user_id: i64) -> Result<()> {
    let mut tx = ctx.write().await?;
    member(ctx, &mut tx, region_id, user_id).await?;
    users::revoke_region(&mut tx, &ctx.who, user_id, region_id).await?;
    log_out_if_nothing_left(&mut tx, user_id).await?;
    ctx.commit(tx).await
}

/// Ends an account's logins when it holds no working role any more.
async fn log_out_if_nothing_left(tx: &mut Tx, user_id: i64) -> Result<()> {
    if users::active_grants(tx, user_id).await?.is_empty() {
        sessions::end_for_user(tx, user_id, None).await?;
    }
    Ok(())
}

/// Blocks or unblocks an account everywhere (administrators only). Blocking
/// ends its sessions and revokes its API tokens.
pub async fn set_disabled(ctx: &Ctx, user_id: i64, disabled: bool) -> Result<()> {
    Error::require(ctx.actor.is_admin())?;
    if Some(user_id) == ctx.user_id() {
        return Err(Error::Conflict("self"));
    }
    let mut tx = ctx.write().await?;
    users::set_disabled(&mut tx, &ctx.who, user_id, disabled).await?;
    if disabled {
        sessions::end_for_user(&mut tx, user_id, None).await?;
    }
    ctx.commit(tx).await
}

/// One account in the administrator's list.
#[derive(Debug, Clone)]
pub struct AccountSummary {
    /// The account.
    pub account: Account,
    /// All its grants.
    pub grants: Vec<StoredGrant>,
    /// Its API tokens that still work.
    pub active_tokens: usize,
}

/// Every account (administrators and the command line).
pub async fn list_all(ctx: &Ctx) -> Result<Vec<AccountSummary>> {
    Error::require(ctx.actor.is_admin())?;
    let mut c = ctx.read().await?;
    let mut out = Vec::new();
    for mut account in users::list(&mut c).await? {
        account.password_hash = None;
        let grants = users::grants(&mut c, account.id).await?;
        let active_tokens = tokens::of_user(&mut c, account.id)
            .await?
            .iter()
            .filter(|t| t.is_active(ctx.today))
            .count();
        out.push(AccountSummary {
            account,
            grants,
            active_tokens,
        });
    }
    Ok(out)
}

/// An account by e-mail (administrators and the command line).
pub async fn find(ctx: &Ctx, email: &str) -> Result<Account> {
    Error::require(ctx.actor.is_admin())?;
    let mut c = ctx.read().await?;
    let mut a = users::find_by_email(&mut c, email)
        .await?
        .ok_or(Error::NotFound)?;
    a.password_hash = None;
    Ok(a)
}
