package io.accessledger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.ledger.merkle.Digest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each rule on crafted entries: what fires it, and the nearest cases that must not. */
class NeedToKnowAuditTest {
  private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-04-01T00:00:00Z");
  /** A Tuesday, 10:00 in London (GMT in March before the clocks change). */
  private static final String WORKING = "2026-03-03T10:00:00Z";

  private final List<LedgerEntry> log = new ArrayList<>();

  private NeedToKnowPolicy policy(Set<Rule> rules) {
    return policy(rules, false);
  }

  /** The test department; {@code strict}: allocations must precede views, restricted by name. */
  private NeedToKnowPolicy policy(Set<Rule> rules, boolean strict) {
    return new NeedToKnowPolicy(rules, Map.of("north-cin", "north-area", "south-cin",
        "south-area"), ZoneId.of("Europe/London"), LocalTime.of(8, 0), LocalTime.of(18, 0),
        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
        Set.of(java.time.LocalDate.of(2026, 3, 9)), Set.of("edt-1"), Duration.ofDays(30),
        20, 30, 3.0, Set.of("child-vip"), Map.of("sw-2", Map.of("child-own", "the child")), strict, strict);
  }

  private long add(Map<String, Object> event) {
    return add(event, "cf");
  }

  private long add(Map<String, Object> event, String source) {
    long seq = log.size();
    log.add(new LedgerEntry(seq, event, Map.of(), Digest.ZERO, "2026-04-01T00:00:00.000Z",
        source));
    return seq;
  }

  private long view(String actor, String team, String subject, String at) {
    return view(actor, team, subject, at, false);
  }

  private long view(String actor, String team, String subject, String at, boolean breakGlass) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", "VIEW");
    event.put("occurredAt", at);
    Map<String, Object> who = new LinkedHashMap<>();
    who.put("id", actor);
    who.put("role", "social-worker");
    if (team != null) {
      who.put("team", team);
    }
    event.put("actor", who);
    event.put("subject", Map.of("id", subject));
    event.put("record", Map.of("type", "case-note", "id", "n-" + log.size()));
    if (breakGlass) {
      event.put("breakGlass", true);
      event.put("reason", "police at the door");
    }
    return add(event);
  }

  private long allocate(String id, String subject, String kind, String who, String from,
      String to) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", "ALLOCATION");
    event.put("occurredAt", from);
    event.put("allocationId", id);
    event.put("subject", Map.of("id", subject));
    event.put("assignee", Map.of(kind, who));
    event.put("from", from);
    if (to != null) {
      event.put("to", to);
    }
    return add(event);
  }

  private long close(String subject, String at) {
    return add(Map.of("type", "CASE_CLOSURE", "occurredAt", at, "subject", Map.of("id", subject)));
  }

  private List<Finding> run(Rule... rules) {
    return run(false, rules);
  }

  private List<Finding> run(boolean strict, Rule... rules) {
    NeedToKnowAudit audit = new NeedToKnowAudit(policy(Set.of(rules), strict), FROM, TO);
    log.forEach(audit::accept);
    return audit.findings();
  }

  @Test
  void aViewIsExplainedByTheAllocatedWorkerTheirTeamOrATeamAboveIt() {
    long alloc = allocate("a-1", "child-1", "worker", "sw-1", "2026-02-01T00:00:00Z", null);
    allocate("a-2", "child-1", "team", "north-cin", "2026-02-01T00:00:00Z", null);
    view("sw-1", "south-cin", "child-1", WORKING); // the allocated worker, whatever the team
    view("sw-5", "north-cin", "child-1", WORKING); // the allocated team
    view("tm-1", "north-area", "child-1", WORKING); // the team above it
    long stranger = view("sw-9", "south-cin", "child-1", WORKING);
    long noTeam = view("sw-8", null, "child-1", WORKING);
    long nobody = view("sw-1", "north-cin", "child-2", WORKING); // no one allocated to child-2
    List<Finding> findings = run(Rule.NOT_ALLOCATED);
    assertThat(findings).extracting(f -> f.seqs().get(0)).containsExactly(stranger, noTeam, nobody);
    Finding first = findings.get(0);
    assertThat(first.id()).isEqualTo("NOT_ALLOCATED-" + stranger);
    assertThat(first.actor()).isEqualTo("sw-9");
    assertThat(first.subject()).isEqualTo("child-1");
    assertThat(first.seqs()).as("the view, then the allocations in force").contains(alloc);
    assertThat(first.explanation()).contains("sw-9 (social-worker, team south-cin) viewed")
        .contains("allocated to worker sw-1").contains("team south-cin is none of those teams");
    assertThat(findings.get(2).explanation()).contains("no one was allocated to child-2's case");
  }

  @Test
  void allocationsCountOnlyWithinTheirTimesAndALaterEntryCanEndThem() {
    allocate("a-1", "child-1", "worker", "sw-1", "2026-03-05T00:00:00Z", null);
    long before = view("sw-1", null, "child-1", WORKING); // 3 March: not yet allocated
    allocate("a-2", "child-1", "worker", "sw-2", "2026-02-01T00:00:00Z", null);
    // A later entry with the same allocationId and a "to" ends it on 2 March.
    allocate("a-2", "child-1", "worker", "sw-2", "2026-02-01T00:00:00Z", "2026-03-02T00:00:00Z");
    long after = view("sw-2", null, "child-1", WORKING);
    view("sw-1", null, "child-1", "2026-03-10T10:00:00Z"); // explained from 5 March
    assertThat(run(Rule.NOT_ALLOCATED)).extracting(f -> f.seqs().get(0))
        .containsExactly(before, after);
  }

  @Test
  void allocationsCannotBeRewrittenAndStrictlyNotBackdated() {
    long stranger = view("sw-9", null, "child-1", WORKING);
    // Recorded after the view, backdated to cover it: not an explanation.
    allocate("a-late", "child-1", "worker", "sw-9", "2026-02-01T00:00:00Z", null);
    allocate("a-1", "child-1", "worker", "sw-1", "2026-02-01T00:00:00Z", null);
    // Another records system reuses the id to put sw-8 on the case: a separate allocation.
    Map<String, Object> hijack = new LinkedHashMap<>(log.get(log.size() - 1).event());
    hijack.put("assignee", Map.of("worker", "sw-8"));
    add(hijack, "other-system");
    // The same system restates a-1 with another worker and an earlier start: only "to" counts.
    Map<String, Object> rewrite = new LinkedHashMap<>(log.get(log.size() - 2).event());
    rewrite.put("assignee", Map.of("worker", "sw-7"));
    rewrite.put("from", "2026-01-01T00:00:00Z");
    add(rewrite);
    long seven = view("sw-7", null, "child-1", "2026-03-04T10:00:00Z");
    long one = view("sw-1", null, "child-1", "2026-03-04T10:00:00Z");
    long eight = view("sw-8", null, "child-1", "2026-03-04T10:00:00Z");
    // The contract judges by the allocation's times: the backdated one explains the early view.
    assertThat(run(Rule.NOT_ALLOCATED)).extracting(f -> f.seqs().get(0)).containsExactly(seven);
    // allocationsRecordedFirst: an allocation recorded after a view does not explain it.
    List<Finding> findings = run(true, Rule.NOT_ALLOCATED);
    assertThat(findings).extracting(f -> f.seqs().get(0)).containsExactly(stranger, seven);
    assertThat(findings.get(0).explanation())
        .contains("the only allocations that explain it were recorded after the view");
    assertThat(List.of(one, eight)).doesNotContainAnyElementsOf(
        findings.stream().map(f -> f.seqs().get(0)).toList());
  }

  @Test
  void aTeamSeesTheCasesOfEveryTeamBelowIt() {
    allocate("a-1", "child-1", "team", "north-cin", "2026-02-01T00:00:00Z", null);
    view("hos-1", "childrens-services", "child-1", WORKING); // two levels above
    long sideways = view("tm-2", "south-area", "child-1", WORKING);
    NeedToKnowPolicy deep = new NeedToKnowPolicy(Set.of(Rule.NOT_ALLOCATED),
        Map.of("north-cin", "north-area", "north-area", "childrens-services",
            "south-area", "childrens-services"), ZoneId.of("Europe/London"), LocalTime.of(8, 0),
        LocalTime.of(18, 0), EnumSet.allOf(DayOfWeek.class), Set.of(), Set.of(),
        Duration.ofDays(30), 20, 100, 3.0, Set.of(), Map.of(), false, false);
    NeedToKnowAudit audit = new NeedToKnowAudit(deep, FROM, TO);
    log.forEach(audit::accept);
    assertThat(audit.findings()).extracting(f -> f.seqs().get(0)).containsExactly(sideways);
  }

  @Test
  void aViewBeforeTheReopeningAllocationIsStillAfterClosure() {
    long closed = close("child-1", "2026-01-01T00:00:00Z");
    long before = view("sw-1", null, "child-1", WORKING); // 3 March
    allocate("a-1", "child-1", "worker", "sw-1", "2026-03-05T00:00:00Z", null);
    view("sw-1", null, "child-1", "2026-03-06T10:00:00Z"); // reopened on 5 March
    assertThat(run(Rule.AFTER_CLOSURE)).singleElement()
        .satisfies(f -> assertThat(f.seqs()).containsExactly(before, closed));
  }

  @Test
  void aRestrictedSubjectNeedsAnAllocationOrStrictlyOneByName() {
    allocate("a-1", "child-vip", "team", "north-cin", "2026-02-01T00:00:00Z", null);
    allocate("a-2", "child-vip", "worker", "sw-1", "2026-02-01T00:00:00Z", null);
    long team = view("sw-5", "north-cin", "child-vip", WORKING);
    view("sw-1", "north-cin", "child-vip", WORKING);
    // The contract: any explaining allocation will do, the team's included.
    assertThat(run(Rule.RESTRICTED_SUBJECT)).isEmpty();
    // restrictedByName: only the worker allocated by name.
    assertThat(run(true, Rule.RESTRICTED_SUBJECT)).extracting(f -> f.seqs().get(0))
        .containsExactly(team);
    assertThat(run(true, Rule.NOT_ALLOCATED)).isEmpty();
  }

  @Test
  void theRepeatedHourWhenTheClocksGoBackIsTwoHours() {
    // 25 October 2026: 01:00-02:00 London happens twice (BST, then GMT).
    for (int s = 0; s < 12; s++) {
      view("sw-1", null, "x-" + s, String.format("2026-10-25T00:%02d:00Z", s * 4));
      view("sw-1", null, "y-" + s, String.format("2026-10-25T01:%02d:00Z", s * 4));
    }
    NeedToKnowPolicy anyDay = new NeedToKnowPolicy(Set.of(Rule.VOLUME_SPIKE), Map.of(),
        ZoneId.of("Europe/London"), LocalTime.of(8, 0), LocalTime.of(18, 0),
        EnumSet.allOf(DayOfWeek.class), Set.of(), Set.of(), Duration.ofDays(30), 20, 100, 3.0,
        Set.of(),
        Map.of(), false, false);
    NeedToKnowAudit audit = new NeedToKnowAudit(anyDay, Instant.parse("2026-10-01T00:00:00Z"),
        Instant.parse("2026-11-01T00:00:00Z"));
    log.forEach(audit::accept);
    assertThat(audit.findings()).isEmpty(); // 12 and 12, not 24 in "one" hour
  }

  @Test
  void aStoredViewWithoutViewerOrSubjectIsCountedNotFatal() {
    add(Map.of("type", "VIEW", "occurredAt", WORKING, "actor", Map.of("role", "x")));
    add(Map.of("type", "VIEW", "occurredAt", WORKING, "actor", Map.of("id", 7L),
        "subject", Map.of("id", "c")));
    long ok = view("sw-1", null, "child-1", WORKING);
    NeedToKnowAudit audit = new NeedToKnowAudit(policy(Set.of(Rule.NOT_ALLOCATED)), FROM, TO);
    log.forEach(audit::accept);
    assertThat(audit.findings()).extracting(f -> f.seqs().get(0)).containsExactly(ok);
    assertThat(audit.unreadable()).isEqualTo(2);
  }

  @Test
  void everyBreakGlassViewIsListedWithItsReason() {
    allocate("a-1", "child-1", "worker", "sw-1", "2026-02-01T00:00:00Z", null);
    long glass = view("sw-1", null, "child-1", WORKING, true);
    view("sw-1", null, "child-1", WORKING, false);
    List<Finding> findings = run(Rule.BREAK_GLASS);
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.seqs()).containsExactly(glass);
      assertThat(f.explanation()).contains("the reason given was: police at the door");
    });
  }

  @Test
  void viewsOutsideWorkingHoursAreFoundUnlessTheViewerIsOnTheRota() {
    view("sw-1", null, "child-1", "2026-03-03T07:59:59Z"); // 07:59 GMT Tuesday
    view("sw-1", null, "child-1", "2026-03-03T08:00:00Z"); // 08:00: working
    view("sw-1", null, "child-1", "2026-03-03T17:59:59Z");
    long evening = view("sw-1", null, "child-1", "2026-03-03T18:00:00Z");
    long saturday = view("sw-1", null, "child-1", "2026-03-07T11:00:00Z");
    long holiday = view("sw-1", null, "child-1", "2026-03-09T11:00:00Z"); // a configured holiday
    view("edt-1", null, "child-1", "2026-03-07T11:00:00Z"); // on the rota
    // After the clocks go forward (29 March), 07:30 UTC is 08:30 in London: working.
    view("sw-1", null, "child-1", "2026-03-30T07:30:00Z");
    List<Finding> findings = run(Rule.OUT_OF_HOURS);
    assertThat(findings).extracting(f -> f.seqs().get(0))
        .containsExactly(0L, evening, saturday, holiday);
    assertThat(findings.get(2).explanation()).contains("on Saturday 2026-03-07 at 11:00");
    assertThat(findings.get(3).explanation()).contains("on Monday 2026-03-09 at 11:00");
  }

  @Test
  void aViewLongAfterClosureIsFoundUnlessALaterAllocationReopenedTheCase() {
    long closed = close("child-1", "2026-01-15T12:00:00Z");
    view("sw-1", null, "child-1", "2026-02-14T11:00:00Z"); // outside the period anyway
    long late = view("sw-1", null, "child-1", WORKING); // 47 days after
    close("child-2", "2026-02-20T12:00:00Z");
    view("sw-1", null, "child-2", WORKING); // 11 days after: within the grace period
    close("child-3", "2026-01-01T00:00:00Z");
    allocate("a-3", "child-3", "worker", "sw-1", "2026-02-01T00:00:00Z", null);
    view("sw-1", null, "child-3", WORKING); // reopened on 1 February
    view("sw-1", null, "child-4", WORKING); // never closed
    List<Finding> findings = run(Rule.AFTER_CLOSURE);
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.seqs()).containsExactly(late, closed);
      assertThat(f.explanation()).contains("46 days after the case closed");
    });
  }

  @Test
  void restrictedSubjectsNeedAnAllocationAndFamilyIsAlwaysFlagged() {
    allocate("a-1", "child-vip", "worker", "sw-1", "2026-02-01T00:00:00Z", null);
    view("sw-1", null, "child-vip", WORKING);
    long unallocated = view("sw-3", "north-cin", "child-vip", WORKING);
    allocate("a-2", "child-own", "worker", "sw-2", "2026-02-01T00:00:00Z", null);
    long own = view("sw-2", null, "child-own", WORKING); // allocated, but their own child
    view("sw-3", null, "child-own", WORKING); // not related to sw-3
    assertThat(run(Rule.RESTRICTED_SUBJECT)).extracting(f -> f.seqs().get(0))
        .containsExactly(unallocated);
    assertThat(run(Rule.SELF_OR_FAMILY)).singleElement().satisfies(f -> {
      assertThat(f.seqs()).containsExactly(own);
      assertThat(f.explanation())
          .contains("the staff-relationship list links sw-2 to child-own (the child)");
    });
  }

  @Test
  void aVolumeSpikeIsFarAboveBothTheViewersOwnAndTheirRolesUsualHours() {
    // Three ordinary days for sw-1 and peers: 4 subjects an hour.
    for (int day = 2; day <= 4; day++) {
      for (String who : List.of("sw-1", "sw-2", "sw-3")) {
        for (int s = 0; s < 4; s++) {
          view(who, null, "c-" + s, String.format("2026-03-%02dT10:%02d:00Z", day, s));
        }
      }
    }
    // sw-1 opens 25 different subjects between 14:00 and 15:00 on 5 March.
    long first = view("sw-1", null, "c-100", "2026-03-05T14:00:00Z");
    for (int s = 1; s < 25; s++) {
      view("sw-1", null, "c-" + (100 + s), String.format("2026-03-05T14:%02d:00Z", s));
    }
    // sw-2 opens 19: under the floor of 20, however unusual.
    for (int s = 0; s < 19; s++) {
      view("sw-2", null, "c-" + (200 + s), String.format("2026-03-05T15:%02d:00Z", s));
    }
    List<Finding> findings = run(Rule.VOLUME_SPIKE);
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.seqs()).hasSize(25).startsWith(first);
      assertThat(f.actor()).isEqualTo("sw-1");
      assertThat(f.subject()).isNull();
      assertThat(f.explanation()).contains("opened 25 different subjects' records between"
          + " 2026-03-05T14:00Z and 2026-03-05T15:00Z Europe/London")
          .contains("their own median for an active hour is 4");
    });
    // With a higher bar for "far more", the same hour is not a spike.
    NeedToKnowPolicy strict = new NeedToKnowPolicy(Set.of(Rule.VOLUME_SPIKE), Map.of(),
        ZoneId.of("Europe/London"), LocalTime.of(8, 0), LocalTime.of(18, 0),
        EnumSet.allOf(DayOfWeek.class), Set.of(), Set.of(), Duration.ofDays(30), 20, 100, 7.0,
        Set.of(),
        Map.of(), false, false);
    NeedToKnowAudit audit = new NeedToKnowAudit(strict, FROM, TO);
    log.forEach(audit::accept);
    assertThat(audit.findings()).isEmpty();
  }

  @Test
  void aDaySpikeIsAccessSpreadAcrossADayThatNoSingleHourShows() {
    // Ordinary days: 4 subjects a day for sw-1, sw-2 and sw-3.
    for (int day = 2; day <= 6; day++) {
      for (String who : List.of("sw-1", "sw-2", "sw-3")) {
        for (int s = 0; s < 4; s++) {
          view(who, null, "c-" + s, String.format("2026-03-%02dT1%d:00:00Z", day, s));
        }
      }
    }
    // sw-1 opens 36 different subjects on 9 March, 4 an hour from 08:00 to 17:00: no hour spikes.
    long first = -1;
    for (int s = 0; s < 36; s++) {
      long seq = view("sw-1", null, "d-" + s,
          String.format("2026-03-09T%02d:%02d:00Z", 8 + s / 4, (s % 4) * 10));
      first = first < 0 ? seq : first;
    }
    // sw-2 opens 40 on 10 March, 25 of them in one hour: the hour is the finding, not the day.
    long hourStart = -1;
    for (int s = 0; s < 40; s++) {
      long seq = view("sw-2", null, "e-" + s, s < 25
          ? String.format("2026-03-10T14:%02d:00Z", s * 2)
          : String.format("2026-03-10T%02d:00:00Z", 8 + (s - 25) % 6));
      hourStart = s == 0 ? seq : hourStart;
    }
    List<Finding> findings = run(Rule.VOLUME_SPIKE);
    assertThat(findings).hasSize(2);
    assertThat(findings.get(0).seqs()).hasSize(36).startsWith(first);
    assertThat(findings.get(0).explanation()).contains("opened 36 different subjects' records on"
        + " 2026-03-09 Europe/London").contains("median for an active day is 4");
    assertThat(findings.get(1).actor()).isEqualTo("sw-2");
    assertThat(findings.get(1).seqs()).hasSize(25).startsWith(hourStart);
  }

  @Test
  void onlyViewsInThePeriodAndOnlyTheRulesTurnedOnAreReported() {
    view("sw-1", null, "child-1", "2026-02-28T23:59:59Z");
    view("sw-1", null, "child-1", "2026-04-01T00:00:00Z");
    assertThat(run(Rule.values())).isEmpty();
    long inside = view("sw-1", null, "child-1", "2026-03-31T23:59:59Z");
    assertThat(run(Rule.values())).extracting(Finding::rule)
        .containsExactly(Rule.NOT_ALLOCATED, Rule.OUT_OF_HOURS);
    assertThat(run(Rule.BREAK_GLASS)).isEmpty();
    assertThat(run()).isEmpty();
    assertThat(run(Rule.values())).allSatisfy(f -> assertThat(f.seqs()).startsWith(inside));
  }

  @Test
  void aTeamHierarchyWithACycleIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new NeedToKnowPolicy(
        Set.of(), Map.of("a", "b", "b", "a"), ZoneId.of("UTC"), LocalTime.of(8, 0),
        LocalTime.of(18, 0), Set.of(), Set.of(), Set.of(), Duration.ZERO, 1, 1, 1, Set.of(),
        Map.of(), false, false))
        .hasMessageContaining("cycle");
  }
}
