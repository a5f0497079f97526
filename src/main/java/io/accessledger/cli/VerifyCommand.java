package io.accessledger.cli;

import io.accessledger.config.AccessLedgerConfiguration;
import io.accessledger.config.AppendOnlyGuardsAtStart;
import io.accessledger.config.LedgerFactory;
import io.accessledger.ledger.notes.CheckpointException;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.ledger.notes.VerifierKeys;
import io.accessledger.ledger.verify.LedgerVerifier;
import io.accessledger.ledger.verify.VerificationResult;
import io.accessledger.store.GuardFault;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoreException;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code verify config.yml [--key VERIFIER_KEY]...}: re-derives the whole ledger from the database and
 * exits 0 when intact, or 1 naming the first bad {@code seq}, or every append-only trigger that is
 * missing or altered (both, when both are wrong).
 *
 * <p>By default the checkpoints are checked with the public half of the key in the data directory.
 * Anyone who can rewrite the database can usually rewrite that key file too, so an independent
 * check passes the verifier key published when the ledger was set up, with {@code --key}.
 */
public final class VerifyCommand extends ConfiguredCommand<AccessLedgerConfiguration> {

  public VerifyCommand() {
    super("verify", "Re-derive the ledger from its database and check every signed checkpoint");
  }

  @Override
  public void configure(Subparser subparser) {
    super.configure(subparser);
    subparser
        .addArgument("--key")
        .dest("key")
        .action(Arguments.append())
        .help("a published verifier key (name+keyid+base64) to check checkpoints against, any"
            + " key of the log's rotation chain; may be repeated; default: the public half of"
            + " the data directory's signing key");
  }

  @Override
  protected void run(
      Bootstrap<AccessLedgerConfiguration> bootstrap,
      Namespace namespace,
      AccessLedgerConfiguration configuration)
      throws Exception {
    LedgerFactory factory = configuration.getLedger();
    PrintStream out = System.out;
    long started;
    VerifierKeys key;
    VerificationResult result;
    try {
      if (!factory.databaseExists()) {
        throw new CommandFailure("no ledger at " + factory.ledgerLocation());
      }
      key = verifierKeys(namespace.getList("key"), factory);
      started = System.nanoTime();
      try (LedgerStore store = factory.openStoreReadOnly()) {
        result = new LedgerVerifier(store, key).verify();
      }
    } catch (StoreException e) {
      throw new CommandFailure("verify: " + e.getMessage());
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    if (!result.isIntact()) {
      throw new CommandFailure(failure(result));
    }
    out.printf(
        "ledger intact: %d entries, %d signed checkpoints, key %s (%.2f s, %.0f entries/s)%n",
        result.entries(), result.checkpoints(), key, seconds,
        seconds > 0 ? result.entries() / seconds : 0.0);
  }

  /** Both findings when there are both: what is wrong with the entries, then with the triggers. */
  private static String failure(VerificationResult result) {
    StringBuilder failure = new StringBuilder();
    if (!result.entriesIntact()) {
      failure.append("LEDGER BROKEN: first bad seq ").append(result.firstBadSeq().getAsLong())
          .append(": ").append(result.problem());
    }
    if (!result.guardFaults().isEmpty()) {
      if (!failure.isEmpty()) {
        failure.append('\n');
      }
      failure.append("APPEND-ONLY TRIGGERS NOT IN PLACE: ")
          .append(GuardFault.describe(result.guardFaults()))
          .append(". ").append(GuardFault.consequences(result.guardFaults()))
          .append(result.entriesIntact()
              ? " Its " + result.entries() + " entries still verify, but someone with the file"
                  + " dropped, replaced or added triggers. "
              : " Someone with the file dropped, replaced or added triggers. ")
          .append(AppendOnlyGuardsAtStart.HOW_TO_RECREATE);
    }
    return failure.toString();
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    if (!CommandFailure.printed(cli, e)) {
      super.onError(cli, namespace, e);
    }
  }

  private static VerifierKeys verifierKeys(List<String> given, LedgerFactory factory) {
    if (given != null && !given.isEmpty()) {
      List<VerifierKey> keys = new ArrayList<>();
      for (String text : given) {
        try {
          keys.add(VerifierKey.parse(text));
        } catch (CheckpointException | IllegalArgumentException e) {
          throw new CommandFailure("--key is not a verifier key: " + e.getMessage());
        }
      }
      return VerifierKeys.of(keys);
    }
    if (!Files.exists(factory.keyFile())) {
      throw new CommandFailure(
          "no signing key at " + factory.keyFile() + "; pass the published verifier key with --key");
    }
    return VerifierKeys.of(factory.openSigner(true).verifierKey());
  }
}
