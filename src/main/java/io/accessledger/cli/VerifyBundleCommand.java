package io.accessledger.cli;

import io.accessledger.events.LegalBasisVocabulary;
import io.accessledger.evidence.BundleException;
import io.accessledger.evidence.BundleSummary;
import io.accessledger.evidence.BundleVerifier;
import io.accessledger.evidence.VerifiedBundle;
import io.accessledger.ledger.notes.CheckpointException;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.ledger.notes.VerifierKeys;
import io.accessledger.ledger.notes.WitnessKey;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code verify-bundle FILE --key VKEY [--key VKEY]... [--since CHECKPOINT_FILE]}: checks an
 * evidence bundle, signed by one of the keys given or by a later key its key rotations lead to,
 * offline (no database, no network) and prints who saw what, when and on what grounds; or exits 1
 * with {@code BUNDLE FAILED: PROBLEM: meaning: detail}.
 */
public final class VerifyBundleCommand extends Command {
  public VerifyBundleCommand() {
    super("verify-bundle", "Check an evidence bundle offline against the log's verifier key");
  }

  @Override
  public void configure(Subparser subparser) {
    subparser.addArgument("file").help("the evidence bundle (JSON) to check");
    subparser.addArgument("--key").dest("key").required(true).action(Arguments.append())
        .help("the log's verifier key (name+keyid+base64), from a source you trust, not the"
            + " bundle; an older key of the log will do, and --key may be repeated");
    subparser.addArgument("--since").dest("since")
        .help("a checkpoint of this log you saved earlier: also check the log only grew since");
    subparser.addArgument("--witness").dest("witness").action(Arguments.append())
        .help("a witness's cosignature/v1 verifier key (repeatable): also check that this"
            + " witness cosigned a checkpoint the bundle's tree extends");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    List<VerifierKey> keys = new ArrayList<>();
    for (String text : namespace.<String>getList("key")) {
      try {
        keys.add(VerifierKey.parse(text));
      } catch (CheckpointException e) {
        throw new CommandFailure("--key is not a verifier key: " + e.getMessage());
      }
    }
    VerifierKeys key = VerifierKeys.of(keys);
    byte[] bundle = read(Path.of(namespace.getString("file")), "the bundle");
    String since = namespace.getString("since");
    String saved = since == null ? null
        : new String(read(Path.of(since), "the saved checkpoint"), StandardCharsets.UTF_8);
    List<WitnessKey> witnesses = WitnessLines.keys(namespace.getList("witness"));
    VerifiedBundle verified;
    try {
      verified = BundleVerifier.verify(bundle, key, saved, witnesses);
    } catch (BundleException e) {
      throw new CommandFailure("BUNDLE FAILED: " + e.describe());
    }
    new BundleSummary(LegalBasisVocabulary.shipped()).print(verified, System.out);
    WitnessLines.print(verified, System.out);
  }

  private static byte[] read(Path file, String what) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new CommandFailure("cannot read " + what + " " + file + ": " + e);
    }
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    if (!CommandFailure.printed(cli, e)) {
      super.onError(cli, namespace, e);
    }
  }
}
