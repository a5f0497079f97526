package io.accessledger.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.api.EventAck;
import io.accessledger.events.IngestRefusal;
import io.accessledger.ledger.json.CanonicalJson;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.MerkleProofs;
import io.accessledger.ledger.merkle.ProofVerifier;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.ledger.verify.LedgerVerifier;
import io.accessledger.ledger.writer.LedgerBusyException;
import io.accessledger.ledger.verify.VerificationResult;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoredCheckpoint;
import io.accessledger.store.StoredLeaf;
import io.accessledger.support.ForwardingLedgerStore;
import io.accessledger.support.LedgerNode;
import io.accessledger.support.SharedLedgerDatabase;
import io.accessledger.support.TestLedger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several nodes on one shared store, each with its own pool, sequencer and services, as server
 * processes on one database are (contract section 7): concurrent writes through both make one log
 * with no gap, no duplicate and no lost acknowledgement; every checkpoint either node signed is a
 * prefix of the next; a replay posted to both at once is appended once. The races at the writer
 * and at start ({@link MultiNodeRaces}) and the reads and caches across nodes ({@link
 * MultiNodeReads}) come with it. Each backend runs all of it with its own {@link
 * SharedLedgerDatabase}.
 */
public abstract class MultiNodeContract implements MultiNodeRaces, MultiNodeReads {
  static final CheckpointSigner SIGNER = TestLedger.signer(0);

  private SharedLedgerDatabase database;
  private final List<AutoCloseable> opened = Collections.synchronizedList(new ArrayList<>());

  /** A fresh, empty database that any number of stores may open at once. */
  protected abstract SharedLedgerDatabase newDatabase() throws Exception;

  @BeforeEach
  void openDatabase() throws Exception {
    database = newDatabase();
  }

  @AfterEach
  void closeAll() throws Exception {
    synchronized (opened) {
      for (int i = opened.size() - 1; i >= 0; i--) {
        opened.get(i).close();
      }
    }
    database.close();
  }

  @Override
  public LedgerStore openStore() {
    LedgerStore store = database.openStore();
    opened.add(store);
    return store;
  }

  @Override
  public LedgerNode node(LedgerStore store, CheckpointSigner signer) {
    LedgerNode node = LedgerNode.start(store, signer, LedgerServicesTest.settings());
    opened.add(node.sequencer());
    return node;
  }

  static byte[] json(Object value) {
    return CanonicalJson.serialize(value);
  }

  @Test
  void concurrentWritesThroughTwoNodesMakeOneLog() throws Exception {
    writeConcurrently(List.of(node(), node()), 4, 60);
  }

  @Test
  void concurrentWritesRacingOnTheFenceAloneMakeOneLog() throws Exception {
    // Stores that hand out no write turns: correctness MUST NOT rest on them.
    writeConcurrently(List.of(node(new ForwardingLedgerStore(openStore()), SIGNER),
        node(new ForwardingLedgerStore(openStore()), SIGNER)), 2, 25);
  }

  /**
   * Posts single events, batches and reads' records through every node at once from {@code
   * threadsPerNode} threads each, then checks that the log holds exactly what was acknowledged.
   */
  private void writeConcurrently(List<LedgerNode> nodes, int threadsPerNode, int rounds)
      throws Exception {
    ConcurrentLinkedQueue<EventAck> acks = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> audits = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(2 * threadsPerNode);
    List<Future<?>> work = new ArrayList<>();
    for (int n = 0; n < nodes.size(); n++) {
      LedgerServices services = nodes.get(n).services();
      for (int t = 0; t < threadsPerNode; t++) {
        String prefix = "n" + n + "-t" + t + "-";
        work.add(pool.submit(() -> {
          for (int round = 0; round < rounds; round++) {
            int i = round;
            String id = prefix + i;
            if (i % 5 == 4) {
              acks.addAll(retrying(() -> services.ingest().postBatch("case-system", json(List.of(
                  TestLedger.view(id + "a", "child-" + (i % 3), "worker-" + (i % 2)),
                  TestLedger.view(id + "b", "child-" + (i % 4), "worker-1")))).acks()));
            } else if (i % 7 == 6) {
              audits.add(retrying(() -> services.auditTrail().record(
                  "dpo", "auditor", "/v1/subjects/child-1/events", Map.of())).seq());
            } else {
              acks.addAll(retrying(() -> services.ingest().postOne("case-system",
                  json(TestLedger.view(id, "child-" + (i % 5), "worker-" + (i % 3))))).acks());
            }
          }
          return null;
        }));
      }
    }
    for (Future<?> f : work) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();

    LedgerStore store = openStore();
    Set<Long> seqs = new HashSet<>(audits);
    for (EventAck ack : acks) {
      assertThat(seqs.add(ack.seq())).as("seq %d acknowledged twice", ack.seq()).isTrue();
      StoredLeaf leaf = store.leaf(ack.seq()).orElseThrow();
      assertThat(leaf.hash().hex()).isEqualTo(ack.leafHash());
      assertThat(store.findEvent("case-system", ack.eventId()).orElseThrow().seq())
          .isEqualTo(ack.seq());
    }
    assertThat(seqs).hasSize(acks.size() + audits.size());
    assertThat(store.size()).as("every entry acknowledged, none more").isEqualTo(seqs.size());
    assertThat(nodes).allSatisfy(n -> assertThat(n.sequencer().batchesWritten()).isPositive());
    assertIntactWithConsistentCheckpoints(store);
  }

  @Test
  void aReplayPostedToBothNodesAtOnceIsAppendedOnce() throws Exception {
    List<LedgerNode> nodes = List.of(node(), node());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 20; round++) {
        byte[] body = json(TestLedger.view("replay-" + round, "child-1", "worker-1"));
        List<Object> answers = atOnce(pool, nodes,
            services -> services.ingest().postOne("case-system", body));
        List<EventAck> both = new ArrayList<>();
        int appended = 0;
        for (Object answer : answers) {
          var accepted = (io.accessledger.events.EventIngest.Accepted) answer;
          appended += accepted.appended() ? 1 : 0;
          both.addAll(accepted.acks());
        }
        assertThat(appended).as("round %d: appended once, answered once as a replay", round)
            .isEqualTo(1);
        assertThat(both.get(0)).isEqualTo(both.get(1));
      }
      for (int round = 0; round < 10; round++) {
        String id = "conflict-" + round;
        List<Object> answers = atOnce(pool, nodes, List.of(
            services -> services.ingest().postOne("case-system",
                json(TestLedger.view(id, "child-1", "worker-1"))),
            services -> services.ingest().postOne("case-system",
                json(TestLedger.view(id, "child-2", "worker-1")))));
        assertThat(answers).filteredOn(a -> a instanceof IngestRefusal r
            && r.kind() == IngestRefusal.Kind.CONFLICT).hasSize(1);
        assertThat(answers).filteredOn(a -> a instanceof io.accessledger.events.EventIngest.Accepted)
            .hasSize(1);
      }
      for (int round = 0; round < 10; round++) {
        byte[] batch = json(List.of(TestLedger.view("pair-" + round + "a", "child-1", "worker-2"),
            TestLedger.view("pair-" + round + "b", "child-3", "worker-2")));
        List<Object> answers = atOnce(pool, nodes,
            services -> services.ingest().postBatch("case-system", batch));
        var first = (io.accessledger.events.EventIngest.Accepted) answers.get(0);
        var second = (io.accessledger.events.EventIngest.Accepted) answers.get(1);
        assertThat(first.appended() ^ second.appended()).isTrue();
        assertThat(first.acks()).isEqualTo(second.acks());
      }
    } finally {
      pool.shutdown();
    }
    LedgerStore store = openStore();
    assertThat(store.size()).isEqualTo(20 + 10 + 2 * 10);
    assertIntactWithConsistentCheckpoints(store);
  }

  /** A request to one node's services; its answer, or the refusal it threw. */
  @FunctionalInterface
  interface Call {
    Object on(LedgerServices services) throws Exception;
  }

  /** Runs {@code call} on every node at the same moment; the answers (or refusals) in node order. */
  static List<Object> atOnce(ExecutorService pool, List<LedgerNode> nodes, Call call)
      throws Exception {
    return atOnce(pool, nodes, nodes.stream().map(n -> call).toList());
  }

  /** Runs call {@code i} on node {@code i}, all at the same moment. */
  static List<Object> atOnce(ExecutorService pool, List<LedgerNode> nodes,
      List<Call> calls) throws Exception {
    CountDownLatch ready = new CountDownLatch(nodes.size());
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Object>> answers = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      LedgerServices services = nodes.get(i).services();
      Call call = calls.get(i);
      answers.add(pool.submit(() -> {
        ready.countDown();
        go.await();
        try {
          return call.on(services);
        } catch (IngestRefusal refusal) {
          return refusal;
        }
      }));
    }
    ready.await();
    go.countDown();
    List<Object> out = new ArrayList<>();
    for (Future<Object> answer : answers) {
      out.add(answer.get(60, TimeUnit.SECONDS));
    }
    return out;
  }

  /** {@code call}'s answer, retried while the ledger pushes back (as a client does on 503). */
  static <T> T retrying(Supplier<T> call) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (IngestRefusal e) {
        if (e.kind() != IngestRefusal.Kind.BUSY || attempt == 50) {
          throw e;
        }
      } catch (LedgerBusyException e) {
        if (attempt == 50) {
          throw e;
        }
      }
      Thread.sleep(10); // Retry-After, shortened
    }
  }

  /**
   * {@code verify} passes, and every stored checkpoint is signed by the log's key and is a prefix
   * of the next (a consistency proof from the stored tree links each to the next): whichever
   * node signed them, the log never signed two inconsistent checkpoints.
   */
  static void assertIntactWithConsistentCheckpoints(LedgerStore store) throws Exception {
    VerificationResult result = new LedgerVerifier(store, SIGNER.verifierKey()).verify();
    assertThat(result.isIntact()).as(result.problem()).isTrue();
    List<StoredCheckpoint> all = store.checkpointsAfter(-1, Integer.MAX_VALUE);
    assertThat(all.get(0).size()).as("one checkpoint of the empty tree").isZero();
    Checkpoint previous = null;
    for (StoredCheckpoint stored : all) {
      Checkpoint checkpoint = SignedCheckpoint.open(stored.note(), SIGNER.verifierKey());
      if (previous != null) {
        assertThat(checkpoint.size()).isGreaterThan(previous.size());
        if (previous.size() > 0) {
          List<Digest> proof =
              MerkleProofs.consistency(previous.size(), checkpoint.size(), store);
          ProofVerifier.verifyConsistency(previous.size(), checkpoint.size(), proof,
              previous.root(), checkpoint.root());
        }
      }
      previous = checkpoint;
    }
    assertThat(previous.size()).isEqualTo(store.size());
  }
}
