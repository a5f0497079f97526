package io.accessledger.cli;

import io.accessledger.evidence.VerifiedBundle;
import io.accessledger.evidence.WitnessVouch;
import io.accessledger.ledger.notes.CheckpointException;
import io.accessledger.ledger.notes.WitnessKey;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** {@code verify-bundle --witness}: reading the keys, and printing what each witness vouches for. */
final class WitnessLines {
  private WitnessLines() {}

  /** The witness keys given, in order; none when {@code given} is null. */
  static List<WitnessKey> keys(List<Object> given) {
    List<WitnessKey> keys = new ArrayList<>();
    if (given == null) {
      return keys;
    }
    for (Object text : given) {
      try {
        keys.add(WitnessKey.parse(text.toString().strip()));
      } catch (CheckpointException e) {
        throw new CommandFailure("--witness " + text + " is not a witness's cosignature/v1"
            + " verifier key: " + e.getMessage());
      }
    }
    return keys;
  }

  /** One line per witness named: the tree size it vouches for, and when it cosigned it. */
  static void print(VerifiedBundle verified, PrintStream out) {
    for (WitnessVouch vouch : verified.witnessed()) {
      long size = vouch.treeSize();
      out.println("  witness:   " + vouch.witness().name() + "+" + vouch.witness().keyIdHex()
          + " cosigned tree size " + size + " at " + vouch.time()
          + (size == verified.checkpoint().size() ? ", this bundle's own tree"
              : ", which this bundle's tree of " + verified.checkpoint().size()
                  + " entries is proven to extend"));
    }
  }
}
