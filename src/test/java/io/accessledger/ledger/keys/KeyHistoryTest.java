package io.accessledger.ledger.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.crypto.bc.Ed25519Signer;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.support.TestLedger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The chain rules of a log's key history as test vectors: a good chain A -> B -> C (rotations at
 * entries 4 and 9), and named mutations of it that {@link KeyHistory#of} MUST refuse, each with
 * the entry it names and its reason; then which key signs a checkpoint of each size.
 */
class KeyHistoryTest {
  static final VerifierKey A = key(0x11);
  static final VerifierKey B = key(0x12);
  static final VerifierKey C = key(0x13);
  static final VerifierKey STRANGER = key(0x14);
  static final VerifierKey OTHER_ORIGIN = new CheckpointSigner("other.example/log",
      TestLedger.key(0x15), TestLedger.key(0x15).publicKey()).verifierKey();
  static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
  static final KeyRotation AB = new KeyRotation(4, AT, A, B);
  static final KeyRotation BC = new KeyRotation(9, AT.plusSeconds(60), B, C);

  static VerifierKey key(int seed) {
    Ed25519Signer signer = TestLedger.key(seed);
    return new CheckpointSigner(TestLedger.ORIGIN, signer, signer.publicKey()).verifierKey();
  }

  static Stream<Arguments> mutations() {
    return Stream.of(
        mutation("second rotation from a key no rotation announced",
            r -> List.of(AB, new KeyRotation(9, AT, STRANGER, C)), 9,
            "the KEY_ROTATION entry 9 names old key " + STRANGER + ", but the key in use before it"
                + " is " + B + " (a rotation that no earlier key announced)"),
        mutation("rotation skipping the key before it",
            r -> List.of(AB, new KeyRotation(9, AT, A, C)), 9,
            "names old key " + A + ", but the key in use before it is " + B),
        mutation("rotations out of log order",
            r -> List.of(AB, new KeyRotation(3, AT, B, C)), 3,
            "the KEY_ROTATION entry 3 comes after the rotation at 4 in the history but not in the"
                + " log"),
        mutation("the same seq twice",
            r -> List.of(AB, new KeyRotation(4, AT, B, C)), 4, "comes after the rotation at 4"),
        mutation("a retired key coming back",
            r -> List.of(AB, new KeyRotation(9, AT, B, A)), 9,
            "announces " + A + ", a key the log used before (a retired key never comes back)"),
        mutation("a rotation to a key of another origin",
            r -> List.of(AB, new KeyRotation(9, AT, B, OTHER_ORIGIN)), 9,
            "announces a key named other.example/log, not the log's origin "
                + TestLedger.ORIGIN),
        mutation("a rotation to the same key",
            r -> List.of(new KeyRotation(4, AT, A, A)), 4, "a key the log used before"));
  }

  private static Arguments mutation(String name, UnaryOperator<List<KeyRotation>> edit,
      long seq, String reason) {
    return Arguments.of(name, edit.apply(List.of(AB, BC)), seq, reason);
  }

  @Test
  void theGoodChain() throws Exception {
    KeyHistory history = KeyHistory.of(A, List.of(AB, BC));
    assertThat(history.first()).isEqualTo(A);
    assertThat(history.current()).isEqualTo(C);
    assertThat(history.keys().keys()).containsExactly(A, B, C);
    assertThat(history.contains(B)).isTrue();
    assertThat(history.contains(STRANGER)).isFalse();
    assertThat(history).hasToString(A + " -> " + B + " -> " + C);
    assertThat(KeyHistory.of(A, List.of()).current()).isEqualTo(A);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutations")
  void ofRefusesEachMutationNamingTheEntry(
      String name, List<KeyRotation> rotations, long seq, String reason) {
    assertThatThrownBy(() -> KeyHistory.of(A, rotations))
        .isInstanceOfSatisfying(KeyHistoryException.class, e -> assertThat(e.seq()).isEqualTo(seq))
        .hasMessageContaining(reason);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutations")
  void withRefusesTheSameMutationsOneRotationAtATime(
      String name, List<KeyRotation> rotations, long seq, String reason) {
    assertThatThrownBy(() -> {
      KeyHistory history = KeyHistory.of(A, List.of());
      for (KeyRotation rotation : rotations) {
        history = history.with(rotation);
      }
    }).isInstanceOfSatisfying(KeyHistoryException.class, e -> assertThat(e.seq()).isEqualTo(seq))
        .hasMessageContaining(reason);
  }

  @Test
  void aFirstRotationFromAnotherKeyIsRefusedByOfButStartsTheLogsOwnHistory() throws Exception {
    KeyRotation fromStranger = new KeyRotation(4, AT, STRANGER, B);
    assertThatThrownBy(() -> KeyHistory.of(A, List.of(fromStranger)))
        .isInstanceOfSatisfying(KeyHistoryException.class, e -> assertThat(e.seq()).isEqualTo(4))
        .hasMessageContaining("names old key " + STRANGER + ", but the key in use before it is "
            + A + " (a rotation that no earlier key announced)");
    // fromLog trusts no key: the history is what the log says, starting at the first old key.
    KeyHistory logs = KeyHistory.fromLog(A, List.of(fromStranger));
    assertThat(logs.first()).isEqualTo(STRANGER);
    assertThat(logs.contains(A)).isFalse();
    assertThat(KeyHistory.fromLog(A, List.of()).keys().keys()).containsExactly(A);
    assertThat(KeyHistory.fromLog(STRANGER, List.of(AB, BC)).keys().keys())
        .containsExactly(A, B, C);
  }

  @Test
  void fromLogAppliesTheChainRules() {
    assertThatThrownBy(() -> KeyHistory.fromLog(A, List.of(AB, new KeyRotation(9, AT, A, C))))
        .isInstanceOfSatisfying(KeyHistoryException.class, e -> assertThat(e.seq()).isEqualTo(9));
  }

  @Test
  void keyForIsTheLastKeyAnnouncedInsideTheTree() throws Exception {
    KeyHistory history = KeyHistory.of(A, List.of(AB, BC));
    List<VerifierKey> bySize = new ArrayList<>();
    for (long size = 0; size <= 12; size++) {
      bySize.add(history.keyFor(size));
    }
    // Entry 4 is inside trees of size 5 and more; entry 9 inside trees of size 10 and more.
    assertThat(bySize).containsExactly(A, A, A, A, A, B, B, B, B, B, C, C, C);
  }

  @Test
  void requiredSignersAddTheOldKeyOnlyToTheCheckpointThatFirstCoversARotation()
      throws Exception {
    KeyHistory history = KeyHistory.of(A, List.of(AB, BC));
    assertThat(history.requiredSigners(0, 4)).containsExactly(A);
    assertThat(history.requiredSigners(4, 5)).containsExactly(A, B);
    assertThat(history.requiredSigners(2, 7)).containsExactly(A, B);
    assertThat(history.requiredSigners(5, 9)).containsExactly(B);
    assertThat(history.requiredSigners(9, 10)).containsExactly(B, C);
    assertThat(history.requiredSigners(10, 12)).containsExactly(C);
    // One checkpoint covering both rotations: every old key, then the last.
    assertThat(history.requiredSigners(0, 12)).containsExactly(A, B, C);
    assertThat(history.requiredSigners(4, 10)).containsExactly(A, B, C);
  }

  @Test
  void retirementAndAnnouncement() throws Exception {
    KeyHistory history = KeyHistory.of(A, List.of(AB, BC));
    assertThat(history.retirementOf(A)).contains(AB);
    assertThat(history.retirementOf(B)).contains(BC);
    assertThat(history.retirementOf(C)).isEmpty();
    assertThat(history.announcementOf(A)).isEmpty();
    assertThat(history.announcementOf(B)).contains(AB);
    assertThat(history.announcementOf(C)).contains(BC);
    assertThat(history.retirementOf(STRANGER)).isEmpty();
  }

  @Test
  void aRotationNeedsAValidSeqAndBothKeys() {
    assertThatThrownBy(() -> new KeyRotation(-1, AT, A, B))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got -1");
    assertThatThrownBy(() -> KeyRotationEntries.announce(A, A, AT))
        .hasMessageContaining("a rotation needs a new key");
    assertThatThrownBy(() -> KeyRotationEntries.announce(A, OTHER_ORIGIN, AT))
        .hasMessageContaining("a log's keys all carry its origin as their name");
  }
}
