package io.accessledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.ledger.verify.VerificationResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rows of the per-key link index deleted, moved or planted in the {@link
 * TamperCases#writeMixedLedger mixed ledger}: the index is what history and evidence lookups
 * read, so verify checks it against the leaves and names the key edited.
 */
abstract class LinkIndexTampers extends TamperCases {
  LinkIndexTampers(LedgerTamperContract backend) {
    super(backend);
  }

  @BeforeEach
  void writeLedger() {
    writeMixedLedger();
  }

  @Test
  void aDeletedRowIsNamed() {
    tamper().deleteLinkRow("subject:child-5", 12);
    VerificationResult result = verify();
    assertThat(result.isIntact()).isFalse();
    assertThat(result.problem()).contains("subject:child-5").contains("index edited");
  }

  @Test
  void aRowMovedToAnotherSeqOfTheSameKeyIsNamed() {
    // Entry 13 names child-6, not child-5; the key's count and latest entry stay the same.
    tamper().deleteLinkRow("subject:child-5", 12);
    tamper().addLinkRow("subject:child-5", 13);
    VerificationResult result = verify();
    assertThat(result.isIntact()).isFalse();
    assertThat(result.problem()).contains("entries for subject:child-5")
        .contains("as the leaves do, but not the same ones: their seqs add up to")
        .contains("index edited");
  }

  @Test
  void aKeyWithNoRowsIsNamed() {
    for (long seq : read(store -> store.seqsFor("subject:child-5", -1, 100))) {
      tamper().deleteLinkRow("subject:child-5", seq);
    }
    VerificationResult result = verify();
    assertThat(result.problem()).contains("the link index lists 0 entries for subject:child-5,"
        + " the latest seq -1");
  }

  @Test
  void rowsUnderKeysThatNameNoKeyAreNamed() {
    tamper().addLinkRowUnderNoKey(3);
    tamper().addLinkRowUnderNoKey(7);
    tamper().addLinkRowUnderNoKey(5);
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(7);
    assertThat(result.problem()).isEqualTo("the link index holds 3 rows that lookups would"
        + " miss or misread: under key ids that name no key, outside their span, or not a whole"
        + " seq (index edited)");
  }

  @Test
  void plantedRowsWhoseSeqsWouldOverflowASumAreNamedNotACrash() {
    tamper().addLinkRowUnderNoKey(Long.MAX_VALUE);
    tamper().addLinkRowUnderNoKey(Long.MAX_VALUE - 1);
    VerificationResult result = verify();
    assertThat(result.isIntact()).isFalse();
    assertThat(result.problem()).startsWith("the link index holds 2 rows that lookups would miss");
  }
}
