package io.accessledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.auth.Role;
import io.accessledger.evidence.BundleException;
import io.accessledger.evidence.BundleProblem;
import io.accessledger.evidence.BundleVerifier;
import io.accessledger.evidence.VerifiedBundle;
import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.ledger.notes.VerifierKey;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /v1/evidence: bundles that verify offline, with the request itself on the record. */
@ExtendWith(DropwizardExtensionsSupport.class)
class EvidenceApiTest {
  static final ApiServer SERVER = new ApiServer();
  static final DropwizardAppExtension<?> APP = SERVER.app;

  static String ingest;
  static String auditor;
  static VerifierKey key;

  @BeforeAll
  static void fill() throws Exception {
    ingest = SERVER.addClient("carefirst", Role.INGEST, "carefirst");
    auditor = SERVER.addClient("dpo", Role.AUDITOR, null);
    for (int i = 0; i < 6; i++) {
      SERVER.post(ingest, "/v1/events", Json.view("ev-" + i, "c-" + (i % 2), "w-" + (i % 3)));
    }
    SERVER.post(ingest, "/v1/events", Json.share("ev-share", "c-1", "c-2"));
    SERVER.post(ingest, "/v1/events", Json.extract("ev-extract-a", "c-3", "c-1", "c-4"));
    SERVER.post(ingest, "/v1/events", Json.extract("ev-extract-b", "c-2"));
    SERVER.post(ingest, "/v1/events", Json.view("ev-late", "c-1", "w-9"));
    key = VerifierKey.parse(SERVER.get(auditor, "/v1/log").json().path("verifierKey").asText());
  }

  static byte[] bundle(String query) {
    ApiServer.Answer answer = SERVER.get(auditor, "/v1/evidence?" + query);
    assertThat(answer.status).as(answer.body).isEqualTo(200);
    return answer.body.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aSubjectsBundleVerifiesOfflineAndHoldsTheirWholeHistory() throws Exception {
    ApiServer.Answer answer = SERVER.get(auditor, "/v1/evidence?subject=c-1");
    assertThat(answer.status).as(answer.body).isEqualTo(200);
    assertThat(answer.header("Content-Disposition")).startsWith("attachment; filename=\"evidence-");
    VerifiedBundle bundle =
        BundleVerifier.verify(answer.body.getBytes(StandardCharsets.UTF_8), key, null);

    assertThat(bundle.key()).isEqualTo("subject:c-1");
    assertThat(bundle.entries()).extracting(e -> e.event().get("type"))
        .containsExactly("VIEW", "VIEW", "VIEW", "SHARE_DECISION", "EXTRACT_SUBJECT", "VIEW");
    assertThat(bundle.completeness().head()).isEqualTo(bundle.entries().get(5).seq());
    // The release c-1 was part of is carried (with its proof), and names no other child.
    assertThat(bundle.releases()).hasSize(1);
    LedgerEntry release = bundle.releases().values().iterator().next();
    assertThat(release.event()).containsEntry("eventId", "ev-extract-a")
        .containsEntry("subjectCount", 3L).doesNotContainKey("subjects");
    assertThat(answer.body).doesNotContain("\\\"c-3\\\"").doesNotContain("\\\"c-4\\\"");
    // Who asked, and when, is itself an entry of the signed tree.
    assertThat(bundle.request().seq())
        .isEqualTo(Long.parseLong(answer.header("Ledger-Audit-Seq")));
    assertThat(bundle.request().event()).containsEntry("actor", Map.of("id", "dpo", "role", "auditor"));
    assertThat(bundle.checkpoint().size()).isGreaterThan(bundle.request().seq());
  }

  @Test
  void actorAndRecordHistoriesAndEmptyOnesHaveBundlesToo() throws Exception {
    VerifiedBundle actor = BundleVerifier.verify(bundle("actor=w-0"), key, null);
    assertThat(actor.entries()).hasSize(2);
    VerifiedBundle record = BundleVerifier.verify(bundle("record=case-note/note-c-0"), key, null);
    assertThat(record.key()).isEqualTo("record:case-note/note-c-0");
    assertThat(record.entries()).hasSize(3);
    VerifiedBundle nobody = BundleVerifier.verify(bundle("subject=nobody"), key, null);
    assertThat(nobody.entries()).isEmpty();
    assertThat(nobody.completeness().head()).isEqualTo(-1);
    // The auditor's own trail includes the request for this very bundle.
    VerifiedBundle own = BundleVerifier.verify(bundle("actor=dpo"), key, null);
    assertThat(own.entries().get(own.entries().size() - 1).seq()).isEqualTo(own.request().seq());
  }

  @Test
  void sinceProvesTheLogOnlyGrewFromACheckpointTheVerifierSaved() throws Exception {
    String saved = SERVER.get(auditor, "/v1/checkpoint").body;
    long savedSize = Long.parseLong(saved.split("\n")[1]);
    SERVER.post(ingest, "/v1/events", Json.view("ev-after-save", "c-1", "w-1"));
    byte[] grown = bundle("subject=c-1&since=" + savedSize);
    VerifiedBundle bundle = BundleVerifier.verify(grown, key, saved);
    assertThat(bundle.consistentFrom()).containsExactly(savedSize);
    assertThat(bundle.saved().size()).isEqualTo(savedSize);

    // Without a proof from the saved size, the bundle cannot show it.
    assertProblem(bundle("subject=c-1"), saved, BundleProblem.NO_CONSISTENCY_PROOF);
    // An older bundle against a newer saved checkpoint: the log looks rolled back.
    byte[] older = bundle("subject=c-1");
    String later = SERVER.get(auditor, "/v1/checkpoint").body;
    assertProblem(older, later, BundleProblem.ROLLED_BACK);
  }

  @Test
  void badRequestsAreRefusedAndWriteNothing() {
    String investigator = SERVER.addClient("ico", Role.INVESTIGATOR, null);
    long size = SERVER.treeSize();
    refused(auditor, "/v1/evidence", 400, "exactly one of subject, actor or record");
    refused(auditor, "/v1/evidence?subject=c-1&actor=w-1", 400, "subject and actor");
    refused(auditor, "/v1/evidence?subject=", 400, "subject must not be empty");
    refused(auditor, "/v1/evidence?record=case-note", 400, "record must be TYPE/ID");
    refused(auditor, "/v1/evidence?subject=c-1&since=0", 400, "since must be tree sizes");
    refused(auditor, "/v1/evidence?subject=c-1&since=99999", 404, "larger than the signed log");
    refused(auditor, "/v1/evidence?subject=c-1&format=pdf", 400, "unknown query parameter");
    refused(auditor, "/v1/evidence?subject=c-1&since=3,3", 400, "names the tree size 3 twice");
    refused(auditor, "/v1/evidence?subject=c-1%0A%20%20%23999", 400, "control characters");
    refused(auditor, "/v1/evidence?subject=" + "x".repeat(257), 400, "at most 256 characters");
    refused(auditor, "/v1/evidence/?subject=c-1", 404, "bundles are at /v1/evidence");
    refused(investigator, "/v1/evidence?subject=c-1", 403, "");
    refused(ingest, "/v1/evidence?subject=c-1", 403, "");
    assertThat(SERVER.treeSize()).isEqualTo(size);
  }

  private static void refused(String token, String path, int status, String message) {
    ApiServer.Answer answer = SERVER.get(token, path);
    assertThat(answer.status).as(path + ": " + answer.body).isEqualTo(status);
    assertThat(answer.json().path("message").asText()).contains(message);
    assertThat(answer.header("Ledger-Audit-Seq")).isNull();
  }

  static void assertProblem(byte[] bundle, String saved, BundleProblem problem) {
    try {
      BundleVerifier.verify(bundle, key, saved);
    } catch (BundleException e) {
      assertThat(e.problem()).as(e.describe()).isEqualTo(problem);
      return;
    }
    throw new AssertionError("the bundle verified; expected " + problem);
  }
}
