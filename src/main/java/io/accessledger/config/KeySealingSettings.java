package io.accessledger.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.accessledger.crypto.bc.SealingParameters;
import io.dropwizard.util.DataSize;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The {@code ledger.keySealing:} section, which config.yml leaves out: the Argon2id cost at which
 * new signing key files are sealed. The defaults ({@link SealingParameters#DEFAULT}: 64 MiB, 3
 * passes, 1 lane) are what a deployment SHOULD keep; a lower cost makes each guess at a stolen
 * file's passphrase cheaper, and exists for tests. A sealed file records its own cost, so changing
 * this never stops an existing file opening.
 */
public class KeySealingSettings {
  @NotNull private DataSize memory = DataSize.kibibytes(SealingParameters.DEFAULT.memoryKiB());
  @Min(1) @Max(16) private int passes = SealingParameters.DEFAULT.passes();
  @Min(1) @Max(16) private int lanes = SealingParameters.DEFAULT.lanes();

  @JsonProperty
  public DataSize getMemory() {
    return memory;
  }

  @JsonProperty
  public void setMemory(DataSize memory) {
    this.memory = memory;
  }

  @JsonProperty
  public int getPasses() {
    return passes;
  }

  @JsonProperty
  public void setPasses(int passes) {
    this.passes = passes;
  }

  @JsonProperty
  public int getLanes() {
    return lanes;
  }

  @JsonProperty
  public void setLanes(int lanes) {
    this.lanes = lanes;
  }

  /** @throws IllegalArgumentException if Argon2 or the reader's limits refuse the cost */
  public SealingParameters parameters() {
    return new SealingParameters(Math.toIntExact(memory.toKibibytes()), passes, lanes);
  }
}
