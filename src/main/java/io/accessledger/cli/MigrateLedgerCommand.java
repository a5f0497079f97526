package io.accessledger.cli;

import com.codahale.metrics.MetricRegistry;
import io.accessledger.auth.ClientException;
import io.accessledger.auth.ClientStore;
import io.accessledger.config.LedgerFactory;
import io.accessledger.config.SigningKeyCopy;
import io.accessledger.ledger.writer.LedgerStateException;
import io.accessledger.services.migration.LedgerMigration;
import io.accessledger.services.migration.MigrationRefused;
import io.accessledger.services.migration.MigrationResult;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoreException;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.nio.file.Path;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code migrate-ledger FROM_CONFIG TO_CONFIG}: copies the ledger and API clients that
 * FROM_CONFIG names (a SQLite ledger, typically) into the empty database TO_CONFIG names
 * (PostgreSQL), with {@link LedgerMigration}: it verifies the source first, refuses a target that
 * is not empty, copies every entry and checkpoint exactly, and verifies the copy.
 *
 * <p>The signing key stays where each configuration's data directory has it: a TO data directory
 * without {@code signing.key} gets a copy of FROM's (mode 0600); one with another key is refused
 * before anything is written. The command holds FROM's writer lock (and TO's, when it is another
 * directory), so it refuses while a server runs on either; stop the server first.
 */
public final class MigrateLedgerCommand extends Command {

  public MigrateLedgerCommand() {
    super("migrate-ledger", "Copy a ledger and its API clients into an empty database (SQLite to"
        + " PostgreSQL), verifying both");
  }

  @Override
  public void configure(Subparser subparser) {
    subparser.addArgument("from").metavar("FROM_CONFIG")
        .help("the config file of the ledger to copy (the server on it must be stopped)");
    subparser.addArgument("to").metavar("TO_CONFIG")
        .help("the config file of the empty database to copy into (LEDGER_DATABASE_URL and the"
            + " schema owner's LEDGER_DATABASE_USER and LEDGER_DATABASE_PASSWORD for PostgreSQL)");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    LedgerFactory from = ConfigFiles.read(bootstrap, namespace.getString("from")).getLedger();
    LedgerFactory to = ConfigFiles.read(bootstrap, namespace.getString("to")).getLedger();
    MigrationResult result;
    boolean keyCopied;
    try {
      if (from.ledgerLocation().equals(to.ledgerLocation())) {
        throw new CommandFailure("migrate-ledger: both configurations name the ledger "
            + from.ledgerLocation());
      }
      if (!from.databaseExists()) {
        throw new CommandFailure("migrate-ledger: no ledger at " + from.ledgerLocation());
      }
      SigningKeyCopy key = SigningKeyCopy.check(from, to);
      boolean oneDirectory = from.dataPath().toAbsolutePath().normalize()
          .equals(to.dataPath().toAbsolutePath().normalize());
      MetricRegistry metrics = new MetricRegistry();
      try (AutoCloseable fromLock = from.holdWriterLock();
          AutoCloseable toLock = oneDirectory ? null : to.holdWriterLock();
          LedgerStore source = from.openStoreReadOnly();
          ClientStore sourceClients = from.clientsExist() ? from.openClients(metrics) : null;
          LedgerStore target = to.openStore(metrics);
          ClientStore targetClients = to.openClients(metrics)) {
        LedgerMigration migration = LedgerMigration.prepare(
            source, sourceClients, target, targetClients, key.sourceKey());
        keyCopied = key.install();
        result = migration.execute(new ProgressLine(System.out));
      }
    } catch (MigrationRefused | StoreException | LedgerStateException | ClientException e) {
      throw new CommandFailure("migrate-ledger: " + e.getMessage());
    }
    PrintStream out = System.out;
    out.printf("copied %d entries, %d signed checkpoints and %d API clients from %s to %s%n",
        result.entries(), result.checkpoints(), result.clients(), from.ledgerLocation(),
        to.ledgerLocation());
    out.println("both verify; latest checkpoint: size " + result.latest().size() + ", root "
        + result.latest().root().hex());
    Path keyFile = to.keyFile();
    out.println(keyCopied
        ? "signing key copied to " + keyFile + " (mode 0600); give every node a copy of it"
        : "signing key: " + keyFile + " already held the same key");
    out.println("start the server with " + namespace.getString("to")
        + "; keep the old ledger until you no longer need it");
  }

  /** Prints how far the copy is, at most every ten seconds. */
  private static final class ProgressLine implements LedgerMigration.Progress {
    private static final long EVERY_NANOS = 10_000_000_000L;
    private final PrintStream out;
    private long last = System.nanoTime();

    ProgressLine(PrintStream out) {
      this.out = out;
    }

    @Override
    public void copied(long entries, long checkpoints) {
      long now = System.nanoTime();
      if (now - last >= EVERY_NANOS) {
        out.printf("copied %d entries, %d checkpoints so far%n", entries, checkpoints);
        out.flush();
        last = now;
      }
    }
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    if (!CommandFailure.printed(cli, e)) {
      super.onError(cli, namespace, e);
    }
  }
}
