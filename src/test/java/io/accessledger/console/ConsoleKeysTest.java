package io.accessledger.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.auth.Role;
import io.accessledger.console.support.ConsoleClient;
import io.accessledger.console.support.ConsoleServer;
import io.accessledger.support.CliRunner;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overview lists every key the log has signed with, as {@code GET /v1/log} does, so a DPO
 * who hands an investigator the log's key can see that an older key still leads to the current
 * one. The rotation is made by {@code rotate-key} while this server runs.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConsoleKeysTest {
  static final ConsoleServer SERVER = new ConsoleServer();
  static final DropwizardAppExtension<?> APP = SERVER.app;

  @TempDir Path dir;

  @Test
  void theOverviewListsTheOldAndTheNewKeyAfterARotation() throws Exception {
    String auditor = SERVER.addClient("dpo-jane", Role.AUDITOR, null);
    ConsoleClient dpo = new ConsoleClient(SERVER.base());
    dpo.signIn(auditor);
    String oldKey = ConsoleServer.json(SERVER.api(auditor, "/v1/log").body())
        .path("verifierKey").asText();
    String before = dpo.get("/console/").body();
    assertThat(keysList(before)).contains(oldKey + "</span>: tree sizes from 0 on (signing now)")
        .doesNotContain("retired");

    Path config = CliRunner.writeConfig(dir, SERVER.data);
    Files.writeString(config, Files.readString(config)
        .replaceFirst("origin: .*", "origin: access-ledger.local/log"));
    CliRunner.Outcome rotated = CliRunner.run("rotate-key", config.toString());
    assertThat(rotated.succeeded()).as(rotated.stderr()).isTrue();
    String newKey = rotated.stdout().lines().filter(line -> line.startsWith("new key: "))
        .findFirst().orElseThrow().substring("new key: ".length());

    HttpResponse<String> after = dpo.get("/console/");
    assertThat(after.statusCode()).isEqualTo(200);
    String keys = keysList(after.body());
    assertThat(keys).contains(oldKey).contains(newKey);
    assertThat(keys.indexOf(oldKey)).as("oldest first").isLessThan(keys.indexOf(newKey));
  }

  private static String keysList(String page) {
    int start = page.indexOf("id=\"verifier-keys\"");
    assertThat(start).as("the overview's list of keys").isPositive();
    return page.substring(start, page.indexOf("</ul>", start));
  }
}
