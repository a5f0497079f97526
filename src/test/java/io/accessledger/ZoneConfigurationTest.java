package io.accessledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.config.AccessLedgerConfiguration;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.ConfigurationFactory;
import io.dropwizard.configuration.DefaultConfigurationFactoryFactory;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Map;
import org.apache.commons.text.StringSubstitutor;
import org.junit.jupiter.api.Test;

/**
 * {@code ledger.zone}, read as the server reads config.yml, with the environment given here
 * instead of the process's: one zone for the service, London by default, and the need-to-know
 * working hours in it.
 */
class ZoneConfigurationTest {
  private static final ConfigurationFactory<AccessLedgerConfiguration> FACTORY =
      new DefaultConfigurationFactoryFactory<AccessLedgerConfiguration>().create(
          AccessLedgerConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(),
          "dw");

  /** The shipped config.yml with exactly {@code environment} as its environment variables. */
  private static AccessLedgerConfiguration shipped(Map<String, String> environment)
      throws Exception {
    StringSubstitutor substitutor = new StringSubstitutor(environment);
    substitutor.setEnableSubstitutionInVariables(false);
    return FACTORY.build(new SubstitutingSourceProvider(new FileConfigurationSourceProvider(),
        substitutor), "config.yml");
  }

  private static AccessLedgerConfiguration yaml(String text) throws Exception {
    return FACTORY.build(
        path -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.yml");
  }

  @Test
  void theShippedZoneIsLondonAndTheWorkingHoursAreInIt() throws Exception {
    AccessLedgerConfiguration config = shipped(Map.of());
    ZoneId london = ZoneId.of("Europe/London");
    assertThat(config.getLedger().zone()).isEqualTo(london);
    assertThat(config.getLedger().zoneName()).isEqualTo("UK time");
    assertThat(config.getNeedToKnow().build(config.getLedger().zone()).zone()).isEqualTo(london);
  }

  @Test
  void ledgerZoneComesFromTheEnvironmentAndTheWorkingHoursFollowIt() throws Exception {
    AccessLedgerConfiguration config = shipped(Map.of("LEDGER_ZONE", "America/New_York"));
    ZoneId newYork = ZoneId.of("America/New_York");
    assertThat(config.getLedger().zone()).isEqualTo(newYork);
    assertThat(config.getLedger().zoneName()).isEqualTo("America/New_York time");
    assertThat(config.getNeedToKnow().build(config.getLedger().zone()).zone()).isEqualTo(newYork);
  }

  @Test
  void anUnknownZoneStopsTheStartNamingIt() {
    assertThatThrownBy(() -> shipped(Map.of("LEDGER_ZONE", "Europe/Atlantis")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("ledger.zone")
        .hasMessageContaining("\"Europe/Atlantis\" is not a known time zone id");
  }

  @Test
  void workingHoursInAnotherZoneAreRefusedNamingBoth() throws Exception {
    AccessLedgerConfiguration config = yaml("""
        ledger:
          zone: Pacific/Auckland
        needToKnow:
          workingHours: {zone: Europe/London, start: "08:00", end: "18:00", days: [MONDAY]}
        """);
    assertThatThrownBy(() -> config.getNeedToKnow().build(config.getLedger().zone()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needToKnow.workingHours.zone is Europe/London")
        .hasMessageContaining("ledger.zone is Pacific/Auckland");
  }

  @Test
  void workingHoursThatNameTheSameZoneAreAccepted() throws Exception {
    AccessLedgerConfiguration config = yaml("""
        ledger:
          zone: Pacific/Auckland
        needToKnow:
          workingHours: {zone: Pacific/Auckland, start: "09:00", end: "17:00", days: [MONDAY]}
        """);
    assertThat(config.getNeedToKnow().build(config.getLedger().zone()).zone())
        .isEqualTo(ZoneId.of("Pacific/Auckland"));
  }
}
