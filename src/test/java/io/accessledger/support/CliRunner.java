package io.accessledger.support;

import io.accessledger.AccessLedgerApplication;
import io.accessledger.config.AccessLedgerConfiguration;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Runs the application's commands in-process, as {@code java -jar access-ledger.jar ...} would. */
public final class CliRunner {
  private CliRunner() {}

  /** The outcome of one command: its failure (if any) and what it printed. */
  public record Outcome(Optional<Throwable> failure, String stdout, String stderr) {
    public boolean succeeded() {
      return failure.isEmpty();
    }

    /** The exit status the jar would end with: 0, the command's own code, or 1. */
    public int exitCode() {
      return failure.map(f -> f instanceof io.accessledger.cli.CommandFailure c ? c.exitCode() : 1)
          .orElse(0);
    }
  }

  /** Writes a config file whose ledger lives in {@code dataDir}. */
  public static Path writeConfig(Path dir, Path dataDir) throws IOException {
    Path config = dir.resolve("config.yml");
    Files.writeString(config, String.join("\n",
        "server:",
        "  applicationConnectors: [{type: http, port: 0}]",
        "  adminConnectors: [{type: http, port: 0}]",
        "ledger:",
        "  dataDir: " + dataDir,
        "  origin: " + TestLedger.ORIGIN,
        "logging:",
        "  level: WARN",
        ""));
    return config;
  }

  public static Outcome run(String... args) throws Exception {
    AccessLedgerApplication application = new AccessLedgerApplication();
    Bootstrap<AccessLedgerConfiguration> bootstrap = new Bootstrap<>(application);
    application.initialize(bootstrap);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Cli cli = new Cli(new JarLocation(CliRunner.class), bootstrap, out, err);
    // Commands print their results on the process's stdout (and warnings on its stderr), as the
    // jar does.
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    Optional<Throwable> failure;
    synchronized (CliRunner.class) {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      try {
        failure = cli.run(args);
      } finally {
        System.setOut(originalOut);
        System.setErr(originalErr);
      }
    }
    return new Outcome(failure, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
