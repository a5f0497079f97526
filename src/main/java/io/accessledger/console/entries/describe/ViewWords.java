package io.accessledger.console.entries.describe;

import static io.accessledger.console.entries.describe.Phrases.or;
import static io.accessledger.console.entries.describe.Phrases.person;
import static io.accessledger.console.entries.describe.Phrases.who;
import static io.accessledger.console.entries.describe.Phrases.quoted;

import io.accessledger.entries.Header;
import io.accessledger.entries.RecordRef;
import io.accessledger.entries.View;
import io.accessledger.report.Wording;

/**
 * A {@code VIEW} in words: "Jo Bloggs (social worker, north-cin) viewed the case note CN-1 of
 * child-17 on 3 March 2026 at 14:05, for 'case work', under UK GDPR Article 6(1)(e) (public
 * task)." A break-glass view says so first, with its reason.
 */
final class ViewWords {
  private ViewWords() {}

  static String of(View view, Phrases phrases) {
    Header header = view.header();
    StringBuilder s = new StringBuilder(who(header.actor()));
    s.append(view.breakGlass() ? " used break-glass (emergency access) to view " : " viewed ")
        .append(record(view.record())).append(" of ").append(or(view.subject(), "a child not named"))
        .append(' ').append(phrases.when(header));
    view.reason().ifPresent(reason -> s.append(", giving the reason ").append(quoted(reason)));
    return s.append(", ").append(phrases.why(header)).append('.').toString();
  }

  /** "the case note CN-1"; "a record not named". */
  static String record(RecordRef record) {
    if (record.type() == null && record.id() == null) {
      return "a record not named";
    }
    return "the " + or(Wording.words(record.type()), "record of no stated type") + " "
        + or(record.id(), "(no id recorded)");
  }
}
