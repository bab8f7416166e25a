-- A sent mail keeps its recipient, subject and dates but not its body: a
-- body may hold a one-time link (a survey invitation, a password link) that
-- anyone reading the database could use. The sender empties it from now on;
-- this empties the bodies of mails sent before.
UPDATE mail_outbox SET body = '' WHERE sent_at IS NOT NULL;
