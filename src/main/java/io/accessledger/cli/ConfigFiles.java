package io.accessledger.cli;

import io.accessledger.config.AccessLedgerConfiguration;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.ConfigurationFactory;
import io.dropwizard.core.setup.Bootstrap;
import java.io.IOException;

/**
 * Reads a config file as {@code server} would (environment substitution, validation), for a
 * command that takes more than one: Dropwizard's {@code ConfiguredCommand} reads only one.
 */
final class ConfigFiles {
  private ConfigFiles() {}

  @SuppressWarnings("unchecked") // the application's bootstrap is of its own configuration
  static AccessLedgerConfiguration read(Bootstrap<?> anyBootstrap, String path) {
    Bootstrap<AccessLedgerConfiguration> bootstrap =
        (Bootstrap<AccessLedgerConfiguration>) anyBootstrap;
    ConfigurationFactory<AccessLedgerConfiguration> factory =
        bootstrap.getConfigurationFactoryFactory().create(AccessLedgerConfiguration.class,
            bootstrap.getValidatorFactory().getValidator(), bootstrap.getObjectMapper(), "dw");
    try {
      return factory.build(bootstrap.getConfigurationSourceProvider(), path);
    } catch (ConfigurationException e) {
      throw new CommandFailure(e.getMessage().strip());
    } catch (IOException e) {
      throw new CommandFailure("cannot read " + path + ": " + e.getMessage());
    }
  }
}
