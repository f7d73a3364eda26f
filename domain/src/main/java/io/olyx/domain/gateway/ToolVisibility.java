package io.olyx.domain.gateway;

import io.olyx.domain.llm.ToolDefinition;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which of a gateway's tools the model sees. Normally all of them; with {@code hideToolsWithoutSkill} only those an
 * enabled skill allows, plus {@code alwaysVisibleTools}. Olyx's built-in tools (memory, knowledge search) are not
 * gateway tools and are never hidden.
 */
public final class ToolVisibility {
    private ToolVisibility() {
    }

    public static List<ToolDefinition> visible(List<ToolDefinition> tools, boolean hideToolsWithoutSkill,
                                               List<String> alwaysVisible, List<Skill> enabledSkills) {
        if (!hideToolsWithoutSkill) {
            return List.copyOf(tools);
        }
        Set<String> allowed = new HashSet<>(alwaysVisible);
        enabledSkills.forEach(s -> allowed.addAll(s.definition().allowedToolsNames()));
        return tools.stream().filter(t -> allowed.contains(t.name())).toList();
    }
}
