package io.accessledger.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Free space the ledger keeps on its data directory's filesystem ({@code ledger.diskReserve}): a
 * write that would leave less is refused with {@link LedgerDiskFullException} before storage is
 * touched, so the ledger stops cleanly while there is still room for SQLite to checkpoint its WAL
 * and for an operator to work, instead of failing half-way through a commit with the disk at 0.
 *
 * <p>{@link #check} costs one {@code statvfs} call, so the {@link Sequencer} makes it once per
 * group commit, never per entry. Thread-safe; immutable.
 */
public final class DiskReserve {
  private static final DiskReserve NONE = new DiskReserve(null, 0);

  private final FileStore disk;
  private final long reserveBytes;

  private DiskReserve(FileStore disk, long reserveBytes) {
    this.disk = disk;
    this.reserveBytes = reserveBytes;
  }

  /**
   * Keeps {@code reserveBytes} free on the filesystem holding {@code dataDir}; 0 keeps none.
   *
   * @throws IllegalArgumentException if {@code reserveBytes} is negative
   * @throws UncheckedIOException if the filesystem of {@code dataDir} cannot be found
   */
  public static DiskReserve of(Path dataDir, long reserveBytes) {
    if (reserveBytes < 0) {
      throw new IllegalArgumentException("the disk reserve must be 0 or more bytes, got " + reserveBytes);
    }
    if (reserveBytes == 0) {
      return NONE;
    }
    try {
      return new DiskReserve(Files.getFileStore(dataDir), reserveBytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find the filesystem of " + dataDir, e);
    }
  }

  /** No reserve: every write goes to storage, which alone reports a full disk. */
  public static DiskReserve none() {
    return NONE;
  }

  /** The bytes kept free; 0 when there is no reserve. */
  public long bytes() {
    return reserveBytes;
  }

  /**
   * Refuses a write expected to add about {@code expectedBytes} to the disk when the filesystem's
   * usable space minus that would fall below the reserve. When the free space cannot be read, the
   * write goes ahead: storage still refuses it if the disk really is full.
   *
   * @throws LedgerDiskFullException naming the free space, the write's size and the reserve
   */
  public void check(long expectedBytes) {
    if (disk == null) {
      return;
    }
    long usable;
    try {
      usable = disk.getUsableSpace();
    } catch (IOException e) {
      return;
    }
    if (usable - expectedBytes < reserveBytes) {
      throw new LedgerDiskFullException(describe(usable) + " free, and this write needs about "
          + describe(expectedBytes) + ", which would leave less than the " + describe(reserveBytes)
          + " kept in reserve (ledger.diskReserve); nothing was written. Free space on the"
          + " ledger's filesystem: writes resume without a restart");
    }
  }

  /** {@code bytes} for people: "512 bytes", "3.1 MiB", "1.0 GiB". */
  public static String describe(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
