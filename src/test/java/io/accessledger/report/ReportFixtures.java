package io.accessledger.report;

import io.accessledger.api.ProvenEntry;
import io.accessledger.events.LegalBasisVocabulary;
import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.ledger.merkle.Digest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-made report sources for the pure tests: decoded events with made-up proofs (the builder
 * only carries proofs; the API tests check real ones).
 */
final class ReportFixtures {
  static final String CHILD = "c-1";

  private ReportFixtures() {}

  static Map<String, Object> person(String id, String role, String team, String name) {
    Map<String, Object> person = new LinkedHashMap<>();
    person.put("id", id);
    if (role != null) {
      person.put("role", role);
    }
    if (team != null) {
      person.put("team", team);
    }
    if (name != null) {
      person.put("displayName", name);
    }
    return person;
  }

  static Map<String, Object> view(String occurredAt, Map<String, Object> actor, String purpose) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", "VIEW");
    event.put("eventId", "v-" + occurredAt);
    event.put("occurredAt", occurredAt);
    event.put("actor", actor);
    event.put("subject", Map.of("id", CHILD));
    event.put("record", Map.of("type", "case-note", "id", "note-1"));
    event.put("purpose", purpose);
    event.put("legalBasis", List.of("UKGDPR-6-1-e", "UKGDPR-9-2-h"));
    return event;
  }

  static Map<String, Object> share(Map<String, Object> actor, Map<String, Object> decidedBy,
      Map<String, Object> approvedBy) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", "SHARE_DECISION");
    event.put("eventId", "s-1");
    event.put("occurredAt", "2026-03-02T10:00:00Z");
    event.put("actor", actor);
    event.put("subjects", List.of(Map.of("id", CHILD), Map.of("id", "sibling-2")));
    event.put("purpose", "s47 strategy discussion");
    event.put("legalBasis", List.of("UKGDPR-6-1-e", "CA1989-S47"));
    event.put("decision", "DO_NOT_SHARE");
    event.put("grounds", "CRIME_PREVENTION_DETECTION");
    event.put("consent", "REFUSED");
    event.put("consentReason", "the family said no");
    event.put("recipient", Map.of("organisation", "Police"));
    event.put("dataShared", List.of("chronology"));
    event.put("decidedBy", decidedBy);
    if (approvedBy != null) {
      event.put("approvedBy", approvedBy);
    }
    event.put("rationale", "not proportionate");
    return event;
  }

  static Map<String, Object> release(Map<String, Object> actor) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", "EXTRACT_RELEASE");
    event.put("eventId", "x-1");
    event.put("occurredAt", "2026-03-03T10:00:00Z");
    event.put("actor", actor);
    event.put("purpose", "evaluation");
    event.put("legalBasis", List.of("UKGDPR-6-1-e", "UKGDPR-9-2-j", "DPA2018-S1-P4"));
    event.put("recipient", Map.of("organisation", "Evaluator Ltd", "role", "research team"));
    event.put("agreement", "WWCSC-FAMILY-VALUED");
    event.put("dataset", Map.of("name", "cin-2025", "sha256", "ab".repeat(32), "rowCount", 2L,
        "pseudonymised", false, "categories", List.of("referrals", "cin-plans"),
        "periodFrom", "2020-01-01", "periodTo", "2025-12-31"));
    event.put("subjectCount", 2L);
    return event;
  }

  static Map<String, Object> extractSubject(long release) {
    return Map.of("type", "EXTRACT_SUBJECT", "eventId", "x-1#1",
        "occurredAt", "2026-03-03T10:00:00Z", "release", release, "subject", Map.of("id", CHILD));
  }

  static Map<String, Object> auditQuery(String client, String role, String path) {
    return Map.of("type", "AUDIT_QUERY", "eventId", "audit-" + path.hashCode(),
        "occurredAt", "2026-03-04T10:00:00Z", "actor", Map.of("id", client, "role", role),
        "query", Map.of("path", path, "parameters", Map.of()));
  }

  static Proven proven(long seq, Map<String, Object> event) {
    return Proven.of(new LedgerEntry(seq, event, Map.of(), Digest.ZERO,
        "2026-03-05T00:00:00.000Z", "test"),
        new ProvenEntry(seq, "leaf " + seq, String.format("%064x", seq), List.of()));
  }

  /** A report source: events in seq order from 0; an EXTRACT_RELEASE goes to the releases. */
  static ReportSource source(Instant from, Instant to, List<Map<String, Object>> events,
      List<Map<String, Object>> checks) {
    List<Proven> history = new ArrayList<>();
    Map<Long, Proven> releases = new HashMap<>();
    long seq = 0;
    for (Map<String, Object> event : events) {
      Proven entry = proven(seq++, event);
      if ("EXTRACT_RELEASE".equals(event.get("type"))) {
        releases.put(entry.seq(), entry);
      } else {
        history.add(entry);
      }
    }
    List<Proven> provenChecks = new ArrayList<>();
    for (Map<String, Object> check : checks) {
      provenChecks.add(proven(seq++, check));
    }
    Proven request = proven(seq, auditQuery("dpo-jane", "auditor",
        "/v1/subjects/" + CHILD + "/access-report"));
    return new ReportSource(CHILD, from, to, request,
        new ReportSource.SignedLog("origin.example/log", "origin.example/log+00000000+AQ", seq + 1,
            "origin.example/log\n" + (seq + 1) + "\nroot=\n\n— origin.example/log sig\n",
            "subject:" + CHILD, "statement\n", history.isEmpty() ? -1
                : history.get(history.size() - 1).seq()),
        history, releases, provenChecks);
  }

  static AccessReport report(StaffNames policy, List<Map<String, Object>> events,
      List<Map<String, Object>> checks) {
    return new AccessReportBuilder(LegalBasisVocabulary.shipped(), policy)
        .build(source(null, null, events, checks));
  }
}
