//! The platform: the mail outbox and job leases.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::rd;
use samverka_store::commit;
use samverka_store::platform::leases;
use samverka_store::platform::mail::{self, Mail};
use samverka_store::testing::TestDb;

fn mail(to: &str) -> Mail {
    Mail {
        to: to.into(),
        subject: "Protokoll".into(),
        body: "Hej".into(),
    }
}

#[tokio::test]
async fn queued_mail_is_sent_once_and_given_up_after_ten_failures() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let mut tx = db.write().await.expect("begin");
        let a = mail::enqueue(&mut tx, &mail("a@example.se")).await.expect("a");
        let b = mail::enqueue(&mut tx, &mail("b@example.se")).await.expect("b");
        let c = mail::enqueue(&mut tx, &mail("c@example.se")).await.expect("c");
        commit(tx).await.expect("commit");

        // Queued in a transaction that is not committed: never sent.
        let mut tx = db.write().await.expect("begin");
        mail::enqueue(&mut tx, &mail("lost@example.se"))
            .await
            .expect("lost");
        drop(tx);

        let mut conn = rd(db).await;
        let cx = &mut *conn;
        let ids = |q: &[mail::Queued]| q.iter().map(|m| m.id).collect::<Vec<_>>();
        assert_eq!(
            ids(&mail::unsent(cx, 10).await.expect("unsent")),
            [a, b, c],
            "{n}: oldest first"
        );
        assert_eq!(
            ids(&mail::unsent(cx, 2).await.expect("unsent")),
            [a, b],
            "{n}: limited"
        );

        mail::mark_sent(cx, a).await.expect("sent");
        mail::mark_failed(cx, b, "connection refused")
            .await
            .expect("failed");
        let unsent = mail::unsent(cx, 10).await.expect("unsent");
        assert_eq!(ids(&unsent), [b, c], "{n}: a sent mail is not sent again");
        assert_eq!(
            (unsent[0].attempts, unsent[0].mail.to.as_str()),
            (1, "b@example.se"),
            "{n}"
        );
        for _ in 1..10 {
            mail::mark_failed(cx, b, "connection refused")
                .await
                .expect("failed");
        }
        assert_eq!(
            ids(&mail::unsent(cx, 10).await.expect("unsent")),
            [c],
            "{n}: given up after ten tries"
        );

        let all = mail::all(cx).await.expect("all");
        assert_eq!(ids(&all), [a, b, c], "{n}: every mail is kept");
        assert!(all[0].sent_at.is_some() && all[1].sent_at.is_none(), "{n}");
        assert_eq!(all[1].attempts, 10, "{n}");
        // A sent mail keeps who got what subject, not its body (it may hold a
        // one-time link); an unsent one keeps everything.
        assert_eq!(
            (
                all[0].mail.to.as_str(),
                all[0].mail.subject.as_str(),
                all[0].mail.body.as_str()
            ),
            ("a@example.se", "Protokoll", ""),
            "{n}"
        );
        assert_eq!(all[1].mail.body, "Hej", "{n}");
        drop(conn);
        t.cleanup().await;
    }
}

#[tokio::test]
async fn a_lease_is_held_by_one_holder_until_it_expires_or_is_released() {
    for t in TestDb::all().await {
        let n = t.name();
        let mut conn = rd(&t.db).await;
        let c = &mut *conn;
        assert!(
            leases::acquire(c, "mail", "one", 1_000, 60)
                .await
                .expect("acquire"),
            "{n}: free"
        );
        assert!(
            !leases::acquire(c, "mail", "two", 1_030, 60)
                .await
                .expect("acquire"),
            "{n}: taken"
        );
        assert!(
            leases::acquire(c, "mail", "one", 1_030, 60)
                .await
                .expect("acquire"),
            "{n}: renewed"
        );
        assert!(
            !leases::acquire(c, "mail", "two", 1_089, 60)
                .await
                .expect("acquire"),
            "{n}: renewed until 1 090"
        );
        assert!(
            leases::acquire(c, "reports", "two", 1_089, 60)
                .await
                .expect("acquire"),
            "{n}: another lease"
        );
        assert!(
            leases::acquire(c, "mail", "two", 1_091, 60)
                .await
                .expect("acquire"),
            "{n}: expired, taken over"
        );
        assert!(
            !leases::acquire(c, "mail", "one", 1_092, 60)
                .await
                .expect("acquire"),
            "{n}: one lost it"
        );

        leases::release(c, "mail", "one").await.expect("release");
        assert!(
            !leases::acquire(c, "mail", "one", 1_093, 60)
                .await
                .expect("acquire"),
            "{n}: only the holder releases"
        );
        leases::release(c, "mail", "two").await.expect("release");
        assert!(
            leases::acquire(c, "mail", "one", 1_094, 60)
                .await
                .expect("acquire"),
            "{n}: free again"
        );
        drop(conn);
        t.cleanup().await;
    }
}
