package io.accessledger.witness;

import io.accessledger.ledger.merkle.ProofException;
import io.accessledger.ledger.merkle.ProofVerifier;
import io.accessledger.ledger.merkle.TreeHasher;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CheckpointException;
import io.accessledger.ledger.notes.Cosignature;
import io.accessledger.ledger.notes.CosignatureSigner;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.witness.AddCheckpointRefused.Reason;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A C2SP {@code tlog-witness}: checks each submitted checkpoint against the latest one it cosigned
 * for that log and, if the log proved it extends it, records it durably and cosigns it
 * ({@code cosignature/v1}). Knows nothing of HTTP; {@link AddCheckpointRefused.Reason} says which
 * status the spec gives each refusal.
 *
 * <p><b>Guarantees.</b> It cosigns a checkpoint only if a configured key of its origin signs it
 * (any one of them: keys rotate; lines from other keys are ignored), its tree is the empty tree or
 * extends, by a verified RFC 6962 consistency proof, the tree it cosigned last for that origin,
 * and the record of it is on disk ({@code fsync}) — so it never cosigns two roots for one size,
 * nor a smaller tree after a larger one, even across a crash or restart. Requests for one origin
 * are handled one at a time (the check and the record are atomic, as the spec requires), for
 * different origins in parallel. A validly signed checkpoint that contradicts the record (another
 * root for the recorded size, a smaller size, or a failed proof) is refused and both signed notes
 * are kept as an {@link Evidence} file beside the origin's record, once per distinct checkpoint.
 */
public final class CosigningWitness implements AutoCloseable {
  private static final int MAX_EVIDENCE_REMEMBERED = 1000;

  private final CosignatureSigner signer;
  private final Clock clock;
  private final StateDirectory directory;
  private final Map<String, LogRecord> logs;

  /** One log's keys and record; its monitor serializes the requests for that origin. */
  private static final class LogRecord {
    final List<VerifierKey> keys = new ArrayList<>();
    final Path file;
    CosignedFile.Latest latest;
    final Set<String> evidenceSaved = new HashSet<>();

    LogRecord(Path file) {
      this.file = file;
    }
  }

  private CosigningWitness(CosignatureSigner signer, Clock clock, StateDirectory directory,
      Map<String, LogRecord> logs) {
    this.signer = signer;
    this.clock = clock;
    this.directory = directory;
    this.logs = logs;
  }

  /**
   * Opens the witness on {@code stateDir} (created mode 0700 if missing), holding its lock until
   * {@link #close}, and reads the record of every configured origin.
   *
   * @param logKeys the logs' verifier keys; a key's name is its log's origin, and several keys
   *     may share one (a rotation)
   * @throws WitnessException (state) if the directory is in use, not private, or holds a refused
   *     record; (usage) if no log key is given
   */
  public static CosigningWitness open(CosignatureSigner signer, Collection<VerifierKey> logKeys,
      Path stateDir, Clock clock) throws WitnessException {
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(clock, "clock");
    if (logKeys.isEmpty()) {
      throw new WitnessException(WitnessExit.USAGE, "no log key given: nothing to witness");
    }
    StateDirectory directory = StateDirectory.lock(stateDir);
    try {
      Map<String, LogRecord> logs = new LinkedHashMap<>();
      for (VerifierKey key : logKeys) {
        LogRecord log = logs.computeIfAbsent(key.name(),
            origin -> new LogRecord(CosignedFile.path(directory.path(), origin)));
        if (!log.keys.contains(key)) {
          log.keys.add(key);
        }
      }
      for (Map.Entry<String, LogRecord> entry : logs.entrySet()) {
        LogRecord log = entry.getValue();
        log.latest = CosignedFile.load(log.file, entry.getKey(), signer.key());
      }
      return new CosigningWitness(signer, clock, directory, Map.copyOf(logs));
    } catch (WitnessException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** The witness's own signer; its key is what partners configure to check cosignatures. */
  public CosignatureSigner signer() {
    return signer;
  }

  /** The size of the latest checkpoint cosigned for {@code origin}: 0 if none, -1 if unknown. */
  public long latestSize(String origin) {
    LogRecord log = logs.get(origin);
    if (log == null) {
      return -1;
    }
    synchronized (log) {
      return log.latest == null ? 0 : log.latest.recorded().checkpoint().size();
    }
  }

  /**
   * Handles one {@code add-checkpoint} request: the checks and status order of tlog-witness.
   *
   * @return the cosignature line(s), to answer only after this returns
   * @throws AddCheckpointRefused if it is refused; nothing was cosigned
   * @throws WitnessException (state) if the new record could not be written; nothing was cosigned
   */
  public List<Cosignature> addCheckpoint(AddCheckpointRequest request)
      throws AddCheckpointRefused, WitnessException {
    String origin = request.origin();
    LogRecord log = logs.get(origin);
    if (log == null) {
      throw new AddCheckpointRefused(Reason.UNKNOWN_ORIGIN,
          "this witness has no key for the log " + quote(origin));
    }
    Checkpoint checkpoint = null;
    VerifierKey signedBy = null;
    List<String> problems = new ArrayList<>();
    for (VerifierKey key : log.keys) {
      try {
        checkpoint = SignedCheckpoint.open(request.note(), key);
        signedBy = key;
        break;
      } catch (CheckpointException e) {
        problems.add(e.getMessage());
      }
    }
    if (checkpoint == null) {
      throw new AddCheckpointRefused(Reason.NOT_SIGNED, "the checkpoint is not validly signed by"
          + " a key this witness trusts for " + quote(origin) + ": " + String.join("; ", problems));
    }
    if (checkpoint.size() == 0 && !checkpoint.root().equals(TreeHasher.emptyRoot())) {
      throw new AddCheckpointRefused(Reason.INCONSISTENT,
          "a checkpoint of the empty tree with another root than the empty tree's");
    }
    synchronized (log) {
      return add(log, request, checkpoint, signedBy);
    }
  }

  private List<Cosignature> add(LogRecord log, AddCheckpointRequest request,
      Checkpoint checkpoint, VerifierKey signedBy) throws AddCheckpointRefused, WitnessException {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Recorded last = log.latest == null ? null : log.latest.recorded();
    long latestSize = last == null ? 0 : last.checkpoint().size();
    long size = checkpoint.size();
    if (last != null && size == latestSize && !checkpoint.root().equals(last.checkpoint().root())) {
      evidence(log, WitnessExit.FORK, "FORK: the log signed two different roots for tree size "
          + size, signedBy, last, request, now);
      if (request.oldSize() == latestSize) {
        throw new AddCheckpointRefused(Reason.ROOT_MISMATCH, "this witness cosigned another"
            + " root for tree size " + size + ": refused, and both checkpoints kept as evidence");
      }
    }
    if (last != null && size < latestSize) {
      evidence(log, WitnessExit.ROLLBACK, "ROLLBACK?: the log submitted a checkpoint of tree size "
          + size + ", smaller than tree size " + latestSize + " which this witness cosigned"
          + " (a rollback, or a stale submission)", signedBy, last, request, now);
    }
    if (request.oldSize() > size) {
      throw new AddCheckpointRefused(Reason.MALFORMED, "old size " + request.oldSize()
          + " is larger than the checkpoint's size " + size);
    }
    if (request.oldSize() != latestSize) {
      throw new AddCheckpointRefused(Reason.OLD_SIZE_MISMATCH, "old size " + request.oldSize()
          + " is not the size this witness cosigned last, " + latestSize, latestSize);
    }
    if (latestSize == 0 || size == latestSize) {
      if (!request.proof().isEmpty()) {
        throw new AddCheckpointRefused(Reason.INCONSISTENT, "a consistency proof from size "
            + latestSize + " to size " + size + " must be empty");
      }
    } else {
      try {
        ProofVerifier.verifyConsistency(latestSize, size, request.proof(),
            last.checkpoint().root(), checkpoint.root());
      } catch (ProofException e) {
        evidence(log, WitnessExit.INCONSISTENT, "FORK?: the log cannot prove that its tree of"
            + " size " + size + " extends the tree of size " + latestSize + " cosigned before ("
            + e.getMessage() + ")", signedBy, last, request, now);
        throw new AddCheckpointRefused(Reason.INCONSISTENT, "the consistency proof from size "
            + latestSize + " to size " + size + " does not verify: " + e.getMessage());
      }
    }
    Cosignature cosignature = signer.sign(request.noteText(), now);
    if (last == null || size != latestSize) {
      CosignedFile.Latest next = new CosignedFile.Latest(
          new Recorded(now, request.note(), checkpoint, request.proof()),
          List.of(cosignature.line()));
      try {
        CosignedFile.save(log.file, next);
      } catch (IOException | RuntimeException e) {
        throw new WitnessException(WitnessExit.STATE, "cannot record the checkpoint in "
            + log.file + " (" + e + "); nothing was cosigned", e);
      }
      log.latest = next;
    }
    return List.of(cosignature);
  }

  /** Saves both notes once per distinct submitted checkpoint; a failure to save is reported. */
  private void evidence(LogRecord log, WitnessExit kind, String summary, VerifierKey key,
      Recorded last, AddCheckpointRequest request, Instant now) throws WitnessException {
    String seen = kind + " " + request.noteText();
    if (log.evidenceSaved.contains(seen)) {
      return;
    }
    try {
      Evidence.save(log.file, kind, summary, "submitted to witness serve (POST /add-checkpoint)",
          key, last, request.note(), now,
          kind == WitnessExit.INCONSISTENT ? request.proof() : null);
    } catch (IOException | RuntimeException e) {
      throw new WitnessException(WitnessExit.STATE, "WITNESS ALARM: " + summary + "; the evidence"
          + " could NOT be written (" + e + "). Submitted:\n" + request.note(), e);
    }
    if (log.evidenceSaved.size() >= MAX_EVIDENCE_REMEMBERED) {
      log.evidenceSaved.clear();
    }
    log.evidenceSaved.add(seen);
  }

  private static String quote(String text) {
    return "'" + (text.length() <= 120 ? text : text.substring(0, 120) + "...") + "'";
  }

  /** Releases the state directory's lock. */
  @Override
  public void close() {
    directory.close();
  }

  /** The origins this witness serves, sorted. */
  public List<String> origins() {
    return List.copyOf(new TreeSet<>(logs.keySet()));
  }
}
