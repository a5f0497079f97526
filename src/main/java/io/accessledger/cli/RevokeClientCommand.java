package io.accessledger.cli;

import com.codahale.metrics.MetricRegistry;
import io.accessledger.auth.ClientException;
import io.accessledger.auth.ClientStore;
import io.accessledger.config.AccessLedgerConfiguration;
import io.accessledger.config.LedgerFactory;
import io.accessledger.ledger.writer.LedgerStateException;
import io.accessledger.store.StoreException;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code revoke-client config.yml --name NAME}: revokes the client's token. A running server
 * refuses it from its next request on (it reads the clients database on every request). The client
 * is kept, revoked, and its name is never given to another. Revoking a revoked client changes
 * nothing and succeeds; an unknown name fails.
 */
public final class RevokeClientCommand extends ConfiguredCommand<AccessLedgerConfiguration> {

  public RevokeClientCommand() {
    super("revoke-client", "Revoke an API client's bearer token, at once");
  }

  @Override
  public void configure(Subparser subparser) {
    super.configure(subparser);
    subparser.addArgument("--name").dest("name").required(true).help("the client to revoke");
  }

  @Override
  protected void run(
      Bootstrap<AccessLedgerConfiguration> bootstrap,
      Namespace namespace,
      AccessLedgerConfiguration configuration)
      throws Exception {
    String name = namespace.getString("name");
    LedgerFactory factory = configuration.getLedger();
    boolean wasActive;
    try {
      factory.prepareDataDir();
      if (!factory.clientsExist()) {
        throw new CommandFailure("revoke-client: there is no client named '" + name
            + "' (no clients have been added: " + factory.clientsLocation() + " does not exist)");
      }
      try (ClientStore clients = factory.openClients(new MetricRegistry())) {
        wasActive = clients.revoke(name);
      }
    } catch (ClientException | LedgerStateException | StoreException e) {
      throw new CommandFailure("revoke-client: " + e.getMessage());
    }
    System.out.println(wasActive
        ? "revoked API client " + name + ": its token is refused from now on"
        : "API client " + name + " was already revoked; nothing changed");
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    if (!CommandFailure.printed(cli, e)) {
      super.onError(cli, namespace, e);
    }
  }
}
