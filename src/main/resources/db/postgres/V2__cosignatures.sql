-- Witnesses' cosignatures of the log's checkpoints (C2SP tlog-cosignature, cosignature/v1), as the
-- witnesses answered them, one line per checkpoint and witness key: the first stored is kept, and
-- a later one for the same pair (several nodes submit, and a witness asked twice signs again with
-- a later timestamp) is dropped by INSERT ... ON CONFLICT DO NOTHING, never replacing it. Each
-- line is a signature, checked before it is stored and again by whoever reads it; append-only like
-- every other ledger table all the same. The server's role needs only SELECT and INSERT here.
CREATE TABLE cosignatures (
  tree_size    BIGINT NOT NULL CHECK (tree_size >= 0),
  witness_name TEXT   NOT NULL,
  key_id       TEXT   NOT NULL CHECK (key_id ~ '^[0-9a-f]{8}$'),
  line         TEXT   NOT NULL,
  PRIMARY KEY (tree_size, witness_name, key_id)
);

-- The latest size a set of witnesses all cosigned: each one's sizes, newest first.
CREATE INDEX cosignatures_by_cosigner ON cosignatures (witness_name, key_id, tree_size);

CREATE TRIGGER cosignatures_no_update BEFORE UPDATE ON cosignatures FOR EACH ROW EXECUTE FUNCTION ledger_refuse();
CREATE TRIGGER cosignatures_no_delete BEFORE DELETE ON cosignatures FOR EACH ROW EXECUTE FUNCTION ledger_refuse();
CREATE TRIGGER cosignatures_no_truncate BEFORE TRUNCATE ON cosignatures FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse();
