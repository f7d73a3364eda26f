package io.olyx.adapter.persistence;

import io.olyx.domain.common.Page;
import io.olyx.domain.common.PageRequest;
import io.olyx.domain.rag.CollectionId;
import io.olyx.domain.rag.DocumentFilter;
import io.olyx.domain.rag.DocumentOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The browse query, built from the filter: only the conditions asked for, every value bound, never spliced. Tags
 * are a compact JSON array in one column, so a tag matches as its JSON string opening an element, right after the
 * "[" or a "," (quotes included, so "a" does not match "ab"; and as a quote inside a tag is escaped, tag a"b, stored
 * "a\"b", does not match "b").
 */
final class DocumentBrowse {
    private static final char ESCAPE = '!';

    private DocumentBrowse() {
    }

    static Page<DocumentDao.Row> run(Jdbi jdbi, CollectionId collection, DocumentFilter filter, DocumentOrder order,
                                     PageRequest page, JsonCodec json) {
        List<String> where = new ArrayList<>(List.of("collection_id = :collection"));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("collection", collection.value());
        for (int i = 0; i < filter.tags().size(); i++) {
            where.add("(tags LIKE :firstTag" + i + " ESCAPE '" + ESCAPE + "' OR tags LIKE :laterTag" + i + " ESCAPE '"
                    + ESCAPE + "')");
            String element = likeLiteral(json.write(filter.tags().get(i)));
            values.put("firstTag" + i, "[" + element + "%");
            values.put("laterTag" + i, "%," + element + "%");
        }
        filter.nameContains().ifPresent(name -> {
            where.add("LOWER(name) LIKE :name ESCAPE '" + ESCAPE + "'");
            values.put("name", "%" + likeLiteral(name.toLowerCase(Locale.ROOT)) + "%");
        });
        filter.reference().ifPresent(reference -> {
            where.add("reference = :reference");
            values.put("reference", reference);
        });
        filter.state().ifPresent(state -> {
            where.add("index_state = :state");
            values.put("state", state.wire());
        });
        String condition = String.join(" AND ", where);
        return jdbi.withHandle(handle -> {
            long total = bind(handle.createQuery("SELECT COUNT(*) FROM rag_documents WHERE " + condition), values)
                    .mapTo(Long.class).one();
            List<DocumentDao.Row> rows = bind(handle.createQuery("SELECT " + DocumentDao.SUMMARY
                    + " FROM rag_documents WHERE " + condition + " ORDER BY " + orderBy(order)
                    + " LIMIT :limit OFFSET :offset"), values)
                    .bind("limit", page.perPage()).bind("offset", page.offset())
                    .map(new DocumentDao.Mapper()).list();
            return new Page<>(rows, page, total);
        });
    }

    private static <S extends SqlStatement<S>> S bind(S statement, Map<String, Object> values) {
        values.forEach(statement::bind);
        return statement;
    }

    private static String orderBy(DocumentOrder order) {
        return switch (order) {
            case CREATED_AT_DESC -> "created_at DESC, id DESC";
            case CREATED_AT_ASC -> "created_at, id";
            case UPDATED_AT_DESC -> "updated_at DESC, id DESC";
            case UPDATED_AT_ASC -> "updated_at, id";
            case NAME_ASC -> "name, id";
            case NAME_DESC -> "name DESC, id DESC";
        };
    }

    private static String likeLiteral(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                out.append(ESCAPE);
            }
            out.append(c);
        }
        return out.toString();
    }
}
