package io.accessledger.evidence.samples;

import io.accessledger.api.EntryAnswer;
import io.accessledger.crypto.bc.Ed25519Signer;
import io.accessledger.events.EventIngest;
import io.accessledger.events.EventValidator;
import io.accessledger.events.LegalBasisVocabulary;
import io.accessledger.ledger.leaf.LeafCodec;
import io.accessledger.ledger.leaf.PreparedEvent;
import io.accessledger.ledger.keys.KeyRotationEntries;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.notes.CosignatureSigner;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.ledger.writer.LogSigning;
import io.accessledger.store.DiskReserve;
import io.accessledger.support.HeldKeys;
import io.accessledger.ledger.writer.AppendResult;
import io.accessledger.ledger.writer.Appends;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.ledger.writer.SequencerSettings;
import io.accessledger.query.AuditTrail;
import io.accessledger.query.EvidenceBundles;
import io.accessledger.query.EvidenceRequest;
import io.accessledger.query.LedgerQueries;
import io.accessledger.store.CosignerId;
import io.accessledger.store.StoredCheckpoint;
import io.accessledger.store.StoredCosignature;
import io.accessledger.store.sqlite.SqliteLedgerStore;
import io.accessledger.support.SettableClock;
import io.accessledger.support.TestLedger;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The small log the sample bundles come from: a real SQLite ledger, written by the real ingest and
 * sequencer and read by the real bundle writer, with everything that could vary fixed: the signing
 * key comes from a fixed seed, the clock moves one minute per append from {@link #START}, and the
 * ledger's own {@code AUDIT_QUERY} entries get counted ids instead of random ones. Regenerating the
 * samples therefore gives the same bytes.
 *
 * <p>The keys are test keys made for these samples only; they sign nothing anywhere else.
 */
final class SampleLog implements AutoCloseable {
  static final String ORIGIN = "samples.access-ledger.example/log";
  /** {@link TestLedger#key} seed of the log's key. */
  static final int LOG_KEY_SEED = 0x41;
  /** {@link TestLedger#key} seed of a stranger's key, for notes the log did not sign. */
  static final int STRANGER_KEY_SEED = 0x61;
  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  /** Both keys sign for three appends after a rotation, then the new key alone. */
  static final Duration TRANSITION = Duration.ofMinutes(3);
  static final String SOURCE = "carefirst";
  static final String REQUESTER = "dpo";
  static final String REQUESTER_ROLE = "auditor";
  /** The sample witness's name, and the seeds of its key and of a stranger's under that name. */
  static final String WITNESS = "witness.samples.access-ledger.example/w1";
  static final int WITNESS_KEY_SEED = 0x71;
  static final int STRANGER_WITNESS_KEY_SEED = 0x72;

  final CheckpointSigner signer;
  final CheckpointSigner stranger;
  final CosignatureSigner witness;
  final CosignatureSigner strangerWitness;
  private final SettableClock clock = new SettableClock(START);
  private final SqliteLedgerStore store;
  private final Sequencer sequencer;
  private final EventIngest ingest;
  private final LedgerQueries queries;
  private final EvidenceBundles bundles;
  private final HeldKeys keys;
  private Instant now = START;
  private int audits;
  private int rotations;

  SampleLog(Path dir) {
    signer = signer(LOG_KEY_SEED);
    stranger = signer(STRANGER_KEY_SEED);
    witness = cosigner(WITNESS_KEY_SEED);
    strangerWitness = cosigner(STRANGER_WITNESS_KEY_SEED);
    store = TestLedger.openSqliteStore(dir.resolve("ledger.db"));
    keys = new HeldKeys(signer);
    sequencer = Sequencer.start(store, LogSigning.open(store, keys, TRANSITION, clock), clock,
        SequencerSettings.defaults(), DiskReserve.none());
    ingest = new EventIngest(sequencer, store, new EventValidator(LegalBasisVocabulary.shipped()));
    queries = new LedgerQueries(store, sequencer);
    // The witness is configured from the start; bundles carry its cosignatures once it made any.
    bundles = new EvidenceBundles(store, queries,
        List.of(new CosignerId(WITNESS, witness.key().keyIdHex())));
  }

  private static CosignatureSigner cosigner(int seed) {
    Ed25519Signer key = TestLedger.key(seed);
    return new CosignatureSigner(WITNESS, key, key.publicKey());
  }

  /**
   * Has the witness cosign the latest checkpoint, as the ledger's submitter would store it, at
   * the log's current time; returns the checkpoint cosigned.
   */
  StoredCheckpoint cosignLatest() {
    StoredCheckpoint latest = queries.checkpoint();
    Checkpoint opened = SampleEdits.opened(latest.note(), this);
    String line = witness.sign(opened, now).toString();
    store.addCosignature(new StoredCosignature(latest.size(),
        new CosignerId(WITNESS, witness.key().keyIdHex()), line));
    return latest;
  }

  /**
   * Rotates the log's key to {@code next}, one minute after the previous append, as {@code
   * rotate-key} would: the new key is held first, then the {@code KEY_ROTATION} entry (with a
   * counted id) is appended.
   */
  void rotate(CheckpointSigner next) {
    tick();
    VerifierKey current = sequencer.signing().current().verifierKey();
    keys.add(next);
    Appends.await(sequencer.append(KeyRotationEntries.announce(
        current, next.verifierKey(), now, "key-rotation-sample-" + ++rotations)));
  }

  static CheckpointSigner signer(int seed) {
    Ed25519Signer key = TestLedger.key(seed);
    return new CheckpointSigner(ORIGIN, key, key.publicKey());
  }

  /** Posts one event as {@link #SOURCE} would, one minute after the previous append. */
  void post(String json) {
    tick();
    ingest.postOne(SOURCE, json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Asks for a bundle as {@link #REQUESTER} would with these query parameters: the request is
   * recorded first, as {@link AuditTrail} records it (but with a counted id), then the bundle is
   * written.
   */
  byte[] evidence(Map<String, String> parameters) {
    EvidenceRequest request = EvidenceRequest.parse(parameters);
    bundles.check(request);
    tick();
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("path", "/v1/evidence");
    query.put("parameters", new TreeMap<>(parameters));
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", "AUDIT_QUERY");
    event.put("eventId", "audit-sample-" + ++audits);
    event.put("occurredAt", LeafCodec.formatReceivedAt(now));
    event.put("actor", Map.of("id", REQUESTER, "role", REQUESTER_ROLE));
    event.put("query", query);
    AppendResult recorded =
        Appends.await(sequencer.append(PreparedEvent.of(event, AuditTrail.SOURCE)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      bundles.write(request, recorded.seq(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Entry {@code seq} with its inclusion proof in the tree of {@code treeSize}. */
  EntryAnswer entry(long seq, long treeSize) {
    return queries.entry(seq, treeSize);
  }

  private void tick() {
    now = now.plus(Duration.ofMinutes(1));
    clock.set(now);
  }

  @Override
  public void close() {
    sequencer.close();
    store.close();
  }
}
