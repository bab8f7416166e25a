//! Personal invitations (*inbjudningar*) to a round: a mail to each person
//! of the chosen audiences with a link holding a one-time token, reminders
//! to those who have not answered (a scheduled job that takes a lease), and
//! the response rate per centre. Only the token's hash is kept, and only
//! whether it was used: never when, never with the response.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use samverka_core::surveys::audience::{Audience, invitees};
use samverka_store::governance::{assignments, groups, people};
use samverka_store::platform::mail::{self, Mail};
use samverka_store::surveys::invitations::{self, NewInvitation, Reminder};
use samverka_store::surveys::rounds::{self, Round};

use crate::accounts::passwords::{hash_secret, new_secret};
use crate::{App, Ctx, Error, Result};

/// Days between an invitation (or its last reminder) and the next reminder.
pub const REMIND_AFTER_DAYS: u64 = 7;

/// The lease the reminder job holds while it works.
pub const REMIND_LEASE: &str = "survey-reminders";

/// The link an invitation's token opens.
fn link(app: &App, token: &str) -> String {
    format!("{}/i/{token}", app.config().public_url.trim_end_matches('/'))
}

/// The invitation mail (in Swedish, with a line in English).
fn invitation_mail(app: &App, round: &Round, to: &str, token: &str, reminder: bool) -> Mail {
    let link = link(app, token);
    let closes = round.closes_on;
    let (subject, opening) = if reminder {
        (
            format!("Påminnelse: {}", round.title),
            "Vi har ännu inte fått ditt svar. Om du har tid vill vi gärna höra vad du tycker.\n\
             Den här länken ersätter den du fick tidigare.",
        )
    } else {
        (
            format!("Inbjudan att svara: {}", round.title),
            "Du är inbjuden att svara på en enkät i samverka om arbetet med familjecentralerna.",
        )
    };
    Mail {
        to: to.to_string(),
        subject,
        body: format!(
            "Hej!\n\n{opening}\n\n{link}\n\nEnkäten är öppen till och med {closes}. Länken är personlig och \
             fungerar en gång. Svaren är anonyma: det som sparas är bara att länken har använts, inte \
             vad du svarade.\n\n\
             You are invited to answer a survey about the family centres. The link works once, until \
             {closes}; your answers are anonymous.\n\n\
             Det här är ett automatiskt meddelande från samverka och går inte att svara på.\n"
        ),
    }
}

/// The e-mail addresses of a region's people, by person: erased people and
/// those without an address left out.
async fn addresses(c: &mut samverka_store::Conn, region_id: i64) -> Result<HashMap<i64, String>> {
    Ok(people::list(c, region_id)
        .await?
        .into_iter()
        .filter(|p| !p.erased)
        .filter_map(|p| Some((p.id, p.email?.trim().to_string())).filter(|(_, e)| !e.is_empty()))
        .collect())
}

/// Invites the people of `audiences` to a round (those who manage its
/// region), while the round has not closed: each gets a mail with a
/// one-time link. People already invited, erased, or without an e-mail
/// address are left out. Returns how many were invited.
pub async fn invite(ctx: &Ctx, round_id: i64, audiences: &[Audience]) -> Result<usize> {
    if audiences.is_empty() {
        return Err(Error::field("audience", "choose-one"));
    }
    let mut tx = ctx.write().await?;
    let round = rounds::get(&mut tx, round_id).await?;
    Error::require(ctx.actor.can_manage_region(round.region_id))?;
    if ctx.today > round.closes_on {
        return Err(Error::Conflict("round-closed"));
    }
    let centres: Vec<i64> = round.centres.iter().map(|c| c.centre_id).collect();
    let all = assignments::list(&mut tx, Some(round.region_id)).await?;
    let region_groups = groups::list(&mut tx, Some(round.region_id)).await?;
    let reached = invitees(audiences, &all, &region_groups, &centres, ctx.today);
    let already: Vec<i64> = invitations::list(&mut tx, round.id)
        .await?
        .into_iter()
        .map(|i| i.person_id)
        .collect();
    let addresses = addresses(&mut tx, round.region_id).await?;
    let mut invites = Vec::new();
    let mut mails = Vec::new();
    for (person, centre) in reached {
        let Some(to) = addresses.get(&person).filter(|_| !already.contains(&person)) else {
            continue;
        };
        let token = new_secret("");
        mails.push(invitation_mail(&ctx.app, &round, to, &token, false));
        invites.push(NewInvitation {
            person_id: person,
            centre_id: centre,
            token_hash: hash_secret(&token),
        });
    }
    if invites.is_empty() {
        return Ok(0);
    }
    invitations::create(&mut tx, &ctx.who, &round, &invites, ctx.today).await?;
    for m in &mails {
        mail::enqueue(&mut tx, m).await?;
    }
    ctx.commit(tx).await?;
    Ok(invites.len())
}

/// Sends reminders, with a new one-time link each (the old one stops
/// working), to everyone who has not answered an open round
/// [`REMIND_AFTER_DAYS`] days after their invitation or last reminder.
/// Returns how many were reminded. Run by the reminder job.
pub async fn remind_due(app: &App) -> Result<usize> {
    let ctx = Ctx::cli(app.clone());
    let today = ctx.today;
    let Some(due_before) = today.checked_sub_days(Days::new(REMIND_AFTER_DAYS)) else {
        return Ok(0);
    };
    let open: Vec<Round> = {
        let mut c = ctx.read().await?;
        rounds::list(&mut c, None)
            .await?
            .into_iter()
            .filter(|r| r.is_open_on(today))
            .collect()
    };
    let mut reminded = 0;
    for round in open {
        reminded += remind_round(&ctx, &round, due_before).await?;
    }
    Ok(reminded)
}

/// Reminds those of one round whose last contact was on `due_before` or earlier.
async fn remind_round(ctx: &Ctx, round: &Round, due_before: NaiveDate) -> Result<usize> {
    let mut tx = ctx.write().await?;
    let waiting: Vec<_> = invitations::not_answered(&mut tx, round.id)
        .await?
        .into_iter()
        .filter(|i| i.reminded_on.unwrap_or(i.sent_on) <= due_before)
        .collect();
    if waiting.is_empty() {
        return Ok(0);
    }
    let addresses = addresses(&mut tx, round.region_id).await?;
    let mut reminders = Vec::new();
    let mut mails = Vec::new();
    for i in waiting {
        let Some(to) = addresses.get(&i.person_id) else {
            continue;
        };
        let token = new_secret("");
        mails.push((i.id, invitation_mail(&ctx.app, round, to, &token, true)));
        reminders.push(Reminder {
            invitation_id: i.id,
            token_hash: Some(hash_secret(&token)),
        });
    }
    let done = invitations::mark_reminded(&mut tx, &ctx.who, round, &reminders, ctx.today).await?;
    for (id, m) in &mails {
        if done.contains(id) {
            mail::enqueue(&mut tx, m).await?;
        }
    }
    ctx.commit(tx).await?;
    Ok(done.len())
}

/// Runs forever: every hour, takes the lease and sends the reminders due.
pub async fn run(app: App) {
    crate::jobs::leased(
        app,
        REMIND_LEASE,
        std::time::Duration::from_secs(3600),
        1800,
        async |app: &App| match remind_due(app).await {
            Ok(0) => {}
            Ok(n) => tracing::info!("reminded {n} invited respondent(s)"),
            Err(e) => tracing::warn!("survey reminders: {e}"),
        },
    )
    .await;
}
