package io.accessledger.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.auth.Role;
import io.accessledger.console.support.ConsoleClient;
import io.accessledger.console.support.ConsoleServer;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The configured limits, on a real server: failed sign-ins per address and the idle timeout. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConsoleLimitsTest {
  static final ConsoleServer SERVER = new ConsoleServer(
      ConfigOverride.config("console.maxFailedSignIns", "3"),
      ConfigOverride.config("console.idleTimeout", "2s"));
  static final DropwizardAppExtension<?> APP = SERVER.app;

  @Test
  void anAddressThatFailsTooOftenIsStoppedEvenWithAGoodTokenAndASessionEndsWhenIdle()
      throws Exception {
    String auditor = SERVER.addClient("dpo", Role.AUDITOR, null);
    ConsoleClient early = new ConsoleClient(SERVER.base());
    assertThat(early.signIn(auditor).statusCode()).isEqualTo(303);
    assertThat(early.get("/console/").statusCode()).isEqualTo(200);

    ConsoleClient guesser = new ConsoleClient(SERVER.base());
    for (int i = 0; i < 3; i++) {
      assertThat(guesser.signIn("alt_" + "guess" + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> stopped = guesser.signIn(auditor);
    assertThat(stopped.statusCode()).isEqualTo(429);
    assertThat(stopped.headers().firstValue("Retry-After")).isPresent();
    assertThat(stopped.body()).contains("Too many failed sign-ins");
    assertThat(guesser.get("/console/").statusCode()).isEqualTo(303);

    Thread.sleep(2_500);
    assertThat(early.get("/console/").statusCode()).as("idle past 2s").isEqualTo(303);
  }
}
