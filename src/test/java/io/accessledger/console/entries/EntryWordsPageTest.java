package io.accessledger.console.entries;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.auth.Role;
import io.accessledger.console.support.ConsoleClient;
import io.accessledger.console.support.ConsoleServer;
import io.accessledger.console.support.PageText;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The entry page says each type of entry in plain English, for entries posted through the API
 * and those the ledger writes itself (the extract's subjects, reads, reviews).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class EntryWordsPageTest {
  static final ConsoleServer SERVER = new ConsoleServer();
  static final DropwizardAppExtension<?> APP = SERVER.app;
  static String ingest;
  static String auditor;
  static ConsoleClient dpo;

  @BeforeAll
  static void signIn() {
    ingest = SERVER.addClient("carefirst", Role.INGEST, "carefirst");
    auditor = SERVER.addClient("dpo", Role.AUDITOR, null);
    dpo = new ConsoleClient(SERVER.base());
    dpo.signIn(auditor);
  }

  static String words(long seq) {
    HttpResponse<String> page = dpo.get("/console/entries/" + seq);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return PageText.text(page.body(), "entry-words");
  }

  @Test
  void aShareDecisionAnAllocationAndAClosureAreSaidInWords() {
    long share = EntryEvents.post(SERVER, ingest, EntryEvents.share());
    assertThat(words(share)).startsWith("tm-1 (team manager) recorded a decision on 5 March 2026"
        + " at 10:00 to share chronology about child-17 and child-18 with Northshire Police, on"
        + " the grounds of a risk of serious harm. Consent was not asked for: 'would increase the"
        + " risk'. Decided by tm-1; approved by hos-1.");
    assertThat(PageText.inner(dpo.get("/console/entries/" + share).body(), "named"))
        .contains("href=\"/console/subjects/child-18\"").contains("href=\"/console/actors/hos-1\"");
    long allocation = EntryEvents.post(SERVER, ingest, EntryEvents.allocation());
    assertThat(words(allocation)).startsWith("tm-1 allocated the case of child-17 to the worker"
        + " sw-2 from 1 February 2026 at 09:00, with no end set (allocation al-1).");
    long closure = EntryEvents.post(SERVER, ingest, EntryEvents.closure());
    assertThat(words(closure)).isEqualTo("tm-1 closed the case of child-17 on 20 March 2026 at"
        + " 12:00, giving the reason 'no further action', for 'closure', under UK GDPR Article"
        + " 6(1)(e) (public task).");
  }

  @Test
  void anExtractReleaseNamesNoChildAndEachOfItsSubjectEntriesNamesOne() {
    long release = EntryEvents.post(SERVER, ingest, EntryEvents.extract());
    String releasePage = dpo.get("/console/entries/" + release).body();
    assertThat(PageText.text(releasePage, "entry-words")).startsWith("ig-1 (information"
        + " governance) released the dataset cin-2024 (2 rows, pseudonymised, categories"
        + " referrals, covering 1 January 2020 to 31 December 2024) about 2 children to Evaluator"
        + " Ltd under agreement WWCSC-FAMILY-VALUED on 2 June 2025 at 11:00.");
    assertThat(releasePage).doesNotContain("child-17").doesNotContain("child-19");
    String subject = dpo.get("/console/entries/" + (release + 2)).body();
    assertThat(PageText.text(subject, "entry-words")).startsWith("child-19 was included in the"
        + " data extract released at entry " + release + " on 2 June 2025 at 11:00.");
    assertThat(PageText.inner(subject, "named"))
        .contains("href=\"/console/entries/" + release + "\"")
        .contains("href=\"/console/subjects/child-19\"").doesNotContain("child-17");
  }

  @Test
  void aReviewOfAFindingIsSaidInWordsWithLinksToTheAuditAndTheFinding() {
    long view = EntryEvents.post(SERVER, ingest, EntryEvents.view("v-review", "2026-03-03T10:00:00Z")
        .replace("child-17", "child-99"));
    HttpResponse<String> audit = SERVER.postEvent(auditor, "/v1/audits/need-to-know",
        "{\"from\":\"2026-03-03T00:00:00Z\",\"to\":\"2026-03-04T00:00:00Z\"}");
    long auditSeq = Long.parseLong(audit.headers().firstValue("Ledger-Audit-Seq").orElseThrow());
    HttpResponse<String> review = SERVER.postEvent(auditor, "/v1/audits/reviews", """
        {"audit":%d,"finding":"NOT_ALLOCATED-%d","outcome":"UPHELD","note":"no work reason"}
        """.formatted(auditSeq, view));
    assertThat(review.statusCode()).as(review.body()).isEqualTo(201);
    long seq = ConsoleServer.json(review.body()).path("seq").asLong();
    assertThat(words(seq)).startsWith("dpo (auditor) reviewed finding NOT_ALLOCATED-" + view
        + " of the need-to-know audit recorded at entry " + auditSeq + " on ")
        .endsWith(" and concluded: upheld. The finding, a view by someone the case was not"
            + " allocated to, is about staff member sw-1 and child-99, starting at entry " + view
            + ". Note: 'no work reason'.");
    assertThat(words(auditSeq)).startsWith("dpo (auditor) read a need-to-know audit"
        + " (/v1/audits/need-to-know) on ");
  }
}
