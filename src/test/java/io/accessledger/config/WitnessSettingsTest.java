package io.accessledger.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.cosigning.Witnessing;
import io.accessledger.crypto.bc.Ed25519Signer;
import io.accessledger.ledger.notes.CosignatureSigner;
import io.accessledger.ledger.notes.WitnessKey;
import io.accessledger.support.TestLedger;
import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code witnesses} and {@code witnessInterval}, read as Dropwizard reads config.yml: none and
 * 10 s by default; each entry's URL and key checked when built, naming the entry.
 */
class WitnessSettingsTest {
  private static final WitnessKey KEY = key(0x51, "witness.example.org/ico");

  private static WitnessKey key(int seed, String name) {
    Ed25519Signer signer = TestLedger.key(seed);
    return new CosignatureSigner(name, signer, signer.publicKey()).key();
  }

  private static AccessLedgerConfiguration read(String yaml) throws Exception {
    return new YamlConfigurationFactory<>(AccessLedgerConfiguration.class,
        Validators.newValidator(), Jackson.newObjectMapper(), "dw")
        .build(path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test");
  }

  private static String witnesses(String url, String key) {
    return "witnesses:\n  - url: " + url + "\n    verifierKey: '" + key + "'\n";
  }

  @Test
  void noWitnessIsConfiguredByDefaultAndTheIntervalIsTenSeconds() throws Exception {
    Witnessing witnessing = read("{}").buildWitnessing();
    assertThat(witnessing.witnesses()).isEmpty();
    assertThat(witnessing.interval()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void aWitnessIsItsUrlAndKey() throws Exception {
    Witnessing witnessing = read(witnesses("https://witness.example.org/ico/", KEY.toString())
        + "witnessInterval: 30s\n").buildWitnessing();
    assertThat(witnessing.interval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(witnessing.witnesses()).singleElement().satisfies(w -> {
      assertThat(w.key()).isEqualTo(KEY);
      assertThat(w.addCheckpoint())
          .isEqualTo(URI.create("https://witness.example.org/ico/add-checkpoint"));
    });
    assertThat(witnessing.cosigners()).singleElement()
        .satisfies(c -> assertThat(c.keyId()).isEqualTo(KEY.keyIdHex()));
  }

  @Test
  void aMalformedKeyIsRefusedNamingTheEntry() throws Exception {
    AccessLedgerConfiguration config = read(witnesses("http://127.0.0.1:9", KEY.toString())
        + "  - url: http://127.0.0.1:10\n    verifierKey: not-a-key\n");
    assertThatThrownBy(config::buildWitnessing).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("witnesses[1].verifierKey is not a witness's cosignature/v1"
            + " verifier key");
  }

  @Test
  void aLogsKeyIsNotAWitnessKey() throws Exception {
    String logKey = TestLedger.signer(0x52).verifierKey().toString();
    assertThatThrownBy(() -> read(witnesses("http://127.0.0.1:9", logKey)).buildWitnessing())
        .hasMessageStartingWith("witnesses[0].verifierKey is not a witness's");
  }

  @Test
  void aUrlThatIsNotAnHttpPrefixIsRefused() throws Exception {
    for (String url : new String[] {"ftp://witness.example.org", "witness.example.org/ico",
        "https://witness.example.org/ico?x=1", "https://user@witness.example.org"}) {
      assertThatThrownBy(() -> read(witnesses(url, KEY.toString())).buildWitnessing())
          .as(url).hasMessageStartingWith("witnesses[0].url must be an http:// or https:// URL");
    }
  }

  @Test
  void twoWitnessesOfOneNameAndATooShortIntervalAreRefused() throws Exception {
    WitnessKey sameName = key(0x53, KEY.name());
    assertThatThrownBy(() -> read(witnesses("http://127.0.0.1:9", KEY.toString())
        + "  - url: http://127.0.0.1:10\n    verifierKey: '" + sameName + "'\n").buildWitnessing())
        .hasMessageContaining("two witnesses are named witness.example.org/ico");
    assertThatThrownBy(() -> read("witnessInterval: 100ms\n").buildWitnessing())
        .hasMessageContaining("witnessInterval must be at least 1 second");
  }

  @Test
  void anEntryWithoutAUrlOrKeyIsRefusedWhenTheFileIsRead() {
    assertThatThrownBy(() -> read("witnesses:\n  - url: http://127.0.0.1:9\n"))
        .isInstanceOf(ConfigurationValidationException.class)
        .hasMessageContaining("witnesses[0].verifierKey");
  }
}
