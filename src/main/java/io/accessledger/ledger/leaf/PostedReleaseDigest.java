package io.accessledger.ledger.leaf;

import io.accessledger.ledger.json.CanonicalJson;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.TreeHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The SHA-256 of an {@code EXTRACT_RELEASE} as it was posted, rebuilt from its stored entries: the
 * stored release without {@code subjectCount}, plus {@code "subjects":[{"id":…},…]} in the order
 * of its {@code EXTRACT_SUBJECT} entries (contract section 2).
 *
 * <p>The canonical bytes are fed to the hash as they are produced, never held: members sorting
 * before {@code subjects} first, then one subject at a time, then the members after it. So memory
 * stays flat however many subjects a release names (up to 100 000, or any number in a forged log).
 */
final class PostedReleaseDigest {
  private static final String SUBJECTS = "subjects";
  private static final String SUBJECT_COUNT = "subjectCount";

  private final MessageDigest sha256;
  private final byte[] tail;
  private long subjects;

  /**
   * Starts the hash.
   *
   * @param release the stored release event, which MUST NOT have a {@code subjects} member
   */
  PostedReleaseDigest(Map<String, Object> release) {
    if (release.containsKey(SUBJECTS)) {
      throw new IllegalArgumentException("a stored release carries no subjects");
    }
    // RFC 8785 orders members by UTF-16 code units, which is String.compareTo.
    Map<String, Object> before = new HashMap<>();
    Map<String, Object> after = new HashMap<>();
    release.forEach((key, value) -> {
      if (!key.equals(SUBJECT_COUNT)) {
        (key.compareTo(SUBJECTS) < 0 ? before : after).put(key, value);
      }
    });
    sha256 = TreeHasher.newSha256();
    byte[] head = CanonicalJson.serialize(before);
    sha256.update(head, 0, head.length - 1); // up to, not including, the closing brace
    if (!before.isEmpty()) {
      sha256.update((byte) ',');
    }
    sha256.update(ascii("\"subjects\":["));
    byte[] rest = CanonicalJson.serialize(after);
    // "]" closes the list; then the members after it, whose serialised object ends with "}".
    tail = after.isEmpty()
        ? ascii("]}")
        : concat(ascii("],"), Arrays.copyOfRange(rest, 1, rest.length));
  }

  /** Appends the next subject, {@code {"id":<subjectId>}}. */
  void addSubject(String subjectId) {
    if (subjects++ > 0) {
      sha256.update((byte) ',');
    }
    sha256.update(ascii("{\"id\":"));
    sha256.update(CanonicalJson.serialize(subjectId));
    sha256.update((byte) '}');
  }

  /** Closes the list and the object, and returns the digest; call once. */
  Digest finish() {
    sha256.update(tail);
    return Digest.wrapFresh(sha256.digest());
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

}
