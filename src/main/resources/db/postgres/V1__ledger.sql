-- The ledger's tables on PostgreSQL: the same rows as SQLite's (db/sqlite), append-only. The
-- triggers below refuse UPDATE, DELETE and TRUNCATE, and the server's role is granted only SELECT
-- and INSERT, so it could not change a row even without them. Whoever owns the tables can drop
-- the triggers, which is why `verify` and the health checks re-derive everything from the leaves
-- and the signed checkpoints.

-- One row per entry. leaf = canonical leaf bytes (contract section 2); leaf_hash = SHA-256(0x00 || leaf).
CREATE TABLE leaves (
  seq       BIGINT PRIMARY KEY CHECK (seq >= 0),
  leaf      BYTEA  NOT NULL,
  leaf_hash BYTEA  NOT NULL CHECK (octet_length(leaf_hash) = 32)
);

-- Hashes of complete Merkle subtrees of level 1 and up; node_id = level * 2^48 + index.
CREATE TABLE merkle_nodes (
  node_id BIGINT PRIMARY KEY CHECK (node_id >= 281474976710656),
  hash    BYTEA  NOT NULL CHECK (octet_length(hash) = 32)
);

-- The link keys named so far, each with a small id. Two nodes may name a new key at once: the
-- UNIQUE makes one of them insert it and both read the same id.
CREATE TABLE link_keys (
  id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  link_key TEXT   NOT NULL UNIQUE
);

-- Every (link key, seq) pair. A key's latest entry is its MAX(seq): one index seek.
CREATE TABLE link_index (
  key_id BIGINT NOT NULL,
  seq    BIGINT NOT NULL,
  PRIMARY KEY (key_id, seq)
);

-- Signed checkpoints, one per group commit. prev_size is the size of the checkpoint each one
-- extends (-1 for the first): UNIQUE, so of two nodes extending the same checkpoint only one
-- commits. This row is the first each append writes: the fence that serialises the nodes' appends.
CREATE TABLE checkpoints (
  tree_size BIGINT PRIMARY KEY CHECK (tree_size >= 0),
  prev_size BIGINT NOT NULL UNIQUE CHECK (prev_size >= -1 AND prev_size < tree_size),
  note      TEXT   NOT NULL
);

-- The eventId of every posted event, unique per source, with its entry and content hash.
CREATE TABLE event_ids (
  source       TEXT   NOT NULL,
  event_id     TEXT   NOT NULL,
  seq          BIGINT NOT NULL,
  content_hash BYTEA  NOT NULL CHECK (octet_length(content_hash) = 32),
  PRIMARY KEY (source, event_id)
);

CREATE FUNCTION ledger_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER leaves_no_update BEFORE UPDATE ON leaves FOR EACH ROW EXECUTE FUNCTION ledger_refuse();
CREATE TRIGGER leaves_no_delete BEFORE DELETE ON leaves FOR EACH ROW EXECUTE FUNCTION ledger_refuse();
CREATE TRIGGER leaves_no_truncate BEFORE TRUNCATE ON leaves FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse();
CREATE TRIGGER merkle_nodes_no_update BEFORE UPDATE ON merkle_nodes FOR EACH ROW EXECUTE FUNCTION ledger_refuse();
CREATE TRIGGER merkle_nodes_no_delete BEFORE DELETE ON merkle_nodes FOR EACH ROW EXECUTE FUNCTION ledger_refuse();
CREATE TRIGGER merkle_nodes_no_truncate BEFORE TRUNCATE ON merkle_nodes FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse();
CREATE TRIGGER link_keys_no_update BEFORE UPDATE ON link_keys FOR EACH ROW EXECUTE FUNCTION ledger_refuse();
CREATE TRIGGER link_keys_no_delete BEFORE DELETE ON link_keys FOR EACH ROW EXECUTE FUNCTION ledger_refuse();
CREATE TRIGGER link_keys_no_truncate BEFORE TRUNCATE ON link_keys FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse();
CREATE TRIGGER link_index_no_update BEFORE UPDATE ON link_index FOR EACH ROW EXECUTE FUNCTION ledger_refuse();
CREATE TRIGGER link_index_no_delete BEFORE DELETE ON link_index FOR EACH ROW EXECUTE FUNCTION ledger_refuse();
CREATE TRIGGER link_index_no_truncate BEFORE TRUNCATE ON link_index FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse();
CREATE TRIGGER checkpoints_no_update BEFORE UPDATE ON checkpoints FOR EACH ROW EXECUTE FUNCTION ledger_refuse();
CREATE TRIGGER checkpoints_no_delete BEFORE DELETE ON checkpoints FOR EACH ROW EXECUTE FUNCTION ledger_refuse();
CREATE TRIGGER checkpoints_no_truncate BEFORE TRUNCATE ON checkpoints FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse();
CREATE TRIGGER event_ids_no_update BEFORE UPDATE ON event_ids FOR EACH ROW EXECUTE FUNCTION ledger_refuse();
CREATE TRIGGER event_ids_no_delete BEFORE DELETE ON event_ids FOR EACH ROW EXECUTE FUNCTION ledger_refuse();
CREATE TRIGGER event_ids_no_truncate BEFORE TRUNCATE ON event_ids FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse();
