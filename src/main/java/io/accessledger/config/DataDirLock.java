package io.accessledger.config;

import io.accessledger.ledger.writer.LedgerStateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS lock on {@code <dataDir>/writer.lock}, held while a process writes the ledger, so
 * two servers can never both sequence the same log. (The store also refuses any batch that does not
 * start at its size; this lock turns that into a clear error at start-up.)
 */
final class DataDirLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static DataDirLock acquire(Path dataDir) {
    Path file = dataDir.resolve("writer.lock");
    try {
      LedgerFactory.createPrivately(file);
      FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // this JVM already holds it: a second writer all the same
      } catch (IOException e) {
        channel.close();
        throw e;
      }
      if (lock == null) {
        channel.close();
        throw new LedgerStateException(
            "another process is writing the ledger in " + dataDir + " (" + file + " is locked)");
      }
      return new DataDirLock(channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + file, e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the ledger writer lock", e);
    }
  }
}
