package io.accessledger.console.entries.describe;

import static io.accessledger.console.entries.describe.Phrases.or;
import static io.accessledger.console.entries.describe.Phrases.who;

import io.accessledger.entries.AuditQuery;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code AUDIT_QUERY} in words: which client read what, when, with which parameters. The
 * ledger writes one before it answers any read, the console's pages included, so this is how
 * the DPO's own browsing is audited. The exact path is always shown beside its words.
 */
final class AuditQueryWords {
  private static final List<Map.Entry<Pattern, String>> READS = List.of(
      Map.entry(Pattern.compile("/v1/entries/([^/]+)(/tlog-proof)?"), "entry %s of the ledger"),
      Map.entry(Pattern.compile("/v1/subjects/(.+)/events"), "the history of %s"),
      Map.entry(Pattern.compile("/v1/actors/(.+)/events"), "the history of staff member %s"),
      Map.entry(Pattern.compile("/v1/records/(.+)/events"), "the history of the record %s"),
      Map.entry(Pattern.compile("/v1/registers/shares"), "the share register"),
      Map.entry(Pattern.compile("/v1/registers/extracts"), "the extract register"),
      Map.entry(Pattern.compile("/v1/audits/need-to-know"), "a need-to-know audit"),
      Map.entry(Pattern.compile("/v1/checkpoint"), "the latest checkpoint"),
      Map.entry(Pattern.compile("/v1/log"), "the log's size and key"));

  private AuditQueryWords() {}

  static String of(AuditQuery query, Phrases phrases) {
    Map<String, String> parameters = query.parameters();
    String with = parameters.isEmpty() ? "with no parameters" : "with " + Phrases.list(
        parameters.entrySet().stream().map(p -> p.getKey() + "=" + p.getValue()).toList());
    return who(query.header().actor()) + " read " + what(query.path()) + " ("
        + or(query.path(), "no path recorded") + ") " + phrases.when(query.header()) + ", " + with
        + ". The ledger recorded this read before answering it.";
  }

  /** The read in words: "the share register", "the history of child-1"; "the ledger" otherwise. */
  static String what(String path) {
    if (path == null) {
      return "the ledger";
    }
    for (Map.Entry<Pattern, String> read : READS) {
      Matcher m = read.getKey().matcher(path);
      if (m.matches()) {
        return m.groupCount() == 0 ? read.getValue() : read.getValue().formatted(m.group(1));
      }
    }
    return path.startsWith("/console") ? "a console page" : "the ledger";
  }
}
