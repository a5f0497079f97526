package io.accessledger.evidence.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.evidence.BundleEntry;
import io.accessledger.evidence.BundleException;
import io.accessledger.evidence.BundleProblem;
import io.accessledger.evidence.BundleReader;
import io.accessledger.evidence.BundleRequester;
import io.accessledger.evidence.BundleVerifier;
import io.accessledger.evidence.EvidenceBundle;
import io.accessledger.evidence.VerifiedBundle;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.TreeHasher;
import io.accessledger.ledger.notes.VerifierKey;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@link BundleReader} on the samples: it reads every well-formed bundle into a typed, comparable
 * value and refuses exactly the {@code MALFORMED} cases, with the verifier's message, before any
 * key is involved; and verifying the value gives what verifying the bytes gives.
 */
class BundleReaderTest {
  private static final Path DIR = BundleSamplesTest.DIR;

  @Test
  void readsABundleIntoTypedValuesThatCompareByContent() throws Exception {
    byte[] bytes = Files.readAllBytes(DIR.resolve(BundleSamples.SUBJECT));
    EvidenceBundle bundle = BundleReader.read(bytes);
    assertThat(bundle.key()).isEqualTo("subject:c-1");
    assertThat(bundle.requestedBy()).isEqualTo(new BundleRequester("dpo", "auditor"));
    assertThat(bundle.treeSize()).isEqualTo(13);
    assertThat(bundle.request().seq()).isEqualTo(12);
    assertThat(bundle.entries()).extracting(BundleEntry::seq).containsExactly(0L, 2L, 3L, 6L, 8L);
    assertThat(bundle.releases()).extracting(BundleEntry::seq).containsExactly(4L);
    assertThat(bundle.consistency()).isEmpty();
    BundleEntry first = bundle.entries().get(0);
    assertThat(first.leafHash()).isEqualTo(TreeHasher.leafHash(first.leafBytes()));
    assertThat(first.proof()).hasSize(4).allSatisfy(h -> assertThat(h).isInstanceOf(Digest.class));
    // Hashes are Digests, not arrays: two readings of the same bytes are equal values.
    assertThat(BundleReader.read(bytes)).isEqualTo(bundle).hasSameHashCodeAs(bundle);
    assertThat(BundleReader.read(Files.readAllBytes(DIR.resolve(BundleSamples.SUBJECT_SINCE)))
        .consistency()).extracting(c -> c.from()).containsExactly(4L, 9L);
  }

  @Test
  void refusesExactlyTheMalformedCasesWithTheVerifiersMessage() throws Exception {
    for (SampleCase c : SampleCase.read(DIR)) {
      byte[] bytes = Files.readAllBytes(DIR.resolve(c.file()));
      if (c.outcome().equals(BundleProblem.MALFORMED.name())) {
        assertThatThrownBy(() -> BundleReader.read(bytes)).as(c.name())
            .isInstanceOfSatisfying(BundleException.class, e -> assertThat(
                SampleCase.failedLine(e)).isEqualTo(c.message()));
      } else {
        assertThat(BundleReader.read(bytes)).as(c.name()).isNotNull();
      }
    }
  }

  @Test
  void aMalformedBundleIsNamedSoBeforeItsKeyIsLookedAt() throws Exception {
    VerifierKey stranger = VerifierKey.parse(
        Files.readString(DIR.resolve(BundleSamples.STRANGER_KEY)).strip());
    byte[] malformed = Files.readAllBytes(DIR.resolve("doctored/seq-negative.json"));
    assertThatThrownBy(() -> BundleVerifier.verify(malformed, stranger, null))
        .isInstanceOfSatisfying(BundleException.class,
            e -> assertThat(e.problem()).isEqualTo(BundleProblem.MALFORMED));
  }

  @Test
  void verifyingTheValueGivesWhatVerifyingTheBytesGives() throws Exception {
    VerifierKey key =
        VerifierKey.parse(Files.readString(DIR.resolve(BundleSamples.LOG_KEY)).strip());
    String saved = Files.readString(DIR.resolve(BundleSamples.AT_9));
    byte[] bytes = Files.readAllBytes(DIR.resolve(BundleSamples.SUBJECT_SINCE));
    VerifiedBundle fromValue = BundleVerifier.verify(BundleReader.read(bytes), key, saved);
    assertThat(fromValue).isEqualTo(BundleVerifier.verify(bytes, key, saved));
    assertThat(fromValue.consistentFrom()).containsExactly(4L, 9L);
    assertThat(fromValue.saved().size()).isEqualTo(9);
  }
}
