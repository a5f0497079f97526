package io.accessledger.crypto.bc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where the passphrase that seals the signing key comes from: nowhere ({@link #none()}: key files
 * are read and written in the clear), or a file ({@link #fromFile}), which the operator names in
 * {@value #VARIABLE}.
 *
 * <p><b>Guarantees.</b> The passphrase is read from its file each time a key file is opened or
 * written, and its bytes are wiped as soon as the key derivation has used them: it is never kept
 * in memory, never logged, printed or put in a message, and {@link #toString} names only the file.
 * The file is refused, with a message naming it, unless it is a regular file that neither group
 * nor others may read, holding at most {@value #MAX_BYTES} bytes that are not all a line ending.
 * One trailing line ending ({@code \n} or {@code \r\n}) is not part of the passphrase, so that
 * {@code echo secret > file} works; every other byte is.
 *
 * <p>The file MUST stay readable while the server runs: a key created by a rotation is sealed
 * with the passphrase read at that moment.
 */
public final class KeyPassphrase {
  /** The environment variable that names the passphrase file. */
  public static final String VARIABLE = "LEDGER_KEY_PASSPHRASE_FILE";

  static final int MAX_BYTES = 4096;
  private static final KeyPassphrase NONE = new KeyPassphrase(null, SealingParameters.DEFAULT);

  private final Path file;
  private final SealingParameters sealing;

  private KeyPassphrase(Path file, SealingParameters sealing) {
    this.file = file;
    this.sealing = sealing;
  }

  /** No passphrase: key files are plain. */
  public static KeyPassphrase none() {
    return NONE;
  }

  /** The passphrase held in {@code file}, read (and checked) when it is used. */
  public static KeyPassphrase fromFile(Path file) {
    return fromFile(file, SealingParameters.DEFAULT);
  }

  /**
   * The passphrase held in {@code file}, sealing new key files at the Argon2id cost
   * {@code sealing} (files already sealed open at the cost they record).
   */
  public static KeyPassphrase fromFile(Path file, SealingParameters sealing) {
    return new KeyPassphrase(file.toAbsolutePath(), java.util.Objects.requireNonNull(sealing));
  }

  /**
   * The passphrase a setting names: {@link #none()} for null or blank (an unset variable), else
   * the file it names, which is read once now so that a missing, open or empty file stops the
   * start with a clear message instead of at the first rotation.
   *
   * @throws KeyFileException if the file cannot be used
   */
  public static KeyPassphrase fromSetting(String passphraseFile) {
    return fromSetting(passphraseFile, SealingParameters.DEFAULT);
  }

  /** {@link #fromSetting(String)}, sealing new key files at the cost {@code sealing}. */
  public static KeyPassphrase fromSetting(String passphraseFile, SealingParameters sealing) {
    if (passphraseFile == null || passphraseFile.isBlank()) {
      return NONE;
    }
    KeyPassphrase passphrase = fromFile(Path.of(passphraseFile.strip()), sealing);
    Arrays.fill(passphrase.read(), (byte) 0);
    return passphrase;
  }

  /** True when key files are sealed with a passphrase. */
  public boolean isSet() {
    return file != null;
  }

  /** The passphrase's file, if there is one. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** The Argon2id cost at which new key files are sealed. */
  public SealingParameters sealing() {
    return sealing;
  }

  /**
   * Reads the passphrase; the caller MUST wipe the array when done.
   *
   * @throws IllegalStateException if there is none
   * @throws KeyFileException if the file cannot be used
   */
  byte[] read() {
    if (file == null) {
      throw new IllegalStateException("no passphrase");
    }
    byte[] content;
    try {
      PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class);
      if (!attributes.isRegularFile()) {
        throw refused("is not a regular file");
      }
      if (attributes.permissions().contains(PosixFilePermission.GROUP_READ)
          || attributes.permissions().contains(PosixFilePermission.OTHERS_READ)) {
        throw refused("has permissions " + PosixFilePermissions.toString(attributes.permissions())
            + "; others must not read it. Fix with: chmod 600 " + file);
      }
      if (attributes.size() > MAX_BYTES) {
        throw refused("holds more than " + MAX_BYTES + " bytes; it must hold the passphrase alone");
      }
      content = Files.readAllBytes(file);
    } catch (UnsupportedOperationException e) {
      throw refused("is on a file system without POSIX permissions; cannot check it is private");
    } catch (IOException e) {
      throw new KeyFileException("cannot read the key passphrase file " + file + " ("
          + VARIABLE + "): " + e, e);
    }
    int length = content.length;
    if (length > 0 && content[length - 1] == '\n') {
      length--;
      if (length > 0 && content[length - 1] == '\r') {
        length--;
      }
    }
    if (length == 0) {
      Arrays.fill(content, (byte) 0);
      throw refused("is empty; it must hold the passphrase");
    }
    byte[] passphrase = Arrays.copyOf(content, length);
    Arrays.fill(content, (byte) 0);
    return passphrase;
  }

  private KeyFileException refused(String problem) {
    return new KeyFileException("the key passphrase file " + file + " (" + VARIABLE + ") "
        + problem);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof KeyPassphrase that && java.util.Objects.equals(file, that.file)
        && sealing.equals(that.sealing);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(file, sealing);
  }

  @Override
  public String toString() {
    return file == null ? "no key passphrase" : "the key passphrase in " + file;
  }
}
