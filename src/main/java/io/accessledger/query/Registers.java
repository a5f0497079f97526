package io.accessledger.query;

import io.accessledger.api.ProvenEntry;
import io.accessledger.api.RegisterAnswer;
import io.accessledger.api.RegisterItem;
import io.accessledger.entries.ExtractRelease;
import io.accessledger.entries.ShareDecision;
import io.accessledger.registers.DataSharingAgreements;
import io.accessledger.registers.ExtractFlags;
import io.accessledger.registers.Flag;
import io.accessledger.registers.ShareFlags;
import io.accessledger.registers.Summaries;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoredCheckpoint;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The DPO's registers (contract section 5): every share decision, and every extract release, that
 * passes the request's filters, oldest first, with its flags and its inclusion proof in the latest
 * signed tree, which covers the read's own {@code AUDIT_QUERY} entry.
 *
 * <p>A register reads the whole log (one snapshot, decoding only candidate leaves), because its
 * time window is on {@code occurredAt}, which the records system states and {@code seq} does not
 * order. The answer holds every matching item, built in memory; shares and releases are a small
 * part of a log, and {@code from}/{@code to} narrow a long one. The extract register reads only
 * {@code EXTRACT_RELEASE} entries, which carry {@code subjectCount} and never a child's id.
 */
public final class Registers {
  /** Items whose leaves and proofs are read per round trip. */
  private static final int CHUNK = 1024;

  private final LedgerStore store;
  private final LedgerQueries queries;
  private final DataSharingAgreements agreements;
  private final ZoneId zone;

  /** @param zone the service's zone ({@code ledger.zone}), in which the flags take an event's day */
  public Registers(LedgerStore store, LedgerQueries queries, DataSharingAgreements agreements,
      ZoneId zone) {
    this.store = store;
    this.queries = queries;
    this.agreements = agreements;
    this.zone = zone;
  }

  /** The share register: {@code SHARE_DECISION} entries passing {@code request}'s filters. */
  public RegisterAnswer shares(RegisterRequest request) {
    StoredCheckpoint checkpoint = queries.checkpoint();
    List<Listed> listed = new ArrayList<>();
    LedgerScan.forEach(store, checkpoint.size(), Set.of("SHARE_DECISION"), (entry, event) -> {
      if (!(event instanceof ShareDecision share)) {
        return; // the scan hands over share decisions only
      }
      List<Flag> flags = ShareFlags.of(share, zone);
      if (request.matches(share.header().occurredAt(), share.recipient().organisation(),
          share.decision(), share.grounds(), null, flags)) {
        listed.add(new Listed(entry.seq(), Summaries.of(share), flags));
      }
    });
    return prove(checkpoint, listed);
  }

  /** The extract register: {@code EXTRACT_RELEASE} entries passing {@code request}'s filters. */
  public RegisterAnswer extracts(RegisterRequest request) {
    StoredCheckpoint checkpoint = queries.checkpoint();
    List<Listed> listed = new ArrayList<>();
    LedgerScan.forEach(store, checkpoint.size(), Set.of("EXTRACT_RELEASE"), (entry, event) -> {
      if (!(event instanceof ExtractRelease release)) {
        return; // the scan hands over releases only
      }
      List<Flag> flags = ExtractFlags.of(release, agreements, zone);
      if (request.matches(release.header().occurredAt(), release.recipient().organisation(),
          null, null, release.agreement(), flags)) {
        listed.add(new Listed(entry.seq(), Summaries.of(release), flags));
      }
    });
    return prove(checkpoint, listed);
  }

  private RegisterAnswer prove(StoredCheckpoint checkpoint, List<Listed> listed) {
    List<ProvenEntry> proven = ProvenEntries.prove(store, queries.nodes(),
        listed.stream().map(Listed::seq).toList(), checkpoint.size());
    List<RegisterItem> items = new ArrayList<>(listed.size());
    for (int i = 0; i < listed.size(); i++) {
      Listed item = listed.get(i);
      ProvenEntry entry = proven.get(i);
      items.add(new RegisterItem(entry.seq(), entry.leaf(), entry.leafHash(), entry.proof(),
          item.summary(), item.flags()));
    }
    return new RegisterAnswer(checkpoint.size(), checkpoint.note(), items);
  }

  /** An item found by the scan, before its leaf text and proof are read. */
  private record Listed(long seq, String summary, List<Flag> flags) {}
}
