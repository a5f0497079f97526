package io.accessledger.witness;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The state file for one run: read and checked ({@link WitnessState#parse}) under an exclusive
 * lock held until {@link #close}, so two runs never interleave their appends.
 *
 * <p>Guarantees: a new state file appears all at once with its pinned key and first checkpoint,
 * mode 0600, and never replaces a file that appeared meanwhile; an append is one {@code write} of
 * a whole line followed by {@code fsync}, and a failed append is truncated away, so a line is
 * either recorded whole or not at all (barring a crash mid-write, which the next run refuses by
 * name). An existing file is refused if it is not a regular file (a symbolic link is not followed)
 * or if group or others may write it: whoever can write it could pin another key.
 */
final class StateFile implements AutoCloseable {
  /** Largest state file read: years of frequent checks. */
  static final long MAX_BYTES = 1L << 30;

  private final Path path;
  private final FileChannel channel;
  private final FileLock lock;
  private final WitnessState state;

  private StateFile(Path path, FileChannel channel, FileLock lock, WitnessState state) {
    this.path = path;
    this.channel = channel;
    this.lock = lock;
    this.state = state;
  }

  /**
   * Opens, locks and checks the state file at {@code path}, or notes that there is none yet.
   *
   * @throws WitnessException (state) if it cannot be used, saying why
   */
  static StateFile open(Path path) throws WitnessException {
    Path file = path.toAbsolutePath();
    if (!Files.isDirectory(file.getParent())) {
      throw state("the directory of the state file " + file + " does not exist");
    }
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return new StateFile(file, null, null, null);
    }
    checkAttributes(file);
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
          LinkOption.NOFOLLOW_LINKS);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        throw state("another witness run holds the lock on " + file
            + "; nothing was done: run again when it has finished");
      }
      WitnessState state = WitnessState.parse(read(channel, file), file.toString());
      return new StateFile(file, channel, lock, state);
    } catch (IOException e) {
      close(channel);
      throw new WitnessException(WitnessExit.STATE, "cannot read the state file " + file + ": " + e, e);
    } catch (WitnessException | RuntimeException e) {
      close(channel);
      throw e;
    }
  }

  Path path() {
    return path;
  }

  /** The checked state, or null when there is no state file yet. */
  WitnessState state() {
    return state;
  }

  /**
   * Creates the state file with {@code content} (its header and first checkpoint line).
   *
   * @throws WitnessException (state) if a file appeared meanwhile or it cannot be written
   */
  void create(String content) throws WitnessException {
    if (state != null) {
      throw new IllegalStateException("the state file exists");
    }
    try {
      PrivateFiles.publish(path, content.getBytes(StandardCharsets.UTF_8));
    } catch (FileAlreadyExistsException e) {
      throw state("the state file " + path + " appeared while this run was working (another"
          + " witness run?); nothing was written: run again", e);
    } catch (IOException e) {
      throw state("cannot create the state file " + path + ": " + e, e);
    }
  }

  /**
   * Appends {@code line} (ending with a newline) and syncs it to disk.
   *
   * @throws WitnessException (state) if it cannot; the file is then cut back to what it was
   */
  void append(String line) throws WitnessException {
    if (state == null) {
      throw new IllegalStateException("no state file to append to");
    }
    long size = -1;
    try {
      size = channel.size();
      channel.position(size);
      PrivateFiles.writeFully(channel, line.getBytes(StandardCharsets.UTF_8));
      channel.force(true);
    } catch (IOException e) {
      String undone = "";
      if (size >= 0) {
        try {
          channel.truncate(size);
          channel.force(true);
          undone = "; the partial line was removed";
        } catch (IOException again) {
          undone = "; removing the partial line failed too (" + again + "): fix the file by hand";
        }
      }
      throw state("cannot append to the state file " + path + ": " + e + undone, e);
    }
  }

  @Override
  public void close() {
    if (lock != null) {
      try {
        lock.release();
      } catch (IOException e) {
        // closing the channel releases it anyway
      }
    }
    close(channel);
  }

  private static void checkAttributes(Path file) throws WitnessException {
    PosixFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw state("cannot read the state file " + file + ": " + e, e);
    }
    if (!attributes.isRegularFile()) {
      throw state("the state file " + file + " is not a regular file (symbolic links are not"
          + " followed)");
    }
    Set<PosixFilePermission> permissions = attributes.permissions();
    if (permissions.contains(PosixFilePermission.GROUP_WRITE)
        || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
      throw state("the state file " + file + " has permissions "
          + PosixFilePermissions.toString(permissions) + ": others could rewrite the pinned key"
          + " and the recorded checkpoints. Fix with: chmod 600 " + file);
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // held by another run in this same JVM
    }
  }

  private static String read(FileChannel channel, Path file) throws IOException, WitnessException {
    long size = channel.size();
    if (size > MAX_BYTES) {
      throw state("the state file " + file + " is larger than " + MAX_BYTES + " bytes");
    }
    ByteBuffer buffer = ByteBuffer.allocate((int) size);
    while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) >= 0) {
      // read(dst, position) does not move the channel; the buffer's position tracks progress
    }
    buffer.flip();
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(buffer)
          .toString();
    } catch (CharacterCodingException e) {
      throw state("the state file " + file + " is refused: it is not UTF-8 text. Nothing was"
          + " fetched or written; the file is unchanged.");
    }
  }

  private static void close(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing was written through it that is not already synced
      }
    }
  }

  private static WitnessException state(String message) {
    return new WitnessException(WitnessExit.STATE, message);
  }

  private static WitnessException state(String message, Throwable cause) {
    return new WitnessException(WitnessExit.STATE, message, cause);
  }
}
