package io.accessledger.entries;

import io.accessledger.ledger.json.CanonicalJson;
import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.ledger.merkle.Digest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One child's log, one entry of every type the ledger holds, each event in its stored form (as a
 * leaf decodes: an extract release carries {@code subjectCount}) and valid as ingest or the ledger
 * writes it. Shared by the parser's tests and the golden tests of the readers built on it.
 */
public final class SampleEntries {
  public static final String CHILD = "child-7788";

  /** The seq of the extract release the {@code EXTRACT_SUBJECT} entry points at. */
  public static final long RELEASE = 4;

  private static final String[] EVENTS = {
    // 0: a view with every optional part of the actor
    """
    {"actor":{"displayName":"A. Worker","id":"sw-0042","role":"social-worker","team":"north-cin"},
     "breakGlass":false,"eventId":"lcs:view:000123",
     "extensions":{"la-code":"E09000001","lcsScreen":"case-summary"},
     "legalBasis":["UKGDPR-6-1-e","UKGDPR-9-2-h","DPA2018-S1-P2","CA1989-S17"],
     "occurredAt":"2026-03-02T09:15:27.123Z","purpose":"Preparing the child in need review",
     "record":{"id":"cn-55512","type":"case-note"},"subject":{"id":"child-7788"},"type":"VIEW"}
    """,
    // 1: a break-glass view, out of hours, by someone known only by id
    """
    {"actor":{"id":"edt-9"},"breakGlass":true,"eventId":"v2","legalBasis":["UKGDPR-6-1-e"],
     "occurredAt":"2026-03-07T23:10:00Z","purpose":"Emergency duty call",
     "reason":"Police at the door","record":{"id":"r-1","type":"referral"},
     "subject":{"id":"child-7788"},"type":"VIEW"}
    """,
    // 2: a share decision with every optional field but a court order
    """
    {"actor":{"id":"tm-0007","role":"team-manager","team":"north-cin"},
     "approvedBy":{"id":"hos-0001","role":"head-of-service"},"consent":"NOT_SOUGHT",
     "consentReason":"Seeking consent would place the children at increased risk of harm",
     "dataShared":["referral summary","chronology since 2025-09"],"decision":"SHARE",
     "decidedBy":{"displayName":"B. Manager","id":"tm-0007","role":"team-manager"},
     "eventId":"lcs:share:2026-0042","grounds":"SERIOUS_HARM_RISK",
     "legalBasis":["UKGDPR-6-1-e","UKGDPR-9-2-g","DPA2018-S1-P18","CA1989-S47"],
     "notInformedReason":"Informing the family would prejudice the enquiry",
     "occurredAt":"2026-03-03T16:40:00Z","purpose":"Strategy discussion under s47",
     "rationale":"Reasonable cause to suspect significant harm",
     "recipient":{"organisation":"Northshire Police","role":"Public Protection Unit"},
     "subjectInformed":false,"subjects":[{"id":"child-7788"},{"id":"child-7789"}],
     "type":"SHARE_DECISION"}
    """,
    // 3: a decision not to share, on a court order, with no approver
    """
    {"actor":{"id":"tm-0008","role":"team-manager"},"consent":"REFUSED",
     "consentReason":"The family said no","courtOrder":{"court":"Family Court at Northshire",
     "date":"2026-03-20","reference":"NS26C00123"},"dataShared":["school reports"],
     "decidedBy":{"id":"tm-0008"},"decision":"DO_NOT_SHARE","eventId":"s2","grounds":"COURT_ORDER",
     "legalBasis":["UKGDPR-6-1-c","DPA2018-S2-P5-1","COURT-ORDER"],
     "occurredAt":"2026-03-10T11:00:00Z","purpose":"Court directions","rationale":"Not needed",
     "recipient":{"organisation":"Cafcass"},"subjectInformed":true,
     "subjects":[{"id":"child-7788"}],"type":"SHARE_DECISION"}
    """,
    // 4: an extract release, stored form
    """
    {"actor":{"id":"ig-0003","role":"information-governance"},"agreement":"WWCSC-FAMILY-VALUED",
     "approvedBy":{"id":"dpo-0001","role":"data-protection-officer"},
     "dataset":{"categories":["referrals","assessments","cin-plans","ethnicity"],
     "name":"family-valued-extract-2026-01","periodFrom":"2020-01-01","periodTo":"2025-12-31",
     "pseudonymised":true,"rowCount":12840,
     "sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},
     "eventId":"ig:extract:wwcsc-2026-01",
     "legalBasis":["UKGDPR-6-1-e","UKGDPR-9-2-j","DPA2018-S1-P4"],
     "occurredAt":"2026-03-15T12:00:00Z","purpose":"Evaluation of the Family Valued programme",
     "recipient":{"organisation":"What Works for Children's Social Care"},"subjectCount":3,
     "type":"EXTRACT_RELEASE"}
    """,
    // 5: the child's entry of that release
    """
    {"eventId":"ig:extract:wwcsc-2026-01#1","occurredAt":"2026-03-15T12:00:00Z","release":4,
     "subject":{"id":"child-7788"},"type":"EXTRACT_SUBJECT"}
    """,
    // 6: an allocation to a worker, ended
    """
    {"actor":{"id":"tm-0007","role":"team-manager","team":"north-cin"},"allocationId":"alloc-501",
     "assignee":{"worker":"sw-0042"},"eventId":"cf-alloc-501","from":"2026-03-01T09:00:00Z",
     "legalBasis":["UKGDPR-6-1-e"],"occurredAt":"2026-03-01T09:00:00Z",
     "purpose":"Case allocation","subject":{"id":"child-7788"},"to":"2026-09-01T00:00:00Z",
     "type":"ALLOCATION"}
    """,
    // 7: an open allocation to a team
    """
    {"actor":{"id":"tm-0007","role":"team-manager"},"allocationId":"alloc-502",
     "assignee":{"team":"north-cin"},"eventId":"cf-alloc-502","from":"2026-03-01T09:00:00Z",
     "legalBasis":["UKGDPR-6-1-e"],"occurredAt":"2026-03-01T09:05:00Z",
     "purpose":"Team allocation","subject":{"id":"child-7788"},"type":"ALLOCATION"}
    """,
    // 8: a closure with a reason
    """
    {"actor":{"id":"tm-0007","role":"team-manager"},"eventId":"cf-close-77",
     "legalBasis":["UKGDPR-6-1-e"],"occurredAt":"2026-06-30T16:00:00Z",
     "purpose":"Case closure after review","reason":"No further action",
     "subject":{"id":"child-7788"},"type":"CASE_CLOSURE"}
    """,
    // 9: a closure without one
    """
    {"actor":{"id":"tm-0009"},"eventId":"cf-close-78","legalBasis":["UKGDPR-6-1-e"],
     "occurredAt":"2026-07-01T16:00:00Z","purpose":"Closure","subject":{"id":"child-7788"},
     "type":"CASE_CLOSURE"}
    """,
    // 10: the log's record of an evidence bundle request about the child
    """
    {"actor":{"id":"dpo","role":"auditor"},"eventId":"audit-1","occurredAt":"2026-07-02T10:00:00.000Z",
     "query":{"parameters":{"subject":"child-7788"},"path":"/v1/evidence"},"type":"AUDIT_QUERY"}
    """,
    // 11: the log's record of a read of the child's history
    """
    {"actor":{"id":"ico-case-7","role":"investigator"},"eventId":"audit-2",
     "occurredAt":"2026-07-02T11:00:00.000Z",
     "query":{"parameters":{"from":"2026-01-01T00:00:00Z","type":"VIEW"},
     "path":"/v1/subjects/child-7788/events"},"type":"AUDIT_QUERY"}
    """,
    // 12: a review of a finding
    """
    {"actor":{"id":"dpo","role":"auditor"},"audit":{"seq":11},
     "concerning":{"staff":"edt-9","subject":"child-7788"},"eventId":"review-1",
     "finding":"f-1","note":"Called out by the police","occurredAt":"2026-07-03T10:00:00.000Z",
     "outcome":"EXPLAINED","reviewed":{"seq":1},"rule":"BREAK_GLASS","type":"REVIEW"}
    """,
    // 13: the ledger's record of maintenance
    """
    {"action":"APPEND_ONLY_TRIGGERS_RECREATED","eventId":"maintenance-1",
     "occurredAt":"2026-07-04T10:00:00.000Z",
     "triggers":[{"found":"MISSING","name":"leaves_no_update"}],"type":"MAINTENANCE"}
    """,
    // 14: the log's record of the access report request
    """
    {"actor":{"id":"dpo-jane","role":"auditor"},"eventId":"audit-3",
     "occurredAt":"2026-07-05T10:00:00.000Z",
     "query":{"parameters":{},"path":"/v1/subjects/child-7788/access-report"},"type":"AUDIT_QUERY"}
    """,
  };

  private SampleEntries() {}

  /** Every entry, {@code seq} 0 onwards, decoded as a leaf decodes (source {@code ledger} for the
   * types the ledger writes). */
  public static List<LedgerEntry> all() {
    List<LedgerEntry> entries = new ArrayList<>();
    for (int seq = 0; seq < EVENTS.length; seq++) {
      entries.add(entry(seq));
    }
    return entries;
  }

  /** Entry {@code seq}. */
  public static LedgerEntry entry(int seq) {
    @SuppressWarnings("unchecked")
    Map<String, Object> event = (Map<String, Object>) CanonicalJson.parse(EVENTS[seq]);
    String source = event.containsKey("purpose") ? "lcs" : "ledger";
    return new LedgerEntry(seq, event, Map.of(), Digest.ZERO, "2026-07-06T00:00:00.000Z", source);
  }
}
