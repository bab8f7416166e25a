-- Governance rules as the guidelines say (issue 7): a group's start date, and
-- the region's choices that the signals follow.

ALTER TABLE groups ADD COLUMN starts_on TEXT;
-- A group existed at least from its first recorded meeting or seat.
UPDATE groups SET starts_on = (
    SELECT MIN(d) FROM (
        SELECT held_on AS d FROM meetings WHERE meetings.group_id = groups.id
        UNION ALL
        SELECT starts_on AS d FROM assignments WHERE assignments.group_id = groups.id
    )
);

ALTER TABLE regions ADD COLUMN management_quorum INTEGER NOT NULL DEFAULT 1;
ALTER TABLE regions ADD COLUMN min_coordinator_percent INTEGER NOT NULL DEFAULT 20;
ALTER TABLE regions ADD COLUMN coordinator_equal_funding INTEGER NOT NULL DEFAULT 0;
ALTER TABLE regions ADD COLUMN chair_one_year INTEGER NOT NULL DEFAULT 1;
ALTER TABLE regions ADD COLUMN chair_rotates INTEGER NOT NULL DEFAULT 1;
ALTER TABLE regions ADD COLUMN chair_not_coordinator INTEGER NOT NULL DEFAULT 0;
ALTER TABLE regions ADD COLUMN introducer_coordinator TEXT NOT NULL DEFAULT 'county_coordination';
ALTER TABLE regions ADD COLUMN introducer_manager TEXT NOT NULL DEFAULT 'county_coordination';
ALTER TABLE regions ADD COLUMN introducer_steering TEXT NOT NULL DEFAULT 'county_coordination';
ALTER TABLE regions ADD COLUMN introducer_staff TEXT NOT NULL DEFAULT 'local_coordinator';

-- Regions on Region Skåne's rules (open preschool required beside child
-- health care, one shared entrance) get Skåne's governance choices too.
UPDATE regions SET min_coordinator_percent = 0, coordinator_equal_funding = 1, chair_not_coordinator = 1,
                   introducer_coordinator = 'steering_group'
 WHERE like_partners = 'of' AND require_shared_entrance = 1;
