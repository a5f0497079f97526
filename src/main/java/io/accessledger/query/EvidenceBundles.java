package io.accessledger.query;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.accessledger.api.ApiException;
import io.accessledger.evidence.BundleFormat;
import io.accessledger.ledger.CheckpointSigner;
import io.accessledger.ledger.Digest;
import io.accessledger.ledger.LeafCodec;
import io.accessledger.ledger.LeafFormatException;
import io.accessledger.ledger.LedgerEntry;
import io.accessledger.ledger.MerkleProofs;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoreException;
import io.accessledger.store.StoredCheckpoint;
import io.accessledger.store.StoredLeaf;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
  /** Entries read and proven per round trip. */
  private static final int CHUNK = 512;

  private static final byte[] EXTRACT_SUBJECT =
      "\"type\":\"EXTRACT_SUBJECT\"".getBytes(StandardCharsets.UTF_8);

  private static final JsonFactory JSON = new JsonFactory();

  private final LedgerStore store;
  private final LedgerQueries queries;
  private final CheckpointSigner signer;

  public EvidenceBundles(LedgerStore store, LedgerQueries queries, CheckpointSigner signer) {
    this.store = store;
    this.queries = queries;
    this.signer = signer;
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
    long size = checkpoint.size();
    StoredLeaf requestLeaf = store.leaf(requestSeq)
        .orElseThrow(() -> new StoreException("the request's own entry " + requestSeq
            + " is not stored"));
    LedgerEntry recorded = decode(requestLeaf);
    try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeStringField("format", BundleFormat.FORMAT);
      json.writeStringField("origin", signer.origin());
      json.writeStringField("verifierKey", signer.verifierKey().toString());
      json.writeStringField("key", request.linkKey());
      json.writeFieldName("requestedBy");
      Map<?, ?> actor = (Map<?, ?>) recorded.event().get("actor");
      json.writeStartObject();
      json.writeStringField("id", (String) actor.get("id"));
      json.writeStringField("role", (String) actor.get("role"));
      json.writeEndObject();
      json.writeStringField("requestedAt", (String) recorded.event().get("occurredAt"));
      json.writeFieldName("request");
      writeEntry(json, requestLeaf, MerkleProofs.inclusion(requestSeq, size, store));
      json.writeNumberField("treeSize", size);
      json.writeStringField("checkpoint", checkpoint.note());
      json.writeStringField("completeness", queries.completeness(request.linkKey(), checkpoint));
      json.writeArrayFieldStart("consistency");
      for (long from : request.since()) {
        json.writeStartObject();
        json.writeNumberField("from", from);
        json.writeStringField("checkpoint", queries.signedAt(from).note());
        writeHashes(json, "proof", MerkleProofs.consistency(from, size, store));
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("entries");
      NavigableSet<Long> releases = writeHistory(json, request.linkKey(), size);
      json.writeEndArray();
      json.writeArrayFieldStart("releases");
      writeReleases(json, releases, size);
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  /** Writes every entry naming {@code linkKey} below {@code size}; returns the releases named. */
  private NavigableSet<Long> writeHistory(JsonGenerator json, String linkKey, long size)
      throws IOException {
    NavigableSet<Long> releases = new TreeSet<>();
    long after = -1;
    while (true) {
      List<Long> seqs = store.seqsFor(linkKey, after, CHUNK).stream()
          .filter(s -> s < size).toList();
      if (seqs.isEmpty()) {
        return releases;
      }
      List<StoredLeaf> leaves = leaves(seqs);
      List<List<Digest>> proofs = MerkleProofs.inclusions(seqs, size, store);
      for (int i = 0; i < leaves.size(); i++) {
        StoredLeaf leaf = leaves.get(i);
        writeEntry(json, leaf, proofs.get(i));
        if (contains(leaf.leaf(), EXTRACT_SUBJECT)) {
          Map<String, Object> event = decode(leaf).event();
          if ("EXTRACT_SUBJECT".equals(event.get("type"))
              && event.get("release") instanceof Long release) {
            releases.add(release);
          }
        }
      }
      after = seqs.get(seqs.size() - 1);
    }
  }

  private void writeReleases(JsonGenerator json, NavigableSet<Long> releases, long size)
      throws IOException {
    List<Long> all = new ArrayList<>(releases);
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<Long> seqs = all.subList(from, Math.min(all.size(), from + CHUNK));
      List<StoredLeaf> leaves = leaves(seqs);
      List<List<Digest>> proofs = MerkleProofs.inclusions(seqs, size, store);
      for (int i = 0; i < leaves.size(); i++) {
        writeEntry(json, leaves.get(i), proofs.get(i));
      }
    }
  }

  private List<StoredLeaf> leaves(List<Long> seqs) {
    List<StoredLeaf> leaves = store.leaves(seqs);
    if (leaves.size() != seqs.size()) {
      throw new StoreException("entries " + seqs + " are indexed or referenced but not all"
          + " stored; run `verify`");
    }
    return leaves;
  }

  private static void writeEntry(JsonGenerator json, StoredLeaf leaf, List<Digest> proof)
      throws IOException {
    json.writeStartObject();
    json.writeNumberField("seq", leaf.seq());
    json.writeStringField("leaf", new String(leaf.leaf(), StandardCharsets.UTF_8));
    json.writeStringField("leafHash", leaf.hash().hex());
    writeHashes(json, "proof", proof);
    json.writeEndObject();
  }

  private static void writeHashes(JsonGenerator json, String field, List<Digest> hashes)
      throws IOException {
    json.writeArrayFieldStart(field);
    for (Digest hash : hashes) {
      json.writeString(hash.hex());
    }
    json.writeEndArray();
  }

  private static LedgerEntry decode(StoredLeaf leaf) {
    try {
      return LeafCodec.decode(leaf.leaf());
    } catch (LeafFormatException e) {
      throw new StoreException("entry " + leaf.seq() + " is not a valid leaf; run `verify`: "
          + e.getMessage(), e);
    }
  }

  /** Whether {@code bytes} holds {@code part}: a cheap test before decoding a leaf. */
  private static boolean contains(byte[] bytes, byte[] part) {
    outer:
    for (int i = 0; i <= bytes.length - part.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
