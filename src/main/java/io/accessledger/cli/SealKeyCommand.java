package io.accessledger.cli;

import io.accessledger.config.AccessLedgerConfiguration;
import io.accessledger.config.LedgerFactory;
import io.accessledger.crypto.bc.Ed25519Signer;
import io.accessledger.crypto.bc.KeyFileException;
import io.accessledger.crypto.bc.KeyPassphrase;
import io.accessledger.crypto.bc.SigningKeyFile;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.writer.LedgerStateException;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code seal-key config.yml [--passphrase-file FILE]}: seals the data directory's plain
 * {@code signing.key} in place with the passphrase in the file {@value KeyPassphrase#VARIABLE}
 * (or {@code --passphrase-file}) names, and prints the verifier key, which is unchanged: the key
 * is the same, only its file is encrypted. The sealed file replaces the plain one in one rename
 * (mode 0600, synced), and the plain file's bytes are overwritten before it goes.
 *
 * <p>It MUST NOT run while a server uses the data directory, and refuses to (it takes the writer
 * lock); it refuses too without a passphrase, and when the key is already sealed. A refusal
 * changes nothing. Every node of a PostgreSQL deployment keeps its own copy of the key: seal each.
 */
public final class SealKeyCommand extends ConfiguredCommand<AccessLedgerConfiguration> {

  public SealKeyCommand() {
    super("seal-key", "Seal the plain signing key file with the key passphrase, in place");
  }

  @Override
  public void configure(Subparser subparser) {
    super.configure(subparser);
    subparser.addArgument("--passphrase-file").dest("passphraseFile")
        .help("the file holding the passphrase (default: the file " + KeyPassphrase.VARIABLE
            + " names)");
  }

  @Override
  protected void run(
      Bootstrap<AccessLedgerConfiguration> bootstrap,
      Namespace namespace,
      AccessLedgerConfiguration configuration)
      throws Exception {
    LedgerFactory factory = configuration.getLedger();
    Path keyFile = factory.keyFile();
    Ed25519Signer key;
    try {
      KeyPassphrase passphrase = passphrase(factory, namespace.getString("passphraseFile"));
      if (!Files.exists(keyFile)) {
        throw new CommandFailure("seal-key: there is no signing key at " + keyFile + " to seal;"
            + " the first start creates one, sealed, when " + KeyPassphrase.VARIABLE + " is set");
      }
      try (AutoCloseable lock = factory.holdWriterLock()) {
        if (SigningKeyFile.isSealed(keyFile)) {
          throw new CommandFailure("seal-key: the signing key " + keyFile + " is already sealed;"
              + " nothing was changed");
        }
        try {
          key = SigningKeyFile.seal(keyFile, passphrase);
        } catch (KeyFileException e) {
          throw new CommandFailure("seal-key: " + e.getMessage()); // it says what it left
        }
      }
    } catch (KeyFileException | LedgerStateException e) {
      throw new CommandFailure("seal-key: " + e.getMessage() + "; nothing was changed");
    }
    CheckpointSigner signer = new CheckpointSigner(factory.getOrigin(), key, key.publicKey());
    System.out.println("sealed the signing key " + keyFile + "; its verifier key is unchanged:");
    System.out.println(signer.verifierKey());
  }

  private static KeyPassphrase passphrase(LedgerFactory factory, String option) {
    KeyPassphrase passphrase = option == null ? factory.keyPassphrase()
        : KeyPassphrase.fromSetting(option, factory.getKeySealing().parameters());
    if (!passphrase.isSet()) {
      throw new CommandFailure("seal-key: no passphrase: set " + KeyPassphrase.VARIABLE
          + " (ledger.keyPassphraseFile) to the file that holds it, or pass --passphrase-file;"
          + " nothing was changed");
    }
    return passphrase;
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    if (!CommandFailure.printed(cli, e)) {
      super.onError(cli, namespace, e);
    }
  }
}
