package io.olyx.adapter.persistence;

import io.olyx.application.port.StatsRollupStore;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.stats.HourlyBucket;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Sealed stats hours. A seal replaces the hours it covers and moves the watermark in one transaction, conditional on
 * the watermark it started from, so two nodes sealing at once cannot both store (the loser's update matches nothing
 * and writes nothing).
 */
final class JdbiStatsRollupStore implements StatsRollupStore {
    private final Jdbi jdbi;
    private final StatsDao dao;
    private final RollupCodec codec;

    JdbiStatsRollupStore(Jdbi jdbi, RollupCodec codec) {
        this.jdbi = jdbi;
        this.dao = ForeignKeys.onDemand(jdbi, StatsDao.class);
        this.codec = codec;
    }

    @Override
    public Optional<Instant> sealedUntil(ProjectId project) {
        return dao.sealedUntil(project.value()).map(OffsetDateTime::toInstant);
    }

    @Override
    public List<HourlyBucket> buckets(ProjectId project, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        return dao.rollups(project.value(), Rows.utc(from), Rows.utc(to)).stream()
                .map(r -> new HourlyBucket(r.hourStart().toInstant(), codec.read(r.rollup()))).toList();
    }

    @Override
    public boolean seal(ProjectId project, Optional<Instant> expected, Instant until, List<HourlyBucket> buckets,
                        Instant now) {
        List<String> rollups = buckets.stream().map(b -> codec.write(b.rollup())).toList();
        return jdbi.inTransaction(handle -> {
            StatsDao tx = handle.attach(StatsDao.class);
            int moved = expected.isPresent()
                    ? tx.moveWatermark(project.value(), Rows.utc(expected.get()), Rows.utc(until))
                    : tx.createWatermark(project.value(), Rows.utc(until));
            if (moved != 1) {
                return false;
            }
            if (!buckets.isEmpty()) {
                Instant from = expected.orElseGet(() -> buckets.stream().map(HourlyBucket::hour)
                        .min(Instant::compareTo).orElseThrow());
                tx.deleteRollups(project.value(), Rows.utc(from), Rows.utc(until));
                tx.insertRollups(project.value(), buckets.stream().map(b -> Rows.utc(b.hour())).toList(), rollups,
                        Rows.utc(now));
            }
            return true;
        });
    }
}
