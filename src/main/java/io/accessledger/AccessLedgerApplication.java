package io.accessledger;

import com.codahale.metrics.Gauge;
import io.accessledger.cli.VerifyCommand;
import io.accessledger.health.SigningKeyHealthCheck;
import io.accessledger.health.TreeRootHealthCheck;
import io.accessledger.health.WriterHealthCheck;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;

/** access-ledger: the tamper-evident access log for children's social care records. */
public class AccessLedgerApplication extends Application<AccessLedgerConfiguration> {

  public static void main(String[] args) throws Exception {
    new AccessLedgerApplication().run(args);
  }

  @Override
  public String getName() {
    return "access-ledger";
  }

  @Override
  public void initialize(Bootstrap<AccessLedgerConfiguration> bootstrap) {
    // config.yml reads LEDGER_* environment variables, with defaults; a missing one is not an error.
    bootstrap.setConfigurationSourceProvider(
        new SubstitutingSourceProvider(
            bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
    bootstrap.addCommand(new VerifyCommand());
  }

  @Override
  public void run(AccessLedgerConfiguration configuration, Environment environment) {
    LedgerFactory factory = configuration.getLedger();
    LedgerRuntime ledger = LedgerRuntime.open(factory, environment.metrics(), Clock.systemUTC());
    environment.lifecycle().manage(ledger);

    environment.healthChecks().register(
        "signing-key", new SigningKeyHealthCheck(ledger.signer(), ledger.store(), factory.keyFile()));
    environment.healthChecks().register("writer", new WriterHealthCheck(ledger.sequencer()));
    environment.healthChecks().register(
        "tree-root", new TreeRootHealthCheck(ledger.store(), ledger.signer().verifierKey()));

    environment.metrics().register(
        "ledger.tree-size", (Gauge<Long>) () -> ledger.sequencer().latestCheckpoint().size());
    environment.metrics().register(
        "ledger.write-queue", (Gauge<Integer>) () -> ledger.sequencer().queued());
    environment.metrics().register(
        "ledger.batches-written", (Gauge<Long>) () -> ledger.sequencer().batchesWritten());
  }
}
