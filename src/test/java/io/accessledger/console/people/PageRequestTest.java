package io.accessledger.console.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.api.ApiException;
import io.accessledger.query.LinkedEntries.Window;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The people pages' requests, checked before anything is recorded. */
class PageRequestTest {
  private static MultivaluedMap<String, String> query(String... pairs) {
    MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      query.add(pairs[i], pairs[i + 1]);
    }
    return query;
  }

  @Test
  void aCursorPicksThePageAndIsRecordedAsGiven() {
    assertThat(PageRequest.parse(query()).window()).isEqualTo(Window.latest(PageRequest.ROWS));
    PageRequest older = PageRequest.parse(query("before", "120"));
    assertThat(older.window()).isEqualTo(Window.before(120, PageRequest.ROWS));
    assertThat(older.parameters()).isEqualTo(Map.of("before", "120"));
    assertThat(PageRequest.parse(query("after", "0")).window())
        .isEqualTo(Window.after(0, PageRequest.ROWS));
  }

  @Test
  void badCursorsAreRefused() {
    for (String bad : new String[] {"x", "-1", "+5", "007", "", "99999999999999999999"}) {
      assertThatThrownBy(() -> PageRequest.parse(query("before", bad)))
          .isInstanceOf(ApiException.class).hasMessageContaining("entry number");
    }
    assertThatThrownBy(() -> PageRequest.parse(query("before", "1", "after", "2")))
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> PageRequest.parse(query("before", "1", "before", "2")))
        .hasMessageContaining("more than once");
    assertThatThrownBy(() -> PageRequest.parse(query("cursor", "1")))
        .hasMessageContaining("unknown query parameter \"cursor\"");
  }

  @Test
  void idsAreAsEventsCarryThem() {
    assertThat(PageRequest.checkId("the child's id", "c-1 é")).isEqualTo("c-1 é");
    assertThatThrownBy(() -> PageRequest.checkId("the child's id", ""))
        .hasMessage("the child's id must not be empty");
    assertThatThrownBy(() -> PageRequest.checkId("the child's id", "a\nb"))
        .hasMessageContaining("control characters");
    assertThat(PageRequest.checkId("the child's id", "é".repeat(256))).hasSize(256);
    assertThatThrownBy(() -> PageRequest.checkId("the child's id", "x".repeat(257)))
        .hasMessageContaining("at most 256 characters");
  }
}
