package io.accessledger.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.api.ApiException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ContainerRequest;
import org.junit.jupiter.api.Test;

/**
 * A body the request filter has read already is taken as it is, not copied; without the filter
 * (a resource on its own) the stream is read; either way the limit holds.
 */
class BoundedBodyTest {
  private static ContainerRequest request() {
    return new ContainerRequest(URI.create("http://localhost/"),
        URI.create("http://localhost/v1/events"), "POST", null, new MapPropertiesDelegate(), null);
  }

  @Test
  void aBodyReadAlreadyIsTakenWithoutACopyAndOnlyOnce() {
    ContainerRequest request = request();
    byte[] body = "{\"a\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    request.setProperty(BoundedBody.ATTRIBUTE, body);
    assertThat(BoundedBody.read(request, new ByteArrayInputStream(new byte[0]), 7L, 100))
        .isSameAs(body);
    assertThat(request.getProperty(BoundedBody.ATTRIBUTE)).isNull();
  }

  @Test
  void withoutTheFilterTheStreamIsRead() {
    assertThat(BoundedBody.read(request(), new ByteArrayInputStream(new byte[] {'[', ']'}), null, 100))
        .containsExactly('[', ']');
  }

  @Test
  void theLimitHoldsForABodyReadAlready() {
    ContainerRequest request = request();
    request.setProperty(BoundedBody.ATTRIBUTE, new byte[101]);
    assertThatThrownBy(() -> BoundedBody.read(request, null, null, 100))
        .isInstanceOf(ApiException.class);
  }
}
