package io.accessledger.support;

import io.accessledger.cli.witness.WitnessSubcommands;
import io.accessledger.ledger.notes.WitnessKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The real cosigning witness ({@code witness serve}) in a child JVM on the test class path, on a
 * loopback port fixed by the test (so it comes back on the same one after a restart), with its key
 * and state in a work directory. {@link #kill} ends it with SIGKILL, as a crash would; {@link
 * #close} kills it if it still runs.
 */
public final class WitnessProcess implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;

  private WitnessProcess(Process process) {
    this.process = process;
  }

  /** Makes a witness key with {@code witness init} (in this JVM) and returns its verifier key. */
  public static WitnessKey init(Path keyFile, String name) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = WitnessSubcommands.run(new String[] {"witness", "init", "--key",
        keyFile.toString(), "--name", name}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    if (status != 0) {
      throw new IllegalStateException("witness init exited " + status + ": "
          + err.toString(StandardCharsets.UTF_8));
    }
    return WitnessKey.parse(out.toString(StandardCharsets.UTF_8).strip());
  }

  /**
   * Starts {@code witness serve} on 127.0.0.1:{@code port}, trusting {@code logKeys}, and waits
   * until it says it listens. Its output goes to {@code <workDir>/<name>.out} (appended to).
   */
  public static WitnessProcess start(Path workDir, String name, int port, Path keyFile,
      Path state, List<String> logKeys) throws IOException, InterruptedException {
    Path out = workDir.resolve(name + ".out");
    Files.deleteIfExists(out);
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "io.accessledger.AccessLedgerApplication",
        "witness", "serve", "--listen", "127.0.0.1:" + port, "--key", keyFile.toString(),
        "--state", state.toString()));
    for (String key : logKeys) {
      command.addAll(List.of("--log", key));
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(out.toFile()).start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      String printed = Files.exists(out) ? Files.readString(out) : "";
      if (printed.contains("listening on")) {
        return new WitnessProcess(process);
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("witness serve exited " + process.exitValue() + ":\n"
            + printed);
      }
      Thread.sleep(50);
    }
    process.destroyForcibly();
    throw new IllegalStateException("witness serve did not start in " + START_TIMEOUT);
  }

  /** SIGKILL, and waits until the process is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
