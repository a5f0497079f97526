package io.accessledger.cli.witness;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.notes.Cosignature;
import io.accessledger.ledger.notes.WitnessKey;
import io.accessledger.support.TestLedger;
import io.accessledger.witness.CosignTestLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code witness init} and {@code witness serve} as an operator runs them: child JVMs started
 * through the application's {@code main}. A witness killed with SIGKILL right after answering 200
 * still knows, once restarted, the checkpoint it cosigned.
 */
class WitnessServeProcessTest {
  private static final CheckpointSigner LOG_KEY = TestLedger.signer(1);
  private static final CosignTestLog A = new CosignTestLog("a", 20, LOG_KEY);
  private static final Pattern LISTENING =
      Pattern.compile("listening on (http://127\\.0\\.0\\.1:[0-9]+)/add-checkpoint");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @TempDir Path dir;

  private record Run(int exit, String stdout, String stderr) {}

  private Run run(String... args) throws Exception {
    Path out = dir.resolve("run.out");
    Path err = dir.resolve("run.err");
    Process process = new ProcessBuilder(command(args))
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static List<String> command(String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "io.accessledger.AccessLedgerApplication"));
    command.addAll(List.of(args));
    return command;
  }

  /**
   * Starts {@code witness serve} on a free port and returns it once it listens; with no {@code
   * state}, exactly as the contract writes the command (the state directory is the default).
   */
  private Process serve(Path key, Path state, String name) throws Exception {
    Path out = dir.resolve(name + ".out");
    List<String> args = new ArrayList<>(List.of("witness", "serve", "--listen", "127.0.0.1:0",
        "--key", key.toString(), "--log", LOG_KEY.verifierKey().toString()));
    if (state != null) {
      args.addAll(List.of("--state", state.toString()));
    }
    Process process = new ProcessBuilder(command(args.toArray(String[]::new)))
        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      Matcher matcher = LISTENING.matcher(Files.readString(out));
      if (matcher.find()) {
        url = matcher.group(1);
        return process;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("witness serve exited: " + Files.readString(out));
      }
      Thread.sleep(50);
    }
    process.destroyForcibly();
    throw new IllegalStateException("witness serve did not listen: " + Files.readString(out));
  }

  private String url;

  private HttpResponse<String> post(String body) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url + "/add-checkpoint"))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void sigkill(Process process) throws Exception {
    new ProcessBuilder("kill", "-9", Long.toString(process.pid())).start().waitFor();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(128 + 9);
  }

  @Test
  void initMakesAPrivateKeyPrintsItsVerifierKeyAndNeverReplacesIt() throws Exception {
    Path key = dir.resolve("witness.key");

    Run made = run("witness", "init", "--key", key.toString(), "--name", "witness.test/w1");
    byte[] written = Files.readAllBytes(key);
    Run again = run("witness", "init", "--key", key.toString(), "--name", "witness.test/w2");

    assertThat(made.exit()).as(made.stderr()).isZero();
    WitnessKey printed = WitnessKey.parse(made.stdout().strip());
    assertThat(printed.name()).isEqualTo("witness.test/w1");
    assertThat(Files.readString(dir.resolve("witness.key.pub")).strip())
        .isEqualTo(printed.toString());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.stderr()).contains("exists; refusing to replace a witness key");
    assertThat(Files.readAllBytes(key)).isEqualTo(written);
  }

  @Test
  void aWitnessKilledAfterAnsweringStillKnowsWhatItCosigned() throws Exception {
    Path key = dir.resolve("witness.key");
    Path state = null; // the default, FILE.state beside the key
    Run made = run("witness", "init", "--key", key.toString(), "--name", "witness.test/w1");
    WitnessKey witnessKey = WitnessKey.parse(made.stdout().strip());

    Process first = serve(key, state, "first");
    HttpResponse<String> cosigned;
    try {
      post(A.request(0, 3));
      cosigned = post(A.request(3, 7));
    } finally {
      sigkill(first); // right after the 200: no shutdown hook, no orderly close
    }
    assertThat(cosigned.statusCode()).as(cosigned.body()).isEqualTo(200);
    assertThat(dir.resolve("witness.key.state")).isDirectory();
    Cosignature.parseLines(cosigned.body()).get(0).verify(A.checkpoint(7), witnessKey);

    Process second = serve(key, state, "second");
    try {
      HttpResponse<String> stale = post(A.request(3, 9));
      assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
      assertThat(stale.body()).isEqualTo("7\n");
      assertThat(stale.headers().firstValue("Content-Type")).hasValue("text/x.tlog.size");
      HttpResponse<String> next = post(A.request(7, 9));
      assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
    } finally {
      second.destroy();
      second.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void serveRefusesBadArgumentsWithAUsageExit() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);

    int missing = WitnessSubcommands.run(new String[] {"witness", "serve", "--listen", "x:1"},
        stream, stream);
    int badLog = WitnessSubcommands.run(new String[] {"witness", "serve", "--listen",
        "127.0.0.1:0", "--key", dir.resolve("none").toString(), "--log", "nonsense", "--state",
        dir.resolve("s").toString()}, stream, stream);

    assertThat(missing).isEqualTo(2);
    assertThat(badLog).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("is required")
        .contains("cannot read the witness's verifier key");
    assertThat(WitnessSubcommands.handles(new String[] {"witness", "--url", "x"})).isFalse();
    assertThat(WitnessSubcommands.handles(new String[] {"witness", "serve"})).isTrue();
  }
}
