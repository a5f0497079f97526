package io.accessledger.config;

import io.accessledger.crypto.bc.Ed25519Signer;
import io.accessledger.crypto.bc.SigningKeyFile;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.ledger.writer.SigningKeySource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A node's signing keys in its data directory: {@code signing.key}, the key it starts with, and
 * {@code signing-<key ID>.key} files, the other keys of a rotation (the new key before it is
 * announced, the old key during its transition). Which of them signs is the log's decision
 * ({@link io.accessledger.ledger.writer.LogSigning}), never the file names'.
 *
 * <p>Every file is read with {@link SigningKeyFile}'s checks (a regular file, mode 0600 or 0400).
 * A file is read again only when its size or modification time changes, so the writer can look
 * for new keys on every reload without re-reading (or, for a sealed key, re-deriving) them.
 * Thread-safe.
 */
public final class DataDirSigningKeys implements SigningKeySource {
  /** The name of the key file of a key other than the one the node starts with. */
  static final Pattern OTHER_KEY = Pattern.compile("signing-[0-9a-f]{8}\\.key");

  private final Path dataDir;
  private final String origin;
  private final KeyFileReader reader;
  private final Map<Path, Loaded> loaded = new HashMap<>();

  /** Reads one key file; given so that sealed files are opened with their passphrase. */
  @FunctionalInterface
  public interface KeyFileReader {
    Ed25519Signer read(Path file);
  }

  private record Loaded(Object fileKey, long size, long modified, CheckpointSigner signer) {}

  /** The keys of {@code origin}'s log held in {@code dataDir}, each read with {@code reader}. */
  public DataDirSigningKeys(Path dataDir, String origin, KeyFileReader reader) {
    this.dataDir = dataDir;
    this.origin = origin;
    this.reader = reader;
  }

  /** The file a key other than the starting one is kept in: {@code signing-<key ID>.key}. */
  public static Path otherKeyFile(Path dataDir, VerifierKey key) {
    return dataDir.resolve("signing-" + key.keyIdHex() + ".key");
  }

  /** The file the node starts with. */
  public Path primaryFile() {
    return dataDir.resolve("signing.key");
  }

  @Override
  public synchronized Optional<CheckpointSigner> primary() {
    Path file = primaryFile();
    return Files.exists(file) ? Optional.of(load(file)) : Optional.empty();
  }

  @Override
  public synchronized List<CheckpointSigner> held() {
    List<CheckpointSigner> held = new ArrayList<>();
    primary().ifPresent(held::add);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dataDir)) {
      for (Path file : files) {
        if (OTHER_KEY.matcher(file.getFileName().toString()).matches()) {
          CheckpointSigner signer;
          try {
            signer = load(file);
          } catch (RuntimeException e) {
            if (Files.exists(file)) {
              throw e;
            }
            continue; // renamed or destroyed by another process since it was listed
          }
          if (held.stream().noneMatch(s -> s.verifierKey().equals(signer.verifierKey()))) {
            held.add(signer);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the signing keys in " + dataDir, e);
    }
    return List.copyOf(held);
  }

  /**
   * Destroys every file holding {@code key}'s private key. The starting key's file is destroyed
   * only if another file holds the key that follows it; a node is never left without a key file.
   */
  @Override
  public synchronized void destroy(VerifierKey key) {
    Path other = otherKeyFile(dataDir, key);
    if (Files.exists(other) && load(other).verifierKey().equals(key)) {
      SigningKeyFile.destroy(other);
      loaded.remove(other);
    }
    Path primary = primaryFile();
    if (Files.exists(primary) && load(primary).verifierKey().equals(key)) {
      SigningKeyFile.destroy(primary);
      loaded.remove(primary);
    }
  }

  /**
   * Moves {@code signing.key} aside to its {@code signing-<key ID>.key} name, then the file of
   * {@code key} to {@code signing.key}, each an atomic rename followed by an fsync of the
   * directory: at every moment each key is in exactly one file.
   */
  @Override
  public synchronized void promote(VerifierKey key) {
    Path primary = primaryFile();
    Path source = otherKeyFile(dataDir, key);
    // Another process of this directory (a server and a rotate-key run) may be doing the same
    // renames at the same moment: a file gone from under a rename means look again.
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        if (!Files.exists(source)) {
          return; // already the primary, or not held: nothing to move
        }
        if (Files.exists(primary)) {
          VerifierKey before = load(primary).verifierKey();
          if (before.equals(key)) {
            return;
          }
          Files.move(primary, otherKeyFile(dataDir, before), StandardCopyOption.ATOMIC_MOVE);
          syncDirectory(dataDir);
        }
        Files.move(source, primary, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(dataDir);
        return;
      } catch (NoSuchFileException e) {
        // raced with the other process: look again
      } catch (IOException e) {
        throw new UncheckedIOException("cannot make " + source + " the signing key " + primary,
            e);
      } finally {
        loaded.clear();
      }
    }
  }

  /** Makes renames and creations in {@code directory} durable. */
  static void syncDirectory(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  @Override
  public String describe() {
    return primaryFile().toString();
  }

  private CheckpointSigner load(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      Loaded known = loaded.get(file);
      long modified = attributes.lastModifiedTime().toMillis();
      if (known != null && Objects.equals(known.fileKey(), attributes.fileKey())
          && known.size() == attributes.size() && known.modified() == modified) {
        return known.signer();
      }
      Ed25519Signer key = reader.read(file);
      CheckpointSigner signer = new CheckpointSigner(origin, key, key.publicKey());
      loaded.put(file, new Loaded(attributes.fileKey(), attributes.size(), modified, signer));
      return signer;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the signing key file " + file, e);
    }
  }
}
