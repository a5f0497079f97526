package io.accessledger.cli;

import com.codahale.metrics.MetricRegistry;
import io.accessledger.config.AccessLedgerConfiguration;
import io.accessledger.config.LedgerFactory;
import io.accessledger.config.SigningKeyRotation;
import io.accessledger.crypto.bc.KeyFileException;
import io.accessledger.ledger.writer.LedgerBusyException;
import io.accessledger.ledger.writer.LedgerStateException;
import io.accessledger.store.StoreException;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.time.Clock;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * {@code rotate-key config.yml}: makes a new signing key and has the log announce it in a {@code
 * KEY_ROTATION} entry (see {@link SigningKeyRotation}), with the server running on the same data
 * directory or not. Prints the entry's seq and both verifier keys; never key material.
 */
public final class RotateKeyCommand extends ConfiguredCommand<AccessLedgerConfiguration> {

  public RotateKeyCommand() {
    super("rotate-key", "Make a new signing key and record the rotation in the log (the old key"
        + " signs too for ledger.keyTransition, then it is destroyed)");
  }

  @Override
  protected void run(
      Bootstrap<AccessLedgerConfiguration> bootstrap,
      Namespace namespace,
      AccessLedgerConfiguration configuration)
      throws Exception {
    LedgerFactory factory = configuration.getLedger();
    SigningKeyRotation.Rotated rotated;
    try {
      rotated = SigningKeyRotation.rotate(factory, new MetricRegistry(), Clock.systemUTC());
    } catch (LedgerStateException | LedgerBusyException | StoreException | KeyFileException e) {
      throw new CommandFailure("rotate-key: " + e.getMessage());
    }
    System.out.println("key rotated: entry " + rotated.seq() + ", covered by the checkpoint of"
        + " tree size " + rotated.treeSize() + ", signed by both keys");
    System.out.println("old key: " + rotated.oldKey());
    System.out.println("new key: " + rotated.newKey());
    System.out.println("both keys sign until " + rotated.transitionEnds() + "; then the old key"
        + " is destroyed and the new one signs alone.");
    System.out.println("Publish the new key. Every other node of a shared database needs a copy"
        + " of " + factory.keyFile() + " (mode 0600) before it writes again.");
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    if (!CommandFailure.printed(cli, e)) {
      super.onError(cli, namespace, e);
    }
  }
}
