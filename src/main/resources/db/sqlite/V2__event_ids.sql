-- The eventId of every posted event, unique per source (contract section 4), with the entry that
-- holds it and the SHA-256 of the event's canonical form as posted. Written in the same transaction
-- as the entry, so a replay is answered with the original entry and a different event under the
-- same id is refused (409). Like link_index it is derived from the leaves, and append-only.
CREATE TABLE event_ids (
  source       TEXT    NOT NULL,
  event_id     TEXT    NOT NULL,
  seq          INTEGER NOT NULL,
  content_hash BLOB    NOT NULL CHECK (length(content_hash) = 32),
  PRIMARY KEY (source, event_id)
) WITHOUT ROWID;

CREATE TRIGGER event_ids_no_update BEFORE UPDATE ON event_ids
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: UPDATE on event_ids refused'); END;
CREATE TRIGGER event_ids_no_delete BEFORE DELETE ON event_ids
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: DELETE on event_ids refused'); END;
