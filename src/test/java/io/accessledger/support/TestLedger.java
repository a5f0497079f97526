package io.accessledger.support;

import com.codahale.metrics.MetricRegistry;
import io.accessledger.crypto.bc.Ed25519Signer;
import io.accessledger.ledger.json.CanonicalJson;
import io.accessledger.ledger.leaf.EventKey;
import io.accessledger.ledger.leaf.PreparedEvent;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.ledger.verify.LedgerVerifier;
import io.accessledger.ledger.verify.VerificationResult;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.ledger.writer.SequencerSettings;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.sqlite.SqliteDataSources;
import io.accessledger.store.sqlite.SqliteLedgerStore;
import io.dropwizard.db.ManagedDataSource;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds real SQLite ledgers in a temporary directory, and plays the attacker who edits the file. */
public final class TestLedger {
  public static final String ORIGIN = "test.example/log";

  private TestLedger() {}

  /** A deterministic Ed25519 key: seed bytes {@code first, first+1, ...}. */
  public static Ed25519Signer key(int first) {
    byte[] seed = new byte[32];
    for (int i = 0; i < seed.length; i++) {
      seed[i] = (byte) (first + i);
    }
    return new Ed25519Signer(seed);
  }

  public static CheckpointSigner signer(int keySeed) {
    Ed25519Signer key = key(keySeed);
    return new CheckpointSigner(ORIGIN, key, key.publicKey());
  }

  /** Opens (creating on first use) the ledger file {@code dbFile}, seen as any backend is. */
  public static LedgerStore openStore(Path dbFile) {
    return openSqliteStore(dbFile);
  }

  /** As {@link #openStore}, for tests of what only SQLite has (its handle, pragmas, triggers). */
  public static SqliteLedgerStore openSqliteStore(Path dbFile) {
    ManagedDataSource dataSource = SqliteDataSources.pooled(dbFile, new MetricRegistry(), 4);
    return SqliteLedgerStore.open(dataSource, dataSource::stop);
  }

  public static Sequencer sequencer(LedgerStore store, CheckpointSigner signer) {
    return Sequencer.start(store, signer, Clock.systemUTC(), SequencerSettings.defaults());
  }

  /** A small VIEW-shaped event naming subject, actor and record. */
  public static Map<String, Object> view(String eventId, String subject, String actor) {
    return Map.of(
        "eventId", eventId,
        "type", "VIEW",
        "occurredAt", "2026-11-23T09:00:00Z",
        "actor", Map.of("id", actor, "role", "social-worker"),
        "subject", Map.of("id", subject),
        "record", Map.of("type", "case-note", "id", "note-" + subject),
        "purpose", "case work",
        "legalBasis", List.of("UKGDPR-6-1-e"));
  }

  /**
   * A view posted by {@code case-system}, identified as the service identifies posted events (its
   * eventId and the digest of its canonical form), so that the ledger it builds verifies.
   */
  public static PreparedEvent prepared(String eventId, String subject, String actor) {
    return identified(view(eventId, subject, actor), "case-system");
  }

  /** {@code event} as posted by {@code source}: keyed by its eventId and {@link #postedDigest}. */
  public static PreparedEvent identified(Map<String, ?> event, String source) {
    return PreparedEvent.identified(
        event, new EventKey(source, (String) event.get("eventId"), postedDigest(event)));
  }

  /** SHA-256 of the canonical form of {@code posted}: the content digest of the event_ids row. */
  public static Digest postedDigest(Map<String, ?> posted) {
    try {
      return Digest.of(
          MessageDigest.getInstance("SHA-256").digest(CanonicalJson.serialize(posted)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Opens the ledger file {@code db}, verifies it against {@code key}, and closes it again. */
  public static VerificationResult verifyFile(Path db, VerifierKey key) {
    try (LedgerStore store = openStore(db)) {
      return new LedgerVerifier(store, key).verify();
    }
  }

  /** Makes the ledger file {@code db} holding {@link #appendViews} of {@code count}, one at a time. */
  public static void buildFile(Path db, CheckpointSigner signer, int count) {
    try (LedgerStore store = openStore(db); Sequencer sequencer = sequencer(store, signer)) {
      appendViews(sequencer, count);
    }
  }

  /** Appends {@code count} views spread over a few subjects and actors, and waits for them. */
  public static void appendViews(Sequencer sequencer, int count) {
    for (int i = 0; i < count; i++) {
      sequencer.append(prepared("e-" + i, "child-" + (i % 7), "worker-" + (i % 3))).join();
    }
  }

  /**
   * Appends {@code count} views in groups of 6 000, fast enough to fill more than one span of the
   * per-key index (65 536 entries): entry {@code i} names {@code child-(i % 9)} and
   * {@code worker-(i % 4)}.
   */
  public static void appendViewsInGroups(Sequencer sequencer, int count) {
    for (int from = 0; from < count; from += 6_000) {
      List<PreparedEvent> group = new ArrayList<>();
      for (int i = from; i < Math.min(count, from + 6_000); i++) {
        group.add(prepared("e-" + i, "child-" + (i % 9), "worker-" + (i % 4)));
      }
      sequencer.appendGroup(group).join();
    }
  }

  /**
   * Runs SQL straight against the file, as someone holding it would: the append-only triggers are
   * dropped first, so edits and deletions go through.
   */
  public static void tamper(Path dbFile, String... statements) throws SQLException {
    List<String> all = new ArrayList<>();
    for (String trigger : APPEND_ONLY_TRIGGERS) {
      all.add("DROP TRIGGER IF EXISTS " + trigger);
    }
    all.addAll(List.of(statements));
    execute(dbFile, all.toArray(String[]::new));
  }

  /** The fourteen append-only triggers the migrations create, by name. */
  public static final List<String> APPEND_ONLY_TRIGGERS = List.of(
      "checkpoints_no_delete", "checkpoints_no_update", "cosignatures_no_delete",
      "cosignatures_no_update", "event_ids_no_delete",
      "event_ids_no_update", "leaves_no_delete", "leaves_no_update", "link_index_no_delete",
      "link_index_no_update", "link_keys_no_delete", "link_keys_no_update",
      "merkle_nodes_no_delete", "merkle_nodes_no_update");

  /**
   * A trigger someone with the file could add: every later append's commit succeeds, acknowledged,
   * and stores no leaf.
   */
  public static final String SWALLOW_LEAVES = "CREATE TRIGGER swallow_leaves BEFORE INSERT ON"
      + " leaves BEGIN SELECT RAISE(IGNORE); END";

  /** Runs SQL straight against the file, leaving the triggers in place. */
  public static void execute(Path dbFile, String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.executeUpdate(sql);
      }
    }
  }
}
