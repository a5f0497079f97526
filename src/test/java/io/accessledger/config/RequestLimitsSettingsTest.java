package io.accessledger.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.http.RequestLimits;
import io.accessledger.support.Configs;
import io.dropwizard.configuration.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code requestLimits:} section: validated as config.yml is read, then built into limits. */
class RequestLimitsSettingsTest {
  private static final RequestLimits SHIPPED =
      new RequestLimits(5_000_000_000L, 64 << 10, 64, 2, 256L << 20);

  @Test
  void theShippedLimitsAreBuiltAsConfigured() throws Exception {
    assertThat(Configs.shipped(Map.of()).getRequestLimits().buildLimits()).isEqualTo(SHIPPED);
  }

  @Test
  void leftOutTheSectionHasTheSameDefaults() throws Exception {
    assertThat(Configs.yaml("localLegalBases: []\n").getRequestLimits().buildLimits())
        .isEqualTo(SHIPPED);
  }

  @Test
  void everyLimitIsBuiltFromItsSetting() throws Exception {
    assertThat(Configs.yaml("""
        requestLimits:
          bodyTimeout: 250ms
          minBodyRate: 1KiB
          maxInFlightPerClient: 3
          maxLargeBodiesPerClient: 1
          maxBufferedBytes: 32MiB
        """).getRequestLimits().buildLimits())
        .isEqualTo(new RequestLimits(250_000_000L, 1024, 3, 1, 32L << 20));
  }

  @Test
  void givenEmptyTheSectionStopsTheStart() {
    assertThatThrownBy(() -> Configs.yaml("requestLimits:\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("requestLimits must not be null");
  }

  @Test
  void aLimitBelowItsLeastStopsTheStartNamingIt() {
    Map<String, String> belowLeast = Map.of(
        "bodyTimeout: 0s", "requestLimits.bodyTimeout must be greater than or equal to 1"
            + " MILLISECONDS",
        "minBodyRate: 0B", "requestLimits.minBodyRate must be greater than or equal to 1 BYTES",
        "maxInFlightPerClient: 0",
        "requestLimits.maxInFlightPerClient must be greater than or equal to 1",
        "maxLargeBodiesPerClient: 0",
        "requestLimits.maxLargeBodiesPerClient must be greater than or equal to 1",
        "maxBufferedBytes: 31MiB",
        "requestLimits.maxBufferedBytes must be greater than or equal to 32 MEBIBYTES");
    belowLeast.forEach((setting, message) ->
        assertThatThrownBy(() -> Configs.yaml("requestLimits:\n  " + setting + "\n"))
            .as(setting)
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining(message));
  }
}
