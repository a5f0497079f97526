-- Witnesses' cosignatures of the log's checkpoints (C2SP tlog-cosignature, cosignature/v1), as the
-- witnesses answered them, one line per checkpoint and witness key: the first stored is kept, and
-- a later one for the same pair (a witness asked twice signs again, with a later timestamp) is
-- dropped by the insert, never replacing it. Each line is a signature, checked before it is stored
-- and again by whoever reads it; append-only like every other ledger table all the same, so that
-- one witness's word, once given, cannot be taken back from the database quietly.
CREATE TABLE cosignatures (
  tree_size    INTEGER NOT NULL CHECK (tree_size >= 0),
  witness_name TEXT    NOT NULL,
  key_id       TEXT    NOT NULL CHECK (length(key_id) = 8),
  line         TEXT    NOT NULL,
  PRIMARY KEY (tree_size, witness_name, key_id)
) WITHOUT ROWID;

-- The latest size a set of witnesses all cosigned: each one's sizes, newest first.
CREATE INDEX cosignatures_by_cosigner ON cosignatures (witness_name, key_id, tree_size);

CREATE TRIGGER cosignatures_no_update BEFORE UPDATE ON cosignatures
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: UPDATE on cosignatures refused'); END;
CREATE TRIGGER cosignatures_no_delete BEFORE DELETE ON cosignatures
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: DELETE on cosignatures refused'); END;
