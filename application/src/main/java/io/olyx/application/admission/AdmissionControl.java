package io.olyx.application.admission;

import io.olyx.application.access.Auditor;
import io.olyx.application.access.KeyCaller;
import io.olyx.application.access.RequestOrigin;
import io.olyx.application.keys.KeyDirectory;
import io.olyx.application.port.ApiKeyRepository;
import io.olyx.application.port.LoopHistory;
import io.olyx.application.port.RateCounter;
import io.olyx.application.port.SpendLedger;
import io.olyx.domain.admission.LoopPolicy;
import io.olyx.domain.admission.RateLimitPolicy;
import io.olyx.domain.audit.AuditEventType;
import io.olyx.domain.keys.ApiKey;
import io.olyx.domain.keys.KeyStatus;
import io.olyx.domain.trace.TraceId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The pipeline's admission stage: per-key rate limit, loop detection on the trace, and the hourly spend cap with a
 * reservation held for the call's worst-case cost. All three keep their state in the shared database, so they hold
 * across nodes. A loop or a cap breach pauses the key (loop_detected / tripped) until an admin resets it.
 */
public final class AdmissionControl {
    static final Duration PAUSED_KEY_RETRY = Duration.ofHours(1);

    private final RateCounter rates;
    private final LoopHistory loops;
    private final SpendLedger spend;
    private final ApiKeyRepository keys;
    private final KeyDirectory directory;
    private final Auditor auditor;
    private final Clock clock;

    public AdmissionControl(RateCounter rates, LoopHistory loops, SpendLedger spend, ApiKeyRepository keys,
                            KeyDirectory directory, Auditor auditor, Clock clock) {
        this.rates = rates;
        this.loops = loops;
        this.spend = spend;
        this.keys = keys;
        this.directory = directory;
        this.auditor = auditor;
        this.clock = clock;
    }

    /** Rate limit and loop check, before any guardrail or model work is spent on the request. */
    public Admission admit(KeyCaller caller, TraceId trace, String fingerprint) {
        if (admitRate(caller) instanceof Admission.Refused refused) {
            return refused;
        }
        Instant now = clock.instant();
        LoopPolicy loopPolicy = LoopPolicy.of(caller.project().settings());
        if (loopPolicy.enabled()
                && loopPolicy.isLoop(loops.count(trace, fingerprint, now.minus(loopPolicy.window())))) {
            pause(caller.key(), KeyStatus.LOOP_DETECTED, AuditEventType.KEY_LOOP_DETECTED,
                    Map.of("trace_id", trace.toString(), "repeats", loopPolicy.threshold()));
            keys.incrementLoopInterventions(caller.key().id());
            return new Admission.Refused(Admission.Reason.LOOP_DETECTED, "The same request was repeated "
                    + loopPolicy.threshold() + " times on this trace within " + loopPolicy.window().toSeconds()
                    + " s; the key is paused until an admin resets it", PAUSED_KEY_RETRY);
        }
        return new Admission.Admitted();
    }

    /** The per-key requests-per-minute limit alone (calls that cannot loop, such as safety checks). */
    public Admission admitRate(KeyCaller caller) {
        Instant now = clock.instant();
        RateLimitPolicy rateLimit = RateLimitPolicy.of(caller.project().settings());
        if (rateLimit.requestsPerMinute().isPresent()
                && !rateLimit.allows(rates.increment(caller.key().id(), RateLimitPolicy.window(now)))) {
            return new Admission.Refused(Admission.Reason.RATE_LIMITED, "The key's rate limit of "
                    + rateLimit.requestsPerMinute().getAsInt() + " requests per minute was reached",
                    RateLimitPolicy.untilNextWindow(now));
        }
        return new Admission.Admitted();
    }

    /** Holds the call's worst-case cost against the key's hourly cap; empty (and the key tripped) if it won't fit. */
    public Optional<SpendHold> hold(KeyCaller caller, BigDecimal worstCaseCost) {
        ApiKey key = caller.key();
        if (key.hourlyLimit().isEmpty()) {
            return Optional.of(SpendHold.none(key.id()));
        }
        Optional<Long> reservation = spend.reserve(key.id(), key.hourlyLimit().get(), worstCaseCost, clock.instant());
        if (reservation.isEmpty()) {
            pause(key, KeyStatus.TRIPPED, AuditEventType.KEY_TRIPPED,
                    Map.of("hourly_limit", key.hourlyLimit().get().toPlainString()));
            return Optional.empty();
        }
        return Optional.of(new SpendHold(key.id(), reservation, worstCaseCost));
    }

    /** Swaps the hold for the real cost (zero when the call failed before spending). */
    public void settle(SpendHold hold, BigDecimal actualCost) {
        hold.reservationId().ifPresent(id -> spend.settle(id, hold.key(), actualCost, clock.instant()));
    }

    public static Admission.Refused spendRefusal(KeyCaller caller) {
        return new Admission.Refused(Admission.Reason.SPEND_LIMIT, "This call would take the key past its hourly "
                + "spend limit of " + caller.key().hourlyLimit().map(BigDecimal::toPlainString).orElse("?")
                + " USD; the key is tripped until an admin resets it", PAUSED_KEY_RETRY);
    }

    private void pause(ApiKey key, KeyStatus status, AuditEventType event, Map<String, Object> metadata) {
        if (keys.compareAndSetStatus(key.id(), KeyStatus.ACTIVE, status)) {
            auditor.record(event, Optional.of(key.id().value()), Optional.of(key.projectId().value()),
                    RequestOrigin.internal(), metadata);
        }
        directory.forgetKey(key.id());
    }
}
