package io.accessledger.console.entries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessledger.auth.Role;
import io.accessledger.console.support.ConsoleClient;
import io.accessledger.console.support.ConsoleServer;
import io.accessledger.console.support.PageText;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.ProofVerifier;
import io.accessledger.ledger.merkle.TreeHasher;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.ledger.notes.VerifierKey;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /console/entries/{seq}} on the real app: the leaf exactly as the API gives it, a proof
 * that checks against the signed checkpoint, the links, and one recorded read per view.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class EntryPageTest {
  static final ConsoleServer SERVER = new ConsoleServer();
  static final DropwizardAppExtension<?> APP = SERVER.app;
  private static final Pattern OWN_RECORD =
      Pattern.compile("your view of this page is <a class=\"govuk-link\" href=\"/console/entries/(\\d+)\"");
  static String auditor;
  static String investigator;
  static ConsoleClient dpo;
  static long firstView;
  static long secondView;

  @BeforeAll
  static void fill() {
    String ingest = SERVER.addClient("carefirst", Role.INGEST, "carefirst");
    auditor = SERVER.addClient("dpo", Role.AUDITOR, null);
    investigator = SERVER.addClient("ico", Role.INVESTIGATOR, null);
    firstView = EntryEvents.post(SERVER, ingest, EntryEvents.view("v-1", "2026-03-03T14:05:00Z"));
    secondView = EntryEvents.post(SERVER, ingest, EntryEvents.view("v-2", "2026-03-04T09:30:00Z"));
    dpo = new ConsoleClient(SERVER.base());
    assertThat(dpo.signIn(auditor).statusCode()).isEqualTo(303);
  }

  static String page(ConsoleClient client, long seq) {
    HttpResponse<String> page = client.get("/console/entries/" + seq);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return page.body();
  }

  static long ownRecord(String page) {
    Matcher m = OWN_RECORD.matcher(page);
    assertThat(m.find()).as("the page names its own record").isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void thePageShowsTheLeafAndItsHashExactlyAsTheApiReturnsThem() {
    String page = page(dpo, firstView);
    JsonNode api = ConsoleServer.json(SERVER.api(auditor, "/v1/entries/" + firstView).body());
    assertThat(PageText.text(page, "leaf-canonical")).isEqualTo(api.path("leaf").asText());
    assertThat(PageText.text(page, "leaf-hash")).isEqualTo(api.path("leafHash").asText());
    assertThat(PageText.text(page, "leaf-pretty")).contains("\"subject\" : {")
        .contains("\"id\" : \"child-17\"");
  }

  @Test
  void theProofOnThePageChecksAgainstTheSignedCheckpointAndCoversThePagesOwnRecord()
      throws Exception {
    String page = page(dpo, secondView);
    byte[] leaf = PageText.text(page, "leaf-canonical").getBytes(StandardCharsets.UTF_8);
    Digest hash = TreeHasher.leafHash(leaf);
    assertThat(hash.hex()).as("re-hashed with the 0x00 prefix")
        .isEqualTo(PageText.text(page, "leaf-hash"));
    Checkpoint checkpoint = SignedCheckpoint.open(PageText.text(page, "checkpoint"),
        VerifierKey.parse(PageText.text(page, "verifier-key")));
    assertThat(checkpoint.size()).isEqualTo(Long.parseLong(PageText.text(page, "proof-tree-size")));
    List<Digest> proof = PageText.items(page, "proof").stream().map(Digest::fromHex).toList();
    ProofVerifier.verifyInclusion(secondView, checkpoint.size(), hash, proof, checkpoint.root());
    assertThat(ownRecord(page)).isLessThan(checkpoint.size());
    String published = ConsoleServer.json(SERVER.api(auditor, "/v1/log").body())
        .path("verifierKey").asText();
    assertThat(PageText.text(page, "verifier-key")).isEqualTo(published);
  }

  @Test
  void theEntryLinksToTheChildTheStaffMemberTheRecordAndThePreviousEntryOfEachChain() {
    String page = page(dpo, secondView);
    assertThat(PageText.text(page, "entry-words")).isEqualTo("Jo Bloggs (social worker,"
        + " north-cin) viewed the case note CN-1 of child-17 on 4 March 2026 at 09:30, for 'case"
        + " work', under UK GDPR Article 6(1)(e) (public task).");
    String named = PageText.inner(page, "named");
    assertThat(named).contains("href=\"/console/subjects/child-17\"")
        .contains("href=\"/console/actors/sw-1\"")
        .contains("href=\"/console/records/case-note/CN-1\"");
    String chains = PageText.inner(page, "chains");
    for (String key : List.of("/console/subjects/child-17", "/console/actors/sw-1",
        "/console/records/case-note/CN-1")) {
      assertThat(chains).contains("href=\"" + key + "\"");
    }
    assertThat(chains.split("href=\"/console/entries/" + firstView + "\"", -1))
        .as("each of the three chains points at the first view").hasSize(4);
    assertThat(PageText.inner(page(dpo, firstView), "chains"))
        .contains("none: this is the first entry naming them");
    assertThat(PageText.inner(page, "legal-bases")).contains("UKGDPR-6-1-e")
        .contains("public task (the usual basis for a local authority")
        .contains("https://www.legislation.gov.uk/id/eur/2016/679/article/6/1/e");
  }

  @Test
  void eachViewIsRecordedAsTheApiReadOfTheEntryNamingTheClient() {
    long before = SERVER.treeSize();
    long own = ownRecord(page(dpo, firstView));
    assertThat(own).isEqualTo(before);
    assertThat(SERVER.treeSize()).as("one AUDIT_QUERY per view").isEqualTo(before + 1);
    JsonNode recorded = SERVER.leaf(auditor, own);
    assertThat(recorded.path("source").asText()).isEqualTo("ledger");
    assertThat(recorded.path("event").path("actor"))
        .isEqualTo(ConsoleServer.json("{\"id\":\"dpo\",\"role\":\"auditor\"}"));
    assertThat(recorded.path("event").path("query")).isEqualTo(ConsoleServer.json(
        "{\"path\":\"/v1/entries/" + firstView + "\",\"parameters\":{}}"));

    ConsoleClient ico = new ConsoleClient(SERVER.base());
    ico.signIn(investigator);
    String seen = page(ico, firstView);
    assertThat(SERVER.leaf(auditor, ownRecord(seen)).path("event").path("actor"))
        .isEqualTo(ConsoleServer.json("{\"id\":\"ico\",\"role\":\"investigator\"}"));
    String words = PageText.text(page(dpo, ownRecord(seen)), "entry-words");
    assertThat(words).startsWith("ico (investigator) read entry " + firstView
        + " of the ledger (/v1/entries/" + firstView + ") on ");
  }

  @Test
  void aSeqThatIsNotANumberIs400AndOnePastTheSignedTreeIs404AndNeitherWritesAnything() {
    long size = SERVER.treeSize();
    for (Map.Entry<String, Integer> refused : Map.of("abc", 400, "-1", 400, "1.5", 400,
        String.valueOf(size + 10), 404).entrySet()) {
      HttpResponse<String> page = dpo.get("/console/entries/" + refused.getKey());
      assertThat(page.statusCode()).as(refused.getKey()).isEqualTo(refused.getValue());
      assertThat(page.body()).contains(refused.getValue() == 400
          ? "seq must be a non-negative integer, got " + refused.getKey()
          : "no entry " + refused.getKey());
    }
    assertThat(SERVER.treeSize()).as("nothing was appended").isEqualTo(size);
  }
}
