package io.accessledger.config;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.accessledger.auth.ClientStore;
import io.accessledger.auth.postgres.PostgresClientStore;
import io.accessledger.auth.sqlite.SqliteClientStore;
import io.accessledger.crypto.bc.Ed25519Signer;
import io.accessledger.crypto.bc.KeyPassphrase;
import io.accessledger.crypto.bc.SigningKeyFile;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.writer.LedgerStateException;
import io.accessledger.ledger.writer.LogSigning;
import io.accessledger.ledger.writer.SequencerSettings;
import io.accessledger.store.DiskReserve;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.postgres.PostgresLedgerStore;
import io.accessledger.store.sqlite.SqliteDataSources;
import io.accessledger.store.sqlite.SqliteLedgerStore;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The {@code ledger:} section of {@code config.yml}: where the ledger lives and how it is signed and
 * written. Builds the store, the checkpoint signer and the API client store: the one place that
 * knows their backend (SQLite, or PostgreSQL when {@code database} names one), which everything
 * else sees only as {@link LedgerStore} and {@link ClientStore}. The file layout under
 * {@code dataDir} is {@code ledger.db} (SQLite), {@code signing.key} (Ed25519 seed, plain or
 * sealed), {@code clients.db} (SQLite: API clients and their token hashes) and
 * {@code writer.lock}, all mode 0600; on PostgreSQL the ledger and the clients are in the
 * database, and each node's {@code dataDir} keeps its copy of {@code signing.key} and its own
 * {@code writer.lock}.
 */
public class LedgerFactory {
  /** The service's time zone unless {@code ledger.zone} says otherwise. */
  public static final String DEFAULT_ZONE = "Europe/London";

  // Each authentication holds a connection for one index probe, so a few serve many threads.
  private static final int CLIENT_CONNECTIONS = 4;

  @NotEmpty private String dataDir = "data";

  /** The checkpoint origin line: a schemeless URL-like name, no spaces or '+'. */
  @NotEmpty
  @Pattern(regexp = "[^\\s+]+", message = "must contain no white space and no '+'")
  private String origin = "access-ledger.local/log";

  @Min(1) private int maxBatchEntries = SequencerSettings.defaults().maxBatchEntries();
  @Min(1) private int queueCapacity = SequencerSettings.defaults().queueCapacity();
  @Min(1) private int linkCacheSize = SequencerSettings.defaults().linkCacheSize();
  @Min(2) private int maxConnections = 8;
  /** Start over missing or altered append-only triggers by recreating them (recorded). */
  private boolean recreateMissingTriggers = false;

  /**
   * Free space kept on the data directory's filesystem: a batch that would leave less is refused
   * (503, nothing written) before SQLite runs out of room. 0 keeps none. See {@link DiskReserve}.
   */
  @NotNull private DataSize diskReserve = DataSize.mebibytes(64);

  /**
   * The one time zone of the service: the day of a release or decision in the registers, the
   * need-to-know audit's working hours, the local times of subject access reports, and the demo.
   */
  @NotNull private ZoneId zone = ZoneId.of(DEFAULT_ZONE);

  /**
   * How long, after a key rotation, checkpoints carry both the old and the new key's signatures
   * (contract section 8); after it the old key is destroyed.
   */
  @NotNull private Duration keyTransition = Duration.hours(24);

  /** SQLite in {@code dataDir} unless this names a PostgreSQL database (CONTRACT section 7). */
  @Valid @NotNull private DatabaseSettings database = new DatabaseSettings();

  /** The file holding the key passphrase; null (absent) falls back to the variable itself. */
  private String keyPassphraseFile;
  @Valid @NotNull private KeySealingSettings keySealing = new KeySealingSettings();
  private java.util.function.Function<String, String> environment = System::getenv;

  @JsonProperty
  public Duration getKeyTransition() {
    return keyTransition;
  }

  @JsonProperty
  public void setKeyTransition(Duration keyTransition) {
    this.keyTransition = keyTransition;
  }

  @JsonProperty
  public String getDataDir() {
    return dataDir;
  }

  @JsonProperty
  public void setDataDir(String dataDir) {
    this.dataDir = dataDir;
  }

  @JsonProperty
  public String getOrigin() {
    return origin;
  }

  @JsonProperty
  public void setOrigin(String origin) {
    this.origin = origin;
  }

  @JsonProperty
  public int getMaxBatchEntries() {
    return maxBatchEntries;
  }

  @JsonProperty
  public void setMaxBatchEntries(int maxBatchEntries) {
    this.maxBatchEntries = maxBatchEntries;
  }

  @JsonProperty
  public int getQueueCapacity() {
    return queueCapacity;
  }

  @JsonProperty
  public void setQueueCapacity(int queueCapacity) {
    this.queueCapacity = queueCapacity;
  }

  @JsonProperty
  public int getLinkCacheSize() {
    return linkCacheSize;
  }

  @JsonProperty
  public void setLinkCacheSize(int linkCacheSize) {
    this.linkCacheSize = linkCacheSize;
  }

  @JsonProperty
  public int getMaxConnections() {
    return maxConnections;
  }

  @JsonProperty
  public void setMaxConnections(int maxConnections) {
    this.maxConnections = maxConnections;
  }

  @JsonProperty
  public boolean isRecreateMissingTriggers() {
    return recreateMissingTriggers;
  }

  @JsonProperty
  public void setRecreateMissingTriggers(boolean recreateMissingTriggers) {
    this.recreateMissingTriggers = recreateMissingTriggers;
  }

  @JsonProperty
  public DataSize getDiskReserve() {
    return diskReserve;
  }

  /**
   * @param diskReserve a size such as {@code 64MiB} or {@code 1GiB}, or a number of bytes (so that
   *     {@code LEDGER_DISK_RESERVE=0} works unquoted)
   * @throws IllegalArgumentException naming the value if it is neither
   */
  @JsonProperty
  public void setDiskReserve(String diskReserve) {
    this.diskReserve = DataSize.parse(diskReserve);
  }

  @JsonProperty
  public String getZone() {
    return zone.getId();
  }

  /**
   * @param zone an IANA time zone id such as {@code Pacific/Auckland}
   * @throws IllegalArgumentException naming the value if it is not a known zone id, so that the
   *     service does not start
   */
  @JsonProperty
  public void setZone(String zone) {
    try {
      this.zone = ZoneId.of(zone);
    } catch (DateTimeException | NullPointerException e) {
      throw new IllegalArgumentException("ledger.zone \"" + zone + "\" is not a known time zone"
          + " id; give an IANA id such as Pacific/Auckland");
    }
  }

  @JsonProperty
  public DatabaseSettings getDatabase() {
    return database;
  }

  @JsonProperty
  public void setDatabase(DatabaseSettings database) {
    this.database = database == null ? new DatabaseSettings() : database;
  }

  @JsonProperty
  public String getKeyPassphraseFile() {
    return keyPassphraseFile;
  }

  /** @param keyPassphraseFile the passphrase file's path; empty for none (key files plain) */
  @JsonProperty
  public void setKeyPassphraseFile(String keyPassphraseFile) {
    this.keyPassphraseFile = keyPassphraseFile == null ? "" : keyPassphraseFile;
  }

  @JsonProperty
  public KeySealingSettings getKeySealing() {
    return keySealing;
  }

  @JsonProperty
  public void setKeySealing(KeySealingSettings keySealing) {
    this.keySealing = keySealing == null ? new KeySealingSettings() : keySealing;
  }

  /** Where {@link #keyPassphrase} reads the variable when the config sets nothing; for tests. */
  void setEnvironment(java.util.function.Function<String, String> environment) {
    this.environment = environment;
  }

  /**
   * The passphrase that seals the signing key: the file {@code ledger.keyPassphraseFile} names
   * (config.yml takes it from {@value KeyPassphrase#VARIABLE}), or when a config file leaves the
   * setting out, the file that variable names; none when neither names one. New key files are
   * sealed at the cost {@code ledger.keySealing} gives (strong by default).
   *
   * @throws io.accessledger.crypto.bc.KeyFileException if the named file is missing, readable by
   *     others or empty
   */
  public KeyPassphrase keyPassphrase() {
    return KeyPassphrase.fromSetting(keyPassphraseFile != null
        ? keyPassphraseFile : environment.apply(KeyPassphrase.VARIABLE), keySealing.parameters());
  }

  /** The service's time zone ({@code ledger.zone}). */
  public ZoneId zone() {
    return zone;
  }

  /**
   * The zone as a subject access report names it to the family who reads it: "UK time" for the
   * default, which is the words its readers know, else "{@code <zone id>} time".
   */
  public String zoneName() {
    return zone.getId().equals(DEFAULT_ZONE) ? "UK time" : zone.getId() + " time";
  }

  /** The free-space reserve on the data directory's filesystem, which must exist. */
  public DiskReserve diskReserve() {
    return DiskReserve.of(dataPath(), diskReserve.toBytes());
  }

  public Path dataPath() {
    return Path.of(dataDir);
  }

  public Path databaseFile() {
    return dataPath().resolve("ledger.db");
  }

  public Path keyFile() {
    return dataPath().resolve("signing.key");
  }

  /**
   * The API clients' database: a file of its own, because it changes (revocation) while the
   * ledger's tables are append-only, and because {@code add-client} must write it while a running
   * server holds the ledger's writer lock.
   */
  public Path clientsFile() {
    return dataPath().resolve("clients.db");
  }

  /** Where the API clients are, in words for messages: never a password. */
  public String clientsLocation() {
    return database.isPostgres()
        ? "the API clients' tables in " + database.describe() : clientsFile().toString();
  }

  /**
   * True when API clients may have been added: clients.db exists, or on PostgreSQL the clients'
   * tables do. Creates and migrates nothing.
   */
  public boolean clientsExist() {
    return database.isPostgres()
        ? database.appliedVersion(PostgresClientStore.COMPONENT) > 0
        : Files.exists(clientsFile());
  }

  /**
   * Opens (creating on first use, mode 0600) the API client store. Safe while another process,
   * such as the server, has it open.
   */
  public ClientStore openClients(MetricRegistry metrics) {
    if (database.isPostgres()) {
      ManagedDataSource pool = database.buildPool(metrics, CLIENT_CONNECTIONS, "clients");
      return PostgresClientStore.open(pool, pool::stop, Clock.systemUTC());
    }
    prepareDataDir();
    createPrivately(clientsFile());
    return SqliteClientStore.open(clientsFile(), metrics, Clock.systemUTC());
  }

  /**
   * Creates the ledger database and the signing key if they are absent, as the first command that
   * opens the ledger must (contract section 1), and leaves both closed. If a running server holds
   * the writer lock, it has already created both, and this does nothing. An existing key file is
   * left unopened, so that a command such as {@code add-client} needs no key passphrase.
   *
   * @throws LedgerStateException if the data directory is open to others, or the ledger has
   *     checkpoints but no signing key
   */
  public void ensureLedgerCreated(MetricRegistry metrics) {
    Path dir = prepareDataDir();
    DataDirLock lock;
    try {
      lock = DataDirLock.acquire(dir);
    } catch (LedgerStateException heldByAnotherWriter) {
      return; // the writer that holds the lock opened (so created) the ledger and its key
    }
    try (lock; LedgerStore store = openStore(metrics)) {
      if (!Files.exists(keyFile())) {
        openSigner(store.size() > 0 || store.latestCheckpoint().isPresent());
      }
    }
  }

  public SequencerSettings sequencerSettings() {
    return new SequencerSettings(maxBatchEntries, queueCapacity, linkCacheSize);
  }

  /**
   * Opens (creating on first use) the ledger: SQLite in the data directory, created with mode
   * 0700 so that only the service's own user may read the ledger or its key; or the configured
   * PostgreSQL database, whose schema is applied when missing (which needs its owner's role).
   */
  public LedgerStore openStore(MetricRegistry metrics) {
    if (database.isPostgres()) {
      return openPostgresStore(metrics);
    }
    prepareDataDir();
    createPrivately(databaseFile());
    ManagedDataSource dataSource =
        SqliteDataSources.pooled(databaseFile(), metrics, maxConnections, diskReserve.toBytes());
    return SqliteLedgerStore.open(dataSource, dataSource::stop);
  }

  /** Opens the existing ledger read-only, for checking it: nothing is created, migrated or written. */
  public LedgerStore openStoreReadOnly() {
    if (database.isPostgres()) {
      return openPostgresStoreReadOnly();
    }
    return SqliteLedgerStore.openReadOnly(SqliteDataSources.readOnly(databaseFile()));
  }

  /** True when the ledger exists (for commands that must not create one): its file, or schema. */
  public boolean databaseExists() {
    return database.isPostgres()
        ? database.appliedVersion(PostgresLedgerStore.COMPONENT) > 0
        : Files.exists(databaseFile());
  }

  /** Where the ledger is, in words for messages: its file, or the database (never a password). */
  public String ledgerLocation() {
    return database.isPostgres() ? database.describe() : databaseFile().toString();
  }

  /**
   * Takes the data directory's writer lock ({@code writer.lock}: one per data directory, on
   * PostgreSQL too, where it guards this node's key and directory, not the shared database) for
   * a command that must not run while a server writes from this directory.
   *
   * @throws LedgerStateException if a server (or another command) holds it
   */
  public AutoCloseable holdWriterLock() {
    return DataDirLock.acquire(prepareDataDir());
  }

  /**
   * Loads the signing key, creating it (mode 0600) only when the ledger has never signed anything:
   * a ledger with checkpoints and no key file is refused, never re-keyed. With a
   * {@link #keyPassphrase} a new key file is sealed and a sealed one opened with it.
   */
  public CheckpointSigner openSigner(boolean ledgerHasCheckpoints) {
    Path keyFile = keyFile();
    if (ledgerHasCheckpoints && !Files.exists(keyFile)) {
      throw new LedgerStateException(
          "the ledger " + ledgerLocation() + " has signed checkpoints but its signing key "
              + keyFile + " is missing; restore the key file (a new key would not match the log)");
    }
    Ed25519Signer key = SigningKeyFile.loadOrCreate(keyFile, keyPassphrase());
    return new CheckpointSigner(origin, key, key.publicKey());
  }

  /**
   * The node's signing keys as the log's rotations decide them ({@link LogSigning}): {@code
   * signing.key} and the {@code signing-<key ID>.key} files of a rotation, each opened with the
   * {@link #keyPassphrase}. On a ledger that never signed anything and holds no key, the first key
   * is created (sealed when a passphrase is set).
   *
   * @throws LedgerStateException if the ledger has signed checkpoints but this node holds no key,
   *     or does not hold the key the log's rotations lead to, or holds a retired one
   */
  public LogSigning openSigning(LedgerStore store, Clock clock) {
    return openSigning(store, clock, signingKeys());
  }

  /** As {@link #openSigning(LedgerStore, Clock)}, with keys already read from this node. */
  public LogSigning openSigning(LedgerStore store, Clock clock, DataDirSigningKeys keys) {
    if (!Files.exists(keyFile()) && keys.held().isEmpty()) {
      openSigner(store.size() > 0 || store.latestCheckpoint().isPresent());
    }
    return LogSigning.open(store, keys, keyTransition.toJavaDuration(), clock);
  }

  /** The signing key files of this node's data directory. */
  public DataDirSigningKeys signingKeys() {
    return new DataDirSigningKeys(dataPath(), origin,
        file -> SigningKeyFile.load(file, keyPassphrase()));
  }

  /**
   * Creates {@code file} empty with mode 0600 if it does not exist. SQLite treats an empty file as
   * a new database and gives its -wal and -shm files the same mode, so the ledger's contents are
   * never readable by other users, whatever the umask.
   */
  static void createPrivately(Path file) {
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (java.nio.file.FileAlreadyExistsException e) {
      // Never touch an existing ledger.
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file, e);
    }
  }

  /**
   * Creates the data directory (mode 0700) if absent, and refuses one that other users can read or
   * enter: it holds personal data and the signing key.
   *
   * @return the data directory
   * @throws LedgerStateException if an existing directory is open to group or others
   */
  public Path prepareDataDir() {
    Path dir = dataPath();
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(
            dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(dir));
      if (!mode.substring(3).equals("------")) {
        throw new LedgerStateException("the data directory " + dir + " is open to other users ("
            + mode + "); it holds personal data and the signing key: chmod 700 " + dir);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + dir, e);
    }
  }

  private LedgerStore openPostgresStore(MetricRegistry metrics) {
    ManagedDataSource pool = database.buildPool(metrics, maxConnections, "postgres");
    return PostgresLedgerStore.open(pool, pool::stop);
  }

  /** Over connections that are read-only in PostgreSQL's own terms, opened as verify needs them. */
  private LedgerStore openPostgresStoreReadOnly() {
    return PostgresLedgerStore.openReadOnly(database.buildReadOnly());
  }
}
