package io.accessledger.ledger.notes;

import io.accessledger.ledger.merkle.Digest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The log's signed statement that, in the tree of {@code treeSize} leaves with root {@code root},
 * the latest entry naming {@code linkKey} is {@code head} ({@code -1}: none does).
 *
 * <p>With it, a history is checkable for completeness: the entries naming a key form a chain
 * through their leaves' {@code links} (contract section 2), so a verifier who holds the chain from
 * {@code head} back to {@code -1} knows no entry in between was left out (the chain would break),
 * and no later one either (the log signed that {@code head} was the latest). If the log ever shows
 * an entry below {@code treeSize} naming the key with a {@code seq} above {@code head}, this
 * statement is the log's own signed evidence against it.
 *
 * <p>Signed as a C2SP signed note under the log's key; the text is exactly these six lines, each
 * ending in a newline:
 *
 * <pre>
 * access-ledger/completeness/v1
 * &lt;origin&gt;
 * &lt;tree size, decimal&gt;
 * &lt;root hash, base64&gt;
 * key &lt;link key, percent-encoded&gt;
 * head &lt;seq, decimal, or -1&gt;
 * </pre>
 *
 * <p>The first line is not the origin, so no checkpoint verifier accepts a statement as a
 * checkpoint (origins equal to it are refused, see {@link #HEADER}); lines two to four are the
 * checkpoint body of the tree the statement speaks about, so it binds to that checkpoint exactly.
 * The link key is percent-encoded (see {@link #encodeKey}) because ids may hold any character.
 */
public record CompletenessStatement(
    String origin, long treeSize, Digest root, String linkKey, long head) {
  /** The first line of every statement; no log may use it as its origin. */
  public static final String HEADER = "access-ledger/completeness/v1";

  public CompletenessStatement {
    Objects.requireNonNull(linkKey, "linkKey");
    new Checkpoint(origin, treeSize, root); // the same rules for the checkpoint lines
    if (origin.equals(HEADER)) {
      throw new IllegalArgumentException("the origin may not be the statement header " + HEADER);
    }
    if (linkKey.isEmpty()) {
      throw new IllegalArgumentException("the link key is empty");
    }
    if (head < -1 || head >= treeSize) {
      throw new IllegalArgumentException(
          "head must be -1 or a seq below the tree size " + treeSize + ", got " + head);
    }
  }

  /** The checkpoint of the tree this statement is about. */
  public Checkpoint checkpoint() {
    return new Checkpoint(origin, treeSize, root);
  }

  /** The note text that is signed. */
  public String body() {
    return HEADER + "\n" + checkpoint().body() + "key " + encodeKey(linkKey) + "\nhead " + head
        + "\n";
  }

  /**
   * Percent-encodes {@code key}'s UTF-8 bytes, keeping only {@code A-Z a-z 0-9 - . _ ~ : /}
   * literal, with upper-case hex digits: one encoding per key, so the line can be compared as
   * text, and free of spaces and control characters.
   */
  public static String encodeKey(String key) {
    StringBuilder out = new StringBuilder(key.length() + 8);
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (literal(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /**
   * The key {@link #encodeKey} encoded, accepting only that exact encoding.
   *
   * @throws IllegalArgumentException if {@code text} is not the canonical encoding of a UTF-8 key
   */
  public static String decodeKey(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' && i + 2 < text.length()) {
        int value = Integer.parseInt(hexPair(text, i), 16);
        bytes.write(value);
        i += 2;
      } else if (c < 0x80 && literal(c)) {
        bytes.write(c);
      } else {
        throw new IllegalArgumentException("character " + i + " may not appear in an encoded key");
      }
    }
    String key = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()))
        .toString();
    if (!encodeKey(key).equals(text)) {
      throw new IllegalArgumentException("not the canonical percent-encoding of a UTF-8 key");
    }
    return key;
  }

  private static String hexPair(String text, int percent) {
    String pair = text.substring(percent + 1, percent + 3);
    if (!pair.chars().allMatch(ch -> (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'F'))) {
      throw new IllegalArgumentException("bad percent escape at character " + percent);
    }
    return pair;
  }

  private static boolean literal(int c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~' || c == ':' || c == '/';
  }
}
