package io.accessledger.ledger.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.TreeHasher;
import org.junit.jupiter.api.Test;

class CheckpointTest {
  @Test
  void bodyIsOriginSizeAndBase64RootEachEndingWithANewline() {
    Checkpoint checkpoint =
        new Checkpoint(CheckpointTestVectors.ORIGIN, 8, CheckpointTestVectors.ROOT);

    assertThat(checkpoint.body()).isEqualTo(CheckpointTestVectors.BODY);
  }

  @Test
  void emptyTreeHasSizeZero() {
    Checkpoint checkpoint = new Checkpoint("a.example/log", 0, TreeHasher.emptyRoot());

    assertThat(checkpoint.body())
        .isEqualTo("a.example/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
  }

  @Test
  void refusesInvalidOrigins() {
    Digest root = CheckpointTestVectors.ROOT;
    assertThatThrownBy(() -> new Checkpoint("", 1, root))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("checkpoint origin must be non-empty");
    assertThatThrownBy(() -> new Checkpoint("a\nb", 1, root))
        .hasMessage("checkpoint origin contains control character U+000A at offset 1");
    assertThatThrownBy(() -> new Checkpoint("a\tb", 1, root))
        .hasMessage("checkpoint origin contains control character U+0009 at offset 1");
    assertThatThrownBy(() -> new Checkpoint("a\uD800b", 1, root))
        .hasMessageContaining("unpaired surrogate");
    assertThatThrownBy(() -> new Checkpoint(null, 1, root)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void refusesNegativeSizesAndMissingRoots() {
    assertThatThrownBy(() -> new Checkpoint("a", -1, CheckpointTestVectors.ROOT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("checkpoint size must be >= 0, got -1");
    assertThatThrownBy(() -> new Checkpoint("a", 1, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void allowsOriginsThatAreNotKeyNamesAsTheSpecSays() {
    assertThat(new Checkpoint("log with spaces", 1, CheckpointTestVectors.ROOT).origin())
        .isEqualTo("log with spaces");
  }

  @Test
  void comparesByValue() {
    assertThat(new Checkpoint("a", 1, Digest.fromHex(CheckpointTestVectors.ROOT.hex())))
        .isEqualTo(new Checkpoint("a", 1, CheckpointTestVectors.ROOT));
  }
}
