package io.accessledger.console.entries.describe;

import static io.accessledger.console.entries.describe.Phrases.count;
import static io.accessledger.console.entries.describe.Phrases.day;
import static io.accessledger.console.entries.describe.Phrases.list;
import static io.accessledger.console.entries.describe.Phrases.or;
import static io.accessledger.console.entries.describe.Phrases.person;
import static io.accessledger.console.entries.describe.Phrases.who;

import io.accessledger.entries.Dataset;
import io.accessledger.entries.ExtractRelease;
import io.accessledger.entries.Header;

/**
 * An {@code EXTRACT_RELEASE} in words: what dataset, about how many children, to whom, under which
 * agreement, approved by whom. It names no child: a stored release carries only their count.
 */
final class ExtractWords {
  private ExtractWords() {}

  static String of(ExtractRelease release, Phrases phrases) {
    Header header = release.header();
    Dataset dataset = release.dataset();
    long children = release.subjectCount() == null ? 0 : release.subjectCount();
    StringBuilder s = new StringBuilder(who(header.actor()));
    s.append(" released the dataset ").append(or(dataset.name(), "(not named)")).append(" (")
        .append(dataset.rowCount() == null ? "rows not stated" : count(dataset.rowCount(), "row", "rows"))
        .append(", ").append(pseudonymised(dataset.pseudonymised()))
        .append(", categories ")
        .append(dataset.categories().isEmpty() ? "not stated" : list(dataset.categories()))
        .append(", covering ").append(day(dataset.periodFrom())).append(" to ")
        .append(day(dataset.periodTo())).append(") about ")
        .append(release.subjectCount() == null ? "a number of children not stated"
            : count(children, "child", "children"))
        .append(" to ").append(ShareWords.recipient(release.recipient()))
        .append(" under agreement ").append(or(release.agreement(), "(none named)")).append(' ')
        .append(phrases.when(header)).append(". ")
        .append(release.approvedBy().map(a -> "Approved by " + person(a))
            .orElse("No approval is recorded"))
        .append(". The dataset's SHA-256 is ").append(or(dataset.sha256(), "not recorded"))
        .append(". Released ").append(phrases.why(header)).append('.');
    if (children > 0) {
      s.append(" Each child is named in an entry of their own that follows this one, so that a"
          + " proof about one child shows no other.");
    }
    return s.toString();
  }

  private static String pseudonymised(Boolean pseudonymised) {
    if (pseudonymised == null) {
      return "not recorded as pseudonymised";
    }
    return pseudonymised ? "pseudonymised" : "NOT pseudonymised";
  }
}
