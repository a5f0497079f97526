package io.accessledger.entries;

import java.util.List;

/**
 * An extract release's {@code dataset}. Every field is required by ingest; on an entry ingest
 * never passed, one not given is null (or, for {@code categories}, empty), and a missing {@code
 * dataset} reads as one with every field not given.
 *
 * @param sha256 the dataset's SHA-256 as written (64 lowercase hex digits in a valid event)
 * @param periodFrom the first day the dataset covers, as written ({@code YYYY-MM-DD})
 * @param periodTo the last day it covers, as written
 */
public record Dataset(
    String name,
    String sha256,
    Long rowCount,
    Boolean pseudonymised,
    List<String> categories,
    String periodFrom,
    String periodTo) {
  public Dataset {
    categories = List.copyOf(categories);
  }

  static Dataset read(Fields dataset) {
    return new Dataset(dataset.text("name"), dataset.text("sha256"), dataset.integer("rowCount"),
        dataset.bool("pseudonymised"), dataset.texts("categories"), dataset.text("periodFrom"),
        dataset.text("periodTo"));
  }
}
