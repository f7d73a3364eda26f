package io.olyx.application.gateway;

import io.olyx.application.cache.ExpiringCache;
import io.olyx.application.port.GatewayRepository;
import io.olyx.application.port.SkillRepository;
import io.olyx.domain.gateway.Gateway;
import io.olyx.domain.gateway.Skill;
import io.olyx.domain.gateway.SkillId;
import io.olyx.domain.project.ProjectId;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A project's gateways and skills as the chat path reads them: loaded together, cached for a few seconds, evicted
 * at once by this node's writes (other nodes' writes show within the TTL), so a gateway call costs no database
 * round trip to find its configuration.
 */
public final class GatewayDirectory {
    private final GatewayRepository gateways;
    private final SkillRepository skills;
    private final ExpiringCache<ProjectId, Entry> cache;

    public GatewayDirectory(GatewayRepository gateways, SkillRepository skills, Clock clock, Duration timeToLive) {
        this.gateways = gateways;
        this.skills = skills;
        this.cache = new ExpiringCache<>(clock, timeToLive);
    }

    /** A gateway named by its id or its slug. */
    public Optional<Gateway> resolve(ProjectId project, String model) {
        return Optional.ofNullable(entry(project).byIdOrSlug().get(model));
    }

    public List<Gateway> all(ProjectId project) {
        return entry(project).all();
    }

    /** The enabled skills that still exist, in the gateway's order. */
    public List<Skill> skills(ProjectId project, List<SkillId> ids) {
        Map<SkillId, Skill> known = entry(project).skills();
        return ids.stream().map(known::get).filter(s -> s != null).toList();
    }

    public void forget(ProjectId project) {
        cache.forget(project);
    }

    private Entry entry(ProjectId project) {
        return cache.get(project, this::load);
    }

    private Entry load(ProjectId project) {
        List<Gateway> all = gateways.list(project);
        Map<String, Gateway> byKey = new HashMap<>();
        for (Gateway g : all) {
            byKey.put(g.id().toString(), g);
            byKey.put(g.slug(), g);
        }
        Map<SkillId, Skill> bySkill = new HashMap<>();
        skills.list(project).forEach(s -> bySkill.put(s.id(), s));
        return new Entry(Map.copyOf(byKey), List.copyOf(all), Map.copyOf(bySkill));
    }

    private record Entry(Map<String, Gateway> byIdOrSlug, List<Gateway> all, Map<SkillId, Skill> skills) {
    }
}
