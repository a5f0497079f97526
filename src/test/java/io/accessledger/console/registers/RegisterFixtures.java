package io.accessledger.console.registers;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.console.support.ConsoleServer;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Share decisions and extract releases posted through the API for the register pages' tests,
 * each remembered with its seq and the flags the shipped config.yml must give it.
 */
final class RegisterFixtures {
  static final String HARM = "\"UKGDPR-6-1-e\",\"UKGDPR-9-2-g\",\"DPA2018-S1-P18\",\"CA1989-S47\"";
  static final String EVALUATION = "\"UKGDPR-6-1-e\",\"UKGDPR-9-2-j\",\"DPA2018-S1-P4\"";
  private static final Pattern ROW =
      Pattern.compile("<tr class=\"govuk-table__row\" data-seq=\"(\\d+)\" data-flags=\"([^\"]*)\">");

  /** eventId -> seq, in posted order. */
  final Map<String, Long> seqs = new LinkedHashMap<>();
  /** seq -> the flag codes it must carry, in posted order. */
  final Map<Long, List<String>> shares = new LinkedHashMap<>();
  final Map<Long, List<String>> extracts = new LinkedHashMap<>();

  private final ConsoleServer server;
  private final String ingest;

  RegisterFixtures(ConsoleServer server, String ingest) {
    this.server = server;
    this.ingest = ingest;
  }

  /**
   * The ledger both register tests read: four share decisions (one with values a spreadsheet
   * would run as formulas) and two releases, with a view between them.
   */
  static RegisterFixtures standard(ConsoleServer server, String ingest) {
    RegisterFixtures f = new RegisterFixtures(server, ingest);
    String police = "{\"organisation\":\"Northshire Police\"}";
    f.share("s-ok", "2026-03-01T10:00:00Z", "SHARE", "SERIOUS_HARM_RISK", HARM, police,
        "\"chronology\"", "hos-1");
    f.share("s-unapproved", "2026-03-02T00:00:00Z", "SHARE", "SERIOUS_HARM_RISK", HARM, police,
        "\"chronology\"", null, "SHARE_NOT_APPROVED");
    f.share("s-crime-basis", "2026-03-05T22:00:00Z", "SHARE", "CRIME_PREVENTION_DETECTION",
        "\"UKGDPR-6-1-e\",\"CDA1998-S115\"", police, "\"chronology\"", null,
        "SHARE_NOT_APPROVED", "BASIS_GROUNDS_MISMATCH");
    f.share("s-formulas", "2026-03-07T10:00:00Z", "DO_NOT_SHARE", "LEGAL_OBLIGATION",
        "\"UKGDPR-6-1-c\"",
        "{\"organisation\":\"=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")\",\"role\":\"-2+3\"}",
        "\"+chronology\"", "@hos");
    server.postEvent(ingest, "/v1/events", """
        {"eventId":"v-1","type":"VIEW","occurredAt":"2026-03-03T10:00:00Z","actor":{"id":"sw-1"},
         "subject":{"id":"c-1"},"record":{"type":"case-note","id":"n-1"},"purpose":"case work",
         "legalBasis":["UKGDPR-6-1-e"]}
        """);
    f.extract("x-ok", "2025-06-02T10:00:00Z", "WWCSC-FAMILY-VALUED", true, "WWCSC",
        List.of("c-1", "c-3"));
    f.extract("x-unknown", "2025-07-01T10:00:00Z", "DSA-UNKNOWN", false, "Data Brokers plc",
        List.of("c-4"), "EXTRACT_UNKNOWN_AGREEMENT", "EXTRACT_NOT_PSEUDONYMISED");
    return f;
  }

  /**
   * @param recipient the recipient object's JSON
   * @param approvedBy an approver's id, or null for none
   */
  void share(String eventId, String at, String decision, String grounds, String basis,
      String recipient, String dataShared, String approvedBy, String... flags) {
    long seq = post(eventId, """
        {"eventId":"%s","type":"SHARE_DECISION","occurredAt":"%s",
         "actor":{"id":"tm-1","role":"team-manager"},"purpose":"safeguarding","legalBasis":[%s],
         "subjects":[{"id":"c-1"},{"id":"c-2"}],"decision":"%s","grounds":"%s",
         "consent":"NOT_SOUGHT","consentReason":"would increase the risk",
         "recipient":%s,"dataShared":[%s],"decidedBy":{"id":"tm-1"},"rationale":"as recorded"%s}
        """.formatted(eventId, at, basis, decision, grounds, recipient, dataShared,
        approvedBy == null ? "" : ",\"approvedBy\":{\"id\":\"" + approvedBy + "\"}"));
    shares.put(seq, List.of(flags));
  }

  void extract(String eventId, String at, String agreement, boolean pseudonymised,
      String recipient, List<String> subjects, String... flags) {
    String list = String.join(",", subjects.stream().map(s -> "{\"id\":\"" + s + "\"}").toList());
    long seq = post(eventId, """
        {"eventId":"%s","type":"EXTRACT_RELEASE","occurredAt":"%s",
         "actor":{"id":"ig-1","role":"information-governance"},"purpose":"evaluation",
         "legalBasis":[%s],"recipient":{"organisation":"%s"},"agreement":"%s",
         "dataset":{"name":"ds-%s","sha256":"%s","rowCount":%d,"pseudonymised":%s,
                    "categories":["referrals"],"periodFrom":"2020-01-01","periodTo":"2024-12-31"},
         "subjects":[%s]}
        """.formatted(eventId, at, EVALUATION, recipient, agreement, eventId, "cd".repeat(32),
        subjects.size(), pseudonymised, list));
    extracts.put(seq, List.of(flags));
  }

  private long post(String eventId, String json) {
    HttpResponse<String> answer = server.postEvent(ingest, "/v1/events", json);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    long seq = ConsoleServer.json(answer.body()).path("seq").asLong();
    seqs.put(eventId, seq);
    return seq;
  }

  /** The rows of a register page: seq -> flag codes, in the page's order. */
  static Map<Long, List<String>> rows(String page) {
    Map<Long, List<String>> rows = new LinkedHashMap<>();
    Matcher m = ROW.matcher(page);
    while (m.find()) {
      rows.put(Long.parseLong(m.group(1)),
          m.group(2).isEmpty() ? List.of() : List.of(m.group(2).split(" ")));
    }
    return rows;
  }

  /** Only the given events' rows of {@code all}, in posted order. */
  Map<Long, List<String>> only(Map<Long, List<String>> all, String... eventIds) {
    Map<Long, List<String>> kept = new LinkedHashMap<>();
    for (String id : eventIds) {
      kept.put(seqs.get(id), all.get(seqs.get(id)));
    }
    return kept;
  }
}
