package io.accessledger.query;

import io.accessledger.api.ApiException;
import io.accessledger.api.AuditFinding;
import io.accessledger.api.NeedToKnowAnswer;
import io.accessledger.api.ProvenEntry;
import io.accessledger.audit.Finding;
import io.accessledger.audit.NeedToKnowAudit;
import io.accessledger.audit.NeedToKnowPolicy;
import io.accessledger.audit.Rule;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoredCheckpoint;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;

/**
 * Runs need-to-know audits against the log: one pass over every entry of the latest signed tree
 * ({@link LedgerScan}, decoding only views, allocations and closures), the rules of {@link
 * NeedToKnowAudit}, then every supporting entry proven in that tree.
 */
public final class NeedToKnowAudits {
  /** The path an audit's {@code AUDIT_QUERY} entry records. */
  public static final String PATH = "/v1/audits/need-to-know";

  private static final Set<String> TYPES = Set.of("VIEW", "ALLOCATION", "CASE_CLOSURE");

  /** A checked request: the period, as given and as instants. */
  public record Period(String from, String to, Instant start, Instant end) {}

  /**
   * Told how far a run has got: {@code read} of the {@code of} entries of the tree it reads. Called
   * on the running thread after each chunk of the scan; it MUST return quickly and MUST NOT throw.
   */
  @FunctionalInterface
  public interface Progress {
    /** Wants to hear nothing. */
    Progress NONE = (read, of) -> { };

    void entriesRead(long read, long of);
  }

  private final LedgerStore store;
  private final LedgerQueries queries;
  private final NeedToKnowPolicy policy;
  /**
   * The findings of this node's latest runs, by their audit entry, for reviews (bounded). A run
   * recorded by another node (or before a restart) is not here: its findings are found again from
   * its record ({@link #findingsOf}), and the console shows its open findings as unknown.
   */
  private final Map<Long, Map<String, Finding>> recent = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Map<String, Finding>> eldest) {
      return size() > RECENT_RUNS;
    }
  };
  private static final int RECENT_RUNS = 32;

  public NeedToKnowAudits(LedgerStore store, LedgerQueries queries, NeedToKnowPolicy policy) {
    this.store = store;
    this.queries = queries;
    this.policy = policy;
  }

  /** What the audit checks against: its rules, working hours and facts (the console shows them). */
  public NeedToKnowPolicy policy() {
    return policy;
  }

  /**
   * Reads {@code {"from","to"}} (RFC 3339, from before to).
   *
   * @throws ApiException 400 naming what is missing or malformed
   */
  public static Period period(Map<String, Object> body) {
    for (String field : body.keySet()) {
      if (!field.equals("from") && !field.equals("to")) {
        throw ApiException.malformed("unknown field \"" + field + "\"; the body is {\"from\",\"to\"}");
      }
    }
    Instant start = instant(body, "from");
    Instant end = instant(body, "to");
    if (!start.isBefore(end)) {
      throw ApiException.malformed("from must be before to");
    }
    return new Period((String) body.get("from"), (String) body.get("to"), start, end);
  }

  private static Instant instant(Map<String, Object> body, String field) {
    if (!(body.get(field) instanceof String text)) {
      throw ApiException.malformed(field + " is required: an RFC 3339 time");
    }
    try {
      return Instant.parse(text); // RFC 3339, as the history endpoints read it: Z or an offset
    } catch (DateTimeParseException e) {
      throw ApiException.malformed(field + " must be an RFC 3339 time such as"
          + " 2026-03-01T00:00:00Z, got " + text);
    }
  }

  /**
   * The audit of {@code period} over the latest signed tree, which covers its own record, entry
   * {@code auditSeq}; its findings are remembered under that entry for the DPO's reviews.
   */
  public NeedToKnowAnswer run(Period period, long auditSeq) {
    return run(period, auditSeq, Progress.NONE);
  }

  /**
   * As {@link #run(Period, long)}, telling {@code progress} how many of the tree's entries the scan
   * has read as it goes (the answer is the same).
   */
  public NeedToKnowAnswer run(Period period, long auditSeq, Progress progress) {
    StoredCheckpoint checkpoint = queries.checkpoint();
    long size = checkpoint.size();
    List<Finding> findings = findings(period, size, read -> progress.entriesRead(read, size));
    remember(auditSeq, findings);
    Map<Long, ProvenEntry> proven = prove(findings, checkpoint.size());
    List<AuditFinding> answered = new ArrayList<>(findings.size());
    for (Finding finding : findings) {
      answered.add(new AuditFinding(finding.id(), finding.rule().name(), finding.explanation(),
          finding.actor(), finding.subject(), finding.seqs().stream().map(proven::get).toList()));
    }
    List<String> rules = policy.rules().stream().sorted().map(Rule::name).toList();
    return new NeedToKnowAnswer(checkpoint.size(), checkpoint.note(), period.from(),
        period.to(), rules, answered);
  }

  /** The findings of {@code period} over the first {@code size} entries, unproven. */
  List<Finding> findings(Period period, long size) {
    return findings(period, size, read -> { });
  }

  private List<Finding> findings(Period period, long size, LongConsumer progress) {
    NeedToKnowAudit audit = new NeedToKnowAudit(policy, period.start(), period.end());
    LedgerScan.forEach(store, size, TYPES, audit::accept, progress);
    return audit.findings();
  }

  /**
   * The findings of the audit recorded as entry {@code auditSeq}, by id: remembered from the
   * run, or, after a restart, found again by running the audit of the period that entry records
   * over the current log.
   *
   * @throws ApiException 404 if that entry is not the record of a need-to-know audit
   */
  Map<String, Finding> findingsOf(long auditSeq, Period recorded) {
    synchronized (recent) {
      Map<String, Finding> known = recent.get(auditSeq);
      if (known != null) {
        return known;
      }
    }
    return remember(auditSeq, findings(recorded, queries.checkpoint().size()));
  }

  /**
   * The findings of the audit recorded as entry {@code auditSeq} if this process still remembers
   * them (it keeps the latest runs), without running anything.
   */
  public Optional<Collection<Finding>> remembered(long auditSeq) {
    synchronized (recent) {
      Map<String, Finding> known = recent.get(auditSeq);
      return known == null ? Optional.empty() : Optional.of(List.copyOf(known.values()));
    }
  }

  private Map<String, Finding> remember(long auditSeq, List<Finding> findings) {
    Map<String, Finding> byId = new HashMap<>();
    findings.forEach(f -> byId.put(f.id(), f));
    synchronized (recent) {
      recent.put(auditSeq, byId);
    }
    return byId;
  }

  private Map<Long, ProvenEntry> prove(List<Finding> findings, long size) {
    TreeSet<Long> seqs = new TreeSet<>();
    findings.forEach(f -> seqs.addAll(f.seqs()));
    Map<Long, ProvenEntry> proven = new HashMap<>();
    for (ProvenEntry entry
        : ProvenEntries.prove(store, queries.nodes(), new ArrayList<>(seqs), size)) {
      proven.put(entry.seq(), entry);
    }
    return proven;
  }

}
