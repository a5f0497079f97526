package io.accessledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.config.AccessLedgerConfiguration;
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
import org.junit.jupiter.api.Test;

/** {@code ledger.diskReserve}, read as the server reads config.yml. */
class DiskReserveConfigurationTest {
  private static final ConfigurationFactory<AccessLedgerConfiguration> FACTORY =
      new DefaultConfigurationFactoryFactory<AccessLedgerConfiguration>().create(
          AccessLedgerConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(),
          "dw");

  private static long reserve(String value) throws Exception {
    String text = "ledger:\n  diskReserve: " + value + "\n";
    return FACTORY.build(
            path -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.yml")
        .getLedger().getDiskReserve().toBytes();
  }

  @Test
  void theShippedConfigurationKeeps64MiBFree() throws Exception {
    AccessLedgerConfiguration config = FACTORY.build(new SubstitutingSourceProvider(
        new FileConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)),
        "config.yml");
    assertThat(config.getLedger().getDiskReserve().toBytes()).isEqualTo(64L << 20);
  }

  @Test
  void aSizeTakesItsUnitAndABareNumberIsBytes() throws Exception {
    assertThat(reserve("1GiB")).isEqualTo(1L << 30);
    assertThat(reserve("500MB")).isEqualTo(500_000_000L);
    assertThat(reserve("1048576")).isEqualTo(1L << 20);
    assertThat(reserve("0")).as("no reserve").isZero();
  }

  @Test
  void aValueThatIsNoSizeIsRefusedByName() {
    assertThatThrownBy(() -> reserve("lots"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("ledger.diskReserve")
        .hasMessageContaining("lots");
  }
}
