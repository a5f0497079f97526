package io.accessledger.auth.sqlite;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The {@code clients} table. Inserts and one revocation per client are the only writes: there is
 * no delete and no other update (the schema's triggers refuse them too). Rows map through
 * {@link ClientRow.Mapper}, registered on the store's Jdbi.
 */
interface ClientDao {
  String COLUMNS = "name, role, source, token_hash, created_at, revoked_at";

  /** The name of the client whose name equals {@code name} ignoring case, if any ever existed. */
  @SqlQuery("SELECT name FROM clients WHERE name = :name")
  Optional<String> nameTaken(@Bind("name") String name);

  /** The client named exactly {@code name} (the second test keeps the NOCASE index usable). */
  @SqlQuery("SELECT " + COLUMNS + " FROM clients WHERE name = :name AND name = :name COLLATE BINARY")
  Optional<ClientRow> byExactName(@Bind("name") String name);

  @SqlUpdate("INSERT INTO clients (name, role, source, token_hash, created_at)"
      + " VALUES (:name, :role, :source, :hash, :createdAt)")
  void insert(@Bind("name") String name, @Bind("role") String role, @Bind("source") String source,
      @Bind("hash") byte[] tokenHash, @Bind("createdAt") String createdAt);

  /** A client copied from another store, revoked or not, exactly as it was there. */
  @SqlUpdate("INSERT INTO clients (name, role, source, token_hash, created_at, revoked_at)"
      + " VALUES (:name, :role, :source, :hash, :createdAt, :revokedAt)")
  void insertCopy(@Bind("name") String name, @Bind("role") String role,
      @Bind("source") String source, @Bind("hash") byte[] tokenHash,
      @Bind("createdAt") String createdAt, @Bind("revokedAt") String revokedAt);

  /** Sets revoked_at of the active client named exactly {@code name}; returns 1, or 0 if none. */
  @SqlUpdate("UPDATE clients SET revoked_at = :at"
      + " WHERE name = :name AND name = :name COLLATE BINARY AND revoked_at IS NULL")
  int revoke(@Bind("name") String name, @Bind("at") String revokedAt);

  /**
   * Every client in the order added. By rowid, not created_at: the text of a whole-second instant
   * has no fraction ("...:01Z" sorts after "...:01.100Z"), two clients may share a millisecond, and
   * rows are never deleted, so rowids only grow.
   */
  @SqlQuery("SELECT " + COLUMNS + " FROM clients ORDER BY rowid")
  List<ClientRow> all();
}
