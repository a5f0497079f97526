package io.accessledger.registers;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.events.EventValidator;
import io.accessledger.events.LegalBasisVocabulary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The crafted events the rule tests start from are events the ledger would accept. */
class RegisterEventsTest {
  private static final EventValidator VALIDATOR =
      new EventValidator(LegalBasisVocabulary.shipped());

  @Test
  void theCraftedShareDecisionsAreValidEvents() {
    assertThat(VALIDATOR.validate(RegisterEvents.share())).isEmpty();
    assertThat(VALIDATOR.validate(RegisterEvents.courtOrderShare())).isEmpty();
  }

  @Test
  void theCraftedReleaseIsTheStoredFormOfAValidEvent() {
    Map<String, Object> posted = RegisterEvents.extract();
    posted.remove("subjectCount");
    posted.put("subjects", List.of(Map.of("id", "child-1"), Map.of("id", "child-2")));
    assertThat(VALIDATOR.validate(posted)).isEmpty();
  }
}
