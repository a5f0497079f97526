package io.accessledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The direction of DESIGN.md, read from the compiled classes (every reference, not only import
 * lines): pure core &larr; store &larr; writer and verifier &larr; services &larr; front ends.
 *
 * <ul>
 *   <li><b>Core</b>: Merkle math and proofs, signed notes and checkpoints, leaves and links,
 *       canonical JSON, and the crypto interfaces. Plain Java: no storage, no framework, no
 *       crypto implementation.
 *   <li><b>Crypto implementation</b>: Bouncy Castle, behind the core's interfaces.
 *   <li><b>Store</b>: the storage contracts ({@code LedgerStore}, {@code ClientStore}) and their
 *       backends.
 *   <li><b>Ledger</b>: the writer (sequencer) and the verifier, which use a store.
 *   <li><b>Services</b>: ingest, queries, audits, registers, reports, evidence, the witness; they
 *       know nothing of HTTP.
 *   <li><b>Front</b>: the HTTP resources and filters, the DPO console, the CLI, health checks,
 *       logging glue and the application that wires them.
 * </ul>
 */
class LayeringTest {
  private static final String[] CORE = {"io.accessledger.ledger.merkle..",
      "io.accessledger.ledger.notes..", "io.accessledger.ledger.leaf..",
      "io.accessledger.ledger.json..", "io.accessledger.ledger.keys..", "io.accessledger.crypto"};
  private static final String[] FRAMEWORKS = {"io.dropwizard..", "com.codahale..",
      "com.fasterxml..", "org.jdbi..", "jakarta..", "javax..", "org.eclipse.jetty..",
      "org.glassfish..", "org.bouncycastle..", "java.sql..", "java.net.http..", "org.sqlite.."};

  private static JavaClasses main;

  /** One slice per package, so the root package (the application) takes part too. */
  private static final SliceAssignment EACH_PACKAGE = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      return SliceIdentifier.of(javaClass.getPackageName());
    }

    @Override
    public String getDescription() {
      return "each package";
    }
  };

  @BeforeAll
  static void readTheCompiledClasses() {
    main = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.accessledger");
  }

  @Test
  void eachLayerUsesOnlyTheLayersBelowIt() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Core").definedBy(CORE)
        .layer("CryptoImplementation").definedBy("io.accessledger.crypto.bc..")
        .layer("Store").definedBy("io.accessledger.store..", "io.accessledger.auth..")
        .layer("Ledger").definedBy("io.accessledger.ledger.writer..",
            "io.accessledger.ledger.verify..")
        .layer("Services").definedBy("io.accessledger.events..", "io.accessledger.query..",
            "io.accessledger.audit..", "io.accessledger.registers..", "io.accessledger.report..",
            "io.accessledger.evidence..", "io.accessledger.witness..", "io.accessledger.api..",
            "io.accessledger.demo..", "io.accessledger.entries..", "io.accessledger.services..")
        .layer("Front").definedBy("io.accessledger", "io.accessledger.config..",
            "io.accessledger.resources..",
            "io.accessledger.http..", "io.accessledger.cli..", "io.accessledger.health..",
            "io.accessledger.logging..", "io.accessledger.console..")
        .whereLayer("Core").mayNotAccessAnyLayer()
        .whereLayer("CryptoImplementation").mayOnlyAccessLayers("Core")
        .whereLayer("CryptoImplementation").mayOnlyBeAccessedByLayers("Front")
        .whereLayer("Store").mayOnlyAccessLayers("Core")
        .whereLayer("Ledger").mayOnlyAccessLayers("Core", "Store")
        .whereLayer("Services").mayOnlyAccessLayers("Core", "Store", "Ledger")
        .check(main);
  }

  @Test
  void theCoreIsPlainJava() {
    noClasses().that().resideInAnyPackage(CORE)
        .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
        .check(main);
  }

  /** A second backend plugs in behind the contracts: only the wiring names a backend. */
  @Test
  void onlyTheWiringNamesAStorageBackend() {
    noClasses().that().resideOutsideOfPackages("io.accessledger.config", "io.accessledger.store..",
            "io.accessledger.auth..")
        .should().dependOnClassesThat().resideInAnyPackage("io.accessledger.store.sqlite..",
            "io.accessledger.auth.sqlite..", "org.sqlite..", "org.jdbi..")
        .check(main);
  }

  @Test
  void servicesKnowNothingOfHttp() {
    noClasses().that().resideInAnyPackage("io.accessledger.events..", "io.accessledger.query..",
            "io.accessledger.audit..", "io.accessledger.registers..", "io.accessledger.report..",
            "io.accessledger.evidence..", "io.accessledger.api..", "io.accessledger.entries..",
            "io.accessledger.services..")
        .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..",
            "org.eclipse.jetty..", "org.glassfish..", "jakarta.servlet..")
        .check(main);
  }

  /** The console's sessions and chart layouts are plain rules and maths, testable without a server. */
  @Test
  void consoleSessionsAndChartsKnowNothingOfHttp() {
    noClasses().that().resideInAnyPackage("io.accessledger.console.session..",
            "io.accessledger.console.charts..")
        .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..",
            "org.eclipse.jetty..", "org.glassfish..", "jakarta.servlet..")
        .check(main);
  }

  /** Every package, the application's own included, is a node; any cycle between two fails. */
  @Test
  void noTwoPackagesDependOnEachOther() {
    slices().assignedFrom(EACH_PACKAGE).should().beFreeOfCycles().check(main);
  }
}
