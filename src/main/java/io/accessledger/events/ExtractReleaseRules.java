package io.accessledger.events;

import io.accessledger.ledger.json.JsonPath;
import java.util.List;
import java.util.Set;

/**
 * An {@code EXTRACT_RELEASE}: a dataset released to an outside body under a data-sharing agreement,
 * with the subjects it covers (which the ledger then records one entry each).
 */
final class ExtractReleaseRules {
  static final Set<String> FIELDS =
      CommonRules.fieldsPlus("recipient", "agreement", "dataset", "subjects", "approvedBy");
  static final Set<String> DATASET_FIELDS = Set.of("name", "sha256", "rowCount", "pseudonymised",
      "categories", "periodFrom", "periodTo");

  private ExtractReleaseRules() {}

  static void check(Node event) {
    Shapes.recipient(event);
    event.text("agreement", true);
    dataset(event);
    Shapes.subjects(event, EventValidator.MAX_EXTRACT_SUBJECTS);
    Shapes.person(event, "approvedBy", false);
  }

  private static void dataset(Node event) {
    Node dataset = event.object("dataset", true);
    if (dataset == null) {
      return;
    }
    dataset.onlyFields(DATASET_FIELDS);
    dataset.text("name", true);
    String sha256 = dataset.string("sha256", true);
    if (sha256 != null && !Text.isLowerHexSha256(sha256)) {
      dataset.error("sha256", Node.NO_INDEX,
          "must be 64 lowercase hex digits (a SHA-256), got " + JsonPath.quoted(sha256));
    }
    Long rowCount = dataset.integer("rowCount", true);
    if (rowCount != null && rowCount < 0) {
      dataset.error("rowCount", Node.NO_INDEX, "must be >= 0, got " + rowCount);
    }
    dataset.bool("pseudonymised", true);
    List<?> categories = dataset.array("categories", true);
    if (categories != null) {
      Shapes.distinctTexts(dataset, "categories", categories, "category");
    }
    String from = dataset.date("periodFrom", true);
    String to = dataset.date("periodTo", true);
    // Valid YYYY-MM-DD strings order as their dates do.
    if (from != null && to != null && from.compareTo(to) > 0) {
      dataset.error("periodTo", Node.NO_INDEX,
          "must not be before dataset.periodFrom (" + from + "), got " + to);
    }
  }
}
