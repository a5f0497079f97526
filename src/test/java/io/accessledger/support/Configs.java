package io.accessledger.support;

import io.accessledger.config.AccessLedgerConfiguration;
import io.dropwizard.configuration.ConfigurationFactory;
import io.dropwizard.configuration.DefaultConfigurationFactoryFactory;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.commons.text.StringSubstitutor;

/**
 * Reads configuration as the server does at start-up: Dropwizard's factory, which refuses unknown
 * fields and validates every section, so what fails here stops the start.
 */
public final class Configs {
  private static final ConfigurationFactory<AccessLedgerConfiguration> FACTORY =
      new DefaultConfigurationFactoryFactory<AccessLedgerConfiguration>().create(
          AccessLedgerConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(),
          "dw");

  private Configs() {}

  /** The shipped config.yml with exactly {@code environment} as its environment variables. */
  public static AccessLedgerConfiguration shipped(Map<String, String> environment)
      throws Exception {
    StringSubstitutor substitutor = new StringSubstitutor(environment);
    substitutor.setEnableSubstitutionInVariables(false);
    return FACTORY.build(new SubstitutingSourceProvider(new FileConfigurationSourceProvider(),
        substitutor), "config.yml");
  }

  /** {@code text} as a whole configuration file (sections it leaves out take their defaults). */
  public static AccessLedgerConfiguration yaml(String text) throws Exception {
    return FACTORY.build(
        path -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.yml");
  }
}
