package io.accessledger.ledger.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.ledger.keys.KeyRotationEntries;
import io.accessledger.ledger.notes.CheckpointException;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.store.DiskReserve;
import io.accessledger.store.LedgerStore;
import io.accessledger.support.HeldKeys;
import io.accessledger.support.SettableClock;
import io.accessledger.support.TestLedger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LogSigning} over a real SQLite ledger and the real sequencer, with a settable clock: both
 * keys sign for the transition after a rotation, the new one alone from the moment the clock
 * passes its end, when the old key is destroyed through the {@link SigningKeySource}; a retired
 * key, a key the log never announced and a rotation that does not continue the chain are refused.
 */
class LogSigningTest {
  static final CheckpointSigner A = TestLedger.signer(0x21);
  static final CheckpointSigner B = TestLedger.signer(0x22);
  static final CheckpointSigner STRANGER = TestLedger.signer(0x23);
  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  static final Duration TRANSITION = Duration.ofMinutes(10);

  @TempDir Path dir;

  private final SettableClock clock = new SettableClock(START);
  private LedgerStore store;
  private HeldKeys keys;
  private Sequencer sequencer;
  private int appended;

  @BeforeEach
  void ledger() {
    store = TestLedger.openStore(dir.resolve("ledger.db"));
    keys = new HeldKeys(A);
    sequencer = start(keys);
    append(3);
  }

  @AfterEach
  void close() {
    if (sequencer != null) {
      sequencer.close();
    }
    store.close();
  }

  @Test
  void bothKeysSignForTheTransitionThenTheNewOneAloneAndTheOldIsDestroyed() throws Exception {
    long seq = rotateToB();
    LogSigning signing = sequencer.signing();
    assertThat(signing.history().current()).isEqualTo(B.verifierKey());
    assertThat(signing.current().verifierKey()).isEqualTo(B.verifierKey());
    assertThat(signers(latestNote())).containsExactlyInAnyOrder(A.verifierKey(), B.verifierKey());
    assertThat(store.latestCheckpoint().orElseThrow().size()).isEqualTo(seq + 1);

    clock.set(START.plus(TRANSITION).minusSeconds(1));
    append(1);
    assertThat(signers(latestNote())).as("one second before the end")
        .containsExactlyInAnyOrder(A.verifierKey(), B.verifierKey());
    assertThat(keys.destroyed()).isEmpty();
    assertThat(signing.transitionEnded()).isFalse();

    clock.set(START.plus(TRANSITION));
    assertThat(signing.transitionEnded()).isTrue();
    append(1);
    assertThat(signers(latestNote())).as("at the end").containsExactly(B.verifierKey());
    assertThat(keys.destroyed()).containsExactly(A.verifierKey());
    assertThat(keys.held()).extracting(CheckpointSigner::verifierKey)
        .containsExactly(B.verifierKey());
    append(1);
    assertThat(signers(latestNote())).containsExactly(B.verifierKey());
  }

  @Test
  void aNodeHoldingOnlyTheRetiredKeyIsRefused() {
    long seq = rotateToB();
    sequencer.close();
    sequencer = null;
    // Within the transition too: the old key alone never signs the log's checkpoints again.
    assertThatThrownBy(() -> LogSigning.open(store, new HeldKeys(A), TRANSITION, clock))
        .isInstanceOf(LedgerStateException.class)
        .hasMessageContaining("(" + A.verifierKey() + ") was retired by the key rotation at entry "
            + seq)
        .hasMessageContaining("a retired key never signs again")
        .hasMessageContaining("does not hold the log's current key " + B.verifierKey());
  }

  @Test
  void aKeyTheLogNeverAnnouncedIsRefused() {
    rotateToB();
    sequencer.close();
    sequencer = null;
    assertThatThrownBy(() -> LogSigning.open(store, new HeldKeys(STRANGER), TRANSITION, clock))
        .isInstanceOf(LedgerStateException.class)
        .hasMessageContaining("(" + STRANGER.verifierKey() + ") is not one this log has announced"
            + " (its keys: ");
  }

  @Test
  void aKeyTheLogNeverAnnouncedCannotStartAWriterOnALogWithoutRotations() {
    sequencer.close();
    sequencer = null;
    LogSigning signing = LogSigning.open(store, new HeldKeys(STRANGER), TRANSITION, clock);
    assertThatThrownBy(() -> start(signing))
        .isInstanceOf(LedgerStateException.class)
        .hasMessageContaining("does not verify the ledger's latest checkpoint (tree size 3)");
  }

  @Test
  void aRotationThatDoesNotContinueTheChainIsNotSigned() {
    keys.add(B);
    long size = store.size();
    assertThatThrownBy(() -> Appends.await(sequencer.append(KeyRotationEntries.announce(
        STRANGER.verifierKey(), B.verifierKey(), clock.instant()))))
        .hasStackTraceContaining("refusing the key rotation")
        .hasStackTraceContaining("names old key " + STRANGER.verifierKey());
    assertThat(store.size()).isEqualTo(size);
    assertThat(signers(latestNote())).containsExactly(A.verifierKey());
    append(1); // the writer goes on with the log's key
    assertThat(signers(latestNote())).containsExactly(A.verifierKey());
  }

  @Test
  void aRotationToAKeyThisNodeDoesNotHoldIsNotSigned() {
    long size = store.size();
    assertThatThrownBy(() -> Appends.await(sequencer.append(KeyRotationEntries.announce(
        A.verifierKey(), B.verifierKey(), clock.instant()))))
        .hasStackTraceContaining("does not hold the key " + B.verifierKey());
    assertThat(store.size()).isEqualTo(size);
  }

  private long rotateToB() {
    keys.add(B);
    return Appends.await(sequencer.append(KeyRotationEntries.announce(
        A.verifierKey(), B.verifierKey(), clock.instant()))).seq();
  }

  private Sequencer start(HeldKeys held) {
    return start(LogSigning.open(store, held, TRANSITION, clock));
  }

  private Sequencer start(LogSigning signing) {
    return Sequencer.start(store, signing, clock, SequencerSettings.defaults(), DiskReserve.none());
  }

  private void append(int count) {
    for (int i = 0; i < count; i++) {
      int n = appended++;
      Appends.await(sequencer.append(TestLedger.prepared("v-" + n, "child-" + n, "worker-1")));
    }
  }

  private String latestNote() {
    return store.latestCheckpoint().orElseThrow().note();
  }

  /** The keys among A, B and the stranger whose signatures {@code note} carries, in note order. */
  private static List<VerifierKey> signers(String note) {
    try {
      List<Integer> ids = SignedCheckpoint.keyIdsNamed(note, TestLedger.ORIGIN);
      return ids.stream().map(id -> List.of(A, B, STRANGER).stream()
          .map(CheckpointSigner::verifierKey).filter(k -> k.keyId() == id).findFirst()
          .orElseThrow()).peek(k -> open(note, k)).toList();
    } catch (CheckpointException e) {
      throw new AssertionError(e);
    }
  }

  private static void open(String note, VerifierKey key) {
    try {
      SignedCheckpoint.open(note, key);
    } catch (CheckpointException e) {
      throw new AssertionError("a line of " + key + " that does not verify", e);
    }
  }
}
