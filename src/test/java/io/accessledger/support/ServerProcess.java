package io.accessledger.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real server ({@code io.accessledger.AccessLedgerApplication server config.yml}) in a child
 * JVM on the test class path, on free loopback ports, logging to files in a work directory. Each
 * start writes its own config file ({@code <name>.yml}) with fresh ports; its application log,
 * request log and console go to {@code <name>.log}, {@code <name>-requests.log} and
 * {@code <name>.out}. {@link #close()} kills the process if it still runs, so a test can put it in
 * a try-with-resources block or an {@code @AfterEach} and leave no server behind on failure.
 */
public final class ServerProcess implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final String name;
  private final Path workDir;
  private final Path config;
  private final int port;
  private final int adminPort;
  private final Process process;

  private ServerProcess(
      String name, Path workDir, Path config, int port, int adminPort, Process process) {
    this.name = name;
    this.workDir = workDir;
    this.config = config;
    this.port = port;
    this.adminPort = adminPort;
    this.process = process;
  }

  /**
   * Writes {@code <workDir>/<name>.yml} (free ports, ledger in {@code dataDir}, origin
   * {@link TestLedger#ORIGIN}) and returns its path; usable for the commands too.
   */
  public static Path writeConfig(Path workDir, String name, Path dataDir, int port, int adminPort)
      throws IOException {
    Path config = workDir.resolve(name + ".yml");
    Files.writeString(config, String.join("\n",
        "server:",
        "  applicationConnectors: [{type: http, bindHost: 127.0.0.1, port: " + port + "}]",
        "  adminConnectors: [{type: http, bindHost: 127.0.0.1, port: " + adminPort + "}]",
        "  requestLog:",
        "    appenders: [{type: file, archive: false, currentLogFilename: '"
            + workDir.resolve(name + "-requests.log") + "'}]",
        "ledger:",
        "  dataDir: '" + dataDir + "'",
        "  origin: " + TestLedger.ORIGIN,
        "logging:",
        "  level: INFO",
        "  appenders: [{type: file, archive: false, currentLogFilename: '"
            + workDir.resolve(name + ".log") + "'}]",
        ""));
    return config;
  }

  /**
   * Starts a server on {@code dataDir} and waits until its admin port answers {@code /ping}.
   *
   * @param jvmOptions extra options for the child JVM, such as {@code -Xmx1g}
   * @throws IllegalStateException (with the end of its log) if it exits or does not come up
   */
  public static ServerProcess start(Path workDir, String name, Path dataDir, List<String> jvmOptions)
      throws IOException, InterruptedException {
    int[] ports = freePorts(2);
    Path config = writeConfig(workDir, name, dataDir, ports[0], ports[1]);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        "io.accessledger.AccessLedgerApplication", "server", config.toString()));
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(workDir.resolve(name + ".out").toFile())
        .start();
    ServerProcess server = new ServerProcess(name, workDir, config, ports[0], ports[1], process);
    try {
      server.awaitReady();
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /**
   * Starts a server on the project's own {@code config.yml}, configured only through the
   * environment as an operator would (CONTRACT section 1 and 7): {@code env} plus fresh
   * {@code LEDGER_PORT} and {@code LEDGER_ADMIN_PORT}. Its console (where config.yml logs) goes
   * to {@code <workDir>/<name>.out}. Waits until its admin port answers {@code /ping}.
   *
   * @throws IllegalStateException (with the end of its log) if it exits or does not come up
   */
  public static ServerProcess startWithEnv(Path workDir, String name, Map<String, String> env,
      List<String> jvmOptions) throws IOException, InterruptedException {
    int[] ports = freePorts(2);
    Path config = Path.of("config.yml").toAbsolutePath();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        "io.accessledger.AccessLedgerApplication", "server", config.toString()));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(workDir.resolve(name + ".out").toFile());
    builder.environment().putAll(env);
    builder.environment().put("LEDGER_PORT", String.valueOf(ports[0]));
    builder.environment().put("LEDGER_ADMIN_PORT", String.valueOf(ports[1]));
    ServerProcess server =
        new ServerProcess(name, workDir, config, ports[0], ports[1], builder.start());
    try {
      server.awaitReady();
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /**
   * Runs a command in a child JVM on the project's {@code config.yml} with {@code env}, as
   * {@link #runCommand} does, and returns what it printed (stdout and stderr) once it exits 0.
   *
   * @throws IllegalStateException with its output if it exits otherwise
   */
  public static String runWithEnv(Path workDir, String logName, Map<String, String> env,
      String... args) throws IOException, InterruptedException {
    int exit = runCommand(workDir, logName, env, args);
    String output = Files.readString(workDir.resolve(logName));
    if (exit != 0) {
      throw new IllegalStateException(String.join(" ", args) + " exited " + exit + ":\n" + output);
    }
    return output;
  }

  private void awaitReady() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest ping = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + adminPort + "/ping")).timeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("server " + name + " exited with " + process.exitValue()
            + " before it was ready:\n" + logTail());
      }
      try {
        if (http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // keep polling
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("server " + name + " did not answer /ping within "
        + START_TIMEOUT + ":\n" + logTail());
  }

  /** Distinct free ports, each found by binding port 0 (all held open until all are chosen). */
  public static int[] freePorts(int count) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0);
        sockets.add(socket);
        ports[i] = socket.getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
  }

  /** {@code http://127.0.0.1:<port><path>} on the application port. */
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** {@code http://127.0.0.1:<adminPort><path>}: Dropwizard's /ping, /healthcheck, /metrics. */
  public URI adminUri(String path) {
    return URI.create("http://127.0.0.1:" + adminPort + path);
  }

  public Path config() {
    return config;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * SIGKILL ({@link Process#destroyForcibly()}): no shutdown hook, no flush, no lifecycle stop.
   *
   * @return the exit value, 137 (128 + 9) when the kernel killed it with signal 9
   */
  public int kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("server " + name + " survived SIGKILL for 30 s");
    }
    return process.exitValue();
  }

  /**
   * SIGTERM, as an operator stopping the service would: Dropwizard stops Jetty, then the ledger
   * writes everything queued and closes. Kills it if that takes longer than 30 s.
   *
   * @return the exit value
   */
  public int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new IllegalStateException("server " + name + " did not stop on SIGTERM within 30 s");
    }
    return process.exitValue();
  }

  /** The last 60 lines of the server's console and application log, for failure messages. */
  public String logTail() {
    StringBuilder tail = new StringBuilder();
    for (Path file : List.of(workDir.resolve(name + ".out"), workDir.resolve(name + ".log"))) {
      try {
        List<String> lines = Files.exists(file)
            ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        tail.append("--- ").append(file).append('\n');
        lines.subList(Math.max(0, lines.size() - 60), lines.size())
            .forEach(line -> tail.append(line).append('\n'));
      } catch (IOException e) {
        tail.append("(cannot read ").append(file).append(": ").append(e).append(")\n");
      }
    }
    return tail.toString();
  }

  /** Kills the server if it still runs. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Runs {@code add-client config --name NAME --role ROLE [--source SOURCE]} in this JVM and
   * returns the bearer token: the last line of its stdout.
   */
  public static String addClient(Path config, String clientName, String role, String source)
      throws Exception {
    List<String> args = new ArrayList<>(List.of(
        "add-client", config.toString(), "--name", clientName, "--role", role));
    if (source != null) {
      args.addAll(List.of("--source", source));
    }
    CliRunner.Outcome outcome = CliRunner.run(args.toArray(String[]::new));
    if (!outcome.succeeded()) {
      throw new IllegalStateException("add-client failed: " + outcome.stderr(),
          outcome.failure().get());
    }
    String[] lines = outcome.stdout().strip().split("\n");
    return lines[lines.length - 1].strip();
  }

  /**
   * Runs a command ({@code verify}, ...) in a child JVM, as {@code java -jar access-ledger.jar}
   * would, and returns its exit value; its output goes to {@code <workDir>/<logName>}. The JVM
   * is tuned to start quickly (C1 only, serial GC).
   */
  public static int runCommand(Path workDir, String logName, String... args)
      throws IOException, InterruptedException {
    return runCommand(workDir, logName, Map.of(), args);
  }

  /** As {@link #runCommand(Path, String, String...)}, with {@code env} added to its environment. */
  public static int runCommand(Path workDir, String logName, Map<String, String> env,
      String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        "io.accessledger.AccessLedgerApplication"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(workDir.resolve(logName).toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new IllegalStateException(String.join(" ", args) + " did not finish within 120 s");
    }
    return process.exitValue();
  }
}
