package io.accessledger.cli.witness;

import io.accessledger.crypto.bc.Ed25519Signer;
import io.accessledger.crypto.bc.KeyFileException;
import io.accessledger.crypto.bc.SigningKeyFile;
import io.accessledger.ledger.notes.CheckpointException;
import io.accessledger.ledger.notes.CosignatureSigner;
import io.accessledger.ledger.notes.WitnessKey;
import io.accessledger.witness.WitnessException;
import io.accessledger.witness.WitnessExit;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * The cosigning witness's key files. {@code FILE} holds the private Ed25519 key, written and read
 * only through {@link SigningKeyFile} (mode 0600, never over an existing file); {@code FILE.pub}
 * holds the witness's public verifier key ({@code name+keyid+base64(0x04 || key)}), which carries
 * its name. {@link #load} refuses a pair that does not belong together, so the witness never
 * cosigns with a key or under a name its partners were not given.
 */
final class WitnessKeyFiles {
  private WitnessKeyFiles() {}

  /** Makes the witness's key and prints its verifier key. */
  static void init(Path keyFile, String name, PrintStream out, PrintStream err)
      throws WitnessException {
    Path publicFile = publicFile(keyFile);
    for (Path file : List.of(keyFile, publicFile)) {
      if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        throw WitnessSubcommands.usage(file + " exists; refusing to replace a witness key (partners trust the old"
            + " one). Choose another file");
      }
    }
    try {
      // Checks the name before any key is made; the probe key stands in for the real one.
      WitnessKey.of(name, new Ed25519Signer(new byte[32]).publicKey());
    } catch (IllegalArgumentException e) {
      throw WitnessSubcommands.usage("--name " + e.getMessage().replace("witness key name ", "") + ": a witness"
          + " name is like a log origin, e.g. witness.example.org/ico");
    }
    Ed25519Signer signer;
    try {
      signer = SigningKeyFile.loadOrCreate(keyFile);
    } catch (KeyFileException e) {
      throw new WitnessException(WitnessExit.STATE, e.getMessage(), e);
    }
    WitnessKey key = new CosignatureSigner(name, signer, signer.publicKey()).key();
    try {
      Files.writeString(publicFile, key + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new WitnessException(WitnessExit.STATE, "wrote the key " + keyFile + " but not "
          + publicFile + ": " + e + ". Write this line to it: " + key, e);
    }
    err.println("witness init: wrote the private key " + keyFile + " (mode 0600; back it up,"
        + " never share it) and the verifier key " + publicFile + "; give partners this line:");
    out.println(key);
  }

  /** The key file's signer under the name in its {@code .pub} file, which must match it. */
  static CosignatureSigner load(Path keyFile) throws WitnessException {
    Path publicFile = publicFile(keyFile);
    WitnessKey published;
    try {
      published = WitnessKey.parse(Files.readString(publicFile, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw WitnessSubcommands.usage("cannot read the witness's verifier key " + publicFile + " (written by witness"
          + " init): " + e);
    } catch (CheckpointException e) {
      throw WitnessSubcommands.usage(publicFile + " is not a witness verifier key: " + e.getMessage());
    }
    Ed25519Signer signer;
    try {
      signer = SigningKeyFile.load(keyFile);
    } catch (KeyFileException e) {
      throw new WitnessException(WitnessExit.STATE, e.getMessage(), e);
    }
    if (!Arrays.equals(signer.publicKey(), published.publicKey())) {
      throw WitnessSubcommands.usage(publicFile + " is not the verifier key of " + keyFile + "; refusing to cosign"
          + " with a key partners do not know");
    }
    return new CosignatureSigner(published.name(), signer, signer.publicKey());
  }

  static Path publicFile(Path keyFile) {
    return keyFile.resolveSibling(keyFile.getFileName() + ".pub");
  }

}
