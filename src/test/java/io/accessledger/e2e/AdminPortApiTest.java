package io.accessledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin port as shipped: bound to loopback, with health, metrics and ping only. The tasks
 * (among them {@code log-level}, which could make Jetty log every header), the thread dump and
 * the CPU profiler do not exist unless configured on.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AdminPortApiTest {
  static final ApiServer SERVER = new ApiServer();
  static final DropwizardAppExtension<?> APP = SERVER.app;

  static RawHttp.Reply admin(String method, String path) {
    return admin(APP, method, path);
  }

  static RawHttp.Reply admin(DropwizardAppExtension<?> app, String method, String path) {
    return RawHttp.send(app.getAdminPort(), method + " " + path
        + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  }

  @Test
  void theAdminPortListensOnLoopbackOnly() throws Exception {
    Connector[] connectors = APP.getEnvironment().getApplicationContext().getServer().getConnectors();
    ServerConnector adminConnector = (ServerConnector) connectors[connectors.length - 1];
    assertThat(adminConnector.getLocalPort()).isEqualTo(APP.getAdminPort());
    assertThat(adminConnector.getHost()).isEqualTo("127.0.0.1");
    InetSocketAddress bound = (InetSocketAddress)
        ((ServerSocketChannel) adminConnector.getTransport()).getLocalAddress();
    assertThat(bound.getAddress().isLoopbackAddress()).as(bound.toString()).isTrue();
  }

  @Test
  void tasksThreadDumpsAndProfilesDoNotExist() {
    assertThat(admin("POST", "/tasks/log-level?logger=org.eclipse.jetty&level=DEBUG&duration=PT5S")
        .status()).isEqualTo(404);
    assertThat(admin("POST", "/tasks/gc").status()).isEqualTo(404);
    assertThat(admin("GET", "/threads").status()).isEqualTo(404);
    assertThat(admin("GET", "/pprof").status()).isEqualTo(404);
    assertThat(admin("GET", "/").body()).doesNotContain("threads").doesNotContain("pprof");
  }

  @Test
  void healthMetricsAndPingStay() {
    assertThat(admin("GET", "/healthcheck").status()).isEqualTo(200);
    assertThat(admin("GET", "/metrics").status()).isEqualTo(200);
    assertThat(admin("GET", "/ping").status()).isEqualTo(200);
  }
}
