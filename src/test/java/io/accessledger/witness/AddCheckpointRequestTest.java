package io.accessledger.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.ledger.merkle.Digest;
import io.accessledger.support.TestLedger;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddCheckpointRequestTest {
  private static final CosignTestLog LOG = new CosignTestLog("a", 20, TestLedger.signer(1));

  private static AddCheckpointRequest parse(String body) throws AddCheckpointRefused {
    return AddCheckpointRequest.parse(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsTheOldSizeTheProofAndTheNote() throws AddCheckpointRefused {
    AddCheckpointRequest request = parse(LOG.request(5, 13));

    assertThat(request.oldSize()).isEqualTo(5);
    assertThat(request.proof()).isEqualTo(LOG.proof(5, 13)).isNotEmpty();
    assertThat(request.note()).isEqualTo(LOG.note(13));
    assertThat(request.origin()).isEqualTo(TestLedger.ORIGIN);
    assertThat(request.noteText()).isEqualTo(LOG.checkpoint(13).body());
  }

  @Test
  void readsARequestWithoutProof() throws AddCheckpointRefused {
    AddCheckpointRequest request = parse(LOG.request(0, 3));

    assertThat(request.oldSize()).isZero();
    assertThat(request.proof()).isEmpty();
  }

  @Test
  void refusesMalformedBodiesAsMalformed() {
    String note = LOG.note(3);
    String hash = LOG.proof(2, 3).get(0).base64();
    List<String[]> cases = List.of(
        new String[] {"", "must start with the line 'old <size>'"},
        new String[] {"old 1", "must start with the line"},
        new String[] {"new 1\n\n" + note, "must start with the line"},
        new String[] {"old 01\n\n" + note, "no sign or leading zero"},
        new String[] {"old -1\n\n" + note, "no sign or leading zero"},
        new String[] {"old 99999999999999999999\n\n" + note, "no sign or leading zero"},
        new String[] {"old 9223372036854775808\n\n" + note, "out of range"},
        new String[] {"old 2\n" + hash + "\n" + note, "consistency proof line 2 is not"},
        new String[] {"old 2\n" + hash.substring(1) + "\n\n" + note, "line 1 is not"},
        new String[] {"old 2\n" + hash, "no empty line"},
        new String[] {"old 2\n\n", "no checkpoint"},
        new String[] {"old 2\n" + String.join("", Collections.nCopies(64, hash + "\n")) + "\n"
            + note, "more than 63"});
    for (String[] c : cases) {
      assertThatThrownBy(() -> parse(c[0])).as(c[0])
          .isInstanceOf(AddCheckpointRefused.class)
          .hasMessageContaining(c[1])
          .extracting(e -> ((AddCheckpointRefused) e).reason())
          .isEqualTo(AddCheckpointRefused.Reason.MALFORMED);
    }
    assertThatThrownBy(() -> AddCheckpointRequest.parse(new byte[] {'o', 'l', 'd', ' ',
            (byte) 0xff, '\n'}))
        .hasMessage("the body is not UTF-8");
  }

  @Test
  void acceptsExactly63ProofLines() throws AddCheckpointRefused {
    Digest hash = LOG.proof(2, 3).get(0);
    String body = CosignTestLog.body(2, Collections.nCopies(63, hash), LOG.note(3));

    assertThat(parse(body).proof()).hasSize(63);
  }
}
