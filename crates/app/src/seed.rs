//! Loading whole data sets (the demo county, a synthetic country) in one
//! transaction, through the store's own writes so that every row gets its
//! audit entry exactly as if a person had typed it. For the command line's
//! `demo` only: it acts with every right, as `kommandorad`.

use chrono::NaiveDate;
use samverka_core::centre::{CentreInput, UnitInput};
use samverka_core::governance::{
    Assignment, AttendanceStatus, DecisionCategory, Group, GroupInput, Matter, MatterStep, MeetingStatus,
    Person, PersonInput, minutes,
};
use samverka_core::surveys::definition::Definition;
use samverka_core::surveys::response::Answers;
use samverka_core::surveys::round::Channel;
use samverka_core::{Grant, RuleSet};
use samverka_store::Tx;
use samverka_store::accounts::users;
use samverka_store::governance::meetings::MeetingFields;
use samverka_store::governance::{assignments, decisions, groups, introductions, matters, meetings, people};
pub use samverka_store::registry::municipalities::Numbers;
use samverka_store::registry::{centres, municipalities, regions};
pub use samverka_store::surveys::invitations::NewInvitation;
pub use samverka_store::surveys::responses::NewResponse;
use samverka_store::surveys::rounds as survey_rounds;
pub use samverka_store::surveys::rounds::{RoundCentre, RoundInput};
use samverka_store::surveys::{instruments, invitations, responses};

use crate::{App, Ctx, Error, Result};

/// A write transaction for loading data, audited as the command line.
pub struct Seeder {
    tx: Tx,
    ctx: Ctx,
}

impl std::fmt::Debug for Seeder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Seeder")
    }
}

impl Seeder {
    /// Starts loading (the command line's context only).
    pub async fn begin(ctx: &Ctx) -> Result<Seeder> {
        Error::require(ctx.account.is_none() && ctx.actor.is_admin())?;
        Ok(Seeder {
            tx: ctx.write().await?,
            ctx: ctx.clone(),
        })
    }

    /// Commits everything loaded.
    pub async fn commit(self) -> Result<()> {
        self.ctx.commit(self.tx).await
    }

    /// Today, by the application's clock.
    pub fn today(&self) -> NaiveDate {
        self.ctx.today
    }

    /// A region.
    pub async fn region(&mut self, name: &str, code: Option<&str>, rules: &RuleSet) -> Result<i64> {
        Ok(regions::create(&mut self.tx, &self.ctx.who, name, code, rules).await?)
    }

    /// A region's governance rules.
    pub async fn governance(
        &mut self,
        region_id: i64,
        settings: &samverka_core::governance::GovernanceSettings,
    ) -> Result<()> {
        Ok(regions::update_governance(&mut self.tx, &self.ctx.who, region_id, settings).await?)
    }

    /// A municipality.
    pub async fn municipality(&mut self, region_id: i64, code: &str, name: &str) -> Result<i64> {
        Ok(municipalities::create(&mut self.tx, region_id, code, name).await?)
    }

    /// Population numbers of a region.
    pub async fn population(&mut self, region_id: i64, numbers: &[Numbers]) -> Result<()> {
        Ok(municipalities::set_population(&mut self.tx, &self.ctx.who, region_id, numbers).await?)
    }

    /// A centre.
    pub async fn centre(&mut self, region_id: i64, input: &CentreInput) -> Result<i64> {
        Ok(centres::create(&mut self.tx, &self.ctx.who, region_id, input).await?)
    }

    /// Premises (*lokaler*) of a centre.
    pub async fn premises(&mut self, centre_id: i64, input: &samverka_core::PremisesInput) -> Result<i64> {
        let centre = centres::get(&mut self.tx, centre_id).await?;
        Ok(samverka_store::registry::premises::create(&mut self.tx, &self.ctx.who, &centre, input).await?)
    }

    /// A unit of a centre.
    pub async fn unit(&mut self, centre_id: i64, input: &UnitInput) -> Result<i64> {
        let centre = centres::get(&mut self.tx, centre_id).await?;
        Ok(centres::create_unit(&mut self.tx, &self.ctx.who, &centre, input).await?)
    }

    /// A login account with a password hash and grants.
    pub async fn account(
        &mut self,
        email: &str,
        name: &str,
        password_hash: &str,
        grants: &[Grant],
    ) -> Result<i64> {
        let id = users::create(&mut self.tx, &self.ctx.who, email, name, Some(password_hash)).await?;
        for g in grants {
            users::add_grant(&mut self.tx, &self.ctx.who, id, g).await?;
        }
        Ok(id)
    }

    /// A person.
    pub async fn person(&mut self, region_id: i64, input: &PersonInput) -> Result<i64> {
        Ok(people::create(&mut self.tx, &self.ctx.who, region_id, input).await?)
    }

    /// A group.
    pub async fn group(&mut self, region_id: i64, input: &GroupInput) -> Result<i64> {
        Ok(groups::create(&mut self.tx, &self.ctx.who, region_id, input).await?)
    }

    /// An assignment.
    pub async fn assignment(&mut self, a: &Assignment) -> Result<i64> {
        Ok(assignments::create(&mut self.tx, &self.ctx.who, a).await?)
    }

    /// An introduction session with the assignments it introduced.
    pub async fn session(
        &mut self,
        region_id: i64,
        on: NaiveDate,
        held_by: Option<i64>,
        title: &str,
        assignment_ids: &[i64],
    ) -> Result<i64> {
        Ok(introductions::create_session(
            &mut self.tx,
            &self.ctx.who,
            region_id,
            on,
            held_by,
            title,
            assignment_ids,
        )
        .await?)
    }

    /// A meeting of a group.
    pub async fn meeting(
        &mut self,
        group_id: i64,
        on: NaiveDate,
        status: MeetingStatus,
        agenda: Option<&str>,
    ) -> Result<i64> {
        let group = groups::get(&mut self.tx, group_id).await?;
        let fields = MeetingFields {
            held_on: on,
            status,
            agenda,
            minutes: None,
        };
        Ok(meetings::create(
            &mut self.tx,
            &self.ctx.who,
            group.region_id,
            group.id,
            &fields,
            &[],
        )
        .await?)
    }

    /// A meeting's attendance.
    pub async fn attendance(
        &mut self,
        meeting_id: i64,
        attendance: &[(i64, AttendanceStatus)],
    ) -> Result<()> {
        Ok(meetings::set_attendance(&mut self.tx, meeting_id, attendance).await?)
    }

    /// A meeting's minutes, published on a day or not, without notices.
    pub async fn minutes(
        &mut self,
        meeting_id: i64,
        md: &str,
        published_on: Option<NaiveDate>,
    ) -> Result<()> {
        let m = meetings::get(&mut self.tx, meeting_id).await?;
        let group = groups::get(&mut self.tx, m.group_id).await?;
        let html = minutes::render(md).map_err(|e| {
            tracing::error!("demo minutes cannot be rendered: {e:?}");
            Error::Internal
        })?;
        Ok(meetings::set_minutes(
            &mut self.tx,
            &self.ctx.who,
            group.region_id,
            meeting_id,
            (md, &html),
            published_on,
        )
        .await?)
    }

    /// A decision of a meeting.
    pub async fn decision(
        &mut self,
        meeting_id: i64,
        category: DecisionCategory,
        text: &str,
        centre_ids: &[i64],
    ) -> Result<i64> {
        let m = meetings::get(&mut self.tx, meeting_id).await?;
        let group = groups::get(&mut self.tx, m.group_id).await?;
        Ok(decisions::create(
            &mut self.tx,
            &self.ctx.who,
            group.region_id,
            meeting_id,
            category,
            text,
            centre_ids,
        )
        .await?)
    }

    /// A matter raised as a draft.
    #[expect(clippy::too_many_arguments, reason = "each is a column of the matter")]
    pub async fn matter(
        &mut self,
        region_id: i64,
        from_group_id: Option<i64>,
        to_group_id: i64,
        title: &str,
        body: Option<&str>,
        on: NaiveDate,
        person_id: Option<i64>,
    ) -> Result<i64> {
        let m = matters::NewMatter {
            region_id,
            from_group_id,
            to_group_id,
            title,
            body,
            on,
            person_id,
        };
        Ok(matters::create(&mut self.tx, &self.ctx.who, &m).await?)
    }

    /// Moves a matter one step.
    pub async fn advance(
        &mut self,
        matter_id: i64,
        step: &MatterStep,
        decision_id: Option<i64>,
    ) -> Result<()> {
        let m = matters::get(&mut self.tx, matter_id).await?;
        Ok(matters::advance(&mut self.tx, &self.ctx.who, &m, step, decision_id).await?)
    }

    /// The groups of a region (as loaded so far).
    pub async fn groups(&mut self, region_id: i64) -> Result<Vec<Group>> {
        Ok(groups::list(&mut self.tx, Some(region_id)).await?)
    }

    /// The people of a region (as loaded so far).
    pub async fn people(&mut self, region_id: i64) -> Result<Vec<Person>> {
        Ok(people::list(&mut self.tx, region_id).await?)
    }

    /// A matter (as loaded so far).
    pub async fn get_matter(&mut self, id: i64) -> Result<Matter> {
        Ok(matters::get(&mut self.tx, id).await?)
    }

    /// A region by name or code, with the ids of its centres (as loaded so far).
    pub async fn region_named(&mut self, name: &str) -> Result<(i64, Vec<i64>)> {
        let region = regions::find(&mut self.tx, name).await?;
        let ids = centres::list(&mut self.tx, Some(region.id))
            .await?
            .into_iter()
            .map(|c| c.id)
            .collect();
        Ok((region.id, ids))
    }

    /// The ids of a region's people (as loaded so far).
    pub async fn people_of(&mut self, region_id: i64) -> Result<Vec<i64>> {
        Ok(people::list(&mut self.tx, region_id)
            .await?
            .into_iter()
            .filter(|p| !p.erased)
            .map(|p| p.id)
            .collect())
    }

    /// The built-in surveys' published versions, by the survey's key (the
    /// newest of each): `(version id, definition)`.
    pub async fn builtin_versions(&mut self) -> Result<Vec<(String, i64, Definition)>> {
        let mut out = Vec::new();
        for instrument in instruments::list(&mut self.tx, None).await? {
            if let Some(v) = instruments::versions(&mut self.tx, instrument.id)
                .await?
                .into_iter()
                .rfind(|v| v.is_published())
            {
                out.push((instrument.key.clone(), v.id, v.definition));
            }
        }
        Ok(out)
    }

    /// A survey round with its links.
    pub async fn round(&mut self, input: &RoundInput) -> Result<i64> {
        Ok(survey_rounds::create(&mut self.tx, &self.ctx.who, input).await?)
    }

    /// One response, as it came in on `day`.
    pub async fn response(
        &mut self,
        round_id: i64,
        centre_id: Option<i64>,
        language: &str,
        channel: Channel,
        day: NaiveDate,
        answers: &Answers,
    ) -> Result<()> {
        Ok(responses::insert(&mut self.tx, round_id, centre_id, language, channel, day, answers).await?)
    }

    /// Many responses to a round at once (answers checked by the caller);
    /// call [`Seeder::rebuild_counts`] for the round before committing.
    pub async fn responses_bulk(&mut self, round_id: i64, list: &[NewResponse<'_>]) -> Result<()> {
        Ok(responses::insert_many(&mut self.tx, round_id, list).await?)
    }

    /// Recounts a round's kept answer counts after [`Seeder::responses_bulk`].
    pub async fn rebuild_counts(&mut self, round_id: i64) -> Result<()> {
        Ok(responses::rebuild_counts(&mut self.tx, Some(round_id)).await?)
    }

    /// Invitations to a round sent on `day`; those listed in `used` (by
    /// their place in `invites`) have answered.
    pub async fn invitations(
        &mut self,
        round_id: i64,
        invites: &[NewInvitation],
        used: &[usize],
        day: NaiveDate,
    ) -> Result<()> {
        let round = survey_rounds::get(&mut self.tx, round_id).await?;
        invitations::create(&mut self.tx, &self.ctx.who, &round, invites, day).await?;
        for i in used {
            if let Some(invite) = invites.get(*i) {
                invitations::use_token(&mut self.tx, &invite.token_hash).await?;
            }
        }
        Ok(())
    }
}

/// Hashes a password now (for demo accounts).
pub fn hash_password(password: &str) -> Result<String> {
    crate::accounts::passwords::hash_now(password).map_err(|e| {
        tracing::error!("password hashing failed: {e}");
        Error::Internal
    })
}

/// Whether the application's database holds nothing yet.
pub async fn is_empty(app: &App) -> Result<bool> {
    app.is_empty().await
}
