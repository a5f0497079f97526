package io.accessledger.store;

import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.NodeId;
import java.util.List;

/**
 * The hands of someone who holds a ledger's database and edits its rows directly, bypassing the
 * service: what {@link LedgerTamperContract} (and {@link LedgerStoreContract}'s guard tests) use to
 * tamper with a backend's ledger. Each backend's tests implement it in that backend's own terms
 * (raw SQL for SQLite and PostgreSQL), on the database its store opens.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>Every row edit MUST first remove the append-only guards ({@link #removeAllGuards}), as an
 *       attacker must, and MUST leave them removed: the catalogue expects a row edit to be reported
 *       beside every guard as missing.
 *   <li>An edit MUST change exactly what it says, nothing else: no other row, no stored hash that
 *       it does not name (an attacker who recomputes hashes is played by the caller, who passes
 *       them).
 *   <li>Edits MUST be visible to a store opened afterwards, and to one already open (its next
 *       read), as a database edited by another client is.
 *   <li>Where the schema would refuse an edit an attacker can still make by changing the schema
 *       (a second row for one key, say), the implementation changes the schema as the attacker
 *       would, and says how.
 * </ul>
 */
public interface TamperHook {

  /** Stores {@code leaf} and {@code hash} as the leaf at {@code seq}, which is stored. */
  void rewriteLeaf(long seq, byte[] leaf, Digest hash);

  /** Adds a row for {@code seq}, which is not stored: a leaf written outside the service. */
  void insertLeaf(long seq, byte[] leaf, Digest hash);

  /** Deletes the stored leaves with {@code fromSeq <= seq < toSeq}. */
  void deleteLeaves(long fromSeq, long toSeq);

  /** Stores a second, identical row for the leaf at {@code seq}, loosening the schema to let it. */
  void storeLeafTwice(long seq);

  /** Stores {@code hash} as the stored interior Merkle node {@code id}. */
  void rewriteNode(NodeId id, Digest hash);

  /** Stores {@code note} as the checkpoint of {@code treeSize}, replacing the one stored there. */
  void writeCheckpoint(long treeSize, String note);

  /** Deletes the stored checkpoints with {@code fromSize <= tree size < toSize}. */
  void deleteCheckpoints(long fromSize, long toSize);

  /** Files a link-index row naming entry {@code seq} under {@code linkKey}, where lookups find it. */
  void addLinkRow(String linkKey, long seq);

  /** Deletes the link-index row naming entry {@code seq} under {@code linkKey}. */
  void deleteLinkRow(String linkKey, long seq);

  /**
   * Files a link-index row naming entry {@code seq}, where lookups find it, under a key that no
   * stored link key is: each call under one not used before.
   */
  void addLinkRowUnderNoKey(long seq);

  /** Adds an event-id row: {@code eventId} from {@code source} recorded at {@code seq}. */
  void addEventId(String source, String eventId, long seq, Digest content);

  /** Deletes the event-id row of {@code eventId} from {@code source}. */
  void deleteEventId(String source, String eventId);

  /** Points the event-id row of {@code eventId} from {@code source} at {@code seq}. */
  void moveEventId(String source, String eventId, long seq);

  /**
   * Stores {@code content} as the content hash of the event-id row of {@code eventId}: any number
   * of bytes, the schema loosened if it holds the column to 32.
   */
  void rewriteEventIdContent(String source, String eventId, byte[] content);

  /** Removes the event-id index altogether (the table, in an SQL backend). */
  void dropEventIdIndex();

  /** The names of the append-only guards the backend's schema defines, in the order reported. */
  List<String> schemaGuards();

  /** Removes every append-only guard, editing no row. */
  void removeAllGuards();

  /** Removes guard {@code name}, and nothing else. */
  void removeGuard(String name);

  /** Replaces guard {@code name} with one of the same name and table that refuses nothing. */
  void weakenGuard(String name);

  /**
   * Adds a guard-like object named {@code name} that the schema does not define and that makes
   * every append of a leaf store nothing while the append itself succeeds.
   */
  void addLeafSwallower(String name);
}
