package io.accessledger.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.metrics.servlets.AdminServlet;
import java.util.Arrays;
import org.eclipse.jetty.ee10.servlet.ServletHandler;

/**
 * The {@code adminPort:} section of {@code config.yml}: which of Dropwizard's admin endpoints
 * besides {@code /healthcheck}, {@code /metrics} and {@code /ping} exist at all. Both are off by
 * default.
 *
 * <ul>
 *   <li>{@code tasks}: {@code /tasks/*}, among them {@code log-level}, which can set Jetty's
 *       loggers to DEBUG at run time, and {@code gc}.
 *   <li>{@code diagnostics}: {@code /threads} (a thread dump, which shows what every request is
 *       doing) and {@code /pprof} (a CPU profile, which also costs CPU while it runs).
 * </ul>
 *
 * <p>Turned off, an endpoint is removed from the admin context before the server starts, so it
 * answers 404, not 401 or 403: there is nothing to authenticate to. The admin port itself listens
 * on {@code 127.0.0.1} unless {@code LEDGER_ADMIN_HOST} says otherwise (config.yml), and on
 * {@code 127.0.0.1} too when a configuration names no host at all.
 */
public class AdminPortSettings {
  /** The name Dropwizard gives the task servlet it adds to every admin context. */
  static final String TASK_SERVLET = "tasks";
  /** Where the admin port listens when its configuration names no host. */
  static final String LOOPBACK = "127.0.0.1";

  private boolean tasks = false;
  private boolean diagnostics = false;

  @JsonProperty
  public boolean isTasks() {
    return tasks;
  }

  @JsonProperty
  public void setTasks(boolean tasks) {
    this.tasks = tasks;
  }

  @JsonProperty
  public boolean isDiagnostics() {
    return diagnostics;
  }

  @JsonProperty
  public void setDiagnostics(boolean diagnostics) {
    this.diagnostics = diagnostics;
  }

  /**
   * Removes, from {@code environment}'s admin context, what these settings turn off, and binds
   * every admin connector that names no host to loopback ({@link #bindAdminToLoopbackUnlessSet}).
   * Call from {@code Application.run}, before the server is built.
   */
  public void applyTo(Environment environment, ServerFactory server) {
    bindAdminToLoopbackUnlessSet(server);
    var admin = environment.getAdminContext();
    admin.setInitParameter(AdminServlet.THREADS_ENABLED_PARAM_KEY, Boolean.toString(diagnostics));
    admin.setInitParameter(AdminServlet.CPU_PROFILE_ENABLED_PARAM_KEY, Boolean.toString(diagnostics));
    if (!tasks) {
      ServletHandler servlets = admin.getServletHandler();
      servlets.setServletMappings(Arrays.stream(servlets.getServletMappings())
          .filter(mapping -> !TASK_SERVLET.equals(mapping.getServletName()))
          .toArray(org.eclipse.jetty.ee10.servlet.ServletMapping[]::new));
      servlets.setServlets(Arrays.stream(servlets.getServlets())
          .filter(holder -> !TASK_SERVLET.equals(holder.getName()))
          .toArray(org.eclipse.jetty.ee10.servlet.ServletHolder[]::new));
    }
  }

  /**
   * Binds each admin connector with no {@code bindHost} (or a blank one) to {@code 127.0.0.1}:
   * Dropwizard would bind it to every address, and a deployment's own config file may leave the
   * host out. To listen more widely, a config must say so ({@code bindHost: 0.0.0.0}). A
   * {@code simple} server, whose one connector serves both, is left as configured.
   */
  static void bindAdminToLoopbackUnlessSet(ServerFactory server) {
    if (server instanceof DefaultServerFactory factory) {
      for (ConnectorFactory connector : factory.getAdminConnectors()) {
        if (connector instanceof HttpConnectorFactory http
            && (http.getBindHost() == null || http.getBindHost().isBlank())) {
          http.setBindHost(LOOPBACK);
        }
      }
    }
  }
}
