package io.accessledger.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.auth.Role;
import io.accessledger.console.support.Browser;
import io.accessledger.console.support.BrowserExtension;
import io.accessledger.console.support.ConsoleServer;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** A session idle past {@code console.idleTimeout} ends: the browser is sent to sign in again. */
@ExtendWith({DropwizardExtensionsSupport.class, BrowserExtension.class})
class SessionTimeoutBrowserTest {
  static final ConsoleServer SERVER = new ConsoleServer(
      ConfigOverride.config("console.idleTimeout", "2s"));
  static final DropwizardAppExtension<?> APP = SERVER.app;

  @Test
  void aSessionIdleLongerThanTheTimeoutIsSentToSignIn(Browser browser) throws Exception {
    String auditor = SERVER.addClient("dpo", Role.AUDITOR, null);
    browser.open(SERVER.console());
    browser.driver().findElement(By.name("token")).sendKeys(auditor);
    browser.follow(browser.driver().findElement(By.cssSelector("form[action='/console/login'] button")));
    assertThat(browser.driver().getCurrentUrl()).endsWith("/console/");
    Thread.sleep(2_500);
    browser.open(SERVER.console());
    assertThat(browser.driver().getCurrentUrl()).endsWith("/console/login");
    assertThat(browser.cookies()).noneMatch(c -> c.getName().equals("ledger_session"));
  }
}
