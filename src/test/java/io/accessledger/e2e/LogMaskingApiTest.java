package io.accessledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import io.accessledger.auth.Role;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * With the admin tasks configured on, anyone on the admin host can set Jetty's loggers to DEBUG,
 * and Jetty then logs every header it parses. No credential may reach a log all the same: every
 * event is captured while Jetty logs at DEBUG, and none holds a token or a cookie's value.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class LogMaskingApiTest {
  static final ApiServer SERVER = new ApiServer(ConfigOverride.config("adminPort.tasks", "true"),
      ConfigOverride.config("adminPort.diagnostics", "true"));
  static final DropwizardAppExtension<?> APP = SERVER.app;

  /** Every event's text as an appender would write it: the message and every exception's. */
  static final class Capture extends AppenderBase<ILoggingEvent> {
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
      StringBuilder text = new StringBuilder(event.getFormattedMessage());
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        text.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
      }
      lines.add(text.toString());
    }
  }

  @Test
  void noLogLevelPrintsAnAuthorizationHeaderOrACookie() throws Exception {
    String ingest = SERVER.addClient("carefirst", Role.INGEST, "carefirst");
    String auditor = SERVER.addClient("dpo", Role.AUDITOR, null);
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Capture capture = new Capture();
    capture.start();
    root.addAppender(capture);
    try {
      RawHttp.Reply set = AdminPortApiTest.admin(APP, "POST",
          "/tasks/log-level?logger=org.eclipse.jetty&level=DEBUG&duration=PT20S");
      assertThat(set.status()).as(set.body()).isEqualTo(200);
      assertThat(SERVER.post(ingest, "/v1/events", Json.view("e-1", "c-1", "w-1")).status)
          .isEqualTo(201);
      RawHttp.Reply read = RawHttp.get(APP.getLocalPort(), "/v1/subjects/c-1/events",
          "Authorization: Bearer " + auditor, "Cookie: session=s3cr3t-cookie-value; theme=dark",
          "Proxy-Authorization: Basic dXNlcjpwYXNzd29yZA==");
      assertThat(read.status()).isEqualTo(200);
      RawHttp.get(APP.getLocalPort(), "/v1/log", "authorization: bearer " + ingest + "x");
      // As curl sends it: the credential last, so a buffer dump's tail is the token's tail.
      RawHttp.send(APP.getLocalPort(), "GET /v1/log HTTP/1.1\r\nHost: localhost\r\n"
          + "Connection: close\r\nAuthorization: Bearer " + auditor + "\r\n\r\n");
      String event = Json.view("e-2", "c-1", "w-1");
      RawHttp.send(APP.getLocalPort(), "POST /v1/events HTTP/1.1\r\nHost: localhost\r\n"
          + "Content-Type: application/json\r\nContent-Length: " + event.length()
          + "\r\nConnection: close\r\nAuthorization: Bearer " + ingest + "\r\n\r\n" + event);
    } finally {
      AdminPortApiTest.admin(APP, "POST", "/tasks/log-level?logger=org.eclipse.jetty&level=WARN");
      root.detachAppender(capture);
    }
    List<String> lines = capture.lines;
    assertThat(lines).as("Jetty logged at DEBUG").hasSizeGreaterThan(100);
    assertThat(lines).as("the headers were seen, and masked")
        .anyMatch(line -> line.contains("Authorization: [masked]")
            || line.contains("Authorization=[masked]"));
    // Not a whole token, and no ten characters of one in a row either.
    List<String> pieces = new java.util.ArrayList<>();
    for (String token : List.of(ingest, auditor)) {
      for (int i = 4; i + 10 <= token.length(); i++) {
        pieces.add(token.substring(i, i + 10));
      }
    }
    pieces.addAll(List.of("s3cr3t-cookie-value", "dXNlcjpwYXNzd29yZA"));
    for (String line : lines) {
      for (String piece : pieces) {
        assertThat(line).doesNotContain(piece);
      }
    }
  }
}
