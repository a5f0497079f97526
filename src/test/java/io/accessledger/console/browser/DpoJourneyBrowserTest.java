package io.accessledger.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessledger.auth.Role;
import io.accessledger.console.support.Axe;
import io.accessledger.console.support.Browser;
import io.accessledger.console.support.BrowserExtension;
import io.accessledger.console.support.ConsoleServer;
import io.accessledger.demo.DemoMonth;
import io.accessledger.evidence.BundleVerifier;
import io.accessledger.ledger.notes.VerifierKey;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A DPO's month of need-to-know review in a real headless Chromium, on the demo department's
 * month with its planted cases, from sign-in to the last {@code REVIEW}: run the audit, find every
 * planted rule, review a finding and see the {@code REVIEW} entry through the API, follow the
 * links to the child, the member of staff, the entry, the record and the registers, download the
 * evidence bundle and verify it, and search. axe-core runs on every page, and every page is
 * saved under {@code target/console-screenshots/}.
 */
@ExtendWith({DropwizardExtensionsSupport.class, BrowserExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DpoJourneyBrowserTest {
  static final YearMonth MONTH = YearMonth.of(2026, 3);
  static final DemoMonth DEMO = new DemoMonth(MONTH, ZoneId.of("Europe/London"), 8, 150, 2, 1);
  static final ConsoleServer SERVER = ConsoleServer.forDemo(DEMO);
  static final DropwizardAppExtension<?> APP = SERVER.app;

  static String auditor;
  static String investigator;
  static String reviewedFinding;

  @BeforeAll
  static void aMonthOfTheDepartment() {
    String ingest = SERVER.addClient("demo-lcs", Role.INGEST, "demo-lcs");
    auditor = SERVER.addClient("dpo-jane", Role.AUDITOR, null);
    investigator = SERVER.addClient("ico-case-7", Role.INVESTIGATOR, null);
    List<String> batch = new ArrayList<>();
    DEMO.events(event -> {
      batch.add(event);
      if (batch.size() == 500) {
        post(ingest, batch);
      }
    });
    post(ingest, batch);
  }

  private static void post(String ingest, List<String> batch) {
    HttpResponse<String> answer = SERVER.postEvent(ingest, "/v1/events/batch",
        "[" + String.join(",", batch) + "]");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    batch.clear();
  }

  /** Saves the page and checks it with axe-core, its one main landmark and its h1. */
  private static void page(Browser browser, String name) {
    ChromeDriver driver = browser.driver();
    assertThat(driver.findElements(By.tagName("main"))).as(name + ": one main").hasSize(1);
    assertThat(driver.findElements(By.tagName("h1"))).as(name + ": one h1").hasSize(1);
    browser.screenshot(name);
    Axe.assertNoSeriousViolations(browser);
  }

  private static void signIn(Browser browser, String token) {
    browser.driver().manage().deleteAllCookies();
    browser.open(SERVER.console() + "login");
    browser.driver().findElement(By.name("token")).sendKeys(token);
    browser.follow(browser.driver().findElement(By.cssSelector("form[action='/console/login'] button")));
    assertThat(browser.driver().getCurrentUrl()).endsWith("/console/");
  }

  private static void click(Browser browser, String css) {
    browser.follow(browser.driver().findElement(By.cssSelector(css)));
  }

  @Test
  @Order(1)
  void theDpoRunsTheMonthsAuditAndFindsEveryPlantedCase(Browser browser) {
    signIn(browser, auditor);
    ChromeDriver driver = browser.driver();
    click(browser, "nav a[href='/console/audits']");
    page(browser, "audit-form");
    WebElement from = driver.findElement(By.id("from"));
    from.clear();
    from.sendKeys(MONTH.atDay(1).toString());
    WebElement to = driver.findElement(By.id("to"));
    to.clear();
    to.sendKeys(MONTH.atEndOfMonth().toString());
    click(browser, "form[action='/console/audits'] button[type='submit']");
    // The page's script polls the run's progress and loads the findings when it is done.
    new WebDriverWait(driver, Duration.ofSeconds(60)).until(
        d -> !d.findElements(By.cssSelector("article.app-finding")).isEmpty());
    page(browser, "audit-findings");
    Set<String> rules = driver.findElements(By.cssSelector("article.app-finding")).stream()
        .map(f -> f.getAttribute("data-rule")).collect(Collectors.toCollection(TreeSet::new));
    Set<String> planted = DEMO.planted().stream().filter(line -> !line.startsWith("register:"))
        .map(line -> line.split("[ :]")[0]).collect(Collectors.toCollection(TreeSet::new));
    assertThat(planted).hasSize(7);
    assertThat(rules).containsAll(planted);
  }

  @Test
  @Order(2)
  void reviewingAFindingAppendsTheReviewEntryAndThePageShowsItsOutcome(Browser browser) {
    ChromeDriver driver = browser.driver();
    WebElement finding = driver.findElement(By.cssSelector("article.app-finding[data-subject]"));
    reviewedFinding = finding.getAttribute("data-finding");
    assertThat(finding.getAttribute("data-state")).isEqualTo("new");
    long before = SERVER.treeSize();
    finding.findElement(By.cssSelector("input[name='outcome'][value='UPHELD']")).click();
    finding.findElement(By.name("note")).sendKeys("No work reason found.\nReferred to HR.");
    browser.follow(finding.findElement(By.cssSelector("form.app-review-form button")));
    WebElement reviewed = driver.findElement(
        By.cssSelector("article.app-finding[data-finding='" + reviewedFinding + "']"));
    assertThat(reviewed.getAttribute("data-state")).isEqualTo("UPHELD");
    assertThat(reviewed.getText()).contains("dpo-jane");
    page(browser, "audit-reviewed");

    JsonNode review = SERVER.leaf(auditor, before);
    assertThat(review.path("source").asText()).isEqualTo("ledger");
    assertThat(review.path("event").path("type").asText()).isEqualTo("REVIEW");
    assertThat(review.path("event").path("finding").asText()).isEqualTo(reviewedFinding);
    assertThat(review.path("event").path("outcome").asText()).isEqualTo("UPHELD");
    assertThat(review.path("event").path("actor").path("id").asText()).isEqualTo("dpo-jane");
    assertThat(review.path("event").path("note").asText())
        .isEqualTo("No work reason found.\nReferred to HR.");
  }

  @Test
  @Order(3)
  void aReviewPostedWithoutTheFormsCsrfTokenIsRefusedAndWritesNothing(Browser browser) {
    ChromeDriver driver = browser.driver();
    WebElement finding = driver.findElement(By.cssSelector("article.app-finding[data-subject]"));
    driver.executeScript("arguments[0].querySelector(\"input[name='csrf']\").value = 'forged'",
        finding);
    finding.findElement(By.cssSelector("input[name='outcome'][value='EXPLAINED']")).click();
    finding.findElement(By.name("note")).sendKeys("forged");
    long before = SERVER.treeSize();
    browser.follow(finding.findElement(By.cssSelector("form.app-review-form button")));
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("You cannot do that");
    assertThat(SERVER.treeSize()).isEqualTo(before);
    page(browser, "csrf-refused");
    driver.navigate().back();
  }

  @Test
  @Order(4)
  void fromTheFindingTheDpoFollowsTheChildTheStaffMemberAndTheEntry(Browser browser)
      throws Exception {
    ChromeDriver driver = browser.driver();
    browser.open(SERVER.console() + "audits?from=" + MONTH.atDay(1) + "&to="
        + MONTH.atEndOfMonth() + "#finding-" + reviewedFinding);
    WebElement finding = driver.findElement(
        By.cssSelector("article.app-finding[data-finding='" + reviewedFinding + "']"));
    String child = finding.getAttribute("data-subject");
    String staff = finding.getAttribute("data-actor");
    String entry = finding.findElement(By.cssSelector("a[href^='/console/entries/']"))
        .getAttribute("href");

    browser.follow(finding.findElement(By.cssSelector("a[href^='/console/subjects/']")));
    assertThat(driver.getCurrentUrl()).contains("/console/subjects/");
    assertThat(driver.findElements(By.cssSelector("main svg, main canvas"))).isNotEmpty();
    assertThat(driver.findElements(By.cssSelector("main table"))).isNotEmpty();
    assertThat(driver.findElement(By.tagName("main")).getText()).contains(child);
    page(browser, "child");
    String report = driver.findElement(By.cssSelector("main a[href*='access-report']"))
        .getAttribute("href");
    String evidence = driver.findElement(By.cssSelector("main a[href*='evidence']"))
        .getAttribute("href");
    verifyBundle(browser, evidence, child);
    browser.open(report);
    assertThat(driver.getPageSource()).contains(child);
    browser.screenshot("access-report");
    Axe.assertNoSeriousViolations(browser);

    browser.open(SERVER.console() + "actors/" + staff);
    assertThat(driver.findElements(By.cssSelector("main svg, main canvas"))).isNotEmpty();
    assertThat(driver.findElements(By.cssSelector("main table"))).isNotEmpty();
    page(browser, "staff");

    browser.open(entry);
    assertThat(driver.findElement(By.tagName("main")).getText()).contains(staff);
    page(browser, "entry");
    WebElement record = driver.findElement(By.cssSelector("main a[href^='/console/records/']"));
    browser.follow(record);
    assertThat(driver.findElements(By.cssSelector("main table"))).isNotEmpty();
    page(browser, "record");
  }

  /** The bundle the child's page links to, fetched with the browser's session, verifies. */
  private static void verifyBundle(Browser browser, String url, String child) throws Exception {
    String cookie = browser.cookies().stream().filter(c -> c.getName().equals("ledger_session"))
        .map(c -> c.getName() + "=" + c.getValue()).findFirst().orElseThrow();
    HttpResponse<byte[]> bundle = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(bundle.statusCode()).isEqualTo(200);
    String key = ConsoleServer.json(SERVER.api(auditor, "/v1/log").body())
        .path("verifierKey").asText();
    assertThat(BundleVerifier.verify(bundle.body(), VerifierKey.parse(key), null).key())
        .isEqualTo("subject:" + child);
  }

  @Test
  @Order(5)
  void theRegistersAndTheSearchWorkFromEveryPage(Browser browser) {
    ChromeDriver driver = browser.driver();
    browser.open(SERVER.console());
    click(browser, "nav a[href='/console/registers/shares']");
    assertThat(driver.findElements(By.cssSelector("main table"))).isNotEmpty();
    page(browser, "register-shares");
    click(browser, "nav a[href='/console/registers/extracts']");
    assertThat(driver.findElements(By.cssSelector("main table"))).isNotEmpty();
    page(browser, "register-extracts");

    driver.findElement(By.id("search-q")).sendKeys("child-0001");
    click(browser, "form.app-search button");
    assertThat(driver.getCurrentUrl()).endsWith("/console/subjects/child-0001");
    browser.open(SERVER.console() + "search?kind=record&q=nothing");
    page(browser, "search-refused");
  }

  @Test
  @Order(6)
  void anInvestigatorReadsHistoriesAndEntriesButCannotAuditOrReview(Browser browser) {
    signIn(browser, investigator);
    ChromeDriver driver = browser.driver();
    assertThat(driver.findElements(By.cssSelector("nav a[href='/console/audits']"))).isEmpty();
    browser.open(SERVER.console() + "audits");
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("You cannot do that");
    page(browser, "investigator-refused");
    browser.open(SERVER.console() + "subjects/child-0001");
    assertThat(driver.findElements(By.cssSelector("main table"))).isNotEmpty();
    assertThat(driver.findElements(By.cssSelector("main a[href*='evidence']"))).isNotEmpty();
    page(browser, "investigator-child");
    click(browser, "form[action='/console/logout'] button");
    assertThat(driver.getCurrentUrl()).contains("/console/login");
  }
}
