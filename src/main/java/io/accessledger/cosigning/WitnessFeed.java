package io.accessledger.cosigning;

import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.MerkleProofs;
import io.accessledger.ledger.notes.CheckpointException;
import io.accessledger.ledger.notes.Cosignature;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoredCheckpoint;
import io.accessledger.store.StoredCosignature;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds one witness the ledger's checkpoints (C2SP {@code tlog-witness}): each {@link #submit}
 * sends the latest stored checkpoint, if it is larger than the witness last cosigned, with the
 * consistency proof from the size the witness holds; verifies every cosignature line from the
 * witness's key and stores it. On 409 it learns the witness's size from the answer and tries once
 * more from it. A witness that is ahead of the ledger, holds a size the ledger never signed, or
 * finds the proof from its tree does not verify (a fork) raises an alarm (logged at ERROR). Any
 * other failure backs off, doubling the wait up to {@link #MAX_BACKOFF_INTERVALS} intervals.
 *
 * <p>Runs only on the submitter's thread for this witness; reads the store, writes only
 * cosignatures. Nothing on the append path calls it or waits for it. {@link #status} may be read
 * from any thread.
 */
final class WitnessFeed {
  private static final Logger LOG = LoggerFactory.getLogger(WitnessFeed.class);
  private static final Pattern SIZE = Pattern.compile("(0|[1-9][0-9]{0,18})\n?");
  static final int MAX_BACKOFF_INTERVALS = 8;

  private final WitnessEndpoint witness;
  private final LedgerStore store;
  private final WitnessClient client;
  private final Duration interval;
  private final Clock clock;

  private Runnable onFailure = () -> { };
  private Long knownSize; // the size the witness holds, as last learned; null until first asked
  private Instant nextAttempt = Instant.MIN;
  private volatile WitnessStatus status =
      new WitnessStatus(-1, Optional.empty(), Optional.empty(), Optional.empty(), 0);

  WitnessFeed(WitnessEndpoint witness, LedgerStore store, WitnessClient client, Duration interval,
      Clock clock) {
    this.witness = witness;
    this.store = store;
    this.client = client;
    this.interval = interval;
    this.clock = clock;
  }

  /** Runs on every failed attempt (the failure counter). */
  void onFailure(Runnable counter) {
    this.onFailure = counter;
  }

  WitnessEndpoint witness() {
    return witness;
  }

  WitnessStatus status() {
    return status;
  }

  /** Sends the latest checkpoint if it is due and new to the witness; never throws. */
  void submit() {
    Instant now = clock.instant();
    if (now.isBefore(nextAttempt)) {
      return;
    }
    try {
      if (knownSize == null) {
        loadStored();
      }
      Optional<StoredCheckpoint> latest = store.latestCheckpoint();
      if (latest.isEmpty() || latest.get().size() <= status.cosignedSize()) {
        nextAttempt = now.plus(interval);
        return;
      }
      attempt(latest.get(), false);
      nextAttempt = clock.instant().plus(interval);
    } catch (Failure e) {
      failed(e);
    } catch (RuntimeException e) { // the store: try again later, as for a witness that is down
      failed(new Failure("the ledger's store could not be read: " + e.getMessage(), false));
    }
  }

  /** What this process's store already holds of the witness: where to start from after a restart. */
  private void loadStored() {
    OptionalLong stored = store.latestCosignedSize(List.of(witness.cosigner()), Long.MAX_VALUE);
    knownSize = stored.orElse(0);
    if (stored.isPresent()) {
      Optional<Instant> at = store.cosignatures(stored.getAsLong()).stream()
          .filter(c -> c.cosigner().equals(witness.cosigner())).findFirst()
          .flatMap(WitnessFeed::time);
      status = new WitnessStatus(stored.getAsLong(), at, status.problem(), status.alarm(),
          status.failures());
    }
  }

  private static Optional<Instant> time(StoredCosignature stored) {
    try {
      return Optional.of(Cosignature.parse(stored.line()).time());
    } catch (CheckpointException e) {
      return Optional.empty();
    }
  }

  private void attempt(StoredCheckpoint latest, boolean retried) throws Failure {
    long old = Math.min(knownSize, latest.size());
    List<Digest> proof = old == 0 ? List.of() : MerkleProofs.consistency(old, latest.size(), store);
    WitnessAnswer answer;
    try {
      answer = client.post(witness.addCheckpoint(), new AddCheckpoint(old, proof, latest.note()));
    } catch (IOException e) {
      throw new Failure("cannot reach " + witness.addCheckpoint() + ": " + describe(e), false);
    }
    switch (answer.status()) {
      case 200 -> accept(answer, latest);
      case 409 -> conflict(answer, latest, old, retried);
      case 422 -> throw new Failure("the witness says the consistency proof from tree size " + old
          + " to " + latest.size() + " does not verify: it holds another tree of size " + old
          + " than the one this log signed", true);
      default -> throw new Failure("the witness answered " + answer.status() + " to tree size "
          + latest.size() + (answer.status() == 403 ? " (it does not trust this log's key)"
              : answer.status() == 404 ? " (it does not know this log's origin)" : "")
          + ": " + firstLine(answer.body()), false);
    }
  }

  private void conflict(WitnessAnswer answer, StoredCheckpoint latest, long old, boolean retried)
      throws Failure {
    if (!SIZE.matcher(answer.body()).matches()) {
      throw new Failure("the witness answered 409 without its tree size: "
          + firstLine(answer.body()), false);
    }
    long held = Long.parseLong(answer.body().strip());
    boolean signed = held == 0 || store.checkpointsAfter(held - 1, 1).stream()
        .anyMatch(c -> c.size() == held);
    if (!signed) {
      long ours = store.latestCheckpoint().map(StoredCheckpoint::size).orElse(0L);
      throw new Failure(held > ours
          ? "the witness holds tree size " + held + ", ahead of this log's " + ours
              + ": it was shown a tree this ledger never signed, or the ledger was rolled back"
          : "the witness holds tree size " + held + ", a size this log never signed", true);
    }
    if (retried || held == old) {
      throw new Failure("the witness refused tree size " + latest.size() + " from its own size "
          + held + " (409 again)", held == old && held == latest.size());
    }
    knownSize = held;
    StoredCheckpoint target = held > latest.size() ? store.latestCheckpoint().orElseThrow() : latest;
    if (held == target.size() && held == status.cosignedSize()) {
      return; // another node had it cosigned, and stored it
    }
    attempt(target, true);
  }

  private void accept(WitnessAnswer answer, StoredCheckpoint latest) throws Failure {
    String body = latest.note().substring(0, latest.note().indexOf("\n\n") + 1);
    List<Cosignature> lines;
    try {
      lines = Cosignature.parseLines(answer.body());
    } catch (CheckpointException e) {
      throw new Failure("the witness answered 200 with no cosignature lines: " + e.getMessage(),
          false);
    }
    Cosignature newest = null;
    for (Cosignature line : lines) {
      if (!line.isFrom(witness.key())) {
        continue; // another key of the witness's, or of someone else: ignored, as C2SP requires
      }
      try {
        line.verify(body, witness.key());
      } catch (CheckpointException e) {
        throw new Failure("the witness's cosignature of tree size " + latest.size()
            + " does not verify: " + e.getMessage(), false);
      }
      store.addCosignature(new StoredCosignature(latest.size(), witness.cosigner(),
          line.toString()));
      newest = line;
    }
    if (newest == null) {
      throw new Failure("the witness answered 200 with no cosignature from its key "
          + witness.key().name() + "+" + witness.key().keyIdHex(), false);
    }
    knownSize = latest.size();
    if (!status.healthy()) {
      LOG.info("witness {} cosigns again: tree size {}", witness.name(), latest.size());
    }
    status = new WitnessStatus(latest.size(), Optional.of(newest.time()), Optional.empty(),
        status.alarm(), 0);
  }

  private void failed(Failure failure) {
    onFailure.run();
    WitnessStatus was = status;
    int failures = was.failures() + 1;
    Optional<String> alarm = failure.alarm ? Optional.of(failure.getMessage()) : was.alarm();
    status = new WitnessStatus(was.cosignedSize(), was.cosignedAt(),
        Optional.of(failure.getMessage()), alarm, failures);
    if (failure.alarm) {
      LOG.error("witness {}: ALARM: {}", witness.name(), failure.getMessage());
    } else if (was.problem().isEmpty()) {
      LOG.warn("witness {}: {}; the ledger goes on, and asks again later", witness.name(),
          failure.getMessage());
    }
    long factor = 1L << Math.min(failures - 1, 3);
    nextAttempt = clock.instant().plus(interval.multipliedBy(
        Math.min(factor, MAX_BACKOFF_INTERVALS)));
    knownSize = null; // learn again what the witness holds (the store, then its 409)
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static String firstLine(String body) {
    String line = body.lines().findFirst().orElse("(empty)");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  /** A failed attempt; {@code alarm} when the witness's answer points at the log itself. */
  static final class Failure extends Exception {
    final boolean alarm;

    Failure(String message, boolean alarm) {
      super(message, null, false, false);
      this.alarm = alarm;
    }
  }
}
