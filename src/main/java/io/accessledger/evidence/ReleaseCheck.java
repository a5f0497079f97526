package io.accessledger.evidence;

import static io.accessledger.evidence.BundleProblem.RELEASE;

import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.ledger.notes.Checkpoint;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The check of a bundle's extract releases: ascending, proven, each an {@code EXTRACT_RELEASE}
 * that some {@code EXTRACT_SUBJECT} entry of the history points at, and every such pointer
 * answered, with the subject entry's id and position matching the release it names. A release
 * carries its subject count, never the other subjects, so this is all a verifier can check of it.
 */
final class ReleaseCheck {
  private ReleaseCheck() {}

  /** The releases by seq, once checked against the history's (verified) {@code entries}. */
  static Map<Long, LedgerEntry> releases(
      List<BundleEntry> releases, List<LedgerEntry> entries, Checkpoint checkpoint)
      throws BundleException {
    Map<Long, LedgerEntry> bySeq = new TreeMap<>();
    long previous = -1;
    for (BundleEntry given : releases) {
      long seq = given.seq();
      if (seq <= previous) {
        throw new BundleException(RELEASE, "release " + seq + " comes after release " + previous
            + ": releases must be in ascending seq order, each once");
      }
      previous = seq;
      LedgerEntry release = EntryChecks.provenLeaf(given, "release " + seq, checkpoint);
      if (!"EXTRACT_RELEASE".equals(release.event().get("type"))) {
        throw new BundleException(RELEASE, "entry " + seq + " is given as a release but is a "
            + release.event().get("type"));
      }
      bySeq.put(seq, release);
    }
    Set<Long> pointedAt = new HashSet<>();
    for (LedgerEntry entry : entries) {
      if (!"EXTRACT_SUBJECT".equals(entry.event().get("type"))) {
        continue;
      }
      Object releaseSeq = entry.event().get("release");
      LedgerEntry release = releaseSeq instanceof Long seq ? bySeq.get(seq) : null;
      if (release == null) {
        throw new BundleException(RELEASE, "entry " + entry.seq() + " is part of release "
            + releaseSeq + ", which the bundle does not carry");
      }
      long index = entry.seq() - release.seq() - 1;
      String expectedId = release.event().get("eventId") + "#" + index;
      Object count = release.event().get("subjectCount");
      if (!expectedId.equals(entry.event().get("eventId"))
          || !(count instanceof Long n) || index >= n
          || !release.source().equals(entry.source())) {
        throw new BundleException(RELEASE, "entry " + entry.seq() + " ("
            + entry.event().get("eventId") + ") is not subject " + index + " of release "
            + release.seq() + " (" + release.event().get("eventId") + ", " + count
            + " subjects)");
      }
      pointedAt.add(release.seq());
    }
    for (long seq : bySeq.keySet()) {
      if (!pointedAt.contains(seq)) {
        throw new BundleException(RELEASE, "release " + seq + " is carried but no entry of the"
            + " history is part of it");
      }
    }
    return bySeq;
  }
}
