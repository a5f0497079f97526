package io.accessledger.e2e;

/** Event bodies for the API tests, as a records system would post them. */
final class Json {
  private Json() {}

  static String view(String eventId, String subject, String actor) {
    return view(eventId, subject, actor, "2026-11-23T09:00:00Z");
  }

  static String view(String eventId, String subject, String actor, String occurredAt) {
    return """
        {"eventId":"%s","type":"VIEW","occurredAt":"%s",
         "actor":{"id":"%s","role":"social-worker","team":"north"},
         "subject":{"id":"%s"},"record":{"type":"case-note","id":"note-%s"},
         "purpose":"case work","legalBasis":["UKGDPR-6-1-e","UKGDPR-9-2-h","DPA2018-S1-P2"]}
        """.formatted(eventId, occurredAt, actor, subject, subject);
  }

  static String share(String eventId, String... subjects) {
    StringBuilder list = new StringBuilder();
    for (String s : subjects) {
      list.append(list.length() == 0 ? "" : ",").append("{\"id\":\"").append(s).append("\"}");
    }
    return """
        {"eventId":"%s","type":"SHARE_DECISION","occurredAt":"2026-11-23T10:00:00Z",
         "actor":{"id":"tm-1","role":"team-manager"},"purpose":"s47 strategy discussion",
         "legalBasis":["UKGDPR-6-1-e","UKGDPR-9-2-g","DPA2018-S1-P18","CA1989-S47"],
         "subjects":[%s],"decision":"SHARE","grounds":"SERIOUS_HARM_RISK","consent":"NOT_SOUGHT",
         "consentReason":"seeking consent would increase the risk","recipient":{"organisation":"Police"},
         "dataShared":["chronology"],"decidedBy":{"id":"tm-1"},"rationale":"risk of significant harm",
         "approvedBy":{"id":"hos-1"}}
        """.formatted(eventId, list);
  }

  static String extract(String eventId, String... subjects) {
    StringBuilder list = new StringBuilder();
    for (String s : subjects) {
      list.append(list.length() == 0 ? "" : ",").append("{\"id\":\"").append(s).append("\"}");
    }
    return """
        {"eventId":"%s","type":"EXTRACT_RELEASE","occurredAt":"2026-11-23T11:00:00Z",
         "actor":{"id":"ig-1","role":"information-governance"},"purpose":"evaluation",
         "legalBasis":["UKGDPR-6-1-e","UKGDPR-9-2-j","DPA2018-S1-P4"],
         "recipient":{"organisation":"What Works for Children's Social Care"},"agreement":"WWCSC-FAMILY-VALUED",
         "dataset":{"name":"cin-2025","sha256":"%s","rowCount":%d,"pseudonymised":true,
                    "categories":["referrals","assessments"],"periodFrom":"2020-01-01","periodTo":"2025-12-31"},
         "subjects":[%s]}
        """.formatted(eventId, "ab".repeat(32), subjects.length, list);
  }

  static String batch(String... events) {
    return "[" + String.join(",", events) + "]";
  }
}
