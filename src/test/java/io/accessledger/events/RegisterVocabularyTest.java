package io.accessledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.registers.ShareDecision;
import org.junit.jupiter.api.Test;

/** The share register's filters accept exactly the values ingest accepts. */
class RegisterVocabularyTest {
  @Test
  void theRegisterKnowsTheValidatorsDecisionsAndGrounds() {
    assertThat(ShareDecision.DECISIONS).isEqualTo(ShareDecisionRules.DECISIONS);
    assertThat(ShareDecision.GROUNDS).isEqualTo(ShareDecisionRules.GROUNDS);
  }
}
