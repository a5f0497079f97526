package io.accessledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.config.AccessLedgerConfiguration;
import io.accessledger.registers.DataSharingAgreement;
import io.accessledger.registers.DataSharingAgreements;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.ConfigurationFactory;
import io.dropwizard.configuration.DefaultConfigurationFactoryFactory;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code agreements:} section, read as the server reads config.yml. */
class AgreementsConfigurationTest {
  /** The factory the server itself uses: it refuses unknown fields. */
  private static final ConfigurationFactory<AccessLedgerConfiguration> FACTORY =
      new DefaultConfigurationFactoryFactory<AccessLedgerConfiguration>().create(
          AccessLedgerConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(),
          "dw");

  private static AccessLedgerConfiguration yaml(String text) throws Exception {
    return FACTORY.build(
        path -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.yml");
  }

  @Test
  void theShippedConfigurationHoldsTheContractsExampleAgreement() throws Exception {
    AccessLedgerConfiguration config = FACTORY.build(new SubstitutingSourceProvider(
        new FileConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)),
        "config.yml");
    DataSharingAgreements agreements = config.buildAgreements(config.buildLegalBases());
    assertThat(agreements.all()).containsExactly(new DataSharingAgreement(
        "WWCSC-FAMILY-VALUED", "What Works for Children's Social Care",
        "Evaluation of Family Valued (pseudonymised data)",
        LocalDate.of(2020, 1, 1), LocalDate.of(2025, 12, 31), true,
        List.of("la-child-codes", "referrals", "assessments", "cin-plans", "cp-plans",
            "looked-after-episodes", "gender", "ethnicity", "age-in-months", "disability",
            "uasc-status", "attendance", "fsm-eligibility", "pupil-premium"),
        List.of("UKGDPR-6-1-e", "UKGDPR-9-2-j", "DPA2018-S1-P4"), List.of("WWCSC")));
  }

  @Test
  void withoutTheSectionThereAreNoAgreements() throws Exception {
    AccessLedgerConfiguration config = yaml("localLegalBases: []\n");
    assertThat(config.buildAgreements(config.buildLegalBases()).all()).isEmpty();
  }

  @Test
  void aMisspeltFieldIsRefusedByName() {
    assertThatThrownBy(() -> yaml("""
        agreements:
          - id: DSA-1
            recipient: Evaluator Ltd
            purpose: Evaluation
            from: 2020-01-01
            until: 2025-12-31
        """))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Unrecognized field at: agreements.[0].until");
  }

  @Test
  void anAgreementWithProblemsStopsTheStartNamingThem() throws Exception {
    AccessLedgerConfiguration config = yaml("""
        agreements:
          - id: DSA-1
            recipient: Evaluator Ltd
            purpose: Evaluation
            from: 2020-02-30
            to: 2025-12-31
            categories: [referrals]
        """);
    assertThatThrownBy(() -> config.buildAgreements(config.buildLegalBases()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid agreements in the configuration: agreements[0] (DSA-1): from must be"
            + " a real date YYYY-MM-DD, got 2020-02-30; agreements[0] (DSA-1): pseudonymisedOnly"
            + " (true or false) is required");
  }

  @Test
  void legalBasesMayBeLocalCodesButNotUnknownOnes() throws Exception {
    String agreement = """
        agreements:
          - id: DSA-1
            recipient: Evaluator Ltd
            purpose: Evaluation
            from: 2020-01-01
            to: 2025-12-31
            pseudonymisedOnly: true
            categories: [referrals]
            legalBases: [UKGDPR-6-1-e, LOCAL-RESEARCH-PROTOCOL]
        """;
    AccessLedgerConfiguration config = yaml(agreement + """
        localLegalBases:
          - code: LOCAL-RESEARCH-PROTOCOL
            label: Council research protocol
        """);
    assertThat(config.buildAgreements(config.buildLegalBases()).find("DSA-1")).isPresent();
    AccessLedgerConfiguration without = yaml(agreement);
    assertThatThrownBy(() -> without.buildAgreements(without.buildLegalBases()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("legalBases code LOCAL-RESEARCH-PROTOCOL is not in the legal-basis"
            + " vocabulary");
  }
}
