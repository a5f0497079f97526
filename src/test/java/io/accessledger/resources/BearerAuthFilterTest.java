package io.accessledger.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import io.accessledger.auth.ApiClient;
import io.accessledger.auth.BearerTokens;
import io.accessledger.auth.ClientStore;
import io.accessledger.auth.Role;
import io.accessledger.auth.Roles;
import io.accessledger.config.LedgerFactory;
import io.accessledger.support.TempDirs;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class BearerAuthFilterTest {
  private static final java.nio.file.Path DIR = tempDir();
  private static final ClientStore CLIENTS = openClients();
  private static final String AUDITOR = CLIENTS.add("dpo", Role.AUDITOR, null);
  private static final String INVESTIGATOR = CLIENTS.add("ico-1", Role.INVESTIGATOR, null);
  private static final String INGEST = CLIENTS.add("carefirst-prod", Role.INGEST, "carefirst");
  private static final String REVOKED = revoked();

  static final ResourceExtension RESOURCES =
      ResourceExtension.builder()
          .addProvider(new BearerAuthFilter(CLIENTS))
          .addProvider(RolesAllowedDynamicFeature.class)
          .addResource(new ProbeResource())
          .build();

  /** A test-only resource guarded the way the real ones are. */
  @Path("/probe")
  @Produces(MediaType.APPLICATION_JSON)
  public static class ProbeResource {
    @GET
    @Path("/readers")
    @RolesAllowed({Roles.AUDITOR, Roles.INVESTIGATOR})
    public Map<String, Object> readers(@Context SecurityContext context) {
      ApiClient client = ClientSecurityContext.clientOf(context);
      return Map.of(
          "name", client.name(),
          "role", client.role().externalName(),
          "principalName", context.getUserPrincipal().getName(),
          "scheme", context.getAuthenticationScheme(),
          "secure", context.isSecure(),
          "isAdmin", context.isUserInRole(Roles.ADMIN));
    }

    @GET
    @Path("/ingest")
    @RolesAllowed(Roles.INGEST)
    public Map<String, String> ingest(@Context SecurityContext context) {
      return Map.of("source", ClientSecurityContext.clientOf(context).source());
    }
  }

  private static java.nio.file.Path tempDir() {
    return TempDirs.deletedAtExit("access-ledger-auth");
  }

  private static ClientStore openClients() {
    LedgerFactory factory = new LedgerFactory();
    factory.setDataDir(DIR.resolve("data").toString());
    return factory.openClients(new MetricRegistry());
  }

  private static String revoked() {
    String token = CLIENTS.add("leaver", Role.AUDITOR, null);
    CLIENTS.revoke("leaver");
    return token;
  }

  @AfterAll
  static void close() throws IOException {
    CLIENTS.close();
    try (var files = Files.walk(DIR)) {
      for (java.nio.file.Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  private static Response get(String path, String authorization) {
    var request = RESOURCES.target(path).request();
    if (authorization != null) {
      request = request.header(HttpHeaders.AUTHORIZATION, authorization);
    }
    return request.get();
  }

  private static void assertUnauthorized(Response response, String message) {
    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE))
        .isEqualTo("Bearer realm=\"access-ledger\"");
    assertThat(response.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)).isTrue();
    JsonNode body = response.readEntity(JsonNode.class);
    assertThat(body.path("code").asInt()).isEqualTo(401);
    assertThat(body.path("message").asText()).isEqualTo(message);
  }

  @Test
  void noAuthorizationHeaderIs401() {
    assertUnauthorized(get("/probe/readers", null), "no Authorization header");
  }

  @Test
  void anotherSchemeIs401() {
    assertUnauthorized(get("/probe/readers", "Basic ZHBvOnNlY3JldA=="),
        "the Authorization header is not a Bearer token");
    assertUnauthorized(get("/probe/readers", AUDITOR), "the Authorization header is not a Bearer token");
  }

  @Test
  void anUnknownOrMalformedTokenIs401AndIsNotEchoed() {
    String unknown = BearerTokens.generate();
    Response response = get("/probe/readers", "Bearer " + unknown);
    assertUnauthorized(response, "unknown or revoked token");
    assertThat(response.getHeaders().toString()).doesNotContain(unknown);
    assertUnauthorized(get("/probe/readers", "Bearer not-a-token"), "unknown or revoked token");
    assertUnauthorized(get("/probe/readers", "Bearer "), "unknown or revoked token");
  }

  @Test
  void aRevokedTokenIs401() {
    assertUnauthorized(get("/probe/readers", "Bearer " + REVOKED), "unknown or revoked token");
  }

  @Test
  void theRightRoleGets200AndThePrincipalIsTheClient() {
    Response response = get("/probe/readers", "Bearer " + AUDITOR);
    assertThat(response.getStatus()).isEqualTo(200);
    JsonNode body = response.readEntity(JsonNode.class);
    assertThat(body.path("name").asText()).isEqualTo("dpo");
    assertThat(body.path("role").asText()).isEqualTo("auditor");
    assertThat(body.path("principalName").asText()).isEqualTo("dpo");
    assertThat(body.path("scheme").asText()).isEqualTo("Bearer");
    assertThat(body.path("secure").asBoolean()).isFalse();
    assertThat(body.path("isAdmin").asBoolean()).isFalse();

    // The scheme is case-insensitive.
    Response investigator = get("/probe/readers", "bearer " + INVESTIGATOR);
    assertThat(investigator.getStatus()).isEqualTo(200);
    assertThat(investigator.readEntity(JsonNode.class).path("name").asText()).isEqualTo("ico-1");

    Response ingest = get("/probe/ingest", "Bearer " + INGEST);
    assertThat(ingest.getStatus()).isEqualTo(200);
    assertThat(ingest.readEntity(JsonNode.class).path("source").asText()).isEqualTo("carefirst");
  }

  @Test
  void theWrongRoleGets403() {
    assertThat(get("/probe/readers", "Bearer " + INGEST).getStatus()).isEqualTo(403);
    assertThat(get("/probe/ingest", "Bearer " + AUDITOR).getStatus()).isEqualTo(403);
  }
}
