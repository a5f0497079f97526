package io.accessledger.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.accessledger.audit.Finding;
import io.accessledger.audit.NeedToKnowAudit;
import io.accessledger.config.NeedToKnowSettings;
import io.accessledger.entries.EventParser;
import io.accessledger.entries.ExtractRelease;
import io.accessledger.entries.ShareDecision;
import io.accessledger.events.EventValidator;
import io.accessledger.events.LegalBasisVocabulary;
import io.accessledger.ledger.json.CanonicalJson;
import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.registers.AgreementTerms;
import io.accessledger.registers.DataSharingAgreements;
import io.accessledger.registers.ExtractFlags;
import io.accessledger.registers.Flag;
import io.accessledger.registers.ShareFlags;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo month is valid input, and the need-to-know audit over it, with the demo's own
 * settings, finds exactly the planted accesses, and the registers exactly the planted share and
 * extract: no more, no fewer.
 */
class DemoMonthTest {
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Test
  @SuppressWarnings("unchecked")
  void everyEventIsValidAndTheAuditFindsExactlyThePlantedCases() throws Exception {
    YearMonth month = YearMonth.of(2026, 10);
    DemoMonth demo = new DemoMonth(month, LONDON, 10, 150, 25, 1);
    EventValidator validator = new EventValidator(LegalBasisVocabulary.shipped());
    List<LedgerEntry> log = new ArrayList<>();
    demo.events(json -> {
      Object event = CanonicalJson.parse(json);
      assertThat(validator.validate(event)).as(json).isEmpty();
      log.add(new LedgerEntry(log.size(), (Map<String, Object>) event, Map.of(), Digest.ZERO,
          "2026-11-01T00:00:00.000Z", "demo-lcs"));
    });
    assertThat(log).hasSizeGreaterThan(20_000);

    NeedToKnowSettings settings = new YAMLMapper()
        .readTree(demo.config()).path("needToKnow").traverse(new YAMLMapper())
        .readValueAs(NeedToKnowSettings.class);
    ZoneId london = ZoneId.of("Europe/London");
    NeedToKnowAudit audit = new NeedToKnowAudit(settings.build(london),
        month.atDay(1).atStartOfDay(london).toInstant(),
        month.plusMonths(1).atDay(1).atStartOfDay(london).toInstant());
    log.forEach(audit::accept);
    List<String> found = audit.findings().stream()
        .map(f -> f.rule() + " " + f.actor() + " " + f.subject()).toList();
    assertThat(found).containsExactlyInAnyOrder(
        "NOT_ALLOCATED sw-south-cin-04 child-0008",
        "NOT_ALLOCATED sw-north-cin-03 child-0312",
        "BREAK_GLASS sw-north-cin-03 child-0312",
        "OUT_OF_HOURS sw-cp-east-05 child-0305",
        "NOT_ALLOCATED sw-north-cin-06 child-0146",
        "AFTER_CLOSURE sw-north-cin-06 child-0146",
        "VOLUME_SPIKE sw-lac-team-07 null",
        "NOT_ALLOCATED sw-north-cin-02 child-0599",
        "RESTRICTED_SUBJECT sw-north-cin-02 child-0599",
        "SELF_OR_FAMILY sw-north-cin-07 child-0042");
    assertThat(demo.planted()).hasSize(9);

    // The registers flag the planted share and extract, and nothing else, against the shipped
    // agreements of config.yml.
    YAMLMapper yaml = new YAMLMapper();
    List<AgreementTerms> terms = yaml.convertValue(
        yaml.readTree(Path.of("config.yml").toFile()).path("agreements"),
        new TypeReference<List<AgreementTerms>>() {});
    DataSharingAgreements agreements =
        DataSharingAgreements.of(terms, LegalBasisVocabulary.shipped()::isKnown);
    List<String> flagged = new ArrayList<>();
    int shares = 0;
    for (LedgerEntry entry : log) {
      var event = EventParser.parse(entry);
      String type = event.header().type();
      List<Flag> flags = event instanceof ShareDecision share
          ? ShareFlags.of(share, LONDON)
          : event instanceof ExtractRelease release
              ? ExtractFlags.of(release, agreements, LONDON) : List.of();
      shares += event instanceof ShareDecision ? 1 : 0;
      flags.forEach(f -> flagged.add(type + " " + f.code()));
    }
    assertThat(shares).isGreaterThan(3);
    assertThat(flagged).containsExactlyInAnyOrder("SHARE_DECISION SHARE_NOT_APPROVED",
        "EXTRACT_RELEASE EXTRACT_OUTSIDE_AGREEMENT_DATES");
    assertThat(audit.findings()).extracting(Finding::explanation).allSatisfy(e ->
        assertThat(e).isNotBlank());
  }
}
