package io.accessledger.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.report.StaffNames;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The {@code accessReport:} section of config.yml, read the way the service reads it at start. */
class AccessReportSettingsTest {
  private static final String SHIPPED = "staffNames: ROLE_ONLY";

  private static final YamlConfigurationFactory<AccessLedgerConfiguration> FACTORY =
      new YamlConfigurationFactory<>(AccessLedgerConfiguration.class, Validators.newValidator(),
          Jackson.newObjectMapper(), "dw");

  private static AccessLedgerConfiguration parse(String yaml) throws Exception {
    return FACTORY.build(new SubstitutingSourceProvider(
        path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
        new EnvironmentVariableSubstitutor(false)), "config.yml");
  }

  private static String shippedConfig() throws Exception {
    String yaml = Files.readString(Path.of("config.yml"));
    assertThat(yaml).contains("accessReport:\n  " + SHIPPED + "\n");
    return yaml;
  }

  @Test
  void theShippedConfigurationShowsRolesOnly() throws Exception {
    assertThat(parse(shippedConfig()).getAccessReport().buildStaffNames())
        .isEqualTo(StaffNames.ROLE_ONLY);
  }

  @Test
  void withoutTheSectionReportsShowRolesOnly() throws Exception {
    String yaml = shippedConfig().replace("accessReport:\n  " + SHIPPED + "\n", "");
    assertThat(parse(yaml).getAccessReport().buildStaffNames()).isEqualTo(StaffNames.ROLE_ONLY);
  }

  @Test
  void eachPolicyIsReadByName() throws Exception {
    for (StaffNames policy : StaffNames.values()) {
      String yaml = shippedConfig().replace(SHIPPED, "staffNames: " + policy.name());
      assertThat(parse(yaml).getAccessReport().buildStaffNames()).isEqualTo(policy);
    }
  }

  @Test
  void anUnknownPolicyStopsTheStartNamingTheFieldAndTheValuesAllowed() throws Exception {
    String yaml = shippedConfig().replace(SHIPPED, "staffNames: NAMES");
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(
            "accessReport.staffNames must be SHOW, ROLE_ONLY or PSEUDONYM, not \"NAMES\"");
  }

  @Test
  void anEmptyPolicyStopsTheStartToo() throws Exception {
    String yaml = shippedConfig().replace(SHIPPED, "staffNames:");
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("accessReport.staffNames must not be null");
  }
}
