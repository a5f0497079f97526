package io.accessledger.ledger.merkle;

import io.accessledger.ledger.merkle.Digest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A naive RFC 9162 Merkle tree, written straight from the RFC text (MTH in 2.1.1, PATH in
 * 2.1.3.1, PROOF and SUBPROOF in 2.1.4.1) over a list of leaves. Test code only: it exists to
 * cross-check the storage-based implementation, so it shares nothing with it, not even
 * {@link TreeHasher}.
 *
 * <p>The one concession to speed is a memo of MTH per sub-list, so that checking every proof of
 * every tree up to a few hundred leaves stays fast; it does not change what is computed.
 */
final class MerkleReference {
  private final List<byte[]> leaves;
  private final Map<Long, Digest> mthMemo = new HashMap<>();

  /** A reference over {@code leaves}; trees of any prefix size can be asked about. */
  MerkleReference(List<byte[]> leaves) {
    this.leaves = List.copyOf(leaves);
  }

  /** MTH(D[0:n]). */
  Digest mth(int n) {
    return mth(0, n);
  }

  /** SHA-256(0x00 || d(i)). */
  Digest leafHash(int i) {
    return sha256(new byte[] {0x00}, leaves.get(i));
  }

  /** PATH(m, D[0:n]): the inclusion proof of leaf m. */
  List<Digest> path(int m, int n) {
    return path(m, 0, n);
  }

  /** PROOF(m, D[0:n]) = SUBPROOF(m, D[0:n], true). */
  List<Digest> proof(int m, int n) {
    return subproof(m, 0, n, true);
  }

  // MTH of the sub-list D[begin:end]. MTH({}) = SHA-256(); MTH({d0}) = SHA-256(0x00 || d0);
  // otherwise, with k the largest power of two smaller than n,
  // MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])).
  private Digest mth(int begin, int end) {
    long key = ((long) begin << 32) | end;
    Digest memo = mthMemo.get(key);
    if (memo != null) {
      return memo;
    }
    int n = end - begin;
    Digest result;
    if (n == 0) {
      result = sha256();
    } else if (n == 1) {
      result = leafHash(begin);
    } else {
      int k = k(n);
      result = node(mth(begin, begin + k), mth(begin + k, end));
    }
    mthMemo.put(key, result);
    return result;
  }

  // PATH(m, {d0}) = {}; for n > 1: m < k gives PATH(m, D[0:k]) : MTH(D[k:n]),
  // m >= k gives PATH(m - k, D[k:n]) : MTH(D[0:k]). Here m is relative to begin.
  private List<Digest> path(int m, int begin, int end) {
    int n = end - begin;
    if (n == 1) {
      return new ArrayList<>();
    }
    int k = k(n);
    List<Digest> out;
    if (m < k) {
      out = path(m, begin, begin + k);
      out.add(mth(begin + k, end));
    } else {
      out = path(m - k, begin + k, end);
      out.add(mth(begin, begin + k));
    }
    return out;
  }

  // SUBPROOF(m, D[m], true) = {}; SUBPROOF(m, D[m], false) = {MTH(D[m])}; for m < n:
  // m <= k gives SUBPROOF(m, D[0:k], b) : MTH(D[k:n]),
  // m > k gives SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k]).
  private List<Digest> subproof(int m, int begin, int end, boolean b) {
    int n = end - begin;
    if (m == n) {
      List<Digest> out = new ArrayList<>();
      if (!b) {
        out.add(mth(begin, end));
      }
      return out;
    }
    int k = k(n);
    List<Digest> out;
    if (m <= k) {
      out = subproof(m, begin, begin + k, b);
      out.add(mth(begin + k, end));
    } else {
      out = subproof(m - k, begin + k, end, false);
      out.add(mth(begin, begin + k));
    }
    return out;
  }

  /**
   * What a verifier of PATH(m, D[0:n]) sees besides the hashes: one letter per proof hash, 'L'
   * where it is hashed on the left of the running hash (PATH's m >= k branch), 'R' on its right.
   * Two claims with the same shape make any verifier compute the same root from the same hashes,
   * so no proof can tell them apart.
   */
  static String pathShape(int m, int n) {
    if (n == 1) {
      return "";
    }
    int k = k(n);
    return m < k ? pathShape(m, k) + "R" : pathShape(m - k, n - k) + "L";
  }

  /**
   * What a verifier of PROOF(m, D[0:n]) sees besides the hashes: 'K' if the old root, which the
   * verifier holds, starts the fold (SUBPROOF reached D[m] with b true), 'S' if the first proof
   * hash does; then per further hash 'L' where it is a left sibling (in both roots, SUBPROOF's
   * m > k branch) or 'R' where it is a right one (in the new root only).
   */
  static String proofShape(int m, int n) {
    return subproofShape(m, n, true);
  }

  private static String subproofShape(int m, int n, boolean b) {
    if (m == n) {
      return b ? "K" : "S";
    }
    int k = k(n);
    return m <= k ? subproofShape(m, k, b) + "R" : subproofShape(m - k, n - k, false) + "L";
  }

  /** The largest power of two smaller than n, for n > 1. */
  private static int k(int n) {
    int k = 1;
    while (k * 2 < n) {
      k *= 2;
    }
    return k;
  }

  private static Digest node(Digest left, Digest right) {
    return sha256(new byte[] {0x01}, left.bytes(), right.bytes());
  }

  private static Digest sha256(byte[]... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        md.update(part);
      }
      return Digest.of(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
