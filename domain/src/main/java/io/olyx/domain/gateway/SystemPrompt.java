package io.olyx.domain.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one system message a gateway puts in front of the conversation, in a fixed order: its instructions, the
 * enabled skills, what it remembers about the user, then the retrieved knowledge with numbered references. One
 * message (not several) because every provider accepts exactly that.
 */
public final class SystemPrompt {
    private final List<String> sections = new ArrayList<>();

    public SystemPrompt instructions(String text) {
        if (!text.isBlank()) {
            sections.add(text.strip());
        }
        return this;
    }

    public SystemPrompt skill(String slug, String instructions) {
        return instructions("## Skill: " + slug + "\n" + instructions.strip());
    }

    public SystemPrompt memories(List<Memory> memories) {
        if (memories.isEmpty()) {
            return this;
        }
        StringBuilder text = new StringBuilder("## What you remember about this user\n");
        for (Memory m : memories) {
            text.append("- ");
            if (m.format() == MemoryFormat.DATE_REMINDER) {
                text.append("Reminder (due ").append(m.dueAt()).append("): ");
            }
            text.append(m.content().strip()).append(" (saved ").append(m.createdAt()).append(")\n");
        }
        return instructions(text.toString());
    }

    public SystemPrompt knowledge(List<KnowledgePassage> passages, boolean withReferences) {
        if (passages.isEmpty()) {
            return this;
        }
        StringBuilder text = new StringBuilder("## Knowledge\nAnswer from these passages when they are relevant "
                + "and cite them by number, e.g. [1].\n");
        for (int i = 0; i < passages.size(); i++) {
            KnowledgePassage p = passages.get(i);
            text.append("\n[").append(i + 1).append("] ").append(p.documentName())
                    .append(String.format(Locale.ROOT, " (document %s, score %.2f)%n", p.documentId(), p.score()))
                    .append(p.content().strip()).append('\n');
            if (withReferences) {
                p.references().forEach(r -> text.append("  context: ").append(r.strip()).append('\n'));
            }
        }
        return instructions(text.toString());
    }

    public boolean isEmpty() {
        return sections.isEmpty();
    }

    public String text() {
        return String.join("\n\n", sections);
    }
}
