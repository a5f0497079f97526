package io.accessledger.entries;

/**
 * An {@code EXTRACT_SUBJECT} entry, written by the ledger (contract section 2): one child of an
 * extract release, so that a proof about one child discloses no other. It names no actor, purpose
 * or legal basis of its own: those are the release's.
 *
 * @param release the {@code seq} of the release; null only when not given
 * @param subject the child's id; null only when not given
 */
public record ExtractSubject(Header header, Long release, String subject) implements LedgerEvent {
  public static final String TYPE = "EXTRACT_SUBJECT";

  static ExtractSubject read(Header header, Fields event) {
    return new ExtractSubject(header, event.integer("release"),
        event.object("subject").text("id"));
  }
}
