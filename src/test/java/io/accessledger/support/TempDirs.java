package io.accessledger.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Temporary directories that do not outlive the JVM that made them: for servers started once per
 * suite (a static {@code DropwizardAppExtension}, which JUnit's {@code @TempDir} cannot feed) and
 * for the benchmarks, whose ledgers run to gigabytes.
 */
public final class TempDirs {
  private TempDirs() {}

  /** A new directory under the system's temporary directory, deleted with all it holds at exit. */
  public static Path deletedAtExit(String prefix) {
    Path dir;
    try {
      dir = Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "delete " + dir));
    return dir;
  }

  /** Deletes {@code root} and everything under it, if it exists. */
  public static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(root)) {
      paths = walk.sorted(Comparator.reverseOrder()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
    for (Path path : paths) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete " + path, e);
      }
    }
  }
}
