package io.accessledger.evidence.samples;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessledger.evidence.BundleException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One case of {@code bundles/cases.json}: check {@code file} with the verifier key in {@code key}
 * (and the saved checkpoint in {@code since}, or none); {@code outcome} is {@value #VERIFIED} or
 * the {@code BundleProblem} it must be refused for, and {@code message} the line
 * {@code verify-bundle} prints. {@code witnesses} (optional; empty when absent) are files each
 * holding a witness key to check with ({@code verify-bundle --witness}). Paths are relative to the directory of {@code cases.json}.
 */
record SampleCase(String name, String about, String file, String key, String since,
    String outcome, String message, List<String> witnesses) {
  static final String VERIFIED = "VERIFIED";
  static final String CASES = "cases.json";

  boolean verifies() {
    return VERIFIED.equals(outcome);
  }

  /** What {@code verify-bundle} prints first for a bundle of {@code linkKey} that verifies. */
  static String verifiedLine(String linkKey) {
    return "VERIFIED: evidence bundle for " + linkKey;
  }

  /** What {@code verify-bundle} prints for a bundle it refuses. */
  static String failedLine(BundleException e) {
    return "BUNDLE FAILED: " + e.describe();
  }

  /** The cases of {@code dir/cases.json}, in order. */
  static List<SampleCase> read(Path dir) {
    try {
      JsonNode root = SampleJson.MAPPER.readTree(Files.readAllBytes(dir.resolve(CASES)));
      if (!SampleSet.CASES_FORMAT.equals(root.path("format").asText())) {
        throw new IllegalStateException(CASES + " is not " + SampleSet.CASES_FORMAT);
      }
      List<SampleCase> cases = new ArrayList<>();
      for (JsonNode c : root.path("cases")) {
        cases.add(new SampleCase(c.path("name").asText(), c.path("about").asText(),
            c.path("file").asText(), c.path("key").asText(),
            c.hasNonNull("since") ? c.path("since").asText() : null,
            c.path("outcome").asText(), c.path("message").asText(), witnesses(c)));
      }
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> witnesses(JsonNode c) {
    List<String> witnesses = new ArrayList<>();
    c.path("witnesses").forEach(w -> witnesses.add(w.asText()));
    return List.copyOf(witnesses);
  }

  @Override
  public String toString() {
    return name;
  }
}
