package io.accessledger.cli;

import com.codahale.metrics.MetricRegistry;
import io.accessledger.auth.ClientStore;
import io.accessledger.config.AccessLedgerConfiguration;
import io.accessledger.config.LedgerFactory;
import io.accessledger.ledger.writer.LedgerStateException;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoreException;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * {@code migrate config.yml}: creates or brings up to date the schema of the ledger and of the API
 * clients, and does nothing else (no signing key, no entry). On PostgreSQL it is run with the
 * schema owner's role in {@code LEDGER_DATABASE_USER} and {@code LEDGER_DATABASE_PASSWORD}; the
 * servers then run as a role that may only SELECT and INSERT. Safe to run again, and while
 * servers run: migrations are applied one at a time under an advisory lock, each once.
 *
 * <p>On SQLite the first command that opens the ledger creates its schema anyway; here it takes
 * the data directory's writer lock first, so it refuses while a server runs there.
 */
public final class MigrateCommand extends ConfiguredCommand<AccessLedgerConfiguration> {

  public MigrateCommand() {
    super("migrate", "Create or update the ledger's and the API clients' schema (on PostgreSQL,"
        + " as the schema's owner), and nothing else");
  }

  @Override
  protected void run(
      Bootstrap<AccessLedgerConfiguration> bootstrap,
      Namespace namespace,
      AccessLedgerConfiguration configuration)
      throws Exception {
    LedgerFactory factory = configuration.getLedger();
    MetricRegistry metrics = new MetricRegistry();
    try {
      if (factory.getDatabase().isPostgres()) {
        migrate(factory, metrics);
      } else {
        try (AutoCloseable lock = factory.holdWriterLock()) {
          migrate(factory, metrics);
        }
      }
    } catch (StoreException | LedgerStateException e) {
      throw new CommandFailure("migrate: " + e.getMessage());
    }
    System.out.println(factory.getDatabase().isPostgres()
        ? "schema up to date in " + factory.ledgerLocation()
            + ": the ledger's tables and the API clients'"
        : "schema up to date: the ledger in " + factory.ledgerLocation()
            + ", the API clients in " + factory.clientsLocation());
  }

  private static void migrate(LedgerFactory factory, MetricRegistry metrics) {
    // Opening each store applies its pending migrations.
    try (LedgerStore store = factory.openStore(metrics);
        ClientStore clients = factory.openClients(metrics)) {
      // nothing else to do
    }
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    if (!CommandFailure.printed(cli, e)) {
      super.onError(cli, namespace, e);
    }
  }
}
