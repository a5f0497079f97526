package io.accessledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessledger.auth.Role;
import io.accessledger.ledger.leaf.LeafCodec;
import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.ledger.notes.Checkpoint;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The DPO's share and extract registers over a ledger built through the API, under the shipped
 * config.yml (and so its WWCSC-FAMILY-VALUED agreement): the exact flags of each item, every item
 * checked as an outsider would, the filters, and refused filters writing nothing.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RegistersApiTest {
  static final ApiServer SERVER = new ApiServer();
  static final DropwizardAppExtension<?> APP = SERVER.app;
  static String ingest;
  static String auditor;
  static String verifierKey;

  /** Every share decision posted, by eventId, with the flags it must carry, in posted order. */
  static final Map<String, List<String>> SHARES = new LinkedHashMap<>();
  static final Map<String, List<String>> EXTRACTS = new LinkedHashMap<>();

  @BeforeAll
  static void fill() {
    ingest = SERVER.addClient("carefirst", Role.INGEST, "carefirst");
    auditor = SERVER.addClient("dpo", Role.AUDITOR, null);
    String harm = "\"UKGDPR-6-1-e\",\"UKGDPR-9-2-g\",\"DPA2018-S1-P18\",\"CA1989-S47\"";
    share("r-share-ok", "2026-03-01T10:00:00Z", "SHARE", "SERIOUS_HARM_RISK", harm,
        "Northshire Police", "hos-1", "");
    share("r-share-unapproved", "2026-03-02T00:00:00Z", "SHARE", "SERIOUS_HARM_RISK", harm,
        "Northshire Police", null, "", "SHARE_NOT_APPROVED");
    share("r-share-harm-basis", "2026-03-03T10:00:00Z", "SHARE", "SERIOUS_HARM_RISK",
        "\"UKGDPR-6-1-c\",\"UKGDPR-9-2-h\",\"DPA2018-S1-P2\"", "Northshire Police", "hos-1", "",
        "BASIS_GROUNDS_MISMATCH");
    share("r-share-crime", "2026-03-04T10:00:00Z", "SHARE", "CRIME_PREVENTION_DETECTION",
        "\"UKGDPR-6-1-e\",\"DPA2018-S2-P2\",\"CDA1998-S115\"", "Northshire Police", "hos-1", "");
    SERVER.post(ingest, "/v1/events", Json.view("r-view-1", "c-1", "sw-1"));
    share("r-share-crime-basis", "2026-03-05T00:00:00Z", "SHARE", "CRIME_PREVENTION_DETECTION",
        "\"UKGDPR-6-1-e\",\"CDA1998-S115\"", "Northshire Police", null, "",
        "SHARE_NOT_APPROVED", "BASIS_GROUNDS_MISMATCH");
    share("r-share-court-late", "2026-03-06T10:00:00Z", "SHARE", "COURT_ORDER",
        "\"UKGDPR-6-1-c\",\"COURT-ORDER\"", "Cafcass", "hos-1",
        ",\"courtOrder\":{\"court\":\"Family Court\",\"reference\":\"NS26C001\",\"date\":\"2026-03-09\"}",
        "COURT_ORDER_DETAILS_MISSING");
    share("r-not-shared", "2026-03-07T10:00:00Z", "DO_NOT_SHARE", "LEGAL_OBLIGATION",
        "\"UKGDPR-6-1-c\"", "Northshire School", "hos-1", "");
    // Approved by the manager who made it: no second person signed it off.
    share("r-share-self", "2026-03-08T10:00:00Z", "SHARE", "SERIOUS_HARM_RISK", harm,
        "Northshire Police", "tm-1", "", "SHARE_NOT_APPROVED");

    String evaluation = "\"UKGDPR-6-1-e\",\"UKGDPR-9-2-j\",\"DPA2018-S1-P4\"";
    extract("r-extract-ok", "2025-06-02T10:00:00Z", "WWCSC-FAMILY-VALUED", true,
        "\"referrals\",\"assessments\"", "2020-01-01", "2024-12-31", "WWCSC", evaluation,
        List.of("c-1", "c-3"));
    SERVER.post(ingest, "/v1/events", Json.view("r-view-2", "c-3", "sw-1"));
    extract("r-extract-unknown", "2025-07-01T10:00:00Z", "DSA-UNKNOWN", false, "\"referrals\"",
        "2020-01-01", "2024-12-31", "Data Brokers plc", evaluation, List.of("c-4"),
        "EXTRACT_UNKNOWN_AGREEMENT", "EXTRACT_NOT_PSEUDONYMISED");
    extract("r-extract-late", "2026-03-10T10:00:00Z", "WWCSC-FAMILY-VALUED", true,
        "\"referrals\",\"health-records\"", "2020-01-01", "2025-12-31",
        "what works  for CHILDREN's social care",
        "\"UKGDPR-6-1-e\"", List.of("c-5", "c-6"),
        "EXTRACT_OUTSIDE_AGREEMENT_DATES", "EXTRACT_CATEGORY_NOT_ALLOWED",
        "BASIS_GROUNDS_MISMATCH");
    extract("r-extract-elsewhere", "2025-08-01T10:00:00Z", "WWCSC-FAMILY-VALUED", true,
        "\"referrals\"", "2020-01-01", "2024-12-31", "Data Brokers plc", evaluation,
        List.of("c-7"), "EXTRACT_RECIPIENT_MISMATCH");
    verifierKey = SERVER.get(auditor, "/v1/log").json().path("verifierKey").asText();
  }

  private static void share(String eventId, String occurredAt, String decision, String grounds,
      String legalBasis, String recipient, String approvedBy, String extra, String... flags) {
    String body = """
        {"eventId":"%s","type":"SHARE_DECISION","occurredAt":"%s",
         "actor":{"id":"tm-1","role":"team-manager"},"purpose":"safeguarding","legalBasis":[%s],
         "subjects":[{"id":"c-1"},{"id":"c-2"}],"decision":"%s","grounds":"%s",
         "consent":"NOT_SOUGHT","consentReason":"would increase the risk",
         "recipient":{"organisation":"%s"},"dataShared":["chronology"],"decidedBy":{"id":"tm-1"},
         "rationale":"as recorded"%s%s}
        """.formatted(eventId, occurredAt, legalBasis, decision, grounds, recipient,
        approvedBy == null ? "" : ",\"approvedBy\":{\"id\":\"" + approvedBy + "\"}", extra);
    post(body);
    SHARES.put(eventId, List.of(flags));
  }

  private static void extract(String eventId, String occurredAt, String agreement,
      boolean pseudonymised, String categories, String periodFrom, String periodTo,
      String recipient, String legalBasis, List<String> subjects, String... flags) {
    String body = """
        {"eventId":"%s","type":"EXTRACT_RELEASE","occurredAt":"%s",
         "actor":{"id":"ig-1","role":"information-governance"},"purpose":"evaluation",
         "legalBasis":[%s],"recipient":{"organisation":"%s"},"agreement":"%s",
         "dataset":{"name":"ds-%s","sha256":"%s","rowCount":%d,"pseudonymised":%s,
                    "categories":[%s],"periodFrom":"%s","periodTo":"%s"},
         "subjects":[%s]}
        """.formatted(eventId, occurredAt, legalBasis, recipient, agreement, eventId,
        "cd".repeat(32), subjects.size(), pseudonymised, categories, periodFrom, periodTo,
        String.join(",", subjects.stream().map(s -> "{\"id\":\"" + s + "\"}").toList()));
    post(body);
    EXTRACTS.put(eventId, List.of(flags));
  }

  private static void post(String body) {
    ApiServer.Answer answer = SERVER.post(ingest, "/v1/events", body);
    assertThat(answer.status).as(answer.body).isEqualTo(201);
  }

  private static LedgerEntry decode(JsonNode item) throws Exception {
    return LeafCodec.decode(item.path("leaf").asText().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a register, checks the answer as an outsider would (signed checkpoint, every leaf's hash
   * and proof, the read recorded and covered) and returns each item's flag codes by eventId.
   */
  private static Map<String, List<String>> read(String pathAndQuery) throws Exception {
    ApiServer.Answer answer = SERVER.get(auditor, pathAndQuery);
    assertThat(answer.status).as(answer.body).isEqualTo(200);
    JsonNode register = answer.json();
    assertThat(register.fieldNames()).toIterable()
        .containsExactlyInAnyOrder("treeSize", "checkpoint", "items");
    Checkpoint checkpoint =
        ClientSideChecks.openCheckpoint(register.path("checkpoint").asText(), verifierKey);
    assertThat(register.path("treeSize").asLong()).isEqualTo(checkpoint.size());
    assertThat(Long.parseLong(answer.header("Ledger-Audit-Seq")))
        .as("the checkpoint covers the read's own record").isLessThan(checkpoint.size());
    Map<String, List<String>> flags = new LinkedHashMap<>();
    long previous = -1;
    for (JsonNode item : register.path("items")) {
      assertThat(item.fieldNames()).toIterable().containsExactlyInAnyOrder(
          "seq", "leaf", "leafHash", "proof", "summary", "flags");
      ClientSideChecks.checkEntry(item, checkpoint);
      assertThat(item.path("seq").asLong()).as("oldest first").isGreaterThan(previous);
      previous = item.path("seq").asLong();
      List<String> codes = new ArrayList<>();
      for (JsonNode flag : item.path("flags")) {
        assertThat(flag.path("explanation").asText()).isNotBlank();
        codes.add(flag.path("code").asText());
      }
      flags.put((String) decode(item).event().get("eventId"), codes);
    }
    return flags;
  }

  private static Map<String, List<String>> only(Map<String, List<String>> all, String... ids) {
    Map<String, List<String>> kept = new LinkedHashMap<>();
    for (String id : ids) {
      kept.put(id, all.get(id));
    }
    return kept;
  }

  @Test
  void theShareRegisterListsEveryDecisionWithExactlyItsFlags() throws Exception {
    assertThat(read("/v1/registers/shares")).containsExactlyEntriesOf(SHARES);
  }

  @Test
  void eachItemSaysInWordsWhatWasDecidedAndWhatIsWrong() {
    JsonNode items = SERVER.get(auditor, "/v1/registers/shares?grounds=COURT_ORDER").json()
        .path("items");
    assertThat(items).hasSize(1);
    JsonNode item = items.get(0);
    assertThat(item.path("summary").asText()).startsWith("2026-03-06T10:00:00Z: decision to SHARE"
        + " chronology about 2 subjects with Cafcass, grounds COURT_ORDER")
        .doesNotContain("c-1");
    assertThat(item.path("flags").get(0).path("explanation").asText())
        .contains("dated 2026-03-09, after the decision was made on 2026-03-06");
  }

  @Test
  void theExtractRegisterFlagsEachReleaseAgainstTheShippedAgreement() throws Exception {
    assertThat(read("/v1/registers/extracts")).containsExactlyEntriesOf(EXTRACTS);
    JsonNode late = SERVER.get(auditor, "/v1/registers/extracts?from=2026-01-01T00:00:00Z")
        .json().path("items").get(0);
    assertThat(late.path("flags").get(1).path("explanation").asText())
        .contains("does not allow: health-records.");
  }

  @Test
  void theExtractRegisterNamesNoChild() throws Exception {
    ApiServer.Answer answer = SERVER.get(auditor, "/v1/registers/extracts");
    for (String child : List.of("c-1", "c-3", "c-4", "c-5", "c-6", "c-7")) {
      assertThat(answer.body).doesNotContain("\"" + child + "\"");
    }
    for (JsonNode item : answer.json().path("items")) {
      LedgerEntry release = decode(item);
      assertThat(release.event()).containsEntry("type", "EXTRACT_RELEASE")
          .containsKey("subjectCount").doesNotContainKey("subjects");
    }
  }

  @Test
  void filtersNarrowTheRegisters() throws Exception {
    assertThat(read("/v1/registers/shares?from=2026-03-02T00:00:00Z&to=2026-03-05T00:00:00Z"))
        .as("from inclusive, to exclusive")
        .containsExactlyEntriesOf(only(SHARES, "r-share-unapproved", "r-share-harm-basis",
            "r-share-crime"));
    assertThat(read("/v1/registers/shares?flagged=true")).containsExactlyEntriesOf(only(SHARES,
        "r-share-unapproved", "r-share-harm-basis", "r-share-crime-basis", "r-share-court-late",
        "r-share-self"));
    assertThat(read("/v1/registers/shares?flagged=false")).containsExactlyEntriesOf(only(SHARES,
        "r-share-ok", "r-share-crime", "r-not-shared"));
    assertThat(read("/v1/registers/shares?decision=DO_NOT_SHARE"))
        .containsOnlyKeys("r-not-shared");
    assertThat(read("/v1/registers/shares?grounds=CRIME_PREVENTION_DETECTION&flagged=true"))
        .containsOnlyKeys("r-share-crime-basis");
    assertThat(read("/v1/registers/shares?recipient=northshire%20POLICE")).containsOnlyKeys(
        "r-share-ok", "r-share-unapproved", "r-share-harm-basis", "r-share-crime",
        "r-share-crime-basis", "r-share-self");
    assertThat(read("/v1/registers/extracts?agreement=WWCSC-FAMILY-VALUED&flagged=true"))
        .containsExactlyEntriesOf(only(EXTRACTS, "r-extract-late", "r-extract-elsewhere"));
    assertThat(read("/v1/registers/extracts?recipient=Data%20Brokers%20plc"))
        .containsOnlyKeys("r-extract-unknown", "r-extract-elsewhere");
    assertThat(read("/v1/registers/extracts?to=2025-07-01T10:00:00Z"))
        .containsOnlyKeys("r-extract-ok");
  }

  @Test
  void aRegisterReadIsRecordedWithItsFilters() throws Exception {
    ApiServer.Answer answer =
        SERVER.get(auditor, "/v1/registers/extracts?flagged=true&agreement=DSA-UNKNOWN");
    JsonNode audit = SERVER.get(auditor, "/v1/entries/" + answer.header("Ledger-Audit-Seq")).json();
    LedgerEntry recorded = decode(audit);
    assertThat(recorded.source()).isEqualTo("ledger");
    assertThat(recorded.event()).containsEntry("type", "AUDIT_QUERY")
        .containsEntry("actor", Map.of("id", "dpo", "role", "auditor"))
        .containsEntry("query", Map.of("path", "/v1/registers/extracts",
            "parameters", Map.of("agreement", "DSA-UNKNOWN", "flagged", "true")));
  }

  @Test
  void badFiltersAre400AndWriteNothing() {
    refused("from must be an RFC 3339", "/v1/registers/shares?from=yesterday");
    refused("must be before to",
        "/v1/registers/extracts?from=2026-03-05T00:00:00Z&to=2026-03-05T00:00:00Z");
    refused("flagged must be true or false", "/v1/registers/shares?flagged=yes");
    refused("decision must be one of [SHARE, DO_NOT_SHARE]",
        "/v1/registers/shares?decision=MAYBE");
    refused("grounds must be one of", "/v1/registers/shares?grounds=CURIOSITY");
    refused("unknown query parameter \"agreement\"", "/v1/registers/shares?agreement=DSA-1");
    refused("unknown query parameter \"decision\"", "/v1/registers/extracts?decision=SHARE");
    refused("\"flagged\" is given more than once",
        "/v1/registers/shares?flagged=true&flagged=false");
    refused("recipient must not be blank", "/v1/registers/extracts?recipient=");
  }

  private static void refused(String messagePart, String pathAndQuery) {
    long size = SERVER.treeSize();
    ApiServer.Answer answer = SERVER.get(auditor, pathAndQuery);
    assertThat(answer.status).as(answer.body).isEqualTo(400);
    assertThat(answer.json().path("message").asText()).contains(messagePart);
    assertThat(answer.header("Ledger-Audit-Seq")).isNull();
    assertThat(SERVER.treeSize()).as("nothing was appended").isEqualTo(size);
  }
}
