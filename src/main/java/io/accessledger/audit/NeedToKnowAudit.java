package io.accessledger.audit;

import io.accessledger.ledger.LedgerEntry;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The need-to-know audit over one period (contract section 5), as a pure computation: feed it
 * every entry of the log in {@code seq} order with {@link #accept}, then ask for {@link
 * #findings}. Allocations and closures are taken from the whole log, whenever they were posted
 * (an allocation recorded late still explains a view it covers); views are those whose
 * {@code occurredAt} lies in {@code [from, to)}.
 *
 * <p>Memory: the allocations and closures of the whole log, and about 150 bytes per view in the
 * period with its hour and day windows (about 150 MB for a million views). Not thread-safe.
 */
public final class NeedToKnowAudit {
  private final NeedToKnowPolicy policy;
  private final Instant from;
  private final Instant to;
  private final Map<String, Allocation> allocations = new LinkedHashMap<>();
  private final Map<String, List<long[]>> closures = new HashMap<>();
  private final List<ViewEntry> views = new ArrayList<>();
  private int unreadable;
  /** One instance per distinct id, so a million views hold a few thousand strings. */
  private final Map<String, String> names = new HashMap<>();

  public NeedToKnowAudit(NeedToKnowPolicy policy, Instant from, Instant to) {
    this.policy = Objects.requireNonNull(policy, "policy");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("the period must end after it starts: " + from + " to "
          + to);
    }
    this.from = from;
    this.to = to;
  }

  /** Takes the next entry of the log; entries of other types are ignored. */
  public void accept(LedgerEntry entry) {
    Map<String, Object> event = entry.event();
    Object type = event.get("type");
    if ("VIEW".equals(type)) {
      view(entry.seq(), event);
    } else if ("ALLOCATION".equals(type)) {
      allocation(entry.seq(), entry.source(), event);
    } else if ("CASE_CLOSURE".equals(type)) {
      String subject = id(event.get("subject"));
      Instant at = instant(event.get("occurredAt"));
      if (subject != null && at != null) {
        closures.computeIfAbsent(subject, s -> new ArrayList<>())
            .add(new long[] {at.toEpochMilli(), entry.seq()});
      }
    }
  }

  private void view(long seq, Map<String, Object> event) {
    Instant at = instant(event.get("occurredAt"));
    if (at == null || at.isBefore(from) || !at.isBefore(to)) {
      return;
    }
    Map<?, ?> actor = event.get("actor") instanceof Map<?, ?> m ? m : Map.of();
    Map<?, ?> record = event.get("record") instanceof Map<?, ?> m ? m : Map.of();
    String viewer = name(actor.get("id"));
    String subject = name(id(event.get("subject")));
    if (viewer == null || subject == null) {
      unreadable++; // ingest refuses these; a stored one is reported, not a reason to fail
      return;
    }
    views.add(new ViewEntry(seq, viewer, name(actor.get("role")),
        name(actor.get("team")), subject,
        record.get("type") + "/" + record.get("id"), at,
        Boolean.TRUE.equals(event.get("breakGlass")),
        event.get("reason") instanceof String reason ? reason : null));
  }

  private void allocation(long seq, String source, Map<String, Object> event) {
    String allocationId = event.get("allocationId") instanceof String s ? s : null;
    String subject = id(event.get("subject"));
    Instant start = instant(event.get("from"));
    if (allocationId == null || subject == null || start == null
        || !(event.get("assignee") instanceof Map<?, ?> assignee)) {
      return; // not a valid allocation; ingest refuses these
    }
    // One records system's allocation id on one subject: another system, or another subject,
    // cannot touch it.
    String key = source + "\u0000" + subject + "\u0000" + allocationId;
    Instant end = instant(event.get("to"));
    Allocation earlier = allocations.get(key);
    if (earlier == null) {
      allocations.put(key, new Allocation(allocationId, name(subject),
          name(assignee.get("worker")), name(assignee.get("team")), start, end, List.of(seq)));
      return;
    }
    // A later entry may only end the allocation, or end it earlier (contract section 5): it
    // cannot change who was allocated, move the start, or extend it, so nobody can rewrite an
    // allocation after the fact to explain a view.
    List<Long> seqs = new ArrayList<>(earlier.seqs());
    seqs.add(seq);
    Instant to = earlier.to();
    if (end != null && (to == null || end.isBefore(to))) {
      to = end.isBefore(earlier.from()) ? earlier.from() : end;
    }
    allocations.put(key, new Allocation(earlier.allocationId(), earlier.subject(),
        earlier.worker(), earlier.team(), earlier.from(), to, seqs));
  }

  /** Stored views this audit could not read (no viewer or no subject); ingest refuses them. */
  public int unreadable() {
    return unreadable;
  }

  /** The findings, ordered by their first supporting entry, then by rule. */
  public List<Finding> findings() {
    Map<String, List<Allocation>> bySubject = new HashMap<>();
    for (Allocation allocation : allocations.values()) {
      bySubject.computeIfAbsent(allocation.subject(), s -> new ArrayList<>()).add(allocation);
    }
    List<Finding> findings = new ArrayList<>();
    for (ViewEntry view : views) {
      List<Allocation> active = new ArrayList<>();
      for (Allocation allocation : bySubject.getOrDefault(view.subject(), List.of())) {
        if (allocation.activeAt(view.at())) {
          active.add(allocation);
        }
      }
      // With allocationsRecordedFirst, an allocation explains a view only if it was on the record
      // before the view was: one recorded afterwards, even backdated, could be made up to cover it.
      Predicate<Allocation> onRecord =
          a -> !policy.allocationsRecordedFirst() || a.seqs().get(0) < view.seq();
      boolean explained = active.stream().anyMatch(a -> onRecord.test(a) && explains(a, view));
      if (!explained) {
        boolean late = active.stream().anyMatch(a -> explains(a, view));
        add(findings, Rule.NOT_ALLOCATED, view, who(view) + " viewed " + view.record() + " about "
            + view.subject() + " at " + view.at() + ", when " + (late
                ? "the only allocations that explain it were recorded after the view (entries "
                    + active.stream().filter(a -> explains(a, view))
                        .map(a -> String.valueOf(a.seqs().get(0))).toList() + ")"
                : allocated(view, active)), active);
      }
      if (view.breakGlass()) {
        add(findings, Rule.BREAK_GLASS, view, who(view) + " used break-glass access to view "
            + view.record() + " about " + view.subject() + " at " + view.at()
            + "; the reason given was: " + (view.reason() == null ? "(none)" : view.reason()),
            List.of());
      }
      outOfHours(findings, view);
      afterClosure(findings, view, bySubject.getOrDefault(view.subject(), List.of()));
      // With restrictedByName, a restricted subject's record is for the worker allocated by
      // name only, not their team; otherwise for anyone an allocation explains (the contract).
      boolean allowed = policy.restrictedByName()
          ? active.stream().anyMatch(a -> onRecord.test(a) && view.actor().equals(a.worker()))
          : explained;
      if (policy.restrictedSubjects().contains(view.subject()) && !allowed) {
        add(findings, Rule.RESTRICTED_SUBJECT, view, who(view) + " viewed " + view.record()
            + " about " + view.subject() + ", a restricted subject, at " + view.at()
            + " without being allocated to the case"
            + (policy.restrictedByName() ? " by name" : ""), active);
      }
      Map<String, String> family = policy.relationships().getOrDefault(view.actor(), Map.of());
      if (family.containsKey(view.subject())) {
        add(findings, Rule.SELF_OR_FAMILY, view, who(view) + " viewed " + view.record()
            + " about " + view.subject() + " at " + view.at() + "; the staff-relationship list"
            + " links " + view.actor() + " to " + view.subject() + " ("
            + family.get(view.subject()) + ")", List.of());
      }
    }
    if (policy.rules().contains(Rule.VOLUME_SPIKE)) {
      findings.addAll(new VolumeSpikes(policy).find(views));
    }
    findings.sort(Comparator.comparing((Finding f) -> f.seqs().get(0))
        .thenComparing(Finding::rule));
    return findings;
  }

  private boolean explains(Allocation allocation, ViewEntry view) {
    if (allocation.worker() != null) {
      return allocation.worker().equals(view.actor());
    }
    return view.team() != null && policy.teamCovers(view.team(), allocation.team());
  }

  private void outOfHours(List<Finding> findings, ViewEntry view) {
    if (!policy.rules().contains(Rule.OUT_OF_HOURS) || policy.rota().contains(view.actor())) {
      return;
    }
    LocalDateTime local = LocalDateTime.ofInstant(view.at(), policy.zone());
    boolean working = policy.workingDays().contains(local.getDayOfWeek())
        && !policy.holidays().contains(local.toLocalDate())
        && !local.toLocalTime().isBefore(policy.dayStart())
        && local.toLocalTime().isBefore(policy.dayEnd());
    if (!working) {
      add(findings, Rule.OUT_OF_HOURS, view, who(view) + " viewed " + view.record() + " about "
          + view.subject() + " on " + local.getDayOfWeek().toString().charAt(0)
          + local.getDayOfWeek().toString().substring(1).toLowerCase(java.util.Locale.ROOT) + " "
          + local.toLocalDate() + " at " + local.toLocalTime() + " " + policy.zone().getId()
          + (policy.holidays().contains(local.toLocalDate()) ? ", a holiday," : "")
          + ", outside working hours (" + policy.dayStart() + "-" + policy.dayEnd() + ", "
          + policy.workingDays().size() + " days a week), and is not on the out-of-hours rota",
          List.of());
    }
  }

  private void afterClosure(List<Finding> findings, ViewEntry view, List<Allocation> ofSubject) {
    if (!policy.rules().contains(Rule.AFTER_CLOSURE)) {
      return;
    }
    long[] closure = null;
    for (long[] c : closures.getOrDefault(view.subject(), List.of())) {
      if (c[0] <= view.at().toEpochMilli() && (closure == null || c[0] >= closure[0])) {
        closure = c;
      }
    }
    if (closure == null) {
      return;
    }
    Instant closedAt = Instant.ofEpochMilli(closure[0]);
    for (Allocation allocation : ofSubject) {
      if (allocation.from().isAfter(closedAt) && !allocation.from().isAfter(view.at())) {
        return; // reopened by a later allocation
      }
    }
    if (view.at().isAfter(closedAt.plus(policy.afterClosure()))) {
      long days = ChronoUnit.DAYS.between(closedAt, view.at());
      Finding finding = new Finding(Rule.AFTER_CLOSURE + "-" + view.seq(), Rule.AFTER_CLOSURE,
          who(view) + " viewed " + view.record() + " about " + view.subject() + " at "
              + view.at() + ", " + days + " days after the case closed (" + closedAt
              + ") and it was not reopened", view.actor(), view.subject(),
          List.of(view.seq(), closure[1]));
      findings.add(finding);
    }
  }

  private void add(List<Finding> findings, Rule rule, ViewEntry view, String explanation,
      List<Allocation> context) {
    if (!policy.rules().contains(rule)) {
      return;
    }
    List<Long> seqs = new ArrayList<>();
    seqs.add(view.seq());
    Set<Long> seen = new HashSet<>(seqs);
    for (Allocation allocation : context) {
      for (long seq : allocation.seqs()) {
        if (seen.add(seq)) {
          seqs.add(seq);
        }
      }
    }
    findings.add(new Finding(rule + "-" + view.seq(), rule, explanation, view.actor(),
        view.subject(), seqs));
  }

  private String allocated(ViewEntry view, List<Allocation> active) {
    if (active.isEmpty()) {
      return "no one was allocated to " + view.subject() + "'s case";
    }
    List<String> parts = active.stream().map(Allocation::describe).toList();
    return view.subject() + "'s case was allocated to " + String.join(" and ", parts)
        + (view.team() == null ? ", and the view names no team"
            : ", and team " + view.team() + " is none of those teams or above them");
  }

  static String who(ViewEntry view) {
    List<String> about = new ArrayList<>();
    if (view.role() != null) {
      about.add(view.role());
    }
    if (view.team() != null) {
      about.add("team " + view.team());
    }
    return view.actor() + (about.isEmpty() ? "" : " (" + String.join(", ", about) + ")");
  }

  private String name(Object value) {
    return value instanceof String s ? names.computeIfAbsent(s, k -> k) : null;
  }

  private static String id(Object value) {
    return value instanceof Map<?, ?> map && map.get("id") instanceof String id ? id : null;
  }

  private static Instant instant(Object value) {
    if (!(value instanceof String text)) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
