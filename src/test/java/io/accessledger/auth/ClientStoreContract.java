package io.accessledger.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.support.SettableClock;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ClientStore} must have, one test per guarantee of its Javadoc. Each
 * backend's test extends this class and supplies a fresh, empty store, a second handle on it as
 * another process would open it, and what the backend persisted; nothing here knows which backend
 * it runs against.
 *
 * <p>One guarantee is not tested here: that a token is accepted only on a constant-time comparison
 * of its hash. Timing cannot be measured reliably on a shared machine, so that one rests on review
 * of each implementation's {@code authenticate}.
 */
public abstract class ClientStoreContract {
  /** The time every store reads: the tests move it. */
  protected final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T09:00:00.250Z"));
  protected ClientStore store;

  /** A fresh, empty store whose timestamps come from {@code clock}. */
  protected abstract ClientStore newStore(Clock clock) throws Exception;

  /**
   * Another handle on the store {@link #newStore} made, with its own connections and memory, as
   * another process would open it (a command while the server runs), reading the same clock.
   */
  protected abstract ClientStore openAnother() throws Exception;

  /**
   * Every byte the backend has persisted, where someone with a copy of its storage could read it.
   * It may close every store to get them: a test uses no store after calling it.
   */
  protected abstract List<byte[]> persistedBytes() throws Exception;

  /** Closes every store this test opened; runs after each test, also after {@link #persistedBytes}. */
  protected abstract void closeAll() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = newStore(clock);
  }

  @AfterEach
  void close() throws Exception {
    closeAll();
  }

  /** add MUST return a fresh, well-formed token, which authenticates exactly its client. */
  @Test
  void addReturnsAFreshPrefixedTokenThatAuthenticatesTheClient() {
    String token = store.add("carefirst-prod", Role.INGEST, "carefirst");
    assertThat(token).hasSize(47).startsWith("alt_").matches("alt_[A-Za-z0-9_-]{43}");
    assertThat(BearerTokens.isWellFormed(token)).isTrue();
    assertThat(store.authenticate(token))
        .contains(new ApiClient("carefirst-prod", Role.INGEST, "carefirst"));
    String other = store.add("dpo", Role.AUDITOR, null);
    assertThat(other).isNotEqualTo(token);
    assertThat(store.authenticate(other)).contains(new ApiClient("dpo", Role.AUDITOR, null));
  }

  /** The store MUST persist a token only as its hash: no token, nor any part of one. */
  @Test
  void theStorageNeverHoldsTheTokenOnlyItsHash() throws Exception {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      tokens.add(store.add("client-" + i, Role.INVESTIGATOR, null));
    }
    store.revoke("client-3");
    byte[] hashOfFirst = BearerTokens.hash(tokens.get(0)).bytes();
    assertThat(openAnother().list()).as("another store sees them all").hasSize(20);
    List<byte[]> persisted = persistedBytes();
    assertThat(persisted).isNotEmpty();
    String all = String.join("\n",
        persisted.stream().map(b -> new String(b, StandardCharsets.ISO_8859_1)).toList());
    for (String token : tokens) {
      assertThat(all).doesNotContain(token).doesNotContain(token.substring(4, 24));
    }
    assertThat(all).as("the hash is what is stored")
        .contains(new String(hashOfFirst, StandardCharsets.ISO_8859_1));
  }

  /** authenticate MUST answer only the issued token itself, and nothing for any other string. */
  @Test
  void wrongAlteredAndMalformedTokensAreRefused() {
    String token = store.add("dpo", Role.AUDITOR, null);
    assertThat(store.authenticate(BearerTokens.generate())).isEmpty();
    for (int i = 4; i < token.length(); i++) {
      char c = token.charAt(i);
      String altered = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
      assertThat(store.authenticate(altered)).as("changed at %d", i).isEmpty();
    }
    assertThat(store.authenticate(null)).isEmpty();
    assertThat(store.authenticate("")).isEmpty();
    assertThat(store.authenticate(token + "x")).isEmpty();
    assertThat(store.authenticate(token.substring(0, 46))).isEmpty();
    assertThat(store.authenticate("xyz_" + token.substring(4))).isEmpty();
    assertThat(store.authenticate(token.substring(0, 46) + "=")).isEmpty();
    assertThat(store.authenticate(token.toUpperCase(Locale.ROOT))).isEmpty();
    assertThat(store.authenticate(token)).isPresent();
  }

  /**
   * A revocation MUST take effect for the very next authenticate, in the store that made it and in
   * another one that had just accepted the token; a second revocation MUST change nothing.
   */
  @Test
  void aRevokedClientIsRefusedAtOnceAlsoByAnotherOpenStore() throws Exception {
    ClientStore server = openAnother();
    String token = store.add("investigator-1", Role.INVESTIGATOR, null);
    assertThat(server.authenticate(token)).isPresent(); // the server sees a client the CLI added
    assertThat(store.authenticate(token)).isPresent();

    clock.set(Instant.parse("2026-03-01T10:00:00.500Z"));
    assertThat(store.revoke("investigator-1")).isTrue(); // the CLI revokes while the server runs
    assertThat(server.authenticate(token)).isEmpty();
    assertThat(store.authenticate(token)).isEmpty();

    clock.set(Instant.parse("2026-03-01T11:00:00.750Z"));
    assertThat(store.revoke("investigator-1")).as("already revoked").isFalse();
    assertThat(server.revoke("investigator-1")).as("already revoked").isFalse();
    assertThat(server.authenticate(token)).isEmpty();

    StoredClient listed = server.list().get(0);
    assertThat(listed.client().name()).isEqualTo("investigator-1");
    assertThat(listed.isActive()).isFalse();
    assertThat(listed.createdAt()).isEqualTo("2026-03-01T09:00:00.250Z");
    assertThat(listed.revokedAt()).as("the first revocation's time").isEqualTo("2026-03-01T10:00:00.500Z");
  }

  /** A client MUST be seen by a store opened after it was added, and its revocation too. */
  @Test
  void aStoreOpenedLaterSeesTheClientsAndTheirRevocations() throws Exception {
    String kept = store.add("dpo", Role.AUDITOR, null);
    String revoked = store.add("feed", Role.INGEST, "carefirst");
    store.revoke("feed");
    ClientStore later = openAnother();
    assertThat(later.authenticate(kept)).contains(new ApiClient("dpo", Role.AUDITOR, null));
    assertThat(later.authenticate(revoked)).isEmpty();
    assertThat(later.list()).extracting(StoredClient::isActive).containsExactly(true, false);
  }

  /** active MUST name only an active client of exactly that name, read afresh on every call. */
  @Test
  void activeNamesTheClientUntilItIsRevokedAlsoByAnotherStore() throws Exception {
    store.add("dpo-console", Role.AUDITOR, null);
    ClientStore server = openAnother();
    assertThat(server.active("dpo-console")).get().extracting(ApiClient::role)
        .isEqualTo(Role.AUDITOR);
    assertThat(server.active("DPO-CONSOLE")).as("case matters").isEmpty();
    assertThat(server.active("nobody")).isEmpty();
    assertThat(server.active(null)).isEmpty();
    store.revoke("dpo-console");
    assertThat(server.active("dpo-console")).as("revoked by another store").isEmpty();
  }

  /** revoke MUST fail for a name no client has exactly, case included, and change nothing. */
  @Test
  void revokingAnUnknownNameFails() {
    String token = store.add("dpo", Role.AUDITOR, null);
    assertThatThrownBy(() -> store.revoke("nobody"))
        .isInstanceOf(ClientException.class).hasMessageContaining("no client named 'nobody'");
    assertThatThrownBy(() -> store.revoke("DPO"))
        .as("names are matched exactly").isInstanceOf(ClientException.class);
    assertThat(store.list()).singleElement().satisfies(c -> assertThat(c.isActive()).isTrue());
    assertThat(store.authenticate(token)).isPresent();
  }

  /** Names MUST be unique ignoring case and never reused, even after revocation. */
  @Test
  void aNameIsNeverReusedEvenAfterRevocationOrInAnotherCase() throws Exception {
    String first = store.add("dpo", Role.AUDITOR, null);
    assertThatThrownBy(() -> store.add("dpo", Role.ADMIN, null))
        .isInstanceOf(ClientException.class)
        .hasMessageContaining("'dpo' is taken").hasMessageContaining("never reused");
    store.revoke("dpo");
    assertThatThrownBy(() -> store.add("dpo", Role.AUDITOR, null)).isInstanceOf(ClientException.class);
    assertThatThrownBy(() -> store.add("DPO", Role.AUDITOR, null))
        .isInstanceOf(ClientException.class).hasMessageContaining("(by 'dpo')");
    assertThatThrownBy(() -> openAnother().add("Dpo", Role.ADMIN, null))
        .as("also from another store").isInstanceOf(ClientException.class);
    assertThat(store.list()).hasSize(1);
    assertThat(store.authenticate(first)).isEmpty();
  }

  /** Of adds of one name racing in two stores, exactly one MUST succeed. */
  @Test
  void racingAddsOfOneNameFromTwoStoresMakeOneClient() throws Exception {
    ClientStore other = openAnother();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> adds = List.of(
          threads.submit(racing(start, () -> store.add("dpo", Role.AUDITOR, null))),
          threads.submit(racing(start, () -> other.add("DPO", Role.ADMIN, null))));
      start.countDown();
      int won = 0;
      for (Future<String> add : adds) {
        try {
          assertThat(store.authenticate(add.get())).isPresent();
          won++;
        } catch (ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(ClientException.class).hasMessageContaining("taken");
        }
      }
      assertThat(won).isEqualTo(1);
    } finally {
      threads.shutdownNow();
    }
    assertThat(store.list()).hasSize(1);
  }

  private static <T> Callable<T> racing(CountDownLatch start, Callable<T> add) {
    return () -> {
      start.await();
      return add.call();
    };
  }

  /** list MUST hold every client ever added, revoked ones included, in the order they were added. */
  @Test
  void theListIsEveryClientInTheOrderAdded() {
    assertThat(store.list()).isEmpty();
    store.add("zeta", Role.AUDITOR, null); // 09:00:00.250
    clock.set(Instant.parse("2026-03-01T09:00:01Z")); // a whole second, printed without a fraction
    store.add("beta", Role.INGEST, "carefirst");
    clock.set(Instant.parse("2026-03-01T09:00:01.100Z"));
    store.add("Mid", Role.INVESTIGATOR, null);
    store.add("alpha", Role.ADMIN, null); // in the same millisecond as Mid, and before it by name
    clock.set(Instant.parse("2026-03-01T09:00:02.900Z"));
    store.revoke("beta");
    assertThat(store.list()).containsExactly(
        new StoredClient(new ApiClient("zeta", Role.AUDITOR, null),
            Instant.parse("2026-03-01T09:00:00.250Z"), null),
        new StoredClient(new ApiClient("beta", Role.INGEST, "carefirst"),
            Instant.parse("2026-03-01T09:00:01Z"), Instant.parse("2026-03-01T09:00:02.900Z")),
        new StoredClient(new ApiClient("Mid", Role.INVESTIGATOR, null),
            Instant.parse("2026-03-01T09:00:01.100Z"), null),
        new StoredClient(new ApiClient("alpha", Role.ADMIN, null),
            Instant.parse("2026-03-01T09:00:01.100Z"), null));
  }

  /** add MUST refuse an ingest client without a source, and a source for any other role. */
  @Test
  void ingestNeedsASourceAndOtherRolesTakeNone() {
    assertThatThrownBy(() -> store.add("feed", Role.INGEST, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a source system");
    for (Role role : List.of(Role.AUDITOR, Role.INVESTIGATOR, Role.ADMIN)) {
      assertThatThrownBy(() -> store.add("x-" + role, role, "carefirst"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("only ingest clients have a source system");
    }
    assertThatThrownBy(() -> store.add("norole", null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a role");
    assertThat(store.list()).isEmpty();
  }

  /** add MUST refuse the ledger's own source and malformed names and sources, writing nothing. */
  @Test
  void theLedgersOwnSourceAndBadIdentifiersAreRefused() {
    assertThatThrownBy(() -> store.add("feed", Role.INGEST, "ledger"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
    for (String bad : Arrays.asList(
        null, "", "has space", "slash/name", "x".repeat(65), "naïve", "semi;colon")) {
      assertThatThrownBy(() -> store.add(bad, Role.AUDITOR, null))
          .as("name '%s'", bad).isInstanceOf(IllegalArgumentException.class);
      if (bad != null) {
        assertThatThrownBy(() -> store.add("feed", Role.INGEST, bad))
            .as("source '%s'", bad).isInstanceOf(IllegalArgumentException.class);
      }
    }
    assertThat(store.add("A.b_c-9".repeat(9) + "z", Role.INGEST, "x".repeat(64))).isNotNull();
    assertThat(store.list()).hasSize(1);
  }
}
