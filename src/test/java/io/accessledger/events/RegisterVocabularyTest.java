package io.accessledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.entries.ShareDecision;
import org.junit.jupiter.api.Test;

/** The event model, and so the share register's filters, know exactly the values ingest accepts. */
class RegisterVocabularyTest {
  @Test
  void theRegisterKnowsTheValidatorsDecisionsAndGrounds() {
    assertThat(ShareDecision.DECISIONS).isEqualTo(ShareDecisionRules.DECISIONS);
    assertThat(ShareDecision.GROUNDS).isEqualTo(ShareDecisionRules.GROUNDS);
  }
}
