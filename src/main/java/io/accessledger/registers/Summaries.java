package io.accessledger.registers;

/** Wording shared by the registers' one-line summaries. */
final class Summaries {
  private Summaries() {}

  /** {@code 1 subject}, {@code 2 subjects}. */
  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** {@code tm-0007 (team-manager)}, or the id alone. */
  static String person(String id, String role) {
    return id + (role == null ? "" : " (" + role + ")");
  }
}
