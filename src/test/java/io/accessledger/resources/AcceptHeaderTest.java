package io.accessledger.resources;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 9110 section 12.5.1's negotiation between JSON (offered first) and HTML. */
class AcceptHeaderTest {
  static final List<MediaType> OFFERED =
      List.of(MediaType.APPLICATION_JSON_TYPE, MediaType.TEXT_HTML_TYPE);

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "NONE", value = {
      "NONE | application/json",
      "*/* | application/json",
      "text/html | text/html",
      "application/json | application/json",
      "text/html;q=0.5, application/json | application/json",
      "text/html, application/json | application/json",
      "text/html;q=0, application/json | application/json",
      "application/json;q=0, text/html | text/html",
      "application/json;q=0, */* | text/html",
      "application/*;q=0.1, text/*;q=0.2 | text/html",
      "TEXT/HTML;Q=0.9, application/json;q=0.8 | text/html",
      "text/html;q=0, application/json;q=0 | 406",
      "application/json;q=0, text/html;q=0 | 406",
      "text/html;q=0, */*;q=0 | 406",
      "image/png | 406",
      "*/*;q=0 | 406",
      "bogus, text/html | text/html",
      "text/html;q=2, application/json | application/json",
      "text/html;q=x, application/json | application/json"})
  void choosesTheMostWantedOfferedType(String accept, String expected) {
    List<String> values = accept == null ? null : Arrays.asList(accept);
    String chosen = AcceptHeader.of(values).best(OFFERED).map(MediaType::toString).orElse("406");
    assertThat(chosen).isEqualTo(expected);
  }
}
