package io.olyx.bootstrap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.olyx.adapter.http.execution.ChatCompletionRoutes;
import io.olyx.adapter.http.execution.ExecutionRoutes;
import io.olyx.adapter.http.execution.GuardRoutes;
import io.olyx.adapter.http.execution.OneShotRoutes;
import io.olyx.adapter.providers.ProviderGateway;
import io.olyx.application.admission.AdmissionControl;
import io.olyx.application.execution.Converse;
import io.olyx.application.execution.Execute;
import io.olyx.application.execution.ToolLoop;
import io.olyx.application.lease.LeaseKeeper;
import io.olyx.application.gateway.CollectionKnowledge;
import io.olyx.application.model.ModelCatalog;
import io.olyx.application.pipeline.FallbackCaller;
import io.olyx.application.pipeline.InputScreen;
import io.olyx.application.pipeline.ModelCallPipeline;
import io.olyx.application.pipeline.OneShotCalls;
import io.olyx.application.pipeline.RouteResolver;
import io.olyx.application.pipeline.RunCheck;
import io.olyx.application.pipeline.SimulateRouting;
import io.olyx.application.pipeline.StepLog;
import io.olyx.domain.guard.Guardrails;
import io.olyx.domain.jobs.RetryPolicy;
import io.olyx.domain.routing.ComplexityClassifier;
import java.net.InetAddress;
import java.net.UnknownHostException;
import io.javalin.Javalin;
import io.olyx.adapter.http.Authenticator;
import io.olyx.adapter.http.HttpApi;
import io.olyx.adapter.http.Idempotency;
import io.olyx.adapter.http.HttpSettings;
import io.olyx.adapter.http.account.AccountRoutes;
import io.olyx.adapter.http.audit.AuditRoutes;
import io.olyx.adapter.http.keys.KeyRoutes;
import io.olyx.adapter.http.model.ModelRoutes;
import io.olyx.adapter.http.project.ProjectRoutes;
import io.olyx.adapter.http.trace.TraceRoutes;
import io.olyx.adapter.persistence.Database;
import io.olyx.adapter.persistence.DatabaseSettings;
import io.olyx.adapter.persistence.KeyVault;
import io.olyx.application.access.Auditor;
import io.olyx.application.account.CreateAccount;
import io.olyx.application.account.EnsureOwner;
import io.olyx.application.account.FirstStart;
import io.olyx.application.account.LogIn;
import io.olyx.application.account.LoginThrottle;
import io.olyx.application.account.ManageAccounts;
import io.olyx.application.account.Sessions;
import io.olyx.application.audit.ListAuditEvents;
import io.olyx.application.idempotency.IdempotentRequests;
import io.olyx.application.jobs.JobHandler;
import io.olyx.application.jobs.JobWorker;
import io.olyx.application.keys.CreateApiKey;
import io.olyx.application.keys.KeyDirectory;
import io.olyx.application.keys.LastUsedTracker;
import io.olyx.application.keys.ManageApiKeys;
import io.olyx.application.model.ManageModels;
import io.olyx.application.port.AccountRepository;
import io.olyx.application.port.ApiKeyRepository;
import io.olyx.application.port.IdGenerator;
import io.olyx.application.port.IdempotencyStore;
import io.olyx.application.port.ProjectRepository;
import io.olyx.application.port.StepRecorder;
import io.olyx.application.port.TokenHasher;
import io.olyx.application.port.UnitOfWork;
import io.olyx.application.project.CreateProject;
import io.olyx.application.project.DeleteProject;
import io.olyx.application.project.SweepDeletedProject;
import io.olyx.application.project.ProjectQueries;
import io.olyx.application.project.UpdateProject;
import io.olyx.application.trace.AppendLogStep;
import io.olyx.application.trace.CompleteTrace;
import io.olyx.application.trace.SummaryRevisingRecorder;
import io.olyx.application.trace.CreateTrace;
import io.olyx.application.trace.GradeTraces;
import io.olyx.application.trace.TraceGrading;
import io.olyx.application.trace.TraceQueries;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every adapter and use case in dependency order, by hand, and starts the server.
 * Closing it shuts down in reverse: stop taking requests, flush what is batched, close the database.
 */
public final class Olyx implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Olyx.class);
    private static final int JOB_CONCURRENCY = 4;

    private final Database database;
    private final ProviderGateway providers;
    private final JobWorker jobs;
    private final HttpApi http;
    private final LastUsedTracker lastUsed;
    private final ScheduledExecutorService scheduler;
    /** Its own thread, so a long housekeeping run can never delay a renewal past a lease. */
    private final ScheduledExecutorService leaseRenewals;
    private final FirstStart firstStart;
    private final Optional<String> ownerLoginKey;
    private Optional<String> createdOwnerLoginKey = Optional.empty();
    private final RagWiring rag;
    private final GatewayWiring gateways;

    private Olyx(OlyxConfig config, Clock clock) {
        OlyxConfig.Storage storage = config.storage();
        database = Database.open(storage.databaseUrl()
                .map(url -> new DatabaseSettings(url, storage.databaseUser(), storage.databasePassword(),
                        storage.databasePoolSize()))
                .orElseGet(() -> DatabaseSettings.embedded(storage.dataDir(), storage.databasePoolSize())));
        KeyVault vault = KeyVault.load(config.security().masterKey(), storage.dataDir().resolve("master.key"));
        TokenHasher hasher = vault.tokenHasher();
        IdGenerator ids = database.ids();
        UnitOfWork unitOfWork = database.unitOfWork();
        AccountRepository accounts = database.accounts();
        ProjectRepository projects = database.projects();
        ApiKeyRepository apiKeys = database.apiKeys();
        Auditor auditor = new Auditor(database.auditLog(), clock);

        firstStart = new FirstStart(new EnsureOwner(accounts, hasher, ids, clock), projects, database.models(),
                unitOfWork, clock);
        ownerLoginKey = config.security().ownerLoginKey();

        lastUsed = new LastUsedTracker(apiKeys);
        KeyDirectory keyDirectory = new KeyDirectory(apiKeys, projects, hasher, lastUsed, clock,
                config.security().keyCacheTtl());
        Sessions sessions = new Sessions(database.sessions(), accounts, hasher, auditor, clock);
        Authenticator auth = new Authenticator(keyDirectory, sessions, auditor);
        ProjectQueries projectQueries = new ProjectQueries(projects, clock);
        TraceGrading grading = new GradeTraces(projects, database.models());
        CompleteTrace completeTrace = new CompleteTrace(database.traces(), database.steps(), grading, clock);
        StepRecorder stepRecorder = new SummaryRevisingRecorder(database.stepRecorder(), completeTrace);
        ModelCatalog catalog = new ModelCatalog(database.models(), vault.cipher(), clock,
                config.security().keyCacheTtl());
        providers = new ProviderGateway(ProviderGateway.sharedHttpClient(), pooledJson(), clock);
        Guardrails guardrails = new Guardrails();
        IdempotencyStore idempotencyStore = database.idempotency();
        LeaseKeeper leases = new LeaseKeeper(clock);
        Idempotency idempotency = new Idempotency(new IdempotentRequests(idempotencyStore, vault.cipher(), leases,
                clock, Duration.ofSeconds(30), Duration.ofMillis(50)));

        List<Consumer<Javalin>> areas = new ArrayList<>();
        areas.add(new AccountRoutes(
                new LogIn(accounts, database.sessions(), hasher, ids,
                        new LoginThrottle(config.security().loginAttemptsPerMinute()), auditor, clock),
                sessions, new CreateAccount(accounts, hasher, ids, auditor, clock),
                new ManageAccounts(accounts, database.sessions(), unitOfWork, auditor), auth)::register);
        areas.add(new ProjectRoutes(new CreateProject(projects, auditor, clock),
                new UpdateProject(projects, unitOfWork, keyDirectory, auditor, clock),
                new DeleteProject(projects, unitOfWork, keyDirectory, auditor, database.jobs(), clock), projectQueries,
                auth, idempotency)::register);
        areas.add(new KeyRoutes(new CreateApiKey(apiKeys, projects, hasher, ids, auditor, clock),
                new ManageApiKeys(apiKeys, projects, unitOfWork, keyDirectory, lastUsed, auditor, clock),
                projectQueries, auth, idempotency)::register);
        areas.add(new ModelRoutes(new ManageModels(database.models(), catalog, projects, vault.cipher(), unitOfWork, auditor,
                clock), auth)::register);
        areas.add(new TraceRoutes(new CreateTrace(database.traces(), ids, clock),
                completeTrace,
                new TraceQueries(database.traces(), database.steps(), grading),
                new AppendLogStep(database.traces(), database.steps(), stepRecorder, ids, clock),
                auth, idempotency)::register);
        areas.add(new AuditRoutes(new ListAuditEvents(database.auditLog()), auth)::register);

        AdmissionControl admission = new AdmissionControl(database.rateCounter(), database.loopHistory(),
                database.spendLedger(), apiKeys, keyDirectory, auditor, clock);
        InputScreen inputScreen = new InputScreen(guardrails);
        RouteResolver routes = new RouteResolver(ComplexityClassifier.standard(), catalog);
        FallbackCaller fallbackCaller = new FallbackCaller(providers, catalog);
        StepLog stepLog = new StepLog(stepRecorder, ids, catalog, clock);
        ModelCallPipeline pipeline = new ModelCallPipeline(database.traces(), database.steps(), admission,
                inputScreen, guardrails, routes, fallbackCaller, providers, stepLog, clock);
        Converse converse = new Converse(pipeline);
        areas.add(new ExecutionRoutes(new Execute(pipeline, new ToolLoop(database.traces(), database.steps(),
                stepRecorder, ids, leases, clock)), converse, auth, idempotency)::register);
        areas.add(new ChatCompletionRoutes(converse, auth, idempotency)::register);
        areas.add(new OneShotRoutes(new OneShotCalls(database.traces(), database.steps(), admission, guardrails,
                routes, fallbackCaller, providers, stepLog, clock), auth, idempotency)::register);
        areas.add(new GuardRoutes(new RunCheck(database.traces(), admission, guardrails, stepRecorder,
                ids, clock), new SimulateRouting(inputScreen, routes, providers), auth, idempotency)::register);
        Observability observability = new Observability(database, pipeline, grading, auth, idempotency,
                this::wakeJobs, clock);
        areas.addAll(observability.routes());

        rag = new RagWiring(config.rag(), storage.dataDir(), database, pipeline, auth, idempotency, this::wakeJobs,
                clock);
        areas.addAll(rag.routes());

        gateways = new GatewayWiring(config.gateways(), new GatewayWiring.Parts(database, catalog, pipeline, providers,
                vault.cipher(), new CreateTrace(database.traces(), ids, clock), completeTrace, stepRecorder,
                new CollectionKnowledge(rag.knowledgeSearch()), auth, idempotency, config.security().keyCacheTtl()),
                clock);
        areas.addAll(gateways.routes());

        List<JobHandler> jobHandlers = new ArrayList<>();
        jobHandlers.addAll(observability.jobHandlers());
        jobHandlers.add(rag.indexingJob());
        jobHandlers.add(new SweepDeletedProject(database.retention()));
        jobs = new JobWorker(database.jobs(), jobHandlers, nodeName(config), clock, RetryPolicy.DEFAULT,
                JOB_CONCURRENCY, Duration.ofMinutes(10), Duration.ofSeconds(1));

        OlyxConfig.Server server = config.server();
        http = new HttpApi(new HttpSettings(server.host(), server.port(), server.maxBodyBytes(),
                server.maxUploadBytes(), server.idleTimeout()), areas);

        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon(true)
                .name("olyx-scheduler").factory());
        scheduler.scheduleWithFixedDelay(this::flushLastUsed, 10, 10, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(() -> housekeeping(rag::pruneOrphanIndexes), 1, 60, TimeUnit.MINUTES);
        scheduler.scheduleWithFixedDelay(() -> housekeeping(() -> idempotencyStore.purgeExpired(clock.instant())),
                1, 60, TimeUnit.MINUTES);
        scheduler.scheduleWithFixedDelay(() -> housekeeping(() -> database.purgeAdmissionState(clock.instant())),
                5, 5, TimeUnit.MINUTES);
        scheduler.scheduleWithFixedDelay(() -> housekeeping(gateways::purgeExpiredMemories), 15, 60, TimeUnit.MINUTES);
        observability.schedule(scheduler, Olyx::housekeeping);
        leaseRenewals = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon(true)
                .name("olyx-lease-renewals").factory());
        long renewEvery = LeaseKeeper.RENEW_EVERY.toMillis();
        leaseRenewals.scheduleWithFixedDelay(leases::renewAll, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
    }

    /**
     * @param clock read to the microsecond, the precision both databases store: an answer that echoes a time it just
     *              wrote then shows what a later read returns
     */
    public static Olyx start(OlyxConfig config, Clock clock) {
        Olyx olyx = new Olyx(config, Clock.tick(clock, Duration.ofNanos(1_000)));
        try {
            // after the wiring, which can fail, and before the server listens, so a login can never precede it
            olyx.createdOwnerLoginKey = olyx.firstStart.run(olyx.ownerLoginKey);
            olyx.rag.removeOrphanChunks();
            olyx.jobs.start();
            olyx.http.start();
            olyx.rag.warmUp();
        } catch (RuntimeException e) {
            olyx.close();
            throw new StartFailed(e, olyx.createdOwnerLoginKey);
        }
        return olyx;
    }

    public int port() {
        return http.port();
    }

    /**
     * Identifies this node in job leases. Stable across restarts of the same installation (host and data
     * directory), so jobs it held when it stopped are taken back at once on the next start.
     */
    private static String nodeName(OlyxConfig config) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + Integer.toHexString(config.storage().dataDir().toAbsolutePath().normalize().hashCode());
    }

    /**
     * A start that failed once the server was wired. It may have created the owner (just before listening, so that no
     * login can come first), and that login key must still be shown: no later start shows it again.
     */
    public static final class StartFailed extends RuntimeException {
        private final Optional<String> createdOwnerLoginKey;

        StartFailed(RuntimeException cause, Optional<String> createdOwnerLoginKey) {
            super(cause.getMessage(), cause);
            this.createdOwnerLoginKey = createdOwnerLoginKey;
        }

        public Optional<String> createdOwnerLoginKey() {
            return createdOwnerLoginKey;
        }
    }

    /** The owner's login key if this start created the installation (to be shown once). */
    public Optional<String> createdOwnerLoginKey() {
        return createdOwnerLoginKey;
    }

    /** Work was just enqueued on this node: the worker picks it up now rather than at its next poll (the worker
     * exists by the time any request can enqueue; the check covers work enqueued while wiring). */
    private void wakeJobs() {
        if (jobs != null) {
            jobs.wake();
        }
    }

    private void flushLastUsed() {
        housekeeping(lastUsed::flush);
    }

    /** Provider bodies are parsed on virtual threads, where Jackson's thread-local buffer recycling never reuses. */
    private static ObjectMapper pooledJson() {
        return new ObjectMapper(JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
                .build());
    }

    private static void housekeeping(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("housekeeping task failed; it runs again on schedule", e);
        }
    }

    /** Every part is closed even when one before it fails, so the step writer always drains into the database. */
    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (Runnable part : List.<Runnable>of(http::close, leaseRenewals::shutdownNow, jobs::close,
                scheduler::shutdownNow, gateways::close,
                rag::close, providers::close, this::flushLastUsed, database::close)) {
            try {
                part.run();
            } catch (RuntimeException e) {
                LOG.error("a part of the shutdown failed; the rest still runs", e);
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.getFirst();
        }
    }
}
