package io.accessledger.console.pages;

import com.codahale.metrics.health.HealthCheck;
import com.codahale.metrics.health.HealthCheckRegistry;
import io.accessledger.api.LogInfo;
import io.accessledger.audit.Finding;
import io.accessledger.console.charts.BarChart;
import io.accessledger.console.session.ConsoleSession;
import io.accessledger.console.web.ConsoleDates;
import io.accessledger.console.web.ConsoleReads;
import io.accessledger.console.web.ConsoleRequest;
import io.accessledger.console.web.Page;
import io.accessledger.query.LedgerActivity;
import io.accessledger.query.LedgerQueries;
import io.accessledger.query.NeedToKnowAudits;
import io.accessledger.store.StoredCheckpoint;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /console/}: the log (origin, verifier key, size, latest checkpoint), the health of
 * the tree and the key, entries per day over the last 30 days, and the latest audit runs with
 * their open findings. Recorded as a read ({@code /console/}) before anything is read.
 */
@Path("")
@Produces(MediaType.TEXT_HTML)
public final class OverviewResource {
  static final List<String> HEALTH = List.of("tree-root", "signing-key", "append-only-triggers",
      "writer");
  private static final int DAYS = 30;

  /** One health check's verdict. */
  public record Health(String name, boolean healthy, String message) {}

  /** One day of the chart's table. */
  public record Day(String date, long entries) {}

  /** One audit run, with how many of its findings have no review yet (null: not remembered). */
  public record Run(long seq, String client, String from, String to, String at, String href,
      Integer open, Integer findings) {}

  /** What the page shows. */
  public record Overview(LogInfo log, StoredCheckpoint checkpoint, String lastReceived,
      List<Health> health, boolean allHealthy, BarChart chart, List<Day> days, List<Run> runs,
      boolean showRuns, long auditSeq) {}

  private final LedgerQueries queries;
  private final LedgerActivity activity;
  private final NeedToKnowAudits audits;
  private final HealthCheckRegistry healthChecks;
  private final ConsoleReads reads;
  private final ConsoleDates dates;
  private final Clock clock;

  public OverviewResource(LedgerQueries queries, LedgerActivity activity, NeedToKnowAudits audits,
      HealthCheckRegistry healthChecks, ConsoleReads reads, ConsoleDates dates, Clock clock) {
    this.queries = queries;
    this.activity = activity;
    this.audits = audits;
    this.healthChecks = healthChecks;
    this.reads = reads;
    this.dates = dates;
    this.clock = clock;
  }

  @GET
  public Page overview(@Context ContainerRequestContext request) {
    ConsoleSession session = ConsoleRequest.session(request);
    long auditSeq = reads.record(session, "/console/", Map.of()).seq();
    StoredCheckpoint checkpoint = queries.checkpoint();
    activity.catchUp(checkpoint.size());
    LocalDate today = LocalDate.ofInstant(clock.instant(), dates.zone());
    Map<LocalDate, Long> perDay = activity.entriesPerDay(today.minusDays(DAYS - 1), today);
    List<String> labels = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    List<Day> days = new ArrayList<>();
    long total = 0;
    for (Map.Entry<LocalDate, Long> day : perDay.entrySet()) {
      labels.add(dates.shortDay(day.getKey()));
      values.add(day.getValue());
      days.add(new Day(dates.longDay(day.getKey()), day.getValue()));
      total += day.getValue();
    }
    BarChart chart = BarChart.of("entries-per-day", "Entries received per day, last " + DAYS
        + " days", total + " entries in the last " + DAYS + " days.", labels, values, 900, 260, 5);
    List<Health> health = health();
    return new Page("overview", "Overview", new Overview(queries.log(), checkpoint,
        activity.lastReceived() == null ? null : dates.dateTime(activity.lastReceived()), health, health.stream().allMatch(Health::healthy), chart,
        days, session.isAuditor() ? runs() : List.of(), session.isAuditor(), auditSeq));
  }


  private List<Health> health() {
    List<Health> health = new ArrayList<>();
    for (String name : HEALTH) {
      HealthCheck.Result result = healthChecks.runHealthCheck(name);
      String message = result.getMessage() != null ? result.getMessage()
          : result.isHealthy() ? "healthy" : "unhealthy";
      health.add(new Health(name, result.isHealthy(), message));
    }
    return health;
  }

  private List<Run> runs() {
    List<Run> runs = new ArrayList<>();
    for (LedgerActivity.AuditRun run : activity.latestRuns(5)) {
      Optional<Collection<Finding>> findings = audits.remembered(run.seq());
      Integer open = findings.map(all -> (int) all.stream()
          .filter(f -> activity.latestReview(f.id()).isEmpty()).count()).orElse(null);
      Optional<ConsoleDates.Span> span = dates.spanOf(run.from(), run.to());
      runs.add(new Run(run.seq(), run.client(),
          span.map(ConsoleDates.Span::fromText).orElse(run.from()),
          span.map(ConsoleDates.Span::toText).orElse(run.to()),
          run.at() == null ? "" : dates.dateTime(run.at()),
          span.map(s -> "/console/audits?from=" + s.from() + "&to=" + s.to()).orElse(null),
          open, findings.map(Collection::size).orElse(null)));
    }
    return runs;
  }
}
