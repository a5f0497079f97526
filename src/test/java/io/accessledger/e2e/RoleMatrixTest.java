package io.accessledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.auth.Role;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every role against every endpoint: the contract's permission table and nothing more. A role not
 * allowed gets 403 and writes nothing; an allowed one gets its answer.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RoleMatrixTest {
  static final ApiServer SERVER = new ApiServer();
  static final DropwizardAppExtension<?> APP = SERVER.app;
  static final Map<Role, String> TOKENS = new EnumMap<>(Role.class);
  static final AtomicInteger IDS = new AtomicInteger();

  private static final Set<Role> READERS = Set.of(Role.AUDITOR, Role.INVESTIGATOR);

  /** One endpoint: how to call it, and who may. */
  record Endpoint(String method, String path, Set<Role> allowed, int success) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static final List<Endpoint> ENDPOINTS = List.of(
      new Endpoint("POST", "/v1/events", Set.of(Role.INGEST), 201),
      new Endpoint("POST", "/v1/events/batch", Set.of(Role.INGEST), 201),
      new Endpoint("GET", "/v1/log", Set.of(Role.values()), 200),
      new Endpoint("GET", "/v1/checkpoint", READERS, 200),
      new Endpoint("GET", "/v1/entries/0", READERS, 200),
      new Endpoint("GET", "/v1/entries/0/tlog-proof", READERS, 200),
      new Endpoint("GET", "/v1/subjects/c-1/events", READERS, 200),
      new Endpoint("GET", "/v1/actors/w-1/events", READERS, 200),
      new Endpoint("GET", "/v1/records/case-note/note-c-1/events", READERS, 200),
      new Endpoint("GET", "/v1/proofs/consistency?from=1&to=1", READERS, 200),
      new Endpoint("GET", "/v1/evidence?subject=c-1", Set.of(Role.AUDITOR), 200),
      new Endpoint("POST", "/v1/audits/need-to-know", Set.of(Role.AUDITOR), 200),
      new Endpoint("POST", "/v1/audits/reviews", Set.of(Role.AUDITOR), 201),
      new Endpoint("GET", "/v1/registers/shares", Set.of(Role.AUDITOR), 200),
      new Endpoint("GET", "/v1/registers/extracts", Set.of(Role.AUDITOR), 200),
      new Endpoint("GET", "/v1/subjects/c-1/access-report", Set.of(Role.AUDITOR), 200));

  @BeforeAll
  static void clients() {
    TOKENS.put(Role.INGEST, SERVER.addClient("feeder", Role.INGEST, "carefirst"));
    TOKENS.put(Role.AUDITOR, SERVER.addClient("dpo", Role.AUDITOR, null));
    TOKENS.put(Role.INVESTIGATOR, SERVER.addClient("ico", Role.INVESTIGATOR, null));
    TOKENS.put(Role.ADMIN, SERVER.addClient("ops", Role.ADMIN, null));
    SERVER.post(TOKENS.get(Role.INGEST), "/v1/events", Json.view("seed", "c-1", "w-1"));
    // An audit whose finding NOT_ALLOCATED-0 (the seed view) the review cases review.
    AUDIT_SEQ = SERVER.post(TOKENS.get(Role.AUDITOR), "/v1/audits/need-to-know",
        "{\"from\":\"2026-11-01T00:00:00Z\",\"to\":\"2026-12-01T00:00:00Z\"}")
        .header("Ledger-Audit-Seq");
  }

  static String AUDIT_SEQ;

  static Stream<Arguments> everyRoleAgainstEveryEndpoint() {
    List<Arguments> cases = new ArrayList<>();
    for (Endpoint endpoint : ENDPOINTS) {
      for (Role role : Role.values()) {
        cases.add(Arguments.of(endpoint, role));
      }
    }
    return cases.stream();
  }

  private static ApiServer.Answer call(Endpoint endpoint, String token) {
    if (endpoint.method().equals("GET")) {
      return SERVER.get(token, endpoint.path());
    }
    if (endpoint.path().endsWith("need-to-know")) {
      return SERVER.post(token, endpoint.path(),
          "{\"from\":\"2026-11-01T00:00:00Z\",\"to\":\"2026-12-01T00:00:00Z\"}");
    }
    if (endpoint.path().endsWith("reviews")) {
      return SERVER.post(token, endpoint.path(),
          "{\"audit\":" + AUDIT_SEQ + ",\"finding\":\"NOT_ALLOCATED-0\","
              + "\"outcome\":\"EXPLAINED\",\"note\":\"duty desk\"}");
    }
    String event = Json.view("m-" + IDS.incrementAndGet(), "c-1", "w-1");
    return SERVER.post(token, endpoint.path(),
        endpoint.path().endsWith("batch") ? Json.batch(event) : event);
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("everyRoleAgainstEveryEndpoint")
  void eachRoleGetsExactlyTheContractsPermissions(Endpoint endpoint, Role role) {
    long before = SERVER.treeSize();
    ApiServer.Answer answer = call(endpoint, TOKENS.get(role));
    if (endpoint.allowed().contains(role)) {
      assertThat(answer.status).as(answer.body).isEqualTo(endpoint.success());
      if (endpoint.method().equals("GET") || endpoint.path().endsWith("need-to-know")) {
        assertThat(answer.header("Ledger-Audit-Seq")).as("the read was recorded").isNotNull();
      }
    } else {
      assertThat(answer.status).as(answer.body).isEqualTo(403);
      assertThat(answer.json().path("code").asInt()).isEqualTo(403);
      assertThat(SERVER.treeSize()).as("a refused call writes nothing").isEqualTo(before);
    }
  }

  @ParameterizedTest(name = "no token on {0}")
  @MethodSource("endpoints")
  void everyEndpointNeedsAToken(Endpoint endpoint) {
    long before = SERVER.treeSize();
    ApiServer.Answer answer = call(endpoint, null);
    assertThat(answer.status).as(answer.body).isEqualTo(401);
    assertThat(SERVER.treeSize()).isEqualTo(before);
  }

  static Stream<Endpoint> endpoints() {
    return ENDPOINTS.stream();
  }
}
