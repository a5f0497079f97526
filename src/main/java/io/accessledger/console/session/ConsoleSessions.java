package io.accessledger.console.session;

import io.accessledger.auth.ApiClient;
import io.accessledger.auth.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * The console's open sessions, in memory only: a restart ends them all, and nothing about them is
 * ever written to disk. So they are this node's: with several nodes behind a load balancer, a
 * session's requests must reach the node that opened it (sticky sessions), or the reader signs in
 * again on the node they reach; nothing a session shows depends on which node it is on.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>A session's id (its cookie value) is 256 random bits from {@link SecureRandom}; only its
 *       SHA-256 is kept, so the server's memory (a heap dump) yields no usable cookie. A presented
 *       id is accepted only on a constant-time comparison of its full hash with the stored one.
 *   <li>A session ends at its idle timeout, its absolute timeout, {@link #end sign-out}, or when
 *       {@link #endAllOf its client} is revoked; an ended session is never found again.
 *   <li>At most {@link SessionLimits#maxSessionsPerClient} are open per client (opening one more
 *       ends that client's idle longest), and {@link SessionLimits#maxSessions} in all (past that,
 *       the one idle longest).
 * </ul>
 * Thread-safe.
 */
public final class ConsoleSessions {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A new session and the cookie value that names it, which exists nowhere else. */
  public record Opened(String cookieValue, ConsoleSession session) {}

  private static final class Held {
    final byte[] hash;
    final ConsoleSession session;
    Instant lastUsed;

    Held(byte[] hash, ConsoleSession session, Instant lastUsed) {
      this.hash = hash;
      this.session = session;
      this.lastUsed = lastUsed;
    }
  }

  private final SessionLimits limits;
  private final Clock clock;
  /** By hex hash, least recently used first. */
  private final LinkedHashMap<String, Held> held = new LinkedHashMap<>(64, 0.75f, true);

  public ConsoleSessions(SessionLimits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  /** Opens a session for {@code client}, which must be an auditor or an investigator. */
  public Opened open(ApiClient client) {
    if (client.role() != Role.AUDITOR && client.role() != Role.INVESTIGATOR) {
      throw new IllegalArgumentException("only auditors and investigators use the console");
    }
    String cookie = randomToken();
    byte[] hash = hash(cookie);
    Instant now = clock.instant();
    ConsoleSession session = new ConsoleSession(client.name(), client.role(), randomToken(), now);
    synchronized (held) {
      // One client's sign-ins end only its own oldest sessions, never other people's.
      List<String> own = new ArrayList<>();
      held.forEach((key, h) -> {
        if (h.session.client().equals(client.name())) {
          own.add(key);
        }
      });
      for (int i = 0; i + limits.maxSessionsPerClient() <= own.size(); i++) {
        held.remove(own.get(i));
      }
      while (held.size() >= limits.maxSessions()) {
        Iterator<String> eldest = held.keySet().iterator();
        eldest.next();
        eldest.remove();
      }
      held.put(HexFormat.of().formatHex(hash), new Held(hash, session, now));
    }
    return new Opened(cookie, session);
  }

  /**
   * The open session {@code cookieValue} names, marked as used now; empty for a null, unknown,
   * ended or timed-out one (a timed-out one is ended).
   */
  public Optional<ConsoleSession> find(String cookieValue) {
    if (cookieValue == null || cookieValue.isEmpty() || cookieValue.length() > 100) {
      return Optional.empty();
    }
    byte[] presented = hash(cookieValue);
    String key = HexFormat.of().formatHex(presented);
    Instant now = clock.instant();
    synchronized (held) {
      Held found = held.get(key);
      if (found == null || !MessageDigest.isEqual(found.hash, presented)) {
        return Optional.empty();
      }
      if (!now.isBefore(found.lastUsed.plus(limits.idleTimeout()))
          || !now.isBefore(found.session.openedAt().plus(limits.absoluteTimeout()))) {
        held.remove(key);
        return Optional.empty();
      }
      found.lastUsed = now;
      return Optional.of(found.session);
    }
  }

  /** Ends the session {@code cookieValue} names, if it is open. */
  public void end(String cookieValue) {
    if (cookieValue == null || cookieValue.length() > 100) {
      return;
    }
    synchronized (held) {
      held.remove(HexFormat.of().formatHex(hash(cookieValue)));
    }
  }

  /** Ends every session of the client named {@code client} (revoked, or its role changed). */
  public void endAllOf(String client) {
    synchronized (held) {
      held.values().removeIf(h -> h.session.client().equals(client));
    }
  }

  /** How many sessions are open (timed-out ones not yet found again included). */
  public int open() {
    synchronized (held) {
      return held.size();
    }
  }

  /** 256 random bits, base64url without padding (43 characters). */
  public static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] hash(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
