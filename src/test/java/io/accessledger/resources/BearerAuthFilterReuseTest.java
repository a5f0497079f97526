package io.accessledger.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import io.accessledger.auth.ApiClient;
import io.accessledger.auth.ClientStore;
import io.accessledger.auth.Role;
import io.accessledger.config.LedgerFactory;
import io.accessledger.support.TempDirs;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.annotation.Priority;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The answer of a filter in front of Jersey that already authenticated the request (in the server,
 * {@code http.RequestBodies}) is taken instead of asking the store again, but only for the very
 * header it was given. Shown with a token revoked after that answer: taken, it passes; not taken,
 * the store refuses it.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BearerAuthFilterReuseTest {
  private static final java.nio.file.Path DIR = TempDirs.deletedAtExit("access-ledger-auth-reuse");
  private static final ClientStore CLIENTS = open();
  private static final String TOKEN = CLIENTS.add("dpo", Role.AUDITOR, null);
  private static final ApiClient DPO = CLIENTS.authenticate(TOKEN).orElseThrow();

  /** Stands where RequestBodies stands: leaves its answer for the header named in X-Answered. */
  @PreMatching
  @Priority(Priorities.AUTHENTICATION - 1)
  public static final class EarlierAnswer implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      String answered = request.getHeaderString("X-Answered");
      if (answered != null) {
        request.setProperty(BearerAuthFilter.AUTHENTICATED,
            new BearerAuthFilter.Authenticated(answered, DPO));
      }
    }
  }

  static final ResourceExtension RESOURCES = ResourceExtension.builder()
      .addProvider(new EarlierAnswer())
      .addProvider(new BearerAuthFilter(CLIENTS))
      .addResource(new Probe())
      .build();

  @Path("/probe")
  public static final class Probe {
    @GET
    public String who(@Context SecurityContext context) {
      return ClientSecurityContext.clientOf(context).name();
    }
  }

  private static ClientStore open() {
    LedgerFactory factory = new LedgerFactory();
    factory.setDataDir(DIR.resolve("data").toString());
    return factory.openClients(new MetricRegistry());
  }

  @AfterAll
  static void close() {
    CLIENTS.close();
  }

  private static Response get(String authorization, String answered) {
    var request = RESOURCES.target("/probe").request().header("Authorization", authorization);
    return (answered == null ? request : request.header("X-Answered", answered)).get();
  }

  @Test
  void theEarlierAnswerIsTakenForTheSameHeaderOnly() {
    String header = "Bearer " + TOKEN;
    assertThat(get(header, null).getStatus()).isEqualTo(200);
    CLIENTS.revoke("dpo");
    assertThat(get(header, null).getStatus()).as("the store refuses it now").isEqualTo(401);
    Response taken = get(header, header);
    assertThat(taken.getStatus()).as("answered earlier in the same request").isEqualTo(200);
    assertThat(taken.readEntity(String.class)).isEqualTo("dpo");
    assertThat(get(header, "Bearer another").getStatus())
        .as("an answer for another header is not taken").isEqualTo(401);
  }
}
