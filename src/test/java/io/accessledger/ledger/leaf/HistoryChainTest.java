package io.accessledger.ledger.leaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.TreeHasher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chain of a key's entries through their links, and every way of presenting it wrongly. */
class HistoryChainTest {
  private static final String KEY = "subject:c-1";

  /** seq → leaf for a small log: entries 0, 2, 3 and 5 name c-1; 1 and 4 name c-2. */
  private static final List<byte[]> LOG = log(List.of("c-1", "c-2", "c-1", "c-1", "c-2", "c-1"));

  private static List<byte[]> log(List<String> subjects) {
    List<byte[]> leaves = new ArrayList<>();
    Map<String, Long> heads = new HashMap<>();
    Digest prev = Digest.ZERO;
    for (int seq = 0; seq < subjects.size(); seq++) {
      Map<String, Object> event = Map.of("type", "VIEW", "eventId", "e-" + seq,
          "subject", Map.of("id", subjects.get(seq)), "actor", Map.of("id", "w-1"));
      java.util.TreeMap<String, Long> links = new java.util.TreeMap<>();
      for (String key : LinkKeys.of(event)) {
        links.put(key, heads.getOrDefault(key, -1L));
        heads.put(key, (long) seq);
      }
      byte[] leaf = LeafCodec.encode(seq, io.accessledger.ledger.json.CanonicalJson.serialize(event),
          links, prev,
          LeafCodec.formatReceivedAt(Instant.EPOCH), "test");
      leaves.add(leaf);
      prev = TreeHasher.leafHash(leaf);
    }
    return leaves;
  }

  private static HistoryChain walk(long... seqs) throws HistoryChain.BrokenChainException {
    HistoryChain chain = new HistoryChain(KEY, -1);
    for (long seq : seqs) {
      chain.next(seq, LOG.get((int) seq));
    }
    return chain;
  }

  @Test
  void theWholeHistoryIsAChainEndingAtTheHead() throws Exception {
    HistoryChain chain = walk(0, 2, 3, 5);
    chain.requireHead(5);
    assertThat(chain.length()).isEqualTo(4);
    assertThat(chain.last()).isEqualTo(5);
    new HistoryChain("subject:nobody", -1).requireHead(-1);
  }

  @Test
  void aPageStartsFromThePreviousPagesLastEntry() throws Exception {
    HistoryChain page = new HistoryChain(KEY, 2);
    page.next(3, LOG.get(3));
    page.next(5, LOG.get(5));
    page.requireHead(5);
  }

  @Test
  void everyWayOfPresentingItWronglyIsNamed() {
    broken(HistoryChain.Break.GAP, 3, () -> walk(0, 3, 5));
    broken(HistoryChain.Break.GAP, 2, () -> walk(2, 3, 5));
    broken(HistoryChain.Break.OUT_OF_ORDER, 2, () -> walk(0, 2, 3, 2));
    broken(HistoryChain.Break.OUT_OF_ORDER, 2, () -> walk(0, 2, 2));
    broken(HistoryChain.Break.NOT_IN_HISTORY, 1, () -> walk(0, 1));
    broken(HistoryChain.Break.TRUNCATED, 3, () -> walk(0, 2, 3).requireHead(5));
    broken(HistoryChain.Break.BAD_LEAF, 2, () -> new HistoryChain(KEY, 0).next(2, LOG.get(3)));
    byte[] edited = LOG.get(2).clone();
    edited[edited.length - 2] ^= 1;
    broken(HistoryChain.Break.BAD_LEAF, 2, () -> new HistoryChain(KEY, 0).next(2, edited));
  }

  private interface Step {
    void run() throws Exception;
  }

  private static void broken(HistoryChain.Break kind, long seq, Step step) {
    assertThatThrownBy(step::run)
        .isInstanceOfSatisfying(HistoryChain.BrokenChainException.class, e -> {
          assertThat(e.kind()).isEqualTo(kind);
          assertThat(e.seq()).isEqualTo(seq);
        });
  }
}
