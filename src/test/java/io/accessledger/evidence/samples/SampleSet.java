package io.accessledger.evidence.samples;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessledger.evidence.BundleException;
import io.accessledger.evidence.BundleProblem;
import io.accessledger.evidence.BundleVerifier;
import io.accessledger.evidence.VerifiedBundle;
import io.accessledger.ledger.notes.CheckpointException;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.ledger.notes.WitnessKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The sample files being generated, by path under {@code bundles/}, and the cases over them. Each
 * case states the outcome it is meant to have ({@code null}: verified); adding it runs the Java
 * verifier, refuses a case that does not have that outcome (so no mutation that is accepted, or
 * refused for another reason, is ever written down), and records the line {@code verify-bundle}
 * prints for it.
 */
final class SampleSet {
  /** The value of {@code cases.json}'s {@code format}. */
  static final String CASES_FORMAT = "access-ledger/bundle-cases/v1";

  private final SortedMap<String, byte[]> files = new TreeMap<>();
  private final List<ObjectNode> cases = new ArrayList<>();

  void file(String path, byte[] bytes) {
    if (files.put(path, bytes) != null) {
      throw new IllegalStateException("two samples at " + path);
    }
  }

  void file(String path, String text) {
    file(path, text.getBytes(StandardCharsets.UTF_8));
  }

  byte[] bytes(String path) {
    byte[] bytes = files.get(path);
    if (bytes == null) {
      throw new IllegalStateException("no sample at " + path);
    }
    return bytes;
  }

  /**
   * Adds the case that {@code file}, checked with the key in {@code keyFile} (and the saved
   * checkpoint in {@code since}, or null), fails with {@code problem}, or verifies if it is null.
   */
  void expect(String name, String about, String file, String keyFile, String since,
      BundleProblem problem) {
    expect(name, about, file, keyFile, since, problem, List.of());
  }

  /** As {@link #expect}, checked also with the witness keys in {@code witnessFiles}. */
  void expect(String name, String about, String file, String keyFile, String since,
      BundleProblem problem, List<String> witnessFiles) {
    String message = outcome(name, file, keyFile, since, problem, witnessFiles);
    ObjectNode c = SampleJson.MAPPER.createObjectNode();
    c.put("name", name);
    c.put("about", about);
    c.put("file", file);
    c.put("key", keyFile);
    if (since != null) {
      c.put("since", since);
    }
    if (!witnessFiles.isEmpty()) {
      witnessFiles.forEach(c.putArray("witnesses")::add);
    }
    c.put("outcome", problem == null ? SampleCase.VERIFIED : problem.name());
    c.put("message", message);
    cases.add(c);
  }

  private String outcome(String name, String file, String keyFile, String since,
      BundleProblem problem, List<String> witnessFiles) {
    VerifierKey key;
    try {
      key = VerifierKey.parse(new String(bytes(keyFile), StandardCharsets.UTF_8).strip());
    } catch (CheckpointException e) {
      throw new IllegalStateException(keyFile + " is not a verifier key", e);
    }
    String saved = since == null ? null : new String(bytes(since), StandardCharsets.UTF_8);
    try {
      List<WitnessKey> witnesses = new ArrayList<>();
      for (String witness : witnessFiles) {
        witnesses.add(SampleCosignatures.witnessKey(bytes(witness)));
      }
      VerifiedBundle verified = BundleVerifier.verify(bytes(file), key, saved, witnesses);
      if (problem != null) {
        throw new IllegalStateException("sample " + name + " verified; it must fail with "
            + problem);
      }
      return SampleCase.verifiedLine(verified.key());
    } catch (BundleException e) {
      if (e.problem() != problem) {
        throw new IllegalStateException("sample " + name + " fails with " + e.describe()
            + "; it must " + (problem == null ? "verify" : "fail with " + problem), e);
      }
      return SampleCase.failedLine(e);
    }
  }

  /**
   * Adds {@code doctored/NAME.json} holding {@code bytes}, made from the sample {@code base}, and
   * the case that checking it with {@code keyFile} fails with {@code problem}.
   */
  void doctored(String name, String about, String base, String keyFile, BundleProblem problem,
      byte[] bytes) {
    String path = "doctored/" + name + ".json";
    file(path, bytes);
    expect(name, about + " (from " + base + ")", path, keyFile, null, problem);
  }

  /** Every file, {@code cases.json} included. */
  SortedMap<String, byte[]> all() {
    ObjectNode root = SampleJson.MAPPER.createObjectNode();
    root.put("format", CASES_FORMAT);
    root.put("about", "Evidence bundles (access-ledger/evidence/v1) and what verifying each must"
        + " give. Paths are relative to this file. key: a file holding the verifier key to check"
        + " with (one line); since: a file holding a checkpoint saved earlier (verify-bundle"
        + " --since), if any. outcome: VERIFIED or the problem the bundle MUST be refused for;"
        + " message: the line verify-bundle prints (stdout when VERIFIED, stderr with exit code 1"
        + " otherwise). Another verifier MUST give the same outcome; the message after the"
        + " problem's meaning is the Java verifier's detail. Regenerate with mvn -o -q test"
        + " -Dtest=BundleSamplesTest -Dbundles.regenerate=true, never by hand.");
    ArrayNode list = root.putArray("cases");
    cases.forEach(list::add);
    SortedMap<String, byte[]> all = new TreeMap<>(files);
    all.put(SampleCase.CASES, SampleJson.write(root));
    return all;
  }
}
