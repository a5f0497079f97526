package io.accessledger.api;

import io.accessledger.registers.Flag;
import java.util.List;

/**
 * One share decision or extract release in a register: the entry as a history answer gives it
 * ({@code seq}, the exact {@code leaf} text, {@code leafHash}, the inclusion {@code proof} in the
 * answer's tree), a one-sentence {@code summary}, and its {@code flags} (empty when every check
 * passes).
 */
public record RegisterItem(
    long seq, String leaf, String leafHash, List<String> proof, String summary, List<Flag> flags) {
  public RegisterItem {
    proof = List.copyOf(proof);
    flags = List.copyOf(flags);
  }
}
