package io.accessledger.query;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.accessledger.api.ApiException;
import io.accessledger.entries.EventParser;
import io.accessledger.entries.ExtractSubject;
import io.accessledger.entries.Header;
import io.accessledger.entries.LedgerEvent;
import io.accessledger.evidence.BundleFormat;
import io.accessledger.ledger.leaf.HistoryChain;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.MerkleProofs;
import io.accessledger.ledger.keys.KeyHistory;
import io.accessledger.ledger.keys.KeyRotation;
import io.accessledger.store.CosignerId;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoreException;
import io.accessledger.store.StoredCheckpoint;
import io.accessledger.store.StoredLeaf;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Writes evidence bundles ({@link BundleFormat}): a whole history with everything a verifier needs
 * offline. Streams: entries are read, proven and written a chunk at a time, so a bundle of any
 * length is written in memory that does not grow with it (only the seqs of the extract releases
 * it points at are kept). Everything is proven in one signed tree, the latest when the bundle
 * starts, which covers the request's own {@code AUDIT_QUERY} entry.
 */
public final class EvidenceBundles {
  /** Index rows read per round trip. */
  private static final int CHUNK = ProvenEntries.CHUNK;

  // A failure part-way must leave a visibly cut-off document, not one Jackson closes neatly, and
  // the servlet's stream is Jersey's to close (so the response is aborted, not ended cleanly).
  private static final JsonFactory JSON = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private final LedgerStore store;
  private final LedgerQueries queries;
  private final BundleCosignatures cosignatures;

  public EvidenceBundles(LedgerStore store, LedgerQueries queries) {
    this(store, queries, List.of());
  }

  /** Bundles that also carry the cosignatures of {@code witnesses} ({@link BundleCosignatures}). */
  public EvidenceBundles(LedgerStore store, LedgerQueries queries, List<CosignerId> witnesses) {
    this.store = store;
    this.queries = queries;
    this.cosignatures = new BundleCosignatures(store,
        new CosignedCheckpoints(store, queries, witnesses), witnesses);
  }

  /**
   * Refuses (404) a {@code since} size the log never signed a checkpoint at: above the signed
   * log (the checkpoint the requester saved is not from this log, or the log was rolled back), or
   * a size no checkpoint was signed at.
   */
  public void check(EvidenceRequest request) {
    long signed = queries.checkpoint().size();
    for (long size : request.since()) {
      if (size > signed) {
        throw ApiException.notFound("since " + size + " is larger than the signed log (" + signed
            + " entries): the checkpoint you saved is not from this log, or it was rolled back");
      }
      queries.signedAt(size);
    }
  }

  /**
   * Writes the bundle for {@code request}, recorded as entry {@code requestSeq}, to {@code out}.
   *
   * @throws IOException if writing fails; the bundle is then incomplete and will not verify
   */
  public void write(EvidenceRequest request, long requestSeq, OutputStream out)
      throws IOException {
    StoredCheckpoint checkpoint = queries.checkpoint();
    KeyHistory keys = queries.keyHistory();
    long size = checkpoint.size();
    StoredLeaf requestLeaf = store.leaf(requestSeq)
        .orElseThrow(() -> new StoreException("the request's own entry " + requestSeq
            + " is not stored"));
    Header recorded = EventParser.header(ProvenEntries.decode(requestLeaf));
    try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeStringField("format", BundleFormat.FORMAT);
      json.writeStringField("origin", keys.current().name());
      json.writeStringField("verifierKey", keys.keyFor(size).toString());
      json.writeStringField("key", request.linkKey());
      json.writeFieldName("requestedBy");
      json.writeStartObject();
      json.writeStringField("id", recorded.actor().id());
      json.writeStringField("role", recorded.actor().role().orElse(null));
      json.writeEndObject();
      json.writeStringField("requestedAt", recorded.occurredAt());
      json.writeFieldName("request");
      writeEntry(json, requestLeaf, MerkleProofs.inclusion(requestSeq, size, queries.nodes()));
      json.writeNumberField("treeSize", size);
      json.writeStringField("checkpoint", checkpoint.note());
      long head = queries.head(request.linkKey(), checkpoint);
      json.writeStringField("completeness",
          queries.completeness(request.linkKey(), checkpoint, head));
      json.writeArrayFieldStart("consistency");
      for (long from : request.since()) {
        json.writeStartObject();
        json.writeNumberField("from", from);
        json.writeStringField("checkpoint", queries.signedAt(from).note());
        writeHashes(json, "proof", MerkleProofs.consistency(from, size, queries.nodes()));
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("entries");
      NavigableSet<Long> releases = writeHistory(json, request.linkKey(), size, head);
      json.writeEndArray();
      json.writeArrayFieldStart("releases");
      writeReleases(json, releases, size);
      json.writeEndArray();
      writeKeyRotations(json, keys, size);
      cosignatures.write(json, checkpoint, queries.nodes(), queries);
      json.writeEndObject();
    }
  }

  /**
   * Writes every entry naming {@code linkKey} below {@code size}; returns the releases named. The
   * entries are found through the per-key index, which is derived data: so that the log never
   * completes a bundle the index has made wrong, the entries' own links are followed as they are
   * written (as a verifier will) and must reach {@code head}; if not, the stream is cut off.
   */
  private NavigableSet<Long> writeHistory(JsonGenerator json, String linkKey, long size, long head)
      throws IOException {
    NavigableSet<Long> releases = new TreeSet<>();
    HistoryChain chain = new HistoryChain(linkKey, -1);
    long after = -1;
    while (true) {
      List<Long> seqs = store.seqsFor(linkKey, after, CHUNK).stream()
          .filter(s -> s < size).toList();
      if (seqs.isEmpty()) {
        try {
          chain.requireHead(head);
        } catch (HistoryChain.BrokenChainException e) {
          throw ProvenEntries.brokenIndex(e, "the bundle was cut off");
        }
        return releases;
      }
      ProvenEntries.forEach(store, queries.nodes(), seqs, size, (leaf, proof) -> {
        LedgerEvent event;
        try {
          event = EventParser.parse(chain.next(leaf.seq(), leaf.leaf()));
        } catch (HistoryChain.BrokenChainException e) {
          throw ProvenEntries.brokenIndex(e, "the bundle was cut off");
        }
        writeEntry(json, leaf, proof);
        if (event instanceof ExtractSubject subject && subject.release() != null) {
          releases.add(subject.release());
        }
      });
      after = seqs.get(seqs.size() - 1);
    }
  }

  /**
   * The chain of trust to the key that signs the tree of {@code size}: each {@code KEY_ROTATION}
   * entry below it, proven in the first checkpoint that covers it (the one the old key signed),
   * with that checkpoint proven a prefix of the bundle's tree. Written only if there is one.
   */
  private void writeKeyRotations(JsonGenerator json, KeyHistory keys, long size)
      throws IOException {
    List<KeyRotation> rotations =
        keys.rotations().stream().filter(rotation -> rotation.seq() < size).toList();
    if (rotations.isEmpty()) {
      return;
    }
    json.writeArrayFieldStart("keyRotations");
    for (KeyRotation rotation : rotations) {
      long seq = rotation.seq();
      StoredCheckpoint covering = store.checkpointsAfter(seq, 1).stream().findFirst()
          .orElseThrow(() -> new StoreException("no checkpoint covers the key rotation at "
              + seq));
      StoredLeaf leaf = store.leaf(seq).orElseThrow(() -> new StoreException(
          "the key rotation entry " + seq + " is not stored"));
      json.writeStartObject();
      writeEntryFields(json, leaf,
          MerkleProofs.inclusion(seq, covering.size(), queries.nodes()));
      json.writeStringField("checkpoint", covering.note());
      writeHashes(json, "consistency",
          MerkleProofs.consistency(covering.size(), size, queries.nodes()));
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private void writeReleases(JsonGenerator json, NavigableSet<Long> releases, long size)
      throws IOException {
    ProvenEntries.forEach(store, queries.nodes(), new ArrayList<>(releases), size,
        (leaf, proof) -> writeEntry(json, leaf, proof));
  }

  private static void writeEntry(JsonGenerator json, StoredLeaf leaf, List<Digest> proof)
      throws IOException {
    json.writeStartObject();
    writeEntryFields(json, leaf, proof);
    json.writeEndObject();
  }

  /** A proven entry's fields ({@link BundleFormat#ENTRY_FIELDS}), inside an open object. */
  private static void writeEntryFields(JsonGenerator json, StoredLeaf leaf, List<Digest> proof)
      throws IOException {
    json.writeNumberField("seq", leaf.seq());
    json.writeStringField("leaf", new String(leaf.leaf(), StandardCharsets.UTF_8));
    json.writeStringField("leafHash", leaf.hash().hex());
    writeHashes(json, "proof", proof);
  }

  private static void writeHashes(JsonGenerator json, String field, List<Digest> hashes)
      throws IOException {
    json.writeArrayFieldStart(field);
    for (Digest hash : hashes) {
      json.writeString(hash.hex());
    }
    json.writeEndArray();
  }

}
