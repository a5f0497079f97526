package io.accessledger.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.accessledger.cosigning.WitnessEndpoint;
import io.accessledger.ledger.notes.CheckpointException;
import io.accessledger.ledger.notes.WitnessKey;
import jakarta.validation.constraints.NotEmpty;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * One entry of {@code witnesses}: {@code {url: …, verifierKey: …}}, a C2SP {@code tlog-witness}
 * the ledger submits its checkpoints to (README, "Witnesses that cosign"). Both are required;
 * {@link #build} refuses a URL that is not an absolute http(s) URL with a host and no query or
 * fragment, and a key that is not a witness's {@code cosignature/v1} verifier key.
 */
public class WitnessSettings {
  @NotEmpty private String url;
  @NotEmpty private String verifierKey;

  @JsonProperty
  public String getUrl() {
    return url;
  }

  @JsonProperty
  public void setUrl(String url) {
    this.url = url;
  }

  @JsonProperty
  public String getVerifierKey() {
    return verifierKey;
  }

  @JsonProperty
  public void setVerifierKey(String verifierKey) {
    this.verifierKey = verifierKey;
  }

  /**
   * The witness these settings name.
   *
   * @param index where the entry is in the list, for messages
   * @throws IllegalArgumentException naming the entry and what is wrong with it
   */
  public WitnessEndpoint build(int index) {
    String where = "witnesses[" + index + "]";
    WitnessKey key;
    try {
      key = WitnessKey.parse(verifierKey.strip());
    } catch (CheckpointException e) {
      throw new IllegalArgumentException(where + ".verifierKey is not a witness's cosignature/v1"
          + " verifier key (<name>+<key ID>+<base64>, as `witness init` prints it): "
          + e.getMessage(), e);
    }
    return new WitnessEndpoint(url(where), key);
  }

  private URI url(String where) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(where + ".url is not a URL: " + e.getMessage(), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null
        || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(where + ".url must be an http:// or https:// URL with a"
          + " host and no user, query or fragment (the witness's submission prefix), got \""
          + url + "\"");
    }
    return uri;
  }
}
