package io.accessledger.evidence.samples;

/**
 * The events of the sample log, as a records system posts them. Entries, by {@code seq}:
 *
 * <pre>
 *  0     VIEW of c-1 by w-1 (case-note/note-c-1)
 *  1     VIEW of c-2 by w-1 (case-note/note-c-2)
 *  2     VIEW of c-1 by w-2 (case-note/note-c-1)
 *  3     SHARE_DECISION about c-1 and c-2
 *  4     EXTRACT_RELEASE release-1, then 5 (c-2), 6 (c-1), 7 (c-3): its EXTRACT_SUBJECT entries
 *  8     VIEW of c-1 by w-1, break glass (case-note/note-c-1)
 *  9     VIEW of c-3 by w-2 (case-note/note-c-3)
 *  10    EXTRACT_RELEASE release-2, then 11 (c-3)
 *  12... the AUDIT_QUERY entries of the bundle requests, one per bundle
 * </pre>
 *
 * Checkpoints are signed at every size but 5, 6, 7 and 11 (an extract release is one append).
 */
final class SampleEvents {
  private SampleEvents() {}

  static void post(SampleLog log) {
    log.post(view("view-1", "c-1", "w-1", "2026-03-02T08:55:00Z", ""));
    log.post(view("view-2", "c-2", "w-1", "2026-03-02T08:57:00Z", ""));
    log.post(view("view-3", "c-1", "w-2", "2026-03-02T09:01:00Z", ""));
    log.post("""
        {"eventId":"share-1","type":"SHARE_DECISION","occurredAt":"2026-03-02T09:03:00Z",
         "actor":{"id":"tm-1","role":"team-manager"},"purpose":"s47 strategy discussion",
         "legalBasis":["UKGDPR-6-1-e","UKGDPR-9-2-g","DPA2018-S1-P18","CA1989-S47"],
         "subjects":[{"id":"c-1"},{"id":"c-2"}],"decision":"SHARE","grounds":"SERIOUS_HARM_RISK",
         "consent":"NOT_SOUGHT","consentReason":"seeking consent would increase the risk",
         "recipient":{"organisation":"Police"},"dataShared":["chronology"],
         "decidedBy":{"id":"tm-1"},"rationale":"risk of significant harm",
         "approvedBy":{"id":"hos-1"}}
        """);
    log.post(extract("release-1", "2026-03-02T09:04:00Z", "c-2", "c-1", "c-3"));
    log.post(view("view-4", "c-1", "w-1", "2026-03-02T09:05:00Z",
        ",\"breakGlass\":true,\"reason\":\"out-of-hours safeguarding call\""));
    log.post(view("view-5", "c-3", "w-2", "2026-03-02T09:06:00Z", ""));
    log.post(extract("release-2", "2026-03-02T09:07:00Z", "c-3"));
  }

  static String view(String eventId, String subject, String actor, String occurredAt,
      String more) {
    return """
        {"eventId":"%s","type":"VIEW","occurredAt":"%s",
         "actor":{"id":"%s","role":"social-worker","team":"north"},
         "subject":{"id":"%s"},"record":{"type":"case-note","id":"note-%s"},
         "purpose":"case work","legalBasis":["UKGDPR-6-1-e","UKGDPR-9-2-h","DPA2018-S1-P2"]%s}
        """.formatted(eventId, occurredAt, actor, subject, subject, more);
  }

  private static String extract(String eventId, String occurredAt, String... subjects) {
    StringBuilder list = new StringBuilder();
    for (String s : subjects) {
      list.append(list.length() == 0 ? "" : ",").append("{\"id\":\"").append(s).append("\"}");
    }
    return """
        {"eventId":"%s","type":"EXTRACT_RELEASE","occurredAt":"%s",
         "actor":{"id":"ig-1","role":"information-governance"},"purpose":"evaluation",
         "legalBasis":["UKGDPR-6-1-e","UKGDPR-9-2-j","DPA2018-S1-P4"],
         "recipient":{"organisation":"What Works for Children's Social Care"},
         "agreement":"WWCSC-FAMILY-VALUED",
         "dataset":{"name":"cin-2025","sha256":"%s","rowCount":%d,"pseudonymised":true,
                    "categories":["referrals","assessments"],"periodFrom":"2020-01-01",
                    "periodTo":"2025-12-31"},
         "subjects":[%s]}
        """.formatted(eventId, occurredAt, "ab".repeat(32), subjects.length, list);
  }
}
