package io.accessledger.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.ledger.writer.SequencerSettings;
import io.accessledger.support.Configs;
import io.dropwizard.configuration.ConfigurationException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code ledger:} section, read as the server reads config.yml: the shipped values and the
 * environment's, each setting's validation, and the writer's settings built from it. The zone and
 * the disk reserve have their own tests ({@link ZoneConfigurationTest},
 * {@link DiskReserveConfigurationTest}).
 */
class LedgerFactoryConfigurationTest {
  @Test
  void theShippedValuesAndTheEnvironmentsAreRead() throws Exception {
    LedgerFactory shipped = Configs.shipped(Map.of()).getLedger();
    assertThat(shipped.dataPath()).isEqualTo(Path.of("data"));
    assertThat(shipped.getOrigin()).isEqualTo("access-ledger.local/log");
    assertThat(shipped.isRecreateMissingTriggers()).isFalse();
    assertThat(shipped.sequencerSettings()).isEqualTo(SequencerSettings.defaults());
    LedgerFactory given = Configs.shipped(
        Map.of("LEDGER_DATA_DIR", "/srv/ledger", "LEDGER_ORIGIN", "council.example/log"))
        .getLedger();
    assertThat(given.databaseFile()).isEqualTo(Path.of("/srv/ledger/ledger.db"));
    assertThat(given.getOrigin()).isEqualTo("council.example/log");
  }

  @Test
  void theWritersSettingsAreBuiltFromTheSection() throws Exception {
    LedgerFactory ledger = Configs.yaml("""
        ledger:
          maxBatchEntries: 7
          queueCapacity: 70
          linkCacheSize: 700
        """).getLedger();
    assertThat(ledger.sequencerSettings()).isEqualTo(new SequencerSettings(7, 70, 700));
  }

  @Test
  void aWrongSettingStopsTheStartNamingIt() {
    Map<String, String> wrong = Map.of(
        "dataDir: \"\"", "ledger.dataDir must not be empty",
        "origin: \"council log\"", "ledger.origin must contain no white space and no '+'",
        "origin: a+b", "ledger.origin must contain no white space and no '+'",
        "maxBatchEntries: 0", "ledger.maxBatchEntries must be greater than or equal to 1",
        "queueCapacity: 0", "ledger.queueCapacity must be greater than or equal to 1",
        "linkCacheSize: 0", "ledger.linkCacheSize must be greater than or equal to 1",
        "maxConnections: 1", "ledger.maxConnections must be greater than or equal to 2");
    wrong.forEach((setting, message) ->
        assertThatThrownBy(() -> Configs.yaml("ledger:\n  " + setting + "\n"))
            .as(setting)
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining(message));
  }
}
