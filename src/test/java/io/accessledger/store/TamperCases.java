package io.accessledger.store;

import io.accessledger.ledger.leaf.PreparedEvent;
import io.accessledger.ledger.merkle.TreeHasher;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.ledger.verify.LedgerVerifier;
import io.accessledger.ledger.verify.VerificationResult;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.ledger.writer.SequencerSettings;
import io.accessledger.support.TestLedger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What every group of {@link LedgerTamperContract} cases shares: the backend (its store and its
 * {@link TamperHook}), the signing key, and the ways to write a ledger as the service does, read
 * it, and verify it. Nothing here knows which backend it runs against.
 */
public abstract class TamperCases {
  /** Entries in {@link #writeMixedLedger}. */
  protected static final int MIXED_ENTRIES = 40;

  protected final CheckpointSigner signer = TestLedger.signer(0);
  private final LedgerTamperContract backend;

  protected TamperCases(LedgerTamperContract backend) {
    this.backend = backend;
  }

  /** The attacker's hands on the backend's database. */
  protected TamperHook tamper() {
    return backend.tamperHook();
  }

  /** A new store over the backend's database; the caller closes it. */
  protected LedgerStore openStore() {
    return backend.openStore();
  }

  /** Starts the service's writer over {@code store}, which checks the ledger it finds. */
  protected Sequencer startWriter(LedgerStore store) {
    return Sequencer.start(store, signer, Clock.systemUTC(), SequencerSettings.defaults());
  }

  /** Writes to the ledger as the service does, through its writer, and closes both again. */
  protected void write(Consumer<Sequencer> appends) {
    try (LedgerStore store = openStore(); Sequencer sequencer = startWriter(store)) {
      appends.accept(sequencer);
    }
  }

  /**
   * Writes {@value #MIXED_ENTRIES} views: the first 30 one at a time, each under its own
   * checkpoint, then 10 (g-30 to g-39) as one group under one checkpoint, so 32 checkpoints.
   * Entry {@code i} names {@code child-(i % 7)}.
   */
  protected void writeMixedLedger() {
    write(sequencer -> {
      TestLedger.appendViews(sequencer, 30);
      List<PreparedEvent> group = new ArrayList<>();
      for (int i = 30; i < MIXED_ENTRIES; i++) {
        group.add(TestLedger.prepared("g-" + i, "child-" + (i % 7), "worker-1"));
      }
      sequencer.appendGroup(group).join();
    });
  }

  /** What {@code reading} finds in a freshly opened store. */
  protected <T> T read(Function<LedgerStore, T> reading) {
    try (LedgerStore store = openStore()) {
      return reading.apply(store);
    }
  }

  protected StoredLeaf leaf(long seq) {
    return read(store -> store.leaf(seq).orElseThrow());
  }

  /** The text of the leaf at {@code seq} with {@code from} replaced by {@code to}. */
  protected byte[] editedLeaf(long seq, String from, String to) {
    String text = new String(leaf(seq).leaf(), StandardCharsets.UTF_8);
    if (!text.contains(from)) {
      throw new IllegalArgumentException("entry " + seq + " holds no " + from);
    }
    return text.replace(from, to).getBytes(StandardCharsets.UTF_8);
  }

  /** Replaces the leaf at {@code seq} with {@code leaf}, recomputing its stored hash as well. */
  protected void rewriteLeafAndHash(long seq, byte[] leaf) {
    tamper().rewriteLeaf(seq, leaf, TreeHasher.leafHash(leaf));
  }

  protected String checkpointNote(long treeSize) {
    return read(store -> store.checkpointsAfter(treeSize - 1, 1)).stream()
        .filter(checkpoint -> checkpoint.size() == treeSize)
        .findFirst().orElseThrow().note();
  }

  protected VerificationResult verify() {
    return verify(signer.verifierKey());
  }

  protected VerificationResult verify(VerifierKey key) {
    try (LedgerStore store = openStore()) {
      return new LedgerVerifier(store, key).verify();
    }
  }
}
