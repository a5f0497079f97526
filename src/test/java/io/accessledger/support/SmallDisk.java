package io.accessledger.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real filesystem of a few MiB (a tmpfs mounted on a fresh directory), for tests of a full
 * disk: the kernel itself answers {@code ENOSPC}, as a full disk in production would. Mounting
 * needs root. The session and CI run as root, so there these tests always run; CI sets
 * {@code CI=true}, and there a failure to mount fails the test rather than skipping it.
 * {@link #close()} unmounts (lazily, if something still holds a file), so put it in a
 * try-with-resources block or an {@code @AfterAll}.
 */
public final class SmallDisk implements AutoCloseable {
  private static final int FILL_CHUNK = 64 * 1024;

  private final Path root;
  private boolean mounted = true;

  private SmallDisk(Path root) {
    this.root = root;
  }

  /** Skips the calling test only where it cannot run: not root, and not in CI (which must run it). */
  public static void assumeMountable() {
    assumeTrue(isRoot() || System.getenv("CI") != null,
        "mounting a small filesystem needs root (CI runs as root and never skips this)");
  }

  private static boolean isRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /**
   * Mounts a tmpfs of {@code size} (as {@code mount} takes it: "20m") on {@code dir}, created if
   * absent, with mode 0700 at its root.
   *
   * @throws IllegalStateException with {@code mount}'s output if it fails
   */
  public static SmallDisk mount(Path dir, String size) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    run(List.of("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "tmpfs",
        dir.toString()));
    return new SmallDisk(dir);
  }

  public Path root() {
    return root;
  }

  /** The bytes free on this filesystem now. */
  public long usable() throws IOException {
    return Files.getFileStore(root).getUsableSpace();
  }

  /**
   * Writes {@code file} (on this disk) until only about {@code leaveFree} bytes are free, or the
   * disk is full: real blocks, never a sparse file, so that the space is truly gone.
   *
   * @return the bytes written
   */
  public long fill(Path file, long leaveFree) throws IOException {
    byte[] chunk = new byte[FILL_CHUNK];
    long written = 0;
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long left = usable() - leaveFree; left > 0; left = usable() - leaveFree) {
        int n = (int) Math.min(chunk.length, left);
        out.write(chunk, 0, n);
        out.flush();
        written += n;
      }
    } catch (IOException full) {
      if (usable() > 0) {
        throw full;
      }
    }
    return written;
  }

  /** Unmounts; everything on the disk is gone. */
  @Override
  public void close() throws IOException, InterruptedException {
    if (mounted) {
      mounted = false;
      try {
        run(List.of("umount", root.toString()));
      } catch (IllegalStateException busy) {
        run(List.of("umount", "-l", root.toString()));
      }
    }
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
  }
}
