-- The ledger tables. Append-only: the triggers below refuse UPDATE and DELETE, and the code has no
-- path that would issue either. Anyone holding the file can drop the triggers, which is why
-- `verify` and the health checks re-derive everything from the leaves and signed checkpoints.

-- One row per entry. leaf = canonical leaf bytes (contract section 2); leaf_hash = SHA-256(0x00 || leaf).
CREATE TABLE leaves (
  seq       INTEGER PRIMARY KEY CHECK (seq >= 0),
  leaf      BLOB    NOT NULL,
  leaf_hash BLOB    NOT NULL CHECK (length(leaf_hash) = 32)
);

-- Hashes of complete (perfect) Merkle subtrees of level 1 and up. node_id = level * 2^48 + index:
-- the subtree over leaves [index * 2^level, (index + 1) * 2^level). Level 0 lives in leaves.leaf_hash.
CREATE TABLE merkle_nodes (
  node_id INTEGER PRIMARY KEY CHECK (node_id >= 281474976710656),
  hash    BLOB    NOT NULL CHECK (length(hash) = 32)
);

-- The link keys (subject:<id>, actor:<id>, record:<type>/<id>) named so far, each with a small
-- integer id: index rows then hold two small integers, so the index stays compact and each group
-- commit dirties few pages.
CREATE TABLE link_keys (
  id       INTEGER PRIMARY KEY,
  link_key TEXT    NOT NULL UNIQUE
);

-- Every (link key, seq) pair: the per-subject, per-actor and per-record index. The latest seq of a
-- key is its MAX(seq), which is what the next entry naming that key links back to.
CREATE TABLE link_index (
  key_id INTEGER NOT NULL,
  seq    INTEGER NOT NULL,
  PRIMARY KEY (key_id, seq)
) WITHOUT ROWID;

-- Signed checkpoints (C2SP tlog-checkpoint notes), one per group commit.
CREATE TABLE checkpoints (
  tree_size INTEGER PRIMARY KEY CHECK (tree_size >= 0),
  note      TEXT    NOT NULL
);

CREATE TRIGGER leaves_no_update BEFORE UPDATE ON leaves
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: UPDATE on leaves refused'); END;
CREATE TRIGGER leaves_no_delete BEFORE DELETE ON leaves
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: DELETE on leaves refused'); END;
CREATE TRIGGER merkle_nodes_no_update BEFORE UPDATE ON merkle_nodes
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: UPDATE on merkle_nodes refused'); END;
CREATE TRIGGER merkle_nodes_no_delete BEFORE DELETE ON merkle_nodes
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: DELETE on merkle_nodes refused'); END;
CREATE TRIGGER link_index_no_update BEFORE UPDATE ON link_index
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: UPDATE on link_index refused'); END;
CREATE TRIGGER link_index_no_delete BEFORE DELETE ON link_index
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: DELETE on link_index refused'); END;
CREATE TRIGGER link_keys_no_update BEFORE UPDATE ON link_keys
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: UPDATE on link_keys refused'); END;
CREATE TRIGGER link_keys_no_delete BEFORE DELETE ON link_keys
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: DELETE on link_keys refused'); END;
CREATE TRIGGER checkpoints_no_update BEFORE UPDATE ON checkpoints
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: UPDATE on checkpoints refused'); END;
CREATE TRIGGER checkpoints_no_delete BEFORE DELETE ON checkpoints
BEGIN SELECT RAISE(ABORT, 'ledger is append-only: DELETE on checkpoints refused'); END;
