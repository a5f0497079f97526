package io.accessledger.console.entries.describe;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.events.LegalBasis;
import io.accessledger.events.LegalBasisVocabulary;
import io.accessledger.report.Ground;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Legal-basis codes cited in words, and listed with the vocabulary's labels, local codes too. */
class LegalWordsTest {
  private final LegalWords words = new LegalWords(LegalBasisVocabulary.shipped().withLocal(List.of(
      new LegalBasis("LOCAL-PROTOCOL", "Council's information sharing protocol", null))));

  @Test
  void eachKindOfCodeIsCitedAsAPersonWouldReadIt() {
    assertThat(words.citation("UKGDPR-6-1-ea")).isEqualTo(
        "UK GDPR Article 6(1)(ea) (recognised legitimate interest)");
    assertThat(words.citation("DPA2018-S1-P18")).isEqualTo(
        "DPA 2018 Schedule 1 paragraph 18 (safeguarding of children and of individuals at risk)");
    assertThat(words.citation("CDA1998-S115")).isEqualTo("Crime and Disorder Act 1998 s115"
        + " (power to disclose for crime and disorder purposes)");
    assertThat(words.citation("CLDC-CONSENT")).isEqualTo("common-law duty of confidence (consent)");
    assertThat(words.citation("LOCAL-PROTOCOL")).isEqualTo("Council's information sharing protocol");
    assertThat(words.citation("NOT-A-CODE")).isEqualTo("NOT-A-CODE (a code not in the vocabulary)");
  }

  @Test
  void groundsCarryTheFullLabelAndLegislationUriOrNullsForAnUnknownCode() {
    assertThat(words.grounds(List.of("UKGDPR-6-1-e", "NOT-A-CODE"))).containsExactly(
        new Ground("UKGDPR-6-1-e",
            "public task (the usual basis for a local authority's social care work)",
            "https://www.legislation.gov.uk/id/eur/2016/679/article/6/1/e"),
        new Ground("NOT-A-CODE", null, null));
  }
}
