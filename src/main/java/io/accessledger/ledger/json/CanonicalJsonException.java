package io.accessledger.ledger.json;

/**
 * A value that cannot be written as RFC 8785 canonical JSON, or bytes that are not strict JSON.
 *
 * <p>The message names the problem and where it is: the JSON path (such as {@code
 * $.event.subjects[2].id}) and, for parse errors, the byte offset in the UTF-8 input.
 */
public final class CanonicalJsonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String problem;
  private final String path;
  private final long offset;
  private final boolean wellFormed;
  private final boolean nonCanonicalForm;

  CanonicalJsonException(String problem, String path, long offset) {
    this(problem, path, offset, false, false);
  }

  CanonicalJsonException(
      String problem, String path, long offset, boolean wellFormed, boolean nonCanonicalForm) {
    super(offset < 0 ? problem + " at " + path : problem + " at byte " + offset + ", path " + path);
    this.problem = problem;
    this.path = path;
    this.offset = offset;
    this.wellFormed = wellFormed;
    this.nonCanonicalForm = nonCanonicalForm;
  }

  /**
   * True when the input was well-formed JSON but holds a value the ledger refuses (a float, an
   * integer beyond 2^53-1, a lone surrogate): an invalid value rather than malformed input.
   */
  public boolean isWellFormed() {
    return wellFormed;
  }

  /**
   * True when {@link CanonicalJson#parseCanonical} refused strict JSON holding an acceptable value
   * only because the bytes are not its canonical form (white space, key order, an escape, -0).
   */
  public boolean isNonCanonicalForm() {
    return nonCanonicalForm;
  }

  /** What is wrong, without the location. */
  public String problem() {
    return problem;
  }

  /** The JSON path of the offending value or of the container holding it; {@code $} is the root. */
  public String path() {
    return path;
  }

  /** The 0-based byte offset of a parse error in the UTF-8 input, or -1 for serialization. */
  public long offset() {
    return offset;
  }
}
