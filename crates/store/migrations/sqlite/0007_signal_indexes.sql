-- What the governance signals read, from indexes alone: a group's meetings
-- of a year with their status and publishing day (the minutes' text in the
-- table rows stays unread), and a meeting's attendance by status.
CREATE INDEX meetings_signals ON meetings (group_id, held_on, status, minutes_published_on);
DROP INDEX meetings_group;
CREATE INDEX attendance_status ON attendance (meeting_id, status, person_id);
