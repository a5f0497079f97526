package io.accessledger.query;

import io.accessledger.ledger.notes.CheckpointException;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.ledger.keys.KeyHistory;
import io.accessledger.ledger.writer.LogSigning;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoreException;
import io.accessledger.store.StoredCheckpoint;

/**
 * The latest signed checkpoint, for reads on any node of a shared store. This node's sequencer
 * knows only the checkpoints it wrote (or loaded after another node's): on a node that is not the
 * last writer that is stale, and a read would miss, or answer 404 for, what another node
 * acknowledged. So every call reads the latest checkpoint from the store (one indexed row; no
 * cache that could lag an acknowledgement given elsewhere, which contract section 2 forbids), and
 * never answers one older than this node's own.
 *
 * <p>A checkpoint another node stored is checked with this node's key before it is served, once
 * (the last one checked is remembered): every node signs with the same key, so one that does not
 * verify was not written by a node and is refused, naming {@code verify}, rather than handed to a
 * client. Thread-safe.
 */
final class LatestCheckpoint {
  private final LedgerStore store;
  private final Sequencer sequencer;
  private final LogSigning signing;
  private volatile StoredCheckpoint checked;

  LatestCheckpoint(LedgerStore store, Sequencer sequencer, LogSigning signing) {
    this.store = store;
    this.sequencer = sequencer;
    this.signing = signing;
  }

  /**
   * The latest checkpoint stored when this is called: it covers every entry any node had
   * acknowledged by then.
   *
   * @throws StoreException if the store cannot be read, or its latest checkpoint does not verify
   */
  StoredCheckpoint current() {
    StoredCheckpoint own = sequencer.latestCheckpoint();
    StoredCheckpoint stored = store.latestCheckpoint().orElse(own);
    if (stored.size() <= own.size()) {
      return own; // this node wrote it, or it is the same row: no other node wrote since
    }
    StoredCheckpoint known = checked;
    if (stored.equals(known)) {
      return stored;
    }
    try {
      verify(stored);
    } catch (CheckpointException e) {
      throw new StoreException("the ledger's latest stored checkpoint (tree size " + stored.size()
          + ") does not verify with the log's key (" + e.getMessage() + "): it was not written by"
          + " a node of this log; run `verify`", e);
    }
    if (known == null || stored.size() > known.size()) {
      checked = stored;
    }
    return stored;
  }

  /**
   * Checks {@code stored} with the key the log's rotations say signs it. A checkpoint signed by a
   * key this node has not heard of means another node or a {@code rotate-key} run rotated: the
   * key history is read again, once, before the checkpoint is judged.
   */
  private void verify(StoredCheckpoint stored) throws CheckpointException {
    String origin = signing.origin();
    KeyHistory known = signing.history();
    boolean unknownKey = SignedCheckpoint.keyIdsNamed(stored.note(), origin).stream()
        .anyMatch(id -> known.keys().keys().stream().noneMatch(key -> key.keyId() == id));
    if (unknownKey) {
      signing.refreshForReading();
    }
    SignedCheckpoint.open(stored.note(), signing.history().keyFor(stored.size()));
  }
}
