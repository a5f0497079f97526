package io.accessledger.store;

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
 * <p>{@link #room} and {@link #check} cost one {@code statvfs} call each, so the {@code Sequencer}
 * asks once per group commit, never per entry. Thread-safe; immutable.
 */
public final class DiskReserve {
  private static final DiskReserve NONE = new DiskReserve(null, 0);

  private final FreeSpace disk;
  private final long reserveBytes;

  /** Reads a filesystem's usable free space; {@link FileStore#getUsableSpace} in production. */
  @FunctionalInterface
  public interface FreeSpace {
    long usableBytes() throws IOException;
  }

  private DiskReserve(FreeSpace disk, long reserveBytes) {
    this.disk = disk;
    this.reserveBytes = reserveBytes;
  }

  /**
   * Keeps {@code reserveBytes} free on whatever {@code disk} reads: the seam for tests that must
   * choose the free space (a real filesystem's changes under them). Production uses {@link #of}.
   */
  public static DiskReserve probing(FreeSpace disk, long reserveBytes) {
    return new DiskReserve(disk, requireNotNegative(reserveBytes));
  }

  /**
   * Keeps {@code reserveBytes} free on the filesystem holding {@code dataDir}; 0 keeps none.
   *
   * @throws IllegalArgumentException if {@code reserveBytes} is negative
   * @throws UncheckedIOException if the filesystem of {@code dataDir} cannot be found
   */
  public static DiskReserve of(Path dataDir, long reserveBytes) {
    if (requireNotNegative(reserveBytes) == 0) {
      return NONE;
    }
    try {
      return new DiskReserve(Files.getFileStore(dataDir)::getUsableSpace, reserveBytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find the filesystem of " + dataDir, e);
    }
  }

  private static long requireNotNegative(long reserveBytes) {
    if (reserveBytes < 0) {
      throw new IllegalArgumentException("the disk reserve must be 0 or more bytes, got " + reserveBytes);
    }
    return reserveBytes;
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
   * How many bytes a write may add before the free space falls below the reserve: the
   * filesystem's usable space minus the reserve (negative once inside it). {@link Long#MAX_VALUE}
   * when there is no reserve or the free space cannot be read: the write goes ahead then, and
   * storage still refuses it if the disk really is full. One {@code statvfs} call.
   */
  public long room() {
    if (disk == null) {
      return Long.MAX_VALUE;
    }
    try {
      return disk.usableBytes() - reserveBytes;
    } catch (IOException e) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * Refuses a write expected to add about {@code expectedBytes} to the disk when that is more
   * than the {@link #room} left.
   *
   * @throws LedgerDiskFullException naming the free space, the write's size and the reserve
   */
  public void check(long expectedBytes) {
    long room = room();
    if (expectedBytes > room) {
      throw refusal(room, expectedBytes, expectedBytes);
    }
  }

  /**
   * The refusal of a write needing about {@code ownBytes} when {@code room} (from {@link #room})
   * was left: it names the free space, the write's size and the reserve. {@code withOthersBytes}
   * is what the write and those committed alongside it needed together; when the write alone
   * would have fitted, the message names that figure too, so that it never claims the write
   * alone was too large.
   */
  public LedgerDiskFullException refusal(long room, long ownBytes, long withOthersBytes) {
    String need = describe(ownBytes);
    if (ownBytes <= room && withOthersBytes > ownBytes) {
      need += " (" + describe(withOthersBytes) + " with the writes committed alongside it)";
    }
    return new LedgerDiskFullException(describe(room + reserveBytes) + " free, and this write"
        + " needs about " + need + ", which would leave less than the " + describe(reserveBytes)
        + " kept in reserve (ledger.diskReserve); nothing was written. Free space on the"
        + " ledger's filesystem: writes resume without a restart");
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
