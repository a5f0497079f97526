package io.accessledger.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.auth.Role;
import io.accessledger.console.support.Axe;
import io.accessledger.console.support.Browser;
import io.accessledger.console.support.BrowserExtension;
import io.accessledger.console.support.ConsoleServer;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Signing in, the overview and signing out in a real headless Chromium: what a person does, with
 * the console's real CSP in force; axe-core on each page; a screenshot of each.
 */
@ExtendWith({DropwizardExtensionsSupport.class, BrowserExtension.class})
class SignInBrowserTest {
  static final ConsoleServer SERVER = new ConsoleServer();
  static final DropwizardAppExtension<?> APP = SERVER.app;

  static String auditor;
  static String ingest;

  @BeforeAll
  static void clients() {
    auditor = SERVER.addClient("dpo-jane", Role.AUDITOR, null);
    ingest = SERVER.addClient("carefirst", Role.INGEST, "carefirst");
  }

  @BeforeEach
  void signedOut(Browser browser) {
    browser.open(SERVER.console() + "login");
    browser.driver().manage().deleteAllCookies();
  }

  static void signIn(Browser browser, String token) {
    browser.open(SERVER.console());
    ChromeDriver driver = browser.driver();
    assertThat(driver.getCurrentUrl()).endsWith("/console/login");
    driver.findElement(By.name("token")).sendKeys(token);
    browser.follow(driver.findElement(By.cssSelector("form[action='/console/login'] button")));
  }

  @Test
  void theSignInPageIsAccessibleAndRefusesAnIngestTokenWithAnErrorSummary(Browser browser) {
    browser.open(SERVER.console());
    Axe.assertNoSeriousViolations(browser);
    browser.screenshot("sign-in");
    signIn(browser, ingest);
    ChromeDriver driver = browser.driver();
    assertThat(driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
        .contains("ingest");
    assertThat(driver.getTitle()).startsWith("Error:");
    Axe.assertNoSeriousViolations(browser);
    browser.screenshot("sign-in-refused");
    assertThat(browser.cookies()).noneMatch(c -> c.getName().equals("ledger_session"));
  }

  @Test
  void anAuditorSignsInSeesTheOverviewByKeyboardAndSignsOut(Browser browser) {
    signIn(browser, auditor);
    ChromeDriver driver = browser.driver();
    assertThat(driver.getCurrentUrl()).endsWith("/console/");
    Cookie session = browser.cookies().stream()
        .filter(c -> c.getName().equals("ledger_session")).findFirst().orElseThrow();
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(session.getSameSite()).isEqualTo("Strict");
    assertThat(session.getPath()).isEqualTo("/console");
    assertThat(session.isSecure()).as("plain HTTP here").isFalse();
    assertThat(driver.executeScript("return document.cookie")).as("no script reads it")
        .isEqualTo("");

    assertThat(driver.findElements(By.tagName("main"))).hasSize(1);
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Overview");
    assertThat(driver.findElements(By.cssSelector("svg[role='img']"))).isNotEmpty();
    assertThat(driver.findElement(By.cssSelector("body")).getText()).contains("dpo-jane");
    Axe.assertNoSeriousViolations(browser);
    browser.screenshot("overview");

    // The first Tab reaches the skip link, which leads to the main content.
    driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    WebElement skip = driver.switchTo().activeElement();
    assertThat(skip.getText()).isEqualTo("Skip to main content");
    skip.sendKeys(Keys.ENTER);
    assertThat(driver.getCurrentUrl()).endsWith("#main-content");

    // The stylesheet and script came from the service itself and were applied under the CSP.
    assertThat(driver.executeScript("return document.body.classList.contains('js-enabled')"))
        .as("console.js ran").isEqualTo(true);
    assertThat(driver.executeScript(
        "return getComputedStyle(document.querySelector('h1')).fontWeight")).isEqualTo("700");
    @SuppressWarnings("unchecked")
    List<String> outside = (List<String>) driver.executeScript(
        "return performance.getEntriesByType('resource').map(e => e.name)"
            + ".filter(n => !n.startsWith(location.origin))");
    assertThat(outside).as("nothing from outside the service").isEmpty();

    browser.follow(driver.findElement(By.cssSelector("form[action='/console/logout'] button")));
    assertThat(driver.getCurrentUrl()).contains("/console/login");
    assertThat(driver.findElement(By.cssSelector(".govuk-notification-banner")).getText())
        .contains("You have signed out");
    browser.open(SERVER.console());
    assertThat(driver.getCurrentUrl()).as("the session has ended").endsWith("/console/login");
  }
}
