package io.accessledger.cli;

import com.codahale.metrics.MetricRegistry;
import io.accessledger.auth.ClientException;
import io.accessledger.auth.ClientStore;
import io.accessledger.auth.Role;
import io.accessledger.config.AccessLedgerConfiguration;
import io.accessledger.config.LedgerFactory;
import io.accessledger.ledger.writer.LedgerStateException;
import io.accessledger.store.StoreException;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code add-client config.yml --name NAME --role ROLE [--source SYSTEM]}: creates an API client and
 * prints its bearer token as the last line of stdout. The token is shown this once and stored only
 * as its SHA-256 hash; a lost token is replaced by revoking the client and adding another.
 *
 * <p>Works whether or not the server is running (the clients live in their own database file), and
 * like every command that opens the ledger, creates the ledger database and signing key on a fresh
 * data directory.
 */
public final class AddClientCommand extends ConfiguredCommand<AccessLedgerConfiguration> {

  public AddClientCommand() {
    super("add-client", "Create an API client and print its bearer token (shown only once)");
  }

  @Override
  public void configure(Subparser subparser) {
    super.configure(subparser);
    subparser.addArgument("--name").dest("name").required(true)
        .help("the client's name, 1-64 of A-Za-z0-9._- ; never reused, even after revocation");
    subparser.addArgument("--role").dest("role").required(true)
        .help("one of: " + Role.validNames());
    subparser.addArgument("--source").dest("source")
        .help("for role ingest, required: the records system whose events the client posts");
  }

  @Override
  protected void run(
      Bootstrap<AccessLedgerConfiguration> bootstrap,
      Namespace namespace,
      AccessLedgerConfiguration configuration)
      throws Exception {
    String name = namespace.getString("name");
    String source = namespace.getString("source");
    Role role = role(namespace.getString("role"), source);
    LedgerFactory factory = configuration.getLedger();
    MetricRegistry metrics = new MetricRegistry();
    String token;
    try {
      factory.prepareDataDir();
      factory.ensureLedgerCreated(metrics);
      try (ClientStore clients = factory.openClients(metrics)) {
        token = clients.add(name, role, source);
      }
    } catch (IllegalArgumentException | ClientException | LedgerStateException
        | StoreException e) {
      throw new CommandFailure("add-client: " + e.getMessage());
    }
    // Printed only once everything is closed, so that the token is the last line of stdout.
    PrintStream out = System.out;
    out.println("created API client " + name + ": role " + role
        + (source == null ? "" : ", source system " + source));
    out.println("its bearer token follows; it is shown only now (only its hash is stored):");
    out.println(token);
    out.flush();
  }

  private static Role role(String given, String source) {
    Role role;
    try {
      role = Role.parse(given);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure("add-client: --role: " + e.getMessage());
    }
    if (role == Role.INGEST && source == null) {
      throw new CommandFailure("add-client: --source is required for role ingest: it names the"
          + " records system whose events the client posts");
    }
    if (role != Role.INGEST && source != null) {
      throw new CommandFailure("add-client: --source is only for role ingest, not " + role);
    }
    return role;
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    if (!CommandFailure.printed(cli, e)) {
      super.onError(cli, namespace, e);
    }
  }
}
