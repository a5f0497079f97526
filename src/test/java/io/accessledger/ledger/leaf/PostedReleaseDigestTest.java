package io.accessledger.ledger.leaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.ledger.json.CanonicalJson;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.TreeHasher;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The streamed digest equals the digest of the posted release built whole and serialised. */
class PostedReleaseDigestTest {

  private static Digest streamed(Map<String, Object> stored, List<String> subjects) {
    PostedReleaseDigest digest = new PostedReleaseDigest(stored);
    subjects.forEach(digest::addSubject);
    return digest.finish();
  }

  private static Digest whole(Map<String, Object> stored, List<String> subjects) {
    Map<String, Object> posted = new HashMap<>(stored);
    posted.remove("subjectCount");
    posted.put("subjects", subjects.stream().map(id -> Map.of("id", id)).toList());
    return Digest.wrapFresh(TreeHasher.sha256(CanonicalJson.serialize(posted)));
  }

  @Test
  void matchesTheWholePostedForm() {
    List<String> subjects = List.of("c-\"1\"", "c-\u00e9", "c\\3");
    // Members on both sides of "subjects", only before, only after, and some that sort close to
    // it ("subject", "subjectsX", "Subjects", "\u00fcber": UTF-16 order, not locale order).
    List<Map<String, Object>> releases = List.of(
        Map.of("eventId", "r", "type", "EXTRACT_RELEASE", "subjectCount", 3L,
            "dataset", Map.of("name", "d", "categories", List.of("a", "b"))),
        Map.of("eventId", "r", "subjectCount", 3L),
        Map.of("type", "EXTRACT_RELEASE", "subjectCount", 3L),
        Map.of("subjectCount", 3L),
        Map.of("subject", "x", "subjectsX", 1L, "Subjects", true, "\u00fcber", "y",
            "subjectCount", 3L));
    for (Map<String, Object> release : releases) {
      assertThat(streamed(release, subjects)).as(release.toString())
          .isEqualTo(whole(release, subjects));
    }
  }

  @Test
  void aStoredReleaseWithSubjectsIsRefused() {
    assertThatThrownBy(() -> new PostedReleaseDigest(Map.of("subjects", List.of())))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
