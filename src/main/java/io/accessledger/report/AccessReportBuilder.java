package io.accessledger.report;

import io.accessledger.api.ProvenEntry;
import io.accessledger.entries.ExtractRelease;
import io.accessledger.entries.ExtractSubject;
import io.accessledger.entries.Header;
import io.accessledger.entries.LedgerEvent;
import io.accessledger.entries.ShareDecision;
import io.accessledger.entries.View;
import io.accessledger.events.LegalBasisVocabulary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns what the log holds about a child ({@link ReportSource}) into an {@link AccessReport}:
 * keeps the entries in the report's window, names staff under the configured {@link StaffNames}
 * policy, gives every legal basis its label from the vocabulary and every fixed code its words
 * ({@link ReportItems}), and carries the proven entries the report drew on. Never puts another
 * child's id in the report's content. Pure and thread-safe: it keeps nothing between reports.
 */
public final class AccessReportBuilder {
  /** The {@code format} of every report this builds. */
  public static final String FORMAT = "access-ledger/access-report/v1";

  /** By {@code occurredAt}, an entry with no valid time last; then by {@code seq}. */
  private static final Comparator<Proven> CHRONOLOGICAL =
      Comparator.comparing((Proven p) -> p.event().header().at(),
              Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparingLong(Proven::seq);

  private final LegalBasisVocabulary vocabulary;
  private final StaffNames staffNames;

  public AccessReportBuilder(LegalBasisVocabulary vocabulary, StaffNames staffNames) {
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    this.staffNames = Objects.requireNonNull(staffNames, "staffNames");
  }

  /**
   * The legal-basis vocabulary reports label codes from (the shipped codes and the deployment's
   * local ones), for other readers that MUST label codes the same way (the console's entries).
   */
  public LegalBasisVocabulary vocabulary() {
    return vocabulary;
  }

  /**
   * The report on {@code source}.
   *
   * @throws IllegalStateException if an extract entry points at a release {@code source} lacks
   *     (the source is built wrongly)
   */
  public AccessReport build(ReportSource source) {
    List<Proven> shown = source.history().stream()
        .filter(p -> inWindow(p, source)).sorted(CHRONOLOGICAL).toList();
    List<Proven> checks = source.checks().stream().filter(p -> inWindow(p, source)).toList();
    StaffNamer namer = new StaffNamer(staffNames);
    learnEveryone(namer, source, shown, checks);
    ReportItems items = new ReportItems(vocabulary, namer);

    List<ViewItem> views = new ArrayList<>();
    List<ShareItem> shares = new ArrayList<>();
    List<ExtractItem> extracts = new ArrayList<>();
    List<OtherItem> others = new ArrayList<>();
    Map<Long, Proven> releasesShown = new TreeMap<>();
    for (Proven item : shown) {
      LedgerEvent event = item.event();
      if (event instanceof View view) {
        views.add(items.view(view, item));
      } else if (event instanceof ShareDecision share) {
        shares.add(items.share(share, item));
      } else if (event instanceof ExtractSubject subject) {
        Proven release = release(item, subject, source);
        releasesShown.put(release.seq(), release);
        extracts.add(items.extract(item, (ExtractRelease) release.event(), release));
      } else {
        others.add(items.other(event, item));
      }
    }
    List<AuditorCheck> auditorChecks = new ArrayList<>();
    Set<Long> historySeqs = source.history().stream().map(Proven::seq).collect(Collectors.toSet());
    for (Proven check : checks) {
      String asked = AuditorChecks.asked(check.event(), source.subjectId(), historySeqs)
          .orElseThrow(() -> new IllegalStateException(
              "entry " + check.seq() + " is not a check of this record"));
      Header header = check.event().header();
      auditorChecks.add(new AuditorCheck(header.occurredAt(), namer.name(header.actor()), asked,
          check.ref()));
    }
    Header request = source.request().event().header();

    ReportSource.SignedLog log = source.log();
    List<ProvenEntry> entries = shown.stream()
        .sorted(Comparator.comparingLong(Proven::seq)).map(Proven::proof).toList();
    ReportEvidence evidence = new ReportEvidence(log.origin(), log.verifierKey(), log.treeSize(),
        log.checkpoint(), log.key(), log.completeness(), log.head(),
        shown.size() == source.history().size(), source.request().proof(), entries,
        releasesShown.values().stream().map(Proven::proof).toList(),
        checks.stream().map(Proven::proof).toList());
    return new AccessReport(FORMAT, source.subjectId(), request.occurredAt(),
        namer.name(request.actor()), source.request().ref(),
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
      LedgerEvent event = item.event() instanceof ExtractSubject subject
          ? release(item, subject, source).event() : item.event();
      namer.learn(event.header().actor());
      if (event instanceof ShareDecision share) {
        namer.learn(share.decidedBy());
        share.approvedBy().ifPresent(namer::learn);
      } else if (event instanceof ExtractRelease release) {
        release.approvedBy().ifPresent(namer::learn);
      }
    }
    for (Proven check : checks) {
      namer.learn(check.event().header().actor());
    }
    namer.learn(source.request().event().header().actor());
  }

  /** The release the child's extract entry {@code item} points at. */
  private static Proven release(Proven item, ExtractSubject subject, ReportSource source) {
    Proven release = subject.release() == null ? null : source.releases().get(subject.release());
    if (release == null || !(release.event() instanceof ExtractRelease)) {
      throw new IllegalStateException("entry " + item.seq() + " points at release "
          + subject.release() + ", which the report's source does not hold");
    }
    return release;
  }

  /** Whether {@code item} occurred in the window; one with no valid time is in none. */
  private static boolean inWindow(Proven item, ReportSource source) {
    if (source.from() == null && source.to() == null) {
      return true;
    }
    Instant at = item.event().header().at();
    return at != null
        && (source.from() == null || !at.isBefore(source.from()))
        && (source.to() == null || at.isBefore(source.to()));
  }
}
