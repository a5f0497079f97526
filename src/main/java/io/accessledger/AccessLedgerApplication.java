package io.accessledger;

import com.codahale.metrics.Gauge;
import io.accessledger.auth.ClientStore;
import io.accessledger.cli.AddClientCommand;
import io.accessledger.cli.CommandFailure;
import io.accessledger.cli.DemoDataCommand;
import io.accessledger.cli.MigrateCommand;
import io.accessledger.cli.MigrateLedgerCommand;
import io.accessledger.cli.RevokeClientCommand;
import io.accessledger.cli.RotateKeyCommand;
import io.accessledger.cli.SealKeyCommand;
import io.accessledger.cli.VerifyBundleCommand;
import io.accessledger.cli.VerifyCommand;
import io.accessledger.cli.WitnessCommand;
import io.accessledger.cli.witness.WitnessSubcommands;
import io.accessledger.console.ConsoleApp;
import io.accessledger.config.AccessLedgerConfiguration;
import io.accessledger.config.LedgerFactory;
import io.accessledger.config.LedgerRuntime;
import io.accessledger.cosigning.WitnessSubmitter;
import io.accessledger.cosigning.Witnessing;
import io.accessledger.health.AppendOnlyTriggersHealthCheck;
import io.accessledger.health.SigningKeyHealthCheck;
import io.accessledger.health.TreeRootHealthCheck;
import io.accessledger.health.WriterHealthCheck;
import io.accessledger.http.RequestBodies;
import io.accessledger.http.RequestTargetFilter;
import io.accessledger.logging.SecretMaskingFilter;
import io.accessledger.resources.BearerAuthFilter;
import io.accessledger.resources.RefusedEventsMeter;
import io.accessledger.resources.Resources;
import io.accessledger.resources.errors.ApiExceptionMapper;
import io.accessledger.resources.errors.IngestRefusalMapper;
import io.accessledger.resources.errors.JsonErrorHandler;
import io.accessledger.resources.errors.LedgerBusyMapper;
import io.accessledger.resources.errors.LedgerDiskFullMapper;
import io.accessledger.resources.errors.WebApplicationExceptionMapper;
import io.accessledger.services.LedgerServices;
import io.accessledger.services.ServiceSettings;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.AutoCloseableManager;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.EnumSet;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/** access-ledger: the tamper-evident access log for children's social care records. */
public class AccessLedgerApplication extends Application<AccessLedgerConfiguration> {

  public static void main(String[] args) throws Exception {
    if (WitnessSubcommands.handles(args)) { // witness init / serve: outside Dropwizard's parser
      int status = WitnessSubcommands.run(args, System.out, System.err);
      if (status != 0) {
        System.exit(status);
      }
      return;
    }
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
    bootstrap.addCommand(new AddClientCommand());
    bootstrap.addCommand(new RevokeClientCommand());
    bootstrap.addCommand(new VerifyBundleCommand());
    bootstrap.addCommand(new WitnessCommand());
    bootstrap.addCommand(new DemoDataCommand());
    bootstrap.addCommand(new MigrateCommand());
    bootstrap.addCommand(new MigrateLedgerCommand());
    bootstrap.addCommand(new RotateKeyCommand());
    bootstrap.addCommand(new SealKeyCommand());
  }

  /** Exits with the failed command's own code (the witness has one per kind of failure), else 1. */
  @Override
  protected void onFatalError(Throwable t) {
    System.exit(t instanceof CommandFailure failure ? failure.exitCode() : 1);
  }

  @Override
  public void run(AccessLedgerConfiguration configuration, Environment environment) {
    // No log level, set now or at run time, may print a credential.
    SecretMaskingFilter.install();
    configuration.getAdminPort().applyTo(environment, configuration.getServerFactory());
    // Configuration mistakes are reported before anything is opened.
    ServiceSettings settings = configuration.buildServiceSettings();
    Witnessing witnessing = configuration.buildWitnessing();
    LedgerFactory factory = configuration.getLedger();
    LedgerRuntime ledger = LedgerRuntime.open(factory, environment.metrics(), Clock.systemUTC());
    environment.lifecycle().manage(ledger);
    // Built once, here: every front end shares these services (and the one EventIngest).
    LedgerServices services = LedgerServices.build(
        ledger.store(), ledger.sequencer(), settings, Clock.systemUTC(),
        witnessing.cosigners());
    // Witnesses are asked in the background: no append waits for one (README, "Witnesses").
    environment.lifecycle().manage(WitnessSubmitter.register(witnessing, ledger.store(),
        environment.metrics(), environment.healthChecks(), Clock.systemUTC()));

    // API clients live in their own file (<dataDir>/clients.db), or their own tables on
    // PostgreSQL, read on every request so that a revocation, by any node, takes effect at once.
    ClientStore clients = factory.openClients(environment.metrics());
    environment.lifecycle().manage(new AutoCloseableManager(clients));
    environment.jersey().register(new BearerAuthFilter(clients));
    environment.jersey().register(RolesAllowedDynamicFeature.class);

    // Jetty's own refusals (bad paths, oversized headers) in the contract's JSON, and no path
    // that Jersey would route differently from how it reads. The path is checked first, before
    // a body is read: servlet filters run in the order they are added, and this one must take
    // part in the asynchronous body reads that follow it.
    environment.lifecycle().addServerLifecycleListener(
        server -> server.setErrorHandler(new JsonErrorHandler()));
    var requestTarget = environment.servlets().addFilter("request-target", new RequestTargetFilter());
    requestTarget.setAsyncSupported(true);
    requestTarget.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    RequestBodies.install(configuration.getRequestLimits().buildLimits(),
        configuration.getServerFactory(), environment, clients);
    environment.jersey().register(new ApiExceptionMapper());
    environment.jersey().register(new IngestRefusalMapper());
    environment.jersey().register(new LedgerBusyMapper());
    environment.jersey().register(new LedgerDiskFullMapper());
    environment.jersey().register(new WebApplicationExceptionMapper());
    environment.jersey().register(new RefusedEventsMeter(environment.metrics()));
    Resources.register(environment.jersey(), services);
    // The DPO console: its own Jersey application under /console/, over the same services.
    ConsoleApp.install(environment, services, clients,
        configuration.getConsole().buildSessions(Clock.systemUTC()),
        configuration.getConsole().buildSignInThrottle(Clock.systemUTC()), Clock.systemUTC());

    environment.healthChecks().register(
        "signing-key", new SigningKeyHealthCheck(ledger.signing(), ledger.store(), factory.keyFile()));
    environment.healthChecks().register("writer", new WriterHealthCheck(ledger.sequencer()));
    environment.healthChecks().register(
        "tree-root", new TreeRootHealthCheck(ledger.store(), ledger.signing()));
    environment.healthChecks().register(
        "append-only-triggers", new AppendOnlyTriggersHealthCheck(ledger.store()));

    environment.metrics().register(
        "ledger.tree-size", (Gauge<Long>) () -> services.queries().checkpoint().size());
    environment.metrics().register(
        "ledger.write-queue", (Gauge<Integer>) () -> ledger.sequencer().queued());
    environment.metrics().register(
        "ledger.batches-written", (Gauge<Long>) () -> ledger.sequencer().batchesWritten());
  }
}
