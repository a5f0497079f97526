-- The API clients, in clients.db: a separate file from the ledger, because this table changes
-- (revocation) while the ledger's tables are append-only, and because add-client and revoke-client
-- must be able to write it while a running server holds the ledger's writer lock.
--
-- A token is never stored: token_hash is SHA-256 of the token's UTF-8 bytes, looked up through the
-- index its UNIQUE constraint creates. A client is never deleted and its name never reused (the
-- names are unique ignoring case), so an audit entry naming a client names one client forever.
CREATE TABLE clients (
  name       TEXT NOT NULL COLLATE NOCASE PRIMARY KEY
             CHECK (length(name) BETWEEN 1 AND 64 AND name NOT GLOB '*[^A-Za-z0-9._-]*'),
  -- Adding a role means a migration that rebuilds this table (SQLite cannot alter a CHECK).
  role       TEXT NOT NULL CHECK (role IN ('ingest', 'auditor', 'investigator', 'admin')),
  source     TEXT CHECK (source IS NULL OR (length(source) BETWEEN 1 AND 64
             AND source NOT GLOB '*[^A-Za-z0-9._-]*' AND source <> 'ledger')),
  token_hash BLOB NOT NULL UNIQUE CHECK (typeof(token_hash) = 'blob' AND length(token_hash) = 32),
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  -- An ingest client posts for exactly one source system; no other role has one.
  CHECK ((role = 'ingest') = (source IS NOT NULL))
);

-- The code only ever inserts a client and sets revoked_at once; these refuse anything else, so a
-- bug cannot un-revoke a client, change its role or token, or free its name.
CREATE TRIGGER clients_no_delete BEFORE DELETE ON clients
BEGIN SELECT RAISE(ABORT, 'clients are never deleted (names are not reused): revoke instead'); END;
CREATE TRIGGER clients_revoke_only BEFORE UPDATE ON clients
WHEN OLD.revoked_at IS NOT NULL OR NEW.revoked_at IS NULL
  OR NEW.name IS NOT OLD.name OR NEW.role IS NOT OLD.role OR NEW.source IS NOT OLD.source
  OR NEW.token_hash IS NOT OLD.token_hash OR NEW.created_at IS NOT OLD.created_at
BEGIN SELECT RAISE(ABORT, 'a client can only be revoked, once'); END;
