package io.accessledger.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.api.AuditFinding;
import io.accessledger.api.EntryAnswer;
import io.accessledger.api.EventAck;
import io.accessledger.api.HistoryAnswer;
import io.accessledger.api.NeedToKnowAnswer;
import io.accessledger.api.ProvenEntry;
import io.accessledger.ledger.leaf.PreparedEvent;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.ProofVerifier;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.query.HistoryRequest;
import io.accessledger.query.LedgerActivity;
import io.accessledger.query.LinkedEntries;
import io.accessledger.query.NeedToKnowAudits;
import io.accessledger.query.Reviews;
import io.accessledger.support.LedgerNode;
import io.accessledger.support.TestLedger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reads on one node of what another appended (contract section 7, "reads from any node"): the
 * same entries, the same proofs, the same recorded {@code AUDIT_QUERY} entries, and every cache in
 * front of the store (the history summaries, the console's activity, the Merkle node cache, the
 * audits' findings) following the other node's appends.
 */
interface MultiNodeReads extends MultiNodeFixture {

  private static EventAck post(LedgerNode node, String id, String subject, String actor) {
    return node.services().ingest().postOne("case-system",
        MultiNodeContract.json(TestLedger.view(id, subject, actor))).acks().get(0);
  }

  private static HistoryRequest everything() {
    return HistoryRequest.parse(null, null, null, "1000", null);
  }

  /** Checks each entry's proof against the answer's checkpoint, signed by the log's key. */
  private static void assertProven(String note, long size, List<ProvenEntry> entries)
      throws Exception {
    Checkpoint checkpoint = SignedCheckpoint.open(note, MultiNodeContract.SIGNER.verifierKey());
    assertThat(checkpoint.size()).isEqualTo(size);
    for (ProvenEntry entry : entries) {
      Digest leafHash = io.accessledger.ledger.merkle.TreeHasher.leafHash(
          entry.leaf().getBytes(StandardCharsets.UTF_8));
      assertThat(leafHash.hex()).isEqualTo(entry.leafHash());
      ProofVerifier.verifyInclusion(entry.seq(), size, leafHash,
          entry.proof().stream().map(Digest::fromHex).toList(), checkpoint.root());
    }
  }

  private static void assertProven(EntryAnswer answer) throws Exception {
    assertProven(answer.checkpoint(), answer.treeSize(),
        List.of(new ProvenEntry(answer.seq(), answer.leaf(), answer.leafHash(), answer.proof())));
  }

  @Test
  default void aNodeReadsWhatTheOtherAppendedWithTheSameProofs() throws Exception {
    LedgerNode a = node();
    LedgerNode b = node();
    List<Long> seqs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      seqs.add(post(a, "r-" + i, "child-r", "worker-r").seq());
    }
    long last = seqs.get(seqs.size() - 1);

    // Without B having written anything since: its own sequencer knows only the empty tree.
    b.services().queries().checkEntry(last, null);
    EntryAnswer onB = b.services().queries().entry(last, null);
    assertProven(onB);
    assertThat(b.services().queries().log().treeSize()).isEqualTo(last + 1);
    assertThat(a.services().queries().entry(last, onB.treeSize())).isEqualTo(onB);
    HistoryAnswer history = b.services().queries().history("subject:child-r", everything());
    assertThat(history.entries()).extracting(ProvenEntry::seq).containsExactlyElementsOf(seqs);
    assertProven(history.checkpoint(), history.treeSize(), history.entries());
    assertThat(a.services().queries().history("subject:child-r", everything())).isEqualTo(history);

    // B's reads are recorded in the one log, and A reads those records back.
    long audit = b.services().auditTrail().record("dpo-b", "auditor",
        "/v1/subjects/child-r/events", Map.of()).seq();
    a.services().queries().checkEntry(audit, null);
    HistoryAnswer dpo = a.services().queries().history("actor:dpo-b", everything());
    assertThat(dpo.entries()).extracting(ProvenEntry::seq).containsExactly(audit);
    assertProven(dpo.checkpoint(), dpo.treeSize(), dpo.entries());
  }

  @Test
  default void proofsOnOneNodeStayRightAsTheOtherGrowsTheTree() throws Exception {
    LedgerNode a = node();
    LedgerNode b = node();
    TestLedger.appendViewsInGroups(a.sequencer(), 300);
    EntryAnswer early = b.services().queries().entry(3, null); // fills B's node cache
    assertProven(early);
    List<PreparedEvent> more = new ArrayList<>();
    for (int i = 0; i < 700; i++) {
      more.add(TestLedger.prepared("more-" + i, "child-m", "worker-m"));
    }
    a.sequencer().appendGroup(more).join();
    EntryAnswer later = b.services().queries().entry(3, null);
    assertThat(later.treeSize()).isEqualTo(1000);
    assertProven(later);
    assertThat(b.services().queries().entry(3, early.treeSize())).isEqualTo(early);
    List<Digest> consistency = b.services().queries().consistency(early.treeSize(), 1000).proof()
        .stream().map(Digest::fromHex).toList();
    ProofVerifier.verifyConsistency(early.treeSize(), 1000, consistency,
        SignedCheckpoint.open(early.checkpoint(), MultiNodeContract.SIGNER.verifierKey()).root(),
        SignedCheckpoint.open(later.checkpoint(), MultiNodeContract.SIGNER.verifierKey()).root());
  }

  @Test
  default void aLongHistoryKeptInMemoryFollowsTheOtherNodesAppends() {
    LedgerNode a = node();
    LedgerNode b = node();
    List<PreparedEvent> views = new ArrayList<>();
    for (int i = 0; i < 2100; i++) { // long enough for its summaries to be kept
      views.add(TestLedger.prepared("long-" + i, "child-long", "worker-" + (i % 3)));
    }
    a.sequencer().appendGroup(views).join();
    LinkedEntries onB = b.services().linkedEntries();
    assertThat(onB.read("subject:child-long", LinkedEntries.Window.latest(10), s -> { }).total())
        .isEqualTo(2100);
    long newest = post(a, "long-new", "child-long", "worker-1").seq();
    LinkedEntries.Page page =
        onB.read("subject:child-long", LinkedEntries.Window.latest(10), s -> { });
    assertThat(page.total()).isEqualTo(2101);
    assertThat(page.entries().get(0).seq()).isEqualTo(newest);
  }

  @Test
  default void anAuditRunOnOneNodeIsSeenAndReviewedOnTheOther() {
    LedgerNode a = node();
    LedgerNode b = node();
    b.services().activity().catchUp(b.services().queries().checkpoint().size());
    post(a, "unallocated", "child-n", "worker-n"); // a view no allocation explains
    Map<String, Object> period = new LinkedHashMap<>();
    period.put("from", "2026-11-01T00:00:00Z");
    period.put("to", "2026-12-01T00:00:00Z");
    Map<String, String> recorded = Map.of("from", "2026-11-01T00:00:00Z",
        "to", "2026-12-01T00:00:00Z");
    long run = a.services().auditTrail().record("dpo-a", "auditor", NeedToKnowAudits.PATH,
        recorded).seq();
    NeedToKnowAnswer answer = a.services().needToKnowAudits()
        .run(NeedToKnowAudits.period(period), run);
    AuditFinding finding = answer.findings().get(0);

    LedgerActivity activityOnB = b.services().activity();
    activityOnB.catchUp(b.services().queries().checkpoint().size());
    assertThat(activityOnB.latestRuns(5)).extracting(LedgerActivity.AuditRun::seq)
        .containsExactly(run);

    // B never ran it: it finds the run's findings again from the record A appended.
    Reviews.Request request = b.services().reviews().check(Map.of("audit", run,
        "finding", finding.id(), "outcome", "EXPLAINED", "note", "allocated on paper"));
    long review = b.services().reviews().record("dpo-b", "auditor", request).seq();
    LedgerActivity activityOnA = a.services().activity();
    activityOnA.catchUp(a.services().queries().checkpoint().size());
    assertThat(activityOnA.latestReview(finding.id()).orElseThrow().seq()).isEqualTo(review);
    assertThat(activityOnA.read()).isEqualTo(openStore().size());
  }
}
