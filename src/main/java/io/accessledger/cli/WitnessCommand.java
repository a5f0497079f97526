package io.accessledger.cli;

import io.accessledger.ledger.notes.CheckpointException;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.ledger.notes.VerifierKeys;
import io.accessledger.witness.Witness;
import io.accessledger.witness.WitnessException;
import io.accessledger.witness.WitnessExit;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.MutuallyExclusiveGroup;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code witness --url URL (--token TOKEN | --token-file FILE) --state FILE [--key VKEY]…}: checks
 * that a running access-ledger's latest checkpoint is signed by the pinned key and consistent with
 * every checkpoint this witness saw before, and records it (see {@link Witness}). Needs no
 * config.yml and no database: it is an outsider's view of the log over HTTP.
 *
 * <p>Exit codes are {@link WitnessExit}'s: 0 recorded or unchanged; 2 to 7 the check could not be
 * made (arguments, network, token, answer, signature, state file); 10 to 12 the log showed
 * inconsistent views and the evidence was saved. The token is never printed.
 */
public final class WitnessCommand extends Command {

  public WitnessCommand() {
    super("witness", "Check the log's latest signed checkpoint against the ones seen before,"
        + " and record it");
  }

  @Override
  public void configure(Subparser subparser) {
    subparser.addArgument("--url").dest("url").required(true)
        .help("the log's base URL, e.g. https://ledger.example.org");
    MutuallyExclusiveGroup token = subparser.addMutuallyExclusiveGroup("token").required(true);
    token.addArgument("--token").dest("token")
        .help("an auditor or investigator client's bearer token (visible to other local users"
            + " in the process list: prefer --token-file)");
    token.addArgument("--token-file").dest("tokenFile")
        .help("a file holding the token (mode 0600 or 0400)");
    subparser.addArgument("--state").dest("state").required(true)
        .help("the witness's state file: created on first use, appended to after");
    subparser.addArgument("--key").dest("key").action(Arguments.append())
        .help("the log's published verifier key (name+keyid+base64); pinned on first use,"
            + " must be one of the pinned keys afterwards; may be repeated (a set of keys of one"
            + " log: a checkpoint signed by any of them counts, lines from other keys are"
            + " ignored)");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    try {
      String token = namespace.getString("token");
      if (token == null) {
        token = readTokenFile(Path.of(namespace.getString("tokenFile")));
      }
      VerifierKeys key = keys(namespace.getList("key"));
      new Witness(namespace.getString("url"), token, Path.of(namespace.getString("state")),
          Clock.systemUTC(), System.out, System.err).run(key);
    } catch (WitnessException e) {
      throw new CommandFailure("witness: " + e.getMessage(), e.exit().code());
    }
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    if (!CommandFailure.printed(cli, e)) {
      super.onError(cli, namespace, e);
    }
  }

  /** The keys given with {@code --key}, or null if none was. */
  private static VerifierKeys keys(List<String> given) throws WitnessException {
    if (given == null || given.isEmpty()) {
      return null;
    }
    List<VerifierKey> keys = new ArrayList<>();
    for (String text : given) {
      try {
        keys.add(VerifierKey.parse(text));
      } catch (CheckpointException e) {
        throw new WitnessException(WitnessExit.USAGE, "--key is not a verifier key: "
            + e.getMessage());
      }
    }
    return VerifierKeys.of(keys);
  }

  /** The token file's first line; refused if group or others may read it, as a key file would be. */
  private static String readTokenFile(Path file) throws WitnessException {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (!EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)
          .containsAll(permissions)) {
        throw new WitnessException(WitnessExit.USAGE, "the token file " + file + " is readable or"
            + " writable by group or others; fix with: chmod 600 " + file);
      }
      String content = Files.readString(file, StandardCharsets.UTF_8);
      int newline = content.indexOf('\n');
      return (newline < 0 ? content : content.substring(0, newline)).strip();
    } catch (IOException e) {
      throw new WitnessException(WitnessExit.USAGE, "cannot read the token file " + file + ": "
          + e.getClass().getSimpleName());
    }
  }
}
