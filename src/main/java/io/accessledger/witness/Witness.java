package io.accessledger.witness;

import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.ProofException;
import io.accessledger.ledger.merkle.ProofVerifier;
import io.accessledger.ledger.merkle.TreeHasher;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CheckpointException;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.ledger.notes.VerifierKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One run of the witness: fetch the log's latest checkpoint, check it against the pinned key and
 * the last checkpoint recorded in the state file, and record it if it moved on.
 *
 * <p>What a successful run guarantees: the recorded checkpoint is signed by the pinned key, and
 * the log proved (RFC 9162) that its tree extends every tree recorded before it. What a refusal
 * guarantees: the state file is unchanged. On a fork (two roots for one size, or a consistency
 * proof that fails) or a rollback (a smaller size than one already recorded; a fork if a checkpoint
 * of that very size was recorded with another root), both signed
 * checkpoints are also saved as evidence beside the state file ({@link Evidence}) and the run
 * fails loudly with its own {@link WitnessExit}; it never records the bad checkpoint, so every
 * later run raises the same alarm until someone looks.
 *
 * <p>The first run pins the key: the one given, or failing that the one the log publishes at
 * {@code GET /v1/log}, announced on stderr as pinned on first use (trusting it is trusting the log
 * at that moment). Later runs refuse a {@code --key} other than the pinned one.
 *
 * <p>{@code --key} may be repeated: the witness then trusts a set of keys of one origin, all
 * recorded in the state file. A checkpoint counts if any trusted key validly signs it; signature
 * lines from keys it does not know are ignored (a transition's new key, a cosigner). Later runs
 * refuse a {@code --key} that is not one of the trusted keys.
 */
public final class Witness {
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private final LogClient log;
  private final Path statePath;
  private final Clock clock;
  private final PrintStream out;
  private final PrintStream err;

  /**
   * @param url the log's base URL ({@code http[s]://host[:port][/prefix]})
   * @param token an auditor or investigator client's bearer token; never printed
   * @throws WitnessException (usage) if the URL or token cannot be used
   */
  public Witness(String url, String token, Path statePath, Clock clock, PrintStream out,
      PrintStream err) throws WitnessException {
    LogClient.checkToken(token);
    this.log = new LogClient(LogClient.baseUrl(url), token, TIMEOUT);
    this.statePath = Objects.requireNonNull(statePath, "statePath");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.out = Objects.requireNonNull(out, "out");
    this.err = Objects.requireNonNull(err, "err");
  }

  /**
   * Runs once.
   *
   * @param givenKey the verifier key from {@code --key}, or null
   * @throws WitnessException on any failure, with its exit code; the state file is then unchanged
   */
  public void run(VerifierKey givenKey) throws WitnessException {
    run(givenKey == null ? null : VerifierKeys.of(givenKey));
  }

  /**
   * Runs once, trusting {@code givenKeys}.
   *
   * @param givenKeys the verifier keys from {@code --key} (one origin), or null if none was given
   * @throws WitnessException on any failure, with its exit code; the state file is then unchanged
   */
  public void run(VerifierKeys givenKeys) throws WitnessException {
    if (givenKeys != null) {
      String origin = givenKeys.keys().get(0).name();
      for (VerifierKey key : givenKeys.keys()) {
        if (!key.name().equals(origin)) {
          throw new WitnessException(WitnessExit.USAGE, "every --key must be of one log: " + key
              + " is named " + key.name() + ", not " + origin);
        }
      }
    }
    URI base = URI.create(log.base());
    if ("http".equalsIgnoreCase(base.getScheme()) && !LOOPBACK.contains(base.getHost())) {
      err.println("warning: " + log.base() + " is plain http: the token and the answers travel"
          + " unencrypted; use https");
    }
    try (StateFile file = StateFile.open(statePath)) {
      WitnessState state = file.state();
      if (state == null) {
        pin(file, givenKeys);
        return;
      }
      VerifierKey givenKey = givenKeys == null ? null : givenKeys.keys().stream()
          .filter(key -> !state.keys().contains(key)).findFirst().orElse(null);
      if (givenKey != null) {
        throw new WitnessException(WitnessExit.USAGE, "--key " + givenKey + " is not the key"
            + " pinned in " + file.path() + " (" + state.keys() + ", pinned from "
            + state.pinnedFrom() + "); refusing. If the log really has a new key, it is a new log"
            + " to a witness: check the key out of band, keep the old state file, and start a new"
            + " one with --key.");
      }
      String note = log.checkpoint();
      Instant fetchedAt = now();
      Checkpoint fetched = open(note, state.keys(), "pinned");
      Recorded last = state.last();
      if (last == null) {
        file.append(WitnessState.line(new Recorded(fetchedAt, note, fetched, List.of())));
        out.println("recorded the first checkpoint: " + describe(fetched) + ", in " + file.path());
        return;
      }
      advance(file, state, last, note, fetched, fetchedAt);
    }
  }

  private void pin(StateFile file, VerifierKeys givenKeys) throws WitnessException {
    boolean givenKey = givenKeys != null;
    VerifierKeys key = givenKey ? givenKeys : VerifierKeys.of(log.verifierKey());
    String pinnedFrom = givenKey ? "--key" : "first use: GET " + log.base() + "/v1/log";
    String note = log.checkpoint();
    Instant fetchedAt = now();
    Checkpoint checkpoint = open(note, key, givenKey ? "given" : "published");
    file.create(WitnessState.header(key, fetchedAt, pinnedFrom)
        + WitnessState.line(new Recorded(fetchedAt, note, checkpoint, List.of())));
    if (!givenKey) {
      err.println("*** WARNING: verifier key PINNED ON FIRST USE ***");
      err.println("The key was taken from the log itself (GET " + log.base() + "/v1/log), so it is"
          + " only as trustworthy as the log was at this moment:");
      err.println("  " + key);
      err.println("Compare it now with the verifier key published when the ledger was set up. If"
          + " they differ, delete " + file.path() + " and run again with --key \"<published key>\".");
      out.println("pinned on first use: verifier key " + key + " in " + file.path());
    } else {
      out.println("pinned verifier key " + key + " (given with --key) in " + file.path());
    }
    out.println("recorded the first checkpoint: " + describe(checkpoint));
  }

  private void advance(StateFile file, WitnessState state, Recorded last, String note,
      Checkpoint fetched, Instant fetchedAt) throws WitnessException {
    VerifierKey key = state.key();
    long m = last.checkpoint().size();
    long n = fetched.size();
    if (n == m) {
      if (fetched.root().equals(last.checkpoint().root())) {
        out.println("unchanged: the log's checkpoint is still " + describe(fetched)
            + ", as recorded at " + last.checkedAt() + "; nothing written");
        return;
      }
      throw alarm(WitnessExit.FORK, "FORK: the log signed two different roots for tree size " + n,
          file, key, last, note, fetched, fetchedAt, null);
    }
    if (n < m) {
      Recorded earlier = state.recordedAt(n);
      if (earlier != null && !earlier.checkpoint().root().equals(fetched.root())) {
        // Stronger evidence than a rollback alone: two roots signed for one size.
        throw alarm(WitnessExit.FORK, "FORK: the log signed two different roots for tree size " + n
            + " (and its latest tree is smaller than tree size " + m + " which it signed before)",
            file, key, earlier, note, fetched, fetchedAt, null);
      }
      throw alarm(WitnessExit.ROLLBACK, "ROLLBACK: the log's latest checkpoint has tree size " + n
          + ", smaller than tree size " + m + " which it signed before", file, key, last, note,
          fetched, fetchedAt, null);
    }
    List<Digest> proof = List.of();
    if (m > 0) { // every tree extends the empty one; RFC 9162 has no proof from size 0
      try {
        proof = log.consistency(m, n);
      } catch (WitnessException e) {
        if (e.exit() != WitnessExit.BAD_ANSWER) {
          throw e; // unreachable or refused token: say so, record nothing, no alarm
        }
        // The log signed the larger tree but will not prove it extends the one it signed before:
        // that is how a rewritten log answers, so it is an alarm, with both checkpoints kept.
        throw alarm(WitnessExit.INCONSISTENT, "FORK?: the log signed a tree of size " + n
            + " but gave no valid consistency proof from tree size " + m + " ("
            + e.getMessage() + ")", file, key, last, note, fetched, fetchedAt, null);
      }
      try {
        ProofVerifier.verifyConsistency(m, n, proof, last.checkpoint().root(), fetched.root());
      } catch (ProofException e) {
        throw alarm(WitnessExit.INCONSISTENT, "FORK: the log cannot prove that its tree of size "
            + n + " extends the tree of size " + m + " it signed before (" + e.getMessage() + ")",
            file, key, last, note, fetched, fetchedAt, proof);
      }
    }
    file.append(WitnessState.line(new Recorded(fetchedAt, note, fetched, proof)));
    String checked = m == 0 ? ""
        : " (consistency proof of " + proof.size() + (proof.size() == 1 ? " hash" : " hashes")
            + " verified)";
    out.println("recorded: " + describe(fetched) + "; it extends the recorded tree size " + m
        + checked);
  }

  private WitnessException alarm(WitnessExit kind, String summary, StateFile file, VerifierKey key,
      Recorded last, String note, Checkpoint fetched, Instant fetchedAt, List<Digest> proof) {
    StringBuilder message = new StringBuilder()
        .append("WITNESS ALARM: ").append(summary).append('\n')
        .append("  recorded: ").append(describe(last.checkpoint()))
        .append(" (checked at ").append(last.checkedAt()).append(")\n")
        .append("  fetched:  ").append(describe(fetched))
        .append(" (at ").append(fetchedAt).append(")\n");
    try {
      Path saved = Evidence.save(file.path(), kind, summary, log.base(), key, last, note,
          fetchedAt, proof);
      message.append("Both signed checkpoints are saved as evidence in ").append(saved).append('\n');
    } catch (IOException | RuntimeException e) {
      message.append("The evidence file could NOT be written (").append(e).append(");"
          + " copy both signed checkpoints from here:\n--- recorded\n").append(last.note())
          .append("--- fetched\n").append(note).append("---\n");
    }
    message.append("The new checkpoint was NOT recorded; ").append(file.path())
        .append(" is unchanged. Keep the evidence, stop relying on this log's answers, and report"
            + " it (README, \"When the witness raises an alarm\").");
    return new WitnessException(kind, message.toString());
  }

  private static Checkpoint open(String note, VerifierKeys key, String which)
      throws WitnessException {
    try {
      Checkpoint checkpoint = SignedCheckpoint.open(note, key);
      if (checkpoint.size() == 0 && !checkpoint.root().equals(TreeHasher.emptyRoot())) {
        // Validly signed, yet impossible: the empty tree has one root. Nothing is recorded.
        throw new WitnessException(WitnessExit.BAD_ANSWER, "the log signed a checkpoint of the"
            + " empty tree with another root than the empty tree's: " + checkpoint.root().base64()
            + ". Nothing was recorded; keep this note as evidence:\n" + note);
      }
      return checkpoint;
    } catch (CheckpointException e) {
      throw new WitnessException(WitnessExit.BAD_SIGNATURE, "the log's checkpoint is not validly"
          + " signed by the " + which + " verifier key" + (key.keys().size() > 1 ? "s " : " ")
          + key + ": " + e.getMessage()
          + ". Nothing was recorded. Either someone else is answering at this URL, or the log's"
          + " key or origin changed (which makes it a new log: check the new key out of band).", e);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static String describe(Checkpoint checkpoint) {
    return "tree size " + checkpoint.size() + ", root " + checkpoint.root().base64();
  }
}
