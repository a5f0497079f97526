package io.accessledger.config;

import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.ledger.writer.LedgerStateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Gives a ledger's copy the key that signed it ({@code migrate-ledger}): the target's data
 * directory MUST hold the same {@code signing.key} as the source's, since every checkpoint copied
 * is signed with it and the next ones must be too. A target directory without a key gets a copy
 * of the source's file, byte for byte, created 0600 under a temporary name and published with a
 * hard link (as {@code SigningKeyFile} creates keys), so no other user can read it, not even
 * briefly, and no reader sees half of it; an existing key is never overwritten.
 */
public final class SigningKeyCopy {
  private final LedgerFactory from;
  private final LedgerFactory to;

  private SigningKeyCopy(LedgerFactory from, LedgerFactory to) {
    this.from = from;
    this.to = to;
  }

  /**
   * Checks, writing nothing, that {@code to} may sign for {@code from}'s ledger: both name the same
   * origin, the source's key exists, and the target has no key or the same one.
   *
   * @throws LedgerStateException naming the file or setting that differs
   */
  public static SigningKeyCopy check(LedgerFactory from, LedgerFactory to) {
    if (!from.getOrigin().equals(to.getOrigin())) {
      throw new LedgerStateException("the two configurations name different origins ("
          + from.getOrigin() + " and " + to.getOrigin() + "): every checkpoint names its log's"
          + " origin, so the copy keeps the source's; set ledger.origin (LEDGER_ORIGIN) alike");
    }
    if (!Files.exists(from.keyFile())) {
      throw new LedgerStateException("the source's signing key " + from.keyFile()
          + " is missing: without it the copy could not be verified or extended");
    }
    SigningKeyCopy copy = new SigningKeyCopy(from, to);
    if (Files.exists(to.keyFile()) && !copy.targetKey().equals(copy.sourceKey())) {
      throw new LedgerStateException("the target's data directory holds another signing key ("
          + to.keyFile() + "); it would not verify the copied checkpoints: move it away, or"
          + " give the target a data directory of its own");
    }
    return copy;
  }

  /** The source's verifier key: what the source and the copy are verified with. */
  public VerifierKey sourceKey() {
    return from.openSigner(true).verifierKey();
  }

  private VerifierKey targetKey() {
    return to.openSigner(true).verifierKey();
  }

  /**
   * Copies the source's key file into the target's data directory (created 0700) if it holds no
   * key yet.
   *
   * @return true if it copied the file, false if the target already had the same key
   */
  public boolean install() {
    Path target = to.keyFile();
    if (Files.exists(target)) {
      return false;
    }
    Path dir = to.prepareDataDir();
    Path temporary = dir.resolve(".signing.key.copy-" + ProcessHandle.current().pid());
    try {
      byte[] key = Files.readAllBytes(from.keyFile());
      try (FileChannel out = FileChannel.open(temporary,
          Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
        out.write(java.nio.ByteBuffer.wrap(key));
        out.force(true);
      }
      Files.createLink(target, temporary);
      try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
        directory.force(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the signing key to " + target, e);
    } finally {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException e) {
        // A private stray file; the key itself is published or absent.
      }
    }
    if (!targetKey().equals(sourceKey())) {
      throw new LedgerStateException("the key copied to " + target + " does not load as the"
          + " source's");
    }
    return true;
  }
}
