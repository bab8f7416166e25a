-- Premises (lokaler) as records (issue 7): each centre has its premises, with
-- an address and whether they have one shared entrance, and each unit points
-- at one of them. Co-location then compares records, never typed text.
--
-- The units' free-text buildings become premises: one per centre and
-- distinct (trimmed) text, exact matches merged. The premises' entrance is
-- the units' answer where they all gave the same one, unknown otherwise.
-- The old columns go, so there is one source of truth.

CREATE TABLE premises (
    id INTEGER PRIMARY KEY,
    centre_id INTEGER NOT NULL REFERENCES centres (id),
    name TEXT NOT NULL,
    address TEXT,
    shared_entrance INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (centre_id, name)
);

ALTER TABLE units ADD COLUMN premises_id INTEGER REFERENCES premises (id);
CREATE INDEX units_premises ON units (premises_id);

INSERT INTO premises (centre_id, name, shared_entrance, created_at, updated_at)
SELECT centre_id, TRIM(building),
       CASE WHEN COUNT(shared_entrance) = COUNT(*) AND MIN(shared_entrance) = MAX(shared_entrance)
            THEN MIN(shared_entrance) END,
       MIN(created_at), MAX(updated_at)
  FROM units
 WHERE building IS NOT NULL AND TRIM(building) <> ''
 GROUP BY centre_id, TRIM(building)
 ORDER BY centre_id, MIN(id);

UPDATE units SET premises_id = (
    SELECT p.id FROM premises p WHERE p.centre_id = units.centre_id AND p.name = TRIM(units.building)
) WHERE building IS NOT NULL AND TRIM(building) <> '';

ALTER TABLE units DROP COLUMN building;
ALTER TABLE units DROP COLUMN shared_entrance;
