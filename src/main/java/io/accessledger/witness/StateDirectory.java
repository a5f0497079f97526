package io.accessledger.witness;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The cosigning witness's state directory, locked for one process: created mode 0700 if missing,
 * refused if it is not a directory (a symbolic link is not followed) or group or others may write
 * it (whoever can write it can make the witness forget what it cosigned), and held by an exclusive
 * lock on its {@code .lock} file until {@link #close}, so two witnesses never share it.
 */
final class StateDirectory implements AutoCloseable {
  private final Path path;
  private final FileChannel channel;
  private final FileLock lock;

  private StateDirectory(Path path, FileChannel channel, FileLock lock) {
    this.path = path;
    this.channel = channel;
    this.lock = lock;
  }

  static StateDirectory lock(Path directory) throws WitnessException {
    Path dir = directory.toAbsolutePath();
    try {
      if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectory(dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        throw state("the state directory " + dir + " is not a directory");
      }
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
      if (permissions.contains(PosixFilePermission.GROUP_WRITE)
          || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
        throw state("the state directory " + dir + " has permissions "
            + PosixFilePermissions.toString(permissions) + ": others could rewrite what this"
            + " witness cosigned. Fix with: chmod 700 " + dir);
      }
      FileChannel channel = FileChannel.open(dir.resolve(".lock"),
          EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw state("the state directory " + dir + " is in use by another witness");
      }
      return new StateDirectory(dir, channel, lock);
    } catch (IOException e) {
      throw new WitnessException(WitnessExit.STATE, "cannot use the state directory " + dir
          + ": " + e, e);
    }
  }

  Path path() {
    return path;
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // closing the channel releases it anyway
    }
    try {
      channel.close();
    } catch (IOException e) {
      // nothing is written through it
    }
  }

  private static WitnessException state(String message) {
    return new WitnessException(WitnessExit.STATE, message);
  }
}
