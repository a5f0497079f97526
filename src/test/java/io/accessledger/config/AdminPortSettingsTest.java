package io.accessledger.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A configuration that names no admin host still gets a loopback-only admin port. */
class AdminPortSettingsTest {
  private static HttpConnectorFactory connector(String host) {
    HttpConnectorFactory connector = new HttpConnectorFactory();
    connector.setBindHost(host);
    return connector;
  }

  @Test
  void anAdminConnectorWithNoHostListensOnLoopback() {
    DefaultServerFactory server = new DefaultServerFactory();
    server.setAdminConnectors(List.of(connector(null), connector(" "), connector("0.0.0.0"),
        connector("10.1.2.3")));
    AdminPortSettings.bindAdminToLoopbackUnlessSet(server);
    assertThat(server.getAdminConnectors()).extracting(c -> ((HttpConnectorFactory) c).getBindHost())
        .containsExactly("127.0.0.1", "127.0.0.1", "0.0.0.0", "10.1.2.3");
  }

  @Test
  void dropwizardsOwnDefaultIsMadeLoopback() {
    DefaultServerFactory server = new DefaultServerFactory();
    assertThat(((HttpConnectorFactory) server.getAdminConnectors().get(0)).getBindHost()).isNull();
    AdminPortSettings.bindAdminToLoopbackUnlessSet(server);
    assertThat(((HttpConnectorFactory) server.getAdminConnectors().get(0)).getBindHost())
        .isEqualTo("127.0.0.1");
  }
}
