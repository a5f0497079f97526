package io.accessledger.ledger.notes;

import static io.accessledger.ledger.notes.CheckpointTestVectors.ORIGIN;
import static io.accessledger.ledger.notes.CheckpointTestVectors.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompletenessStatementTest {
  private static final CheckpointSigner SIGNER = new CheckpointSigner(
      ORIGIN, CheckpointTestVectors.signer(), CheckpointTestVectors.signer().publicKey());
  private static final VerifierKey KEY = SIGNER.verifierKey();
  private static final CompletenessStatement STATEMENT =
      new CompletenessStatement(ORIGIN, 8, ROOT, "subject:c 1/é%", 5);
  private static final String NOTE = SIGNER.sign(STATEMENT);

  @Test
  void theTextIsSixLinesStartingWithTheHeaderThenTheCheckpointBody() {
    assertThat(STATEMENT.body()).isEqualTo("access-ledger/completeness/v1\n"
        + "example.org/audit-log\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n"
        + "key subject:c%201/%C3%A9%25\nhead 5\n");
    assertThat(NOTE).startsWith(STATEMENT.body() + "\n\u2014 example.org/audit-log ");
  }

  @Test
  void aSignedStatementOpensToTheSameStatement() throws Exception {
    assertThat(SignedCompleteness.open(NOTE, KEY)).isEqualTo(STATEMENT);
    CompletenessStatement none = new CompletenessStatement(ORIGIN, 8, ROOT, "actor:w", -1);
    assertThat(SignedCompleteness.open(SIGNER.sign(none), KEY).head()).isEqualTo(-1);
  }

  @Test
  void keysRoundTripThroughTheirOneEncoding() {
    for (String key : List.of("subject:a", "record:case-note/1 2", "subject:\n\u0000", "actor:😀")) {
      assertThat(CompletenessStatement.decodeKey(CompletenessStatement.encodeKey(key)))
          .isEqualTo(key);
    }
    for (String bad : List.of("a b", "%2", "%zz", "%2f", "%41", "%C3", "é")) {
      assertThatThrownBy(() -> CompletenessStatement.decodeKey(bad))
          .as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void mutatedStatementsAreRefused() {
    String body = STATEMENT.body();
    String signature = NOTE.substring(body.length());
    // Any change to the signed text breaks the signature.
    refused(body.replace("head 5", "head 4") + signature, "signature does not verify");
    refused(body.replace("\n8\n", "\n9\n") + signature, "signature does not verify");
    // Correctly signed but malformed texts are refused by line.
    refused(signed(body.replace("head 5", "head 05")), "head must be canonical decimal");
    refused(signed(body.replace("head 5", "head 8")), "head must be -1 or a seq below");
    refused(signed(body.replace("head 5\n", "")), "not a completeness statement");
    refused(signed(body + "extra\n"), "not a completeness statement");
    refused(signed(body.replace("key subject:c%201", "key subject:c 1")), "link key");
    refused(signed(body.replace("access-ledger/completeness/v1", "access-ledger/other/v1")),
        "not a completeness statement");
    refused(signed(body.replace("\nexample.org/audit-log\n", "\nexample.org/other\n")),
        "origin mismatch");
    // A checkpoint is not a statement, and a statement is not a checkpoint.
    refused(CheckpointTestVectors.NOTE, "not a completeness statement");
    assertThatThrownBy(() -> SignedCheckpoint.open(NOTE, KEY))
        .isInstanceOf(CheckpointException.class);
    // Signed by another key.
    refused(body + "\n" + CheckpointTestVectors.signatureLine(body, ORIGIN,
        CheckpointTestVectors.otherSigner()),
        "no signature from key");
  }

  @Test
  void theOriginMayNotBeTheHeader() {
    assertThatThrownBy(() -> new CompletenessStatement(
        CompletenessStatement.HEADER, 8, ROOT, "subject:a", 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CheckpointSigner(CompletenessStatement.HEADER,
        CheckpointTestVectors.signer(), CheckpointTestVectors.signer().publicKey()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String signed(String body) {
    return body + "\n" + CheckpointTestVectors.signatureLine(body, ORIGIN,
        CheckpointTestVectors.signer());
  }

  private static void refused(String note, String reason) {
    assertThatThrownBy(() -> SignedCompleteness.open(note, KEY))
        .isInstanceOf(CheckpointException.class)
        .hasMessageContaining(reason);
  }
}
