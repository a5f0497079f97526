package io.accessledger.console.registers;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.auth.Role;
import io.accessledger.console.support.ConsoleClient;
import io.accessledger.console.support.ConsoleServer;
import io.accessledger.console.support.PageText;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The register pages on the real app under the shipped config.yml: each posted decision and
 * release with exactly its flags (in words), the links, and the filters of the API as a form.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RegisterPagesTest {
  static final ConsoleServer SERVER = new ConsoleServer();
  static final DropwizardAppExtension<?> APP = SERVER.app;
  static RegisterFixtures posted;
  static ConsoleClient dpo;

  @BeforeAll
  static void fill() {
    posted = RegisterFixtures.standard(SERVER,
        SERVER.addClient("carefirst", Role.INGEST, "carefirst"));
    dpo = new ConsoleClient(SERVER.base());
    dpo.signIn(SERVER.addClient("dpo", Role.AUDITOR, null));
  }

  static String page(String pathAndQuery) {
    HttpResponse<String> page = dpo.get(pathAndQuery);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return page.body();
  }

  static Map<Long, List<String>> rows(String pathAndQuery) {
    return RegisterFixtures.rows(page(pathAndQuery));
  }

  @Test
  void theShareRegisterShowsEveryDecisionWithExactlyItsFlagsInWords() {
    String page = page("/console/registers/shares");
    assertThat(RegisterFixtures.rows(page)).containsExactlyEntriesOf(posted.shares);
    assertThat(page).contains("<strong class=\"govuk-tag govuk-tag--red\">Not approved by a"
        + " second person</strong> <span class=\"app-code\">SHARE_NOT_APPROVED</span>")
        .contains("Legal basis does not fit")
        .contains("The legal bases do not fit the grounds CRIME_PREVENTION_DETECTION")
        .contains("<strong class=\"govuk-tag govuk-tag--green\">No flags</strong>")
        .contains("4 decisions match, 2 flagged");
    assertThat(page("/console/registers/extracts?flagged=true")).contains("1 release matches");
  }

  @Test
  void eachRowLinksToItsEntryEachChildTheDeciderAndTheApprover() {
    String page = page("/console/registers/shares?decision=SHARE&flagged=false");
    long ok = posted.seqs.get("s-ok");
    assertThat(page).contains("<a class=\"govuk-link\" href=\"/console/entries/" + ok + "\">entry "
            + ok + "</a>")
        .contains("href=\"/console/subjects/c-1\"").contains("href=\"/console/subjects/c-2\"")
        .contains("href=\"/console/actors/tm-1\"").contains("href=\"/console/actors/hos-1\"");
    assertThat(PageText.decode(page("/console/registers/shares?decision=DO_NOT_SHARE")))
        .contains("href=\"/console/actors/%40hos\"").contains("not to share, with =HYPERLINK(\"http://evil.example\",\"x\") (-2+3)")
        .doesNotContain("<a href=\"http://evil.example");
  }

  @Test
  void theExtractRegisterFlagsEachReleaseAndNamesNoChild() {
    String page = page("/console/registers/extracts");
    assertThat(RegisterFixtures.rows(page)).containsExactlyEntriesOf(posted.extracts);
    assertThat(page).contains("Unknown agreement").contains("Not pseudonymised")
        .contains("href=\"/console/actors/ig-1\"");
    for (String child : List.of("c-1", "c-3", "c-4")) {
      assertThat(page).doesNotContain(child);
    }
  }

  @Test
  void theFormsFiltersAreTheApisWithWholeDaysAndEmptyFieldsLeftOut() {
    assertThat(rows("/console/registers/shares?from=2026-03-02&to=2026-03-05"))
        .as("both days included, the whole of the last")
        .containsExactlyEntriesOf(posted.only(posted.shares, "s-unapproved", "s-crime-basis"));
    assertThat(rows("/console/registers/shares?from=&to=&flagged=&recipient=&decision=&grounds="))
        .as("a GET form sends every field; empty ones filter nothing")
        .containsExactlyEntriesOf(posted.shares);
    assertThat(rows("/console/registers/shares?flagged=true"))
        .containsExactlyEntriesOf(posted.only(posted.shares, "s-unapproved", "s-crime-basis"));
    assertThat(rows("/console/registers/shares?grounds=CRIME_PREVENTION_DETECTION"))
        .containsOnlyKeys(posted.seqs.get("s-crime-basis"));
    assertThat(rows("/console/registers/shares?recipient=%20northshire%20%20POLICE"))
        .containsOnlyKeys(posted.seqs.get("s-ok"), posted.seqs.get("s-unapproved"),
            posted.seqs.get("s-crime-basis"));
    assertThat(rows("/console/registers/extracts?agreement=DSA-UNKNOWN&flagged=true"))
        .containsOnlyKeys(posted.seqs.get("x-unknown"));
    assertThat(page("/console/registers/extracts?to=2025-06-01")).contains("id=\"no-items\"")
        .contains("0 releases match");
  }

  @Test
  void theFormIsLabelledAndShowsTheFiltersGiven() {
    String page = page("/console/registers/shares?from=2026-03-02&flagged=true&grounds=COURT_ORDER");
    for (String field : List.of("from", "to", "flagged", "recipient", "decision", "grounds")) {
      assertThat(page).contains("<label class=\"govuk-label govuk-label--s\" for=\"filter-"
          + field + "\">").contains("name=\"" + field + "\"");
    }
    assertThat(page).contains("value=\"2026-03-02\"")
        .contains("<option value=\"true\" selected>Flagged only</option>")
        .contains("<option value=\"COURT_ORDER\" selected>A court order</option>")
        .contains("href=\"/console/registers/shares.csv?flagged&#61;true&amp;from&#61;2026-03-02"
            + "&amp;grounds&#61;COURT_ORDER\"");
    assertThat(page("/console/registers/extracts")).contains("name=\"agreement\"")
        .doesNotContain("name=\"decision\"");
  }
}
