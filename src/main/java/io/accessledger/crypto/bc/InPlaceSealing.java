package io.accessledger.crypto.bc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@link SigningKeyFile#seal}: replaces a plain key file with its sealed form, never leaving the
 * key neither plain nor sealed under its name, and destroys the plain bytes once replaced.
 */
final class InPlaceSealing {
  private InPlaceSealing() {}

  static Ed25519Signer seal(Path target, KeyPassphrase passphrase) {
    if (!passphrase.isSet()) {
      throw new KeyFileException("no passphrase to seal " + target + " with: set "
          + KeyPassphrase.VARIABLE + " to a file that holds it");
    }
    byte[] content = SigningKeyFile.readPrivate(target);
    byte[] seed = null;
    byte[] sealed = null;
    try {
      if (SealedKey.looksSealed(content)) {
        throw new KeyFileException("signing key file " + target + " is already sealed;"
            + " nothing was changed");
      }
      seed = SigningKeyFile.seedOf(target, content, KeyPassphrase.none());
      Ed25519Signer key = new Ed25519Signer(seed);
      sealed = SigningKeyFile.encode(seed, passphrase);
      Path plain = replaceWithSealed(target, sealed, passphrase, key);
      try {
        KeyFileWrites.destroy(plain);
      } catch (IOException | KeyFileException e) {
        throw new KeyFileException("sealed the signing key file " + target + ", but could not"
            + " destroy its plain copy " + plain + " (" + e + "): remove that file by hand", e);
      }
      return key;
    } finally {
      Arrays.fill(content, (byte) 0);
      if (seed != null) {
        Arrays.fill(seed, (byte) 0);
      }
      if (sealed != null) {
        Arrays.fill(sealed, (byte) 0);
      }
    }
  }

  /** Renames the checked, sealed file over {@code target}; the plain file's other name. */
  private static Path replaceWithSealed(
      Path target, byte[] sealed, KeyPassphrase passphrase, Ed25519Signer key) {
    try {
      Path temporary = KeyFileWrites.writeTemporary(target, "sealing", sealed);
      try {
        byte[] opened = SigningKeyFile.load(temporary, passphrase).publicKey();
        if (!Arrays.equals(opened, key.publicKey())) {
          throw new KeyFileException("the sealed copy of " + target + " did not open as the same"
              + " key; nothing was changed");
        }
        return KeyFileWrites.replace(target, temporary);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new KeyFileException("cannot seal signing key file " + target + ": " + e
          + "; nothing was changed", e);
    }
  }

}
