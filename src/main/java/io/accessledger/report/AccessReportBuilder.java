package io.accessledger.report;

import io.accessledger.api.ProvenEntry;
import io.accessledger.events.LegalBasis;
import io.accessledger.events.LegalBasisVocabulary;
import io.accessledger.ledger.leaf.LedgerEntry;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns what the log holds about a child ({@link ReportSource}) into an {@link AccessReport}:
 * keeps the entries in the report's window, names staff under the configured {@link StaffNames}
 * policy, gives every legal basis its label from the vocabulary and every fixed code its words,
 * and carries the proven entries the report drew on. Never puts another child's id in the
 * report's content. Pure and thread-safe: it keeps nothing between reports.
 */
public final class AccessReportBuilder {
  /** The {@code format} of every report this builds. */
  public static final String FORMAT = "access-ledger/access-report/v1";

  private static final Comparator<Proven> CHRONOLOGICAL =
      Comparator.comparing((Proven p) -> occurredAt(p.entry()),
              Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparingLong(Proven::seq);

  private final LegalBasisVocabulary vocabulary;
  private final StaffNames staffNames;

  public AccessReportBuilder(LegalBasisVocabulary vocabulary, StaffNames staffNames) {
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    this.staffNames = Objects.requireNonNull(staffNames, "staffNames");
  }

  /**
   * The report on {@code source}.
   *
   * @throws IllegalStateException if an extract entry points at a release {@code source} lacks
   *     (the source is built wrongly)
   */
  public AccessReport build(ReportSource source) {
    List<Proven> shown = source.history().stream()
        .filter(p -> inWindow(p.entry(), source)).sorted(CHRONOLOGICAL).toList();
    List<Proven> checks = source.checks().stream()
        .filter(p -> inWindow(p.entry(), source)).toList();
    StaffNamer namer = new StaffNamer(staffNames);
    learnEveryone(namer, source, shown, checks);

    List<ViewItem> views = new ArrayList<>();
    List<ShareItem> shares = new ArrayList<>();
    List<ExtractItem> extracts = new ArrayList<>();
    List<OtherItem> others = new ArrayList<>();
    Map<Long, Proven> releasesShown = new TreeMap<>();
    for (Proven item : shown) {
      Map<String, Object> event = item.entry().event();
      switch (String.valueOf(event.get("type"))) {
        case "VIEW" -> views.add(view(item, namer));
        case "SHARE_DECISION" -> shares.add(share(item, namer));
        case "EXTRACT_SUBJECT" -> {
          Proven release = release(item, source);
          releasesShown.put(release.seq(), release);
          extracts.add(extract(item, release, namer));
        }
        default -> others.add(new OtherItem(text(event.get("occurredAt")),
            Wording.entryType(event.get("type")), namer.name(event.get("actor")),
            text(event.get("purpose")), grounds(event.get("legalBasis")), item.ref()));
      }
    }
    List<AuditorCheck> auditorChecks = new ArrayList<>();
    Set<Long> historySeqs = source.history().stream().map(Proven::seq).collect(Collectors.toSet());
    for (Proven check : checks) {
      Map<String, Object> event = check.entry().event();
      String asked = AuditorChecks.asked(check.entry(), source.subjectId(), historySeqs)
          .orElseThrow(() -> new IllegalStateException(
              "entry " + check.seq() + " is not a check of this record"));
      auditorChecks.add(new AuditorCheck(text(event.get("occurredAt")),
          namer.name(event.get("actor")), asked, check.ref()));
    }
    Map<String, Object> request = source.request().entry().event();
    Staff requestedBy = namer.name(request.get("actor"));

    ReportSource.SignedLog log = source.log();
    List<ProvenEntry> entries = shown.stream()
        .sorted(Comparator.comparingLong(Proven::seq)).map(Proven::proof).toList();
    ReportEvidence evidence = new ReportEvidence(log.origin(), log.verifierKey(), log.treeSize(),
        log.checkpoint(), log.key(), log.completeness(), log.head(),
        shown.size() == source.history().size(), source.request().proof(), entries,
        releasesShown.values().stream().map(Proven::proof).toList(),
        checks.stream().map(Proven::proof).toList());
    return new AccessReport(FORMAT, source.subjectId(), text(request.get("occurredAt")),
        requestedBy, source.request().ref(),
        source.from() == null ? null : source.from().toString(),
        source.to() == null ? null : source.to().toString(),
        staffNames, views, shares, extracts, others, auditorChecks, evidence);
  }

  /**
   * Tells the namer every role the report's people are given, in the order the report will name
   * them, so that a pseudonym's role is the same whichever entry names the person first.
   */
  private static void learnEveryone(
      StaffNamer namer, ReportSource source, List<Proven> shown, List<Proven> checks) {
    for (Proven item : shown) {
      Map<String, Object> event = item.entry().event();
      if ("EXTRACT_SUBJECT".equals(event.get("type"))) {
        event = release(item, source).entry().event();
      }
      for (String field : List.of("actor", "decidedBy", "approvedBy")) {
        namer.learn(event.get(field));
      }
    }
    for (Proven check : checks) {
      namer.learn(check.entry().event().get("actor"));
    }
    namer.learn(source.request().entry().event().get("actor"));
  }

  private ViewItem view(Proven item, StaffNamer namer) {
    Map<String, Object> event = item.entry().event();
    Map<?, ?> record = event.get("record") instanceof Map<?, ?> r ? r : Map.of();
    return new ViewItem(text(event.get("occurredAt")), namer.name(event.get("actor")),
        text(record.get("type")), text(record.get("id")), text(event.get("purpose")),
        Boolean.TRUE.equals(event.get("breakGlass")), text(event.get("reason")),
        grounds(event.get("legalBasis")), item.ref());
  }

  private ShareItem share(Proven item, StaffNamer namer) {
    Map<String, Object> event = item.entry().event();
    CourtOrder order = event.get("courtOrder") instanceof Map<?, ?> o
        ? new CourtOrder(text(o.get("court")), text(o.get("reference")), text(o.get("date")))
        : null;
    return new ShareItem(text(event.get("occurredAt")), Wording.decision(event.get("decision")),
        recipient(event), Wording.grounds(event.get("grounds")),
        Wording.consent(event.get("consent")), text(event.get("consentReason")),
        texts(event.get("dataShared")), text(event.get("purpose")),
        text(event.get("rationale")), namer.name(event.get("actor")),
        namer.name(person(event, "decidedBy")), namer.name(person(event, "approvedBy")),
        event.get("subjectInformed") instanceof Boolean informed ? informed : null,
        text(event.get("notInformedReason")), order, grounds(event.get("legalBasis")),
        item.ref());
  }

  private ExtractItem extract(Proven item, Proven release, StaffNamer namer) {
    Map<String, Object> event = release.entry().event();
    Map<?, ?> dataset = event.get("dataset") instanceof Map<?, ?> d ? d : Map.of();
    return new ExtractItem(text(event.get("occurredAt")), recipient(event),
        text(event.get("agreement")), text(dataset.get("name")), texts(dataset.get("categories")),
        Boolean.TRUE.equals(dataset.get("pseudonymised")), text(dataset.get("periodFrom")),
        text(dataset.get("periodTo")), text(event.get("purpose")),
        namer.name(event.get("actor")), namer.name(person(event, "approvedBy")),
        grounds(event.get("legalBasis")), item.ref(), release.ref());
  }

  private static Proven release(Proven item, ReportSource source) {
    Object seq = item.entry().event().get("release");
    Proven release = seq instanceof Long s ? source.releases().get(s) : null;
    if (release == null) {
      throw new IllegalStateException("entry " + item.seq() + " points at release " + seq
          + ", which the report's source does not hold");
    }
    return release;
  }

  /**
   * The person under {@code field}; when it is the event's actor and gives no role or team of its
   * own (a {@code decidedBy} holding only an id), the actor's role and team: the same person.
   */
  private static Object person(Map<String, Object> event, String field) {
    if (event.get(field) instanceof Map<?, ?> person
        && event.get("actor") instanceof Map<?, ?> actor
        && person.get("id") != null && person.get("id").equals(actor.get("id"))) {
      Map<Object, Object> merged = new HashMap<>(actor);
      merged.putAll(person);
      return merged;
    }
    return event.get(field);
  }

  private List<Ground> grounds(Object codes) {
    if (!(codes instanceof List<?> list)) {
      return List.of();
    }
    List<Ground> grounds = new ArrayList<>(list.size());
    for (Object code : list) {
      String text = String.valueOf(code);
      LegalBasis basis = vocabulary.find(text).orElse(null);
      grounds.add(basis == null ? new Ground(text, null, null)
          : new Ground(text, basis.label(), basis.uri()));
    }
    return grounds;
  }

  private static Recipient recipient(Map<String, Object> event) {
    return event.get("recipient") instanceof Map<?, ?> r
        ? new Recipient(text(r.get("organisation")), text(r.get("role"))) : null;
  }

  private static boolean inWindow(LedgerEntry entry, ReportSource source) {
    if (source.from() == null && source.to() == null) {
      return true;
    }
    Instant at = occurredAt(entry);
    return at != null
        && (source.from() == null || !at.isBefore(source.from()))
        && (source.to() == null || at.isBefore(source.to()));
  }

  /** The event's {@code occurredAt}; null when missing or not a time (no window holds it). */
  private static Instant occurredAt(LedgerEntry entry) {
    if (entry.event().get("occurredAt") instanceof String text) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }

  private static String text(Object value) {
    return value instanceof String s ? s : null;
  }

  private static List<String> texts(Object value) {
    return value instanceof List<?> list
        ? list.stream().filter(String.class::isInstance).map(String.class::cast).toList()
        : List.of();
  }
}
