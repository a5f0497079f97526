package io.accessledger.console;

import io.accessledger.auth.ClientStore;
import io.accessledger.console.audits.AuditCsvResource;
import io.accessledger.console.audits.AuditJobs;
import io.accessledger.console.audits.AuditReviewsResource;
import io.accessledger.console.audits.AuditStatusResource;
import io.accessledger.console.audits.AuditsResource;
import io.accessledger.console.entries.EntryResource;
import io.accessledger.console.entries.describe.EntryDescriber;
import io.accessledger.console.pages.AssetsResource;
import io.accessledger.console.pages.OverviewResource;
import io.accessledger.console.pages.SearchResource;
import io.accessledger.console.pages.SignInResource;
import io.accessledger.console.people.ActorResource;
import io.accessledger.console.people.RecordResource;
import io.accessledger.console.people.SubjectResource;
import io.accessledger.console.registers.RegisterPages;
import io.accessledger.console.session.ConsoleSessions;
import io.accessledger.console.session.LoginForms;
import io.accessledger.console.session.SignInThrottle;
import io.accessledger.console.web.Assets;
import io.accessledger.console.web.ConsoleDates;
import io.accessledger.console.web.ConsoleErrors;
import io.accessledger.console.web.ConsoleReads;
import io.accessledger.console.web.CsrfFilter;
import io.accessledger.console.web.PageWriter;
import io.accessledger.console.web.SecurityHeadersFilter;
import io.accessledger.console.web.SessionFilter;
import io.accessledger.console.web.Templates;
import io.accessledger.services.LedgerServices;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jersey.DropwizardResourceConfig;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.EnumSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The DPO console under {@code /console/} on the application port (CONTRACT.md section 6): its
 * own Jersey application, apart from the API's, so that none of the API's bearer-token filters
 * and JSON error mappers apply to it and none of its cookies or forms apply to the API. It uses
 * the same {@link LedgerServices} as the API, so every read is the same service call and is
 * recorded the same way.
 */
public final class ConsoleApp {
  /** Where the console is served. */
  public static final String PATH = "/console/*";

  private ConsoleApp() {}

  /** Mounts the console on {@code environment}'s application servlet context. */
  public static void install(Environment environment, LedgerServices services, ClientStore clients,
      ConsoleSessions sessions, SignInThrottle throttle, Clock clock) {
    LoginForms loginForms = new LoginForms();
    ConsoleReads reads = new ConsoleReads(services.auditTrail());
    ConsoleDates dates = new ConsoleDates(services.zone());
    DropwizardResourceConfig config = new DropwizardResourceConfig(environment.metrics());
    config.setUrlPattern(PATH);
    config.register(new PageWriter(new Templates()));
    config.register(new ConsoleErrors());
    config.register(new SessionFilter(sessions, clients));
    config.register(new CsrfFilter(loginForms));
    config.register(RolesAllowedDynamicFeature.class);
    config.register(new AssetsResource(new Assets()));
    config.register(new SignInResource(clients, sessions, throttle, loginForms,
        environment.metrics()));
    config.register(new SearchResource());
    config.register(new OverviewResource(services.queries(), services.activity(),
        services.needToKnowAudits(), environment.healthChecks(), reads, dates, clock));
    AuditJobs auditJobs = new AuditJobs(environment.lifecycle().executorService("console-audit-%d")
        .minThreads(2).maxThreads(2).workQueue(new LinkedBlockingQueue<>()).build(),
        AuditJobs.Limits.DEFAULT, clock);
    AuditsResource audits = new AuditsResource(services.needToKnowAudits(), services.queries(),
        services.activity(), auditJobs, reads, dates, clock);
    config.register(audits);
    config.register(new AuditStatusResource(auditJobs));
    config.register(new AuditReviewsResource(services.reviews(), auditJobs, audits, reads));
    config.register(new AuditCsvResource(auditJobs, reads, services.queries(), services.activity(),
        dates));
    config.register(new EntryResource(services.queries(),
        new EntryDescriber(services.reportBuilder().vocabulary(), services.zone()), reads, dates));
    config.register(new RegisterPages(services.registers(), reads, dates));
    config.register(new SubjectResource(services, reads, dates));
    config.register(new ActorResource(services, reads, dates));
    config.register(new RecordResource(services, reads, dates));

    // The overview's figures need one read of the whole log; do it at start, not on the first
    // page a DPO opens. Pages that come sooner wait for it (LedgerActivity is synchronized).
    ExecutorService warmUp = environment.lifecycle().executorService("console-warm-up-%d")
        .minThreads(1).maxThreads(1).build();
    environment.lifecycle().addServerLifecycleListener(server -> warmUp.execute(
        () -> services.activity().catchUp(services.queries().checkpoint().size())));

    environment.servlets().addFilter("console-headers", new SecurityHeadersFilter())
        .addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), false, PATH, "/console");
    environment.servlets().addServlet("console", new ServletContainer(config))
        .addMapping(PATH);
  }
}
