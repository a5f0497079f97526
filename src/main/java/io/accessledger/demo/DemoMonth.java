package io.accessledger.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A month of a children's services department, as the events its records systems would post:
 * allocations of children to workers and teams, closures, staff views in working hours, a few
 * share decisions, one extract release, and a handful of planted inappropriate accesses that the
 * need-to-know audit must find (listed by {@link #planted()}). Deterministic for a seed.
 *
 * <p>Four teams (two child-in-need teams under a CIN area, a child-protection and a looked-after
 * team under their own areas, all under {@code childrens-services}), each with a manager at its
 * area and {@code workersPerTeam} social workers, and {@code childrenPerTeam} children each
 * allocated to one worker of their team and to the team. Two emergency-duty workers, on the
 * out-of-hours rota, sit at {@code childrens-services}. {@link #config} is the matching
 * {@code needToKnow:} configuration.
 */
public final class DemoMonth {
  /** The teams, each with the area above it. */
  static final String[][] TEAMS = {
    {"north-cin", "cin-area"}, {"south-cin", "cin-area"}, {"cp-east", "cp-area"},
    {"lac-team", "lac-area"}};

  /**
   * The {@code needToKnow:} settings of this department, with which the audit finds the planted
   * cases: the team hierarchy, the rota, the restricted child and the worker's own child.
   */
  public String config() {
    return "needToKnow:\n"
        + "  teams: {north-cin: cin-area, south-cin: cin-area, cp-east: cp-area,"
        + " lac-team: lac-area, cin-area: childrens-services, cp-area: childrens-services,"
        + " lac-area: childrens-services}\n"
        + "  outOfHoursRota: [edt-01, edt-02]\n"
        + "  restrictedSubjects: [" + restricted() + "]\n"
        + "  staffRelationships: {" + worker(0, 6) + ": {" + child(0, 41)
        + ": \"their own child\"}}\n";
  }

  private String restricted() {
    return child(3, childrenPerTeam - 2);
  }

  private static final DateTimeFormatter UTC = DateTimeFormatter.ISO_INSTANT;

  private final YearMonth month;
  /** The service's zone ({@code ledger.zone}): the department's working day is in it. */
  private final ZoneId zone;
  private final int workersPerTeam;
  private final int childrenPerTeam;
  private final int viewsPerWorkerDay;
  private final Random random;
  private final List<String> planted = new ArrayList<>();
  private long next;

  public DemoMonth(YearMonth month, ZoneId zone, int workersPerTeam, int childrenPerTeam,
      int viewsPerWorkerDay, long seed) {
    if (workersPerTeam < 8 || childrenPerTeam < 150 || viewsPerWorkerDay < 1) {
      throw new IllegalArgumentException("the planted cases need at least 8 workers and 150"
          + " children per team, and a view a day");
    }
    this.month = month;
    this.zone = zone;
    this.workersPerTeam = workersPerTeam;
    this.childrenPerTeam = childrenPerTeam;
    this.viewsPerWorkerDay = viewsPerWorkerDay;
    this.random = new Random(seed);
  }

  /** What was planted, one line each: the rule that must find it and what happened. */
  public List<String> planted() {
    return List.copyOf(planted);
  }

  /** Every event of the month, as JSON, in the order a records system would post them. */
  public void events(Consumer<String> out) {
    String allocatedFrom = month.minusMonths(6).atDay(1).atStartOfDay(zone).toInstant()
        .toString();
    // Allocations made six months earlier: each child to a worker and to its team.
    for (int t = 0; t < TEAMS.length; t++) {
      for (int c = 0; c < childrenPerTeam; c++) {
        String child = child(t, c);
        out.accept(allocation("alloc-w-" + child, child, "worker", worker(t, c % workersPerTeam),
            allocatedFrom, null, allocatedFrom));
        out.accept(allocation("alloc-t-" + child, child, "team", TEAMS[t][0], allocatedFrom,
            null, allocatedFrom));
      }
    }
    // Ten north-cin children's cases closed two months before the month: allocations ended.
    String closedAt = month.minusMonths(2).atDay(10).atTime(15, 0).atZone(zone).toInstant()
        .toString();
    for (int c = 140; c < 150; c++) {
      String child = child(0, c);
      out.accept(allocation("alloc-w-" + child, child, "worker", worker(0, c % workersPerTeam),
          allocatedFrom, closedAt, closedAt));
      out.accept(allocation("alloc-t-" + child, child, "team", TEAMS[0][0], allocatedFrom,
          closedAt, closedAt));
      out.accept(closure(child, closedAt));
    }
    LocalDate plantDay = month.atDay(10);
    while (plantDay.getDayOfWeek() == DayOfWeek.SATURDAY
        || plantDay.getDayOfWeek() == DayOfWeek.SUNDAY) {
      plantDay = plantDay.plusDays(1);
    }
    for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth());
        day = day.plusDays(1)) {
      if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        duty(day, out);
        continue;
      }
      for (int t = 0; t < TEAMS.length; t++) {
        for (int w = 0; w < workersPerTeam; w++) {
          for (int v = 0; v < viewsPerWorkerDay; v++) {
            // Their own caseload mostly, their team's sometimes; never the closed cases.
            int c = random.nextInt(4) == 0 ? random.nextInt(childrenPerTeam)
                : w + workersPerTeam * random.nextInt(childrenPerTeam / workersPerTeam);
            if (t == 0 && c >= 140 && c < 150) {
              c -= 20; // the closed cases are not looked at, but for the one planted view
            }
            if (t == 0 && w == 6 && c == 41) {
              c = 6; // nor does the worker open their own child's record, but for the planted one
            }
            if (t == 3 && c == childrenPerTeam - 2 && c % workersPerTeam != w) {
              c = w; // the restricted child's record is opened only by their own worker
            }
            out.accept(view(worker(t, w), TEAMS[t][0], child(t, c), at(day, 8 * 60 + 30,
                17 * 60 + 30), null));
          }
        }
      }
      if (day.equals(plantDay)) {
        plant(day, out);
      }
      if (day.getDayOfWeek() == DayOfWeek.WEDNESDAY || day.equals(plantDay)) {
        out.accept(share(day, !day.equals(plantDay)));
      }
    }
    out.accept(extract(month.atDay(20).atTime(16, 0).atZone(zone).toInstant()));
    if (month.isAfter(YearMonth.of(2025, 12))) {
      planted.add("register: the extract release of " + month.atDay(20) + " is after its"
          + " agreement WWCSC-FAMILY-VALUED ended (2025-12-31)");
    }
  }

  /** Weekend emergency duty: the rota's workers, service-wide, at any hour. */
  private void duty(LocalDate day, Consumer<String> out) {
    for (int i = 0; i < 6; i++) {
      String edt = "edt-0" + (1 + i % 2);
      out.accept(view(edt, "childrens-services", child(random.nextInt(TEAMS.length),
          random.nextInt(130)), at(day, 0, 24 * 60 - 1), null));
    }
  }

  private void plant(LocalDate day, Consumer<String> out) {
    String stranger = worker(1, 3);
    String northChild = child(0, 7);
    out.accept(view(stranger, TEAMS[1][0], northChild, time(day, 11, 5), null));
    planted.add("NOT_ALLOCATED: " + stranger + " (south-cin) viewed " + northChild
        + ", a north-cin child, on " + day);

    String glass = worker(0, 2);
    String cpChild = child(2, 11);
    out.accept(view(glass, TEAMS[0][0], cpChild, time(day, 12, 40),
        "police at the front desk asking about the child"));
    planted.add("BREAK_GLASS (and NOT_ALLOCATED): " + glass + " broke glass to view " + cpChild
        + " on " + day);

    String night = worker(2, 4);
    out.accept(view(night, TEAMS[2][0], child(2, 4), time(day, 23, 40), null));
    planted.add("OUT_OF_HOURS: " + night + " viewed their own case " + child(2, 4) + " at 23:40 on "
        + day);

    String closedChild = child(0, 145);
    out.accept(view(worker(0, 5), TEAMS[0][0], closedChild, time(day, 10, 15), null));
    planted.add("AFTER_CLOSURE (and NOT_ALLOCATED): " + worker(0, 5) + " viewed " + closedChild
        + ", closed two months earlier, on " + day);

    planted.add("register: the share decision of " + day + " has no approvedBy");

    String spiker = worker(3, 6);
    int seen = Math.min(35, childrenPerTeam);
    for (int c = 0; c < seen; c++) {
      out.accept(view(spiker, TEAMS[3][0], child(3, c), time(day, 14, c * 59 / seen), null));
    }
    planted.add("VOLUME_SPIKE: " + spiker + " opened " + seen + " children's records between"
        + " 14:00 and 15:00 on " + day);

    String vip = restricted();
    out.accept(view(worker(0, 1), TEAMS[0][0], vip, time(day, 15, 30), null));
    planted.add("RESTRICTED_SUBJECT (and NOT_ALLOCATED): " + worker(0, 1) + " viewed " + vip
        + ", a restricted child, on " + day);

    String parent = worker(0, 6); // sw-north-cin-07
    out.accept(view(parent, TEAMS[0][0], child(0, 41), time(day, 16, 0), null));
    planted.add("SELF_OR_FAMILY: " + parent + " viewed " + child(0, 41)
        + ", recorded as their own child, on " + day);
  }

  private String view(String actor, String team, String child, Instant at, String breakGlass) {
    long id = next++;
    return "{\"eventId\":\"demo-view-" + id + "\",\"type\":\"VIEW\",\"occurredAt\":\""
        + UTC.format(at) + "\",\"actor\":{\"id\":\"" + actor + "\",\"role\":\""
        + (actor.startsWith("edt") ? "duty-social-worker" : "social-worker") + "\",\"team\":\""
        + team + "\"},\"subject\":{\"id\":\"" + child + "\"},\"record\":{\"type\":\"case-note\","
        + "\"id\":\"cn-" + id + "\"},\"purpose\":\"Casework for the child's plan\","
        + "\"legalBasis\":[\"UKGDPR-6-1-e\",\"UKGDPR-9-2-h\",\"DPA2018-S1-P2\",\"CA1989-S17\"]"
        + (breakGlass == null ? "" : ",\"breakGlass\":true,\"reason\":\"" + breakGlass + "\"")
        + "}";
  }

  private static String allocation(String id, String child, String kind, String who,
      String from, String to, String at) {
    return "{\"eventId\":\"demo-" + id + (to == null ? "" : "-end") + "\",\"type\":\"ALLOCATION\","
        + "\"occurredAt\":\"" + at + "\",\"actor\":{\"id\":\"case-admin\",\"role\":\"business-support\"},"
        + "\"purpose\":\"Case allocation\",\"legalBasis\":[\"UKGDPR-6-1-e\"],"
        + "\"subject\":{\"id\":\"" + child + "\"},\"allocationId\":\"" + id + "\","
        + "\"assignee\":{\"" + kind + "\":\"" + who + "\"},\"from\":\"" + from + "\""
        + (to == null ? "" : ",\"to\":\"" + to + "\"") + "}";
  }

  private static String closure(String child, String at) {
    return "{\"eventId\":\"demo-close-" + child + "\",\"type\":\"CASE_CLOSURE\",\"occurredAt\":\""
        + at + "\",\"actor\":{\"id\":\"tm-cin\",\"role\":\"team-manager\"},\"purpose\":"
        + "\"Case closure\",\"legalBasis\":[\"UKGDPR-6-1-e\"],\"subject\":{\"id\":\"" + child
        + "\"},\"reason\":\"No further action\"}";
  }

  private String share(LocalDate day, boolean approved) {
    long id = next++;
    String child = child(2, random.nextInt(childrenPerTeam));
    return "{\"eventId\":\"demo-share-" + id + "\",\"type\":\"SHARE_DECISION\",\"occurredAt\":\""
        + UTC.format(time(day, 16, 40)) + "\",\"actor\":{\"id\":\"tm-cp\",\"role\":\"team-manager\","
        + "\"team\":\"cp-area\"},\"purpose\":\"Strategy discussion under s47\",\"legalBasis\":"
        + "[\"UKGDPR-6-1-e\",\"UKGDPR-9-2-g\",\"DPA2018-S1-P18\",\"CA1989-S47\"],\"subjects\":"
        + "[{\"id\":\"" + child + "\"}],\"decision\":\"SHARE\",\"grounds\":\"SERIOUS_HARM_RISK\","
        + "\"consent\":\"NOT_SOUGHT\",\"consentReason\":\"Seeking consent would increase the risk"
        + " of harm\",\"recipient\":{\"organisation\":\"Northshire Police\"},\"dataShared\":"
        + "[\"chronology\"],\"decidedBy\":{\"id\":\"tm-cp\"},\"rationale\":\"Reasonable cause to"
        + " suspect significant harm\"" + (approved ? ",\"approvedBy\":{\"id\":\"hos-01\"}" : "")
        + "}";
  }

  private String extract(Instant at) {
    StringBuilder subjects = new StringBuilder();
    for (int c = 0; c < 300; c++) {
      subjects.append(c == 0 ? "" : ",").append("{\"id\":\"").append(child(c % TEAMS.length,
          c / TEAMS.length)).append("\"}");
    }
    return "{\"eventId\":\"demo-extract-" + month + "\",\"type\":\"EXTRACT_RELEASE\","
        + "\"occurredAt\":\"" + UTC.format(at) + "\",\"actor\":{\"id\":\"ig-01\",\"role\":"
        + "\"information-governance\"},\"purpose\":\"Evaluation of Family Valued\",\"legalBasis\":"
        + "[\"UKGDPR-6-1-e\",\"UKGDPR-9-2-j\",\"DPA2018-S1-P4\"],\"recipient\":{\"organisation\":"
        + "\"What Works for Children's Social Care\"},\"agreement\":\"WWCSC-FAMILY-VALUED\",\"dataset\":{\"name\":"
        + "\"cin-census-extract\",\"sha256\":\"" + "5e".repeat(32) + "\",\"rowCount\":300,"
        + "\"pseudonymised\":true,\"categories\":[\"referrals\",\"assessments\",\"cin-plans\"],"
        + "\"periodFrom\":\"2020-01-01\",\"periodTo\":\"2025-12-31\"},\"subjects\":[" + subjects
        + "]}";
  }

  private Instant at(LocalDate day, int fromMinute, int toMinute) {
    int minute = fromMinute + random.nextInt(toMinute - fromMinute);
    return LocalDateTime.of(day, LocalTime.of(minute / 60, minute % 60, random.nextInt(60)))
        .atZone(zone).toInstant();
  }

  private Instant time(LocalDate day, int hour, int minute) {
    return LocalDateTime.of(day, LocalTime.of(hour, minute)).atZone(zone).toInstant();
  }

  private String worker(int team, int index) {
    return String.format("sw-%s-%02d", TEAMS[team][0], index + 1);
  }

  private String child(int team, int index) {
    return String.format("child-%04d", team * childrenPerTeam + index + 1);
  }
}
