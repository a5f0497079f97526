package io.accessledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.config.AdminPortSettings;
import io.accessledger.support.Configs;
import io.dropwizard.configuration.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code adminPort:} section, read as the server reads config.yml: both optional endpoint
 * groups off unless the environment turns them on. What they do to the admin port is in
 * {@code AdminPortApiTest} and {@link AdminPortSettingsTest}.
 */
class AdminPortConfigurationTest {
  @Test
  void theShippedConfigurationTurnsBothOff() throws Exception {
    AdminPortSettings admin = Configs.shipped(Map.of()).getAdminPort();
    assertThat(admin.isTasks()).isFalse();
    assertThat(admin.isDiagnostics()).isFalse();
  }

  @Test
  void theEnvironmentTurnsEachOnAlone() throws Exception {
    AdminPortSettings tasks = Configs.shipped(Map.of("LEDGER_ADMIN_TASKS", "true")).getAdminPort();
    assertThat(tasks.isTasks()).isTrue();
    assertThat(tasks.isDiagnostics()).isFalse();
    AdminPortSettings diagnostics =
        Configs.shipped(Map.of("LEDGER_ADMIN_DIAGNOSTICS", "true")).getAdminPort();
    assertThat(diagnostics.isTasks()).isFalse();
    assertThat(diagnostics.isDiagnostics()).isTrue();
  }

  @Test
  void leftOutOrGivenEmptyTheSectionTurnsBothOff() throws Exception {
    for (String yaml : new String[] {"localLegalBases: []\n", "adminPort:\n"}) {
      AdminPortSettings admin = Configs.yaml(yaml).getAdminPort();
      assertThat(admin.isTasks()).as(yaml).isFalse();
      assertThat(admin.isDiagnostics()).as(yaml).isFalse();
    }
  }

  @Test
  void aMisspeltEndpointIsRefusedByName() {
    assertThatThrownBy(() -> Configs.yaml("adminPort:\n  task: true\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Unrecognized field at: adminPort.task");
  }
}
