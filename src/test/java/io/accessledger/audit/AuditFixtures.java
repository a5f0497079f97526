package io.accessledger.audit;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Crafted inputs for the rules tested alone: the test department's policy, views, allocations
 * and closures as the audit reads them, without a log.
 */
final class AuditFixtures {
  /** A Tuesday, 10:00 in London (GMT in March before the clocks change). */
  static final String WORKING = "2026-03-03T10:00:00Z";

  private AuditFixtures() {}

  /** The contract's reading: allocations by their stated times, any allocation for restricted. */
  static NeedToKnowPolicy policy() {
    return policy(false, false);
  }

  /**
   * The test department: north-cin under north-area under childrens-services, south-cin under
   * south-area; 08:00-18:00 London, Monday to Friday, 9 March a holiday, edt-1 on the rota; 30
   * days after closure; spikes of 20 an hour, 30 a day, 3x; child-vip restricted; sw-2's own
   * child is child-own.
   */
  static NeedToKnowPolicy policy(boolean allocationsRecordedFirst, boolean restrictedByName) {
    return spikePolicy(20, 30, 3.0, allocationsRecordedFirst, restrictedByName);
  }

  /** The test department with these spike settings. */
  static NeedToKnowPolicy spikePolicy(int minSubjects, int minSubjectsPerDay, double factor) {
    return spikePolicy(minSubjects, minSubjectsPerDay, factor, false, false);
  }

  private static NeedToKnowPolicy spikePolicy(int minSubjects, int minSubjectsPerDay,
      double factor, boolean allocationsRecordedFirst, boolean restrictedByName) {
    return new NeedToKnowPolicy(EnumSet.allOf(Rule.class),
        Map.of("north-cin", "north-area", "north-area", "childrens-services",
            "south-cin", "south-area"),
        ZoneId.of("Europe/London"), LocalTime.of(8, 0), LocalTime.of(18, 0),
        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(LocalDate.of(2026, 3, 9)),
        Set.of("edt-1"), Duration.ofDays(30), minSubjects, minSubjectsPerDay, factor,
        Set.of("child-vip"), Map.of("sw-2", Map.of("child-own", "the child")),
        allocationsRecordedFirst, restrictedByName);
  }

  /** Entry {@code seq}: a social worker's view of a case note, not break-glass. */
  static ViewEntry view(long seq, String actor, String team, String subject, String at) {
    return new ViewEntry(seq, actor, "social-worker", team, subject, "case-note/n-" + seq,
        Instant.parse(at), false, null);
  }

  /** Entry {@code seq}: a break-glass view giving {@code reason} (null: none). */
  static ViewEntry breakGlass(long seq, String actor, String subject, String at, String reason) {
    return new ViewEntry(seq, actor, "social-worker", null, subject, "case-note/n-" + seq,
        Instant.parse(at), true, reason);
  }

  /** An allocation of {@code worker} stated by the entries {@code seqs}; {@code to} null: open. */
  static Allocation worker(String subject, String worker, String from, String to, Long... seqs) {
    return new Allocation("a-" + seqs[0], subject, worker, null, Instant.parse(from),
        to == null ? null : Instant.parse(to), List.of(seqs));
  }

  /** An allocation of {@code team} stated by the entries {@code seqs}; {@code to} null: open. */
  static Allocation team(String subject, String team, String from, String to, Long... seqs) {
    return new Allocation("a-" + seqs[0], subject, null, team, Instant.parse(from),
        to == null ? null : Instant.parse(to), List.of(seqs));
  }

  /** The closure entry {@code seq}, at {@code at}. */
  static Closure closure(long seq, String at) {
    return new Closure(Instant.parse(at).toEpochMilli(), seq);
  }

  /** What {@code allocations} of the view's subject say about it, with no closures. */
  static CaseFacts facts(ViewEntry view, NeedToKnowPolicy policy, Allocation... allocations) {
    return new CaseFacts(view, List.of(allocations), List.of(), policy);
  }
}
