package io.olyx.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.olyx.application.port.AccountRepository;
import io.olyx.application.port.ApiKeyRepository;
import io.olyx.application.port.AuditLog;
import io.olyx.application.port.CollectionRepository;
import io.olyx.application.port.CompletedTraces;
import io.olyx.application.port.DocumentRepository;
import io.olyx.application.port.GatewayRepository;
import io.olyx.application.port.IdGenerator;
import io.olyx.application.port.IdempotencyStore;
import io.olyx.application.port.InsightStore;
import io.olyx.application.port.JobQueue;
import io.olyx.application.port.LoopHistory;
import io.olyx.application.port.MemoryRepository;
import io.olyx.application.port.ModelRepository;
import io.olyx.application.port.ProjectRepository;
import io.olyx.application.port.RateCounter;
import io.olyx.application.port.ReplayStore;
import io.olyx.application.port.RetentionStore;
import io.olyx.application.port.SessionRepository;
import io.olyx.application.port.SkillRepository;
import io.olyx.application.port.SpendLedger;
import io.olyx.application.port.StatsRollupStore;
import io.olyx.application.port.StatsSource;
import io.olyx.application.port.StepRecorder;
import io.olyx.application.port.StepRepository;
import io.olyx.application.port.TraceRepository;
import io.olyx.application.port.UnitOfWork;
import java.time.Instant;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistence adapter's entry: opens the pool, migrates the schema, and hands out the port implementations.
 * Closing it drains the step writer first, so no acknowledged step is lost on a graceful shutdown.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final JsonCodec json = new JsonCodec();
    private final HotPath hotPath;
    private final StepRows stepRows = new StepRows(json);
    private final TraceRows traceRows = new TraceRows(json);
    private final GroupCommitStepRecorder stepRecorder;
    private final SequenceIdGenerator ids;
    private final boolean isPostgres;
    private final JdbiAdmissionStore admissionStore;
    private final Optional<H2Compaction> compaction;

    private Database(HikariDataSource dataSource, boolean isPostgres) {
        this.dataSource = dataSource;
        this.isPostgres = isPostgres;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        this.hotPath = new HotPath(dataSource);
        this.stepRecorder = new GroupCommitStepRecorder(hotPath, stepRows, traceRows);
        this.ids = new SequenceIdGenerator(jdbi);
        this.admissionStore = new JdbiAdmissionStore(jdbi, hotPath);
        this.compaction = isPostgres ? Optional.empty() : H2Compaction.start(dataSource);
    }

    public static Database open(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setPoolName("olyx-db");
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            var result = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load()
                    .migrate();
            LOG.info("database ready ({}), schema version {}", settings.isPostgres() ? "PostgreSQL" : "H2",
                    result.targetSchemaVersion == null ? "unchanged" : result.targetSchemaVersion);
            return new Database(dataSource, settings.isPostgres());
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    public UnitOfWork unitOfWork() {
        return new JdbiUnitOfWork(jdbi);
    }

    public IdGenerator ids() {
        return ids;
    }

    /** The embedded database's file compaction; empty on PostgreSQL and in memory. */
    Optional<H2Compaction> compaction() {
        return compaction;
    }

    public StepRecorder stepRecorder() {
        return stepRecorder;
    }

    public AccountRepository accounts() {
        return new JdbiAccountRepository(ForeignKeys.onDemand(jdbi, AccountDao.class), json);
    }

    public SessionRepository sessions() {
        return new JdbiSessionRepository(ForeignKeys.onDemand(jdbi, SessionDao.class));
    }

    public ProjectRepository projects() {
        return new JdbiProjectRepository(ForeignKeys.onDemand(jdbi, ProjectDao.class), json);
    }

    public ApiKeyRepository apiKeys() {
        return new JdbiApiKeyRepository(ForeignKeys.onDemand(jdbi, ApiKeyDao.class));
    }

    public ModelRepository models() {
        return new JdbiModelRepository(ForeignKeys.onDemand(jdbi, ModelDao.class), json);
    }

    public TraceRepository traces() {
        return new JdbiTraceRepository(ForeignKeys.onDemand(jdbi, TraceDao.class), hotPath, traceRows);
    }

    public StepRepository steps() {
        return new JdbiStepRepository(hotPath, stepRows);
    }

    public JobQueue jobs() {
        return new JdbiJobQueue(jdbi, json, isPostgres);
    }

    public CollectionRepository collections() {
        return new JdbiCollectionRepository(ForeignKeys.onDemand(jdbi, CollectionDao.class), hotPath, json);
    }

    public DocumentRepository documents() {
        return new JdbiDocumentRepository(jdbi, hotPath, json);
    }

    public SpendLedger spendLedger() {
        return admissionStore;
    }

    public RateCounter rateCounter() {
        return admissionStore;
    }

    public LoopHistory loopHistory() {
        return admissionStore;
    }

    /** Removes admission state that can no longer matter (old minutes, stale reservations, past windows). */
    public int purgeAdmissionState(Instant now) {
        return admissionStore.purge(now);
    }

    public IdempotencyStore idempotency() {
        return new JdbiIdempotencyStore(ForeignKeys.onDemand(jdbi, IdempotencyDao.class));
    }

    public GatewayRepository gateways() {
        return new JdbiGatewayRepository(ForeignKeys.onDemand(jdbi, GatewayDao.class), json);
    }

    public SkillRepository skills() {
        return new JdbiSkillRepository(ForeignKeys.onDemand(jdbi, SkillDao.class), json);
    }

    public MemoryRepository memories() {
        return new JdbiMemoryRepository(jdbi, hotPath);
    }

    public AuditLog auditLog() {
        return new JdbiAuditLog(ForeignKeys.onDemand(jdbi, AuditDao.class), json);
    }

    public StatsRollupStore statsRollups() {
        return new JdbiStatsRollupStore(jdbi, new RollupCodec(json));
    }

    public StatsSource statsSource() {
        return new JdbiStatsSource(ForeignKeys.onDemand(jdbi, StatsDao.class), stepRows, json);
    }

    public CompletedTraces completedTraces() {
        return new JdbiCompletedTraces(ForeignKeys.onDemand(jdbi, CompletedTracesDao.class), traceRows);
    }

    public InsightStore insights() {
        return new JdbiInsightStore(jdbi, json);
    }

    public ReplayStore replays() {
        return new JdbiReplayStore(jdbi, json);
    }

    public RetentionStore retention() {
        return new JdbiRetentionStore(jdbi);
    }

    @Override
    public void close() {
        stepRecorder.close();
        compaction.ifPresent(H2Compaction::close);
        dataSource.close();
    }
}
