package io.accessledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.api.ApiException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessReportRequestTest {
  @Test
  void aChildAndAnOptionalWindowOnOccurredAt() {
    assertThat(AccessReportRequest.parse("c-1", Map.of()))
        .isEqualTo(new AccessReportRequest("c-1", null, null));
    assertThat(AccessReportRequest.parse("c-1",
        Map.of("from", "2026-01-01T00:00:00Z", "to", "2026-02-01T00:00:00Z")))
        .isEqualTo(new AccessReportRequest("c-1", Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2026-02-01T00:00:00Z")));
  }

  @Test
  void badIdsAndWindowsAreRefusedNamingTheProblem() {
    refused("c\n#999", Map.of(), "the subject id must not contain control characters");
    refused("", Map.of(), "the subject id must not be empty");
    refused("c".repeat(257), Map.of(), "the subject id must be at most 256 characters");
    refused("c-1", Map.of("to", "tomorrow"), "to must be an RFC 3339 UTC time");
    refused("c-1", Map.of("from", "2026-01-01T00:00:00Z", "to", "2026-01-01T00:00:00Z"),
        "must be before to");
  }

  private static void refused(String id, Map<String, String> parameters, String message) {
    assertThatThrownBy(() -> AccessReportRequest.parse(id, parameters))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
  }
}
