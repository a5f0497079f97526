package io.accessledger.console.entries.describe;

import static io.accessledger.console.entries.describe.Phrases.or;

import io.accessledger.entries.ExtractSubject;

/**
 * An {@code EXTRACT_SUBJECT} in words: one child of an extract release, pointing at the release's
 * entry, which says the rest (the ledger splits a release so a proof about one child shows no
 * other).
 */
final class ExtractSubjectWords {
  private ExtractSubjectWords() {}

  static String of(ExtractSubject subject, Phrases phrases) {
    return or(subject.subject(), "A child not named") + " was included in the data extract"
        + " released at entry " + or(subject.release() == null ? null : subject.release().toString(),
            "(not recorded)")
        + " " + phrases.when(subject.header()) + ". This entry names only that child; the"
        + " release's entry says what was released, to whom and why.";
  }
}
