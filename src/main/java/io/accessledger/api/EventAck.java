package io.accessledger.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to an accepted event: its entry's {@code seq} and leaf hash (lowercase hex), and for an
 * extract release the range of its {@code EXTRACT_SUBJECT} entries.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventAck(long seq, String leafHash, String eventId, SubjectEntries subjectEntries) {

  /** The contiguous {@code EXTRACT_SUBJECT} entries of a release, inclusive. */
  public record SubjectEntries(long first, long last) {}
}
