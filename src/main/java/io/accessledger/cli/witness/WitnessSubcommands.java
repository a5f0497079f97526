package io.accessledger.cli.witness;

import io.accessledger.ledger.notes.CheckpointException;
import io.accessledger.ledger.notes.CosignatureSigner;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.witness.CosigningWitness;
import io.accessledger.witness.WitnessException;
import io.accessledger.witness.WitnessExit;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.sourceforge.argparse4j.ArgumentParsers;
import net.sourceforge.argparse4j.helper.HelpScreenException;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.ArgumentParser;
import net.sourceforge.argparse4j.inf.ArgumentParserException;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import net.sourceforge.argparse4j.inf.Subparsers;

/**
 * {@code witness init --key FILE --name NAME} and {@code witness serve --listen HOST:PORT --key
 * FILE --log VKEY [--log VKEY …] [--state DIR]}: the witness that cosigns (C2SP tlog-witness).
 *
 * <p>They are read before the Dropwizard command line, by the application's {@code main}, and
 * only when {@code witness} is followed by {@code init} or {@code serve}; so the watching witness,
 * {@code witness --url … --state …}, parses exactly as it always did (argparse4j sub-commands
 * cannot be optional).
 *
 * <p>The key files are {@link WitnessKeyFiles}'.
 */
public final class WitnessSubcommands {
  /** Default number of requests handled at once. */
  static final int THREADS = 8;

  private WitnessSubcommands() {}

  /** True if {@code args} is {@code witness init …} or {@code witness serve …}. */
  public static boolean handles(String[] args) {
    return args.length >= 2 && "witness".equals(args[0])
        && ("init".equals(args[1]) || "serve".equals(args[1]));
  }

  /**
   * Runs {@code witness init} to completion, or starts {@code witness serve} and returns while it
   * serves (its threads keep the JVM alive; a shutdown hook stops it).
   *
   * @return the exit status: 0, or a {@link WitnessExit} code
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    ArgumentParser parser = parser();
    Namespace namespace;
    try {
      namespace = parser.parseArgs(Arrays.copyOfRange(args, 1, args.length));
    } catch (HelpScreenException e) {
      return 0; // the help was printed
    } catch (ArgumentParserException e) {
      PrintWriter writer = new PrintWriter(err, true, StandardCharsets.UTF_8);
      e.getParser().handleError(e, writer);
      writer.flush();
      return WitnessExit.USAGE.code();
    }
    try {
      if ("init".equals(namespace.getString("action"))) {
        WitnessKeyFiles.init(Path.of(namespace.getString("key")), namespace.getString("name"), out,
            err);
        return 0;
      }
      AddCheckpointServer server = serve(namespace, err);
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "witness-serve-stop"));
      InetSocketAddress address = server.address();
      out.println("witness serve: listening on http://" + address.getHostString() + ":"
          + address.getPort() + "/add-checkpoint");
      out.flush();
      return 0;
    } catch (WitnessException e) {
      err.println("witness " + namespace.getString("action") + ": " + e.getMessage());
      return e.exit().code();
    }
  }

  static AddCheckpointServer serve(Namespace namespace, PrintStream log) throws WitnessException {
    CosignatureSigner signer = WitnessKeyFiles.load(Path.of(namespace.getString("key")));
    List<VerifierKey> logs = new ArrayList<>();
    for (String text : namespace.<String>getList("log")) {
      try {
        logs.add(VerifierKey.parse(text));
      } catch (CheckpointException e) {
        throw usage("--log " + text + " is not a log's verifier key: " + e.getMessage());
      }
    }
    InetSocketAddress address = listen(namespace.getString("listen"));
    int threads = namespace.getInt("threads");
    if (threads < 1 || threads > 256) {
      throw usage("--threads must be 1 to 256, got " + threads);
    }
    // The JDK server has no time limits by default: a client that sends slowly must not keep a
    // handler thread for ever. Read when the server classes first load, so set before.
    System.setProperty("sun.net.httpserver.maxReqTime",
        System.getProperty("sun.net.httpserver.maxReqTime", "30"));
    System.setProperty("sun.net.httpserver.maxRspTime",
        System.getProperty("sun.net.httpserver.maxRspTime", "30"));
    CosigningWitness witness =
        CosigningWitness.open(signer, logs, stateDir(namespace), Clock.systemUTC());
    try {
      return AddCheckpointServer.start(witness, address, threads, log);
    } catch (IOException | RuntimeException e) {
      witness.close();
      throw usage("cannot listen on " + namespace.getString("listen") + ": " + e);
    }
  }

  /**
   * {@code --state}, or else the directory {@code FILE.state} beside the key file: what a witness
   * cosigned belongs with the key it cosigned with, so a second witness key on the same host
   * never shares (and never forgets through) another's record.
   */
  static Path stateDir(Namespace namespace) {
    String state = namespace.getString("state");
    return state != null ? Path.of(state) : Path.of(namespace.getString("key") + ".state");
  }

  static InetSocketAddress listen(String text) throws WitnessException {
    int colon = text.lastIndexOf(':');
    if (colon <= 0) {
      throw usage("--listen must be HOST:PORT, got " + text);
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw usage("--listen port is not a number: " + text);
    }
    if (port < 0 || port > 65535) {
      throw usage("--listen port is out of range: " + text);
    }
    return new InetSocketAddress(host, port);
  }

  private static ArgumentParser parser() {
    ArgumentParser parser = ArgumentParsers.newFor("access-ledger witness").build()
        .description("The witness that cosigns (C2SP tlog-witness). The watching witness is"
            + " 'witness --url URL --state FILE'.");
    Subparsers actions = parser.addSubparsers().dest("action");
    Subparser init = actions.addParser("init")
        .help("make the witness's Ed25519 key and print its cosignature verifier key");
    init.addArgument("--key").required(true)
        .help("the private key file to create (mode 0600; FILE.pub gets the verifier key)");
    init.addArgument("--name").required(true)
        .help("the witness's name, e.g. witness.example.org/ico");
    Subparser serve = actions.addParser("serve").help("serve POST /add-checkpoint and cosign");
    serve.addArgument("--listen").required(true).help("HOST:PORT, e.g. 127.0.0.1:8090");
    serve.addArgument("--key").required(true).help("the key file made by witness init");
    serve.addArgument("--log").required(true).action(Arguments.append())
        .help("a log's verifier key; repeat for several logs, or for a log's old and new keys");
    serve.addArgument("--state")
        .help("the directory of what this witness cosigned (created mode 0700; default FILE.state"
            + " beside the --key FILE)");
    serve.addArgument("--threads").type(Integer.class).setDefault(THREADS)
        .help("requests handled at once (default " + THREADS + ")");
    return parser;
  }

  static WitnessException usage(String message) {
    return new WitnessException(WitnessExit.USAGE, message);
  }
}
