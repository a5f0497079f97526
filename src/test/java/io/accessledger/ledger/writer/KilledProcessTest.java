package io.accessledger.ledger.writer;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.ledger.verify.LedgerVerifier;
import io.accessledger.ledger.verify.VerificationResult;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.store.LedgerStore;
import io.accessledger.support.TestLedger;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is ever lost: a real JVM appending at full speed is killed with SIGKILL in
 * the middle of its stream; after reopening, every acknowledged entry is there with the same seq
 * and leaf hash, and the ledger verifies.
 */
class KilledProcessTest {
  @TempDir Path dir;

  @Test
  void everyAcknowledgedAppendSurvivesKillNine() throws Exception {
    Path db = dir.resolve("ledger.db");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        CrashAppender.class.getName(), db.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    Map<Long, String> acknowledged = new HashMap<>();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("ready");
      String line;
      while ((line = out.readLine()) != null) {
        String[] parts = line.split(" ");
        acknowledged.put(Long.parseLong(parts[1]), parts[2]);
        if (acknowledged.size() == 3000) {
          // SIGKILL, mid-stream: the writer is busy with later batches.
          new ProcessBuilder("kill", "-9", Long.toString(child.pid())).start().waitFor();
        }
      }
    }
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isEqualTo(137);
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(3000);

    try (LedgerStore store = TestLedger.openStore(db)) {
      for (Map.Entry<Long, String> ack : acknowledged.entrySet()) {
        assertThat(store.leaf(ack.getKey()))
            .as("acknowledged seq %d", ack.getKey())
            .hasValueSatisfying(leaf -> assertThat(leaf.hash().hex()).isEqualTo(ack.getValue()));
      }
      VerificationResult result = new LedgerVerifier(store, TestLedger.signer(0).verifierKey()).verify();
      assertThat(result.isIntact()).as(result.problem()).isTrue();
      assertThat(result.entries()).isGreaterThanOrEqualTo(acknowledged.size());
      // And the writer can pick up where the dead one stopped.
      try (Sequencer sequencer = TestLedger.sequencer(store, TestLedger.signer(0))) {
        assertThat(sequencer.append(TestLedger.prepared("after", "c", "w")).join().seq())
            .isEqualTo(result.entries());
      }
    }
  }
}
