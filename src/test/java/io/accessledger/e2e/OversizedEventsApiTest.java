package io.accessledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.auth.Role;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The 32 MiB allowance of an extract release is for its subjects list alone: whatever else the
 * event holds counts against the ordinary 1 MiB, and {@code extensions} holds at most 64 keys.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OversizedEventsApiTest {
  static final ApiServer SERVER = new ApiServer();
  static final DropwizardAppExtension<?> APP = SERVER.app;
  static String ingest;

  @BeforeAll
  static void clients() {
    ingest = SERVER.addClient("carefirst", Role.INGEST, "carefirst");
  }

  private static String subjects(int count) {
    String[] ids = new String[count];
    for (int i = 0; i < count; i++) {
      ids[i] = "child-" + i;
    }
    return Json.extract("rel-" + count, ids);
  }

  private static String withExtensions(String event, int keys, int valueChars) {
    StringBuilder extensions = new StringBuilder("\"extensions\":{");
    for (int i = 0; i < keys; i++) {
      extensions.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"")
          .append("v".repeat(valueChars)).append('"');
    }
    return event.replaceFirst("\\{", "{" + extensions + "},");
  }

  private ApiServer.Answer refused(int status, String event, String messagePart) {
    long size = SERVER.treeSize();
    ApiServer.Answer answer = SERVER.post(ingest, "/v1/events", event);
    assertThat(answer.status).as(answer.body).isEqualTo(status);
    assertThat(answer.json().path("message").asText()).contains(messagePart);
    assertThat(SERVER.treeSize()).as("nothing was appended").isEqualTo(size);
    return answer;
  }

  @Test
  void aLargeReleaseGrowsThroughItsSubjects() {
    String event = withExtensions(subjects(60_000), 64, 100);
    assertThat(event.length()).isGreaterThan(1 << 20);
    long size = SERVER.treeSize();
    assertThat(SERVER.post(ingest, "/v1/events", event).status).isEqualTo(201);
    assertThat(SERVER.treeSize()).isEqualTo(size + 1 + 60_000);
  }

  @Test
  void millionsOfExtensionKeysAreRefused() {
    String event = withExtensions(Json.extract("rel-keys", "child-1"), 2_000_000, 0);
    assertThat(event.length()).isGreaterThan(20 << 20);
    refused(413, event, "outside its subjects list");
  }

  @Test
  void aMebibyteOutsideTheSubjectsListIsRefused() {
    StringBuilder categories = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      categories.append(i == 0 ? "" : ",").append('"').append(i).append("c".repeat(4_000))
          .append('"');
    }
    String event = subjects(60_000).replaceFirst("\\[\"referrals\",\"assessments\"\\]",
        "[" + categories + "]");
    assertThat(event).contains("cccc");
    refused(413, event, "outside its subjects list");
  }

  @Test
  void sixtyFiveExtensionKeysAreRefusedInAnyEvent() {
    refused(422, withExtensions(Json.view("v-keys", "c-1", "w-1"), 65, 1),
        "extensions: must hold at most 64 keys, got 65");
    refused(422, withExtensions(Json.extract("rel-65", "child-1"), 65, 1),
        "extensions: must hold at most 64 keys, got 65");
  }
}
