package io.accessledger.console.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriverException;

/** The harness against pages served over real HTTP with the console's strict CSP. */
@ExtendWith(BrowserExtension.class)
class BrowserHarnessTest {
  /** Lang, title, one main landmark, a labelled input; and an inline script CSP must stop. */
  private static final String GOOD =
      """
      <!doctype html>
      <html lang="en"><head><meta charset="utf-8"><title>Sign in</title></head>
      <body><main><h1>Sign in</h1>
      <form action="/good" method="post"><label for="token">Token</label>
      <input id="token" name="token" type="password"><button>Sign in</button></form>
      </main><script>document.documentElement.dataset.inline = 'ran';</script></body></html>
      """;

  private static final String BAD =
      """
      <!doctype html>
      <html lang="en"><head><meta charset="utf-8"><title>Search</title></head>
      <body><main><h1>Search</h1>
      <input id="unlabelled" name="q" type="text"><img id="chart" src="/chart.png">
      </main></body></html>
      """;

  /** 3000 px tall by a stylesheet from 'self': the CSP ignores inline style attributes. */
  private static final String TALL =
      """
      <!doctype html>
      <html lang="en"><head><meta charset="utf-8"><title>Tall</title>
      <link rel="stylesheet" href="/tall.css"></head>
      <body><main><h1>Tall</h1><div id="tall">below</div></main></body>
      </html>
      """;

  private static PageServer pages;

  @BeforeAll
  static void serve() {
    pages =
        new PageServer(
            Map.of(
                "/good", GOOD,
                "/bad", BAD,
                "/tall", TALL,
                "/tall.css", "#tall { height: 3000px }"));
  }

  @AfterAll
  static void stop() {
    pages.close();
  }

  @Test
  void axeRunsUnderTheStrictCspAndFindsNothingSeriousOnAnAccessiblePage(Browser browser) {
    browser.open(pages.uri("/good"));

    assertThat(browser.driver().getTitle()).isEqualTo("Sign in");
    assertThat(browser.driver().executeScript("return document.documentElement.dataset.inline"))
        .as("the page's own inline script is refused, so the CSP header is in force")
        .isNull();
    assertThat(Axe.seriousViolations(browser)).isEmpty();
    Axe.assertNoSeriousViolations(browser);
  }

  @Test
  void axeReportsAnUnlabelledInputAndAnImageWithoutAlt(Browser browser) {
    browser.open(pages.uri("/bad"));

    assertThat(Axe.seriousViolations(browser))
        .extracting(Axe.Violation::id)
        .contains("label", "image-alt");
    assertThat(Axe.seriousViolations(browser))
        .filteredOn(v -> v.id().equals("label"))
        .singleElement()
        .satisfies(v -> assertThat(v.impact()).isIn("serious", "critical"))
        .satisfies(v -> assertThat(v.targets()).containsExactly("#unlabelled"));
    assertThatThrownBy(() -> Axe.assertNoSeriousViolations(browser))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(pages.uri("/bad").toString())
        .hasMessageContaining("label (")
        .hasMessageContaining("image-alt (")
        .hasMessageContaining("#chart");
  }

  @Test
  void aScreenshotHoldsTheWholePageNotOnlyTheWindow(Browser browser) throws IOException {
    browser.open(pages.uri("/tall"));

    Path file = browser.screenshot("harness-tall-page");

    assertThat(file).isEqualTo(Browser.SCREENSHOTS.resolve("harness-tall-page.png"));
    byte[] png = Files.readAllBytes(file);
    assertThat(png).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
    BufferedImage image = ImageIO.read(file.toFile());
    int window = browser.driver().manage().window().getSize().getHeight();
    assertThat(window).isEqualTo(1000);
    assertThat(image.getHeight()).isGreaterThan(3000).isGreaterThan(window);
    assertThat(image.getWidth()).isGreaterThan(1000);
  }

  @Test
  void aScreenshotNameCannotLeaveTheScreenshotFolder(Browser browser) {
    assertThatThrownBy(() -> browser.screenshot("../escape"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cookiesAreThoseTheBrowserHoldsForThePage(Browser browser) {
    browser.open(pages.uri("/good"));
    browser.driver().executeScript("document.cookie = 'seen=yes; SameSite=Strict; path=/'");

    assertThat(browser.cookies())
        .extracting(Cookie::getName, Cookie::getValue, Cookie::getSameSite)
        .contains(tuple("seen", "yes", "Strict"));
  }

  @Test
  void localhostIsReachable(Browser browser) {
    browser.open(pages.uri("localhost", "/good"));

    assertThat(browser.driver().getTitle()).isEqualTo("Sign in");
  }

  @Test
  void theBrowserResolvesNoOtherNameSoNothingLeavesTheMachine(Browser browser) throws Exception {
    InetAddress here = InetAddress.getLocalHost();
    assumeTrue(
        here.isLoopbackAddress(), "this machine's name is not a loopback address: " + here);
    try (PageServer named = new PageServer(Map.of("/good", GOOD), here)) {
      URI byName = named.uri(here.getHostName(), "/good");
      HttpResponse<Void> outside =
          HttpClient.newHttpClient()
              .send(HttpRequest.newBuilder(byName).build(), HttpResponse.BodyHandlers.discarding());
      assertThat(outside.statusCode()).as("the JVM reaches " + byName).isEqualTo(200);

      assertThatThrownBy(() -> browser.open(byName))
          .isInstanceOf(WebDriverException.class)
          .hasMessageContaining("ERR_NAME_NOT_RESOLVED");
    }
  }

  @Test
  void aBrowserOfItsOwnStartsWithAFreshProfileThatCloseDeletes() {
    Path profile;
    try (Browser own = Browser.start()) {
      profile = own.profile();
      assertThat(profile).isDirectory();
      assertThat(own.cookies()).isEmpty();
    }
    assertThat(profile).doesNotExist();
  }
}
