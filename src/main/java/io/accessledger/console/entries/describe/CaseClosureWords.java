package io.accessledger.console.entries.describe;

import static io.accessledger.console.entries.describe.Phrases.or;
import static io.accessledger.console.entries.describe.Phrases.who;
import static io.accessledger.console.entries.describe.Phrases.quoted;

import io.accessledger.entries.CaseClosure;
import io.accessledger.entries.Header;

/**
 * A {@code CASE_CLOSURE} in words: who closed the child's case, when and why. The need-to-know
 * audit counts views long after it.
 */
final class CaseClosureWords {
  private CaseClosureWords() {}

  static String of(CaseClosure closure, Phrases phrases) {
    Header header = closure.header();
    return who(header.actor()) + " closed the case of " + or(closure.subject(), "a child not named")
        + " " + phrases.when(header) + ", "
        + closure.reason().map(reason -> "giving the reason " + quoted(reason))
            .orElse("with no reason recorded")
        + ", " + phrases.why(header) + ".";
  }
}
