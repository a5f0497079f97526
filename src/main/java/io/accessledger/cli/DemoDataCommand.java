package io.accessledger.cli;

import io.accessledger.config.LedgerFactory;
import io.accessledger.demo.DemoMonth;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code demo-data --url URL --token-file FILE [--month YYYY-MM] [--workers N] [--children N]
 * [--views N] [--seed N] [--print-config]}: posts a month of a children's services department
 * ({@link DemoMonth}) to a running server through {@code POST /v1/events/batch}, then prints what
 * was planted for the audits to find. {@code --print-config} prints the matching
 * {@code needToKnow:} settings and posts nothing.
 */
public final class DemoDataCommand extends Command {
  private static final int BATCH = 1000;
  private static final int MAX_BATCH_BYTES = 900 * 1024;

  public DemoDataCommand() {
    super("demo-data", "Post a realistic month of a children's services department, with planted"
        + " inappropriate accesses, to a running server");
  }

  @Override
  public void configure(Subparser subparser) {
    subparser.addArgument("--url").dest("url").setDefault("http://localhost:8080")
        .help("the server's application URL");
    subparser.addArgument("--token-file").dest("tokenFile")
        .help("a file holding an ingest client's token");
    subparser.addArgument("--month").dest("month")
        .help("the month to make, YYYY-MM (default: last month)");
    subparser.addArgument("--workers").dest("workers").type(Integer.class).setDefault(10)
        .help("social workers per team (4 teams)");
    subparser.addArgument("--children").dest("children").type(Integer.class).setDefault(150)
        .help("children per team");
    subparser.addArgument("--views").dest("views").type(Integer.class).setDefault(25)
        .help("records each worker views on a working day");
    subparser.addArgument("--seed").dest("seed").type(Long.class).setDefault(1L);
    subparser.addArgument("--zone").dest("zone")
        .help("the server's ledger.zone, in which the department works and the month runs"
            + " (default: $LEDGER_ZONE if set, else " + LedgerFactory.DEFAULT_ZONE + ")");
    subparser.addArgument("--auditor-token-file").dest("auditorTokenFile")
        .help("an auditor's token: after posting, run the need-to-know audit over the month and"
            + " the registers, and print their findings and flags");
    subparser.addArgument("--print-config").dest("printConfig").action(
        net.sourceforge.argparse4j.impl.Arguments.storeTrue())
        .help("print the matching needToKnow: settings and exit");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    ZoneId zone = zone(namespace.getString("zone"));
    YearMonth month = namespace.getString("month") == null
        ? YearMonth.now(zone).minusMonths(1)
        : YearMonth.parse(namespace.getString("month"));
    DemoMonth demo = new DemoMonth(month, zone, namespace.getInt("workers"),
        namespace.getInt("children"), namespace.getInt("views"), namespace.getLong("seed"));
    if (namespace.getBoolean("printConfig")) {
      System.out.print(demo.config());
      return;
    }
    if (namespace.getString("tokenFile") == null) {
      throw new CommandFailure("--token-file is required to post (an ingest client's token)");
    }
    String token = Files.readString(Path.of(namespace.getString("tokenFile"))).trim();
    URI batchUri = URI.create(namespace.getString("url") + "/v1/events/batch");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    List<String> batch = new ArrayList<>();
    int[] bytes = {0};
    long[] posted = {0};
    long started = System.nanoTime();
    demo.events(event -> {
      if (batch.size() == BATCH || bytes[0] + event.length() > MAX_BATCH_BYTES) {
        posted[0] += post(http, batchUri, token, batch);
        batch.clear();
        bytes[0] = 0;
      }
      batch.add(event);
      bytes[0] += event.length() + 1;
    });
    posted[0] += post(http, batchUri, token, batch);
    System.out.printf("posted %,d events for %s in %.1f s%n", posted[0], month,
        (System.nanoTime() - started) / 1e9);
    System.out.println("planted, for the audits to find:");
    demo.planted().forEach(line -> System.out.println("  " + line));
    if (namespace.getString("auditorTokenFile") != null) {
      audit(http, namespace.getString("url"),
          Files.readString(Path.of(namespace.getString("auditorTokenFile"))).trim(), month, zone);
    }
  }

  /**
   * The zone the demo's department works in: {@code --zone}, else {@code LEDGER_ZONE} (the
   * variable config.yml reads {@code ledger.zone} from), else the service's default, so that the
   * planted out-of-hours views are out of hours for the server that audits them.
   */
  private static ZoneId zone(String given) {
    String zone = given != null ? given : System.getenv("LEDGER_ZONE");
    if (zone == null || zone.isBlank()) {
      return ZoneId.of(LedgerFactory.DEFAULT_ZONE);
    }
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new CommandFailure("the zone \"" + zone + "\" is not a known time zone id; give"
          + " the server's ledger.zone, an IANA id such as Pacific/Auckland");
    }
  }

  /** Runs the need-to-know audit over {@code month} (in {@code zone}) and prints its findings. */
  private static void audit(HttpClient http, String url, String token, YearMonth month,
      ZoneId zone) throws IOException, InterruptedException {
    String body = "{\"from\":\"" + month.atDay(1).atStartOfDay(zone).toInstant()
        + "\",\"to\":\"" + month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()
        + "\"}";
    long started = System.nanoTime();
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            URI.create(url + "/v1/audits/need-to-know"))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .timeout(Duration.ofMinutes(5))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
    double seconds = (System.nanoTime() - started) / 1e9;
    if (response.statusCode() != 200) {
      throw new CommandFailure("the audit was refused (" + response.statusCode() + "): "
          + response.body());
    }
    com.fasterxml.jackson.databind.JsonNode answer =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
    System.out.printf("need-to-know audit of %s: %d findings over a tree of %,d entries in %.1f s"
        + " (POST /v1/audits/need-to-know %s):%n", month, answer.path("findings").size(),
        answer.path("treeSize").asLong(), seconds, body);
    for (com.fasterxml.jackson.databind.JsonNode finding : answer.path("findings")) {
      System.out.println("  " + finding.path("rule").asText() + ": "
          + finding.path("explanation").asText());
    }
    for (String register : List.of("shares", "extracts")) {
      HttpResponse<String> flagged = http.send(HttpRequest.newBuilder(
              URI.create(url + "/v1/registers/" + register + "?flagged=true"))
          .header("Authorization", "Bearer " + token)
          .timeout(Duration.ofMinutes(5))
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      if (flagged.statusCode() != 200) {
        throw new CommandFailure("the " + register + " register was refused ("
            + flagged.statusCode() + "): " + flagged.body());
      }
      com.fasterxml.jackson.databind.JsonNode items =
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(flagged.body()).path("items");
      System.out.printf("%s register (GET /v1/registers/%s?flagged=true): %d flagged%n",
          register, register, items.size());
      for (com.fasterxml.jackson.databind.JsonNode item : items) {
        for (com.fasterxml.jackson.databind.JsonNode flag : item.path("flags")) {
          System.out.println("  " + flag.path("code").asText() + ": "
              + flag.path("explanation").asText());
        }
      }
    }
  }

  private static int post(HttpClient http, URI uri, String token, List<String> batch) {
    if (batch.isEmpty()) {
      return 0;
    }
    HttpRequest request = HttpRequest.newBuilder(uri)
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString("[" + String.join(",", batch) + "]"))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new CommandFailure("cannot reach " + uri + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailure("interrupted");
    }
    if (response.statusCode() != 201 && response.statusCode() != 200) {
      throw new CommandFailure("the server refused a batch (" + response.statusCode() + "): "
          + response.body().substring(0, Math.min(500, response.body().length())));
    }
    return batch.size();
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    if (!CommandFailure.printed(cli, e)) {
      super.onError(cli, namespace, e);
    }
  }
}
