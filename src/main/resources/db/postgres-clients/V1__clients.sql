-- The API clients on PostgreSQL (component "clients"), in the same database as the ledger but in
-- tables of their own. The server's role may only SELECT and INSERT (README, "PostgreSQL"), so a
-- revocation is a row of its own in client_revocations, never an UPDATE of the client.
--
-- A token is never stored: token_hash is SHA-256 of the token's UTF-8 bytes, found through the
-- index its UNIQUE constraint creates. A client is never deleted and its name never reused (names
-- are unique ignoring case: they are ASCII, so lower() folds them as SQLite's NOCASE does), so an
-- audit entry naming a client names one client forever.
CREATE TABLE clients (
  -- The order clients were added in: identities only grow, and rows are never deleted.
  id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name       TEXT NOT NULL CHECK (name ~ '^[A-Za-z0-9._-]{1,64}$'),
  role       TEXT NOT NULL CHECK (role IN ('ingest', 'auditor', 'investigator', 'admin')),
  source     TEXT CHECK (source IS NULL
             OR (source ~ '^[A-Za-z0-9._-]{1,64}$' AND source <> 'ledger')),
  token_hash BYTEA NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
  created_at TIMESTAMPTZ NOT NULL,
  -- An ingest client posts for exactly one source system; no other role has one.
  CHECK ((role = 'ingest') = (source IS NOT NULL))
);
CREATE UNIQUE INDEX clients_name_ignoring_case ON clients (lower(name));

-- At most one revocation per client (its primary key): the first one's time is kept.
CREATE TABLE client_revocations (
  client_id  BIGINT PRIMARY KEY REFERENCES clients (id),
  revoked_at TIMESTAMPTZ NOT NULL
);

-- The code only ever inserts; these refuse anything else even from a role that holds more than
-- the server's grants, so a bug or a stray script cannot un-revoke a client, change its role or
-- token, or free its name. (The schema's owner can drop them; nothing here is evidence.)
CREATE FUNCTION clients_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'API clients are only ever added and revoked: % on % refused',
    TG_OP, TG_TABLE_NAME;
END
$$;
CREATE TRIGGER clients_append_only BEFORE UPDATE OR DELETE ON clients
  FOR EACH ROW EXECUTE FUNCTION clients_refuse_change();
CREATE TRIGGER clients_append_only_truncate BEFORE TRUNCATE ON clients
  FOR EACH STATEMENT EXECUTE FUNCTION clients_refuse_change();
CREATE TRIGGER client_revocations_append_only BEFORE UPDATE OR DELETE ON client_revocations
  FOR EACH ROW EXECUTE FUNCTION clients_refuse_change();
CREATE TRIGGER client_revocations_append_only_truncate BEFORE TRUNCATE ON client_revocations
  FOR EACH STATEMENT EXECUTE FUNCTION clients_refuse_change();
