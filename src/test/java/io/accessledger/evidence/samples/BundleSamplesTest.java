package io.accessledger.evidence.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.accessledger.evidence.BundleException;
import io.accessledger.evidence.BundleProblem;
import io.accessledger.evidence.BundleVerifier;
import io.accessledger.evidence.VerifiedBundle;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.ledger.notes.WitnessKey;
import io.accessledger.support.CliRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checked-in sample bundles of {@code src/test/resources/bundles/} and their cases: every case
 * gives its outcome and message through the Java verifier and through {@code verify-bundle}, no
 * doctored sample is accepted, every problem has a case, and the files are exactly what
 * {@link BundleSamples} generates.
 *
 * <p>To rewrite the files after an intended change to the generator or the format (never to make
 * a failing case pass): {@code mvn -o -q test -Dtest=BundleSamplesTest -Dbundles.regenerate=true}.
 */
class BundleSamplesTest {
  static final Path DIR = Path.of("src", "test", "resources", "bundles");

  @Test
  @EnabledIfSystemProperty(named = "bundles.regenerate", matches = "true")
  void regenerate(@TempDir Path work) throws IOException {
    BundleSamples.writeAll(DIR, work);
  }

  @Test
  void theFilesAreWhatTheGeneratorGives(@TempDir Path work) throws IOException {
    SortedMap<String, byte[]> generated = BundleSamples.generate(work);
    SortedMap<String, String> onDisk = new TreeMap<>();
    try (var files = Files.walk(DIR)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        onDisk.put(DIR.relativize(file).toString().replace('\\', '/'), Files.readString(file));
      }
    }
    assertThat(onDisk.keySet()).as("the sample files").isEqualTo(generated.keySet());
    for (Map.Entry<String, byte[]> file : generated.entrySet()) {
      assertThat(onDisk.get(file.getKey()))
          .as("bundles/%s differs from what BundleSamples gives: it was edited by hand, or the"
              + " generator, the log or the verifier changed", file.getKey())
          .isEqualTo(new String(file.getValue(), StandardCharsets.UTF_8));
    }
  }

  static List<SampleCase> cases() {
    return SampleCase.read(DIR);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theVerifierGivesEachCaseItsOutcome(SampleCase c) throws Exception {
    String line;
    try {
      VerifiedBundle verified =
          BundleVerifier.verify(bytes(c.file()), key(c), saved(c), witnesses(c));
      line = SampleCase.verifiedLine(verified.key());
    } catch (BundleException e) {
      assertThat(e.problem().name()).as(c.name()).isEqualTo(c.outcome());
      line = SampleCase.failedLine(e);
    }
    assertThat(line).as(c.name()).isEqualTo(c.message());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theCommandPrintsEachCasesLineWithItsExitCode(SampleCase c) throws Exception {
    List<String> args = new ArrayList<>(List.of("verify-bundle", DIR.resolve(c.file()).toString(),
        "--key", key(c).toString()));
    if (c.since() != null) {
      args.addAll(List.of("--since", DIR.resolve(c.since()).toString()));
    }
    for (WitnessKey witness : witnesses(c)) {
      args.addAll(List.of("--witness", witness.toString()));
    }
    CliRunner.Outcome outcome = CliRunner.run(args.toArray(String[]::new));
    if (c.verifies()) {
      assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
      assertThat(outcome.stdout().lines().findFirst()).hasValue(c.message());
    } else {
      assertThat(outcome.exitCode()).isEqualTo(1);
      assertThat(outcome.stderr()).contains(c.message() + System.lineSeparator());
      assertThat(outcome.stdout()).doesNotContain("VERIFIED");
    }
  }

  @Test
  void noDoctoredSampleIsAcceptedAndEveryGoodOneIs() throws Exception {
    Map<String, List<SampleCase>> byFile =
        cases().stream().collect(Collectors.groupingBy(SampleCase::file));
    for (String dir : List.of("good", "doctored")) {
      try (var files = Files.list(DIR.resolve(dir))) {
        for (Path file : files.toList()) {
          String path = dir + "/" + file.getFileName();
          assertThat(byFile.get(path)).as("the cases of %s", path).isNotEmpty();
        }
      }
    }
    for (Map.Entry<String, List<SampleCase>> file : byFile.entrySet()) {
      if (file.getKey().startsWith("doctored/")) {
        assertThat(file.getValue()).as(file.getKey()).noneMatch(SampleCase::verifies);
      } else {
        assertThat(file.getKey()).startsWith("good/");
        assertThat(file.getValue()).as(file.getKey()).anyMatch(c -> c.verifies()
            && c.key().equals(BundleSamples.LOG_KEY) && c.since() == null);
      }
    }
    for (SampleCase c : cases()) {
      if (c.file().startsWith("doctored/")) {
        try {
          BundleVerifier.verify(bytes(c.file()), key(c), saved(c), witnesses(c));
          fail("the doctored sample %s was accepted", c.name());
        } catch (BundleException expected) {
          // refused, for the reason the other test checks
        }
      }
    }
  }

  @Test
  void everyProblemHasACaseAndEveryNameIsUsedOnce() {
    Set<BundleProblem> covered = EnumSet.noneOf(BundleProblem.class);
    for (SampleCase c : cases()) {
      if (!c.verifies()) {
        covered.add(BundleProblem.valueOf(c.outcome()));
      }
    }
    assertThat(covered).containsExactlyInAnyOrder(BundleProblem.values());
    assertThat(cases().stream().map(SampleCase::name)).doesNotHaveDuplicates();
  }

  private static byte[] bytes(String path) throws IOException {
    return Files.readAllBytes(DIR.resolve(path));
  }

  private static VerifierKey key(SampleCase c) throws Exception {
    return VerifierKey.parse(Files.readString(DIR.resolve(c.key())).strip());
  }

  private static List<WitnessKey> witnesses(SampleCase c) throws IOException {
    List<WitnessKey> keys = new ArrayList<>();
    for (String file : c.witnesses()) {
      keys.add(SampleCosignatures.witnessKey(bytes(file)));
    }
    return keys;
  }

  private static String saved(SampleCase c) throws IOException {
    return c.since() == null ? null : Files.readString(DIR.resolve(c.since()));
  }
}
